//! The load-test corpus and queries (`perf/` in the shared data folder): government FAQ
//! entries in six languages, replicated with suffixed ids to any size, written in the forms
//! Wayfinder's import and the other search servers read.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::json;
use crate::repo::Repo;

/// The corpus file in the perf folder.
const CORPUS: &str = "corpus.jsonl";
/// Resident questions (English) and short title queries (all languages), interleaved.
const QUERIES: &str = "queries_mixed_clean.txt";
/// Official page given to entries that have none (Wayfinder's import requires one).
pub const DEFAULT_URL: &str = "https://perf.example/faq";

/// Where the perf data is: `WAYFINDER_PERF_DATA`, else `../shared/data/perf` beside the
/// repository.
pub fn data_dir(repo: &Repo) -> PathBuf {
    match std::env::var_os("WAYFINDER_PERF_DATA") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => repo.root.join("../shared/data/perf"),
    }
}

/// One entry of the corpus, its texts kept as raw JSON strings.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Entry id (digits in the source; suffixed `-<copy>` when replicated).
    pub id: String,
    /// Language tag.
    pub lang: String,
    /// The question, a JSON string literal.
    title: String,
    /// The answer, a JSON string literal.
    body: String,
    /// The official page, a JSON string literal, when there is one.
    url: Option<String>,
}

/// Reads the corpus.
pub fn read(repo: &Repo) -> Result<Vec<Entry>> {
    let path = data_dir(repo).join(CORPUS);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "reading {} (set WAYFINDER_PERF_DATA to the perf data folder)",
            path.display()
        )
    })?;
    let mut entries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{}:{}", path.display(), n + 1);
        let fields = json::fields(line).with_context(|| format!("{}: not a JSON object", at()))?;
        let get = |key: &str| {
            fields
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, value)| value.clone())
        };
        let plain = |key: &str| -> Result<String> {
            get(key)
                .as_deref()
                .and_then(json::plain)
                .map(str::to_owned)
                .with_context(|| format!("{}: no plain `{key}`", at()))
        };
        let text = |key: &str| -> Result<String> {
            get(key)
                .filter(|v| v.starts_with('"') && v.len() > 2)
                .with_context(|| format!("{}: no `{key}` text", at()))
        };
        entries.push(Entry {
            id: plain("id")?,
            lang: plain("lang")?,
            title: text("title")?,
            body: text("body")?,
            url: get("url").filter(|v| v.starts_with('"') && v.len() > 2),
        });
    }
    if entries.is_empty() {
        bail!("{}: no entries", path.display());
    }
    Ok(entries)
}

/// `count` entries: the corpus repeated, each copy's ids suffixed `-0`, `-1`, ...
pub fn replicate(entries: &[Entry], count: usize) -> Vec<Entry> {
    (0..count)
        .map(|i| {
            let source = &entries[i % entries.len()];
            Entry {
                id: format!("{}-{}", source.id, i / entries.len()),
                ..source.clone()
            }
        })
        .collect()
}

/// Writes `entries` as records for `wayfinder import --jsonl` (`question`, `answer`, `url`).
pub fn write_import_records(path: &Path, entries: &[Entry]) -> Result<()> {
    let mut out = String::new();
    for e in entries {
        let _ = write!(
            out,
            r#"{{"id":{},"lang":{},"question":{},"answer":{}"#,
            json::quote(&e.id),
            json::quote(&e.lang),
            e.title,
            e.body
        );
        if let Some(url) = &e.url {
            let _ = write!(out, r#","url":{url}"#);
        }
        out.push_str("}\n");
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

/// Writes `entries` as search documents (`id`, `lang`, `title`, `body`) for the other servers.
pub fn write_documents(path: &Path, entries: &[Entry]) -> Result<()> {
    let mut out = String::new();
    for e in entries {
        let _ = writeln!(
            out,
            r#"{{"id":{},"lang":{},"title":{},"body":{}}}"#,
            json::quote(&e.id),
            json::quote(&e.lang),
            e.title,
            e.body
        );
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

/// The queries: one per line, without those that have no word at all.
pub fn queries(repo: &Repo) -> Result<Vec<String>> {
    let path = data_dir(repo).join(QUERIES);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let queries: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|q| !words(q).is_empty())
        .map(str::to_owned)
        .collect();
    if queries.is_empty() {
        bail!("{}: no queries", path.display());
    }
    Ok(queries)
}

/// The words of `query` (runs of letters and digits), lowercased and joined by spaces: what
/// the other servers are sent, so that no query trips over a query syntax (`:`, quotes,
/// `AND`).
pub fn words(query: &str) -> String {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> Entry {
        Entry {
            id: id.to_owned(),
            lang: "en".to_owned(),
            title: r#""Q?""#.to_owned(),
            body: r#""A.""#.to_owned(),
            url: None,
        }
    }

    #[test]
    fn copies_have_suffixed_ids() {
        let copies = replicate(&[entry("0"), entry("1")], 5);
        let ids: Vec<&str> = copies.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["0-0", "1-0", "0-1", "1-1", "0-2"]);
    }

    #[test]
    fn queries_are_reduced_to_lowercase_words() {
        assert_eq!(words("What's COVID-19? title:x"), "what s covid 19 title x");
        assert_eq!(words(" ¿? "), "");
    }
}
