//! Builds transcript messages. Server text goes in as text, except `answer.html`, which the
//! server has already sanitised.

use protocol::{Action, ActionKind, Answer, AskResponse, Choice};
use web_sys::{Document, HtmlElement};

use crate::date;
use crate::dom;
use crate::ids;
use crate::links;
use crate::locale::same_language;
use crate::markup::Markup;
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
    pub fn user(&self, content: &str, lang: &str) -> HtmlElement {
        let mut m = self.sender(ids::SENDER_USER, lang);
        // The resident's words take the direction of their own script (Arabic typed with an
        // English interface, English with an Arabic one) until the reply names their language.
        m.fill("<p class=\"text\" dir=\"auto\">{}</p>", &[content]);
        self.message("message user", lang, &m)
    }

    /// The bot's welcome.
    pub fn greeting(&self) -> HtmlElement {
        self.bot_text("message bot greeting", ids::GREETING)
    }

    /// The localised explanation of a failed question.
    pub fn failure(&self, failure: Failure) -> HtmlElement {
        self.bot_text("message bot error", &failure.message_id())
    }

    /// The bot's reply: its message, then the answer, candidates or next steps. `uid` makes
    /// the ids inside this message unique.
    pub fn reply(&self, reply: &AskResponse, uid: u32) -> HtmlElement {
        let inner = self.markup(reply, &uid.to_string());
        let message = self.message("message bot", &reply.lang, &inner);
        if let Some(answer) = &reply.answer
            && let Some(body) = dom::find(&message, ".body")
        {
            // Sanitised by the server (ammonia): the only HTML the widget inserts.
            body.set_inner_html(&answer.html);
        }
        message
    }

    /// The inside of [`Renderer::reply`]'s message, the answer's body left empty.
    pub fn markup(&self, reply: &AskResponse, uid: &str) -> Markup {
        let lang = reply.lang.as_str();
        let mut m = self.sender(ids::SENDER_BOT, lang);
        m.fill("<p class=\"text\">{}</p>", &[&reply.message]);
        if let Some(answer) = &reply.answer {
            self.answer(&mut m, answer, lang, uid);
        }
        if !reply.choices.is_empty() {
            self.choices(&mut m, &reply.choices, lang);
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
            self.actions(&mut m, &actions, lang);
        }
        if reply.answer.is_some() {
            self.feedback(&mut m, reply, uid);
        }
        m
    }

    /// The text that replaces the feedback buttons once feedback is recorded (or failed).
    pub fn feedback_result(&self, id: &str) -> HtmlElement {
        dom::text(
            self.doc,
            "p",
            &[("class", "feedback-result"), ("tabindex", "-1")],
            &self.texts.get(id),
        )
    }

    fn bot_text(&self, class: &str, id: &str) -> HtmlElement {
        let lang = self.texts.lang();
        let mut m = self.sender(ids::SENDER_BOT, lang);
        m.fill("<p class=\"text\">{}</p>", &[&self.texts.get(id)]);
        self.message(class, lang, &m)
    }

    /// A message element in `lang` holding `inner` ([`transcript_message`]).
    fn message(&self, class: &str, lang: &str, inner: &Markup) -> HtmlElement {
        transcript_message(self.doc, class, lang, inner)
    }

    /// A message's start: its hidden sender label.
    fn sender(&self, sender: &str, lang: &str) -> Markup {
        let mut m = Markup::new();
        m.raw("<span class=\"vh\"");
        self.ui_lang(&mut m, lang);
        m.fill(">{}</span>", &[&self.texts.get(sender)]);
        m
    }

    /// Marks UI text inside a message in `message_lang` with the UI language when they
    /// differ.
    fn ui_lang(&self, m: &mut Markup, message_lang: &str) {
        if !same_language(self.texts.lang(), message_lang) {
            m.lang(self.texts.lang());
        }
    }

    fn answer(&self, m: &mut Markup, answer: &Answer, reply_lang: &str, uid: &str) {
        m.raw("<div class=\"answer\"");
        if !same_language(&answer.lang, reply_lang) {
            m.lang(&answer.lang);
        }
        m.fill(
            "><h3>{}</h3><div class=\"body\" id=\"wf-body-{}\"></div>",
            &[&answer.title, uid],
        );
        if let Some(plain) = answer.plain.as_deref().filter(|p| !p.trim().is_empty()) {
            m.fill(
                "<div class=\"plain\" id=\"wf-plain-{}\" hidden>{}</div>\
                 <button type=\"button\" class=\"simpler\" aria-pressed=\"false\" \
                 aria-controls=\"wf-body-{} wf-plain-{}\"",
                &[uid, plain, uid, uid],
            );
            self.ui_lang(m, &answer.lang);
            m.fill(">{}</button>", &[&self.texts.get(ids::SIMPLER)]);
        }
        m.raw("</div>");
        if links::is_safe(&answer.source_url) {
            m.raw("<p class=\"meta\"");
            self.ui_lang(m, reply_lang);
            m.fill(
                ">{} <a class=\"source\" href=\"{}\" target=\"_blank\" rel=\"noopener\">{}\
                 <span class=\"vh\"> {}</span></a></p>",
                &[
                    &self.texts.get(ids::SOURCE),
                    &answer.source_url,
                    &self.texts.get(ids::SOURCE_LINK),
                    &self.texts.get(ids::NEW_TAB),
                ],
            );
        }
        m.raw("<p class=\"meta\"");
        self.ui_lang(m, reply_lang);
        // The date reads as part of the sentence around it, so it takes the UI language.
        m.fill(
            ">{} <time class=\"reviewed\" datetime=\"{}\">{}</time></p>",
            &[
                &self.texts.get(ids::REVIEWED),
                &answer.last_reviewed,
                &date::format_date(&answer.last_reviewed, self.texts),
            ],
        );
    }

    fn choices(&self, m: &mut Markup, choices: &[Choice], reply_lang: &str) {
        m.fill(
            "<ul class=\"choices\" aria-label=\"{}\"",
            &[&self.texts.get(ids::CHOICES_LABEL)],
        );
        self.ui_lang(m, reply_lang);
        m.raw(">");
        for choice in choices {
            let lang = if choice.lang.is_empty() {
                reply_lang
            } else {
                &choice.lang
            };
            m.fill(
                "<li><button type=\"button\" class=\"choice\" data-choice=\"{}\"",
                &[&choice.id],
            )
            .lang(lang)
            .fill(">{}</button></li>", &[&choice.title]);
        }
        m.raw("</ul>");
    }

    fn actions(&self, m: &mut Markup, actions: &[&Action], reply_lang: &str) {
        m.fill(
            "<ul class=\"actions\" aria-label=\"{}\"",
            &[&self.texts.get(ids::ACTIONS_LABEL)],
        );
        self.ui_lang(m, reply_lang);
        m.raw(">");
        for action in actions {
            m.raw("<li").lang(reply_lang).raw(">");
            match action.kind {
                // Live chat with staff starts inside the widget: a button, not a link.
                ActionKind::Chat => {
                    m.fill(
                        "<button type=\"button\" class=\"talk\">{}</button>",
                        &[&action.label],
                    );
                }
                // So does the guided form (see `crate::report`).
                ActionKind::Report => {
                    m.fill(
                        "<button type=\"button\" class=\"report-open\" data-url=\"{}\">{}</button>",
                        &[&action.url, &action.label],
                    );
                }
                _ => {
                    m.fill(
                        "<a class=\"action\" href=\"{}\" target=\"_blank\" rel=\"noopener\">{} \
                         <span class=\"vh\"",
                        &[&action.url, &action.label],
                    );
                    self.ui_lang(m, reply_lang);
                    m.fill(">{}</span></a>", &[&self.texts.get(ids::NEW_TAB)]);
                }
            }
            m.raw("</li>");
        }
        m.raw("</ul>");
    }

    fn feedback(&self, m: &mut Markup, reply: &AskResponse, uid: &str) {
        m.fill(
            "<div class=\"feedback\" role=\"group\" aria-labelledby=\"wf-fb-{}\" \
             data-conversation=\"{}\" data-message=\"{}\"",
            &[uid, &reply.conversation_id, &reply.message_id],
        );
        self.ui_lang(m, &reply.lang);
        m.fill(
            "><span id=\"wf-fb-{}\">{}</span>\
             <button type=\"button\" class=\"rate\" data-helpful=\"yes\">{}</button>\
             <button type=\"button\" class=\"rate\" data-helpful=\"no\">{}</button></div>",
            &[
                uid,
                &self.texts.get(ids::FEEDBACK_QUESTION),
                &self.texts.get(ids::FEEDBACK_YES),
                &self.texts.get(ids::FEEDBACK_NO),
            ],
        );
    }
}

