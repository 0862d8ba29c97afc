//! Dates and times in the resident's language with the browser's `Intl`: review dates of
//! answers, and when city staff are next available (in the resident's own time zone). For a
//! language the browser cannot write dates in (Chromium has no Haitian Creole, for one), the
//! names of days and months come from the UI strings instead, so a Kreyòl answer never says
//! "Monday".

use wasm_bindgen::prelude::*;

use crate::ids;
use crate::texts::{Arg, Texts};

#[wasm_bindgen]
extern "C" {
    /// A JS `Date` (own binding, so an invalid locale is a catchable error, not an abort).
    #[wasm_bindgen(js_name = Date)]
    type JsDate;

    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new(value: &str) -> JsDate;

    /// Now.
    #[wasm_bindgen(constructor, js_class = "Date")]
    fn now() -> JsDate;

    #[wasm_bindgen(method, catch, js_class = "Date", js_name = toLocaleDateString)]
    fn to_locale_date_string(
        this: &JsDate,
        locale: &str,
        options: &JsValue,
    ) -> Result<String, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "Date", js_name = toLocaleTimeString)]
    fn to_locale_time_string(
        this: &JsDate,
        locale: &str,
        options: &JsValue,
    ) -> Result<String, JsValue>;

    #[wasm_bindgen(method, js_class = "Date", js_name = getTime)]
    fn get_time(this: &JsDate) -> f64;

    #[wasm_bindgen(method, js_class = "Date", js_name = toDateString)]
    fn to_date_string(this: &JsDate) -> String;

    #[wasm_bindgen(method, js_class = "Date", js_name = getDay)]
    fn get_day(this: &JsDate) -> u32;

    #[wasm_bindgen(method, js_class = "Date", js_name = getDate)]
    fn get_date(this: &JsDate) -> u32;

    #[wasm_bindgen(method, js_class = "Date", js_name = getMonth)]
    fn get_month(this: &JsDate) -> u32;

    #[wasm_bindgen(method, js_class = "Date", js_name = getFullYear)]
    fn get_full_year(this: &JsDate) -> u32;

    #[wasm_bindgen(catch, js_namespace = ["Intl", "DateTimeFormat"], js_name = supportedLocalesOf)]
    fn date_locales_of(locale: &str) -> Result<js_sys::Array, JsValue>;
}

/// Whether the browser writes dates in `lang` itself (rather than in its own default language).
fn browser_writes_dates_in(lang: &str) -> bool {
    date_locales_of(lang).is_ok_and(|found| found.length() > 0)
}

/// A date in the UI strings' own words: "30 novanm 2026", with the weekday when given.
fn spelled_date(
    texts: &Texts,
    (year, month, day): (u32, u32, u32),
    weekday: Option<u32>,
) -> String {
    let number = |n: u32| n.to_string();
    let (year_text, day_text) = (number(year), number(day));
    let month_name = texts.format_args(
        ids::DATE_MONTH,
        &[("month", Arg::Number(f64::from(month), &number(month)))],
    );
    let mut args = vec![
        ("day", Arg::Number(f64::from(day), &day_text)),
        ("month", Arg::Text(&month_name)),
        ("year", Arg::Number(f64::from(year), &year_text)),
    ];
    let Some(weekday) = weekday else {
        return texts.format_args(ids::DATE_LONG, &args);
    };
    let weekday_name = weekday_name(texts, weekday);
    args.push(("weekday", Arg::Text(&weekday_name)));
    texts.format_args(ids::DATE_LONG_WEEKDAY, &args)
}

/// The name of weekday `weekday` (0 Sunday … 6 Saturday) in the UI strings.
fn weekday_name(texts: &Texts, weekday: u32) -> String {
    texts.format_args(
        ids::DATE_WEEKDAY,
        &[(
            "weekday",
            Arg::Number(f64::from(weekday), &weekday.to_string()),
        )],
    )
}

/// Beyond this many days ahead, the day is given with its date, not only its weekday.
pub const WEEKDAY_ONLY_DAYS: f64 = 6.0;

/// When staff are next available, as the resident reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextOpen {
    /// Later today (in the resident's time zone): only the time is said.
    pub today: bool,
    /// The weekday ("Monday"), with the date when more than a week ahead.
    pub day: String,
    /// The time of day ("8:00 AM", "8:00").
    pub time: String,
}

