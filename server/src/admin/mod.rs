//! What a site's content editors see at `/admin`: knowledge gaps, feedback per entry, the
//! most asked questions, translation coverage and trends, as JSON (`/admin/api/...`) and as
//! accessible server-rendered pages. The HTTP side is in [`crate::routes::admin`]; this module
//! computes and renders.
//!
//! - [`report`]: the figures, from the store ([`crate::store::InsightsStore`]), the serving
//!   index and the content files.
//! - [`gaps`]: grouping similar questions per language.
//! - [`drafts`]: writing a draft entry for a gap, in the content format editors edit.
//! - [`charts`]: line and bar charts as SVG, readable without colour.
//! - [`pages`]: the HTML pages (escaping is [`crate::html`]).
//!
//! Every figure covers a window of whole days in the city's time zone: the last
//! [`DEFAULT_DAYS`] days (today included) unless `?days=` asks for 1 to [`MAX_DAYS`].

pub mod charts;
pub mod drafts;
pub mod gaps;
pub mod pages;
pub mod report;

use axum::http::StatusCode;
use chrono::{DateTime, Duration, NaiveDate, TimeZone as _, Utc};
use chrono_tz::Tz;
use protocol::ErrorCode;

use crate::error::ApiError;

/// Days covered when the request does not say.
pub const DEFAULT_DAYS: u32 = 30;

/// The longest window a request may ask for (`?days=`).
pub const MAX_DAYS: u32 = 365;

/// An answer that found less than this share of the question's search terms counts as
/// low-confidence, a knowledge gap worth an editor's look.
///
/// The decision hands off below `min_coverage` (0.3 in `server/decision-model.json`); answers
/// between that and one half matched fewer than half of what the resident asked about, which
/// is where wrong or partial answers concentrate.
pub const LOW_COVERAGE: f32 = 0.5;

/// The period a report covers: whole days in the site's time zone, ending today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Number of days, today included.
    pub days: u32,
    /// The site's time zone, in which days are counted.
    pub tz: Tz,
    /// The first day.
    pub first_day: NaiveDate,
    /// The last day (today).
    pub last_day: NaiveDate,
    /// When the first day began, the lower bound of every query.
    pub since: DateTime<Utc>,
}

impl Window {
    /// The `days` days ending on the day `now` falls on in `tz`.
    pub fn new(days: u32, tz: Tz, now: DateTime<Utc>) -> Self {
        let days = days.clamp(1, MAX_DAYS);
        let last_day = now.with_timezone(&tz).date_naive();
        let first_day = last_day - Duration::days(i64::from(days) - 1);
        let midnight = first_day.and_hms_opt(0, 0, 0).unwrap_or_default();
        // Where midnight does not exist (a DST jump), the day starts at its first instant.
        let since = tz
            .from_local_datetime(&midnight)
            .earliest()
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc));
        Self {
            days,
            tz,
            first_day,
            last_day,
            since,
        }
    }

    /// The window for `site_timezone` (an IANA name; UTC when it is not one) ending now.
    pub fn for_site(days: u32, site_timezone: &str) -> Self {
        Self::new(days, site_timezone.parse().unwrap_or(Tz::UTC), Utc::now())
    }

    /// Every day of the window, oldest first.
    pub fn dates(&self) -> Vec<NaiveDate> {
        self.first_day
            .iter_days()
            .take_while(|d| *d <= self.last_day)
            .collect()
    }

    /// The day (in the site's time zone) an instant falls on.
    pub fn day_of(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }
}

/// Reads `?days=`: absent means [`DEFAULT_DAYS`]; anything but a whole number from 1 to
/// [`MAX_DAYS`] is 422 `invalid_field`.
pub fn parse_days(raw: Option<&str>) -> Result<u32, ApiError> {
    parse_bounded(raw, "days", DEFAULT_DAYS, MAX_DAYS)
}

/// Reads a whole-number query parameter from 1 to `max`, `default` when absent.
pub fn parse_bounded(
    raw: Option<&str>,
    name: &str,
    default: u32,
    max: u32,
) -> Result<u32, ApiError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(default);
    };
    raw.parse::<u32>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidField,
                format!("`{name}` must be a whole number from 1 to {max}"),
            )
        })
}

/// The English name of a language tag, for the pages ("Spanish"); the tag itself when it is
/// not one Wayfinder ships.
pub fn language_name(tag: &str) -> String {
    let name = match tag {
        "en" => "English",
        "es" => "Spanish",
        "zh-Hans" => "Chinese (Simplified)",
        "zh-Hant" => "Chinese (Traditional)",
        "zh" => "Chinese",
        "vi" => "Vietnamese",
        "tl" | "fil" => "Tagalog",
        "ko" => "Korean",
        "ar" => "Arabic",
        "ru" => "Russian",
        "ht" => "Haitian Creole",
        "fr" => "French",
        "pt" => "Portuguese",
        "de" => "German",
        "it" => "Italian",
        "ja" => "Japanese",
        "so" => "Somali",
        "hmn" => "Hmong",
        _ => return tag.to_owned(),
    };
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_whole_local_days_ending_today() {
        let tz: Tz = "America/Chicago".parse().unwrap();
        // 03:30 UTC on Nov 27 is still Nov 26 in Chicago (UTC-6).
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 3, 30, 0).unwrap();
        let window = Window::new(30, tz, now);
        assert_eq!(
            window.last_day,
            NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
        );
        assert_eq!(
            window.first_day,
            NaiveDate::from_ymd_opt(2026, 10, 28).unwrap()
        );
        assert_eq!(window.dates().len(), 30);
        // Local midnight of Oct 28 (CDT, UTC-5) is 05:00 UTC.
        assert_eq!(
            window.since,
            Utc.with_ymd_and_hms(2026, 10, 28, 5, 0, 0).unwrap()
        );
        assert_eq!(window.day_of(now), window.last_day);
        assert_eq!(Window::new(1, tz, now).dates().len(), 1);
    }

    #[test]
    fn days_must_be_in_range() {
        assert_eq!(parse_days(None).unwrap(), DEFAULT_DAYS);
        assert_eq!(parse_days(Some("7")).unwrap(), 7);
        assert_eq!(parse_days(Some("365")).unwrap(), 365);
        for bad in ["0", "366", "-1", "seven", "1.5"] {
            assert!(parse_days(Some(bad)).is_err(), "{bad}");
        }
    }
}
