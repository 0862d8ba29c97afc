//! `/admin/trends`: questions, replies and feedback per day, each chart with its data table.

use std::fmt::Write as _;

use super::common::{chart_box, day_cell, percent, plural, short_date, table};
use super::{Context, Page, layout};
use crate::admin::charts::{LineChart, Scale, Series, line_chart};
use crate::admin::language_name;
use crate::admin::report::TrendsReport;
use crate::html::escape;

/// `/admin/trends`: questions per day per language, how they were replied to, and feedback,
/// each as a chart followed by its data table.
pub fn trends(ctx: &Context<'_>, report: &TrendsReport) -> String {
    let t = &report.totals;
    let mut body = String::new();
    let _ = writeln!(
        body,
        r#"<p class="intro">{} in this period: {} answered, {} offered choices, {} handed off. Days are counted in {} time.</p>"#,
        plural(t.questions, "question", "questions"),
        percent(t.share_answered),
        percent(t.share_choices),
        percent(t.share_handoff),
        escape(&report.timezone)
    );
    let labels: Vec<String> = report.daily.iter().map(|d| short_date(d.date)).collect();

    // Questions per day per language.
    body.push_str(
        r#"<section aria-labelledby="per-language-title">
<h2 id="per-language-title">Questions per day by language</h2>
"#,
    );
    if report.languages.is_empty() {
        body.push_str(r#"<p class="empty">No questions were asked in this period.</p>"#);
    } else {
        let series: Vec<Series> = report
            .languages
            .iter()
            .map(|lang| Series {
                name: language_name(lang),
                values: report
                    .daily
                    .iter()
                    .map(|d| Some(d.by_language.get(lang).copied().unwrap_or(0) as f64))
                    .collect(),
            })
            .collect();
        let svg = line_chart(&LineChart {
            id: "chart-languages",
            title: "Questions per day by language",
            summary: "Line chart of the questions residents asked each day, one line per language.",
            labels: &labels,
            series: &series,
            scale: Scale::Count,
        });
        body.push_str(&chart_box(
            "chart-languages-box",
            "Chart: questions per day by language",
            &svg,
        ));
        let names: Vec<String> = report
            .languages
            .iter()
            .map(|l| escape(&language_name(l)))
            .collect();
        let mut head: Vec<&str> = vec!["Day"];
        head.extend(names.iter().map(String::as_str));
        head.push("All languages");
        let mut rows = String::new();
        for day in &report.daily {
            rows.push_str("<tr>");
            rows.push_str(&day_cell(day.date));
            for lang in &report.languages {
                let _ = write!(
                    rows,
                    r#"<td class="num">{}</td>"#,
                    day.by_language.get(lang).copied().unwrap_or(0)
                );
            }
            let _ = writeln!(rows, r#"<td class="num">{}</td></tr>"#, day.questions);
        }
        body.push_str(&table(
            "per-language",
            "Questions per day by language (data of the chart above)",
            "trend-table",
            &head,
            &(1..head.len()).collect::<Vec<_>>(),
            &rows,
        ));
    }
    body.push_str("</section>\n");

    // How questions were replied to.
    body.push_str(
        r#"<section aria-labelledby="replies-title">
<h2 id="replies-title">Answered, choices and handed off</h2>
"#,
    );
    if t.questions == 0 {
        body.push_str(r#"<p class="empty">No questions were asked in this period.</p>"#);
    } else {
        let series = [
            Series {
                name: "Answered".into(),
                values: report.daily.iter().map(|d| d.share_answered).collect(),
            },
            Series {
                name: "Choices".into(),
                values: report.daily.iter().map(|d| d.share_choices).collect(),
            },
            Series {
                name: "Handed off".into(),
                values: report.daily.iter().map(|d| d.share_handoff).collect(),
            },
        ];
        let svg = line_chart(&LineChart {
            id: "chart-replies",
            title: "Share of questions answered, offered choices and handed off, per day",
            summary: "Line chart of the share of each day's questions that got an answer, a choice of answers, or a handoff to a person. Days without questions are left out.",
            labels: &labels,
            series: &series,
            scale: Scale::Share,
        });
        body.push_str(&chart_box(
            "chart-replies-box",
            "Chart: share answered, choices and handed off",
            &svg,
        ));
        let mut rows = String::new();
        for day in &report.daily {
            let share = |n: u64| {
                if day.questions == 0 {
                    "–".to_owned()
                } else {
                    percent(n as f64 / day.questions as f64)
                }
            };
            let _ = writeln!(
                rows,
                r#"<tr>{}<td class="num">{}</td><td class="num">{} ({})</td><td class="num">{} ({})</td><td class="num">{} ({})</td></tr>"#,
                day_cell(day.date),
                day.questions,
                day.answered,
                share(day.answered),
                day.choices,
                share(day.choices),
                day.handoff,
                share(day.handoff)
            );
        }
        body.push_str(&table(
            "replies",
            "Replies per day: number (share of the day's questions)",
            "trend-table",
            &["Day", "Questions", "Answered", "Choices", "Handed off"],
            &[1, 2, 3, 4],
            &rows,
        ));
    }
    body.push_str("</section>\n");

    // Feedback.
    body.push_str(
        r#"<section aria-labelledby="feedback-title">
<h2 id="feedback-title">Feedback per day</h2>
"#,
    );
    if t.helpful + t.not_helpful == 0 {
        body.push_str(r#"<p class="empty">No feedback in this period.</p>"#);
    } else {
        let series = [
            Series {
                name: "Helpful".into(),
                values: report
                    .daily
                    .iter()
                    .map(|d| Some(d.helpful as f64))
                    .collect(),
            },
            Series {
                name: "Not helpful".into(),
                values: report
                    .daily
                    .iter()
                    .map(|d| Some(d.not_helpful as f64))
                    .collect(),
            },
        ];
        let svg = line_chart(&LineChart {
            id: "chart-feedback",
            title: "Feedback per day",
            summary: "Line chart of the “helpful” and “not helpful” votes residents gave each day.",
            labels: &labels,
            series: &series,
            scale: Scale::Count,
        });
        body.push_str(&chart_box(
            "chart-feedback-box",
            "Chart: feedback per day",
            &svg,
        ));
        let mut rows = String::new();
        for day in &report.daily {
            let _ = writeln!(
                rows,
                r#"<tr>{}<td class="num">{}</td><td class="num">{}</td></tr>"#,
                day_cell(day.date),
                day.helpful,
                day.not_helpful
            );
        }
        body.push_str(&table(
            "feedback-days",
            "Feedback votes per day (data of the chart above)",
            "trend-table",
            &["Day", "Helpful", "Not helpful"],
            &[1, 2],
            &rows,
        ));
    }
    body.push_str("</section>\n");
    layout(Page::Trends, ctx, Page::Trends.title(), &body)
}
