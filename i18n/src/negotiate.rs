//! Locale negotiation: aliases, matching and text direction.
//!
//! Tags are parsed and matched here without a locale library, so the widget's wasm carries
//! none: parsing follows `unic-langid` (language, script, region, variants; `-` or `_`), and
//! matching follows `fluent-langneg`'s lookup strategy step by step, including its few
//! built-in likely subtags. The tests check both against those crates on thousands of tags.

/// A parsed BCP 47 language identifier in canonical case.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LangId {
    /// Lowercase; `None` for `und`.
    language: Option<String>,
    /// Title case (`Hant`).
    script: Option<String>,
    /// Uppercase letters (`MX`) or three digits (`419`).
    region: Option<String>,
    /// Lowercase, sorted, without duplicates.
    variants: Vec<String>,
}

impl std::fmt::Display for LangId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.language.as_deref().unwrap_or("und"))?;
        for subtag in self.script.iter().chain(&self.region).chain(&self.variants) {
            f.write_str("-")?;
            f.write_str(subtag)?;
        }
        Ok(())
    }
}

/// Whether `part` fits in `max` ASCII bytes without NUL (what every subtag must be).
fn plain(part: &[u8], max: usize) -> bool {
    part.len() <= max && part.iter().all(|b| *b != 0 && b.is_ascii())
}

fn text(part: &[u8]) -> String {
    part.iter().map(|b| char::from(*b)).collect()
}

/// A language subtag: `Some(None)` for `und`, `None` when `part` is not one.
fn language(part: &[u8]) -> Option<Option<String>> {
    let len = part.len();
    let valid = plain(part, 8)
        && (2..=8).contains(&len)
        && len != 4
        && part.iter().all(u8::is_ascii_alphabetic);
    if !valid {
        return None;
    }
    let lower = text(part).to_ascii_lowercase();
    Some((lower != "und").then_some(lower))
}

fn script(part: &[u8]) -> Option<String> {
    if !(plain(part, 4) && part.len() == 4 && part.iter().all(u8::is_ascii_alphabetic)) {
        return None;
    }
    let lower = text(part).to_ascii_lowercase();
    let mut chars = lower.chars();
    let first = chars.next()?.to_ascii_uppercase();
    Some(std::iter::once(first).chain(chars).collect())
}

fn region(part: &[u8]) -> Option<String> {
    match part.len() {
        2 if plain(part, 4) && part.iter().all(u8::is_ascii_alphabetic) => {
            Some(text(part).to_ascii_uppercase())
        }
        3 if plain(part, 4) && part.iter().all(u8::is_ascii_digit) => Some(text(part)),
        _ => None,
    }
}

fn variant(part: &[u8]) -> Option<String> {
    let len = part.len();
    if !(4..=8).contains(&len) || !plain(part, 8) {
        return None;
    }
    let alphanumeric = |bytes: &[u8]| bytes.iter().all(u8::is_ascii_alphanumeric);
    let rejected = (len >= 5 && !alphanumeric(part))
        || (len == 4 && !part[0].is_ascii_digit() && !alphanumeric(&part[1..]));
    (!rejected).then(|| text(part).to_ascii_lowercase())
}

/// Parses `tag` as `unic-langid` does; `None` when it is not a language identifier.
fn parse(tag: &str) -> Option<LangId> {
    let mut parts = tag
        .as_bytes()
        .split(|b| *b == b'-' || *b == b'_')
        .peekable();
    let mut id = LangId {
        language: language(parts.next()?)?,
        script: None,
        region: None,
        variants: Vec::new(),
    };
    // 1: a script, region or variant may follow; 2: a region or variant; 3: variants only.
    let mut position = 1;
    while let Some(part) = parts.peek() {
        if let Some(found) = script(part).filter(|_| position == 1) {
            id.script = Some(found);
            position = 2;
        } else if let Some(found) = region(part).filter(|_| position < 3) {
            id.region = Some(found);
            position = 3;
        } else if let Some(found) = variant(part) {
            // Kept sorted, each once.
            if let Err(at) = id.variants.binary_search(&found) {
                id.variants.insert(at, found);
            }
            position = 3;
        } else {
            break;
        }
        parts.next();
    }
    if parts.peek().is_some() {
        return None;
    }
    Some(id)
}