/// A transcript message element in `lang` holding `inner`, of class `class`: reachable with
/// the arrow keys from the transcript, not with Tab. Bot, staff and resident messages alike.
pub fn transcript_message(doc: &Document, class: &str, lang: &str, inner: &Markup) -> HtmlElement {
    let message = dom::html(
        doc,
        "div",
        &[("class", class), ("tabindex", "-1")],
        inner.as_str(),
    );
    dom::set_lang(&message, lang);
    message
}

#[cfg(test)]
mod tests {
    use protocol::{ActionKind, Outcome};
    use wasm_bindgen::{JsCast, JsValue};

    use super::*;

    fn reply() -> AskResponse {
        AskResponse {
            conversation_id: "c1".into(),
            message_id: "m1".into(),
            lang: "es".into(),
            outcome: Outcome::Choices,
            message: "Mire <b>esto</b>".into(),
            answer: None,
            choices: vec![Choice {
                id: "agua\"><x".into(),
                title: "Pagar el <i>agua</i>".into(),
                lang: "".into(),
            }],
            actions: vec![
                Action {
                    kind: ActionKind::Link,
                    label: "Portal \"x\"".into(),
                    url: "https://city.gov/pay?a=1&b=2".into(),
                },
                Action {
                    kind: ActionKind::Link,
                    label: "bad".into(),
                    url: "javascript:alert(1)".into(),
                },
            ],
        }
    }

    #[test]
    fn server_text_is_escaped_and_unsafe_links_are_left_out() {
        let texts = Texts::new("en", None);
        // Writing markup never touches the document.
        let doc: Document = JsValue::NULL.unchecked_into();
        let renderer = Renderer {
            doc: &doc,
            texts: &texts,
        };
        let m = renderer.markup(&reply(), "7");
        let html = m.as_str();
        assert!(html.contains(">Mire &lt;b&gt;esto&lt;/b&gt;</p>"), "{html}");
        assert!(
            html.contains("data-choice=\"agua&quot;&gt;&lt;x\" lang=\"es\" dir=\"ltr\">"),
            "{html}"
        );
        assert!(
            html.contains(">Pagar el &lt;i&gt;agua&lt;/i&gt;</button>"),
            "{html}"
        );
        assert!(
            html.contains("href=\"https://city.gov/pay?a=1&amp;b=2\""),
            "{html}"
        );
        assert!(html.contains(">Portal &quot;x&quot; <span"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("feedback"), "{html}");
        // English UI text inside a Spanish reply is marked as English.
        assert!(
            html.starts_with("<span class=\"vh\" lang=\"en\" dir=\"ltr\">"),
            "{html}"
        );
    }
}
