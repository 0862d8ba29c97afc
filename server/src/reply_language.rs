//! The language the bot speaks to a resident, which may be one the city has no content in.
//!
//! [`crate::language::resolve`] picks the content language to search, only among the site's
//! own languages. A resident on the French page of a city whose content is in English and
//! Spanish, typing French, should still be spoken to in French: the bot's own words, the
//! buttons and the widget's interface, with the answer found in another language and
//! flagged as such ("this answer is only available in English"). Without this the bot
//! would answer a French question in Spanish (the nearest content language) and the widget
//! would switch its interface to Spanish with it.
//!
//! The resident's language is taken from what they said they read — the conversation so
//! far, the page's `lang`, the browser's first language — when the bot has strings for it
//! and the city has no content in it, and only when the text agrees: a detector recognises
//! the language in it, or the text is not mostly words of the content language that was
//! searched (languages the detector does not know, such as Haitian Creole). Someone who types
//! English on a French page gets English.

use knowledge::SearchIndex;

use crate::language::{Context, tag_of, whatlang_lang};

/// The language of the reply to `text`: `content_lang` (the searched language, from
/// [`crate::language::resolve`]) unless the resident's own language is one the site has no
/// content in but the bot speaks (`spoken` says which tags it has strings for), and the
/// text agrees with it. `searched`: how much of `text` is vocabulary of `content_lang`'s
/// content, when the search worked it out already ([`knowledge::SearchResult::vocabulary`]
/// of a search in `content_lang`), which spares analysing the text again.
pub fn reply_language(
    index: &SearchIndex,
    text: &str,
    context: Context<'_>,
    content_lang: &str,
    searched: Option<(usize, usize)>,
    spoken: &dyn Fn(&str) -> bool,
) -> String {
    let vocabulary = Vocabulary {
        index,
        text,
        content_lang,
        searched,
    };
    if let Some(own) = residents_language(index, context, spoken) {
        if text_agrees(&vocabulary, &own) {
            return own;
        }
    } else if let Some(written) = written_language(&vocabulary, spoken) {
        return written.to_owned();
    }
    content_lang.to_owned()
}

/// How much of the text is vocabulary of a language's content
/// ([`SearchIndex::vocabulary_match`]), the searched language's figure taken from the search
/// when it has it.
struct Vocabulary<'a> {
    index: &'a SearchIndex,
    text: &'a str,
    content_lang: &'a str,
    searched: Option<(usize, usize)>,
}

impl Vocabulary<'_> {
    /// (Terms of the text found in `lang`'s content, terms in all.)
    fn of(&self, lang: &str) -> (usize, usize) {
        match self.searched {
            Some(searched) if lang == self.content_lang => searched,
            _ => self.index.vocabulary_match(lang, self.text),
        }
    }
}

/// The language `text` is plainly written in when no stated language applies (the page and
/// the conversation are in content languages, or there are none): the detector names it,
/// the bot speaks it, the site has no content in it, and the text is mostly not words of
/// any content language. The detector alone is not trusted on short text (it calls a
/// six-word French question French with a confidence of 0.36, below its own bar), but a
/// question of several words none of which the content has is not in a content language.
/// So a French question on the English page of a city with English and Spanish content gets
/// a French reply, not a Spanish one because "bibliothèque" looks like "biblioteca"; a
/// Spanish question misread by the detector is still mostly Spanish words and stays Spanish.
fn written_language(
    vocabulary: &Vocabulary<'_>,
    spoken: &dyn Fn(&str) -> bool,
) -> Option<&'static str> {
    let Vocabulary {
        index,
        text,
        content_lang,
        ..
    } = *vocabulary;
    // The vocabulary first: most questions are in a content language and stop here, before
    // the full detector (every language it knows) runs on the ask path. The searched
    // language (`content_lang`) is tried first: it is the one a question in a content
    // language is written in, so it usually decides alone.
    let mut languages: Vec<&str> = index.languages().collect();
    languages.sort_by_key(|lang| *lang != content_lang);
    let foreign_everywhere = languages.into_iter().all(|lang| {
        let (known, total) = vocabulary.of(lang);
        total > 0 && known * 2 < total
    });
    if !foreign_everywhere {
        return None;
    }
    let info = whatlang::detect(text)?;
    let tag = tag_of(info.lang())?;
    if !spoken(tag) || has_content_in(index, tag) {
        return None;
    }
    let words = text.split_whitespace().count();
    (info.is_reliable() || words >= MIN_WORDS_UNRELIABLE).then_some(tag)
}