/// Maps a BCP 47 tag to the form our `locales/` folders use: Filipino is served as Tagalog
/// (`fil` → `tl`), traditional-script Chinese regions and Cantonese as `zh-Hant`, other Chinese
/// as `zh-Hans`; anything else is returned canonicalised (`en-us` → `en-US`), or as given
/// when it does not parse.
pub fn normalize_tag(tag: &str) -> String {
    let tag = tag.trim().replace('_', "-");
    let Some(id) = parse(&tag) else {
        return tag;
    };
    match id.language.as_deref() {
        Some("fil") => "tl".to_owned(),
        Some("yue") => "zh-Hant".to_owned(),
        Some("zh") => match (id.script.as_deref(), id.region.as_deref()) {
            (Some("Hant"), _) | (None, Some("TW" | "HK" | "MO")) => "zh-Hant".to_owned(),
            _ => "zh-Hans".to_owned(),
        },
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
    let requested: Vec<LangId> = requested
        .iter()
        .filter_map(|t| parse(&normalize_tag(t.as_ref())))
        .collect();
    let available: Vec<LangId> = available.iter().filter_map(|t| parse(t.as_ref())).collect();
    match lookup(&requested, &available) {
        Some(found) => found.to_string(),
        None => parse(default).map_or_else(|| default.to_owned(), |id| id.to_string()),
    }
}

/// Whether `available` matches `requested`, each side's missing subtags matching anything
/// when it is taken as a range.
fn matches(
    available: &LangId,
    requested: &LangId,
    available_range: bool,
    requested_range: bool,
) -> bool {
    fn subtag(a: &Option<String>, b: &Option<String>, a_range: bool, b_range: bool) -> bool {
        (a_range && a.is_none()) || (b_range && b.is_none()) || a == b
    }
    subtag(
        &available.language,
        &requested.language,
        available_range,
        requested_range,
    ) && subtag(
        &available.script,
        &requested.script,
        available_range,
        requested_range,
    ) && subtag(
        &available.region,
        &requested.region,
        available_range,
        requested_range,
    ) && ((available_range && available.variants.is_empty())
        || (requested_range && requested.variants.is_empty())
        || available.variants == requested.variants)
}

/// The likely subtags `fluent-langneg` knows without CLDR data; whether `id` changed.
fn maximize(id: &mut LangId) -> bool {
    let (language, script, region) = match id.to_string().as_str() {
        "en" => ("en", "Latn", "US"),
        "fr" => ("fr", "Latn", "FR"),
        "sr" => ("sr", "Cyrl", "SR"),
        "sr-RU" => ("sr", "Latn", "SR"),
        "az-IR" => ("az", "Arab", "IR"),
        "zh-GB" => ("zh", "Hant", "GB"),
        "zh-US" => ("zh", "Hant", "US"),
        _ => {
            const REGION_MATCHING: &[&str] = &[
                "az", "bg", "cs", "de", "es", "fi", "fr", "hu", "it", "lt", "lv", "nl", "pl", "ro",
                "ru",
            ];
            let Some(language) = id.language.as_deref() else {
                return false;
            };
            if !REGION_MATCHING.contains(&language) {
                return false;
            }
            id.region = Some(language.to_ascii_uppercase());
            return true;
        }
    };
    id.language = Some(language.to_owned());
    id.script = Some(script.to_owned());
    id.region = Some(region.to_owned());
    true
}

/// `fluent-langneg`'s lookup: the first available identifier matching the first requested
/// one that matches any, trying exact matches, then ranges, then likely subtags.
fn lookup<'a>(requested: &[LangId], available: &'a [LangId]) -> Option<&'a LangId> {
    for wanted in requested {
        let mut wanted = wanted.clone();
        let find = |wanted: &LangId, available_range: bool, requested_range: bool| {
            available
                .iter()
                .find(|a| matches(a, wanted, available_range, requested_range))
        };
        if let Some(found) = find(&wanted, false, false).or_else(|| find(&wanted, true, false)) {
            return Some(found);
        }
        if wanted.language.is_none() {
            continue;
        }
        if maximize(&mut wanted)
            && let Some(found) = find(&wanted, true, false)
        {
            return Some(found);
        }
        wanted.variants.clear();
        if let Some(found) = find(&wanted, true, true) {
            return Some(found);
        }
        wanted.region = None;
        if maximize(&mut wanted)
            && let Some(found) = find(&wanted, true, false)
        {
            return Some(found);
        }
        wanted.region = None;
        if let Some(found) = find(&wanted, true, true) {
            return Some(found);
        }
    }
    None
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
    fn tags_parse_and_print_canonically() {
        assert_eq!(normalize_tag("EN-latn-us"), "en-Latn-US");
        assert_eq!(normalize_tag("es_419"), "es-419");
        assert_eq!(normalize_tag(" ca-es-VALENCIA "), "ca-ES-valencia");
        assert_eq!(normalize_tag("de-1996-1901-1996"), "de-1901-1996");
        assert_eq!(normalize_tag("en-US-x-private"), "en-US-x-private");
        assert_eq!(normalize_tag("und-Hant"), "und-Hant");
        assert_eq!(normalize_tag(""), "");
    }

    #[test]
    fn direction_knows_rtl_scripts() {
        assert_eq!(direction("ar"), Direction::Rtl);
        assert_eq!(direction("ar-EG"), Direction::Rtl);
        assert_eq!(direction("es"), Direction::Ltr);
        assert_eq!(Direction::Rtl.as_str(), "rtl");
    }
}

