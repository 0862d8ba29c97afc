//! The resident's display and language preferences, kept on the device in `localStorage`
//! under keys that belong to the widget alone — except on a public kiosk, where they stay in
//! the widget's memory, so nothing about one resident is left for the next.

use std::cell::Cell;

use web_sys::{Storage, Window};

use crate::locale;

/// Where the chosen UI language is kept.
pub const LANG_KEY: &str = "wayfinder:lang";
/// Where the display preferences are kept.
pub const PREFS_KEY: &str = "wayfinder:prefs";

/// The display preferences. They change the widget only, never the host page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefs {
    /// Text at about 125 %.
    pub larger_text: bool,
    /// The high-contrast colour set.
    pub high_contrast: bool,
    /// Speak each new answer with `speechSynthesis`.
    pub read_aloud: bool,
}

/// One preference, as its toggle and its stored word name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pref {
    /// [`Prefs::larger_text`].
    LargerText,
    /// [`Prefs::high_contrast`].
    HighContrast,
    /// [`Prefs::read_aloud`].
    ReadAloud,
}

impl Pref {
    /// Every preference, in the order the settings show them.
    pub const ALL: [Self; 3] = [Self::LargerText, Self::HighContrast, Self::ReadAloud];

    /// The word stored for this preference when it is on.
    pub fn word(self) -> &'static str {
        match self {
            Self::LargerText => "large-text",
            Self::HighContrast => "high-contrast",
            Self::ReadAloud => "read-aloud",
        }
    }

    /// The preference stored as `word`.
    pub fn from_word(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|pref| pref.word() == word)
    }
}

impl Prefs {
    /// Whether `pref` is on.
    pub fn get(self, pref: Pref) -> bool {
        match pref {
            Pref::LargerText => self.larger_text,
            Pref::HighContrast => self.high_contrast,
            Pref::ReadAloud => self.read_aloud,
        }
    }

    /// Turns `pref` on or off.
    pub fn set(&mut self, pref: Pref, on: bool) {
        match pref {
            Pref::LargerText => self.larger_text = on,
            Pref::HighContrast => self.high_contrast = on,
            Pref::ReadAloud => self.read_aloud = on,
        }
    }

    /// The stored form: the words of the preferences that are on, separated by spaces.
    pub fn encode(self) -> String {
        let mut stored = String::new();
        for pref in Pref::ALL.into_iter().filter(|pref| self.get(*pref)) {
            if !stored.is_empty() {
                stored.push(' ');
            }
            stored.push_str(pref.word());
        }
        stored
    }

    /// Reads the stored form; unknown words (from another version) are ignored.
    pub fn decode(stored: &str) -> Self {
        let mut prefs = Self::default();
        for pref in stored.split_whitespace().filter_map(Pref::from_word) {
            prefs.set(pref, true);
        }
        prefs
    }
}

/// The UI language a stored value names, if the widget has it.
pub fn stored_language(stored: &str) -> Option<String> {
    let stored = stored.trim();
    if stored.is_empty() {
        return None;
    }
    locale::supported(stored)
}

thread_local! {
    /// Whether storage is off (kiosk mode): preferences then live only in the widget's memory.
    static OFF: Cell<bool> = const { Cell::new(false) };
}

/// Stops using the device's storage from now on: for kiosks, where the device is shared, the
/// preferences, language choice and consent live only in the running widget's memory.
pub fn keep_in_memory() {
    OFF.with(|off| off.set(true));
}

/// Whether storage is off (kiosk mode).
pub fn in_memory() -> bool {
    OFF.with(Cell::get)
}

/// The page's `localStorage`, when the browser allows the widget to use it and storage is
/// on.
fn storage(window: &Window) -> Option<Storage> {
    if in_memory() {
        return None;
    }
    window.local_storage().ok().flatten()
}

/// Reads `key`; `None` when it is unset or storage is unavailable.
pub fn load(window: &Window, key: &str) -> Option<String> {
    storage(window)?.get_item(key).ok().flatten()
}

/// Writes `key`, quietly doing nothing when storage is unavailable or full.
pub fn save(window: &Window, key: &str, value: &str) {
    if let Some(storage) = storage(window) {
        let _ = storage.set_item(key, value);
    }
}

/// Removes every key the widget writes for `site` from the page's `localStorage` and
/// `sessionStorage`, even while storage is off (a kiosk's reset), leaving the page's own.
pub fn clear(window: &Window, site: &str) {
    if let Ok(Some(local)) = window.local_storage() {
        for key in [
            LANG_KEY,
            PREFS_KEY,
            &crate::strings::concat(&["wayfinder:consent:", site]),
        ] {
            let _ = local.remove_item(key);
        }
    }
    if let Ok(Some(session)) = window.session_storage() {
        let _ = session.remove_item(crate::resume::CHAT_KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_stored_means_defaults() {
        assert_eq!(Prefs::decode(""), Prefs::default());
        assert_eq!(Prefs::default().encode(), "");
    }

    #[test]
    fn preferences_round_trip() {
        for bits in 0..8_u8 {
            let prefs = Prefs {
                larger_text: bits & 1 != 0,
                high_contrast: bits & 2 != 0,
                read_aloud: bits & 4 != 0,
            };
            assert_eq!(Prefs::decode(&prefs.encode()), prefs, "{bits}");
        }
    }

    #[test]
    fn stored_form_is_readable_words() {
        let prefs = Prefs {
            larger_text: true,
            high_contrast: false,
            read_aloud: true,
        };
        assert_eq!(prefs.encode(), "large-text read-aloud");
    }

    #[test]
    fn unknown_words_and_extra_space_are_ignored() {
        let prefs = Prefs::decode("  high-contrast  sparkles\tlarge-text ");
        assert!(prefs.larger_text && prefs.high_contrast && !prefs.read_aloud);
    }

    #[test]
    fn set_and_get_agree() {
        let mut prefs = Prefs::default();
        for pref in Pref::ALL {
            prefs.set(pref, true);
            assert!(prefs.get(pref));
            assert_eq!(Pref::from_word(pref.word()), Some(pref));
        }
        prefs.set(Pref::HighContrast, false);
        assert!(!prefs.high_contrast);
    }

    #[test]
    fn stored_language_must_be_available() {
        assert_eq!(stored_language("es").as_deref(), Some("es"));
        assert_eq!(stored_language(" zh-Hant ").as_deref(), Some("zh-Hant"));
        assert_eq!(stored_language("de"), None);
        assert_eq!(stored_language(""), None);
    }

    #[test]
    fn keys_belong_to_the_widget() {
        assert!(LANG_KEY.starts_with("wayfinder:"));
        assert!(PREFS_KEY.starts_with("wayfinder:"));
    }
}
