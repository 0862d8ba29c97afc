//! The entry model: one answer in one language.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::packed::PackedText;
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
///
/// A server holds every entry of its bases in memory, so the fields that are often empty
/// (`also_asked`, `keywords`, `plain` and the service's form, code and questions) and the
/// path are boxed slices and strings rather than `Vec`s, `String`s and a `PathBuf` (8 bytes
/// less each): 304 bytes an entry, which with its `Arc` fits the allocator's 320-byte class
/// instead of the 384-byte one.
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
    pub also_asked: Box<[String]>,
    /// Extra search words.
    pub keywords: Box<[String]>,
    /// Topic key from `knowledge.toml`.
    pub topic: String,
    /// Draft or published.
    pub status: Status,
    /// When the content was last checked to be true.
    pub last_reviewed: NaiveDate,
    /// Department responsible for the content.
    pub owner: String,
    /// The city's official page on the topic, one copy shared by the entries that point to
    /// the same page ([`share_urls`]).
    pub url: Arc<str>,
    /// An easy-read version, plain text.
    pub plain: Option<Box<str>>,
    /// The city's online form for a service.
    pub form_url: Option<Box<str>>,
    /// The Open311 service code for a service.
    pub open311_service_code: Option<Box<str>>,
    /// What the city asks when a resident requests the service, in this entry's language
    /// (only on services with an `open311_service_code`).
    pub questions: Box<[Question]>,
    /// The answer: the editor's Markdown, the short answer and the sanitised HTML.
    pub answer: Answer,
    /// Where the entry was read from.
    pub path: Box<Path>,
}

impl Entry {
    /// Whether residents may see this entry.
    pub fn is_published(&self) -> bool {
        self.status == Status::Published
    }
}

/// Makes the entries that point to the same official page share one copy of its address: a
/// city's entries point to a few dozen pages, and a server holds every entry in memory.
pub fn share_urls(entries: &mut [Entry]) {
    let mut seen: HashSet<Arc<str>> = HashSet::new();
    for entry in entries {
        match seen.get(&entry.url) {
            Some(url) => entry.url = Arc::clone(url),
            None => {
                seen.insert(Arc::clone(&entry.url));
            }
        }
    }
}

/// An answer in the three forms replies and tools need: the editor's Markdown, the short
/// answer (its first paragraph as plain text, [`markdown::first_paragraph_text`]) and the
/// sanitised HTML. A server holds every answer of its bases in memory, so each form is held
/// packed ([`PackedText`]), and the second and third only when they cannot be worked out
/// from the Markdown: for an answer of one plain paragraph, common in imported FAQ lists,
/// the short answer is the Markdown itself and the HTML is that paragraph escaped in `<p>`
/// ([`paragraph_html`]), worked out again when a reply needs it.
///
/// [`markdown::first_paragraph_text`]: crate::markdown::first_paragraph_text
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    markdown: PackedText,
    /// `None`: the same text as the Markdown.
    short: Option<PackedText>,
    /// `None`: [`paragraph_html`] of the short answer.
    html: Option<PackedText>,
}

impl Answer {
    /// The answer written as `markdown` (trimmed), rendered by [`crate::markdown::to_safe_html`].
    pub fn new(markdown: &str) -> Self {
        Self::rendered_by(markdown, crate::markdown::to_safe_html)
    }

    /// The answer written as `markdown` (trimmed), rendered to HTML by `render`: with links to
    /// other entries pointed at their pages, say ([`crate::references::resolve_links`]).
    pub fn rendered_by(markdown: &str, render: impl FnOnce(&str) -> String) -> Self {
        let markdown = markdown.trim();
        let short = crate::markdown::first_paragraph_text(markdown);
        let html = render(markdown);
        Self {
            html: (html != paragraph_html(&short)).then(|| PackedText::new(&html)),
            short: (short != markdown).then(|| PackedText::new(&short)),
            markdown: PackedText::new(markdown),
        }
    }

