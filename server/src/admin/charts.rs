//! Charts for the admin pages, drawn on the server as inline SVG (no script, nothing to load,
//! allowed by a strict CSP).
//!
//! Each chart is one `<svg role="img">` named by its `<title>` and described by its `<desc>`
//! (what it shows, and each series' total and peak), so a screen reader announces it as one
//! image; the page puts the data table right after it. Series are told apart without colour:
//! each has its own dash pattern and marker shape and is labelled by name at the end of its
//! line. Everything is drawn in `currentColor`: the page's stylesheet picks colours per series
//! (with contrast of at least 3:1 in light and dark mode), and in forced-colors mode it all
//! becomes the system text colour, patterns and labels still telling the series apart.

use std::fmt::Write as _;

use crate::html::escape;

/// Width of the drawing in SVG units (it scales to its box).
const WIDTH: f64 = 720.0;
/// Height of a line chart.
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 56.0;
/// Room on the right for the series' names.
const RIGHT: f64 = 150.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 44.0;
/// Most labels under the x axis.
const MAX_X_LABELS: usize = 7;
/// Up to this many points, every point gets a marker (beyond, only the last one).
const MAX_MARKED_POINTS: usize = 62;
/// Vertical room one end label needs.
const LABEL_GAP: f64 = 16.0;

/// Dash patterns per series (`stroke-dasharray`; the first is solid).
const DASHES: [&str; 5] = ["", "9 5", "2 4", "12 4 3 4", "5 3"];

/// One line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Its name, written at the end of the line and in the description.
    pub name: String,
    /// One value per x label; `None` where there is no value (the line breaks there).
    pub values: Vec<Option<f64>>,
}

/// How values read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Whole numbers from 0.
    Count,
    /// Fractions from 0 to 1, shown as percentages.
    Share,
}

impl Scale {
    fn format(self, value: f64) -> String {
        match self {
            Self::Count => format!("{value:.0}"),
            Self::Share => format!("{:.0}%", value * 100.0),
        }
    }
}

/// A line chart: x labels (e.g. days), one or more series.
#[derive(Debug, Clone, Copy)]
pub struct LineChart<'a> {
    /// Unique id prefix for the title and description elements.
    pub id: &'a str,
    /// Short title (the image's accessible name).
    pub title: &'a str,
    /// First sentence of the description; totals and peaks per series are added.
    pub summary: &'a str,
    /// Label of each point along the x axis.
    pub labels: &'a [String],
    /// The lines.
    pub series: &'a [Series],
    /// How the values read.
    pub scale: Scale,
}

/// One bar of a bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Label written before the bar.
    pub label: String,
    /// Its value.
    pub value: f64,
}

/// A horizontal bar chart, one bar per label, each with its value written at its end.
#[derive(Debug, Clone, Copy)]
pub struct BarChart<'a> {
    /// Unique id prefix for the title and description elements.
    pub id: &'a str,
    /// Short title (the image's accessible name).
    pub title: &'a str,
    /// First sentence of the description; each bar's value is added.
    pub summary: &'a str,
    /// The bars, top to bottom.
    pub bars: &'a [Bar],
    /// How the values read.
    pub scale: Scale,
}

/// A round upper bound and step for a count axis: 0, step, 2·step … ≥ `max`, at most 5 steps.
fn count_axis(max: f64) -> (f64, f64) {
    let max = max.max(1.0);
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= max {
        magnitude *= 10.0;
    }
    for step in [
        magnitude / 10.0,
        magnitude / 5.0,
        magnitude / 2.0,
        magnitude,
        magnitude * 2.0,
        magnitude * 5.0,
        magnitude * 10.0,
    ] {
        let step = step.max(1.0);
        let top = (max / step).ceil() * step;
        if top / step <= 5.0 {
            return (top, step);
        }
    }
    (max.ceil(), max.ceil())
}

fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// The marker of series `index` centred on (`x`, `y`): circle, square, triangle, diamond,
/// ring.
fn marker(index: usize, x: f64, y: f64) -> String {
    let n = number;
    match index % 5 {
        0 => format!(r#"<circle cx="{}" cy="{}" r="4.5"/>"#, n(x), n(y)),
        1 => format!(
            r#"<rect x="{}" y="{}" width="9" height="9"/>"#,
            n(x - 4.5),
            n(y - 4.5)
        ),
        2 => format!(
            r#"<path d="M{} {}L{} {}L{} {}Z"/>"#,
            n(x),
            n(y - 5.5),
            n(x + 5.5),
            n(y + 4.5),
            n(x - 5.5),
            n(y + 4.5)
        ),
        3 => format!(
            r#"<path d="M{} {}L{} {}L{} {}L{} {}Z"/>"#,
            n(x),
            n(y - 6.0),
            n(x + 6.0),
            n(y),
            n(x),
            n(y + 6.0),
            n(x - 6.0),
            n(y)
        ),
        _ => format!(
            r#"<circle cx="{}" cy="{}" r="4" fill="none" stroke-width="2"/>"#,
            n(x),
            n(y)
        ),
    }
}

/// The description: the summary, then each series' total and peak (counts) or average and
/// range (shares).
fn describe(chart: &LineChart<'_>) -> String {
    let mut text = chart.summary.trim().to_owned();
    if let (Some(first), Some(last)) = (chart.labels.first(), chart.labels.last()) {
        let _ = write!(text, " From {first} to {last}.");
    }
    for series in chart.series {
        let values: Vec<(usize, f64)> = series
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        let Some(&(peak_at, peak)) = values
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        else {
            let _ = write!(text, " {}: no data.", series.name);
            continue;
        };
        let label = chart.labels.get(peak_at).map_or("", String::as_str);
        match chart.scale {
            Scale::Count => {
                let total: f64 = values.iter().map(|(_, v)| v).sum();
                let _ = write!(
                    text,
                    " {}: {} in total, highest {} on {label}.",
                    series.name,
                    Scale::Count.format(total),
                    Scale::Count.format(peak)
                );
            }
            Scale::Share => {
                let low = values.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
                let _ = write!(
                    text,
                    " {}: from {} to {}, highest on {label}.",
                    series.name,
                    Scale::Share.format(low),
                    Scale::Share.format(peak)
                );
            }
        }
    }
    text.push_str(" The table after the chart lists every value.");
    text
}

/// Opening tag, title and description of a chart image.
fn open_svg(out: &mut String, id: &str, height: f64, title: &str, description: &str) {
    let id = escape(id);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-title {id}-desc" focusable="false"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(description)
    );
}

/// Moves label positions apart so none is closer than [`LABEL_GAP`] to the next, within
/// `min..=max`. `ys` is (series index, wanted y).
fn spread_labels(mut ys: Vec<(usize, f64)>, min: f64, max: f64) -> Vec<(usize, f64)> {
    ys.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    for i in 0..ys.len() {
        let floor = if i == 0 { min } else { ys[i - 1].1 + LABEL_GAP };
        ys[i].1 = ys[i].1.max(floor);
    }
    // Pushed past the bottom: shift back up, keeping the gaps.
    for i in (0..ys.len()).rev() {
        let ceiling = if i + 1 == ys.len() {
            max
        } else {
            ys[i + 1].1 - LABEL_GAP
        };
        ys[i].1 = ys[i].1.min(ceiling);
    }
    ys
}

