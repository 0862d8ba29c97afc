//! Locale negotiation: aliases, matching and text direction.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// Maps a BCP 47 tag to the form our `locales/` folders use: Filipino is served as Tagalog
/// (`fil` → `tl`), traditional-script Chinese regions and Cantonese as `zh-Hant`, other Chinese
/// as `zh-Hans`; anything else is returned canonicalised (`en-us` → `en-US`), or as given
/// when it does not parse.
pub fn normalize_tag(tag: &str) -> String {
    let tag = tag.trim().replace('_', "-");
    let Ok(id) = tag.parse::<LanguageIdentifier>() else {
        return tag;
    };
    let lang = id.language.as_str();
    match lang {
        "fil" => "tl".to_owned(),
        "yue" => "zh-Hant".to_owned(),
        "zh" => {
            let script = id.script.map(|s| s.as_str().to_owned());
            let region = id.region.map(|r| r.as_str().to_owned());
            match (script.as_deref(), region.as_deref()) {
                (Some("Hant"), _) | (None, Some("TW" | "HK" | "MO")) => "zh-Hant".to_owned(),
                _ => "zh-Hans".to_owned(),
            }
        }
        _ => id.to_string(),
    }
}

/// Picks the best of `available` for the `requested` tags (most preferred first).
///
/// Each requested tag is normalised with [`normalize_tag`]; a regional request matches its base
/// language (`es-MX` → `es`) and a base request matches a regional variant. Returns `default`
/// when nothing matches.
pub fn negotiate<R: AsRef<str>, A: AsRef<str>>(
    requested: &[R],
    available: &[A],
    default: &str,
) -> String {
    let requested: Vec<LanguageIdentifier> = requested
        .iter()
        .filter_map(|t| normalize_tag(t.as_ref()).parse().ok())
        .collect();
    let available_ids: Vec<LanguageIdentifier> = available
        .iter()
        .filter_map(|t| t.as_ref().parse().ok())
        .collect();
    let default_id: Option<LanguageIdentifier> = default.parse().ok();
    let chosen = negotiate_languages(
        &requested,
        &available_ids,
        default_id.as_ref(),
        NegotiationStrategy::Lookup,
    );
    chosen
        .first()
        .map(|id| id.to_string())
        .unwrap_or_else(|| default.to_owned())
}

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu, ...).
    Rtl,
}

impl Direction {
    /// The value for an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

/// The writing direction of `tag`'s language.
pub fn direction(tag: &str) -> Direction {
    let lang = tag.split(['-', '_']).next().unwrap_or_default();
    match lang {
        "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug" => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_mapped() {
        assert_eq!(normalize_tag("fil"), "tl");
        assert_eq!(normalize_tag("zh-TW"), "zh-Hant");
        assert_eq!(normalize_tag("zh_HK"), "zh-Hant");
        assert_eq!(normalize_tag("yue"), "zh-Hant");
        assert_eq!(normalize_tag("zh-CN"), "zh-Hans");
        assert_eq!(normalize_tag("zh"), "zh-Hans");
        assert_eq!(normalize_tag("en-us"), "en-US");
    }

    #[test]
    fn regional_request_matches_base_language() {
        assert_eq!(negotiate(&["es-MX", "en"], &["en", "es"], "en"), "es");
    }

    #[test]
    fn first_matching_preference_wins() {
        assert_eq!(negotiate(&["fr", "es", "en"], &["en", "es"], "en"), "es");
    }

    #[test]
    fn falls_back_to_default() {
        assert_eq!(negotiate(&["de"], &["en", "es"], "en"), "en");
        assert_eq!(negotiate::<&str, &str>(&[], &["en", "es"], "es"), "es");
        assert_eq!(negotiate(&["not a tag!"], &["en"], "en"), "en");
    }

    #[test]
    fn chinese_variants_negotiate_to_script_folders() {
        assert_eq!(
            negotiate(&["zh-TW"], &["en", "zh-Hans", "zh-Hant"], "en"),
            "zh-Hant"
        );
        assert_eq!(
            negotiate(&["zh-CN"], &["en", "zh-Hans", "zh-Hant"], "en"),
            "zh-Hans"
        );
    }

    #[test]
    fn direction_knows_rtl_scripts() {
        assert_eq!(direction("ar"), Direction::Rtl);
        assert_eq!(direction("ar-EG"), Direction::Rtl);
        assert_eq!(direction("es"), Direction::Ltr);
        assert_eq!(Direction::Rtl.as_str(), "rtl");
    }
}