/// Whether `text` has the shape of an RFC 3339 date-time with a time zone
/// (`2026-11-30T08:00:00-06:00`, `…Z`), the only form `next_open` is given in.
pub fn is_rfc3339(text: &str) -> bool {
    let text = text.trim();
    let (Some(date), Some(rest)) = (text.get(..10), text.get(10..)) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(['T', 't']) else {
        return false;
    };
    let zoned = rest.ends_with(['Z', 'z'])
        || rest
            .get(rest.len().saturating_sub(6)..)
            .is_some_and(|zone| {
                zone.starts_with(['+', '-']) && zone.as_bytes().get(3) == Some(&b':')
            });
    let clock = rest.as_bytes();
    parse_iso_date(date).is_some()
        && zoned
        && clock.len() >= 6
        && clock[..2].iter().all(u8::is_ascii_digit)
        && clock[2] == b':'
        && clock[3..5].iter().all(u8::is_ascii_digit)
}

/// `next_open` (RFC 3339, the city's offset) in the resident's own time zone and the language
/// of `texts`; `None` when it is not a date-time, is already past, or the browser cannot
/// format it.
pub fn next_open(iso: &str, texts: &Texts) -> Option<NextOpen> {
    let lang = texts.lang();
    if !is_rfc3339(iso) {
        return None;
    }
    let when = JsDate::new(iso.trim());
    let now = JsDate::now();
    let ahead_ms = when.get_time() - now.get_time();
    // A moment already past says nothing about when staff are back.
    if ahead_ms.is_nan() || ahead_ms <= 0.0 {
        return None;
    }
    let options = |pairs: &[(&str, &str)]| {
        let options = js_sys::Object::new();
        for (key, value) in pairs {
            js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value))
                .ok()?;
        }
        Some(JsValue::from(options))
    };
    let far = ahead_ms > WEEKDAY_ONLY_DAYS * 86_400_000.0;
    let (time, day) = if browser_writes_dates_in(lang) {
        let time = when
            .to_locale_time_string(
                lang,
                &options(&[("hour", "numeric"), ("minute", "2-digit")])?,
            )
            .ok()?;
        let day_options = if far {
            options(&[("weekday", "long"), ("month", "long"), ("day", "numeric")])?
        } else {
            options(&[("weekday", "long")])?
        };
        (time, when.to_locale_date_string(lang, &day_options).ok()?)
    } else {
        // A 24-hour clock reads the same in any language; the names come from the strings.
        let time = when
            .to_locale_time_string(
                "en-GB",
                &options(&[
                    ("hour", "2-digit"),
                    ("minute", "2-digit"),
                    ("hourCycle", "h23"),
                ])?,
            )
            .ok()?;
        let weekday = when.get_day();
        let day = if far {
            let date = (when.get_full_year(), when.get_month() + 1, when.get_date());
            spelled_date(texts, date, Some(weekday))
        } else {
            weekday_name(texts, weekday)
        };
        (time, day)
    };
    Some(NextOpen {
        today: when.to_date_string() == now.to_date_string(),
        day,
        time,
    })
}

/// Parses a `YYYY-MM-DD` date into (year, month, day), checking the day exists.
pub fn parse_iso_date(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.trim().splitn(3, '-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (year, month, day) = (next(4)?, next(2)?, next(2)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some((year, month, day))
}

/// `iso` (`YYYY-MM-DD`) as a long date in the language of `texts` ("March 3, 2026", "3 de
/// marzo de 2026"); the text as given when it is not a date or the browser cannot format it.
pub fn format_date(iso: &str, texts: &Texts) -> String {
    let Some(date) = parse_iso_date(iso) else {
        return iso.to_owned();
    };
    let lang = texts.lang();
    if !browser_writes_dates_in(lang) {
        return spelled_date(texts, date, None);
    }
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value))
    };
    if set("dateStyle", "long").is_err() || set("timeZone", "UTC").is_err() {
        return iso.to_owned();
    }
    // A bare `YYYY-MM-DD` is midnight UTC: format it in UTC so no time zone shifts the day.
    JsDate::new(iso.trim())
        .to_locale_date_string(lang, &options)
        .unwrap_or_else(|_| iso.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(parse_iso_date("2026-03-01"), Some((2026, 3, 1)));
        assert_eq!(parse_iso_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_iso_date("2025-02-29"), None);
        assert_eq!(parse_iso_date("2026-13-01"), None);
        assert_eq!(parse_iso_date("2026-3-1"), None);
        assert_eq!(parse_iso_date("yesterday"), None);
    }

    #[test]
    fn next_open_must_be_a_zoned_date_time() {
        assert!(is_rfc3339("2026-11-30T08:00:00-06:00"));
        assert!(is_rfc3339("2026-11-30T14:00:00Z"));
        assert!(is_rfc3339("2026-11-30T14:00:00.250+01:00"));
        assert!(!is_rfc3339("2026-11-30T08:00:00"));
        assert!(!is_rfc3339("2026-11-30"));
        assert!(!is_rfc3339("2026-02-30T08:00:00Z"));
        assert!(!is_rfc3339("Monday 8am"));
        assert!(!is_rfc3339("2026-11-30T8:0Z"));
        assert!(!is_rfc3339("ééééééééééé"));
    }
}
