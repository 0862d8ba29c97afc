//! What the loader passes to [`crate::start`]: the site, the server, and the page's wishes.

use wasm_bindgen::prelude::*;

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
}

impl Config {
    /// Reads `{site, base, lang?, position?}` from the loader's config object.
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
        })
    }

    /// The URL of API endpoint `path` (e.g. `/api/v1/ask`).
    pub fn endpoint(&self, path: &str) -> String {
        format!("{}{path}", self.base)
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
    fn endpoints_join_the_base() {
        let config = Config {
            site: "riverton".into(),
            base: "https://w.city.gov".into(),
            lang: None,
            side: Side::Right,
        };
        assert_eq!(
            config.endpoint("/api/v1/ask"),
            "https://w.city.gov/api/v1/ask"
        );
    }
}
