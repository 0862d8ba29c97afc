//! Markup written as text, every piece of text and every attribute value escaped, for parts of
//! the dialog that are built whole (the guided form's steps). One string and one `innerHTML`
//! cost the widget far less code than an element-by-element build, and the result can be
//! tested natively.
//!
//! Only [`Markup`] writes markup: it escapes `&`, `<`, `>`, `"` and `'` in text and attribute
//! values, so text from the server is inserted as text, never as markup.

/// Markup being written.
#[derive(Debug, Default)]
pub struct Markup(String);

impl Markup {
    /// Nothing yet.
    pub fn new() -> Self {
        Self(String::new())
    }

    /// `<tag name="value" ...>`; an attribute with an empty name is left out (for optional
    /// attributes), one with an empty value is written bare (`checked`).
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            if name.is_empty() {
                continue;
            }
            self.0.push(' ');
            self.0.push_str(name);
            if !value.is_empty() {
                self.0.push_str("=\"");
                escape(&mut self.0, value);
                self.0.push('"');
            }
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape(&mut self.0, text);
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// The markup written.
    pub fn finish(self) -> String {
        self.0
    }
}

/// Appends `text` with the characters that mean something in markup escaped.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::new();
        m.open(
            "input",
            &[
                ("value", "\"><script>x</script>"),
                ("", "skipped"),
                ("checked", ""),
            ],
        )
        .element("label", &[("for", "a&b")], "<b>Tom & 'Jerry'</b>");
        assert_eq!(
            m.finish(),
            "<input value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\" checked>\
             <label for=\"a&amp;b\">&lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;</label>"
        );
    }
}