    /// The answer as Markdown, as the editor wrote it (trimmed).
    pub fn markdown(&self) -> Cow<'_, str> {
        self.markdown.text()
    }

    /// The short answer: the first paragraph as plain text (empty when the answer starts
    /// with something else, a heading or a list).
    pub fn short(&self) -> Cow<'_, str> {
        match &self.short {
            Some(short) => short.text(),
            None => self.markdown.text(),
        }
    }

    /// The answer as sanitised HTML.
    pub fn html(&self) -> Cow<'_, str> {
        match &self.html {
            Some(html) => html.text(),
            None => self.short_and_html().1,
        }
    }

    /// The short answer and the HTML, as a reply needs both: the short answer is unpacked
    /// once, also when the HTML is worked out from it.
    pub fn short_and_html(&self) -> (Cow<'_, str>, Cow<'_, str>) {
        let short = self.short();
        let html = match &self.html {
            Some(html) => html.text(),
            None => Cow::Owned(paragraph_html(&short)),
        };
        (short, html)
    }

    /// Whether the answer is empty.
    pub fn is_empty(&self) -> bool {
        self.markdown.is_empty()
    }

    /// Bytes held for the answer's texts.
    pub fn held_len(&self) -> usize {
        self.markdown.held_len()
            + self.short.as_ref().map_or(0, PackedText::held_len)
            + self.html.as_ref().map_or(0, PackedText::held_len)
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

    /// See [`Entry`]: with the `Arc` around it, a record must fit 320 bytes.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn an_entry_record_fits_the_320_byte_class() {
        assert!(size_of::<Entry>() + 16 <= 320, "{}", size_of::<Entry>());
    }

    #[test]
    fn one_plain_paragraph_is_its_own_short_answer() {
        let answer = Answer::new("  Trash is picked up weekly.\n");
        assert_eq!(answer.markdown(), "Trash is picked up weekly.");
        assert_eq!(answer.short(), "Trash is picked up weekly.");
        assert_eq!(answer.short, None);
        assert_eq!(answer.held_len(), "Trash is picked up weekly.".len());
    }

    /// The answers whose HTML is worked out again must come out exactly as rendered.
    #[test]
    fn a_plain_paragraph_s_html_is_worked_out_exactly_as_rendered() {
        for body in [
            "Trash is picked up weekly.",
            "Fees & fines: under 5 < 10 > 2, \"quoted\" and 'single'.",
            "السبت والأحد مغلق. 图书馆每天开放。",
        ] {
            let answer = Answer::new(body);
            let rendered = crate::markdown::to_safe_html(body);
            assert_eq!(answer.html, None, "{rendered}");
            assert_eq!(answer.html(), rendered);
            assert_eq!(answer.short_and_html(), (answer.short(), answer.html()));
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
            let answer = Answer::new(body);
            let rendered = crate::markdown::to_safe_html(body);
            assert!(answer.html.is_some(), "{body}");
            assert_eq!(answer.html(), rendered);
            assert_eq!(answer.short_and_html(), (answer.short(), answer.html()));
        }
    }

    #[test]
    fn a_longer_answer_keeps_its_own_short_answer() {
        let answer = Answer::new("Pay **online**.\n\nOr by phone.");
        assert_eq!(answer.markdown(), "Pay **online**.\n\nOr by phone.");
        assert_eq!(answer.short(), "Pay online.");
        assert!(answer.short.is_some());
    }

    #[test]
    fn a_long_answer_is_held_in_less_than_its_texts_and_reads_back_whole() {
        let paragraph = "Bulky items such as sofas, mattresses and appliances are collected \
            on the first Monday of each month. Book a pickup by the Thursday before, and put \
            the items at the curb by 6 a.m. on the day.";
        let markdown = format!("{paragraph}\n\n- Sofas\n- Mattresses\n\n{paragraph}");
        let answer = Answer::new(&markdown);
        let html = crate::markdown::to_safe_html(&markdown);
        assert_eq!(answer.markdown(), markdown);
        assert_eq!(answer.short(), paragraph);
        assert_eq!(answer.html(), html);
        let texts = markdown.len() + paragraph.len() + html.len();
        assert!(
            answer.held_len() < texts * 3 / 4,
            "{} of {texts}",
            answer.held_len()
        );
    }

    #[test]
    fn html_can_be_rendered_by_the_caller() {
        let answer =
            Answer::rendered_by("See [pickup](entry:pickup).", |_| "<p>linked</p>\n".into());
        assert_eq!(answer.html(), "<p>linked</p>\n");
        assert_eq!(answer.short(), "See pickup.");
    }
}
