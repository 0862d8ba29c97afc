//! Internal references: links in an answer that point to another entry.
//!
//! Editors link to another entry in either of two forms:
//!
//! - `[text](entry:other-id)`: by id, which is the same in every language and survives moving
//!   the other entry to another topic (the form to prefer);
//! - `[text](../topic/other-id.md)`: a relative link to the other entry's file, the form that
//!   Markdown previews in editors follow. Only the file name counts: `other-id`.
//!
//! When content is loaded, each such link is pointed at the other entry's official page
//! (`url`) in the same language, or in the default language when the other entry is not
//! translated yet ([`resolve_links`]). A link whose target exists in neither is shown as plain
//! text, and `wayfinder check` warns about it at the link's line ([`broken_references`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use pulldown_cmark::{Event, Parser, Tag};

use crate::check::KnowledgeBase;
use crate::diagnostic::Diagnostic;
use crate::entry::{Answer, Entry};
use crate::markdown;
use crate::parse::split_front_matter;

/// The URL scheme of a link to another entry by id: `entry:other-id`.
pub const SCHEME: &str = "entry:";

/// The id a link destination points to, when it is a link to another entry (`entry:id` or a
/// relative `.md` file link; a `#fragment` or `?query` is ignored), else `None`.
pub fn target_id(dest: &str) -> Option<&str> {
    let dest = dest.trim();
    if dest
        .get(..SCHEME.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(SCHEME))
    {
        let id = dest[SCHEME.len()..].split(['#', '?']).next()?.trim();
        return (!id.is_empty()).then_some(id);
    }
    if dest.starts_with(['/', '#']) || has_scheme(dest) {
        return None;
    }
    let path = dest.split(['#', '?']).next()?;
    let id = path.rsplit('/').next()?.strip_suffix(".md")?;
    (!id.is_empty()).then_some(id)
}

/// Whether a link destination starts with a URL scheme (`https:`, `mailto:`, ...).
fn has_scheme(dest: &str) -> bool {
    dest.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Whether `markdown` may contain a link to another entry (a cheap test before parsing).
fn may_link_to_entries(markdown: &str) -> bool {
    markdown.contains(".md")
        || markdown
            .as_bytes()
            .windows(SCHEME.len())
            .any(|w| w.eq_ignore_ascii_case(SCHEME.as_bytes()))
}

/// A link to another entry found in an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The id the link points to.
    pub target: String,
    /// The file line the link starts on.
    pub line: usize,
}

/// The links to other entries in the answer of an entry file's text, with their file lines.
pub fn references_in_file(text: &str) -> Vec<Reference> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match split_front_matter(std::path::Path::new(""), text) {
        Ok((_, body, body_line)) => references_in(body, body_line),
        Err(_) => Vec::new(),
    }
}

/// The links to other entries in `markdown`, whose first line is line `first_line`.
pub fn references_in(markdown: &str, first_line: usize) -> Vec<Reference> {
    if !may_link_to_entries(markdown) {
        return Vec::new();
    }
    Parser::new(markdown)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                target_id(&dest_url).map(|target| Reference {
                    target: target.to_owned(),
                    line: first_line + markdown[..range.start].matches('\n').count(),
                })
            }
            _ => None,
        })
        .collect()
}

/// A warning for every link to an entry that exists neither in the linking entry's language
/// nor in the default language, at the line of the link.
pub fn broken_references(kb: &KnowledgeBase) -> Vec<Diagnostic> {
    let ids: BTreeSet<(&str, &str)> = kb
        .entries
        .iter()
        .map(|e| (e.lang.as_str(), e.id.as_str()))
        .collect();
    let default = kb.config.default_language.as_str();
    let mut problems = Vec::new();
    for entry in &kb.entries {
        let markdown = entry.answer.markdown();
        if !may_link_to_entries(&markdown) {
            continue;
        }
        let references = match fs::read_to_string(&entry.path) {
            Ok(text) => references_in_file(&text),
            Err(_) => references_in(&markdown, 1),
        };
        for reference in references {
            let target = reference.target.as_str();
            if ids.contains(&(entry.lang.as_str(), target)) || ids.contains(&(default, target)) {
                continue;
            }
            let where_ = if entry.lang == default {
                format!("in `{default}`")
            } else {
                format!("in `{}` or in the default language `{default}`", entry.lang)
            };
            problems.push(Diagnostic::warning(
                &entry.path,
                reference.line,
                format!(
                    "broken link: there is no entry `{target}` {where_} (link to another entry \
                     as [text]({SCHEME}id) with an existing id)"
                ),
            ));
        }
    }
    problems
}

