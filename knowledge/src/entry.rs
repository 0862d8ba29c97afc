//! The entry model: one answer in one language.

use std::path::PathBuf;

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
    pub body: String,
    /// The answer rendered to sanitised HTML.
    pub html: String,
    /// The short answer: the first paragraph as plain text.
    pub short: String,
    /// Where the entry was read from.
    pub path: PathBuf,
}

impl Entry {
    /// Whether residents may see this entry.
    pub fn is_published(&self) -> bool {
        self.status == Status::Published
    }
}
