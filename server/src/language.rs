//! Which language a question is in.
//!
//! Residents often type two or three words ("basura", "library hours"), where statistical
//! detectors guess. So the decision combines several kinds of evidence, each weighted, and
//! only among the site's own languages:
//!
//! - whatlang on the text, restricted to the site's languages, scaled by its confidence;
//! - how much of the text is vocabulary of the site's content in each language: each word
//!   counts for the languages whose content has it in that form (or that have it as a stop
//!   word), shared among them, so a word every language has ("covid", "parking" on a page
//!   that borrows it) says little and a word only one language has ("ng", "factura") says
//!   much;
//! - the conversation's language so far;
//! - the page's `lang` and the browser's preferred languages;
//! - whether the language is complete or still being translated, and the site's default
//!   language, as tie-breakers.

use knowledge::SearchIndex;

/// Weight of whatlang's verdict (times its confidence, 0–1).
const DETECTOR_WEIGHT: f32 = 2.0;
/// Weight of the vocabulary evidence ([`vocabulary_evidence`]), a share of the text's words.
const VOCABULARY_WEIGHT: f32 = 2.5;
/// Weight of the conversation's language so far.
const CONVERSATION_WEIGHT: f32 = 1.0;
/// Weight of the page's `lang`.
const PAGE_WEIGHT: f32 = 0.6;
/// Weight of the browser's first language (later ones count half as much each).
const BROWSER_WEIGHT: f32 = 0.5;
/// Prior for the site's complete languages over partial ones: a partial language's content
/// borrows words from the others (Tagalog city pages use "recycling", "basura", "permit"),
/// so shared vocabulary is weaker evidence for it.
const COMPLETE_WEIGHT: f32 = 0.3;
/// Tie-breaker for the site's default language.
const DEFAULT_WEIGHT: f32 = 0.1;

/// What is known about a question besides its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The host page's `<html lang>`.
    pub page_lang: Option<&'a str>,
    /// `navigator.languages`, most preferred first.
    pub browser: &'a [String],
    /// The language of the conversation so far.
    pub conversation: Option<&'a str>,
}

/// Base language tags and the whatlang languages they name (`fil` is read as `tl`).
const WHATLANG: [(&str, whatlang::Lang); 21] = {
    use whatlang::Lang;
    [
        ("en", Lang::Eng),
        ("es", Lang::Spa),
        ("fr", Lang::Fra),
        ("de", Lang::Deu),
        ("pt", Lang::Por),
        ("it", Lang::Ita),
        ("ru", Lang::Rus),
        ("ar", Lang::Ara),
        ("zh", Lang::Cmn),
        ("ko", Lang::Kor),
        ("ja", Lang::Jpn),
        ("vi", Lang::Vie),
        ("tl", Lang::Tgl),
        ("pl", Lang::Pol),
        ("sv", Lang::Swe),
        ("nl", Lang::Nld),
        ("uk", Lang::Ukr),
        ("hi", Lang::Hin),
        ("el", Lang::Ell),
        ("tr", Lang::Tur),
        ("th", Lang::Tha),
    ]
};

/// The whatlang language for a BCP 47 tag, when whatlang knows it.
pub(crate) fn whatlang_lang(tag: &str) -> Option<whatlang::Lang> {
    let base = match tag.split(['-', '_']).next().unwrap_or_default() {
        "fil" => "tl",
        base => base,
    };
    WHATLANG
        .iter()
        .find(|(known, _)| *known == base)
        .map(|(_, lang)| *lang)
}

/// The base language tag of a whatlang language, when it is one we name (the inverse of
/// [`whatlang_lang`]).
pub(crate) fn tag_of(lang: whatlang::Lang) -> Option<&'static str> {
    WHATLANG
        .iter()
        .find(|(_, known)| *known == lang)
        .map(|(tag, _)| *tag)
}