/// Whether the site has content in language `tag`, matched as locale negotiation matches
/// (`fr` and `fr-CA` match each other).
fn has_content_in(index: &SearchIndex, tag: &str) -> bool {
    let content: Vec<&str> = index.languages().collect();
    !i18n::negotiate(&[tag], &content, "").is_empty()
}

/// Words a text needs before the detector's guess counts without its own reliability mark.
const MIN_WORDS_UNRELIABLE: usize = 3;

/// The first language the resident said they read (conversation, page, browser) that the bot
/// speaks, when the site has no content in it; `None` when that first language is one of
/// the content languages (then [`crate::language::resolve`] already weighed it) or the bot
/// does not speak it.
fn residents_language(
    index: &SearchIndex,
    context: Context<'_>,
    spoken: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let said = context
        .conversation
        .into_iter()
        .chain(context.page_lang)
        .chain(context.browser.first().map(String::as_str))
        .filter(|tag| !tag.trim().is_empty());
    for tag in said {
        let normalized = i18n::normalize_tag(tag);
        if has_content_in(index, &normalized) {
            return None;
        }
        let primary = normalized.split('-').next().unwrap_or_default();
        for candidate in [normalized.as_str(), primary] {
            if !candidate.is_empty() && spoken(candidate) {
                return Some(candidate.to_owned());
            }
        }
        // The first tag the bot speaks decides; an unknown one lets the next speak.
    }
    None
}

