//! Transcript messages of a live chat: staff messages that say who wrote them, notes about
//! the chat (joined, passed on, ended), "nobody can chat now", and the end of the chat with
//! its rating and transcript links. Names and numbers sit in `<bdi>` so they keep their own
//! direction inside right-to-left text.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

use crate::date::NextOpen;
use crate::dom;
use crate::ids;
use crate::live_api;
use crate::live_forms;
use crate::texts::{Arg, Part, Texts};

/// Builds live-chat messages in the UI language of `texts`.
pub struct LiveView<'a> {
    /// Where elements are created.
    pub doc: &'a Document,
    /// The UI strings.
    pub texts: &'a Texts,
}

impl LiveView<'_> {
    /// A staff member's message: their name, then the text, marked as written in `lang` (the
    /// chat's language).
    pub fn staff(&self, name: &str, text: &str, lang: &str) -> Result<HtmlElement, JsValue> {
        let message = self.message("message staff", lang)?;
        let sender = dom::element(self.doc, "p", &[("class", "sender")])?;
        sender.append_child(dom::text(self.doc, "bdi", &[], name)?.as_ref())?;
        message.append_child(&sender)?;
        message.append_child(dom::text(self.doc, "p", &[("class", "text")], text)?.as_ref())?;
        Ok(message)
    }

    /// A note about the chat in the UI language (message `id` with `args`).
    pub fn note(&self, id: &str, args: &[(&str, &str)]) -> Result<HtmlElement, JsValue> {
        let message = self.message("message note", self.texts.lang())?;
        let text = dom::element(self.doc, "p", &[("class", "text")])?;
        rich(self.doc, &text, self.texts, id, args)?;
        message.append_child(&text)?;
        Ok(message)
    }

    /// A note in the words of the server (a system message of the chat), in `lang`.
    pub fn plain_note(&self, text: &str, lang: &str) -> Result<HtmlElement, JsValue> {
        let message = self.message("message note", lang)?;
        message.append_child(dom::text(self.doc, "p", &[("class", "text")], text)?.as_ref())?;
        Ok(message)
    }

    /// Marks the resident's message `message` as waiting for the server, under the widget's
    /// message id.
    pub fn pending(&self, message: &Element, id: &str) -> Result<(), JsValue> {
        message.set_attribute("data-out", id)?;
        let note = dom::text(
            self.doc,
            "span",
            &[("class", "pending")],
            &self.texts.get(ids::LIVE_SENDING),
        )?;
        dom::set_lang(&note, self.texts.lang())?;
        message.append_child(&note)?;
        Ok(())
    }

    /// Nobody can chat now: when staff are back (when known) and the "Leave a message"
    /// button. Returns the message and its plain text for the announcement.
    pub fn offline(&self, next: Option<&NextOpen>) -> Result<(HtmlElement, String), JsValue> {
        let message = self.bot_shell("message bot offline")?;
        let mut spoken = vec![self.texts.get(ids::LIVE_OFFLINE)];
        let first = dom::text(self.doc, "p", &[("class", "text")], &spoken[0])?;
        if let Some(next) = next {
            let (id, args) = if next.today {
                (
                    ids::LIVE_NEXT_OPEN_TODAY,
                    vec![("time", next.time.as_str())],
                )
            } else {
                (
                    ids::LIVE_NEXT_OPEN,
                    vec![("day", next.day.as_str()), ("time", next.time.as_str())],
                )
            };
            dom::append_text(self.doc, &first, " ")?;
            rich(self.doc, &first, self.texts, id, &args)?;
            spoken.push(self.texts.format(id, &args));
        }
        message.append_child(&first)?;
        let hint = self.texts.get(ids::LIVE_LEAVE_HINT);
        message.append_child(dom::text(self.doc, "p", &[("class", "text")], &hint)?.as_ref())?;
        spoken.push(hint);
        message.append_child(
            dom::text(
                self.doc,
                "button",
                &[("type", "button"), ("class", "leave")],
                &self.texts.get(ids::LIVE_LEAVE),
            )?
            .as_ref(),
        )?;
        Ok((message, crate::announce::sentences(&spoken)))
    }

    /// The chat has ended: the stars form and the two transcript links. `uid` makes the ids
    /// inside unique.
    pub fn ended(
        &self,
        base: &str,
        chat_id: &str,
        token: &str,
        uid: u32,
    ) -> Result<HtmlElement, JsValue> {
        let message = self.bot_shell("message bot ended")?;
        message.append_child(
            dom::text(
                self.doc,
                "p",
                &[("class", "text")],
                &self.texts.get(ids::LIVE_ENDED),
            )?
            .as_ref(),
        )?;
        let form = live_forms::rating(self.doc, self.texts, uid)?;
        form.set_attribute("data-chat", chat_id)?;
        form.set_attribute("data-token", token)?;
        message.append_child(&form)?;
        let list = dom::element(self.doc, "ul", &[("class", "downloads")])?;
        for (format, id) in [
            ("txt", ids::LIVE_TRANSCRIPT_TXT),
            ("html", ids::LIVE_TRANSCRIPT_HTML),
        ] {
            let item = dom::element(self.doc, "li", &[])?;
            let href = live_api::transcript(base, chat_id, token, format);
            item.append_child(
                dom::text(
                    self.doc,
                    "a",
                    &[("class", "download"), ("href", &href), ("download", "")],
                    &self.texts.get(id),
                )?
                .as_ref(),
            )?;
            list.append_child(&item)?;
        }
        message.append_child(&list)?;
        Ok(message)
    }

    /// A message of the city assistant in the UI language, starting with its hidden sender.
    fn bot_shell(&self, class: &str) -> Result<HtmlElement, JsValue> {
        let message = self.message(class, self.texts.lang())?;
        message
            .append_child(dom::hidden_text(self.doc, &self.texts.get(ids::SENDER_BOT))?.as_ref())?;
        Ok(message)
    }

    /// A transcript message in `lang`, reachable with the arrow keys (not with Tab).
    fn message(&self, class: &str, lang: &str) -> Result<HtmlElement, JsValue> {
        let message: HtmlElement =
            dom::element(self.doc, "div", &[("class", class)])?.dyn_into()?;
        message.set_tab_index(-1);
        dom::set_lang(&message, lang)?;
        Ok(message)
    }
}

/// Appends message `id` to `parent`: its words as text, each value of `args` in a `<bdi>`.
pub fn rich(
    doc: &Document,
    parent: &Element,
    texts: &Texts,
    id: &str,
    args: &[(&str, &str)],
) -> Result<(), JsValue> {
    let args: Vec<(&str, Arg<'_>)> = args
        .iter()
        .map(|(name, value)| (*name, Arg::Text(value)))
        .collect();
    rich_args(doc, parent, texts, id, &args)
}

/// [`rich`] with variables that may be numbers.
pub fn rich_args(
    doc: &Document,
    parent: &Element,
    texts: &Texts,
    id: &str,
    args: &[(&str, Arg<'_>)],
) -> Result<(), JsValue> {
    for part in texts.parts(id, args) {
        match part {
            Part::Text(words) => dom::append_text(doc, parent, &words)?,
            Part::Arg(i) => {
                let value = args.get(i).map_or("", |(_, value)| value.shown());
                parent.append_child(dom::text(doc, "bdi", &[], value)?.as_ref())?;
            }
        }
    }
    Ok(())
}
