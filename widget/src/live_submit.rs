//! The live-chat forms at work: "nobody can chat now" with its "Leave a message" button, the
//! message form it opens, and the stars at the end of a chat — sending them and showing what
//! came of it. Errors are shown next to their field and announced; focus moves only when the
//! control the resident used goes away.

use std::rc::Rc;

use protocol::{Availability, ErrorCode, RatingRequest};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlElement};

use crate::date;
use crate::dom;
use crate::http;
use crate::ids;
use crate::live_api;
use crate::live_forms;
use crate::live_json;
use crate::live_parts::Parts;
use crate::reply::Failure;

/// The forms of live chat in the transcript.
pub struct Forms {
    parts: Parts,
}

impl Forms {
    /// The forms, sharing the widget's `parts`.
    pub fn new(parts: Parts) -> Self {
        Self { parts }
    }

    /// Wires "Leave a message" buttons and the sending of both forms in the transcript.
    pub fn wire(self: &Rc<Self>) -> Result<(), JsValue> {
        let log = &self.parts.chrome.log;
        let forms = Rc::clone(self);
        dom::listen(log, "click", move |event| {
            let button =
                dom::event_element(&event).and_then(|el| el.closest("button.leave").ok().flatten());
            if let Some(button) = button {
                forms.open_ticket(&button);
            }
        })?;

        let forms = Rc::clone(self);
        dom::listen(log, "submit", move |event| {
            let Some(form) = dom::event_element(&event) else {
                return;
            };
            let classes = form.class_list();
            if classes.contains("ticket") {
                event.prevent_default();
                spawn_local(Rc::clone(&forms).submit_ticket(form));
            } else if classes.contains("rating") {
                event.prevent_default();
                spawn_local(Rc::clone(&forms).submit_rating(form));
            }
        })
    }

    /// Nobody can chat: says when staff are back — only outside office hours, since during
    /// them staff who are all away may come back any minute — and offers to leave a message.
    pub fn show_offline(&self, availability: &Availability) {
        let texts = self.parts.texts();
        let next = availability
            .next_open
            .as_deref()
            .filter(|_| !availability.office_hours)
            .and_then(|iso| date::next_open(iso, &texts));
        match self.parts.view(&texts).offline(next.as_ref()) {
            Ok((message, spoken)) => {
                self.parts.append(&message);
                self.parts.announcer.say(&spoken);
            }
            Err(err) => dom::report(&err),
        }
    }

    /// "Leave a message": the form takes the button's place, and focus moves to its first
    /// field.
    fn open_ticket(&self, button: &Element) {
        let texts = self.parts.texts();
        let Ok(form) = live_forms::ticket(&self.parts.doc, &texts, self.parts.uid()) else {
            return;
        };
        if button.replace_with_with_node_1(&form).is_err() {
            return;
        }
        if let Ok(Some(first)) = form.query_selector("input")
            && let Some(first) = first.dyn_ref::<HtmlElement>()
        {
            let _ = first.focus();
        }
    }

    async fn submit_ticket(self: Rc<Self>, form: Element) {
        if form.has_attribute("aria-busy") {
            return;
        }
        let texts = self.parts.texts();
        let message = live_forms::value(&form, "message");
        let Some(field) = form.query_selector("textarea[name=message]").ok().flatten() else {
            return;
        };
        let request = self.parts.session.borrow().ticket_request(
            texts.lang(),
            &live_forms::value(&form, "name"),
            &live_forms::value(&form, "contact"),
            &message,
        );
        let error = live_forms::error_of(&form, &field.id());
        let Some(request) = request else {
            if let Some(error) = &error {
                let text = texts.get(ids::TICKET_MESSAGE_MISSING);
                let _ = live_forms::set_error(&field, error, Some(&text), true);
                self.parts.announcer.say(&text);
            }
            if let Some(field) = field.dyn_ref::<HtmlElement>() {
                let _ = field.focus();
            }
            return;
        };
        if let Some(error) = &error {
            let _ = live_forms::set_error(&field, error, None, true);
        }
        let _ = form.set_attribute("aria-busy", "true");
        let url = live_api::tickets(&self.parts.config.base);
        let result = http::post_json(&url, &request)
            .await
            .and_then(|json| live_json::ticket(&json).ok_or(Failure::Server(ErrorCode::Internal)));
        let _ = form.remove_attribute("aria-busy");
        match result {
            Ok(reference) => {
                let args = [("reference", reference.as_str())];
                self.replace_form(&form, ids::TICKET_THANKS, &args);
            }
            Err(failure) => self.form_failure(&form, failure),
        }
    }

    async fn submit_rating(self: Rc<Self>, form: Element) {
        if form.has_attribute("aria-busy") {
            return;
        }
        let texts = self.parts.texts();
        let (Some(chat_id), Some(token)) = (
            form.get_attribute("data-chat"),
            form.get_attribute("data-token"),
        ) else {
            return;
        };
        let Some(fieldset) = form.query_selector("fieldset").ok().flatten() else {
            return;
        };
        let error = live_forms::error_of(&form, &fieldset.id());
        let stars = live_forms::checked(&form).and_then(|v| v.parse::<u8>().ok());
        let Some(stars) = stars.filter(|s| (1..=5).contains(s)) else {
            if let Some(error) = &error {
                let text = texts.get(ids::LIVE_RATING_MISSING);
                let _ = live_forms::set_error(&fieldset, error, Some(&text), false);
                self.parts.announcer.say(&text);
            }
            if let Ok(Some(first)) = form.query_selector("input[type=radio]")
                && let Some(first) = first.dyn_ref::<HtmlElement>()
            {
                let _ = first.focus();
            }
            return;
        };
        if let Some(error) = &error {
            let _ = live_forms::set_error(&fieldset, error, None, false);
        }
        let comment = live_forms::value(&form, "comment");
        let request = RatingRequest {
            token,
            stars,
            comment: (!comment.is_empty())
                .then(|| comment.chars().take(protocol::MAX_COMMENT_CHARS).collect()),
        };
        let _ = form.set_attribute("aria-busy", "true");
        let url = live_api::rating(&self.parts.config.base, &chat_id);
        let result = http::post_json(&url, &request).await;
        let _ = form.remove_attribute("aria-busy");
        match result {
            Ok(_) => self.replace_form(&form, ids::LIVE_RATING_THANKS, &[]),
            Err(failure) => self.form_failure(&form, failure),
        }
    }

    /// A sent form gives way to its thank-you, which takes focus if the form had it.
    fn replace_form(&self, form: &Element, id: &str, args: &[(&str, &str)]) {
        let texts = self.parts.texts();
        let Ok(done) = live_forms::done(&self.parts.doc, &texts, id, args) else {
            return;
        };
        let had_focus = self.parts.focus_within(form);
        if form.replace_with_with_node_1(&done).is_err() {
            return;
        }
        if had_focus && let Some(done) = done.dyn_ref::<HtmlElement>() {
            let _ = done.focus();
        }
        self.parts.announcer.say(&texts.format(id, args));
    }

    /// Shows why a form could not be sent, next to its button.
    fn form_failure(&self, form: &Element, failure: Failure) {
        let text = self.parts.texts().get(&failure.message_id());
        if let Some((error, submit)) = live_forms::form_error(form) {
            let _ = live_forms::set_error(&submit, &error, Some(&text), false);
        }
        self.parts.announcer.say(&text);
    }
}
