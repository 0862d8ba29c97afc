//! Writing one entry as a file: TOML front matter between `+++` lines, then the answer.
//!
//! The inverse of [`crate::parse_entry`]: keys come in the order of the README's example,
//! strings are quoted as TOML requires, optional keys are left out when empty.

use chrono::NaiveDate;
use toml::Value;

use crate::entry::{Entry, Kind, Status};

/// Everything an entry file holds, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFile {
    /// Entry id (the file stem).
    pub id: String,
    /// `faq`, `service` or `page`.
    pub kind: String,
    /// The question.
    pub title: String,
    /// Other phrasings.
    pub also_asked: Vec<String>,
    /// Extra search words.
    pub keywords: Vec<String>,
    /// Topic key (the folder).
    pub topic: String,
    /// `published` or `draft`.
    pub status: String,
    /// When the answer was last checked.
    pub last_reviewed: NaiveDate,
    /// Department responsible.
    pub owner: String,
    /// Official page.
    pub url: String,
    /// Easy-read version.
    pub plain: Option<String>,
    /// Online form of a service.
    pub form_url: Option<String>,
    /// Open311 service code of a service.
    pub open311_service_code: Option<String>,
    /// The answer, Markdown.
    pub body: String,
}

impl EntryFile {
    /// The file of a loaded entry.
    pub fn from_entry(entry: &Entry) -> Self {
        Self {
            id: entry.id.clone(),
            kind: match entry.kind {
                Kind::Faq => "faq",
                Kind::Service => "service",
                Kind::Page => "page",
            }
            .to_owned(),
            title: entry.title.clone(),
            also_asked: entry.also_asked.to_vec(),
            keywords: entry.keywords.to_vec(),
            topic: entry.topic.clone(),
            status: match entry.status {
                Status::Draft => "draft",
                Status::Published => "published",
            }
            .to_owned(),
            last_reviewed: entry.last_reviewed,
            owner: entry.owner.clone(),
            url: entry.url.to_string(),
            plain: entry.plain.as_deref().map(str::to_owned),
            form_url: entry.form_url.as_deref().map(str::to_owned),
            open311_service_code: entry.open311_service_code.as_deref().map(str::to_owned),
            body: entry.answer.markdown().into_owned(),
        }
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(self.body.len() + 512);
        out.push_str("+++\n");
        let mut key = |name: &str, value: String| {
            out.push_str(name);
            out.push_str(" = ");
            out.push_str(&value);
            out.push('\n');
        };
        key("id", quote(&self.id));
        key("kind", quote(&self.kind));
        key("title", quote(&self.title));
        if !self.also_asked.is_empty() {
            key("also_asked", list(&self.also_asked));
        }
        if !self.keywords.is_empty() {
            key("keywords", list(&self.keywords));
        }
        key("topic", quote(&self.topic));
        key("status", quote(&self.status));
        key(
            "last_reviewed",
            self.last_reviewed.format("%Y-%m-%d").to_string(),
        );
        key("owner", quote(&self.owner));
        key("url", quote(&self.url));
        for (name, value) in [
            ("form_url", &self.form_url),
            ("open311_service_code", &self.open311_service_code),
            ("plain", &self.plain),
        ] {
            if let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                key(name, quote(value));
            }
        }
        out.push_str("+++\n");
        out.push_str(self.body.trim());
        out.push('\n');
        out
    }
}

/// `text` as a TOML string.
fn quote(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

/// `items` as a one-line TOML array of strings.
fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| quote(item)).collect();
    format!("[{}]", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn rendered_files_parse_back_to_the_same_entry() {
        let file = EntryFile {
            id: "pay-water".into(),
            kind: "service".into(),
            title: "How do I pay my \"water\" bill?".into(),
            also_asked: vec!["water bill".into(), "pay\\online".into()],
            keywords: vec![],
            topic: "water".into(),
            status: "draft".into(),
            last_reviewed: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            owner: "Utilities".into(),
            url: "https://x.example/water".into(),
            plain: Some("Pay online.\nOr call.".into()),
            form_url: Some("https://x.example/form".into()),
            open311_service_code: Some("42".into()),
            body: "Pay **online**.\n\n+++\n\n- or by phone".into(),
        };
        let text = file.render();
        let entry = crate::parse_entry(Path::new("en/water/pay-water.md"), "en", &text).unwrap();
        assert_eq!(EntryFile::from_entry(&entry), file);
    }
}
