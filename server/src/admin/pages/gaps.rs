//! `/admin/gaps`: questions not answered well, grouped, each with a form to draft an entry.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::common::{percent, plural};
use super::{Context, Page, layout};
use crate::admin::LOW_COVERAGE;
use crate::admin::report::GapsReport;
use crate::html::{escape, url_encode};

/// What the gaps page needs besides the report.
#[derive(Debug, Clone, Copy)]
pub struct GapsPage<'a> {
    /// The report.
    pub report: &'a GapsReport,
    /// Topic keys with their display names, for the draft forms.
    pub topics: &'a [(String, String)],
    /// The topic of each entry id that appears as an answer (to preselect it).
    pub entry_topics: &'a HashMap<String, String>,
    /// The path of a draft just written (after the form's redirect).
    pub drafted: Option<&'a str>,
}

/// Groups shown per language on the page (the API has them all).
pub const GROUPS_SHOWN: usize = 50;

/// `/admin/gaps`: per language, groups of similar questions that were not answered well,
/// each with a form to draft an entry from it.
pub fn gaps(ctx: &Context<'_>, page: &GapsPage<'_>) -> String {
    let report = page.report;
    let mut body = String::new();
    if let Some(path) = page.drafted {
        let _ = writeln!(
            body,
            r#"<p class="notice" id="drafted" tabindex="-1">Draft saved as <code>{}</code>. Residents do not see it until an editor finishes it and sets <code>status = "published"</code>.</p>"#,
            escape(path)
        );
    }
    let _ = writeln!(
        body,
        r#"<p class="intro">Questions the assistant handed off to a person, answered only by offering choices, or answered although the answer matched less than {} of the question's search words. Similar questions are grouped per language. Residents' text is shown as stored, with personal details masked.</p>"#,
        percent(f64::from(LOW_COVERAGE))
    );
    if report.languages.is_empty() {
        body.push_str(
            r#"<p class="empty">No gaps in this period: every question got a confident answer.</p>
"#,
        );
        return layout(Page::Gaps, ctx, Page::Gaps.title(), &body);
    }
    for (l, language) in report.languages.iter().enumerate() {
        let lang = escape(&language.lang);
        let _ = write!(
            body,
            r#"<section class="gap-language" aria-labelledby="gaps-{l}-title">
<h2 id="gaps-{l}-title">{} <span class="tag">({lang})</span></h2>
<p class="meta">{} in {}{}.</p>
<ol class="groups">
"#,
            escape(&language.name),
            plural(language.questions, "question", "questions"),
            plural(language.groups.len() as u64, "group", "groups"),
            if language.groups.len() > GROUPS_SHOWN {
                format!("; the {GROUPS_SHOWN} most asked are shown")
            } else {
                String::new()
            }
        );
        for (g, group) in language.groups.iter().take(GROUPS_SHOWN).enumerate() {
            let id = format!("gap-{l}-{g}");
            let _ = write!(
                body,
                r#"<li class="group">
<h3 id="{id}" lang="{lang}" dir="auto">{}</h3>
<p class="meta">Asked {}; last asked {}.</p>
<p class="replies">Replies: {} handed off, {} with choices, {} low-confidence {}.</p>
"#,
                escape(&group.representative),
                plural(group.count, "time", "times"),
                ctx.time(group.last_asked),
                group.handoff,
                group.choices,
                group.low_coverage,
                if group.low_coverage == 1 {
                    "answer"
                } else {
                    "answers"
                }
            );
            if !group.examples.is_empty() {
                let _ = write!(
                    body,
                    r#"<p class="examples-title" id="{id}-ex">Also asked as:</p>
<ul class="examples" aria-labelledby="{id}-ex" lang="{lang}">
"#
                );
                for example in &group.examples {
                    let _ = writeln!(body, r#"<li dir="auto">{}</li>"#, escape(example));
                }
                body.push_str("</ul>\n");
            }
            let preselect = group
                .entry_id
                .as_deref()
                .and_then(|e| page.entry_topics.get(e));
            let _ = write!(
                body,
                r#"<form class="draft-form" method="post" action="/admin/gaps/draft">
<input type="hidden" name="csrf_token" value="{}">
<input type="hidden" name="lang" value="{lang}">
<input type="hidden" name="question" value="{}">
<input type="hidden" name="also_asked" value="{}">
<input type="hidden" name="days" value="{}">
<div class="draft-row">
<div class="field">
<label for="{id}-topic">Topic of the draft</label>
<select id="{id}-topic" name="topic" required>
<option value="">Choose a topic</option>
"#,
                escape(ctx.csrf_token),
                escape(&group.representative),
                escape(&group.examples.join("\n")),
                ctx.window.days
            );
            for (key, name) in page.topics {
                let selected = if preselect == Some(key) {
                    " selected"
                } else {
                    ""
                };
                let _ = writeln!(
                    body,
                    r#"<option value="{}"{selected}>{}</option>"#,
                    escape(key),
                    escape(name)
                );
            }
            let _ = write!(
                body,
                r#"</select>
</div>
<button type="submit" class="button button-primary" aria-describedby="{id}">Draft an entry from this</button>
</div>
<p class="draft-status" role="status"></p>
</form>
</li>
"#
            );
        }
        body.push_str("</ol>\n</section>\n");
    }
    layout(Page::Gaps, ctx, Page::Gaps.title(), &body)
}

/// Where the draft form sends the browser after writing a draft: back to the gaps page of the
/// same period, with a notice naming the file.
pub fn drafted_location(days: u32, path: &str) -> String {
    format!(
        "/admin/gaps?days={days}&drafted={}#drafted",
        url_encode(path)
    )
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::admin::Window;
    use crate::admin::gaps::QuestionGroup;
    use crate::admin::report::LanguageGaps;

    fn window() -> Window {
        Window::new(30, chrono_tz::Tz::UTC, Utc::now())
    }

    fn context(window: &Window) -> Context<'_> {
        Context {
            site_name: "City of <Riverton>",
            account_name: "Robin & Co",
            window,
            csrf_token: "tok\"en",
        }
    }

    #[test]
    fn gaps_page_escapes_resident_text_and_has_one_form_per_group() {
        let window = window();
        let ctx = context(&window);
        let report = GapsReport {
            site: "riverton".into(),
            days: 30,
            since: window.since,
            low_coverage: LOW_COVERAGE,
            similarity: 0.5,
            questions: 3,
            languages: vec![LanguageGaps {
                lang: "en".into(),
                name: "English".into(),
                questions: 3,
                groups: vec![QuestionGroup {
                    representative: "<img src=x onerror=alert(1)>".into(),
                    count: 3,
                    answered: 0,
                    choices: 1,
                    handoff: 2,
                    low_coverage: 0,
                    entry_id: Some("day".into()),
                    last_asked: Utc::now(),
                    examples: vec!["\"quoted\" & <b>bold</b>".into()],
                    terms: vec![],
                }],
            }],
        };
        let topics = vec![
            ("trash".to_owned(), "Trash".to_owned()),
            ("parks".to_owned(), "Parks".to_owned()),
        ];
        let entry_topics = HashMap::from([("day".to_owned(), "trash".to_owned())]);
        let html = gaps(
            &ctx,
            &GapsPage {
                report: &report,
                topics: &topics,
                entry_topics: &entry_topics,
                drafted: Some("en/trash/<x>.md"),
            },
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>bold"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("City of &lt;Riverton&gt;"));
        assert!(html.contains("Robin &amp; Co"));
        assert!(html.contains(r#"value="tok&quot;en""#));
        assert!(html.contains("en/trash/&lt;x&gt;.md"));
        assert_eq!(html.matches("<form class=\"draft-form\"").count(), 1);
        assert!(html.contains(r#"<option value="trash" selected>Trash</option>"#));
        assert_eq!(html.matches("<h1>").count(), 1);
        assert!(html.contains(r##"<a class="skip-link" href="#main">"##));
        assert!(html.contains(r#"<main id="main""#));
        assert!(html.contains(r#"<a href="/admin/gaps" aria-current="page">"#));
    }

    #[test]
    fn the_draft_redirect_keeps_the_period() {
        assert_eq!(
            drafted_location(7, "es/trash/a b.md"),
            "/admin/gaps?days=7&drafted=es/trash/a%20b.md#drafted"
        );
    }
}
