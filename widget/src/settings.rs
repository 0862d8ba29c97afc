//! The dialog's own controls for the resident: the language menu, the display preferences,
//! "Talk to a person" (where the site offers live chat) and the microphone button. Both menus
//! are disclosures: a button with `aria-expanded` that shows or hides what it controls.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, ShadowRoot};

use crate::dom;
use crate::ids;
use crate::locale;
use crate::markup::Markup;
use crate::prefs::{Pref, Prefs};
use crate::texts::Texts;

/// Id of the language button.
pub const LANG_BUTTON_ID: &str = "wf-lang-button";
/// Id of the list of languages.
pub const LANG_LIST_ID: &str = "wf-langs";
/// Id of the display preferences button.
pub const PREFS_BUTTON_ID: &str = "wf-prefs-button";
/// Id of the display preferences panel.
pub const PREFS_PANEL_ID: &str = "wf-prefs";
/// Id of the "Talk to a person" button.
pub const TALK_BUTTON_ID: &str = "wf-talk";

/// A decorative 24×24 icon, hidden from assistive technology: the markup before its path.
const ICON_START: &str =
    "<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"";
const GLOBE_PATH: &str = "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4a14 14 0 0 1 1.9 4h-3.8A14 14 0 0 1 12 4zM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4zm.8 2h2.9a15.7 15.7 0 0 0 1.4 3.6A8 8 0 0 1 5.1 16zM8 8H5.1a8 8 0 0 1 4.3-3.6A15.7 15.7 0 0 0 8 8zm4 12a14 14 0 0 1-1.9-4h3.8A14 14 0 0 1 12 20zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6a15.7 15.7 0 0 0 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6zM16.3 14a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4z";
const PERSON_PATH: &str =
    "M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4 0-8 2-8 5v2h16v-2c0-3-4-5-8-5z";
const MIC_PATH: &str = "M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9z";

/// Each display toggle: its preference, its checkbox's id and its label's id.
const TOGGLES: [(Pref, &str, &str); 3] = [
    (
        Pref::LargerText,
        "wf-pref-large-text",
        "wf-pref-large-text-label",
    ),
    (
        Pref::HighContrast,
        "wf-pref-high-contrast",
        "wf-pref-high-contrast-label",
    ),
    (
        Pref::ReadAloud,
        "wf-pref-read-aloud",
        "wf-pref-read-aloud-label",
    ),
];

/// What the browser offers, which decides which controls exist at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Features {
    /// `speechSynthesis`: the "read answers aloud" toggle.
    pub speak: bool,
    /// `SpeechRecognition`: the microphone button.
    pub listen: bool,
}

/// One display toggle: a checkbox and its label.
struct Toggle {
    pref: Pref,
    input: HtmlInputElement,
    label: HtmlElement,
}

/// The language menu, the display preferences, "Talk to a person" and the microphone button.
pub struct Settings {
    /// The language button (`#wf-lang-button`).
    pub lang_button: HtmlElement,
    lang_prefix: HtmlElement,
    lang_name: HtmlElement,
    /// The list of languages (`#wf-langs`), hidden while closed.
    pub lang_list: HtmlElement,
    /// The display preferences button (`#wf-prefs-button`).
    pub prefs_button: HtmlElement,
    /// The display preferences (`#wf-prefs`), hidden while closed.
    pub prefs_panel: HtmlElement,
    /// Link to the plain page (`/help`) in the current language.
    pub help_link: HtmlElement,
    /// `/help?site=…` on the server, without the language.
    help_url: String,
    /// "Talk to a person" (`#wf-talk`), shown once the site is known to offer live chat and
    /// while no chat is on.
    pub talk: HtmlElement,
    talk_label: HtmlElement,
    toggles: Vec<Toggle>,
    /// The microphone button (`#wf-mic`), when the browser can listen.
    pub mic: Option<HtmlElement>,
    mic_label: Option<HtmlElement>,
}

impl Settings {
    /// Writes the row of menu buttons, the language list and the display preferences (for
    /// what `features` allows), unlabelled: [`Settings::relabel`] labels them.
    pub fn markup(m: &mut Markup, features: Features, help_url: &str) {
        m.raw(
            "<div class=\"tools\"><button id=\"wf-lang-button\" type=\"button\" class=\"tool\" \
             aria-expanded=\"false\" aria-controls=\"wf-langs\" \
             aria-labelledby=\"wf-lang-prefix wf-lang-name\">",
        )
        .raw(ICON_START)
        .raw(GLOBE_PATH)
        .raw(
            "\"></path></svg><span id=\"wf-lang-prefix\" class=\"vh\"></span>\
             <span id=\"wf-lang-name\"></span></button>\
             <button id=\"wf-prefs-button\" type=\"button\" class=\"tool\" \
             aria-expanded=\"false\" aria-controls=\"wf-prefs\"></button>\
             <button id=\"wf-talk\" type=\"button\" class=\"tool\" hidden>",
        )
        .raw(ICON_START)
        .raw(PERSON_PATH)
        .raw(
            "\"></path></svg><span id=\"wf-talk-label\"></span></button></div>\
             <ul id=\"wf-langs\" class=\"langs\" hidden>",
        );
        for (tag, name) in locale::NATIVE_NAMES {
            m.fill(
                "<li><button type=\"button\" class=\"lang-choice\" data-lang=\"{}\"",
                &[tag],
            )
            .lang(tag)
            .fill(">{}</button></li>", &[name]);
        }
        m.raw(
            "</ul><div id=\"wf-prefs\" class=\"prefs\" role=\"group\" \
             aria-labelledby=\"wf-prefs-button\" hidden>",
        );
        for (pref, id, label) in toggles(features) {
            m.fill(
                "<div class=\"toggle\"><input type=\"checkbox\" id=\"{}\" data-pref=\"{}\">\
                 <label id=\"{}\" for=\"{}\"></label></div>",
                &[id, pref.word(), label, id],
            );
        }
        // The same assistant as a plain page, for browsers or assistive technology that
        // struggle with the dialog.
        m.fill(
            "<a id=\"wf-help\" class=\"help-link\" href=\"{}\"></a></div>",
            &[help_url],
        );
    }

