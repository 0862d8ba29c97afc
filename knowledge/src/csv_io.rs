//! Records ([`Row`]) as CSV: a header line naming the columns, then one record per row.
//!
//! Columns are the record's fields ([`crate::row::FIELDS`]), in any order; `lang`,
//! `question` and `answer` are required, the others optional (an empty cell counts as
//! absent). `also_asked` and `keywords` hold their items separated by `|`. Columns with
//! other names are ignored, with a warning. Cells may span lines when quoted, as
//! spreadsheets write them.

use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::row::{
    FIELDS, LIST_SEPARATOR, REQUIRED_FIELDS, ReadRows, Row, SourceRow, missing_required, split_list,
};

/// Reads the records of the CSV file at `path`. A row that is not a valid record is a
/// located problem; an unreadable file or a header without the required columns is an error.
pub fn read_rows(path: &Path) -> Result<ReadRows, Diagnostic> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Diagnostic::error(path, 1, format!("cannot read the file: {e}")))?;
    parse_rows(path, &text)
}

/// The records in `text`, read from `path`.
pub fn parse_rows(path: &Path, text: &str) -> Result<ReadRows, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Diagnostic::error(path, 1, format!("cannot read the header: {e}")))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let mut read = ReadRows {
        path: path.to_owned(),
        ..ReadRows::default()
    };
    let missing: Vec<&str> = REQUIRED_FIELDS
        .iter()
        .copied()
        .filter(|field| !headers.iter().any(|h| h == field))
        .collect();
    if !missing.is_empty() {
        return Err(Diagnostic::error(
            path,
            1,
            format!(
                "the header has no column {} (required: {}; optional: {})",
                missing.join(", "),
                REQUIRED_FIELDS.join(", "),
                FIELDS
                    .iter()
                    .filter(|f| !REQUIRED_FIELDS.contains(f))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    for header in &headers {
        if !FIELDS.contains(&header.as_str()) {
            read.problems.push(Diagnostic::warning(
                path,
                1,
                format!("column `{header}` is not a record field; ignored"),
            ));
        }
    }
    let column = |name: &str| headers.iter().position(|h| h == name);
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("this row has {len} cell(s), the header {expected_len}"),
                    _ => format!("not a valid CSV row: {e}"),
                };
                read.problems.push(Diagnostic::error(path, line, message));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| -> Option<String> {
            column(name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
        };
        let row = Row {
            id: cell("id"),
            lang: cell("lang").unwrap_or_default(),
            kind: cell("kind"),
            topic: cell("topic"),
            status: cell("status"),
            question: cell("question").unwrap_or_default(),
            also_asked: cell("also_asked")
                .map(|c| split_list(&c))
                .unwrap_or_default(),
            keywords: cell("keywords").map(|c| split_list(&c)).unwrap_or_default(),
            answer: cell("answer").unwrap_or_default(),
            url: cell("url"),
            owner: cell("owner"),
            last_reviewed: cell("last_reviewed"),
            plain: cell("plain"),
            form_url: cell("form_url"),
            open311_service_code: cell("open311_service_code"),
        };
        match missing_required(&row) {
            Some(message) => read.problems.push(Diagnostic::error(path, line, message)),
            None => read.rows.push(SourceRow { line, row }),
        }
    }
    Ok(read)
}

/// Writes `rows` as CSV with every column of [`FIELDS`].
pub fn write_rows<'a>(out: impl Write, rows: impl IntoIterator<Item = &'a Row>) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(FIELDS)?;
    let joined = |items: &[String]| items.join(&format!(" {LIST_SEPARATOR} "));
    for row in rows {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        writer.write_record([
            text(&row.id),
            row.lang.clone(),
            text(&row.kind),
            text(&row.topic),
            text(&row.status),
            row.question.clone(),
            joined(&row.also_asked),
            joined(&row.keywords),
            row.answer.clone(),
            text(&row.url),
            text(&row.owner),
            text(&row.last_reviewed),
            text(&row.plain),
            text(&row.form_url),
            text(&row.open311_service_code),
        ])?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_by_header_with_their_lines() {
        let text = "Question,lang,answer,also_asked,extra\n\
                    How do I pay?,en,\"Online.\n\nOr by phone.\",pay bill | pay online,x\n\
                    ,en,Missing question.,,\n\
                    Too,few\n";
        let read = parse_rows(Path::new("f.csv"), text).unwrap();
        assert_eq!(read.rows.len(), 1);
        assert_eq!(read.rows[0].line, 2);
        let row = &read.rows[0].row;
        assert_eq!(row.question, "How do I pay?");
        assert_eq!(row.answer, "Online.\n\nOr by phone.");
        assert_eq!(row.also_asked, vec!["pay bill", "pay online"]);
        let problems: Vec<String> = read.problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with("f.csv:1: warning: column `extra`"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("f.csv:5: error: empty required field(s): question"),
            "{problems:?}"
        );
        assert!(
            problems[2].starts_with("f.csv:6: error: this row has 2 cell(s), the header 5"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_header_without_required_columns_is_an_error() {
        let err = parse_rows(Path::new("f.csv"), "question,answer\nQ,A\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("f.csv:1: error: the header has no column lang"),
            "{err}"
        );
    }

    #[test]
    fn written_rows_read_back_the_same() {
        let row = Row {
            id: Some("a".into()),
            lang: "es".into(),
            question: "¿P, \"q\"?".into(),
            answer: "R.\n\n- uno".into(),
            also_asked: vec!["x".into(), "y z".into()],
            status: Some("draft".into()),
            ..Row::default()
        };
        let mut out = Vec::new();
        write_rows(&mut out, [&row]).unwrap();
        let read = parse_rows(Path::new("f"), &String::from_utf8(out).unwrap()).unwrap();
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(read.rows[0].row, row);
    }
}
