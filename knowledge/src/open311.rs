//! Open311 GeoReport v2 service lists (`GET /services.json`) as service entries.
//!
//! A service list is a JSON array of services with `service_code`, `service_name`,
//! `description`, `metadata`, `type`, `keywords` (one comma-separated string) and `group`.
//! Each service becomes a record ([`Row`]) of kind `service`:
//!
//! - `id`: the service name as a slug (`Graffiti - Public - Bike_rack` →
//!   `graffiti-public-bike-rack`), followed by the code when two services share a name;
//! - `title`: the name, underscores read as spaces;
//! - the answer: the description (the name when there is none), Markdown characters escaped;
//! - `keywords`: the keywords, then the group, so that searches for either find the service;
//! - `open311_service_code`: the code (codes may be numbers or strings: both are read);
//! - `form_url`: when the service carries one (not part of GeoReport v2, but some lists add it).
//!
//! `metadata` and `type` describe the request form and how requests are answered; entries do
//! not need them. The list has no language: the import says which it is in.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use serde_json::value::RawValue;

use crate::diagnostic::Diagnostic;
use crate::row::{ReadRows, Row, SourceRow};
use crate::slug::slug;

/// One service of a service list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// The service's code, as a string.
    pub service_code: String,
    /// Its name.
    pub service_name: String,
    /// What the service is for.
    pub description: String,
    /// Its keywords (the list's comma-separated string, split).
    pub keywords: Vec<String>,
    /// Its group (category), if any.
    pub group: Option<String>,
    /// Its online form, when the list gives one.
    pub form_url: Option<String>,
}

/// Reads the service list at `path` as records in `lang`. A service without a code or a name
/// (or with a code used before) is a located problem; a file that is not a JSON array of
/// objects is an error.
pub fn read_rows(path: &Path, lang: &str) -> Result<ReadRows, Diagnostic> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Diagnostic::error(path, 1, format!("cannot read the file: {e}")))?;
    parse_rows(path, &text, lang)
}

/// The records of the service list `text`, read from `path`.
pub fn parse_rows(path: &Path, text: &str, lang: &str) -> Result<ReadRows, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| {
        Diagnostic::error(
            path,
            e.line(),
            format!("not an Open311 service list (a JSON array of services): {e}"),
        )
    })?;
    let mut read = ReadRows {
        path: path.to_owned(),
        ..ReadRows::default()
    };
    let mut services = Vec::new();
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    for item in items {
        let offset = (item.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let line = 1 + text[..offset.min(text.len())].matches('\n').count();
        match service(item.get()) {
            Ok(service) => {
                if let Some(first) = codes.get(&service.service_code) {
                    read.problems.push(Diagnostic::error(
                        path,
                        line,
                        format!(
                            "service_code {:?} is already used on line {first}",
                            service.service_code
                        ),
                    ));
                } else {
                    codes.insert(service.service_code.clone(), line);
                    services.push((line, service));
                }
            }
            Err(message) => read.problems.push(Diagnostic::error(path, line, message)),
        }
    }
    read.rows = rows(&services, lang);
    Ok(read)
}