/// A tag's language and script subtags after normalisation ([`i18n::normalize_tag`]: `zh-TW`,
/// `zh-HK`, `zh-MO` → `zh-Hant`; `zh`, `zh-CN`, `zh-SG` → `zh-Hans`), lowercase.
fn language_and_script(tag: &str) -> (String, Option<String>) {
    let normalized = i18n::normalize_tag(tag);
    let mut parts = normalized.split('-');
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let script = parts
        .next()
        .filter(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase);
    (language, script)
}

/// Whether `tag` names `lang`: the same language, and the same script when both say one
/// (after normalisation). `es-MX` names `es`; `zh-TW` names `zh-Hant` but not `zh-Hans`;
/// `sr` names both `sr-Latn` and `sr-Cyrl`.
fn same_language(tag: &str, lang: &str) -> bool {
    let (tag_language, tag_script) = language_and_script(tag);
    let (language, script) = language_and_script(lang);
    tag_language == language
        && match (tag_script, script) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
}

/// For each of `languages`, the share of `text`'s words that speak for it: each word's
/// [`SearchIndex::word_evidence`] per language, divided by its sum over the languages (a
/// word found in three languages gives each a third), summed and divided by the number of
/// words.
fn vocabulary_evidence(index: &SearchIndex, languages: &[&str], text: &str) -> Vec<f32> {
    // Per language, each word's evidence.
    let per_language = index.words_evidence(languages, text);
    let words = per_language.first().map_or(0, Vec::len);
    let mut evidence = vec![0.0; languages.len()];
    for word in 0..words {
        let sum: f32 = per_language.iter().map(|shares| shares[word]).sum();
        if sum > 0.0 {
            for (total, shares) in evidence.iter_mut().zip(&per_language) {
                *total += shares[word] / sum;
            }
        }
    }
    if words > 0 {
        for total in &mut evidence {
            *total /= words as f32;
        }
    }
    evidence
}

/// Picks the language of `text` among `index`'s languages.
///
/// The detector runs only when its verdict could change the pick: it adds at most its weight
/// (`DETECTOR_WEIGHT`) to one language, so when the best language leads every other by more
/// than that on the rest of the evidence, it wins whatever the detector says. Questions whose
/// words only one of the site's languages has are decided this way (two in five of the
/// bench's questions), without the detector.
pub fn resolve(index: &SearchIndex, text: &str, context: Context<'_>) -> String {
    let languages: Vec<&str> = index.languages().collect();
    if languages.len() == 1 {
        return languages[0].to_owned();
    }
    let evidence = evidence_without_detector(index, &languages, text, context);
    let (best, lead) = pick_language(index, &languages, &evidence, None);
    if lead > DETECTOR_WEIGHT + DETECTOR_LEAD_SLACK {
        return best.to_owned();
    }
    let detected = detect(&languages, text);
    pick_language(index, &languages, &evidence, detected.as_ref())
        .0
        .to_owned()
}

/// Margin by which a lead must exceed [`DETECTOR_WEIGHT`] before the detector is skipped:
/// scores summed in another order may differ in their last bits.
const DETECTOR_LEAD_SLACK: f32 = 1e-3;

/// whatlang's verdict on `text` among `languages` (those it knows), when it knows two or more.
fn detect(languages: &[&str], text: &str) -> Option<whatlang::Info> {
    let allow: Vec<whatlang::Lang> = languages.iter().filter_map(|l| whatlang_lang(l)).collect();
    if allow.len() >= 2 {
        whatlang::Detector::with_allowlist(allow).detect(text)
    } else {
        None
    }
}

