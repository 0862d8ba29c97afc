//! The dialog's own controls for the resident: the language menu, the display preferences,
//! "Talk to a person" (where the site offers live chat) and the microphone button. Both menus
//! are disclosures: a button with `aria-expanded` that shows or hides what it controls.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use crate::dom;
use crate::ids;
use crate::locale;
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

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const GLOBE_PATH: &str = "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4a14 14 0 0 1 1.9 4h-3.8A14 14 0 0 1 12 4zM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4zm.8 2h2.9a15.7 15.7 0 0 0 1.4 3.6A8 8 0 0 1 5.1 16zM8 8H5.1a8 8 0 0 1 4.3-3.6A15.7 15.7 0 0 0 8 8zm4 12a14 14 0 0 1-1.9-4h3.8A14 14 0 0 1 12 20zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6a15.7 15.7 0 0 0 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6zM16.3 14a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4z";
const PERSON_PATH: &str =
    "M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4 0-8 2-8 5v2h16v-2c0-3-4-5-8-5z";
const MIC_PATH: &str = "M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9z";

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
    label: Element,
}

/// The language menu, the display preferences, "Talk to a person" and the microphone button.
pub struct Settings {
    /// The row holding the two menu buttons.
    pub tools: Element,
    /// The language button (`#wf-lang-button`).
    pub lang_button: HtmlElement,
    lang_prefix: Element,
    lang_name: Element,
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
    talk_label: Element,
    toggles: Vec<Toggle>,
    /// The microphone button (`#wf-mic`), when the browser can listen.
    pub mic: Option<HtmlElement>,
    mic_label: Option<Element>,
}

