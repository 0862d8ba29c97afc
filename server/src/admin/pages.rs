//! The admin pages as HTML: an overview and one page each for knowledge gaps, feedback,
//! trends, translation coverage and previewing answers (drafts included).
//!
//! Every page is complete without script: a skip link, header, navigation and main
//! landmarks, one `h1`, tables with captions and header cells, charts followed by their data
//! tables, a real `<form>` for each action. Styles are in `/admin/admin.css` and the one
//! script, `/admin/admin.js`, only lets the draft forms work without reloading the page, so
//! the pages run under the strict CSP the routes send. Every text that does not come from this
//! file is escaped.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use super::charts::{Bar, BarChart, LineChart, Scale, Series, bar_chart, line_chart};
use super::report::{
    CoverageReport, FeedbackReport, GapsReport, TopQuestion, TopQuestionsReport, TrendsReport,
};
use super::{DEFAULT_DAYS, LOW_COVERAGE, MAX_DAYS, Window, language_name};
use crate::content::ContentStatus;
use crate::html::{escape, url_encode};
use crate::routes::ask::PreviewResponse;

/// The admin pages, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/admin`.
    Overview,
    /// `/admin/gaps`.
    Gaps,
    /// `/admin/feedback`.
    Feedback,
    /// `/admin/trends`.
    Trends,
    /// `/admin/coverage`.
    Coverage,
    /// `/admin/preview`.
    Preview,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 6] = [
        Self::Overview,
        Self::Gaps,
        Self::Feedback,
        Self::Trends,
        Self::Coverage,
        Self::Preview,
    ];

    /// Its path.
    pub fn path(self) -> &'static str {
        match self {
            Self::Overview => "/admin",
            Self::Gaps => "/admin/gaps",
            Self::Feedback => "/admin/feedback",
            Self::Trends => "/admin/trends",
            Self::Coverage => "/admin/coverage",
            Self::Preview => "/admin/preview",
        }
    }

    /// Its name in the navigation and its `h1`.
    pub fn title(self) -> &'static str {
        match self {
            Self::Overview => "Content overview",
            Self::Gaps => "Knowledge gaps",
            Self::Feedback => "Feedback on answers",
            Self::Trends => "Trends",
            Self::Coverage => "Translation coverage",
            Self::Preview => "Preview answers",
        }
    }

    fn nav_label(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Gaps => "Knowledge gaps",
            Self::Feedback => "Feedback",
            Self::Trends => "Trends",
            Self::Coverage => "Translations",
            Self::Preview => "Preview",
        }
    }

    /// Whether the page covers a period (and shows the period picker).
    fn has_period(self) -> bool {
        !matches!(self, Self::Coverage | Self::Preview)
    }
}

/// Who is looking and at what period: what every signed-in page needs.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The site's display name.
    pub site_name: &'a str,
    /// The signed-in admin's name.
    pub account_name: &'a str,
    /// The period shown.
    pub window: &'a Window,
    /// The session's CSRF token, for the pages' forms.
    pub csrf_token: &'a str,
}

impl Context<'_> {
    /// `path` with `?days=` when the period is not the default.
    fn link(&self, path: &str) -> String {
        if self.window.days == DEFAULT_DAYS {
            path.to_owned()
        } else {
            format!("{path}?days={}", self.window.days)
        }
    }

    /// An instant as `<time>`, in the site's time zone.
    fn time(&self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&self.window.tz);
        format!(
            r#"<time datetime="{}">{}</time>"#,
            at.to_rfc3339_opts(SecondsFormat::Secs, true),
            local.format("%Y-%m-%d %H:%M")
        )
    }

    /// The period in words.
    fn period(&self) -> String {
        let days = if self.window.days == 1 {
            "Today".to_owned()
        } else {
            format!("The last {} days", self.window.days)
        };
        format!(
            "{days}: {} to {} ({} time)",
            long_date(self.window.first_day),
            long_date(self.window.last_day),
            self.window.tz.name()
        )
    }
}

fn long_date(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

fn short_date(date: NaiveDate) -> String {
    date.format("%b %-d").to_string()
}

fn day_cell(date: NaiveDate) -> String {
    format!(
        r#"<th scope="row"><time datetime="{}">{}</time></th>"#,
        date.format("%Y-%m-%d"),
        date.format("%a %b %-d, %Y")
    )
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The `<head>` and the start of `<body>` up to the main landmark's `h1`.
fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="same-origin">
<title>{} | Wayfinder admin</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/admin/admin.css">
<script type="module" src="/admin/admin.js"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
"##,
        escape(title)
    );
}