/// The line chart as an `<svg>` element.
pub fn line_chart(chart: &LineChart<'_>) -> String {
    let n = chart.labels.len();
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let max_value = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .fold(0.0_f64, f64::max);
    let (top, step) = match chart.scale {
        Scale::Count => count_axis(max_value),
        Scale::Share => (1.0, 0.25),
    };
    let x_of = |i: usize| {
        if n <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let y_of = |v: f64| TOP + plot_h - plot_h * (v / top).clamp(0.0, 1.0);

    let mut out = String::new();
    open_svg(&mut out, chart.id, HEIGHT, chart.title, &describe(chart));

    // Axis: grid lines with their values, the baseline, labels along x.
    out.push_str(r#"<g class="axis" fill="currentColor" font-size="13">"#);
    let mut tick = 0.0;
    while tick <= top + f64::EPSILON {
        let y = number(y_of(tick));
        let _ = write!(
            out,
            r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{y}" y2="{y}" stroke="currentColor"/><text x="{}" y="{y}" text-anchor="end" dominant-baseline="middle">{}</text>"#,
            number(LEFT + plot_w),
            number(LEFT - 8.0),
            escape(&chart.scale.format(tick))
        );
        tick += step;
    }
    let _ = write!(
        out,
        r#"<line class="baseline" x1="{LEFT}" x2="{}" y1="{}" y2="{}" stroke="currentColor" stroke-width="1.5"/>"#,
        number(LEFT + plot_w),
        number(TOP + plot_h),
        number(TOP + plot_h)
    );
    // Labels counted back from the last point, which is always labelled (the latest day
    // matters most).
    let every = n.div_ceil(MAX_X_LABELS).max(1);
    for (i, label) in chart.labels.iter().enumerate() {
        if !(n - 1 - i).is_multiple_of(every) {
            continue;
        }
        let anchor = if n > 1 && i == 0 { "start" } else { "middle" };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="{anchor}">{}</text>"#,
            number(x_of(i)),
            number(TOP + plot_h + 22.0),
            escape(label)
        );
    }
    out.push_str("</g>");

    // Lines, markers, and where each line ends (for its label).
    let mut ends = Vec::new();
    for (s, series) in chart.series.iter().enumerate() {
        let _ = write!(
            out,
            r#"<g class="series series-{}" fill="currentColor" stroke="currentColor">"#,
            s % 5
        );
        let mut segment: Vec<String> = Vec::new();
        let mut segments = Vec::new();
        for (i, value) in series.values.iter().enumerate().take(n) {
            match value {
                Some(v) => segment.push(format!("{},{}", number(x_of(i)), number(y_of(*v)))),
                None => segments.push(std::mem::take(&mut segment)),
            }
        }
        segments.push(segment);
        let dash = DASHES[s % DASHES.len()];
        for points in segments.iter().filter(|p| p.len() > 1) {
            let dash_attr = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let _ = write!(
                out,
                r#"<polyline points="{}" fill="none" stroke-width="2.5" stroke-linejoin="round"{dash_attr}/>"#,
                points.join(" ")
            );
        }
        let defined: Vec<(usize, f64)> = series
            .values
            .iter()
            .enumerate()
            .take(n)
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        for &(i, v) in &defined {
            if n <= MAX_MARKED_POINTS || Some(&(i, v)) == defined.last() {
                out.push_str(&marker(s, x_of(i), y_of(v)));
            }
        }
        if let Some(&(i, v)) = defined.last() {
            ends.push((s, x_of(i), y_of(v)));
        }
        out.push_str("</g>");
    }

    // Each series' name at the end of its line, moved apart where they would overlap.
    let placed = spread_labels(
        ends.iter().map(|&(s, _, y)| (s, y)).collect(),
        TOP,
        TOP + plot_h,
    );
    for (s, y) in placed {
        let x = ends
            .iter()
            .find(|(i, _, _)| *i == s)
            .map_or(LEFT + plot_w, |(_, x, _)| *x);
        let _ = write!(
            out,
            r#"<text class="series-label series-{}" x="{}" y="{}" dominant-baseline="middle" font-size="14" font-weight="700" fill="currentColor">{}</text>"#,
            s % 5,
            number(x + 12.0),
            number(y),
            escape(&chart.series[s].name)
        );
    }
    out.push_str("</svg>");
    out
}

/// The bar chart as an `<svg>` element.
pub fn bar_chart(chart: &BarChart<'_>) -> String {
    const ROW: f64 = 34.0;
    const LABEL_W: f64 = 200.0;
    const VALUE_W: f64 = 70.0;
    let height = TOP + ROW * chart.bars.len().max(1) as f64 + 8.0;
    let max = match chart.scale {
        Scale::Count => count_axis(chart.bars.iter().map(|b| b.value).fold(0.0, f64::max)).0,
        Scale::Share => 1.0,
    };
    let bar_w = WIDTH - LABEL_W - VALUE_W - 16.0;
    let mut description = chart.summary.trim().to_owned();
    for bar in chart.bars {
        let _ = write!(
            description,
            " {}: {}.",
            bar.label,
            chart.scale.format(bar.value)
        );
    }
    description.push_str(" The table after the chart lists every value.");

    let mut out = String::new();
    open_svg(&mut out, chart.id, height, chart.title, &description);
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let w = (bar_w * (bar.value / max).clamp(0.0, 1.0)).max(0.0);
        let _ = write!(
            out,
            r#"<g class="bar" fill="currentColor"><text x="{}" y="{}" text-anchor="end" dominant-baseline="middle" font-size="14">{}</text><rect class="bar-track" x="{LABEL_W}" y="{}" width="{}" height="20" fill="none" stroke="currentColor"/><rect class="bar-fill" x="{LABEL_W}" y="{}" width="{}" height="20"/><text x="{}" y="{}" dominant-baseline="middle" font-size="14" font-weight="700">{}</text></g>"#,
            number(LABEL_W - 10.0),
            number(y + 10.0),
            escape(&bar.label),
            number(y),
            number(bar_w),
            number(y),
            number(w),
            number(LABEL_W + bar_w + 8.0),
            number(y + 10.0),
            escape(&chart.scale.format(bar.value))
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(n: usize) -> Vec<String> {
        (1..=n).map(|d| format!("Nov {d}")).collect()
    }

    #[test]
    fn a_line_chart_is_a_named_described_image_with_labels() {
        let labels = days(3);
        let series = [
            Series {
                name: "English".into(),
                values: vec![Some(2.0), Some(0.0), Some(5.0)],
            },
            Series {
                name: "Spanish".into(),
                values: vec![Some(1.0), Some(1.0), Some(1.0)],
            },
        ];
        let svg = line_chart(&LineChart {
            id: "questions",
            title: "Questions per day",
            summary: "Questions residents asked, per day and language.",
            labels: &labels,
            series: &series,
            scale: Scale::Count,
        });
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"aria-labelledby="questions-title questions-desc""#));
        assert!(svg.contains(r#"<title id="questions-title">Questions per day</title>"#));
        assert!(
            svg.contains("English: 7 in total, highest 5 on Nov 3."),
            "{svg}"
        );
        assert!(svg.contains("From Nov 1 to Nov 3."));
        // Direct labels, x labels and y ticks are text.
        assert!(svg.contains(">English</text>") && svg.contains(">Spanish</text>"));
        assert!(svg.contains(">Nov 1</text>") && svg.contains(">Nov 3</text>"));
        assert!(
            svg.contains(">0</text>") && svg.contains(">5</text>"),
            "{svg}"
        );
        // Told apart by pattern and marker, drawn in currentColor.
        assert!(svg.contains(r#"stroke-dasharray="9 5""#));
        assert!(svg.contains("<circle") && svg.contains("<rect"));
        assert!(svg.contains(r#"stroke="currentColor""#));
        assert!(!svg.contains("style="), "no inline styles under the CSP");
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn text_in_charts_is_escaped() {
        let labels = vec!["<b>day</b>".to_owned()];
        let series = [Series {
            name: r#"<script>alert("x")</script>"#.into(),
            values: vec![Some(1.0)],
        }];
        let svg = line_chart(&LineChart {
            id: r#"a"b"#,
            title: "Q & A <now>",
            summary: "It's <here>.",
            labels: &labels,
            series: &series,
            scale: Scale::Count,
        });
        assert!(!svg.contains("<script>"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        assert!(svg.contains("Q &amp; A &lt;now&gt;"));
        assert!(svg.contains(r#"id="a&quot;b-title""#));
        let bars = [Bar {
            label: "<i>es</i>".into(),
            value: 0.5,
        }];
        let svg = bar_chart(&BarChart {
            id: "c",
            title: "Coverage",
            summary: "Share translated.",
            bars: &bars,
            scale: Scale::Share,
        });
        assert!(!svg.contains("<i>"));
        assert!(svg.contains("&lt;i&gt;es&lt;/i&gt;: 50%."), "{svg}");
        assert!(svg.contains(">50%</text>"));
    }

    #[test]
    fn gaps_break_lines_and_shares_read_as_percentages() {
        let labels = days(4);
        let series = [Series {
            name: "Answered".into(),
            values: vec![Some(0.5), Some(1.0), None, Some(0.25)],
        }];
        let svg = line_chart(&LineChart {
            id: "shares",
            title: "Share answered",
            summary: "Share of questions answered.",
            labels: &labels,
            series: &series,
            scale: Scale::Share,
        });
        // One polyline for days 1–2; day 4 stands alone (a marker only).
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains(">100%</text>") && svg.contains(">25%</text>"));
        assert!(svg.contains("Answered: from 25% to 100%, highest on Nov 2."));
    }

    #[test]
    fn long_series_label_the_axis_sparingly_and_labels_do_not_overlap() {
        let labels = days(365);
        let series: Vec<Series> = (0..3)
            .map(|i| Series {
                name: format!("S{i}"),
                values: vec![Some(3.0); 365],
            })
            .collect();
        let svg = line_chart(&LineChart {
            id: "long",
            title: "A year",
            summary: "Flat.",
            labels: &labels,
            series: &series,
            scale: Scale::Count,
        });
        let x_labels = svg.matches(r#"text-anchor="middle">Nov"#).count()
            + svg.matches(r#"text-anchor="start">Nov"#).count();
        assert!(x_labels <= MAX_X_LABELS, "{x_labels}");
        // Markers only at the ends of long lines.
        assert_eq!(svg.matches("<circle").count(), 1);
        let placed = spread_labels(vec![(0, 100.0), (1, 100.0), (2, 100.0)], 18.0, 274.0);
        assert!(
            placed
                .windows(2)
                .all(|w| w[1].1 - w[0].1 >= LABEL_GAP - 1e-9)
        );
        let bottom = spread_labels(vec![(0, 274.0), (1, 274.0)], 18.0, 274.0);
        assert!(bottom.iter().all(|(_, y)| *y <= 274.0));
    }

    #[test]
    fn count_axes_end_on_round_numbers() {
        assert_eq!(count_axis(0.0), (1.0, 1.0));
        assert_eq!(count_axis(5.0), (5.0, 1.0));
        assert_eq!(count_axis(7.0), (8.0, 2.0));
        assert_eq!(count_axis(42.0), (50.0, 10.0));
        assert_eq!(count_axis(130.0), (150.0, 50.0));
    }
}
