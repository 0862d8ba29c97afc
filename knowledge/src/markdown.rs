//! Rendering answers: Markdown to sanitised HTML, and the short answer as plain text.

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd, html};

/// Renders Markdown to HTML that is safe to insert into any page: only formatting tags and
/// http(s)/mailto/tel links survive, and links open with `rel="noopener noreferrer"`.
/// Phone numbers and other digit groups are isolated in `<bdi>` so that they keep their
/// order inside right-to-left text ("(555) 010-0130" would otherwise read "0130-010 (555)").
/// Links to other entries ([`crate::references`]) keep their text but lose the link: use
/// [`to_safe_html_resolving`] to turn them into links to the entries' pages.
pub fn to_safe_html(markdown: &str) -> String {
    to_safe_html_resolving(markdown, |_| None)
}

/// [`to_safe_html`], with each link to another entry ([`crate::references::target_id`])
/// pointed at `resolve(id)`; a link `resolve` cannot resolve keeps its text only.
pub fn to_safe_html_resolving(markdown: &str, resolve: impl Fn(&str) -> Option<String>) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    // Links do not nest: one flag says whether the open link's end tag is dropped too.
    let mut dropping_link = false;
    let events = Parser::new(markdown).flat_map(|event| match event {
        Event::Text(text) => isolate_numbers(&text),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => match crate::references::target_id(&dest_url) {
            None => vec![Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })],
            Some(target) => match resolve(target) {
                Some(url) => vec![Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(url),
                    title,
                    id,
                })],
                None => {
                    dropping_link = true;
                    Vec::new()
                }
            },
        },
        Event::End(TagEnd::Link) if dropping_link => {
            dropping_link = false;
            Vec::new()
        }
        other => vec![other],
    });
    html::push_html(&mut raw, events);
    let mut tags = ammonia::Builder::default().clone_tags();
    tags.insert("bdi");
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(["https", "http", "mailto", "tel"].into())
        .link_rel(Some("noopener noreferrer"))
        .clean(&raw)
        .to_string()
}

/// Splits `text` into text events and `<bdi>`-wrapped runs of digits grouped by spaces,
/// parentheses, dots, slashes or dashes (phone numbers, dates, account numbers).
fn isolate_numbers(text: &str) -> Vec<Event<'static>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut events = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let opens_group = c.is_ascii_digit()
            || (c == '(' && chars.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit()));
        if !opens_group {
            i += 1;
            continue;
        }
        // Extend over digits and joiners; a run ends on its last digit or closing parenthesis.
        let mut end_ix = i;
        let mut digits = 0;
        let mut j = i;
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_ascii_digit() {
                digits += 1;
                end_ix = j;
            } else if ch == ')' && digits > 0 {
                end_ix = j;
            } else if !matches!(ch, ' ' | '(' | '-' | '.' | '/') {
                break;
            }
            j += 1;
        }
        let end = chars.get(end_ix + 1).map_or(text.len(), |(o, _)| *o);
        let run = &text[start..end];
        // Only runs with a separator are reordered by the bidi algorithm; keep short ones.
        if digits >= 4 && run.contains([' ', '-', '.', '/', ')']) {
            if plain_from < start {
                events.push(Event::Text(CowStr::from(
                    text[plain_from..start].to_owned(),
                )));
            }
            events.push(Event::InlineHtml(CowStr::from("<bdi>")));
            events.push(Event::Text(CowStr::from(run.to_owned())));
            events.push(Event::InlineHtml(CowStr::from("</bdi>")));
            plain_from = end;
        }
        i = end_ix + 1;
    }
    if plain_from < text.len() {
        events.push(Event::Text(CowStr::from(text[plain_from..].to_owned())));
    }
    events
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
    fn phone_numbers_and_dates_are_isolated_for_right_to_left_text() {
        let html = to_safe_html("اتصل بالرقم (555) 010-0130 قبل 2026-12-01، ثم 311.");
        assert!(html.contains("<bdi>(555) 010-0130</bdi>"), "{html}");
        assert!(html.contains("<bdi>2026-12-01</bdi>"), "{html}");
        assert!(html.contains(" 311."), "{html}");
        assert!(!html.contains("<bdi>311</bdi>"), "{html}");
        // Text around the isolated runs is still escaped.
        let escaped = to_safe_html("call 555-0100 \\<script\\>");
        assert!(escaped.contains("<bdi>555-0100</bdi>"), "{escaped}");
        assert!(!escaped.contains("<script"), "{escaped}");
    }

    #[test]
    fn links_to_entries_are_resolved_or_reduced_to_their_text() {
        let md = "See [missed pickups](entry:missed-pickup), [carts](../trash/carts.md) and \
                  [the map](https://x.example/map).";
        let plain = to_safe_html(md);
        assert!(plain.contains("See missed pickups, carts and"), "{plain}");
        assert!(plain.contains("href=\"https://x.example/map\""), "{plain}");
        let resolved = to_safe_html_resolving(md, |id| {
            (id == "missed-pickup").then(|| "https://x.example/missed".to_owned())
        });
        assert!(
            resolved.contains("<a href=\"https://x.example/missed\" rel=\"noopener noreferrer\">missed pickups</a>"),
            "{resolved}"
        );
        assert!(resolved.contains(", carts and"), "{resolved}");
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