/// A complete page for a signed-in admin.
pub fn layout(page: Page, ctx: &Context<'_>, title: &str, body: &str) -> String {
    let mut out = String::new();
    head(&mut out, title);
    let _ = write!(
        out,
        r#"<header class="top">
<div class="top-inner">
<p class="brand"><span class="brand-name">Wayfinder</span> <span class="brand-site">{} · content admin</span></p>
<p class="account">Signed in as <strong>{}</strong> · <a href="/staff">Staff console</a></p>
</div>
<nav class="sections" aria-label="Admin pages">
<ul class="sections-list">
"#,
        escape(ctx.site_name),
        escape(ctx.account_name)
    );
    for other in Page::ALL {
        let current = if other == page {
            r#" aria-current="page""#
        } else {
            ""
        };
        let href = if other.has_period() {
            ctx.link(other.path())
        } else {
            other.path().to_owned()
        };
        let _ = writeln!(
            out,
            r#"<li><a href="{}"{current}>{}</a></li>"#,
            escape(&href),
            other.nav_label()
        );
    }
    out.push_str("</ul>\n</nav>\n</header>\n");
    let _ = write!(
        out,
        r#"<main id="main" tabindex="-1">
<h1>{}</h1>
"#,
        escape(title)
    );
    if page.has_period() {
        out.push_str(&period_form(page, ctx));
    }
    out.push_str(body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The period picker: a GET form that reloads the page for another number of days.
fn period_form(page: Page, ctx: &Context<'_>) -> String {
    let mut options = vec![7, 30, 90, MAX_DAYS];
    if !options.contains(&ctx.window.days) {
        options.push(ctx.window.days);
        options.sort_unstable();
    }
    let mut out = format!(
        r#"<form class="period" method="get" action="{}">
<p class="period-now">{}</p>
<div class="period-row">
<label for="period-days">Period</label>
<select id="period-days" name="days">
"#,
        page.path(),
        escape(&ctx.period())
    );
    for days in options {
        let selected = if days == ctx.window.days {
            " selected"
        } else {
            ""
        };
        let label = if days == 1 {
            "Today".to_owned()
        } else {
            format!("Last {days} days")
        };
        let _ = writeln!(out, r#"<option value="{days}"{selected}>{label}</option>"#);
    }
    out.push_str(
        r#"</select>
<button type="submit" class="button button-quiet">Show</button>
</div>
</form>
"#,
    );
    out
}

/// A bare page (no navigation): signing in, refusals, errors.
fn bare(title: &str, body: &str) -> String {
    let mut out = String::new();
    head(&mut out, title);
    let _ = write!(
        out,
        r#"<header class="top">
<div class="top-inner">
<p class="brand"><span class="brand-name">Wayfinder</span> <span class="brand-site">content admin</span></p>
</div>
</header>
<main id="main" tabindex="-1">
<h1>{}</h1>
{body}</main>
</body>
</html>
"#,
        escape(title)
    );
    out
}

/// Shown without a session: where to sign in.
pub fn sign_in_page(path: &str) -> String {
    bare(
        "Sign in to see the content admin",
        &format!(
            r#"<p>These pages are for the site's content admins.</p>
<p><a class="button button-primary" href="/staff">Sign in at the staff console</a></p>
<p>Then come back to <a href="{}">this page</a>.</p>
"#,
            escape(path)
        ),
    )
}

/// Shown to staff without the admin role.
pub fn forbidden_page(account_name: &str) -> String {
    bare(
        "This page is for admins",
        &format!(
            r#"<p>You are signed in as <strong>{}</strong>, a staff account. The content admin pages need an admin account: ask your site's administrator.</p>
<p><a href="/staff">Back to the staff console</a></p>
"#,
            escape(account_name)
        ),
    )
}

/// A request the pages could not serve (a wrong period, a draft that was refused…), with a
/// way back.
pub fn error_page(title: &str, message: &str, back: &str, back_label: &str) -> String {
    bare(
        title,
        &format!(
            r#"<p class="notice notice-error">{}</p>
<p><a href="{}">{}</a></p>
"#,
            escape(message),
            escape(back),
            escape(back_label)
        ),
    )
}

/// A scrollable table region: `caption` names it; `head` and `rows` are the header cells and
/// body rows (already HTML); the columns listed in `numeric` hold numbers (aligned right).
fn table(
    id: &str,
    caption: &str,
    class: &str,
    head: &[&str],
    numeric: &[usize],
    rows: &str,
) -> String {
    let mut out = format!(
        r#"<div class="table-wrap" role="region" aria-labelledby="{id}-caption" tabindex="0">
<table class="data {class}">
<caption id="{id}-caption">{}</caption>
<thead><tr>"#,
        escape(caption)
    );
    for (i, cell) in head.iter().enumerate() {
        let class = if numeric.contains(&i) {
            r#" class="num""#
        } else {
            ""
        };
        let _ = write!(out, r#"<th scope="col"{class}>{cell}</th>"#);
    }
    let _ = write!(
        out,
        "</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</div>\n"
    );
    out
}

/// A chart in its own scrolling box, so the page itself reflows at 320 px.
fn chart_box(id: &str, label: &str, svg: &str) -> String {
    format!(
        r#"<div class="chart" role="region" aria-label="{}" tabindex="0" id="{id}">{svg}</div>
"#,
        escape(label)
    )
}

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

fn entry_cell(question: &TopQuestion) -> String {
    match (&question.group.entry_id, &question.entry_title) {
        (Some(id), Some(title)) => format!(
            r#"{} <span class="id">({})</span>"#,
            escape(title),
            escape(id)
        ),
        (Some(id), None) => format!(r#"<span class="id">{}</span>"#, escape(id)),
        _ => r#"<span class="none">No answer</span>"#.to_owned(),
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

/// What the preview page shows: the form, filled in again after a question, and the reply.
#[derive(Debug, Clone, Copy)]
pub struct PreviewPage<'a> {
    /// The site's languages as `(tag, name)`, the default first.
    pub languages: &'a [(String, String)],
    /// Draft entries in the content (0: the preview is what residents get).
    pub drafts: usize,
    /// The question asked, if any.
    pub question: &'a str,
    /// The language chosen.
    pub lang: &'a str,
    /// The reply to the question, once asked.
    pub reply: Option<&'a PreviewResponse>,
    /// Why the question could not be previewed (empty, too long, unknown language…).
    pub problem: Option<&'a str>,
}

/// A "draft" mark beside an entry that residents do not see yet.
const DRAFT_MARK: &str =
    r#" <strong class="tag tag-draft">Draft: residents do not see this yet</strong>"#;

/// `/admin/preview`: ask a question as a resident would and see the reply the published and
/// draft entries give, draft answers marked. Nothing asked here is stored or counted.
pub fn preview(ctx: &Context<'_>, page: &PreviewPage<'_>) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        r#"<p class="intro">Ask a question the way a resident would and see the reply they would get, with draft entries included as if they were published. {} Questions asked here are not stored and do not count in the figures.</p>"#,
        match page.drafts {
            0 => "The content has no drafts now, so this is exactly what residents get.".to_owned(),
            n => format!(
                "The content has {} that residents do not see yet.",
                plural(n as u64, "draft entry", "draft entries")
            ),
        }
    );
    let _ = write!(
        body,
        r#"<form class="preview-form" method="post" action="{}">
<input type="hidden" name="csrf_token" value="{}">
<div class="field">
<label for="preview-question">Question</label>
<textarea id="preview-question" name="question" rows="3" maxlength="{}" required{}>{}</textarea>
</div>
<div class="field">
<label for="preview-lang">Language of the page</label>
<select id="preview-lang" name="lang">
"#,
        Page::Preview.path(),
        escape(ctx.csrf_token),
        protocol::MAX_QUESTION_CHARS,
        if page.problem.is_some() {
            r#" aria-invalid="true" aria-describedby="preview-problem""#
        } else {
            ""
        },
        escape(page.question)
    );
    for (tag, name) in page.languages {
        let selected = if tag == page.lang { " selected" } else { "" };
        let _ = writeln!(
            body,
            r#"<option value="{}"{selected}>{} ({})</option>"#,
            escape(tag),
            escape(name),
            escape(tag)
        );
    }
    body.push_str(
        r#"</select>
</div>
<p><button type="submit" class="button button-primary">Preview the reply</button></p>
</form>
"#,
    );
    if let Some(problem) = page.problem {
        let _ = writeln!(
            body,
            r#"<p class="notice notice-error" id="preview-problem" role="alert">{}</p>"#,
            escape(problem)
        );
    }
    if let Some(reply) = page.reply {
        body.push_str(&preview_reply(reply));
    }
    layout(Page::Preview, ctx, Page::Preview.title(), &body)
}

/// The reply of a preview as residents would see it, draft entries marked.
fn preview_reply(preview: &PreviewResponse) -> String {
    let reply = &preview.reply;
    let is_draft = |id: &str| preview.drafts.iter().any(|d| d == id);
    let lang = escape(&reply.lang);
    let dir = i18n::direction(&reply.lang).as_str();
    let mut out = format!(
        r#"<section class="preview-reply" aria-labelledby="preview-reply-title">
<h2 id="preview-reply-title">The reply residents would see</h2>
<p class="meta">{}. Language of the reply: {} <span class="tag">({lang})</span>.</p>
<p lang="{lang}" dir="{dir}">{}</p>
"#,
        if preview.drafts.is_empty() {
            "Only published entries are in this reply"
        } else {
            "This reply shows draft entries, marked below"
        },
        escape(&language_name(&reply.lang)),
        escape(&reply.message)
    );
    if let Some(answer) = &reply.answer {
        let answer_lang = escape(&answer.lang);
        let answer_dir = i18n::direction(&answer.lang).as_str();
        let _ = write!(
            out,
            r#"<article class="preview-answer" aria-labelledby="preview-answer-title">
<h3 id="preview-answer-title"><span lang="{answer_lang}" dir="{answer_dir}">{}</span> <span class="id">({})</span>{}</h3>
<div class="preview-answer-body" lang="{answer_lang}" dir="{answer_dir}">{}</div>
<p class="meta">Official page: <a href="{}">{}</a>. Last reviewed <time datetime="{}">{}</time>.</p>
</article>
"#,
            escape(&answer.title),
            escape(&answer.id),
            if is_draft(&answer.id) { DRAFT_MARK } else { "" },
            // Sanitised when the content was loaded: the same HTML residents get.
            answer.html,
            escape(&answer.source_url),
            escape(&answer.source_url),
            escape(&answer.last_reviewed),
            escape(&answer.last_reviewed)
        );
    }
    if !reply.choices.is_empty() {
        out.push_str(
            r#"<h3 id="preview-choices-title">Choices offered</h3>
<ul class="preview-choices" aria-labelledby="preview-choices-title">
"#,
        );
        for choice in &reply.choices {
            let _ = writeln!(
                out,
                r#"<li><span lang="{}" dir="auto">{}</span> <span class="id">({})</span>{}</li>"#,
                escape(&choice.lang),
                escape(&choice.title),
                escape(&choice.id),
                if is_draft(&choice.id) { DRAFT_MARK } else { "" }
            );
        }
        out.push_str("</ul>\n");
    }
    if !reply.actions.is_empty() {
        out.push_str(
            r#"<h3 id="preview-actions-title">Next steps offered</h3>
<ul class="preview-actions" aria-labelledby="preview-actions-title">
"#,
        );
        for action in &reply.actions {
            let _ = writeln!(
                out,
                r#"<li><span lang="{lang}" dir="{dir}">{}</span> <span class="id">({})</span></li>"#,
                escape(&action.label),
                escape(&action.url)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
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
    use super::*;
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
    fn sign_in_and_refusal_pages_link_to_the_console() {
        let page = sign_in_page("/admin/gaps");
        assert!(page.contains(r#"href="/staff""#));
        assert!(page.contains(r#"href="/admin/gaps""#));
        assert_eq!(page.matches("<h1>").count(), 1);
        let page = forbidden_page("<Alex>");
        assert!(page.contains("&lt;Alex&gt;"));
    }

    #[test]
    fn the_draft_redirect_keeps_the_period() {
        assert_eq!(
            drafted_location(7, "es/trash/a b.md"),
            "/admin/gaps?days=7&drafted=es/trash/a%20b.md#drafted"
        );
    }
}
