//! The admin pages as HTML: an overview and one page each for knowledge gaps, feedback,
//! trends, translation coverage and previewing answers (drafts included).
//!
//! Every page is complete without script: a skip link, header, navigation and main
//! landmarks, one `h1`, tables with captions and header cells, charts followed by their data
//! tables, a real `<form>` for each action. Styles are in `/admin/admin.css` and the one
//! script, `/admin/admin.js`, only lets the draft forms work without reloading the page, so
//! the pages run under the strict CSP the routes send. Every text that does not come from
//! these files is escaped.

// The map: the frame every page shares is here; each page is in a file of its own.
mod bare; // pages without navigation: sign-in, refusal, errors
mod common; // small pieces the pages share: dates, percentages, tables, chart boxes
mod coverage; // /admin/coverage
mod feedback; // /admin/feedback
mod gaps; // /admin/gaps and where its draft form leads
mod overview; // /admin
mod preview; // /admin/preview
mod trends; // /admin/trends

use std::fmt::Write as _;

use chrono::{DateTime, SecondsFormat, Utc};

use super::{DEFAULT_DAYS, MAX_DAYS, Window};
use crate::html::escape;
use common::long_date;

pub use bare::{error_page, forbidden_page, sign_in_page};
pub use coverage::coverage;
pub use feedback::feedback;
pub use gaps::{GROUPS_SHOWN, GapsPage, drafted_location, gaps};
pub use overview::{Overview, overview};
pub use preview::{PreviewPage, preview};
pub use trends::trends;

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