/// Whether `text` reads as language `own` rather than as `content_lang`: the same language
/// in another script (Traditional Chinese typed where the content is Simplified), the
/// detector recognising `own`, or — when the detector cannot tell — the text not being
/// mostly words of `content_lang`'s content.
fn text_agrees(vocabulary: &Vocabulary<'_>, own: &str) -> bool {
    let Vocabulary {
        text, content_lang, ..
    } = *vocabulary;
    let base = |tag: &str| {
        tag.split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    if base(own) == base(content_lang) {
        return true;
    }
    let detected = whatlang::detect(text);
    let own_lang = whatlang_lang(own);
    if let (Some(info), Some(lang)) = (&detected, own_lang)
        && info.lang() == lang
    {
        return true;
    }
    let unsure = detected.as_ref().is_none_or(|info| !info.is_reliable()) || own_lang.is_none();
    let (known, total) = vocabulary.of(content_lang);
    unsure && total > 0 && known * 2 < total
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::demo_index as index;

    /// The twelve languages the bot has strings for.
    fn spoken(tag: &str) -> bool {
        [
            "en", "es", "zh-Hans", "zh-Hant", "vi", "tl", "ko", "ar", "ru", "ht", "fr", "pt",
        ]
        .contains(&tag)
    }

    fn on_page<'a>(page: &'a str) -> Context<'a> {
        Context {
            page_lang: Some(page),
            browser: &[],
            conversation: None,
        }
    }

    /// The reply's language for `text`, checked to be the same with the searched language's
    /// vocabulary taken from its search as with it worked out here.
    fn reply(index: &SearchIndex, text: &str, context: Context<'_>) -> String {
        let content = crate::language::resolve(index, text, context);
        let alone = reply_language(index, text, context, &content, None, &spoken);
        let search = index.search(&content, text, 10).unwrap();
        if search.lang == content && search.vocabulary.is_some() {
            let searched =
                reply_language(index, text, context, &content, search.vocabulary, &spoken);
            assert_eq!(searched, alone, "{text}");
        }
        alone
    }

    #[test]
    fn the_searched_figure_stands_for_the_searched_language_only() {
        let index = index();
        let text = "¿dónde pago la factura del agua?";
        let vocabulary = Vocabulary {
            index: &index,
            text,
            content_lang: "es",
            // (Not what the search would give: to tell where it is used.)
            searched: Some((7, 9)),
        };
        assert_eq!(vocabulary.of("es"), (7, 9));
        assert_eq!(vocabulary.of("en"), index.vocabulary_match("en", text));
        let without = Vocabulary {
            searched: None,
            ..vocabulary
        };
        assert_eq!(without.of("es"), index.vocabulary_match("es", text));
    }

    #[test]
    fn a_language_without_content_is_spoken_when_the_text_is_in_it() {
        let index = index();
        assert!(
            !index
                .languages()
                .any(|l| l == "fr" || l == "ru" || l == "ht")
        );
        assert_eq!(
            reply(&index, "horaires de la bibliothèque", on_page("fr")),
            "fr"
        );
        assert_eq!(reply(&index, "часы работы библиотеки", on_page("ru")), "ru");
        assert_eq!(
            reply(&index, "ki lè bibliyotèk la louvri", on_page("ht")),
            "ht"
        );
        assert_eq!(reply(&index, "圖書館開放時間", on_page("zh-TW")), "zh-Hant");
    }

    #[test]
    fn a_traditional_chinese_question_finds_the_simplified_entry() {
        let index = index();
        assert!(!index.languages().any(|l| l == "zh-Hant"));
        let question = "圖書館開放時間";
        let context = on_page("zh-TW");
        let content = crate::language::resolve(&index, question, context);
        assert_eq!(content, "zh-Hans");
        let (result, decision) =
            crate::decide::search_and_decide(&index, None, &content, question).unwrap();
        assert_eq!(result.hits[0].entry.id, "library-hours", "{decision:?}");
        assert_eq!(result.hits[0].entry.lang, "zh-Hans");
        assert_eq!(reply(&index, question, context), "zh-Hant");
    }

    #[test]
    fn the_text_wins_over_the_page_when_it_is_in_a_content_language() {
        let index = index();
        assert_eq!(
            reply(&index, "When is my trash picked up?", on_page("fr")),
            "en"
        );
        assert_eq!(
            reply(&index, "¿Cómo pago mi factura de agua?", on_page("ru")),
            "es"
        );
        assert_eq!(
            reply(&index, "when is the library open", on_page("ht")),
            "en"
        );
    }

    #[test]
    fn content_languages_and_unknown_languages_change_nothing() {
        let index = index();
        // Spanish has content: the content language decides.
        assert_eq!(reply(&index, "horario biblioteca", on_page("es")), "es");
        // The bot has no German strings.
        let content = crate::language::resolve(&index, "Öffnungszeiten Bibliothek", on_page("de"));
        assert_eq!(
            reply(&index, "Öffnungszeiten Bibliothek", on_page("de")),
            content
        );
        // Nothing to go on: neither hints nor a text the detector recognises.
        assert_eq!(
            reply(&index, "bibliothèque", Context::default()),
            crate::language::resolve(&index, "bibliothèque", Context::default())
        );
    }

    #[test]
    fn a_plainly_written_language_without_content_is_spoken_without_hints() {
        let index = index();
        let french = "Quand la bibliothèque est-elle ouverte ?";
        // Searched in Spanish ("bibliothèque" is nearest "biblioteca"), answered in French.
        assert_eq!(reply(&index, french, on_page("en")), "fr");
        assert_eq!(reply(&index, french, Context::default()), "fr");
        // After a Spanish exchange on the English page.
        let after_spanish = Context {
            page_lang: Some("en"),
            browser: &[],
            conversation: Some("es"),
        };
        assert_eq!(reply(&index, french, after_spanish), "fr");
        assert_eq!(
            reply(&index, "Wann hat die Bibliothek geöffnet?", on_page("en")),
            crate::language::resolve(&index, "Wann hat die Bibliothek geöffnet?", on_page("en")),
            "the bot has no German strings"
        );
        // A content language is still answered in itself (see also the test above).
        assert_eq!(
            reply(&index, "¿Cuándo abre la biblioteca?", on_page("en")),
            "es"
        );
    }

    #[test]
    fn the_conversation_so_far_counts_first() {
        let index = index();
        let context = Context {
            page_lang: Some("en"),
            browser: &[],
            conversation: Some("fr"),
        };
        assert_eq!(reply(&index, "et le samedi ?", context), "fr");
    }
}
