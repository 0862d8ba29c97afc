//! Builds transcript messages. Server text goes in as text, except `answer.html`, which the
//! server has already sanitised.

use protocol::{Action, ActionKind, Answer, AskResponse, Choice};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

use crate::date;
use crate::dom;
use crate::ids;
use crate::links;
use crate::locale::same_language;
use crate::reply::Failure;
use crate::texts::Texts;

/// Builds messages in the UI language of `texts`.
pub struct Renderer<'a> {
    /// Where elements are created.
    pub doc: &'a Document,
    /// The UI strings.
    pub texts: &'a Texts,
}

impl Renderer<'_> {
    /// The resident's own words, in `lang` (the UI language until the server says which
    /// language the question was in).
    pub fn user(&self, content: &str, lang: &str) -> Result<HtmlElement, JsValue> {
        let message = self.shell("message user", lang, ids::SENDER_USER)?;
        message.append_child(dom::text(self.doc, "p", &[("class", "text")], content)?.as_ref())?;
        Ok(message)
    }

    /// The bot's welcome.
    pub fn greeting(&self) -> Result<HtmlElement, JsValue> {
        self.bot_text("message bot greeting", ids::GREETING)
    }

    /// The localised explanation of a failed question.
    pub fn failure(&self, failure: Failure) -> Result<HtmlElement, JsValue> {
        self.bot_text("message bot error", &failure.message_id())
    }

    /// The bot's reply: its message, then the answer, candidates or next steps. `uid` makes
    /// the ids inside this message unique.
    pub fn reply(&self, reply: &AskResponse, uid: u32) -> Result<HtmlElement, JsValue> {
        let message = self.shell("message bot", &reply.lang, ids::SENDER_BOT)?;
        message.append_child(
            dom::text(self.doc, "p", &[("class", "text")], &reply.message)?.as_ref(),
        )?;
        if let Some(answer) = &reply.answer {
            self.answer(&message, answer, &reply.lang, uid)?;
        }
        if !reply.choices.is_empty() {
            message.append_child(self.choices(&reply.choices, &reply.lang)?.as_ref())?;
        }
        let actions: Vec<&Action> = reply
            .actions
            .iter()
            .filter(|action| match action.kind {
                ActionKind::Chat => true,
                ActionKind::Report => action.url.starts_with(crate::report::SERVICES_PATH),
                _ => links::is_safe(&action.url),
            })
            .collect();
        if !actions.is_empty() {
            message.append_child(self.actions(&actions, &reply.lang)?.as_ref())?;
        }
        if reply.answer.is_some() {
            message.append_child(self.feedback(reply, uid)?.as_ref())?;
        }
        Ok(message)
    }

    /// The text that replaces the feedback buttons once feedback is recorded (or failed).
    pub fn feedback_result(&self, id: &str) -> Result<Element, JsValue> {
        dom::text(
            self.doc,
            "p",
            &[("class", "feedback-result"), ("tabindex", "-1")],
            &self.texts.get(id),
        )
    }

    fn bot_text(&self, class: &str, id: &str) -> Result<HtmlElement, JsValue> {
        let message = self.shell(class, self.texts.lang(), ids::SENDER_BOT)?;
        message.append_child(
            dom::text(self.doc, "p", &[("class", "text")], &self.texts.get(id))?.as_ref(),
        )?;
        Ok(message)
    }

    /// A message element in `lang`, starting with its hidden sender label.
    fn shell(&self, class: &str, lang: &str, sender: &str) -> Result<HtmlElement, JsValue> {
        let message: HtmlElement =
            dom::element(self.doc, "div", &[("class", class)])?.dyn_into()?;
        // Reachable with the arrow keys from the transcript, not with Tab.
        message.set_tab_index(-1);
        dom::set_lang(&message, lang)?;
        message.append_child(
            self.ui_text("span", &[("class", "vh")], sender, lang)?
                .as_ref(),
        )?;
        Ok(message)
    }

    /// UI text inside a message in `message_lang`, marked with the UI language when they
    /// differ.
    fn ui_text(
        &self,
        tag: &str,
        attrs: &[(&str, &str)],
        id: &str,
        message_lang: &str,
    ) -> Result<Element, JsValue> {
        let el = dom::text(self.doc, tag, attrs, &self.texts.get(id))?;
        self.mark_ui_lang(&el, message_lang)?;
        Ok(el)
    }

    fn mark_ui_lang(&self, el: &Element, message_lang: &str) -> Result<(), JsValue> {
        if !same_language(self.texts.lang(), message_lang) {
            dom::set_lang(el, self.texts.lang())?;
        }
        Ok(())
    }

    fn answer(
        &self,
        message: &Element,
        answer: &Answer,
        reply_lang: &str,
        uid: u32,
    ) -> Result<(), JsValue> {
        let doc = self.doc;
        let block = dom::element(doc, "div", &[("class", "answer")])?;
        if !same_language(&answer.lang, reply_lang) {
            dom::set_lang(&block, &answer.lang)?;
        }
        block.append_child(dom::text(doc, "h3", &[], &answer.title)?.as_ref())?;
        let body_id = format!("wf-body-{uid}");
        let body = dom::element(doc, "div", &[("class", "body"), ("id", &body_id)])?;
        // Sanitised by the server (ammonia): the only HTML the widget inserts.
        body.set_inner_html(&answer.html);
        block.append_child(&body)?;
        if let Some(plain) = answer.plain.as_deref().filter(|p| !p.trim().is_empty()) {
            let plain_id = format!("wf-plain-{uid}");
            let easy = dom::text(doc, "div", &[("class", "plain"), ("id", &plain_id)], plain)?;
            easy.set_attribute("hidden", "")?;
            block.append_child(&easy)?;
            let controls = format!("{body_id} {plain_id}");
            let toggle = self.ui_text(
                "button",
                &[
                    ("type", "button"),
                    ("class", "simpler"),
                    ("aria-pressed", "false"),
                    ("aria-controls", &controls),
                ],
                ids::SIMPLER,
                &answer.lang,
            )?;
            block.append_child(&toggle)?;
        }
        message.append_child(&block)?;
        if links::is_safe(&answer.source_url) {
            let source = self.ui_text("p", &[("class", "meta")], ids::SOURCE, reply_lang)?;
            dom::append_text(doc, &source, " ")?;
            let link = dom::text(
                doc,
                "a",
                &[
                    ("class", "source"),
                    ("href", &answer.source_url),
                    ("target", "_blank"),
                    ("rel", "noopener"),
                ],
                &self.texts.get(ids::SOURCE_LINK),
            )?;
            link.append_child(
                dom::hidden_text(doc, &format!(" {}", self.texts.get(ids::NEW_TAB)))?.as_ref(),
            )?;
            source.append_child(&link)?;
            message.append_child(&source)?;
        }
        let reviewed = self.ui_text("p", &[("class", "meta")], ids::REVIEWED, reply_lang)?;
        dom::append_text(doc, &reviewed, " ")?;
        // The date reads as part of the sentence around it, so it takes the UI language.
        reviewed.append_child(
            dom::text(
                doc,
                "time",
                &[("class", "reviewed"), ("datetime", &answer.last_reviewed)],
                &date::format_date(&answer.last_reviewed, self.texts),
            )?
            .as_ref(),
        )?;
        message.append_child(&reviewed)?;
        Ok(())
    }

    fn choices(&self, choices: &[Choice], reply_lang: &str) -> Result<Element, JsValue> {
        let list = dom::element(
            self.doc,
            "ul",
            &[
                ("class", "choices"),
                ("aria-label", &self.texts.get(ids::CHOICES_LABEL)),
            ],
        )?;
        self.mark_ui_lang(&list, reply_lang)?;
        for choice in choices {
            let item = dom::element(self.doc, "li", &[])?;
            let button = dom::text(
                self.doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "choice"),
                    ("data-choice", &choice.id),
                ],
                &choice.title,
            )?;
            dom::set_lang(
                &button,
                if choice.lang.is_empty() {
                    reply_lang
                } else {
                    &choice.lang
                },
            )?;
            item.append_child(&button)?;
            list.append_child(&item)?;
        }
        Ok(list)
    }

    fn actions(&self, actions: &[&Action], reply_lang: &str) -> Result<Element, JsValue> {
        let list = dom::element(
            self.doc,
            "ul",
            &[
                ("class", "actions"),
                ("aria-label", &self.texts.get(ids::ACTIONS_LABEL)),
            ],
        )?;
        self.mark_ui_lang(&list, reply_lang)?;
        for action in actions {
            let item = dom::element(self.doc, "li", &[])?;
            dom::set_lang(&item, reply_lang)?;
            if action.kind == ActionKind::Chat {
                // Live chat with staff starts inside the widget: a button, not a link.
                let talk = dom::text(
                    self.doc,
                    "button",
                    &[("type", "button"), ("class", "talk")],
                    &action.label,
                )?;
                item.append_child(&talk)?;
                list.append_child(&item)?;
                continue;
            }
            if action.kind == ActionKind::Report {
                // So does the guided form (see `crate::report`).
                let report = dom::text(
                    self.doc,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "report-open"),
                        ("data-url", &action.url),
                    ],
                    &action.label,
                )?;
                item.append_child(&report)?;
                list.append_child(&item)?;
                continue;
            }
            let link = dom::text(
                self.doc,
                "a",
                &[
                    ("class", "action"),
                    ("href", &action.url),
                    ("target", "_blank"),
                    ("rel", "noopener"),
                ],
                &action.label,
            )?;
            dom::append_text(self.doc, &link, " ")?;
            link.append_child(
                self.ui_text("span", &[("class", "vh")], ids::NEW_TAB, reply_lang)?
                    .as_ref(),
            )?;
            item.append_child(&link)?;
            list.append_child(&item)?;
        }
        Ok(list)
    }

    fn feedback(&self, reply: &AskResponse, uid: u32) -> Result<Element, JsValue> {
        let question_id = format!("wf-fb-{uid}");
        let group = dom::element(
            self.doc,
            "div",
            &[
                ("class", "feedback"),
                ("role", "group"),
                ("aria-labelledby", &question_id),
                ("data-conversation", &reply.conversation_id),
                ("data-message", &reply.message_id),
            ],
        )?;
        self.mark_ui_lang(&group, &reply.lang)?;
        group.append_child(
            dom::text(
                self.doc,
                "span",
                &[("id", &question_id)],
                &self.texts.get(ids::FEEDBACK_QUESTION),
            )?
            .as_ref(),
        )?;
        for (helpful, id) in [("yes", ids::FEEDBACK_YES), ("no", ids::FEEDBACK_NO)] {
            group.append_child(
                dom::text(
                    self.doc,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "rate"),
                        ("data-helpful", helpful),
                    ],
                    &self.texts.get(id),
                )?
                .as_ref(),
            )?;
        }
        Ok(group)
    }
}
