//! Reading level of easy-read texts (`plain = "..."`), where a readability formula is
//! meaningful for the language.
//!
//! - English: Flesch reading ease, `206.835 − 1.015 × words/sentence − 84.6 × syllables/word`.
//! - Spanish: Fernández Huerta, `206.84 − 0.60 × syllables per 100 words − 1.02 × words/sentence`
//!   (the corrected form: the formula is often printed with sentences per 100 words, which
//!   rewards long sentences).
//!
//! Both read the same way: higher is easier; 60–70 is plain language that most adults read
//! easily, 70–80 fairly easy, 80+ easy. An easy-read text below [`MINIMUM_SCORE`] gets a
//! warning. Other languages are skipped: syllable counting and the scales are not defined for
//! them (Chinese, Korean), or the formulas have not been calibrated.
//!
//! Words are runs of letters (digits alone, like phone numbers and times, are not words);
//! a sentence ends at `.`, `!` or `?` followed by the end of the text or a word that starts
//! with a capital letter, so "8 a.m. to 5 p.m." stays one sentence.

use std::fs;

use crate::check::KnowledgeBase;
use crate::diagnostic::Diagnostic;
use crate::parse::key_line;

/// The score below which an easy-read text is reported: 70, the bottom of "fairly easy" on
/// both scales (about 7th grade). Easy-read versions are for residents who find the full answer
/// hard; 60 ("plain English") is the usual target for ordinary public information, so easy-read
/// texts should do better than that.
pub const MINIMUM_SCORE: f64 = 70.0;

/// A readability measurement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// The formula's name, e.g. "Flesch reading ease".
    pub formula: &'static str,
    /// The score: higher is easier.
    pub value: f64,
}

/// The counts the formulas need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Words (runs of letters).
    pub words: usize,
    /// Sentences (at least 1 when there are words).
    pub sentences: usize,
    /// Syllables, estimated per word with the language's rules.
    pub syllables: usize,
}

/// The readability of `text` in `lang`, for the languages with a formula (en, es).
pub fn score(lang: &str, text: &str) -> Option<Score> {
    match crate::analyzer::base_language(lang) {
        "en" => flesch_reading_ease(text).map(|value| Score {
            formula: "Flesch reading ease",
            value,
        }),
        "es" => fernandez_huerta(text).map(|value| Score {
            formula: "Fernández Huerta",
            value,
        }),
        _ => None,
    }
}

/// Flesch reading ease of an English text (`None` when it has no words).
pub fn flesch_reading_ease(text: &str) -> Option<f64> {
    let c = counts(text, english_syllables);
    (c.words > 0).then(|| {
        206.835
            - 1.015 * c.words as f64 / c.sentences as f64
            - 84.6 * c.syllables as f64 / c.words as f64
    })
}

/// Fernández Huerta readability of a Spanish text (`None` when it has no words).
pub fn fernandez_huerta(text: &str) -> Option<f64> {
    let c = counts(text, spanish_syllables);
    (c.words > 0).then(|| {
        206.84
            - 0.60 * (100.0 * c.syllables as f64 / c.words as f64)
            - 1.02 * c.words as f64 / c.sentences as f64
    })
}

/// Words, sentences and syllables of `text`, syllables counted by `syllables`.
pub fn counts(text: &str, syllables: fn(&str) -> usize) -> Counts {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut c = Counts::default();
    for (i, token) in tokens.iter().enumerate() {
        let word: String = token
            .chars()
            .filter(|ch| ch.is_alphabetic() || *ch == '\'' || *ch == '’')
            .collect();
        let letters = word.chars().filter(|ch| ch.is_alphabetic()).count();
        if letters > 0 {
            c.words += 1;
            c.syllables += syllables(&word.to_lowercase()).max(1);
        }
        let ends = token
            .trim_end_matches(['"', '”', '’', '\'', ')', '»'])
            .ends_with(['.', '!', '?']);
        let next_starts_sentence = tokens.get(i + 1).is_none_or(|next| {
            next.trim_start_matches(['"', '“', '‘', '\'', '(', '«', '¿', '¡'])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        if ends && next_starts_sentence {
            c.sentences += 1;
        }
    }
    if c.words > 0 && c.sentences == 0 {
        c.sentences = 1;
    }
    c
}

/// English syllables by the usual rule of thumb: vowel groups, less a silent final `e`
/// (but not in `-le`), less `-ed` and `-es` endings that add none ("closed", "makes"; but
/// "needed", "boxes").
pub fn english_syllables(word: &str) -> usize {
    let word: Vec<char> = word
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if word.is_empty() {
        return 0;
    }
    if word.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut groups = 0;
    let mut previous = false;
    for (i, &c) in word.iter().enumerate() {
        // A leading y is a consonant ("yard", "you").
        let is_vowel = vowel(c) && !(c == 'y' && i == 0);
        if is_vowel && !previous {
            groups += 1;
        }
        previous = is_vowel;
    }
    let n = word.len();
    let ends_with = |suffix: &str| {
        word.iter()
            .rev()
            .copied()
            .take(suffix.len())
            .eq(suffix.chars().rev())
    };
    if ends_with("e") && !ends_with("le") && !ends_with("ee") && groups > 1 {
        groups -= 1;
    } else if groups > 1 && !vowel(word[n - 3]) {
        let sounded = if ends_with("ed") {
            matches!(word[n - 3], 't' | 'd')
        } else if ends_with("es") {
            matches!(word[n - 3], 's' | 'x' | 'z' | 'c' | 'g' | 'h')
        } else {
            true
        };
        if !sounded {
            groups -= 1;
        }
    }
    groups.max(1)
}

/// Spanish syllables: one per vowel nucleus. Two strong vowels (a, e, o, or an accented
/// vowel) next to each other are in different syllables (hiatus); a weak vowel (i, u, ü)
/// next to another vowel forms a diphthong with it. A final `y` after a vowel ("hoy", "muy")
/// belongs to that vowel's syllable; `y` alone is a word of one syllable.
pub fn spanish_syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if chars.is_empty() {
        return 0;
    }
    if chars == ['y'] {
        return 1;
    }
    let strong = |c: char| matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'í' | 'ó' | 'ú');
    let weak = |c: char| matches!(c, 'i' | 'u' | 'ü');
    let mut count = 0;
    let mut previous: Option<char> = None;
    for &c in &chars {
        if strong(c) || weak(c) {
            match previous {
                Some(p) if strong(p) && strong(c) => count += 1,
                Some(_) => {}
                None => count += 1,
            }
            previous = Some(c);
        } else {
            previous = None;
        }
    }
    count.max(1)
}

