//! Which language a question is in.
//!
//! Residents often type two or three words ("basura", "library hours"), where statistical
//! detectors guess. So the decision combines several kinds of evidence, each weighted, and
//! only among the site's own languages:
//!
//! - whatlang on the text, restricted to the site's languages, scaled by its confidence;
//! - how much of the text is vocabulary of the site's content in each language;
//! - the conversation's language so far;
//! - the page's `lang` and the browser's preferred languages;
//! - whether the language is complete or still being translated, and the site's default
//!   language, as tie-breakers.

use knowledge::SearchIndex;

/// Weight of whatlang's verdict (times its confidence, 0–1).
const DETECTOR_WEIGHT: f32 = 2.0;
/// Weight of the share of the text found in a language's content vocabulary.
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

/// The whatlang language for a BCP 47 tag, when whatlang knows it.
fn whatlang_lang(tag: &str) -> Option<whatlang::Lang> {
    use whatlang::Lang;
    let base = tag.split(['-', '_']).next().unwrap_or_default();
    Some(match base {
        "en" => Lang::Eng,
        "es" => Lang::Spa,
        "fr" => Lang::Fra,
        "de" => Lang::Deu,
        "pt" => Lang::Por,
        "it" => Lang::Ita,
        "ru" => Lang::Rus,
        "ar" => Lang::Ara,
        "zh" => Lang::Cmn,
        "ko" => Lang::Kor,
        "ja" => Lang::Jpn,
        "vi" => Lang::Vie,
        "tl" | "fil" => Lang::Tgl,
        "pl" => Lang::Pol,
        "sv" => Lang::Swe,
        "nl" => Lang::Nld,
        "uk" => Lang::Ukr,
        "hi" => Lang::Hin,
        "el" => Lang::Ell,
        "tr" => Lang::Tur,
        "th" => Lang::Tha,
        _ => return None,
    })
}

/// Whether `tag` names `lang` (`es-MX` names `es`).
fn same_language(tag: &str, lang: &str) -> bool {
    let base = |t: &str| {
        i18n::normalize_tag(t)
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    base(tag) == base(lang)
}

/// Picks the language of `text` among `index`'s languages.
pub fn resolve(index: &SearchIndex, text: &str, context: Context<'_>) -> String {
    let languages: Vec<&str> = index.languages().collect();
    if languages.len() == 1 {
        return languages[0].to_owned();
    }
    let allow: Vec<whatlang::Lang> = languages.iter().filter_map(|l| whatlang_lang(l)).collect();
    let detected = if allow.len() >= 2 {
        whatlang::Detector::with_allowlist(allow).detect(text)
    } else {
        None
    };

    let mut best = (index.default_language().to_owned(), f32::MIN);
    for lang in &languages {
        let mut score = 0.0;
        if let Some(info) = &detected
            && whatlang_lang(lang) == Some(info.lang())
        {
            score += DETECTOR_WEIGHT * info.confidence() as f32;
        }
        let (found, total) = index.vocabulary_match(lang, text);
        if total > 0 {
            score += VOCABULARY_WEIGHT * found as f32 / total as f32;
        }
        if context.conversation.is_some_and(|c| same_language(c, lang)) {
            score += CONVERSATION_WEIGHT;
        }
        if context.page_lang.is_some_and(|p| same_language(p, lang)) {
            score += PAGE_WEIGHT;
        }
        let mut weight = BROWSER_WEIGHT;
        for tag in context.browser.iter().take(4) {
            if same_language(tag, lang) {
                score += weight;
                break;
            }
            weight /= 2.0;
        }
        if !index.is_partial(lang) {
            score += COMPLETE_WEIGHT;
        }
        if *lang == index.default_language() {
            score += DEFAULT_WEIGHT;
        }
        if score > best.1 {
            best = ((*lang).to_owned(), score);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn index() -> SearchIndex {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/demo");
        let (kb, problems) = knowledge::load(&root);
        assert!(!problems.iter().any(|p| p.is_error()), "{problems:?}");
        SearchIndex::build(&kb.expect("demo content")).unwrap()
    }

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
