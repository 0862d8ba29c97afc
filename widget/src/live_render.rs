//! Transcript messages of a live chat: staff messages that say who wrote them, notes about
//! the chat (joined, passed on, ended), "nobody can chat now", and the end of the chat with
//! its rating and transcript links. Names and numbers sit in `<bdi>` so they keep their own
//! direction inside right-to-left text.

use web_sys::{Document, Element, HtmlElement};

use crate::date::NextOpen;
use crate::dom;
use crate::ids;
use crate::live_api;
use crate::live_forms;
use crate::markup::Markup;
use crate::render::transcript_message;
use crate::texts::{Arg, Texts};

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
    pub fn staff(&self, name: &str, text: &str, lang: &str) -> HtmlElement {
        let mut m = Markup::new();
        m.fill(
            "<p class=\"sender\"><bdi>{}</bdi></p><p class=\"text\">{}</p>",
            &[name, text],
        );
        self.message("message staff", lang, &m)
    }

    /// A note about the chat in the UI language (message `id` with `args`).
    pub fn note(&self, id: &str, args: &[(&str, &str)]) -> HtmlElement {
        let mut m = Markup::new();
        m.raw("<p class=\"text\">")
            .message(self.texts, id, &text_args(args))
            .raw("</p>");
        self.message("message note", self.texts.lang(), &m)
    }

    /// A note in the words of the server (a system message of the chat), in `lang`.
    pub fn plain_note(&self, text: &str, lang: &str) -> HtmlElement {
        let mut m = Markup::new();
        m.fill("<p class=\"text\">{}</p>", &[text]);
        self.message("message note", lang, &m)
    }

    /// Marks the resident's message `message` as waiting for the server, under the widget's
    /// message id.
    pub fn pending(&self, message: &Element, id: &str) {
        dom::set(message, "data-out", id);
        let mut m = Markup::new();
        m.raw("<span class=\"pending\"")
            .lang(self.texts.lang())
            .fill(">{}</span>", &[&self.texts.get(ids::LIVE_SENDING)]);
        dom::append_html(message, m.as_str());
    }

    /// Nobody can chat now: when staff are back (when known) and the "Leave a message"
    /// button. Returns the message and its plain text for the announcement.
    pub fn offline(&self, next: Option<&NextOpen>) -> (HtmlElement, String) {
        let mut m = self.bot_shell();
        let mut spoken = vec![self.texts.get(ids::LIVE_OFFLINE)];
        m.fill("<p class=\"text\">{}", &[&spoken[0]]);
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
            m.raw(" ").message(self.texts, id, &text_args(&args));
            spoken.push(self.texts.format(id, &args));
        }
        let hint = self.texts.get(ids::LIVE_LEAVE_HINT);
        m.fill(
            "</p><p class=\"text\">{}</p><button type=\"button\" class=\"leave\">{}</button>",
            &[&hint, &self.texts.get(ids::LIVE_LEAVE)],
        );
        spoken.push(hint);
        let message = self.message("message bot offline", self.texts.lang(), &m);
        (message, crate::announce::sentences(&spoken))
    }

    /// The chat has ended: the stars form and the two transcript links. `uid` makes the ids
    /// inside unique.
    pub fn ended(&self, base: &str, chat_id: &str, token: &str, uid: u32) -> HtmlElement {
        let mut m = self.bot_shell();
        m.fill(
            "<p class=\"text\">{}</p>",
            &[&self.texts.get(ids::LIVE_ENDED)],
        );
        live_forms::rating(&mut m, self.texts, uid, chat_id, token);
        m.raw("<ul class=\"downloads\">");
        for (format, id) in [
            ("txt", ids::LIVE_TRANSCRIPT_TXT),
            ("html", ids::LIVE_TRANSCRIPT_HTML),
        ] {
            m.fill(
                "<li><a class=\"download\" href=\"{}\" download>{}</a></li>",
                &[
                    &live_api::transcript(base, chat_id, token, format),
                    &self.texts.get(id),
                ],
            );
        }
        m.raw("</ul>");
        self.message("message bot ended", self.texts.lang(), &m)
    }

    /// The start of a message of the city assistant: its hidden sender.
    fn bot_shell(&self) -> Markup {
        let mut m = Markup::new();
        m.fill(
            "<span class=\"vh\">{}</span>",
            &[&self.texts.get(ids::SENDER_BOT)],
        );
        m
    }

    /// A transcript message in `lang` holding `inner` ([`transcript_message`]).
    fn message(&self, class: &str, lang: &str, inner: &Markup) -> HtmlElement {
        transcript_message(self.doc, class, lang, inner)
    }
}

/// Text values as message arguments.
pub fn text_args<'a>(args: &[(&'a str, &'a str)]) -> Vec<(&'a str, Arg<'a>)> {
    args.iter()
        .map(|(name, value)| (*name, Arg::Text(value)))
        .collect()
}