/// For each of `languages`, what its score adds after the detector's part, term by term in
/// the order they are added (0 where a term does not apply): the vocabulary evidence, the
/// conversation, the page, the browser, a complete language, the default language. Worked
/// out once for both picks of [`resolve`].
fn evidence_without_detector(
    index: &SearchIndex,
    languages: &[&str],
    text: &str,
    context: Context<'_>,
) -> Vec<[f32; 6]> {
    let vocabulary = vocabulary_evidence(index, languages, text);
    let when = |applies: bool, weight: f32| if applies { weight } else { 0.0 };
    languages
        .iter()
        .zip(vocabulary)
        .map(|(lang, vocabulary)| {
            let mut browser = 0.0;
            let mut weight = BROWSER_WEIGHT;
            for tag in context.browser.iter().take(4) {
                if same_language(tag, lang) {
                    browser = weight;
                    break;
                }
                weight /= 2.0;
            }
            [
                VOCABULARY_WEIGHT * vocabulary,
                when(
                    context.conversation.is_some_and(|c| same_language(c, lang)),
                    CONVERSATION_WEIGHT,
                ),
                when(
                    context.page_lang.is_some_and(|p| same_language(p, lang)),
                    PAGE_WEIGHT,
                ),
                browser,
                when(!index.is_partial(lang), COMPLETE_WEIGHT),
                when(*lang == index.default_language(), DEFAULT_WEIGHT),
            ]
        })
        .collect()
}

