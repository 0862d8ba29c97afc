//! The entry model: one answer in one language.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::questions::Question;

/// What an entry describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A question residents ask, with its answer.
    Faq,
    /// A city service residents request (may carry a form or an Open311 service code).
    Service,
    /// A page of the city's website worth pointing to.
    Page,
}

/// Whether residents may see an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Work in progress: never shown to residents.
    Draft,
    /// Live.
    Published,
}

/// One entry in one language, parsed and rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable id, the same in every language and equal to the file stem.
    pub id: String,
    /// Language of this version (from the folder: `<root>/<lang>/...`).
    pub lang: String,
    /// FAQ, service or page.
    pub kind: Kind,
    /// Title, usually the question as residents would ask it.
    pub title: String,
    /// Other phrasings residents use for the same question.
    pub also_asked: Vec<String>,
    /// Extra search words.
    pub keywords: Vec<String>,
    /// Topic key from `knowledge.toml`.
    pub topic: String,
    /// Draft or published.
    pub status: Status,
    /// When the content was last checked to be true.
    pub last_reviewed: NaiveDate,
    /// Department responsible for the content.
    pub owner: String,
    /// The city's official page on the topic.
    pub url: String,
    /// An easy-read version, plain text.
    pub plain: Option<String>,
    /// The city's online form for a service.
    pub form_url: Option<String>,
    /// The Open311 service code for a service.
    pub open311_service_code: Option<String>,
    /// What the city asks when a resident requests the service, in this entry's language
    /// (only on services with an `open311_service_code`).
    pub questions: Vec<Question>,
    /// The answer as Markdown, as the editor wrote it.
    pub body: Arc<str>,
    /// The answer rendered to sanitised HTML; read it with [`Entry::html`].
    pub html: AnswerHtml,
    /// The short answer: the first paragraph as plain text. When the answer is one paragraph
    /// without Markdown, this is the same text as [`Entry::body`], shared rather than copied
    /// ([`body_and_short`]).
    pub short: Arc<str>,
    /// Where the entry was read from.
    pub path: PathBuf,
}

/// An answer's Markdown (trimmed) and its short answer ([`markdown::first_paragraph_text`]),
/// sharing one allocation when they are the same text, as they are for answers of one plain
/// paragraph, common in imported FAQ lists: a server holds every entry in memory, and the
/// short answer would otherwise double the size of such answers.
///
/// [`markdown::first_paragraph_text`]: crate::markdown::first_paragraph_text
pub fn body_and_short(body: &str) -> (Arc<str>, Arc<str>) {
    let body = body.trim();
    let short = crate::markdown::first_paragraph_text(body);
    let body: Arc<str> = Arc::from(body);
    let short = if short == *body {
        Arc::clone(&body)
    } else {
        Arc::from(short)
    };
    (body, short)
}

impl Entry {
    /// Whether residents may see this entry.
    pub fn is_published(&self) -> bool {
        self.status == Status::Published
    }

    /// The answer as sanitised HTML ([`crate::markdown::to_safe_html`]).
    pub fn html(&self) -> Cow<'_, str> {
        self.html.text(&self.short)
    }
}

/// An answer's sanitised HTML, held in memory only when it is more than the short answer in
/// a paragraph. Imported FAQ lists are mostly answers of one plain paragraph, whose HTML is
/// that paragraph escaped inside `<p>`: worked out again when a reply needs it (a copy and
/// an escape), rather than held beside the text it repeats for every entry of the base.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerHtml {
    /// Exactly [`paragraph_html`] of the entry's short answer.
    ShortInParagraph,
    /// Any other answer, as rendered.
    Rendered(Box<str>),
}

impl AnswerHtml {
    /// `rendered`, the HTML of an answer whose short answer is `short`, kept as
    /// [`AnswerHtml::ShortInParagraph`] when it is exactly [`paragraph_html`]`(short)`.
    pub fn new(rendered: String, short: &str) -> Self {
        if rendered == paragraph_html(short) {
            Self::ShortInParagraph
        } else {
            Self::Rendered(rendered.into_boxed_str())
        }
    }

    /// The HTML, given the entry's short answer.
    pub fn text<'a>(&'a self, short: &str) -> Cow<'a, str> {
        match self {
            Self::ShortInParagraph => Cow::Owned(paragraph_html(short)),
            Self::Rendered(html) => Cow::Borrowed(html),
        }
    }
}

/// `text` escaped as the answer renderer escapes text nodes (`&`, `<`, `>`; a short answer
/// has no no-break spaces, they are folded into plain ones) in a `<p>` element followed by a
/// line break: the rendered HTML of an answer that is one plain paragraph.
pub fn paragraph_html(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 16);
    html.push_str("<p>");
    // Writing into a `String` never fails.
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut html, text);
    html.push_str("</p>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_plain_paragraph_is_its_own_short_answer_shared() {
        let (body, short) = body_and_short("  Trash is picked up weekly.\n");
        assert_eq!(&*body, "Trash is picked up weekly.");
        assert_eq!(&*short, "Trash is picked up weekly.");
        assert!(Arc::ptr_eq(&body, &short));
    }

    /// An answer as an entry holds it: its short answer, its rendering and the HTML kept.
    fn kept(body: &str) -> (Arc<str>, String, AnswerHtml) {
        let (body, short) = body_and_short(body);
        let rendered = crate::markdown::to_safe_html(&body);
        let html = AnswerHtml::new(rendered.clone(), &short);
        (short, rendered, html)
    }

    /// The answers whose HTML is worked out again must come out exactly as rendered.
    #[test]
    fn a_plain_paragraph_s_html_is_worked_out_exactly_as_rendered() {
        for body in [
            "Trash is picked up weekly.",
            "Fees & fines: under 5 < 10 > 2, \"quoted\" and 'single'.",
            "السبت والأحد مغلق. 图书馆每天开放。",
        ] {
            let (short, rendered, html) = kept(body);
            assert_eq!(html, AnswerHtml::ShortInParagraph, "{rendered}");
            assert_eq!(html.text(&short), rendered);
        }
    }

    #[test]
    fn formatted_answers_keep_their_rendered_html() {
        for body in [
            "Pay **online**.",
            "Call (555) 010-0130.",
            "One.\n\nTwo.",
            "[The form](https://example.org/form)",
            "Line one\nline two",
            "No\u{a0}break.",
        ] {
            let (short, rendered, html) = kept(body);
            assert_eq!(
                html,
                AnswerHtml::Rendered(rendered.clone().into()),
                "{body}"
            );
            assert_eq!(html.text(&short), rendered);
        }
    }

    #[test]
    fn a_longer_answer_keeps_its_own_short_answer() {
        let (body, short) = body_and_short("Pay **online**.\n\nOr by phone.");
        assert_eq!(&*body, "Pay **online**.\n\nOr by phone.");
        assert_eq!(&*short, "Pay online.");
        assert!(!Arc::ptr_eq(&body, &short));
    }
}
