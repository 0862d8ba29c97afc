//! Parsing one entry file: TOML front matter between `+++` lines, then the Markdown answer.
//!
//! Every problem is reported with the line it is on, so editors can jump straight to it.

use std::path::Path;

use chrono::NaiveDate;
use toml::{Table, Value};

use crate::diagnostic::Diagnostic;
use crate::entry::{Answer, Entry, Kind, Status};
use crate::questions::{self, Question};

/// Front-matter keys an entry may have.
const ALLOWED_KEYS: &[&str] = &[
    "id",
    "kind",
    "title",
    "also_asked",
    "keywords",
    "topic",
    "status",
    "last_reviewed",
    "owner",
    "url",
    "plain",
    "form_url",
    "open311_service_code",
    questions::KEY,
];

/// Keys every entry must have.
const REQUIRED_KEYS: &[&str] = &[
    "id",
    "kind",
    "title",
    "topic",
    "status",
    "last_reviewed",
    "owner",
    "url",
];

const FENCE: &str = "+++";

/// Parses the text of an entry file written in `lang`.
///
/// `path` is only used to locate problems. Checks that need the whole knowledge base (id
/// matches the file name, topic exists, translations) are done by [`crate::load`].
pub fn parse_entry(path: &Path, lang: &str, text: &str) -> Result<Entry, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front, body, body_line) = split_front_matter(path, text).map_err(|d| vec![d])?;
    let table: Table = toml::from_str(front).map_err(|e| {
        let line = e
            .span()
            .map(|span| 2 + front[..span.start.min(front.len())].matches('\n').count())
            .unwrap_or(1);
        vec![Diagnostic::error(
            path,
            line,
            format!("front matter is not valid TOML: {}", e.message()),
        )]
    })?;
    let fields = Fields {
        path,
        front,
        table: &table,
    };
    let mut problems = Vec::new();
    for key in table.keys() {
        if !ALLOWED_KEYS.contains(&key.as_str()) {
            problems.push(Diagnostic::error(
                path,
                fields.line_of(key),
                format!("unknown key `{key}` (allowed: {})", ALLOWED_KEYS.join(", ")),
            ));
        }
    }
    for key in REQUIRED_KEYS {
        if !table.contains_key(*key) {
            problems.push(Diagnostic::error(
                path,
                1,
                format!("missing required key `{key}`"),
            ));
        }
    }

    let id = fields.string("id", &mut problems);
    let title = fields.string("title", &mut problems);
    let topic = fields.string("topic", &mut problems);
    let owner = fields.string("owner", &mut problems);
    let url = fields.url("url", &mut problems);
    let plain = fields.optional_string("plain", &mut problems);
    let form_url = fields.optional_url("form_url", &mut problems);
    let open311_service_code = fields.optional_string("open311_service_code", &mut problems);
    let questions: Vec<Question> = table
        .get(questions::KEY)
        .map(|value| questions::read(path, front, value, &mut problems))
        .unwrap_or_default();
    if table.contains_key(questions::KEY) && !table.contains_key("open311_service_code") {
        problems.push(Diagnostic::error(
            path,
            fields.line_of(questions::KEY),
            "`questions` need an `open311_service_code`: they are the questions of that service's requests",
        ));
    }
    let also_asked = fields.string_list("also_asked", &mut problems);
    let keywords = fields.string_list("keywords", &mut problems);
    let last_reviewed = fields.date("last_reviewed", &mut problems);
    let kind = fields.choice("kind", &["faq", "service", "page"], &mut problems);
    let status = fields.choice("status", &["draft", "published"], &mut problems);

    let kind = kind.map(|k| match k.as_str() {
        "service" => Kind::Service,
        "page" => Kind::Page,
        _ => Kind::Faq,
    });
    if kind.is_some_and(|k| k != Kind::Service) {
        for key in ["form_url", "open311_service_code", questions::KEY] {
            if table.contains_key(key) {
                problems.push(Diagnostic::error(
                    path,
                    fields.line_of(key),
                    format!("`{key}` is only allowed on entries with kind = \"service\""),
                ));
            }
        }
    }

    let body = body.trim();
    if body.is_empty() {
        problems.push(Diagnostic::error(
            path,
            body_line,
            "the answer is empty: write it below the closing `+++`",
        ));
    }
    let answer = Answer::new(body);
    if !answer.is_empty() && answer.short().is_empty() {
        problems.push(Diagnostic::error(
            path,
            body_line,
            "the answer must start with a paragraph (the short answer), not a heading or list",
        ));
    }

    if problems.iter().any(Diagnostic::is_error) {
        return Err(problems);
    }
    match (id, title, topic, owner, url, last_reviewed, kind, status) {
        (
            Some(id),
            Some(title),
            Some(topic),
            Some(owner),
            Some(url),
            Some(last_reviewed),
            Some(kind),
            Some(status),
        ) => Ok(Entry {
            id,
            lang: lang.to_owned(),
            kind,
            title,
            also_asked: also_asked.unwrap_or_default().into(),
            keywords: keywords.unwrap_or_default().into(),
            topic,
            status: if status == "draft" {
                Status::Draft
            } else {
                Status::Published
            },
            last_reviewed,
            owner,
            url: url.into(),
            plain: plain.map(String::into_boxed_str),
            form_url: form_url.map(String::into_boxed_str),
            open311_service_code: open311_service_code.map(String::into_boxed_str),
            questions: questions.into(),
            answer,
            path: path.into(),
        }),
        _ => Err(problems),
    }
}

