//! The site's privacy notice, for sites that ask residents to accept it before their first
//! question. The widget learns of it when the server refuses a question with
//! `consent_required` (nothing costs sites that do not ask): the notice is fetched and shown
//! in the transcript with an "I agree" button; the version accepted is kept on the device and
//! sent with every later question, so a rewritten notice is shown again.

use std::rc::Rc;

use protocol::ErrorCode;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use crate::dom;
use crate::http;
use crate::ids;
use crate::json::Fields;
use crate::live_parts::Parts;
use crate::prefs;
use crate::reply::Failure;

/// The privacy notice and the consent given to it.
pub struct Consent {
    parts: Parts,
}

impl Consent {
    /// The notice, sharing the widget's `parts`.
    pub fn new(parts: Parts) -> Rc<Self> {
        Rc::new(Self { parts })
    }

    fn key(&self) -> String {
        format!("wayfinder:consent:{}", self.parts.config.site)
    }

    /// The notice version the resident accepted on this device, if any.
    pub fn accepted(&self) -> Option<String> {
        prefs::load(&self.parts.window, &self.key()).filter(|v| !v.is_empty())
    }

    /// Wires the "I agree" buttons in the transcript.
    pub fn wire(self: &Rc<Self>) -> Result<(), JsValue> {
        let consent = Rc::clone(self);
        dom::listen(&self.parts.chrome.log, "click", move |event| {
            let button = dom::event_element(&event)
                .and_then(|el| el.closest("button.consent-accept").ok().flatten());
            if let Some(button) = button {
                consent.accept(&button);
            }
        })
    }

    /// Fetches the notice in `lang` (a tag the server matches to the site's languages).
    pub async fn fetch(&self, lang: &str) -> Result<crate::json::Value, Failure> {
        let url = self.parts.config.endpoint(&format!(
            "/api/v1/privacy?site={}&lang={}",
            crate::live_api::encode(&self.parts.config.site),
            crate::live_api::encode(lang)
        ));
        http::get_json(&url).await
    }

    /// Shows the fetched notice in the transcript (in the UI strings in use for its button).
    pub fn show(&self, notice: &crate::json::Value) {
        match self.notice(notice) {
            Ok(message) => self.parts.append(&message),
            Err(err) => dom::report(&err),
        }
    }

    /// The notice as a transcript message: its title, paragraphs, the city's policy page and
    /// the "I agree" button carrying the version.
    fn notice(&self, json: &crate::json::Value) -> Result<HtmlElement, JsValue> {
        let bad = || JsValue::from_str("wayfinder: malformed privacy notice");
        let (Some(version), Some(title), Some(text), Some(lang)) = (
            json.text("version"),
            json.text("title"),
            json.text("text"),
            json.text("lang"),
        ) else {
            return Err(bad());
        };
        let doc = &self.parts.doc;
        let texts = self.parts.texts();
        let message: HtmlElement = dom::element(
            doc,
            "div",
            &[("class", "message bot privacy"), ("tabindex", "-1")],
        )?
        .dyn_into()?;
        dom::set_lang(&message, &lang)?;
        message.append_child(dom::hidden_text(doc, &texts.get(ids::SENDER_BOT))?.as_ref())?;
        message.append_child(dom::text(doc, "h3", &[], &title)?.as_ref())?;
        for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            message.append_child(dom::text(doc, "p", &[("class", "text")], paragraph)?.as_ref())?;
        }
        if let Some(url) = json.text("url").filter(|url| crate::links::is_safe(url)) {
            let link = dom::text(
                doc,
                "a",
                &[
                    ("class", "action"),
                    ("href", &url),
                    ("target", "_blank"),
                    ("rel", "noopener"),
                ],
                &texts.get(ids::CONSENT_POLICY),
            )?;
            dom::set_lang(&link, texts.lang())?;
            message.append_child(&link)?;
        }
        let accept = dom::text(
            doc,
            "button",
            &[
                ("type", "button"),
                ("class", "consent-accept submit"),
                ("data-version", &version),
            ],
            &texts.get(ids::CONSENT_ACCEPT),
        )?;
        dom::set_lang(&accept, texts.lang())?;
        message.append_child(&accept)?;
        Ok(message)
    }

    /// "I agree": keeps the version on the device, and the button gives way to a note that
    /// the question can be sent again (it is still in the question box); focus goes there.
    fn accept(&self, button: &Element) {
        let Some(version) = button.get_attribute("data-version") else {
            return;
        };
        prefs::save(&self.parts.window, &self.key(), &version);
        self.parts.session.borrow_mut().set_consent(Some(version));
        let texts = self.parts.texts();
        let text = texts.get(ids::CONSENT_ACCEPTED);
        if let Ok(note) = dom::text(&self.parts.doc, "p", &[("class", "form-done")], &text) {
            let _ = button.replace_with_with_node_1(&note);
        }
        let _ = self.parts.chrome.input.focus();
        self.parts.announcer.say(&text);
    }
}

/// Whether `failure` is the server asking for consent.
pub fn is_needed(failure: Failure) -> bool {
    failure == Failure::Server(ErrorCode::ConsentRequired)
}
