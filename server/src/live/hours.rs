//! Office hours: whether staff work now, and when they are next in, in the city's time zone,
//! honouring holidays.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use crate::config::LiveConfig;

/// A site's weekly office hours and holidays.
#[derive(Debug, Clone)]
pub struct OfficeHours {
    tz: Tz,
    /// Per weekday (Monday first): `[start, end)` in minutes after midnight, sorted.
    weekly: [Vec<(u32, u32)>; 7],
    holidays: BTreeSet<NaiveDate>,
}

/// How far ahead [`OfficeHours::next_open`] looks.
const HORIZON_DAYS: i64 = 400;

impl OfficeHours {
    /// Reads `[sites.live]` for a city in time zone `timezone`; the error says what is wrong.
    pub fn new(timezone: &str, live: &LiveConfig) -> Result<Self, String> {
        let tz: Tz = timezone.parse().map_err(|_| {
            format!("unknown time zone {timezone:?} (use an IANA name such as \"America/Chicago\")")
        })?;
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let mut weekly: [Vec<(u32, u32)>; 7] = Default::default();
        for (day, spans) in live.hours.days().into_iter().enumerate() {
            for span in spans {
                let parsed = parse_span(span).ok_or_else(|| {
                    format!(
                        "[sites.live.hours] {}: {span:?} is not \"HH:MM-HH:MM\" with the start before the end",
                        names[day]
                    )
                })?;
                weekly[day].push(parsed);
            }
            weekly[day].sort_unstable();
        }
        Ok(Self {
            tz,
            weekly,
            holidays: live.holidays.iter().copied().collect(),
        })
    }

    /// The city's time zone.
    pub fn timezone(&self) -> Tz {
        self.tz
    }

    /// Whether `now` falls within office hours (and not on a holiday).
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        let local = now.with_timezone(&self.tz);
        if self.holidays.contains(&local.date_naive()) {
            return false;
        }
        let minute = local.hour() * 60 + local.minute();
        self.spans(local.date_naive())
            .iter()
            .any(|&(start, end)| start <= minute && minute < end)
    }

    /// The next moment office hours begin after `now` (city time), or `None` when no hours
    /// are configured within a year.
    pub fn next_open(&self, now: DateTime<Utc>) -> Option<DateTime<Tz>> {
        let local = now.with_timezone(&self.tz);
        let today = local.date_naive();
        let minute = local.hour() * 60 + local.minute();
        for offset in 0..HORIZON_DAYS {
            let date = today + Duration::days(offset);
            if self.holidays.contains(&date) {
                continue;
            }
            for &(start, _) in self.spans(date) {
                if offset == 0 && start <= minute {
                    continue;
                }
                if let Some(at) = self.local_time(date, start) {
                    return Some(at);
                }
            }
        }
        None
    }

    fn spans(&self, date: NaiveDate) -> &[(u32, u32)] {
        &self.weekly[date.weekday().num_days_from_monday() as usize]
    }

    /// `date` at `minute` after midnight in the city; a time skipped by a daylight-saving
    /// change becomes the first valid minute after it.
    fn local_time(&self, date: NaiveDate, minute: u32) -> Option<DateTime<Tz>> {
        let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0)?;
        let naive = date.and_time(time);
        (0..=120).find_map(|shift| {
            self.tz
                .from_local_datetime(&(naive + Duration::minutes(shift)))
                .earliest()
        })
    }
}

/// `"08:00-17:30"` → `(480, 1050)`; `"24:00"` is allowed as an end.
fn parse_span(span: &str) -> Option<(u32, u32)> {
    let (start, end) = span.split_once('-')?;
    let minutes = |t: &str| -> Option<u32> {
        let (h, m) = t.trim().split_once(':')?;
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
    };
    let (start, end) = (minutes(start)?, minutes(end)?);
    (start < end && start < 24 * 60).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(toml_text: &str) -> OfficeHours {
        let live: LiveConfig = toml::from_str(toml_text).unwrap();
        OfficeHours::new("America/Chicago", &live).unwrap()
    }

    fn weekdays() -> OfficeHours {
        hours(
            r#"holidays = ["2026-11-26"]
[hours]
mon = ["08:00-12:00", "13:00-17:00"]
tue = ["08:00-17:00"]
wed = ["08:00-17:00"]
thu = ["08:00-17:00"]
fri = ["08:00-17:00"]"#,
        )
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn open_within_a_span_in_city_time() {
        let h = weekdays();
        // Tuesday 2026-11-24 09:00 in Chicago is 15:00 UTC.
        assert!(h.is_open(utc("2026-11-24T15:00:00Z")));
        // 07:59 Chicago.
        assert!(!h.is_open(utc("2026-11-24T13:59:00Z")));
        // Monday lunch break 12:30 Chicago.
        assert!(!h.is_open(utc("2026-11-23T18:30:00Z")));
    }

    #[test]
    fn holidays_are_closed_and_skipped() {
        let h = weekdays();
        // Thanksgiving, Thursday 2026-11-26 10:00 Chicago.
        assert!(!h.is_open(utc("2026-11-26T16:00:00Z")));
        let next = h.next_open(utc("2026-11-26T16:00:00Z")).unwrap();
        assert_eq!(next.to_rfc3339(), "2026-11-27T08:00:00-06:00");
    }

    #[test]
    fn friday_evening_opens_monday_morning() {
        let h = weekdays();
        // Friday 2026-11-27 18:00 Chicago.
        let next = h.next_open(utc("2026-11-28T00:00:00Z")).unwrap();
        assert_eq!(next.to_rfc3339(), "2026-11-30T08:00:00-06:00");
    }

    #[test]
    fn lunch_break_reopens_the_same_day() {
        let next = weekdays().next_open(utc("2026-11-23T18:30:00Z")).unwrap();
        assert_eq!(next.to_rfc3339(), "2026-11-23T13:00:00-06:00");
    }

    #[test]
    fn daylight_saving_is_honoured() {
        // Monday 2026-06-01 08:00 Chicago is CDT (-05:00).
        let next = weekdays().next_open(utc("2026-06-01T06:00:00Z")).unwrap();
        assert_eq!(next.to_rfc3339(), "2026-06-01T08:00:00-05:00");
    }

    #[test]
    fn no_hours_means_never() {
        let h = hours("");
        assert!(!h.is_open(utc("2026-11-24T15:00:00Z")));
        assert_eq!(h.next_open(utc("2026-11-24T15:00:00Z")), None);
    }

    #[test]
    fn round_the_clock() {
        let h = hours(
            r#"[hours]
mon = ["00:00-24:00"]"#,
        );
        assert!(h.is_open(utc("2026-11-24T05:59:00Z")));
        assert!(!h.is_open(utc("2026-11-24T06:00:00Z")));
    }

    #[test]
    fn bad_spans_and_zones_are_explained() {
        let live: LiveConfig = toml::from_str("[hours]\nmon = [\"17:00-08:00\"]").unwrap();
        let err = OfficeHours::new("America/Chicago", &live).unwrap_err();
        assert!(err.contains("mon") && err.contains("17:00-08:00"), "{err}");
        let live: LiveConfig = toml::from_str("").unwrap();
        let err = OfficeHours::new("Mars/Olympus", &live).unwrap_err();
        assert!(err.contains("Mars/Olympus"), "{err}");
        for bad in ["8-17", "08:00", "08:60-09:00", "24:30-25:00"] {
            assert_eq!(parse_span(bad), None, "{bad}");
        }
    }
}
