//! `/admin/feedback`: "was this helpful?" per entry and language, with the latest comments.

use std::fmt::Write as _;

use super::common::{percent, plural, table};
use super::{Context, Page, layout};
use crate::admin::language_name;
use crate::admin::report::FeedbackReport;
use crate::html::escape;

/// `/admin/feedback`: "was this helpful?" per entry and language, the least helpful first,
/// with the latest comments.
pub fn feedback(ctx: &Context<'_>, report: &FeedbackReport) -> String {
    let mut body = String::new();
    let total = report.helpful + report.not_helpful;
    let _ = writeln!(
        body,
        r#"<p class="intro">{}: {} helpful, {} not helpful. Comments are shown as residents wrote them, with personal details masked.</p>"#,
        plural(total, "vote", "votes"),
        report.helpful,
        report.not_helpful
    );
    if report.entries.is_empty() {
        body.push_str(r#"<p class="empty">No feedback in this period.</p>"#);
        return layout(Page::Feedback, ctx, Page::Feedback.title(), &body);
    }
    let mut rows = String::new();
    for entry in &report.entries {
        let name = match (&entry.entry_id, &entry.title) {
            (Some(id), Some(title)) => format!(
                r#"{} <span class="id">({})</span>"#,
                escape(title),
                escape(id)
            ),
            (Some(id), None) => format!(
                r#"<span class="id">{}</span> <span class="none">(no longer published)</span>"#,
                escape(id)
            ),
            (None, _) => "Replies without an answer (choices or handoff)".to_owned(),
        };
        let votes = entry.helpful + entry.not_helpful;
        let mut comments = String::new();
        if entry.comments.is_empty() {
            comments.push_str(r#"<span class="none">None</span>"#);
        } else {
            let _ = write!(
                comments,
                r#"<ul class="comments" lang="{}">"#,
                escape(&entry.lang)
            );
            for comment in &entry.comments {
                let _ = write!(
                    comments,
                    r#"<li><span class="verdict">{}</span> <q dir="auto">{}</q> {}</li>"#,
                    if comment.helpful {
                        "Helpful:"
                    } else {
                        "Not helpful:"
                    },
                    escape(&comment.text),
                    ctx.time(comment.at)
                );
            }
            comments.push_str("</ul>");
        }
        let _ = writeln!(
            rows,
            r#"<tr><th scope="row">{name}</th><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="comments-cell">{comments}</td></tr>"#,
            escape(&language_name(&entry.lang)),
            entry.helpful,
            entry.not_helpful,
            percent(if votes == 0 {
                0.0
            } else {
                entry.not_helpful as f64 / votes as f64
            }),
        );
    }
    body.push_str(&table(
        "feedback",
        "Feedback per entry and language, most “not helpful” votes first",
        "feedback-table",
        &[
            "Entry",
            "Language",
            "Helpful",
            "Not helpful",
            "Share not helpful",
            "Latest comments",
        ],
        &[2, 3, 4],
        &rows,
    ));
    layout(Page::Feedback, ctx, Page::Feedback.title(), &body)
}
