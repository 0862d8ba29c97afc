//! Text analysis per language: how questions and entries are cut into search terms.
//!
//! Every language gets: word tokenizer → drop very long tokens → lowercase → stop words (the
//! language's list where tantivy has one, plus question words that carry no topic, also
//! without accents) →
//! Snowball stemmer where tantivy has one → ASCII/diacritic folding, so `facturación`,
//! `facturacion` and `facturas` meet. Languages without a stemmer get lowercase and folding;
//! Chinese, Japanese, Korean and Thai are cut into character bigrams ([`crate::bigram`]).

use std::collections::BTreeSet;

use crate::bigram::BigramTokenizer;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, TokenStream,
};

/// Name under which the analyzer for `lang` is registered in a tantivy index.
pub fn tokenizer_name(lang: &str) -> String {
    format!("wayfinder_{lang}")
}

/// The Snowball stemmer language for a BCP 47 tag, where tantivy ships one.
fn stemmer_language(lang: &str) -> Option<Language> {
    let base = lang.split(['-', '_']).next().unwrap_or_default();
    Some(match base {
        "ar" => Language::Arabic,
        "da" => Language::Danish,
        "nl" => Language::Dutch,
        "en" => Language::English,
        "fi" => Language::Finnish,
        "fr" => Language::French,
        "de" => Language::German,
        "el" => Language::Greek,
        "hu" => Language::Hungarian,
        "it" => Language::Italian,
        "no" | "nb" | "nn" => Language::Norwegian,
        "pt" => Language::Portuguese,
        "ro" => Language::Romanian,
        "ru" => Language::Russian,
        "es" => Language::Spanish,
        "sv" => Language::Swedish,
        "ta" => Language::Tamil,
        "tr" => Language::Turkish,
        _ => return None,
    })
}

/// Words residents put around a question that say nothing about its topic. Removing them
/// keeps "when is trash picked up" about trash, not about "when".
fn question_words(lang: &str) -> &'static [&'static str] {
    match lang.split(['-', '_']).next().unwrap_or_default() {
        "en" => &[
            "what", "when", "where", "who", "whom", "why", "how", "which", "do", "does", "did",
            "can", "could", "should", "would", "i", "me", "my", "mine", "we", "us", "our", "you",
            "your", "am", "have", "has", "had", "please", "about", "from", "up", "get", "need",
            "want", "there", "any", "some", "out", "much", "many",
        ],
        "es" => &[
            "qué", "cuándo", "dónde", "quién", "quiénes", "cómo", "cuál", "cuáles", "cuánto",
            "cuánta", "cuántos", "cuántas", "puedo", "puede", "pueden", "podemos", "debo",
            "necesito", "quiero", "hay", "hacer", "favor", "mi", "mis", "tengo",
        ],
        _ => &[],
    }
}

/// Removes diacritics the way the index does, for comparing stop words.
fn fold(word: &str) -> String {
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(word);
    let mut out = String::new();
    while let Some(token) = stream.next() {
        out.push_str(&token.text);
    }
    out
}

/// [`question_words`] for `lang`, each also in its accent-free spelling (residents often type
/// without accents). tantivy's own list for the language is applied separately.
fn extra_stop_words(lang: &str) -> BTreeSet<String> {
    let mut words: BTreeSet<String> = question_words(lang)
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    words.extend(folded);
    words
}

/// Languages written without spaces between words (or, for Korean, with long compounds):
/// analysed as character bigrams.
pub fn uses_bigrams(lang: &str) -> bool {
    matches!(
        lang.split(['-', '_']).next().unwrap_or_default(),
        "zh" | "ja" | "ko" | "th"
    )
}

/// Builds the analyzer for `lang`.
pub fn analyzer(lang: &str) -> TextAnalyzer {
    let mut builder = if uses_bigrams(lang) {
        TextAnalyzer::builder(BigramTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .dynamic()
    } else {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .dynamic()
    };
    if let Some(language) = stemmer_language(lang)
        && let Some(filter) = StopWordFilter::new(language)
    {
        builder = builder.filter_dynamic(filter);
    }
    builder = builder.filter_dynamic(StopWordFilter::remove(extra_stop_words(lang)));
    if let Some(language) = stemmer_language(lang) {
        builder = builder.filter_dynamic(Stemmer::new(language));
    }
    builder.filter_dynamic(AsciiFoldingFilter).build()
}

/// The terms `analyzer` makes of `text`, in order (duplicates kept).
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lang: &str, text: &str) -> Vec<String> {
        terms(&mut analyzer(lang), text)
    }

    #[test]
    fn english_stems_and_drops_question_words() {
        assert_eq!(
            run("en", "When is my trash picked up?"),
            vec!["trash", "pick"]
        );
        assert_eq!(run("en", "Parking tickets"), vec!["park", "ticket"]);
    }

    #[test]
    fn spanish_folds_accents_and_stems() {
        let with = run("es", "¿Cómo pago mi factura de agua?");
        let without = run("es", "como pago mi factura de agua");
        assert_eq!(with, without);
        assert_eq!(with, vec!["pag", "factur", "agu"]);
        assert_eq!(run("es", "facturación"), run("es", "facturacion"));
    }

    #[test]
    fn chinese_is_cut_into_bigrams() {
        assert_eq!(
            run("zh-Hans", "如何缴纳水费"),
            vec!["如何", "何缴", "缴纳", "纳水", "水费"]
        );
    }

    #[test]
    fn languages_without_stemmer_still_lowercase_and_fold() {
        assert_eq!(run("vi", "Thư Viện"), vec!["thu", "vien"]);
    }
}
