//! What the loader passes to [`crate::start`]: the site, the server, and the page's wishes.

use wasm_bindgen::prelude::*;

use crate::theme::{self, Rgb};

/// Seconds without a touch or key before a kiosk warns that it will clear the screen.
pub const DEFAULT_IDLE_SECONDS: u32 = 120;
/// The shortest and longest inactivity a kiosk accepts (`data-idle-seconds`).
pub const IDLE_SECONDS: std::ops::RangeInclusive<u32> = 3..=3600;

/// Which bottom corner the launcher and the panel sit in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Bottom right (the default in left-to-right pages).
    Right,
    /// Bottom left (the default in right-to-left pages).
    Left,
}

impl Side {
    /// Reads `data-position` (`left`, `bottom-left`, `right`, `bottom-right`); anything else
    /// is the right side.
    pub fn parse(position: &str) -> Self {
        match position.trim().to_ascii_lowercase().as_str() {
            "left" | "bottom-left" | "start" => Self::Left,
            _ => Self::Right,
        }
    }

    /// The CSS class that places an element on this side.
    pub fn class(self) -> &'static str {
        match self {
            Self::Right => "right",
            Self::Left => "left",
        }
    }
}

/// The widget's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Site id (`data-site`).
    pub site: String,
    /// The server's base URL, without a trailing slash (`https://wayfinder.city.gov`).
    pub base: String,
    /// UI language the page asks for (`data-lang`), if any.
    pub lang: Option<String>,
    /// Which corner to use.
    pub side: Side,
    /// The city's accent colour (`data-color`), before contrast correction.
    pub color: Option<Rgb>,
    /// The city's own dialog heading and launcher text (`data-title`), shown as given.
    pub title: Option<String>,
    /// Whether the widget runs on a public kiosk (`data-mode="kiosk"`): full screen, nothing
    /// stored, cleared after inactivity.
    pub kiosk: bool,
    /// On a kiosk, seconds of inactivity before the warning (`data-idle-seconds`).
    pub idle_seconds: u32,
}

/// Reads `data-idle-seconds` (as the loader's number): whole seconds within
/// [`IDLE_SECONDS`], else the default.
pub fn idle_seconds(seconds: f64) -> u32 {
    // `as` saturates, and turns NaN (no number) into 0.
    let whole = seconds as u32;
    if IDLE_SECONDS.contains(&whole) {
        whole
    } else {
        DEFAULT_IDLE_SECONDS
    }
}

impl Config {
    /// Reads `{site, base, lang?, position?, color?, title?, mode?, idle?}` from the loader's
    /// config object. A `color` that is not a CSS hex colour is ignored (the loader warns).
    pub fn from_js(value: &JsValue) -> Result<Self, JsValue> {
        let field = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        let site = field("site").ok_or_else(|| JsValue::from_str("wayfinder: no site given"))?;
        let base = field("base").ok_or_else(|| JsValue::from_str("wayfinder: no base given"))?;
        Ok(Self {
            site,
            base: base.trim_end_matches('/').to_owned(),
            lang: field("lang"),
            side: field("position").map_or(Side::Right, |p| Side::parse(&p)),
            color: field("color").and_then(|c| theme::parse(&c)),
            title: field("title"),
            kiosk: field("mode").as_deref() == Some("kiosk"),
            idle_seconds: idle_seconds(
                js_sys::Reflect::get(value, &JsValue::from_str("idle"))
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0),
            ),
        })
    }

    /// The URL of API endpoint `path` (e.g. `/api/v1/ask`).
    pub fn endpoint(&self, path: &str) -> String {
        crate::strings::concat(&[&self.base, path])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_parse_with_right_as_default() {
        assert_eq!(Side::parse("bottom-left"), Side::Left);
        assert_eq!(Side::parse(" LEFT "), Side::Left);
        assert_eq!(Side::parse("right"), Side::Right);
        assert_eq!(Side::parse("middle"), Side::Right);
        assert_eq!(Side::Left.class(), "left");
    }

    #[test]
    fn idle_seconds_stay_in_range() {
        assert_eq!(idle_seconds(45.0), 45);
        assert_eq!(idle_seconds(3.0), 3);
        assert_eq!(idle_seconds(2.0), DEFAULT_IDLE_SECONDS);
        assert_eq!(idle_seconds(99_999.0), DEFAULT_IDLE_SECONDS);
        assert_eq!(idle_seconds(f64::NAN), DEFAULT_IDLE_SECONDS);
        assert_eq!(idle_seconds(-5.0), DEFAULT_IDLE_SECONDS);
    }

    #[test]
    fn endpoints_join_the_base() {
        let config = Config {
            site: "riverton".into(),
            base: "https://w.city.gov".into(),
            lang: None,
            side: Side::Right,
            color: None,
            title: None,
            kiosk: false,
            idle_seconds: DEFAULT_IDLE_SECONDS,
        };
        assert_eq!(
            config.endpoint("/api/v1/ask"),
            "https://w.city.gov/api/v1/ask"
        );
    }
}