/// The best-scoring of `languages` (the first of equals, or the default language when there
/// are none) and its lead over the runner-up (infinite without one), given each language's
/// [`evidence_without_detector`] and the detector's verdict `detected`. A score is the
/// detector's part, then each of the evidence's terms, added in that order.
fn pick_language<'a>(
    index: &'a SearchIndex,
    languages: &[&'a str],
    evidence: &[[f32; 6]],
    detected: Option<&whatlang::Info>,
) -> (&'a str, f32) {
    let mut best = (index.default_language(), f32::MIN);
    let mut runner_up = f32::MIN;
    for (lang, terms) in languages.iter().zip(evidence) {
        let mut score = 0.0;
        if let Some(info) = detected
            && whatlang_lang(lang) == Some(info.lang())
        {
            score += DETECTOR_WEIGHT * info.confidence() as f32;
        }
        for term in terms {
            score += term;
        }
        if score > best.1 {
            runner_up = best.1;
            best = (*lang, score);
        } else if score > runner_up {
            runner_up = score;
        }
    }
    let lead = if runner_up == f32::MIN {
        f32::INFINITY
    } else {
        best.1 - runner_up
    };
    (best.0, lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::path::Path;

    use crate::testing::demo_index as index;

    #[test]
    fn full_sentences_are_recognised_whatever_the_page_says() {
        let index = index();
        let english_page = Context {
            page_lang: Some("en"),
            browser: &["en-US".to_owned()],
            conversation: None,
        };
        assert_eq!(
            resolve(&index, "¿Cómo pago mi factura de agua?", english_page),
            "es"
        );
        let spanish_page = Context {
            page_lang: Some("es"),
            browser: &["es-MX".to_owned()],
            conversation: Some("es"),
        };
        assert_eq!(
            resolve(&index, "When is my trash picked up?", spanish_page),
            "en"
        );
    }

    #[test]
    fn single_words_use_the_content_vocabulary() {
        let index = index();
        let ctx = Context {
            page_lang: Some("en"),
            ..Context::default()
        };
        assert_eq!(resolve(&index, "basura", ctx), "es");
        assert_eq!(resolve(&index, "recycling", ctx), "en");
    }

    #[test]
    fn chinese_scripts_are_told_apart() {
        for (tag, lang) in [
            ("zh-TW", "zh-Hant"),
            ("zh-HK", "zh-Hant"),
            ("zh-MO", "zh-Hant"),
            ("zh-Hant", "zh-Hant"),
            ("zh-Hant-TW", "zh-Hant"),
            ("yue", "zh-Hant"),
            ("zh-CN", "zh-Hans"),
            ("zh-SG", "zh-Hans"),
            ("zh", "zh-Hans"),
            ("zh_CN", "zh-Hans"),
        ] {
            assert!(same_language(tag, lang), "{tag} should name {lang}");
        }
        for (tag, lang) in [
            ("zh-TW", "zh-Hans"),
            ("zh-Hant", "zh-Hans"),
            ("zh-CN", "zh-Hant"),
            ("zh-Hans", "zh-Hant"),
        ] {
            assert!(!same_language(tag, lang), "{tag} should not name {lang}");
        }
    }

    #[test]
    fn regions_and_unscripted_tags_match_their_language() {
        assert!(same_language("es-MX", "es"));
        assert!(same_language("en", "en-GB"));
        assert!(same_language("fil", "tl"));
        assert!(same_language("sr", "sr-Latn"));
        assert!(!same_language("sr-Cyrl", "sr-Latn"));
        assert!(!same_language("pt-BR", "es"));
    }

    #[test]
    fn traditional_chinese_page_does_not_pull_towards_simplified_content() {
        let index = index();
        let taiwan = Context {
            page_lang: Some("zh-TW"),
            browser: &["zh-TW".to_owned()],
            conversation: None,
        };
        let mainland = Context {
            page_lang: Some("zh-CN"),
            browser: &["zh-CN".to_owned()],
            conversation: None,
        };
        // A text with no evidence of its own: only the hints speak, and a Traditional
        // Chinese page and browser are no evidence for the Simplified Chinese content.
        assert_eq!(resolve(&index, "ok", mainland), "zh-Hans");
        assert_ne!(resolve(&index, "ok", taiwan), "zh-Hans");
    }

    #[test]
    fn words_only_one_language_has_outweigh_shared_ones() {
        let index = index();
        let languages: Vec<&str> = index.languages().collect();
        let evidence = vocabulary_evidence(&index, &languages, "factura del agua");
        let at = |lang: &str| evidence[languages.iter().position(|l| *l == lang).unwrap()];
        assert!(at("es") > 0.9, "{evidence:?}");
        assert!(at("en") < 0.1, "{evidence:?}");
        // A word in every language's content, or in none, gives no language an edge.
        let evidence = vocabulary_evidence(&index, &languages, "xqzzy");
        assert!(evidence.iter().all(|e| *e == 0.0), "{evidence:?}");
        let total: f32 = vocabulary_evidence(&index, &languages, "recycling")
            .iter()
            .sum();
        assert!(total <= 1.0 + 1e-6, "{total}");
    }

    /// [`resolve`] with the detector always run, as it was before it could be skipped.
    fn resolve_always_detecting(index: &SearchIndex, text: &str, context: Context<'_>) -> String {
        let languages: Vec<&str> = index.languages().collect();
        let evidence = evidence_without_detector(index, &languages, text, context);
        let detected = detect(&languages, text);
        pick_language(index, &languages, &evidence, detected.as_ref())
            .0
            .to_owned()
    }

    #[test]
    fn skipping_the_detector_never_changes_the_language() {
        let index = index();
        let spanish_page = Context {
            page_lang: Some("es"),
            browser: &["es-MX".to_owned()],
            conversation: None,
        };
        let mut texts = Vec::new();
        for file in ["riverton-queries.jsonl", "short-queries.jsonl"] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../tests/data")
                .join(file);
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let value: serde_json::Value = serde_json::from_str(line).unwrap();
                texts.push(value["text"].as_str().unwrap().to_owned());
            }
        }
        assert!(texts.len() > 300, "{}", texts.len());
        let languages: Vec<&str> = index.languages().collect();
        let (mut skipped, mut detected) = (0, 0);
        for text in &texts {
            for context in [Context::default(), spanish_page] {
                assert_eq!(
                    resolve(&index, text, context),
                    resolve_always_detecting(&index, text, context),
                    "{text:?} with {context:?}"
                );
                let evidence = evidence_without_detector(&index, &languages, text, context);
                let lead = pick_language(&index, &languages, &evidence, None).1;
                if lead > DETECTOR_WEIGHT + DETECTOR_LEAD_SLACK {
                    skipped += 1;
                } else {
                    detected += 1;
                }
            }
        }
        // Both paths are taken, so both are compared.
        assert!(
            skipped > 50 && detected > 50,
            "{skipped} skipped, {detected} detected"
        );
    }

    #[test]
    fn context_decides_when_the_text_says_nothing() {
        let index = index();
        let ctx = Context {
            page_lang: Some("en"),
            browser: &["es-US".to_owned()],
            conversation: Some("es"),
        };
        assert_eq!(resolve(&index, "ok", ctx), "es");
        assert_eq!(resolve(&index, "ok", Context::default()), "en");
    }
}
