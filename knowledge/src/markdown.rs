//! Rendering answers: Markdown to sanitised HTML, and the short answer as plain text.

use pulldown_cmark::{Event, Parser, Tag, TagEnd, html};

/// Renders Markdown to HTML that is safe to insert into any page: only formatting tags and
/// http(s)/mailto/tel links survive, and links open with `rel="noopener noreferrer"`.
pub fn to_safe_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new(markdown));
    ammonia::Builder::default()
        .url_schemes(["https", "http", "mailto", "tel"].into())
        .link_rel(Some("noopener noreferrer"))
        .clean(&raw)
        .to_string()
}

/// The first paragraph of `markdown` as plain text (formatting removed, link text kept), or
/// an empty string when the text does not start with a paragraph.
pub fn first_paragraph_text(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_first = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) => in_first = true,
            Event::Start(_) if !in_first => return String::new(),
            Event::End(TagEnd::Paragraph) => break,
            Event::Text(t) | Event::Code(t) if in_first => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_first => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// All of `markdown` as plain text, paragraphs separated by blank lines: what gets indexed.
pub fn to_plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => {
                text.push_str("\n\n")
            }
            _ => {}
        }
    }
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_event_handlers_are_removed() {
        let html = to_safe_html("Hi <script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
    }

    #[test]
    fn javascript_links_are_dropped_and_safe_links_kept() {
        let html =
            to_safe_html("[a](javascript:alert(1)) [b](https://x.example/) [c](tel:+15550100)");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://x.example/\""), "{html}");
        assert!(html.contains("href=\"tel:+15550100\""), "{html}");
        assert!(html.contains("noopener"), "{html}");
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        let md = "Pay **online** at [the portal](https://x.example)\nor by phone.\n\nMore.";
        assert_eq!(
            first_paragraph_text(md),
            "Pay online at the portal or by phone."
        );
        assert_eq!(first_paragraph_text("# Title\n\ntext"), "");
        assert_eq!(first_paragraph_text("- a list"), "");
    }

    #[test]
    fn plain_text_keeps_words_of_lists() {
        let text = to_plain_text("Intro.\n\n- one\n- two");
        assert!(text.contains("Intro.") && text.contains("one") && text.contains("two"));
    }
}