/// Points the links to other entries in each entry's HTML at the other entry's `url` in the
/// same language, or in `default_language` when it is not translated.
pub fn resolve_links(entries: &mut [Entry], default_language: &str) {
    let urls: BTreeMap<(String, String), String> = entries
        .iter()
        .map(|e| ((e.lang.clone(), e.id.clone()), e.url.to_string()))
        .collect();
    for entry in entries.iter_mut() {
        let body = entry.answer.markdown();
        if !may_link_to_entries(&body) || references_in(&body, 1).is_empty() {
            continue;
        }
        // Owned: the answer it was read from is replaced below.
        let body = body.into_owned();
        let lang = entry.lang.clone();
        entry.answer = Answer::rendered_by(&body, |body| {
            markdown::to_safe_html_resolving(body, |id| {
                urls.get(&(lang.clone(), id.to_owned()))
                    .or_else(|| urls.get(&(default_language.to_owned(), id.to_owned())))
                    .cloned()
            })
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_link_forms_name_their_target() {
        assert_eq!(target_id("entry:missed-pickup"), Some("missed-pickup"));
        assert_eq!(target_id("Entry:missed-pickup#when"), Some("missed-pickup"));
        assert_eq!(
            target_id("../trash/missed-pickup.md"),
            Some("missed-pickup")
        );
        assert_eq!(target_id("missed-pickup.md#top"), Some("missed-pickup"));
        assert_eq!(target_id("https://x.example/a.md"), None);
        assert_eq!(target_id("mailto:a@x.example"), None);
        assert_eq!(target_id("/trash/day.md"), None);
        assert_eq!(target_id("#section"), None);
        assert_eq!(target_id("entry:"), None);
    }

    #[test]
    fn references_carry_their_file_line() {
        let text = "+++\nid = \"a\"\n+++\nFirst [x](https://x.example/).\n\nSee\n[day](entry:day) and [bins](../trash/bins.md).\n";
        let refs = references_in_file(text);
        assert_eq!(
            refs,
            vec![
                Reference {
                    target: "day".into(),
                    line: 7
                },
                Reference {
                    target: "bins".into(),
                    line: 7
                }
            ]
        );
    }
}

#[cfg(test)]
mod base_tests {
    use super::*;
    use crate::testing::{TestBase, entry};

    #[test]
    fn broken_links_are_reported_and_good_ones_resolved() {
        let base = TestBase::new();
        let body = "Put the cart out by 6 a.m.\n\nMissed? See [missed pickups](entry:missed).\n\
                    Also [old bins](../trash/old-bins.md) and [water](entry:water-bill).";
        base.write("en/trash/day.md", &entry("day", "trash", "Day", "", body));
        base.write("es/trash/day.md", &entry("day", "trash", "Día", "", body));
        base.write(
            "en/trash/missed.md",
            &entry("missed", "trash", "Missed", "", "Call 311."),
        );
        base.write(
            "es/trash/missed.md",
            &entry("missed", "trash", "Perdida", "", "Llame al 311."),
        );
        base.write("ko/trash/day.md", &entry("day", "trash", "요일", "", body));
        let kb = base.load();
        let text: Vec<String> = broken_references(&kb)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(text.len(), 6, "{text:#?}");
        assert!(
            text[0].contains(
                "en/trash/day.md:14: warning: broken link: there is no entry `old-bins` in `en`"
            ),
            "{text:#?}"
        );
        assert!(text.iter().any(|t| t.contains("ko/trash/day.md:14: warning: broken link: there is no entry `water-bill` in `ko` or in the default language `en`")), "{text:#?}");

        // Resolved: Spanish to the Spanish page, Korean (not translated) to the English one.
        let es = kb.get("day", "es").unwrap();
        assert!(
            es.answer
                .html()
                .contains("href=\"https://x.example/missed\""),
            "{}",
            es.answer.html()
        );
        let ko = kb.get("day", "ko").unwrap();
        assert!(
            ko.answer.html().contains(">missed pickups</a>"),
            "{}",
            ko.answer.html()
        );
        assert!(
            ko.answer.html().contains("Also old bins and water."),
            "{}",
            ko.answer.html()
        );
    }
}
