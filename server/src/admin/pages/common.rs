//! Small pieces the pages share: dates, percentages, plurals, table regions and chart boxes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::html::escape;

pub(super) fn long_date(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

pub(super) fn short_date(date: NaiveDate) -> String {
    date.format("%b %-d").to_string()
}

pub(super) fn day_cell(date: NaiveDate) -> String {
    format!(
        r#"<th scope="row"><time datetime="{}">{}</time></th>"#,
        date.format("%Y-%m-%d"),
        date.format("%a %b %-d, %Y")
    )
}

pub(super) fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

pub(super) fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A scrollable table region: `caption` names it; `head` and `rows` are the header cells and
/// body rows (already HTML); the columns listed in `numeric` hold numbers (aligned right).
pub(super) fn table(
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
pub(super) fn chart_box(id: &str, label: &str, svg: &str) -> String {
    format!(
        r#"<div class="chart" role="region" aria-label="{}" tabindex="0" id="{id}">{svg}</div>
"#,
        escape(label)
    )
}
