//! Escaping for every page the server writes itself (admin pages and charts, status and help
//! pages, transcripts, the accessibility statement): everything shown there that is not a
//! literal of this crate goes through [`escape`] (resident text is redacted, never trusted).

use std::fmt::Write as _;

/// `text` safe to place in HTML or SVG element content and in double- or single-quoted
/// attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newlines are not allowed in HTML text.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {
                let _ = write!(out, "&#xFFFD;");
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` for a URL query value: everything outside the unreserved set percent-encoded.
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(escape("¿dónde?\u{0}"), "¿dónde?&#xFFFD;");
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(url_encode("en/trash/a b&c.md"), "en/trash/a%20b%26c.md");
        assert_eq!(url_encode("ñ"), "%C3%B1");
    }
}
