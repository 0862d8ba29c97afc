//! The live-chat forms at work: "nobody can chat now" with its "Leave a message" button, the
//! message form it opens, and the stars at the end of a chat — sending them and showing what
//! came of it. Errors are shown next to their field and announced; focus moves only when the
//! control the resident used goes away.

use std::rc::Rc;

use protocol::{Availability, ErrorCode, RatingRequest};
use wasm_bindgen_futures::spawn_local;
use web_sys::Element;

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
    pub fn wire(self: &Rc<Self>) {
        let log = &self.parts.chrome.log;
        let forms = Rc::clone(self);
        dom::listen(log, "click", move |event| {
            if let Some(button) = dom::event_closest(&event, "button.leave") {
                forms.open_ticket(&button);
            }
        });

        let forms = Rc::clone(self);
        dom::listen(log, "submit", move |event| {
            let Some(form) = dom::event_element(&event) else {
                return;
            };
            if dom::has_class(&form, "ticket") {
                event.prevent_default();
                spawn_local(Rc::clone(&forms).submit_ticket(form));
            } else if dom::has_class(&form, "rating") {
                event.prevent_default();
                spawn_local(Rc::clone(&forms).submit_rating(form));
            }
        });
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
        let (message, spoken) = self.parts.view(&texts).offline(next.as_ref());
        self.parts.append(&message);
        self.parts.announcer.say(&spoken);
    }

    /// "Leave a message": the form takes the button's place, and focus moves to its first
    /// field.
    fn open_ticket(&self, button: &Element) {
        let texts = self.parts.texts();
        let form = live_forms::ticket(&self.parts.doc, &texts, self.parts.uid());
        dom::replace(button, &form);
        if let Some(first) = dom::find(&form, "input") {
            dom::focus(&first);
        }
    }

    async fn submit_ticket(self: Rc<Self>, form: Element) {
        if form.has_attribute("aria-busy") {
            return;
        }
        let texts = self.parts.texts();
        let message = live_forms::value(&form, "message");
        let Some(field) = dom::find(&form, "textarea[name=message]") else {
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
                live_forms::set_error(&field, error, Some(&text), true);
                self.parts.announcer.say(&text);
            }
            dom::focus(&field);
            return;
        };
        if let Some(error) = &error {
            live_forms::set_error(&field, error, None, true);
        }
        dom::set(&form, "aria-busy", "true");
        let url = live_api::tickets(&self.parts.config.base);
        let result = http::post_json(&url, &request)
            .await
            .and_then(|json| live_json::ticket(&json).ok_or(Failure::Server(ErrorCode::Internal)));
        dom::unset(&form, "aria-busy");
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
        let Some(fieldset) = dom::find(&form, "fieldset") else {
            return;
        };
        let error = live_forms::error_of(&form, &fieldset.id());
        let stars = live_forms::checked(&form).and_then(|v| v.parse::<u8>().ok());
        let Some(stars) = stars.filter(|s| (1..=5).contains(s)) else {
            if let Some(error) = &error {
                let text = texts.get(ids::LIVE_RATING_MISSING);
                live_forms::set_error(&fieldset, error, Some(&text), false);
                self.parts.announcer.say(&text);
            }
            if let Some(first) = dom::find(&form, "input[type=radio]") {
                dom::focus(&first);
            }
            return;
        };
        if let Some(error) = &error {
            live_forms::set_error(&fieldset, error, None, false);
        }
        let comment = live_forms::value(&form, "comment");
        let request = RatingRequest {
            token,
            stars,
            comment: (!comment.is_empty())
                .then(|| comment.chars().take(protocol::MAX_COMMENT_CHARS).collect()),
        };
        dom::set(&form, "aria-busy", "true");
        let url = live_api::rating(&self.parts.config.base, &chat_id);
        let result = http::post_json(&url, &request).await;
        dom::unset(&form, "aria-busy");
        match result {
            Ok(_) => self.replace_form(&form, ids::LIVE_RATING_THANKS, &[]),
            Err(failure) => self.form_failure(&form, failure),
        }
    }

    /// A sent form gives way to its thank-you, which takes focus if the form had it.
    fn replace_form(&self, form: &Element, id: &str, args: &[(&str, &str)]) {
        let texts = self.parts.texts();
        let done = live_forms::done(&self.parts.doc, &texts, id, args);
        let had_focus = self.parts.focus_within(form);
        dom::replace(form, &done);
        if had_focus {
            dom::focus(&done);
        }
        self.parts.announcer.say(&texts.format(id, args));
    }

    /// Shows why a form could not be sent, next to its button.
    fn form_failure(&self, form: &Element, failure: Failure) {
        let text = self.parts.texts().get(&failure.message_id());
        if let Some((error, submit)) = live_forms::form_error(form) {
            live_forms::set_error(&submit, &error, Some(&text), false);
        }
        self.parts.announcer.say(&text);
    }
}