/// The same functions on `unic-langid` and `fluent-langneg`, as they were written before:
/// the lean ones must agree with them on every tag tried.
#[cfg(all(test, feature = "fluent"))]
mod oracle {
    use fluent_langneg::{NegotiationStrategy, negotiate_languages};
    use unic_langid::LanguageIdentifier;

    fn normalize_tag(tag: &str) -> String {
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

    fn negotiate(requested: &[&str], available: &[&str], default: &str) -> String {
        let requested: Vec<LanguageIdentifier> = requested
            .iter()
            .filter_map(|t| normalize_tag(t).parse().ok())
            .collect();
        let available_ids: Vec<LanguageIdentifier> =
            available.iter().filter_map(|t| t.parse().ok()).collect();
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

    /// Tags built from ordinary, odd and broken subtags.
    fn corpus() -> Vec<String> {
        let languages = [
            "",
            "en",
            "EN",
            "es",
            "zh",
            "Zh",
            "yue",
            "fil",
            "tl",
            "sr",
            "az",
            "fr",
            "de",
            "und",
            "ar",
            "pt",
            "ko",
            "ht",
            "e",
            "eng",
            "engl",
            "english",
            "toolongxx",
            "e1",
            "root",
            "i",
            "x",
            "é",
        ];
        let scripts = ["", "Latn", "hant", "HANS", "Cyrl", "Arab", "Ab1d", "abcd"];
        let regions = [
            "", "US", "mx", "TW", "HK", "MO", "CN", "SG", "BR", "419", "GB", "RU", "IR", "1", "ABC",
        ];
        let variants = [
            "",
            "valencia",
            "1996",
            "1!!!",
            "x",
            "u-ca-buddhist",
            "1996-valencia-1996",
            "a\0cd",
        ];
        let mut tags = Vec::new();
        for language in languages {
            for script in scripts {
                for region in regions {
                    for variant in variants {
                        let parts: Vec<&str> = [language, script, region, variant]
                            .into_iter()
                            .filter(|part| !part.is_empty())
                            .collect();
                        tags.push(parts.join("-"));
                    }
                }
            }
        }
        for odd in [
            "",
            " ",
            "-",
            "en-",
            "-en",
            "en--US",
            "en_us",
            " es-MX ",
            "en-US-x-private",
            "i-klingon",
            "zh-Hant-TW",
            "sr-RU",
            "az-IR",
            "zh-GB",
            "zh-US",
            "es-ES-valencia",
            "en\u{0}",
            "ZH_hk",
            "fil-PH",
            "yue-HK",
            "not a tag!",
            "und",
            "und-US",
            "und-Hant",
        ] {
            tags.push(odd.to_owned());
        }
        tags
    }

    #[test]
    fn normalising_agrees_with_unic_langid() {
        for tag in corpus() {
            assert_eq!(super::normalize_tag(&tag), normalize_tag(&tag), "{tag:?}");
        }
    }

    #[test]
    fn negotiating_agrees_with_fluent_langneg() {
        let availables: [&[&str]; 6] = [
            &[
                "en", "es", "zh-Hans", "zh-Hant", "vi", "tl", "ko", "ar", "ru", "ht", "fr", "pt",
            ],
            &["en-US", "es-MX", "fr-CA", "sr-Latn", "az", "de-AT"],
            &["en-GB", "pt-BR", "pt", "sr-Cyrl-SR", "zh-Hant-GB"],
            &["und", "es"],
            &["es-ES-valencia", "es-419", "en-Latn"],
            &[],
        ];
        let corpus = corpus();
        for available in availables {
            for (i, default) in ["en", "", "es-MX", "not a tag!", "ZH-hant"]
                .into_iter()
                .enumerate()
            {
                // Every tag with the first default, a sample with the others.
                for tag in corpus.iter().skip(i).step_by(if i == 0 { 1 } else { 7 }) {
                    let requested = [tag.as_str()];
                    assert_eq!(
                        super::negotiate(&requested, available, default),
                        negotiate(&requested, available, default),
                        "{tag:?} in {available:?}, default {default:?}"
                    );
                }
            }
        }
        for first in ["de", "xx", "und-US", "es-MX", "zh-TW", "not a tag!"] {
            for second in ["fr-CA", "pt", "zh", "en", "sr-RU"] {
                for available in availables {
                    let requested = [first, second];
                    assert_eq!(
                        super::negotiate(&requested, available, "en"),
                        negotiate(&requested, available, "en"),
                        "{requested:?} in {available:?}"
                    );
                }
            }
        }
    }
}