/// A warning for every easy-read text in a language with a formula that scores below
/// [`MINIMUM_SCORE`], at the line of `plain`, with the score.
pub fn hard_plain_texts(kb: &KnowledgeBase) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for entry in &kb.entries {
        let Some(plain) = &entry.plain else { continue };
        let Some(score) = score(&entry.lang, plain) else {
            continue;
        };
        if score.value >= MINIMUM_SCORE {
            continue;
        }
        let line = fs::read_to_string(&entry.path)
            .ok()
            .and_then(|text| key_line(&text, "plain"))
            .unwrap_or(1);
        problems.push(Diagnostic::warning(
            &entry.path,
            line,
            format!(
                "the easy-read text is hard to read: {} {:.0} (aim for {MINIMUM_SCORE:.0} or \
                 more: shorter sentences, shorter words)",
                score.formula, score.value
            ),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_syllables_follow_the_rule_of_thumb() {
        for (word, n) in [
            ("cat", 1),
            ("trash", 1),
            ("picked", 1),
            ("closed", 1),
            ("needed", 2),
            ("table", 2),
            ("recycling", 3),
            ("library", 3),
            ("yard", 1),
            ("every", 3),
            ("makes", 1),
            ("boxes", 2),
        ] {
            assert_eq!(english_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn spanish_syllables_count_vowel_nuclei() {
        for (word, n) in [
            ("casa", 2),
            ("agua", 2),
            ("biblioteca", 4),
            ("poeta", 3),
            ("día", 2),
            ("hoy", 1),
            ("y", 1),
            ("ciudad", 2),
            ("reciclaje", 4),
            ("que", 1),
        ] {
            assert_eq!(spanish_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_end_before_a_capital_only() {
        let c = counts(
            "It is open 8 a.m. to 5 p.m. It is closed on weekends. Call (555) 010-0100.",
            english_syllables,
        );
        assert_eq!(c.sentences, 3);
        assert_eq!(c.words, 12);
    }

    #[test]
    fn short_sentences_score_higher_than_long_ones() {
        let easy = flesch_reading_ease("The cart is blue. Put cans in it. Rinse them.").unwrap();
        let hard = flesch_reading_ease(
            "Residents requiring supplementary recycling containers should contact the \
             municipal sanitation department regarding availability and applicable fees.",
        )
        .unwrap();
        assert!(easy > 90.0, "{easy}");
        assert!(hard < 10.0, "{hard}");
        let facil = fernandez_huerta("La basura se recoge una vez por semana.").unwrap();
        assert!(facil > 80.0, "{facil}");
        assert!(score("zh-Hans", "垃圾每周收一次。").is_none());
        assert!(score("es-MX", "Hola.").is_some());
    }
}

#[cfg(test)]
mod base_tests {
    use super::*;
    use crate::testing::{TestBase, entry};

    #[test]
    fn hard_easy_read_texts_are_reported_with_their_score() {
        let base = TestBase::new();
        let plain = |text: &str| format!("plain = \"{text}\"\n");
        base.write(
            "en/trash/easy.md",
            &entry(
                "easy",
                "trash",
                "T",
                &plain("Put the cart out. Do it by 6 a.m."),
                "A.",
            ),
        );
        base.write(
            "en/trash/hard.md",
            &entry("hard", "trash", "T", &plain("Residents requiring supplementary containers should contact the municipal sanitation department."), "A."),
        );
        base.write(
            "ko/trash/hard.md",
            &entry("hard", "trash", "T", &plain("어려운 문장입니다."), "A."),
        );
        let text: Vec<String> = hard_plain_texts(&base.load())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(text.len(), 1, "{text:#?}");
        assert!(text[0].contains("en/trash/hard.md:10: warning: the easy-read text is hard to read: Flesch reading ease"), "{text:#?}");
    }
}
