//! One entry in one language as a flat record: what `wayfinder import` reads from JSONL and
//! CSV files and `wayfinder export` writes.
//!
//! Fields (JSON keys and CSV columns): `id` (optional: made from the question),
//! `lang`, `question`, `answer` (required), `kind`, `topic`, `status`, `also_asked`,
//! `keywords` (lists: JSON arrays, or one string with the items separated by `|`), `url`,
//! `owner`, `last_reviewed` (`YYYY-MM-DD`; also read from `last_update`), `plain`, `form_url`,
//! `open311_service_code`. The question becomes the entry's `title`, the answer its body.

use std::path::PathBuf;

use serde::{Deserialize, Deserializer, Serialize};

use crate::diagnostic::Diagnostic;
use crate::entry::{Entry, Kind, Status};

/// Separator of list items written in one text field (CSV cells, JSON strings).
pub const LIST_SEPARATOR: char = '|';

/// Every field, in the order export writes them.
pub const FIELDS: &[&str] = &[
    "id",
    "lang",
    "kind",
    "topic",
    "status",
    "question",
    "also_asked",
    "keywords",
    "answer",
    "url",
    "owner",
    "last_reviewed",
    "plain",
    "form_url",
    "open311_service_code",
];

/// Fields every record must have.
pub const REQUIRED_FIELDS: &[&str] = &["lang", "question", "answer"];

/// One entry in one language, as imported or exported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// Entry id; made from the question when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Language tag.
    pub lang: String,
    /// `faq`, `service` or `page` (default `faq`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Topic key (default: the import's topic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// `published` or `draft` (default `published`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The question: the entry's title.
    pub question: String,
    /// Other phrasings of the question.
    #[serde(default, deserialize_with = "list")]
    pub also_asked: Vec<String>,
    /// Extra search words.
    #[serde(default, deserialize_with = "list")]
    pub keywords: Vec<String>,
    /// The answer, Markdown.
    pub answer: String,
    /// The official page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The department responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When the answer was last checked, `YYYY-MM-DD` (default: the day of the import).
    #[serde(
        default,
        alias = "last_update",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_reviewed: Option<String>,
    /// The easy-read version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain: Option<String>,
    /// The online form of a service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_url: Option<String>,
    /// The Open311 service code of a service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open311_service_code: Option<String>,
}

impl Row {
    /// The record of an entry, every field filled in, for export.
    pub fn from_entry(entry: &Entry) -> Self {
        Self {
            id: Some(entry.id.clone()),
            lang: entry.lang.clone(),
            kind: Some(
                match entry.kind {
                    Kind::Faq => "faq",
                    Kind::Service => "service",
                    Kind::Page => "page",
                }
                .to_owned(),
            ),
            topic: Some(entry.topic.clone()),
            status: Some(
                match entry.status {
                    Status::Draft => "draft",
                    Status::Published => "published",
                }
                .to_owned(),
            ),
            question: entry.title.clone(),
            also_asked: entry.also_asked.to_vec(),
            keywords: entry.keywords.to_vec(),
            answer: entry.answer.markdown().into_owned(),
            url: Some(entry.url.to_string()),
            owner: Some(entry.owner.clone()),
            last_reviewed: Some(entry.last_reviewed.to_string()),
            plain: entry.plain.as_deref().map(str::to_owned),
            form_url: entry.form_url.as_deref().map(str::to_owned),
            open311_service_code: entry.open311_service_code.as_deref().map(str::to_owned),
        }
    }
}

/// Splits a one-string list (`"a | b"`) into its trimmed, non-empty items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(LIST_SEPARATOR)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A list given as an array of strings or as one `|`-separated string.
fn list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum List {
        Items(Vec<String>),
        Joined(String),
        Null(()),
    }
    Ok(match List::deserialize(deserializer)? {
        List::Items(items) => items
            .into_iter()
            .map(|item| item.trim().to_owned())
            .filter(|item| !item.is_empty())
            .collect(),
        List::Joined(text) => split_list(&text),
        List::Null(()) => Vec::new(),
    })
}

/// A record and the line of the file it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// 1-based line number in the file read.
    pub line: usize,
    /// The record.
    pub row: Row,
}

/// What reading a file of records found: the good records and a located problem for each
/// bad one.
#[derive(Debug, Clone, Default)]
pub struct ReadRows {
    /// The file.
    pub path: PathBuf,
    /// Records that could be read, in file order.
    pub rows: Vec<SourceRow>,
    /// One problem per record that could not be read (and warnings, e.g. unused columns).
    pub problems: Vec<Diagnostic>,
}

/// The problems of a record whose required fields are empty, if any.
pub fn missing_required(row: &Row) -> Option<String> {
    let empty: Vec<&str> = [
        ("lang", &row.lang),
        ("question", &row.question),
        ("answer", &row.answer),
    ]
    .into_iter()
    .filter(|(_, value)| value.trim().is_empty())
    .map(|(name, _)| name)
    .collect();
    (!empty.is_empty()).then(|| {
        format!(
            "empty required field(s): {} (every record needs {})",
            empty.join(", "),
            REQUIRED_FIELDS.join(", ")
        )
    })
}
