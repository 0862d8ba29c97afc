//! The live chat in progress, kept in the tab's `sessionStorage` so that reloading the page or
//! reopening the widget carries on with the same chat. Cleared when the chat ends, so the bot
//! answers again. On a kiosk nothing is kept: the chat lives in memory only, and a reload
//! starts afresh for the next resident.

use web_sys::{Storage, Window};

use crate::json::{self, Fields, Object, whole};

/// Where the chat in progress is kept (a key that belongs to the widget alone).
pub const CHAT_KEY: &str = "wayfinder:chat";

/// What it takes to reconnect to a chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredChat {
    /// The chat's id.
    pub chat_id: String,
    /// The resident's secret for this chat.
    pub token: String,
    /// The last event shown to the resident (stored as `seq`).
    pub last_seq: u64,
    /// The language the chat was started in (staff messages are marked with it).
    pub lang: String,
}

impl StoredChat {
    /// The stored form (JSON).
    pub fn encode(&self) -> String {
        Object::new()
            .text("chat_id", &self.chat_id)
            .text("token", &self.token)
            .number("seq", self.last_seq)
            .text("lang", &self.lang)
            .finish()
    }

    /// Reads the stored form, parsed (by `JSON.parse` in the browser); `None` when it is
    /// missing a part or is not ours.
    pub fn read<F: Fields>(json: &F) -> Option<Self> {
        let chat = Self {
            chat_id: json.text("chat_id")?,
            token: json.text("token")?,
            last_seq: whole(json.number("seq"))?,
            lang: json.text("lang")?,
        };
        let usable = !chat.chat_id.is_empty() && !chat.token.is_empty();
        usable.then_some(chat)
    }
}

/// The tab's `sessionStorage`, when the browser allows the widget to use it and the widget
/// is not on a kiosk ([`crate::prefs::in_memory`]).
fn storage(window: &Window) -> Option<Storage> {
    if crate::prefs::in_memory() {
        return None;
    }
    window.session_storage().ok().flatten()
}

/// The chat in progress in this tab, if any.
pub fn load(window: &Window) -> Option<StoredChat> {
    let stored = storage(window)?.get_item(CHAT_KEY).ok()??;
    StoredChat::read(&json::parse(&stored)?)
}

/// Keeps `chat` for reconnecting; quietly does nothing when storage is unavailable.
pub fn save(window: &Window, chat: &StoredChat) {
    if let Some(storage) = storage(window) {
        let _ = storage.set_item(CHAT_KEY, &chat.encode());
    }
}

/// Forgets the chat (it ended or the server no longer knows it).
pub fn clear(window: &Window) {
    if let Some(storage) = storage(window) {
        let _ = storage.remove_item(CHAT_KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chat() -> StoredChat {
        StoredChat {
            chat_id: "c-1".into(),
            token: "t-secret".into(),
            last_seq: 7,
            lang: "es".into(),
        }
    }

    /// Reads stored JSON as the browser would hand it over.
    fn decode(text: &str) -> Option<StoredChat> {
        StoredChat::read(&json::parse(text)?)
    }

    #[test]
    fn round_trips() {
        assert_eq!(decode(&chat().encode()), Some(chat()));
        assert_eq!(
            chat().encode(),
            r#"{"chat_id":"c-1","token":"t-secret","seq":7,"lang":"es"}"#
        );
    }

    #[test]
    fn broken_or_partial_values_are_ignored() {
        assert_eq!(decode(r#"{"chat_id":"c"}"#), None);
        assert_eq!(
            decode(r#"{"chat_id":"c","token":"t","seq":-1,"lang":"en"}"#),
            None
        );
        let mut empty = chat();
        empty.token.clear();
        assert_eq!(decode(&empty.encode()), None);
    }

    #[test]
    fn the_key_belongs_to_the_widget() {
        assert!(CHAT_KEY.starts_with("wayfinder:"));
    }
}