/// Splits `text` into (front matter, body, line number where the body starts).
pub(crate) fn split_front_matter<'a>(
    path: &Path,
    text: &'a str,
) -> Result<(&'a str, &'a str, usize), Diagnostic> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != FENCE {
        return Err(Diagnostic::error(
            path,
            1,
            "the file must start with a `+++` line that opens the TOML front matter",
        ));
    }
    let front_start = first.len();
    let mut offset = front_start;
    for (index, line) in lines.enumerate() {
        if line.trim_end() == FENCE {
            let front = &text[front_start..offset];
            let body = &text[offset + line.len()..];
            // Line 1 is the opening fence, the closing fence is line index + 2.
            return Ok((front, body, index + 3));
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        path,
        1,
        "the front matter opened on line 1 is never closed by a `+++` line",
    ))
}

/// The 1-based line of `text` on which `key = ...` is assigned, if any. For a whole entry file
/// this is the file line; for front matter alone, add one for the opening fence.
pub(crate) fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            let rest = line
                .strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")));
            rest.is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|index| index + 1)
}

/// Typed access to front-matter keys, recording a located problem for each bad value.
struct Fields<'a> {
    path: &'a Path,
    front: &'a str,
    table: &'a Table,
}

impl Fields<'_> {
    /// The file line (1-based) on which `key` is assigned, or 1 when it cannot be found.
    fn line_of(&self, key: &str) -> usize {
        let header = format!("[[{key}]]");
        key_line(self.front, key)
            .or_else(|| {
                let at = self
                    .front
                    .lines()
                    .position(|l| l.trim_start().starts_with(&header));
                at.map(|i| i + 1)
            })
            .map(|l| l + 1)
            .unwrap_or(1)
    }

    fn problem(&self, key: &str, message: String, problems: &mut Vec<Diagnostic>) {
        problems.push(Diagnostic::error(self.path, self.line_of(key), message));
    }

    fn string(&self, key: &str, problems: &mut Vec<Diagnostic>) -> Option<String> {
        match self.table.get(key)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::String(_) => {
                self.problem(key, format!("`{key}` is empty"), problems);
                None
            }
            other => {
                self.problem(
                    key,
                    format!("`{key}` must be a string, not {}", other.type_str()),
                    problems,
                );
                None
            }
        }
    }

    fn optional_string(&self, key: &str, problems: &mut Vec<Diagnostic>) -> Option<String> {
        self.table.get(key)?;
        self.string(key, problems)
    }

    fn url(&self, key: &str, problems: &mut Vec<Diagnostic>) -> Option<String> {
        let value = self.string(key, problems)?;
        if value.starts_with("https://") || value.starts_with("http://") {
            Some(value)
        } else {
            self.problem(
                key,
                format!("`{key}` must be an absolute http(s) URL, got {value:?}"),
                problems,
            );
            None
        }
    }

    fn optional_url(&self, key: &str, problems: &mut Vec<Diagnostic>) -> Option<String> {
        self.table.get(key)?;
        self.url(key, problems)
    }

    fn string_list(&self, key: &str, problems: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
        match self.table.get(key)? {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_owned()),
                        _ => {
                            self.problem(
                                key,
                                format!("`{key}` must be a list of non-empty strings"),
                                problems,
                            );
                            return None;
                        }
                    }
                }
                Some(out)
            }
            other => {
                self.problem(
                    key,
                    format!(
                        "`{key}` must be a list of strings like [\"a\", \"b\"], not {}",
                        other.type_str()
                    ),
                    problems,
                );
                None
            }
        }
    }

    fn date(&self, key: &str, problems: &mut Vec<Diagnostic>) -> Option<NaiveDate> {
        let raw = match self.table.get(key)? {
            Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
            Value::String(s) => s.clone(),
            other => {
                self.problem(
                    key,
                    format!(
                        "`{key}` must be a date like 2026-10-01, not {}",
                        other.type_str()
                    ),
                    problems,
                );
                return None;
            }
        };
        match NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                self.problem(
                    key,
                    format!("`{key}` must be a date like 2026-10-01, got {raw:?}"),
                    problems,
                );
                None
            }
        }
    }

    fn choice(
        &self,
        key: &str,
        allowed: &[&str],
        problems: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let value = self.string(key, problems)?;
        if allowed.contains(&value.as_str()) {
            Some(value)
        } else {
            self.problem(
                key,
                format!(
                    "`{key}` must be one of {}, got {value:?}",
                    allowed
                        .iter()
                        .map(|a| format!("\"{a}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                problems,
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"+++
id = "trash-day"
kind = "faq"
title = "When is trash picked up?"
also_asked = ["garbage day"]
keywords = ["trash"]
topic = "trash"
status = "published"
last_reviewed = 2026-10-01
owner = "Public Works"
url = "https://www.riverton.example/trash"
+++
Trash is picked up **weekly** on your street's day.

See the [map](https://www.riverton.example/map).
"#;

    fn parse(text: &str) -> Result<Entry, Vec<Diagnostic>> {
        parse_entry(Path::new("en/trash/trash-day.md"), "en", text)
    }

    #[test]
    fn parses_a_complete_entry() {
        let e = parse(GOOD).unwrap();
        assert_eq!(e.id, "trash-day");
        assert_eq!(e.kind, Kind::Faq);
        assert_eq!(*e.also_asked, ["garbage day"]);
        assert_eq!(e.last_reviewed.to_string(), "2026-10-01");
        assert_eq!(
            e.answer.short(),
            "Trash is picked up weekly on your street's day."
        );
        assert!(
            e.answer.html().contains("<strong>weekly</strong>"),
            "{}",
            e.answer.html()
        );
        assert!(e.is_published());
    }

    #[test]
    fn unknown_key_is_reported_on_its_line() {
        let text = GOOD.replace("owner = ", "colour = \"red\"\nowner = ");
        let errs = parse(&text).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].line, 10);
        assert!(errs[0].message.contains("unknown key `colour`"));
    }

    #[test]
    fn broken_date_is_reported_on_its_line() {
        let text = GOOD.replace("2026-10-01", "\"2026-13-01\"");
        let errs = parse(&text).unwrap_err();
        assert_eq!(errs[0].line, 9);
        assert!(errs[0].message.contains("last_reviewed"), "{errs:?}");
    }

    #[test]
    fn toml_syntax_error_points_at_the_line() {
        let text = GOOD.replace("topic = \"trash\"", "topic = \"trash");
        let errs = parse(&text).unwrap_err();
        assert_eq!(errs[0].line, 7, "{errs:?}");
        assert!(errs[0].message.contains("not valid TOML"));
    }

    #[test]
    fn missing_fences_and_keys_are_errors() {
        assert!(
            parse("no front matter").unwrap_err()[0]
                .message
                .contains("must start")
        );
        assert!(
            parse("+++\nid = \"x\"\n").unwrap_err()[0]
                .message
                .contains("never closed")
        );
        let errs = parse(&GOOD.replace("owner = \"Public Works\"\n", "")).unwrap_err();
        assert!(
            errs.iter()
                .any(|e| e.message == "missing required key `owner`")
        );
    }

    #[test]
    fn bad_values_are_named() {
        let text = GOOD
            .replace("kind = \"faq\"", "kind = \"article\"")
            .replace("https://www.riverton.example/trash", "www.riverton.example");
        let errs = parse(&text).unwrap_err();
        assert!(
            errs.iter()
                .any(|e| e.line == 3 && e.message.contains("`kind`"))
        );
        assert!(
            errs.iter()
                .any(|e| e.line == 11 && e.message.contains("absolute"))
        );
    }

    #[test]
    fn service_fields_only_on_services() {
        let text = GOOD.replace(
            "owner = ",
            "form_url = \"https://www.riverton.example/f\"\nowner = ",
        );
        let errs = parse(&text).unwrap_err();
        assert!(errs[0].message.contains("only allowed"), "{errs:?}");
        let ok = text.replace("kind = \"faq\"", "kind = \"service\"");
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn empty_body_is_an_error() {
        let text = GOOD.split("+++\nTrash").next().unwrap().to_owned() + "+++\n\n";
        let errs = parse(&text).unwrap_err();
        assert_eq!(errs[0].line, 13);
        assert!(errs[0].message.contains("empty"));
    }
}