impl Settings {
    /// Builds the controls (not yet in the dialog) for what `features` allows.
    pub fn build(doc: &Document, features: Features, help_url: &str) -> Result<Self, JsValue> {
        let tools = dom::element(doc, "div", &[("class", "tools")])?;
        let lang_button = disclosure_button(doc, LANG_BUTTON_ID, LANG_LIST_ID)?;
        lang_button.set_attribute("aria-labelledby", "wf-lang-prefix wf-lang-name")?;
        let globe = icon(doc, GLOBE_PATH)?;
        lang_button.append_child(&globe)?;
        let lang_prefix = dom::element(doc, "span", &[("id", "wf-lang-prefix"), ("class", "vh")])?;
        let lang_name = dom::element(doc, "span", &[("id", "wf-lang-name")])?;
        lang_button.append_child(&lang_prefix)?;
        lang_button.append_child(&lang_name)?;
        let prefs_button = disclosure_button(doc, PREFS_BUTTON_ID, PREFS_PANEL_ID)?;
        let talk: HtmlElement = dom::element(
            doc,
            "button",
            &[
                ("id", TALK_BUTTON_ID),
                ("type", "button"),
                ("class", "tool"),
            ],
        )?
        .dyn_into()?;
        talk.append_child(icon(doc, PERSON_PATH)?.as_ref())?;
        let talk_label = dom::element(doc, "span", &[])?;
        talk.append_child(&talk_label)?;
        talk.set_hidden(true);
        tools.append_child(&lang_button)?;
        tools.append_child(&prefs_button)?;
        tools.append_child(&talk)?;

        let lang_list: HtmlElement =
            dom::element(doc, "ul", &[("id", LANG_LIST_ID), ("class", "langs")])?.dyn_into()?;
        lang_list.set_hidden(true);
        for (tag, name) in locale::NATIVE_NAMES {
            let item = dom::element(doc, "li", &[])?;
            let choice = dom::text(
                doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "lang-choice"),
                    ("data-lang", tag),
                ],
                name,
            )?;
            dom::set_lang(&choice, tag)?;
            item.append_child(&choice)?;
            lang_list.append_child(&item)?;
        }

        let prefs_panel: HtmlElement = dom::element(
            doc,
            "div",
            &[
                ("id", PREFS_PANEL_ID),
                ("class", "prefs"),
                ("role", "group"),
                ("aria-labelledby", PREFS_BUTTON_ID),
            ],
        )?
        .dyn_into()?;
        prefs_panel.set_hidden(true);
        let mut toggles = Vec::new();
        for pref in Pref::ALL {
            if pref == Pref::ReadAloud && !features.speak {
                continue;
            }
            let id = format!("wf-pref-{}", pref.word());
            let row = dom::element(doc, "div", &[("class", "toggle")])?;
            let input: HtmlInputElement = dom::element(
                doc,
                "input",
                &[
                    ("type", "checkbox"),
                    ("id", &id),
                    ("data-pref", pref.word()),
                ],
            )?
            .dyn_into()?;
            let label = dom::element(doc, "label", &[("for", &id)])?;
            row.append_child(&input)?;
            row.append_child(&label)?;
            prefs_panel.append_child(&row)?;
            toggles.push(Toggle { pref, input, label });
        }

        // The same assistant as a plain page, for browsers or assistive technology that
        // struggle with the dialog.
        let help_link: HtmlElement = dom::element(
            doc,
            "a",
            &[
                ("id", "wf-help"),
                ("class", "help-link"),
                ("href", help_url),
            ],
        )?
        .dyn_into()?;
        prefs_panel.append_child(&help_link)?;

        let (mic, mic_label) = if features.listen {
            let mic: HtmlElement = dom::element(
                doc,
                "button",
                &[
                    ("id", "wf-mic"),
                    ("type", "button"),
                    ("class", "mic"),
                    ("aria-pressed", "false"),
                ],
            )?
            .dyn_into()?;
            let shape = icon(doc, MIC_PATH)?;
            mic.append_child(&shape)?;
            let label = dom::hidden_text(doc, "")?;
            mic.append_child(&label)?;
            (Some(mic), Some(label))
        } else {
            (None, None)
        };

        Ok(Self {
            tools,
            lang_button,
            lang_prefix,
            lang_name,
            lang_list,
            prefs_button,
            prefs_panel,
            help_link,
            help_url: help_url.to_owned(),
            talk,
            talk_label,
            toggles,
            mic,
            mic_label,
        })
    }

    /// Writes the labels in `texts`' language and marks that language as the current one.
    pub fn relabel(&self, texts: &Texts) -> Result<(), JsValue> {
        let lang = texts.lang();
        self.lang_prefix
            .set_text_content(Some(&texts.get(ids::LANGUAGE_BUTTON)));
        self.lang_name
            .set_text_content(Some(locale::native_name(lang)));
        dom::set_lang(&self.lang_name, lang)?;
        self.lang_list
            .set_attribute("aria-label", &texts.get(ids::LANGUAGE_LIST))?;
        let choices = self.lang_list.query_selector_all("button")?;
        for i in 0..choices.length() {
            let Some(choice) = choices.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if choice.get_attribute("data-lang").as_deref() == Some(lang) {
                choice.set_attribute("aria-current", "true")?;
            } else {
                choice.remove_attribute("aria-current")?;
            }
        }
        self.prefs_button
            .set_text_content(Some(&texts.get(ids::PREFS_BUTTON)));
        self.help_link
            .set_text_content(Some(&texts.get(ids::HELP_PAGE)));
        self.help_link
            .set_attribute("href", &format!("{}&lang={lang}", self.help_url))?;
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
        Ok(())
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
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
}

fn disclosure_button(doc: &Document, id: &str, controls: &str) -> Result<HtmlElement, JsValue> {
    dom::element(
        doc,
        "button",
        &[
            ("id", id),
            ("type", "button"),
            ("class", "tool"),
            ("aria-expanded", "false"),
            ("aria-controls", controls),
        ],
    )?
    .dyn_into()
    .map_err(JsValue::from)
}

/// A decorative 24×24 icon, hidden from assistive technology.
fn icon(doc: &Document, path: &str) -> Result<Element, JsValue> {
    let svg = doc.create_element_ns(Some(SVG_NS), "svg")?;
    svg.set_attribute("viewBox", "0 0 24 24")?;
    svg.set_attribute("aria-hidden", "true")?;
    svg.set_attribute("focusable", "false")?;
    let shape = doc.create_element_ns(Some(SVG_NS), "path")?;
    shape.set_attribute("d", path)?;
    svg.append_child(&shape)?;
    Ok(svg)
}
