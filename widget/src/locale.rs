//! Which UI languages the widget has, and how it picks one.

/// UI languages with a `locales/<tag>/widget.ftl`. Add a tag here when a translation lands.
pub const AVAILABLE: &[&str] = &[
    "en", "es", "zh-Hans", "zh-Hant", "vi", "tl", "ko", "ar", "ru", "ht", "fr", "pt",
];

/// Each UI language named in itself, in the order of [`AVAILABLE`]: what the language menu
/// shows.
pub const NATIVE_NAMES: &[(&str, &str)] = &[
    ("en", "English"),
    ("es", "Español"),
    ("zh-Hans", "简体中文"),
    ("zh-Hant", "繁體中文"),
    ("vi", "Tiếng Việt"),
    ("tl", "Tagalog"),
    ("ko", "한국어"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("ht", "Kreyòl ayisyen"),
    ("fr", "Français"),
    ("pt", "Português"),
];

/// The name of UI language `tag` in itself (`es` → `Español`); the tag when it has none.
pub fn native_name(tag: &str) -> &str {
    NATIVE_NAMES
        .iter()
        .find(|(known, _)| *known == tag)
        .map_or(tag, |(_, name)| name)
}

/// UI language when nothing the page or browser asks for is available.
pub const DEFAULT: &str = "en";

/// The English strings, built in: the fallback for any id a translation lacks, and the whole
/// UI when the strings cannot be fetched. `locales/en/widget.ftl` compiled by the build script
/// into the form the server serves (see [`catalog_url`]).
pub const BUILTIN_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en.json"));

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

/// Whether two tags name the same language (`es` and `es-MX` do, and so do `fil` and `tl`).
/// Simplified and Traditional Chinese count as different: they are written differently, so
/// text in one inside the other needs its own `lang` (`zh-TW` and `zh-Hant` are the same).
pub fn same_language(a: &str, b: &str) -> bool {
    let key = |t: &str| {
        let tag = i18n::normalize_tag(t);
        if tag == "zh-Hans" || tag == "zh-Hant" {
            return tag;
        }
        tag.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    key(a) == key(b)
}

/// Where the server publishes the UI strings of `tag`: `locales/<tag>/widget.ftl` compiled to
/// JSON (see `i18n::compact`).
pub fn catalog_url(base: &str, tag: &str) -> String {
    crate::strings::concat(&[
        base.trim_end_matches('/'),
        "/widget/locales/",
        tag,
        "/widget.json",
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_lang_wins_then_page_then_browser() {
        assert_eq!(ui_language(&["es", "en"]), "es");
        assert_eq!(ui_language(&["de", "es-MX", "en"]), "es");
        assert_eq!(ui_language(&["fr", "es-MX", "en"]), "fr");
        assert_eq!(ui_language(&["de"]), "en");
        assert_eq!(ui_language::<&str>(&[]), "en");
    }

    #[test]
    fn supported_maps_regions_and_rejects_others() {
        assert_eq!(supported("es-MX").as_deref(), Some("es"));
        assert_eq!(supported("de"), None);
        assert_eq!(supported("ja-JP"), None);
    }

    #[test]
    fn every_available_tag_negotiates_to_itself() {
        for tag in AVAILABLE {
            assert_eq!(supported(tag).as_deref(), Some(*tag), "{tag}");
            assert_eq!(ui_language(&[*tag]), *tag);
        }
    }

    #[test]
    fn aliases_and_regions_reach_the_translations() {
        for (requested, expected) in [
            ("zh-TW", "zh-Hant"),
            ("zh-HK", "zh-Hant"),
            ("zh-Hant-TW", "zh-Hant"),
            ("yue", "zh-Hant"),
            ("zh", "zh-Hans"),
            ("zh-CN", "zh-Hans"),
            ("zh_SG", "zh-Hans"),
            ("fil", "tl"),
            ("fil-PH", "tl"),
            ("tl-PH", "tl"),
            ("pt-BR", "pt"),
            ("pt-PT", "pt"),
            ("ar-EG", "ar"),
            ("ar-SA", "ar"),
            ("vi-VN", "vi"),
            ("ko-KR", "ko"),
            ("ru-RU", "ru"),
            ("ht-HT", "ht"),
            ("fr-CA", "fr"),
            ("es-US", "es"),
            ("en-US", "en"),
        ] {
            assert_eq!(
                supported(requested).as_deref(),
                Some(expected),
                "{requested}"
            );
        }
        assert_eq!(ui_language(&["de-DE", "zh-TW", "en"]), "zh-Hant");
        assert_eq!(ui_language(&["fil", "en"]), "tl");
    }

    #[test]
    fn arabic_is_right_to_left_and_the_others_are_not() {
        for tag in AVAILABLE {
            let expected = if *tag == "ar" {
                i18n::Direction::Rtl
            } else {
                i18n::Direction::Ltr
            };
            assert_eq!(i18n::direction(tag), expected, "{tag}");
        }
    }

    #[test]
    fn languages_compare_by_primary_subtag() {
        assert!(same_language("es", "ES-mx"));
        assert!(!same_language("en", "es"));
        assert!(same_language("fil", "tl"));
        assert!(same_language("pt-BR", "pt"));
        assert!(same_language("ar", "ar-EG"));
    }

    #[test]
    fn the_two_written_forms_of_chinese_differ() {
        assert!(same_language("zh-TW", "zh-Hant"));
        assert!(same_language("zh-CN", "zh-Hans"));
        assert!(same_language("zh", "zh-Hans"));
        assert!(!same_language("zh-Hans", "zh-Hant"));
        assert!(!same_language("zh-HK", "zh-Hans"));
    }

    #[test]
    fn every_available_language_has_a_native_name_in_order() {
        let tags: Vec<&str> = NATIVE_NAMES.iter().map(|(tag, _)| *tag).collect();
        assert_eq!(tags, AVAILABLE);
        assert_eq!(native_name("es"), "Español");
        assert_eq!(native_name("ar"), "العربية");
        assert_eq!(native_name("de"), "de");
    }

    #[test]
    fn catalog_url_joins_without_double_slash() {
        assert_eq!(
            catalog_url("https://w.city.gov/", "es"),
            "https://w.city.gov/widget/locales/es/widget.json"
        );
    }
}
