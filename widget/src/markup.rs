//! Markup written as text, for the parts of the dialog that are built whole: one string and
//! one `innerHTML` cost the widget far less code than an element-by-element build, and the
//! result can be tested natively.
//!
//! Markup itself only comes from the widget's own `'static` templates; everything else — UI
//! strings, text from the server, ids, URLs — goes in through [`Markup::text`] or a
//! template's `{}`, escaped (`&`, `<`, `>`, `"`, `'`), so it is inserted as text, never as
//! markup.

use crate::texts::{Arg, Part, Texts};

/// Markup being written.
#[derive(Debug, Default)]
pub struct Markup(String);

impl Markup {
    /// Nothing yet.
    pub fn new() -> Self {
        Self(String::new())
    }

    /// The widget's own markup, as it is.
    pub fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// `template` with each `{}` replaced by the next of `values`, escaped (a `{}` without a
    /// value stays empty).
    pub fn fill(&mut self, template: &'static str, values: &[&str]) -> &mut Self {
        let mut values = values.iter();
        let mut pieces = template.split('{');
        self.0.push_str(pieces.next().unwrap_or_default());
        for piece in pieces {
            match piece.strip_prefix('}') {
                Some(rest) => {
                    escape(&mut self.0, values.next().copied().unwrap_or_default());
                    self.0.push_str(rest);
                }
                None => {
                    self.0.push('{');
                    self.0.push_str(piece);
                }
            }
        }
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape(&mut self.0, text);
        self
    }

    /// ` lang="…" dir="…"` for text in `lang`.
    pub fn lang(&mut self, lang: &str) -> &mut Self {
        self.fill(
            " lang=\"{}\" dir=\"{}\"",
            &[lang, i18n::direction(lang).as_str()],
        )
    }

    /// Message `id` of `texts` with `args`: its words as text, each value in a `<bdi>` so it
    /// keeps its own direction inside right-to-left text.
    pub fn message(&mut self, texts: &Texts, id: &str, args: &[(&str, Arg<'_>)]) -> &mut Self {
        for part in texts.parts(id, args) {
            match part {
                Part::Text(words) => {
                    self.text(&words);
                }
                Part::Arg(i) => {
                    let value = args.get(i).map_or("", |(_, value)| value.shown());
                    self.fill("<bdi>{}</bdi>", &[value]);
                }
            }
        }
        self
    }

    /// The markup written so far.
    pub fn as_str(&self) -> &str {
        &self.0
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
    fn text_is_escaped() {
        let mut m = Markup::new();
        m.raw("<b>").text("<b>Tom & 'Jerry' \"x\"</b>").raw("</b>");
        assert_eq!(
            m.finish(),
            "<b>&lt;b&gt;Tom &amp; &#39;Jerry&#39; &quot;x&quot;&lt;/b&gt;</b>"
        );
    }

    #[test]
    fn templates_escape_their_values() {
        let mut m = Markup::new();
        m.fill("<p id=\"{}\">{}</p>", &["a\"b", "<i>"])
            .fill("{x}{}", &[])
            .raw("<br>")
            .text("&")
            .fill("<span{}>", &[])
            .lang("ar");
        assert_eq!(
            m.finish(),
            "<p id=\"a&quot;b\">&lt;i&gt;</p>{x}<br>&amp;<span> lang=\"ar\" dir=\"rtl\""
        );
    }
}
