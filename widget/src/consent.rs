//! The site's privacy notice, for sites that ask residents to accept it before their first
//! question. The widget learns of it when the server refuses a question with
//! `consent_required` (nothing costs sites that do not ask): the notice is fetched and shown
//! in the transcript with an "I agree" button; the version accepted is kept on the device and
//! sent with every later question, so a rewritten notice is shown again.

use std::rc::Rc;

use protocol::ErrorCode;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use crate::dom;
use crate::http;
use crate::ids;
use crate::json::Fields;
use crate::live_parts::Parts;
use crate::markup::Markup;
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
        let mut key = String::from("wayfinder:consent:");
        key.push_str(&self.parts.config.site);
        key
    }

    /// The notice version the resident accepted on this device, if any.
    pub fn accepted(&self) -> Option<String> {
        prefs::load(&self.parts.window, &self.key()).filter(|v| !v.is_empty())
    }

    /// Wires the "I agree" buttons in the transcript.
    pub fn wire(self: &Rc<Self>) {
        let consent = Rc::clone(self);
        dom::listen(&self.parts.chrome.log, "click", move |event| {
            if let Some(button) = dom::event_closest(&event, "button.consent-accept") {
                consent.accept(&button);
            }
        });
    }

    /// Fetches the notice in `lang` (a tag the server matches to the site's languages).
    pub async fn fetch(&self, lang: &str) -> Result<crate::json::Value, Failure> {
        let mut path = String::from("/api/v1/privacy?site=");
        path.push_str(&crate::live_api::encode(&self.parts.config.site));
        path.push_str("&lang=");
        path.push_str(&crate::live_api::encode(lang));
        http::get_json(&self.parts.config.endpoint(&path)).await
    }

    /// Shows the fetched notice in the transcript (in the UI strings in use for its button).
    pub fn show(&self, notice: &crate::json::Value) {
        match self.notice(notice) {
            Some(message) => self.parts.append(&message),
            None => dom::report(&JsValue::from_str("malformed privacy notice")),
        }
    }

    /// The notice as a transcript message: its title, paragraphs, the city's policy page and
    /// the "I agree" button carrying the version.
    fn notice(&self, json: &crate::json::Value) -> Option<HtmlElement> {
        let version = json.text("version")?;
        let title = json.text("title")?;
        let text = json.text("text")?;
        let lang = json.text("lang")?;
        let texts = self.parts.texts();
        let mut m = Markup::new();
        m.fill(
            "<span class=\"vh\">{}</span><h3>{}</h3>",
            &[&texts.get(ids::SENDER_BOT), &title],
        );
        for paragraph in paragraphs(&text).filter(|p| !p.trim().is_empty()) {
            m.fill("<p class=\"text\">{}</p>", &[paragraph]);
        }
        if let Some(url) = json.text("url").filter(|url| crate::links::is_safe(url)) {
            m.fill(
                "<a class=\"action\" href=\"{}\" target=\"_blank\" rel=\"noopener\"",
                &[&url],
            )
            .lang(texts.lang())
            .fill(">{}</a>", &[&texts.get(ids::CONSENT_POLICY)]);
        }
        m.fill(
            "<button type=\"button\" class=\"consent-accept submit\" data-version=\"{}\"",
            &[&version],
        )
        .lang(texts.lang())
        .fill(">{}</button>", &[&texts.get(ids::CONSENT_ACCEPT)]);
        let message = dom::html(
            &self.parts.doc,
            "div",
            &[("class", "message bot privacy"), ("tabindex", "-1")],
            m.as_str(),
        );
        dom::set_lang(&message, &lang);
        Some(message)
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
        let note = dom::text(&self.parts.doc, "p", &[("class", "form-done")], &text);
        dom::replace(button, &note);
        dom::focus(&self.parts.chrome.input);
        self.parts.announcer.say(&text);
    }
}

/// The pieces of `text` between blank lines (`"\n\n"`), by bytes: a substring search would
/// bring kilobytes into the wasm.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let bytes = rest.as_bytes();
        let end = (1..bytes.len()).find(|&i| bytes[i - 1] == b'\n' && bytes[i] == b'\n');
        let (paragraph, next) = match end {
            Some(i) => (rest.get(..i - 1), rest.get(i + 1..)),
            None => {
                done = true;
                (Some(rest), None)
            }
        };
        rest = next.unwrap_or_default();
        paragraph
    })
}

/// Whether `failure` is the server asking for consent.
pub fn is_needed(failure: Failure) -> bool {
    failure == Failure::Server(ErrorCode::ConsentRequired)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_as_str_split_does() {
        for text in ["a\n\nb", "a\nb", "", "\n\n", "a\n\n\nb\n\n", "é\n\nü"] {
            let ours: Vec<&str> = paragraphs(text).collect();
            let std: Vec<&str> = text.split("\n\n").collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }
}
