//! Reading question/answer records from JSONL into a knowledge base in memory.
//!
//! One JSON object per line with at least `id`, `lang`, `question` and `answer`; `url` and
//! `last_update` (`YYYY-MM-DD` or `YYYY/MM/DD`) are used when present, other fields are
//! ignored. Entries become published FAQ entries of topic `imported`, built exactly as entries
//! read from files are, so an imported base is searched by the production code path.
//!
//! To write records as entry files instead (`wayfinder import`), see [`crate::writer`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::check::KnowledgeBase;
use crate::config::KbConfig;
use crate::entry::{Answer, Entry, Kind, Status};

/// Topic given to imported entries.
pub const IMPORTED_TOPIC: &str = "imported";

/// One record of a JSONL knowledge base.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    /// Entry id.
    pub id: String,
    /// BCP 47 language tag.
    pub lang: String,
    /// The question (becomes the title).
    pub question: String,
    /// The answer (Markdown or plain text).
    pub answer: String,
    /// Official page, if any.
    #[serde(default)]
    pub url: Option<String>,
    /// When the answer was last updated, if known.
    #[serde(default)]
    pub last_update: Option<String>,
}

/// Why a JSONL file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line is not a valid record.
    #[error("{path}:{line}: {message}")]
    Record {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file has no records.
    #[error("{0}: no records")]
    Empty(PathBuf),
}

/// Reads `path` into a knowledge base whose languages are the records' languages (the most
/// common one is the default) and whose `reviewed` date for undated records is `today`.
pub fn from_jsonl(path: &Path, today: NaiveDate) -> Result<KnowledgeBase, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut entries = Vec::new();
    let mut per_lang: BTreeMap<String, usize> = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let problem = |message: String| ImportError::Record {
            path: path.to_owned(),
            line: index + 1,
            message,
        };
        let record: Record = serde_json::from_str(line).map_err(|e| problem(e.to_string()))?;
        if record.id.trim().is_empty() || record.lang.trim().is_empty() {
            return Err(problem("`id` and `lang` must not be empty".into()));
        }
        if record.question.trim().is_empty() || record.answer.trim().is_empty() {
            return Err(problem("`question` and `answer` must not be empty".into()));
        }
        *per_lang.entry(record.lang.clone()).or_default() += 1;
        entries.push(entry(record, path, today));
    }
    let default_language = per_lang
        .iter()
        .max_by_key(|(_, n)| **n)
        .map(|(lang, _)| lang.clone())
        .ok_or_else(|| ImportError::Empty(path.to_owned()))?;
    let config = KbConfig {
        site: "imported".into(),
        name: path.display().to_string(),
        languages: per_lang.into_keys().collect(),
        partial_languages: Vec::new(),
        default_language,
        topics: BTreeMap::new(),
        synonyms: BTreeMap::new(),
    };
    crate::entry::share_urls(&mut entries);
    Ok(KnowledgeBase {
        root: path.to_owned(),
        config,
        entries: entries.into_iter().map(Arc::new).collect(),
    })
}

fn entry(record: Record, path: &Path, today: NaiveDate) -> Entry {
    let last_reviewed = record
        .last_update
        .as_deref()
        .and_then(|d| {
            NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(d.trim(), "%Y/%m/%d"))
                .ok()
        })
        .unwrap_or(today);
    Entry {
        id: record.id,
        lang: record.lang,
        kind: Kind::Faq,
        title: record.question.trim().to_owned(),
        also_asked: Box::default(),
        keywords: Box::default(),
        topic: IMPORTED_TOPIC.into(),
        status: Status::Published,
        last_reviewed,
        owner: String::new(),
        url: record.url.unwrap_or_default().into(),
        plain: None,
        form_url: None,
        open311_service_code: None,
        questions: Box::default(),
        answer: Answer::new(&record.answer),
        path: path.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    /// `records` imported from a JSONL file.
    fn imported(records: &str) -> KnowledgeBase {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.jsonl");
        std::fs::write(&path, records).unwrap();
        from_jsonl(&path, today()).unwrap()
    }

    #[test]
    fn imports_records_with_languages_and_dates() {
        let kb = imported(concat!(
            r#"{"id":"a","lang":"en","question":"Q1?","answer":"A1.","url":"https://x.example/a","last_update":"2020/03/27","extra":1}"#,
            "\n",
            r#"{"id":"b","lang":"de","question":"F2?","answer":"A2."}"#,
            "\n",
            r#"{"id":"c","lang":"de","question":"F3?","answer":"A3."}"#,
            "\n",
        ));
        assert_eq!(kb.config.languages, vec!["de", "en"]);
        assert_eq!(kb.config.default_language, "de");
        assert_eq!(kb.entries.len(), 3);
        assert_eq!(kb.entries[0].last_reviewed.to_string(), "2020-03-27");
        assert_eq!(kb.entries[1].last_reviewed, today());
        assert_eq!(kb.entries[0].title, "Q1?");
        assert_eq!(kb.entries[0].answer.short(), "A1.");
    }

    #[test]
    fn entries_pointing_to_the_same_page_share_its_address() {
        let kb = imported(concat!(
            r#"{"id":"a","lang":"en","question":"Q1?","answer":"A1.","url":"https://x.example/trash"}"#,
            "\n",
            r#"{"id":"b","lang":"en","question":"Q2?","answer":"A2.","url":"https://x.example/water"}"#,
            "\n",
            r#"{"id":"c","lang":"de","question":"F3?","answer":"A3.","url":"https://x.example/trash"}"#,
            "\n",
        ));
        let url = |i: usize| &kb.entries[i].url;
        assert_eq!(&**url(0), "https://x.example/trash");
        assert_eq!(&**url(1), "https://x.example/water");
        assert!(std::sync::Arc::ptr_eq(url(0), url(2)));
    }

    #[test]
    fn bad_lines_are_located() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"lang\":\"en\",\"question\":\"Q\",\"answer\":\"A\"}\n{oops\n",
        )
        .unwrap();
        let err = from_jsonl(&path, today()).unwrap_err().to_string();
        assert!(err.contains("kb.jsonl:2:"), "{err}");
        std::fs::write(&path, "").unwrap();
        assert!(matches!(
            from_jsonl(&path, today()),
            Err(ImportError::Empty(_))
        ));
    }
}
