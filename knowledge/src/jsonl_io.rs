//! Records ([`Row`]) as JSON Lines: one JSON object per line.
//!
//! Unknown keys are ignored, so files made for other tools (with `source`, `origin`, ...)
//! import as they are.

use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::row::{ReadRows, Row, SourceRow, missing_required};

/// Reads the records of the JSONL file at `path`. A line that is not a valid record is a
/// located problem; only an unreadable file is an error.
pub fn read_rows(path: &Path) -> Result<ReadRows, Diagnostic> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Diagnostic::error(path, 1, format!("cannot read the file: {e}")))?;
    Ok(parse_rows(path, &text))
}

/// The records in `text`, read from `path`.
pub fn parse_rows(path: &Path, text: &str) -> ReadRows {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut read = ReadRows {
        path: path.to_owned(),
        ..ReadRows::default()
    };
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Row>(line) {
            Ok(row) => match missing_required(&row) {
                Some(message) => read
                    .problems
                    .push(Diagnostic::error(path, line_no, message)),
                None => read.rows.push(SourceRow { line: line_no, row }),
            },
            Err(e) => {
                // The position serde gives is within the line: keep only its column.
                let mut message = e.to_string();
                if let Some(at) = message.rfind(" at line ") {
                    message.truncate(at);
                }
                read.problems.push(Diagnostic::error(
                    path,
                    line_no,
                    format!("not a valid record: {message} (column {})", e.column()),
                ));
            }
        }
    }
    read
}

/// Writes `rows` as JSON Lines.
pub fn write_rows<'a>(
    mut out: impl Write,
    rows: impl IntoIterator<Item = &'a Row>,
) -> io::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut out, row)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_may_be_arrays_or_joined_strings_and_bad_lines_are_located() {
        let text = concat!(
            r#"{"lang":"en","question":"Q?","answer":"A.","also_asked":["a"," b "],"keywords":"x | y","last_update":"2026-01-02","origin":"z"}"#,
            "\n\n",
            r#"{"lang":"en","question":"","answer":"A."}"#,
            "\n",
            "{oops\n",
        );
        let read = parse_rows(Path::new("f.jsonl"), text);
        assert_eq!(read.rows.len(), 1);
        let row = &read.rows[0].row;
        assert_eq!(row.also_asked, vec!["a", "b"]);
        assert_eq!(row.keywords, vec!["x", "y"]);
        assert_eq!(row.last_reviewed.as_deref(), Some("2026-01-02"));
        let problems: Vec<String> = read.problems.iter().map(ToString::to_string).collect();
        assert!(
            problems[0].starts_with("f.jsonl:3: error: empty required field(s): question"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("f.jsonl:4: error: not a valid record"),
            "{problems:?}"
        );
    }

    #[test]
    fn written_rows_read_back_the_same() {
        let row = Row {
            id: Some("a".into()),
            lang: "es".into(),
            question: "¿P?".into(),
            answer: "R.\n\n- uno".into(),
            also_asked: vec!["x".into()],
            ..Row::default()
        };
        let mut out = Vec::new();
        write_rows(&mut out, [&row]).unwrap();
        let read = parse_rows(Path::new("f"), &String::from_utf8(out).unwrap());
        assert_eq!(read.rows[0].row, row);
    }
}
