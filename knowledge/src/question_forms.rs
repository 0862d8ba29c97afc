//! A question's words as each language's content is checked for them when its language is
//! identified: cut, lowercased and folded once for all the site's languages.
//!
//! The word forms of every language that [`crate::analyzer::cuts_words`] are made the same
//! way ([`crate::analyzer::word_form_analyzer`]): the words cut and lowercased, the
//! language's stop words taken out, the rest folded. Only the stop words differ. Identifying
//! a question's language compares its words with the word forms of each of the site's
//! languages (often five or six), and analysing the question whole in each of them cut,
//! lowercased and folded it each time: most of that work. [`QuestionForms::of`] does those
//! steps once, and [`QuestionForms::found_in`] leaves only the stop words and the look-ups
//! to each language, with the same result.

use rustc_hash::FxHashSet;
use tantivy::tokenizer::{TokenStream, Tokenizer, WhitespaceTokenizer};

use crate::analyzer::{self, StopWords};

/// A text's words, lowercased and folded as the word-form analysis of every language that
/// [`analyzer::cuts_words`] lowercases and folds them. Words of 40 bytes or more are left
/// out, as that analysis leaves them out.
#[derive(Debug, Default)]
pub struct QuestionForms {
    /// The words lowercased, separated by spaces: a word is never empty and has no space
    /// (letters, digits and marks only), so cutting this at spaces gives the words back one
    /// for one, numbered as here.
    lowercase: String,
    /// Each of those words: its number among the text's words (as [`crate::words::Words`]
    /// cuts them), and its folded form.
    words: Vec<(usize, String)>,
}

impl QuestionForms {
    /// `text`'s words, lowercased and folded.
    pub fn of(text: &str) -> Self {
        let mut forms = Self::default();
        {
            let mut lowercase = analyzer::lowercase_word_tokenizer();
            let mut stream = lowercase.token_stream(text);
            while let Some(token) = stream.next() {
                if !forms.lowercase.is_empty() {
                    forms.lowercase.push(' ');
                }
                forms.lowercase.push_str(&token.text);
                forms.words.push((token.position, String::new()));
            }
        }
        {
            let mut folding = analyzer::folding_tokenizer();
            let mut stream = folding.token_stream(&forms.lowercase);
            for (_, folded) in &mut forms.words {
                if let Some(token) = stream.next() {
                    folded.clone_from(&token.text);
                }
            }
        }
        forms
    }

    /// For each of the text's `count` words: how many word forms a language with
    /// `stop_words` makes of it (none for its stop words and words left out, else one), and
    /// how many of them are among `word_forms`: what [`analyzer::word_form_analyzer`] and a
    /// look-up of each of its terms give.
    pub fn found_in(
        &self,
        stop_words: &StopWords,
        word_forms: &FxHashSet<String>,
        count: usize,
    ) -> Vec<(u32, u32)> {
        let mut found = vec![(0, 0); count];
        let mut kept = stop_words.removed_from(WhitespaceTokenizer::default());
        let mut stream = kept.token_stream(&self.lowercase);
        while let Some(token) = stream.next() {
            let Some((word, folded)) = self.words.get(token.position) else {
                continue;
            };
            if let Some(counts) = found.get_mut(*word) {
                counts.0 += 1;
                counts.1 += u32::from(word_forms.contains(folded));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`QuestionForms::found_in`] worked out by the word-form analyzer itself.
    fn by_word_form_analyzer(
        lang: &str,
        text: &str,
        word_forms: &FxHashSet<String>,
    ) -> Vec<(u32, u32)> {
        let count = crate::words::Words::of(text).iter().count();
        let mut found = vec![(0, 0); count];
        let mut analyzer = analyzer::word_form_analyzer(lang);
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            found[token.position].0 += 1;
            found[token.position].1 += u32::from(word_forms.contains(&token.text));
        }
        found
    }

    #[test]
    fn the_same_as_each_languages_word_form_analysis() {
        let long = "a".repeat(41);
        let texts = [
            "¿Dónde pago la FACTURA del agua?",
            "Für wen gilt die Maskenpflicht? Straße über Öffnungszeiten",
            "İletişim bilgileri ve İSTANBUL için",
            "when is my trash picked up, and what about the bins",
            "thu gom rác khi nào",
            "Оплатить счёт за воду",
            "café naïve — coöperate Ærø",
            &format!("{long} pay water {long}é bill"),
            "  ",
            "",
            "ｐａｙ the ﬁne 123",
        ];
        for lang in ["en", "es", "de", "tr", "vi", "ru", "fr", "tl"] {
            assert!(analyzer::cuts_words(lang));
            let stop_words = StopWords::of(lang);
            // The content's word forms: every folded form of the texts, some removed, so
            // that both found and not found occur.
            let mut word_forms = FxHashSet::default();
            let mut all = analyzer::word_form_analyzer(lang);
            for text in texts {
                let mut stream = all.token_stream(text);
                let mut keep = false;
                while let Some(token) = stream.next() {
                    keep = !keep;
                    if keep {
                        word_forms.insert(token.text.clone());
                    }
                }
            }
            for text in texts {
                let count = crate::words::Words::of(text).iter().count();
                let found = QuestionForms::of(text).found_in(&stop_words, &word_forms, count);
                assert_eq!(
                    found,
                    by_word_form_analyzer(lang, text, &word_forms),
                    "{lang}: {text:?}"
                );
            }
        }
    }

    #[test]
    fn stop_words_and_long_words_have_no_form() {
        let stop_words = StopWords::of("es");
        let word_forms: FxHashSet<String> = ["factura".to_owned()].into_iter().collect();
        let long = "b".repeat(40);
        let text = format!("la Factura {long} agua");
        assert_eq!(
            QuestionForms::of(&text).found_in(&stop_words, &word_forms, 4),
            vec![(0, 0), (1, 1), (0, 0), (1, 0)]
        );
    }
}
