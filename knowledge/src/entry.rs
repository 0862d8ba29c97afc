//! The entry model: one answer in one language.

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
    /// The answer rendered to sanitised HTML.
    pub html: String,
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

    #[test]
    fn a_longer_answer_keeps_its_own_short_answer() {
        let (body, short) = body_and_short("Pay **online**.\n\nOr by phone.");
        assert_eq!(&*body, "Pay **online**.\n\nOr by phone.");
        assert_eq!(&*short, "Pay online.");
        assert!(!Arc::ptr_eq(&body, &short));
    }
}
