//! `/admin/coverage`: published entries per language, and what each language still lacks.

use std::fmt::Write as _;

use super::common::{chart_box, percent, table};
use super::{Context, Page, layout};
use crate::admin::charts::{Bar, BarChart, Scale, bar_chart};
use crate::admin::report::CoverageReport;
use crate::html::escape;

/// `/admin/coverage`: published entries per language against the default language, and
/// which entries each language still lacks.
pub fn coverage(ctx: &Context<'_>, report: &CoverageReport) -> String {
    let mut body = String::new();
    if !report.errors.is_empty() {
        body.push_str(
            r#"<p class="notice notice-error">The content files have errors; the figures below leave out the files that could not be read.</p>
<ul class="problems">"#,
        );
        for error in &report.errors {
            let _ = write!(body, "<li><code>{}</code></li>", escape(error));
        }
        body.push_str("</ul>\n");
    }
    let Some(default) = report.languages.iter().find(|l| l.default) else {
        body.push_str(r#"<p class="empty">The content's settings could not be read.</p>"#);
        return layout(Page::Coverage, ctx, Page::Coverage.title(), &body);
    };
    let _ = writeln!(
        body,
        r#"<p class="intro">Published entries in each language, compared with the {} entries of the default language, {}. From the content files as they are now; drafts are counted apart.</p>"#,
        default.entries,
        escape(&default.name)
    );
    let bars: Vec<Bar> = report
        .languages
        .iter()
        .map(|l| Bar {
            label: l.name.clone(),
            value: l.share,
        })
        .collect();
    let svg = bar_chart(&BarChart {
        id: "chart-coverage",
        title: "Share of the default language's entries published in each language",
        summary: "Bar chart of translation coverage per language.",
        bars: &bars,
        scale: Scale::Share,
    });
    body.push_str(&chart_box(
        "chart-coverage-box",
        "Chart: translation coverage",
        &svg,
    ));
    let mut rows = String::new();
    for lang in &report.languages {
        let kind = if lang.default {
            "Default language"
        } else if lang.complete {
            "Complete"
        } else {
            "Being translated"
        };
        let _ = writeln!(
            rows,
            r#"<tr><th scope="row">{} <span class="tag">({})</span></th><td>{kind}</td><td class="num">{}</td><td class="num">{} of {} ({})</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
            escape(&lang.name),
            escape(&lang.lang),
            lang.entries,
            lang.translated,
            default.entries,
            percent(lang.share),
            lang.missing.len(),
            lang.drafts
        );
    }
    body.push_str(&table(
        "coverage",
        "Translation coverage per language",
        "coverage-table",
        &[
            "Language",
            "Kind",
            "Published",
            "Translated",
            "Missing",
            "Drafts",
        ],
        &[2, 3, 4, 5],
        &rows,
    ));
    for (i, lang) in report.languages.iter().enumerate() {
        if lang.missing.is_empty() && lang.extra.is_empty() {
            continue;
        }
        let _ = write!(
            body,
            r#"<section aria-labelledby="missing-{i}-title">
<h2 id="missing-{i}-title">Missing in {} <span class="tag">({})</span></h2>
"#,
            escape(&lang.name),
            escape(&lang.lang)
        );
        if lang.missing.is_empty() {
            body.push_str("<p>Nothing is missing.</p>\n");
        } else {
            let mut rows = String::new();
            for missing in &lang.missing {
                let _ = writeln!(
                    rows,
                    r#"<tr><th scope="row"><span class="id">{}</span></th><td>{}</td><td><code>{}</code></td><td>{}</td></tr>"#,
                    escape(&missing.id),
                    escape(&missing.title),
                    escape(&missing.path),
                    if missing.draft {
                        "Draft written"
                    } else {
                        "Not started"
                    }
                );
            }
            body.push_str(&table(
                &format!("missing-{i}"),
                &format!(
                    "{} entries of the default language not published in {}",
                    lang.missing.len(),
                    lang.name
                ),
                "missing-table",
                &[
                    "Entry",
                    "Title in the default language",
                    "File to write",
                    "Status",
                ],
                &[],
                &rows,
            ));
        }
        if !lang.extra.is_empty() {
            let _ = write!(body, r#"<p>Published only in {}: "#, escape(&lang.name));
            let ids: Vec<String> = lang
                .extra
                .iter()
                .map(|id| format!(r#"<span class="id">{}</span>"#, escape(id)))
                .collect();
            let _ = writeln!(body, "{}.</p>", ids.join(", "));
        }
        body.push_str("</section>\n");
    }
    layout(Page::Coverage, ctx, Page::Coverage.title(), &body)
}
