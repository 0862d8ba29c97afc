//! Just enough JSON for the bench's data files: the fields of a one-line object (values kept
//! as written, quotes and escapes included) and strings written as JSON.

/// The `(key, raw value)` pairs of a one-line JSON object, or `None` when `line` is not
/// one. String values keep their quotes and escapes, so they can be written back unchanged.
pub fn fields(line: &str) -> Option<Vec<(String, String)>> {
    let mut rest = line.trim().strip_prefix('{')?;
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('}') {
            return after.trim().is_empty().then_some(out);
        }
        let (key, after) = string(rest)?;
        rest = after.trim_start().strip_prefix(':')?.trim_start();
        let (value, after) = value(rest)?;
        out.push((key[1..key.len() - 1].to_owned(), value.to_owned()));
        rest = after.trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest);
    }
}

/// The JSON value at the start of `text` (as written) and what follows it.
fn value(text: &str) -> Option<(&str, &str)> {
    match text.chars().next()? {
        '"' => string(text),
        '[' | '{' => {
            let mut depth = 0_usize;
            let mut rest = text;
            while let Some(c) = rest.chars().next() {
                if c == '"' {
                    rest = string(rest)?.1;
                    continue;
                }
                rest = &rest[c.len_utf8()..];
                match c {
                    '[' | '{' => depth += 1,
                    ']' | '}' => {
                        depth -= 1;
                        if depth == 0 {
                            let end = text.len() - rest.len();
                            return Some(text.split_at(end));
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        _ => {
            let end = text.find([',', '}'])?;
            Some((text[..end].trim_end(), &text[end..]))
        }
    }
}

/// The JSON string at the start of `text` (quotes included) and what follows it.
fn string(text: &str) -> Option<(&str, &str)> {
    if !text.starts_with('"') {
        return None;
    }
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(text.split_at(i + 1)),
            _ => escaped = false,
        }
    }
    None
}

/// `text` as a JSON string literal.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The text of a raw JSON string value without its quotes, when it has no escapes (ids and
/// language tags).
pub fn plain(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains('\\')).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_fields_keep_their_raw_values() {
        let line = r#"{"lang": "de", "title": "say \"hi\", {ok}", "n": 3, "x": null, "id": "7", "ids": ["a]", {"b": [1, 2]}]}"#;
        let fields = fields(line).unwrap();
        assert_eq!(
            fields,
            vec![
                ("lang".to_owned(), r#""de""#.to_owned()),
                ("title".to_owned(), r#""say \"hi\", {ok}""#.to_owned()),
                ("n".to_owned(), "3".to_owned()),
                ("x".to_owned(), "null".to_owned()),
                ("id".to_owned(), r#""7""#.to_owned()),
                ("ids".to_owned(), r#"["a]", {"b": [1, 2]}]"#.to_owned()),
            ]
        );
        assert_eq!(plain(&fields[4].1), Some("7"));
        assert_eq!(plain(&fields[1].1), None);
        assert!(super::fields("{\"a\": \"b\"").is_none());
        assert!(super::fields("[1]").is_none());
    }

    #[test]
    fn quoted_text_escapes_what_json_requires() {
        assert_eq!(
            quote("a \"b\" \\ c\nd\u{1}é"),
            r#""a \"b\" \\ c\nd\u0001é""#
        );
    }
}