    /// Writes the microphone button (where the browser can listen).
    pub fn mic_markup(m: &mut Markup, features: Features) {
        if features.listen {
            m.raw("<button id=\"wf-mic\" type=\"button\" class=\"mic\" aria-pressed=\"false\">")
                .raw(ICON_START)
                .raw(MIC_PATH)
                .raw("\"></path></svg><span id=\"wf-mic-label\" class=\"vh\"></span></button>");
        }
    }

    /// The controls [`Settings::markup`] and [`Settings::mic_markup`] wrote into `root`.
    pub fn find(root: &ShadowRoot, features: Features, help_url: &str) -> Self {
        let by_id = |id| dom::by_id(root, id);
        let toggles = toggles(features)
            .map(|(pref, id, label)| Toggle {
                pref,
                input: dom::by_id(root, id).unchecked_into(),
                label: by_id(label),
            })
            .collect();
        Self {
            lang_button: by_id(LANG_BUTTON_ID),
            lang_prefix: by_id("wf-lang-prefix"),
            lang_name: by_id("wf-lang-name"),
            lang_list: by_id(LANG_LIST_ID),
            prefs_button: by_id(PREFS_BUTTON_ID),
            prefs_panel: by_id(PREFS_PANEL_ID),
            help_link: by_id("wf-help"),
            help_url: help_url.to_owned(),
            talk: by_id(TALK_BUTTON_ID),
            talk_label: by_id("wf-talk-label"),
            toggles,
            mic: features.listen.then(|| by_id("wf-mic")),
            mic_label: features.listen.then(|| by_id("wf-mic-label")),
        }
    }

    /// Writes the labels in `texts`' language and marks that language as the current one.
    pub fn relabel(&self, texts: &Texts) {
        let lang = texts.lang();
        self.lang_prefix
            .set_text_content(Some(&texts.get(ids::LANGUAGE_BUTTON)));
        self.lang_name
            .set_text_content(Some(locale::native_name(lang)));
        dom::set_lang(&self.lang_name, lang);
        dom::set(
            &self.lang_list,
            "aria-label",
            &texts.get(ids::LANGUAGE_LIST),
        );
        for choice in dom::find_all(&self.lang_list, "button") {
            if choice.get_attribute("data-lang").as_deref() == Some(lang) {
                dom::set(&choice, "aria-current", "true");
            } else {
                dom::unset(&choice, "aria-current");
            }
        }
        self.prefs_button
            .set_text_content(Some(&texts.get(ids::PREFS_BUTTON)));
        self.help_link
            .set_text_content(Some(&texts.get(ids::HELP_PAGE)));
        let mut help = self.help_url.clone();
        help.push_str("&lang=");
        help.push_str(lang);
        dom::set(&self.help_link, "href", &help);
        self.talk_label
            .set_text_content(Some(&texts.get(ids::TALK)));
        for toggle in &self.toggles {
            let id = match toggle.pref {
                Pref::LargerText => ids::PREF_LARGER_TEXT,
                Pref::HighContrast => ids::PREF_HIGH_CONTRAST,
                Pref::ReadAloud => ids::PREF_READ_ALOUD,
            };
            toggle.label.set_text_content(Some(&texts.get(id)));
        }
        if let Some(label) = &self.mic_label {
            label.set_text_content(Some(&texts.get(ids::VOICE_INPUT)));
        }
    }

    /// Ticks the toggles as `prefs` says.
    pub fn show_prefs(&self, prefs: Prefs) {
        for toggle in &self.toggles {
            toggle.input.set_checked(prefs.get(toggle.pref));
        }
    }

    /// Whether the language list is open.
    pub fn langs_open(&self) -> bool {
        !self.lang_list.hidden()
    }

    /// Whether the display preferences are open.
    pub fn prefs_open(&self) -> bool {
        !self.prefs_panel.hidden()
    }

    /// Opens or closes the language list (closing the preferences).
    pub fn set_langs_open(&self, open: bool) {
        if open {
            self.set_prefs_open(false);
        }
        expand(&self.lang_button, &self.lang_list, open);
    }

    /// Opens or closes the display preferences (closing the language list).
    pub fn set_prefs_open(&self, open: bool) {
        if open {
            self.set_langs_open(false);
        }
        expand(&self.prefs_button, &self.prefs_panel, open);
    }
}

fn expand(button: &HtmlElement, panel: &HtmlElement, open: bool) {
    panel.set_hidden(!open);
    dom::set(button, "aria-expanded", if open { "true" } else { "false" });
}

/// The display toggles the browser can have.
fn toggles(features: Features) -> impl Iterator<Item = (Pref, &'static str, &'static str)> {
    TOGGLES
        .into_iter()
        .filter(move |(pref, _, _)| *pref != Pref::ReadAloud || features.speak)
}
