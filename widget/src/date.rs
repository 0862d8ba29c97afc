//! Review dates, shown in the answer's language with the browser's `Intl`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JS `Date` (own binding, so an invalid locale is a catchable error, not an abort).
    #[wasm_bindgen(js_name = Date)]
    type JsDate;

    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new(value: &str) -> JsDate;

    #[wasm_bindgen(method, catch, js_class = "Date", js_name = toLocaleDateString)]
    fn to_locale_date_string(
        this: &JsDate,
        locale: &str,
        options: &JsValue,
    ) -> Result<String, JsValue>;
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

/// `iso` (`YYYY-MM-DD`) as a long date in language `lang` ("March 3, 2026", "3 de marzo de
/// 2026"); the text as given when it is not a date or the browser cannot format it.
pub fn format_date(iso: &str, lang: &str) -> String {
    if parse_iso_date(iso).is_none() {
        return iso.to_owned();
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
}
