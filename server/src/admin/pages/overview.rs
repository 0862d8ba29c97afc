//! `/admin`: the period at a glance, the most asked questions and the content's errors.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::common::{percent, plural, table};
use super::{Context, Page, layout};
use crate::admin::language_name;
use crate::admin::report::{
    CoverageReport, FeedbackReport, GapsReport, TopQuestion, TopQuestionsReport, TrendsReport,
};
use crate::content::ContentStatus;
use crate::html::escape;

/// Everything the overview shows.
#[derive(Debug, Clone, Copy)]
pub struct Overview<'a> {
    /// Trends over the period (for totals).
    pub trends: &'a TrendsReport,
    /// Gaps over the period.
    pub gaps: &'a GapsReport,
    /// Feedback over the period.
    pub feedback: &'a FeedbackReport,
    /// The most asked questions.
    pub top: &'a TopQuestionsReport,
    /// Translation coverage.
    pub coverage: &'a CoverageReport,
    /// The content's latest load.
    pub content: &'a ContentStatus,
}

/// The "Answered with" cell: the entry given, or what residents got instead (choices, a
/// handoff, or both, at different times), so that staff tell a question the content nearly
/// answers from one it does not answer at all.
fn entry_cell(question: &TopQuestion) -> String {
    let g = &question.group;
    match (&g.entry_id, &question.entry_title) {
        (Some(id), Some(title)) => format!(
            r#"{} <span class="id">({})</span>"#,
            escape(title),
            escape(id)
        ),
        (Some(id), None) => format!(r#"<span class="id">{}</span>"#, escape(id)),
        _ => {
            let instead = match (g.choices > 0, g.handoff > 0) {
                (true, false) => "No answer; choices offered",
                (false, true) => "No answer; handed off",
                (true, true) => "No answer; choices offered or handed off",
                (false, false) => "No answer",
            };
            format!(r#"<span class="none">{instead}</span>"#)
        }
    }
}

fn top_questions_table(ctx: &Context<'_>, top: &TopQuestionsReport) -> String {
    let mut rows = String::new();
    for question in &top.questions {
        let g = &question.group;
        let _ = writeln!(
            rows,
            r#"<tr><th scope="row" lang="{lang}" dir="auto">{}</th><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td><td>{}</td></tr>"#,
            escape(&g.representative),
            escape(&language_name(&question.lang)),
            g.count,
            g.answered,
            g.choices,
            g.handoff,
            entry_cell(question),
            ctx.time(g.last_asked),
            lang = escape(&question.lang),
        );
    }
    table(
        "top",
        "Most asked questions, similar wordings counted together",
        "top-table",
        &[
            "Question",
            "Language",
            "Asked",
            "Answered",
            "Choices",
            "Handed off",
            "Answered with",
            "Last asked",
        ],
        &[2, 3, 4, 5],
        &rows,
    )
}

/// `/admin`: the period's figures at a glance, links to each page, the most asked questions
/// and the content's errors.
pub fn overview(ctx: &Context<'_>, data: &Overview<'_>) -> String {
    let totals = &data.trends.totals;
    let groups: usize = data.gaps.languages.iter().map(|l| l.groups.len()).sum();
    let mut body = String::new();
    body.push_str(
        r#"<section aria-labelledby="glance-title">
<h2 id="glance-title">At a glance</h2>
<ul class="stats">
"#,
    );
    let _ = writeln!(
        body,
        r#"<li><span class="stat">{}</span> asked; {} answered, {} offered choices, {} handed off. <a href="{}">Trends</a></li>"#,
        plural(totals.questions, "question", "questions"),
        percent(totals.share_answered),
        percent(totals.share_choices),
        percent(totals.share_handoff),
        escape(&ctx.link(Page::Trends.path()))
    );
    let _ = writeln!(
        body,
        r#"<li><span class="stat">{}</span> not answered well, in {}. <a href="{}">Knowledge gaps</a></li>"#,
        plural(data.gaps.questions, "question", "questions"),
        plural(groups as u64, "group", "groups"),
        escape(&ctx.link(Page::Gaps.path()))
    );
    let _ = writeln!(
        body,
        r#"<li><span class="stat">{}</span> and {} “not helpful”. <a href="{}">Feedback</a></li>"#,
        plural(data.feedback.helpful, "“helpful” vote", "“helpful” votes"),
        plural(data.feedback.not_helpful, "vote", "votes"),
        escape(&ctx.link(Page::Feedback.path()))
    );
    let translated: Vec<String> = data
        .coverage
        .languages
        .iter()
        .filter(|l| !l.default)
        .map(|l| format!("{} {}", escape(&l.name), percent(l.share)))
        .collect();
    let _ = write!(
        body,
        r#"<li><span class="stat">Translations</span>: {}. <a href="{}">Translation coverage</a></li>
</ul>
</section>
"#,
        if translated.is_empty() {
            "only one language".to_owned()
        } else {
            translated.join(", ")
        },
        Page::Coverage.path()
    );

    body.push_str(
        r#"<section aria-labelledby="top-title">
<h2 id="top-title">Top questions</h2>
"#,
    );
    if data.top.questions.is_empty() {
        body.push_str(r#"<p class="empty">No questions were asked in this period.</p>"#);
    } else {
        body.push_str(&top_questions_table(ctx, data.top));
    }
    body.push_str("</section>\n");

    body.push_str(&content_section(ctx, data.content));
    layout(Page::Overview, ctx, Page::Overview.title(), &body)
}

fn content_section(ctx: &Context<'_>, status: &ContentStatus) -> String {
    let mut out = String::from(
        r#"<section aria-labelledby="content-title">
<h2 id="content-title">Content errors</h2>
"#,
    );
    let indexed = DateTime::parse_from_rfc3339(&status.indexed_at)
        .map(|t| ctx.time(t.with_timezone(&Utc)))
        .unwrap_or_else(|_| escape(&status.indexed_at));
    let _ = writeln!(
        out,
        "<p>{} serving, indexed {indexed}.</p>",
        plural(status.entries as u64, "entry", "entries")
    );
    if status.drafts > 0 {
        let _ = writeln!(
            out,
            r#"<p>{} residents do not see yet: <a href="{}">preview the replies they would give</a>.</p>"#,
            plural(status.drafts as u64, "draft entry", "draft entries"),
            Page::Preview.path()
        );
    }
    if status.errors.is_empty() {
        out.push_str(r#"<p class="ok">The latest check of the content files found no errors.</p>"#);
        out.push('\n');
    } else {
        let _ = writeln!(
            out,
            r#"<p class="notice notice-error">The files have {}: until they are fixed, residents get the content as it was before.</p>"#,
            plural(status.errors.len() as u64, "error", "errors")
        );
        out.push_str(r#"<ul class="problems">"#);
        for error in &status.errors {
            let _ = write!(out, "<li><code>{}</code></li>", escape(error));
        }
        out.push_str("</ul>\n");
    }
    if !status.warnings.is_empty() {
        let _ = write!(
            out,
            r#"<details class="warnings"><summary>{}</summary><ul class="problems">"#,
            plural(status.warnings_total as u64, "warning", "warnings")
        );
        for warning in &status.warnings {
            let _ = write!(out, "<li><code>{}</code></li>", escape(warning));
        }
        out.push_str("</ul>");
        if status.warnings_total > status.warnings.len() {
            let _ = write!(
                out,
                "<p>{} more not listed here: <code>wayfinder check</code> lists them all.</p>",
                status.warnings_total - status.warnings.len()
            );
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
    out
}
