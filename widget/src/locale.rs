//! Which UI languages the widget has, and how it picks one.

/// UI languages with a `locales/<tag>/widget.ftl`. Add a tag here when a translation lands.
pub const AVAILABLE: &[&str] = &["en", "es"];

/// UI language when nothing the page or browser asks for is available.
pub const DEFAULT: &str = "en";

/// The English strings, built in: the fallback for any id a translation lacks, and the whole
/// UI when the strings cannot be fetched.
pub const BUILTIN_EN: &str = include_str!("../../locales/en/widget.ftl");

/// Picks the UI language from the requested tags, most preferred first (`data-lang`, the
/// page's `<html lang>`, then `navigator.languages`).
pub fn ui_language<S: AsRef<str>>(requested: &[S]) -> String {
    i18n::negotiate(requested, AVAILABLE, DEFAULT)
}

/// The available UI language for `tag`, if there is one (`es-MX` → `es`).
pub fn supported(tag: &str) -> Option<String> {
    let found = i18n::negotiate(&[tag], AVAILABLE, "");
    (!found.is_empty()).then_some(found)
}

/// Whether two tags name the same language (`es` and `es-MX` do).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

/// Where the server publishes the UI strings of `tag`.
pub fn catalog_url(base: &str, tag: &str) -> String {
    format!(
        "{}/widget/locales/{tag}/widget.ftl",
        base.trim_end_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_lang_wins_then_page_then_browser() {
        assert_eq!(ui_language(&["es", "en"]), "es");
        assert_eq!(ui_language(&["fr", "es-MX", "en"]), "es");
        assert_eq!(ui_language(&["de"]), "en");
        assert_eq!(ui_language::<&str>(&[]), "en");
    }

    #[test]
    fn supported_maps_regions_and_rejects_others() {
        assert_eq!(supported("es-MX").as_deref(), Some("es"));
        assert_eq!(supported("vi"), None);
    }

    #[test]
    fn languages_compare_by_primary_subtag() {
        assert!(same_language("es", "ES-mx"));
        assert!(!same_language("en", "es"));
    }

    #[test]
    fn catalog_url_joins_without_double_slash() {
        assert_eq!(
            catalog_url("https://w.city.gov/", "es"),
            "https://w.city.gov/widget/locales/es/widget.ftl"
        );
    }
}