/// One service from its JSON text.
fn service(json: &str) -> Result<Service, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let Value::Object(object) = value else {
        return Err("a service must be a JSON object".to_owned());
    };
    let text = |key: &str| -> Option<String> {
        match object.get(key)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let service_code = text("service_code").ok_or("the service has no `service_code`")?;
    let service_name = text("service_name").ok_or("the service has no `service_name`")?;
    let keywords = match object.get("keywords") {
        Some(Value::String(s)) => s
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    Ok(Service {
        service_code,
        service_name,
        description: text("description").unwrap_or_default(),
        keywords,
        group: text("group"),
        form_url: text("form_url"),
    })
}

/// The records of `services` (with their lines) in `lang`.
pub fn rows(services: &[(usize, Service)], lang: &str) -> Vec<SourceRow> {
    let mut by_slug: BTreeMap<String, usize> = BTreeMap::new();
    for (_, s) in services {
        *by_slug.entry(slug(&title(&s.service_name))).or_default() += 1;
    }
    services
        .iter()
        .map(|(line, s)| {
            let name = title(&s.service_name);
            let base = slug(&name);
            let id = if by_slug[&base] > 1 {
                format!("{base}-{}", slug(&s.service_code))
            } else {
                base
            };
            let mut keywords = s.keywords.clone();
            if let Some(group) = &s.group
                && !keywords.iter().any(|k| k.eq_ignore_ascii_case(group))
            {
                keywords.push(group.clone());
            }
            let answer = if s.description.is_empty() {
                format!("{name}.")
            } else {
                s.description.clone()
            };
            SourceRow {
                line: *line,
                row: Row {
                    id: Some(id),
                    lang: lang.to_owned(),
                    kind: Some("service".to_owned()),
                    question: name,
                    keywords,
                    answer: escape_markdown(&answer),
                    form_url: s.form_url.clone(),
                    open311_service_code: Some(s.service_code.clone()),
                    ..Row::default()
                },
            }
        })
        .collect()
}

/// A service name as residents read it: underscores as spaces, spaces collapsed.
fn title(name: &str) -> String {
    name.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Plain text made safe to use as Markdown: characters that would start formatting, links or
/// HTML are escaped, and so are line starts that would make a heading, quote or list.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        out.push_str(&line[..line.len() - trimmed.len()]);
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        let mut rest = trimmed;
        if trimmed.starts_with(['#', '>', '-', '+', '=', '|'])
            || (digits > 0 && trimmed[digits..].starts_with(['.', ')']))
        {
            out.push_str(&trimmed[..digits]);
            out.push('\\');
            rest = &trimmed[digits..];
        }
        for c in rest.chars() {
            if matches!(c, '\\' | '*' | '`' | '[' | ']' | '<') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = r#"[
 {
  "service_code": "007",
  "service_name": "Graffiti - Public - Bike_rack",
  "description": "Graffiti on a bike rack",
  "metadata": false,
  "type": "realtime",
  "keywords": "tagging, spray paint",
  "group": "Graffiti"
 },
 {"service_code": 37, "service_name": "Graffiti", "description": "", "group": "Cleanup"},
 {"service_code": "38", "service_name": "Graffiti"},
 {"service_code": "007", "service_name": "Again"},
 {"service_name": "No code"}
]"#;

    #[test]
    fn services_become_service_records_with_their_lines() {
        let read = parse_rows(Path::new("s.json"), LIST, "en").unwrap();
        let rows: Vec<&Row> = read.rows.iter().map(|r| &r.row).collect();
        assert_eq!(read.rows[0].line, 2);
        assert_eq!(rows[0].id.as_deref(), Some("graffiti-public-bike-rack"));
        assert_eq!(rows[0].question, "Graffiti - Public - Bike rack");
        assert_eq!(rows[0].keywords, vec!["tagging", "spray paint", "Graffiti"]);
        assert_eq!(rows[0].kind.as_deref(), Some("service"));
        assert_eq!(rows[0].open311_service_code.as_deref(), Some("007"));
        // Two services named alike: the code tells them apart; a number code is read.
        assert_eq!(rows[1].id.as_deref(), Some("graffiti-37"));
        assert_eq!(rows[1].answer, "Graffiti.");
        assert_eq!(rows[2].id.as_deref(), Some("graffiti-38"));
        let problems: Vec<String> = read.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            vec![
                "s.json:13: error: service_code \"007\" is already used on line 2",
                "s.json:14: error: the service has no `service_code`",
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_a_list_is_an_error() {
        let err = parse_rows(Path::new("s.json"), "{\"services\": []}", "en").unwrap_err();
        assert!(err.message.contains("not an Open311 service list"), "{err}");
    }

    #[test]
    fn markdown_characters_are_escaped() {
        assert_eq!(
            escape_markdown("# 1 *bold* [x](y) <b>\n2. item\n- dash"),
            "\\# 1 \\*bold\\* \\[x\\](y) \\<b>\n2\\. item\n\\- dash"
        );
        assert_eq!(escape_markdown("a *b* [c]"), "a \\*b\\* \\[c\\]");
    }
}
