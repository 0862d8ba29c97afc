//! Tokenizing Thai, which is written without spaces between words: each run of Thai
//! letters is cut into words by ICU4X's word segmenter (its LSTM model for Thai, about
//! 300 KB in the binary), every other word as [`crate::words`] cuts it.
//!
//! Thai used to be cut into character bigrams like Chinese. But Thai letters are an
//! alphabet, not ideographs: two of them say as little as two Latin letters, and nearly
//! every bigram of a question is somewhere in every long passage. Words make coverage and
//! proximity mean for Thai what they mean for other alphabets (`docs/quality.md`).

use std::sync::LazyLock;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::words::WordTokenizer;

/// The segmenter, with its model loaded once.
static SEGMENTER: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));

/// Whether `c` is in the Thai block (letters, vowel signs, tone marks, digits).
fn is_thai(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0E7F}')
}

/// A tokenizer producing one token per Thai word (as the segmenter finds them) and per other
/// word ([`WordTokenizer`]). Offsets are those of the text's
/// [`search_form`](crate::words::search_form).
#[derive(Debug, Default)]
pub struct ThaiTokenizer {
    words: WordTokenizer,
    tokens: Vec<Token>,
}

/// A copy starts with no tokens: the buffers are scratch space for the text being cut.
impl Clone for ThaiTokenizer {
    fn clone(&self) -> Self {
        Self::default()
    }
}

/// The stream over one text's tokens.
#[derive(Debug)]
pub struct ThaiTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl Tokenizer for ThaiTokenizer {
    type TokenStream<'a> = ThaiTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ThaiTokenStream<'a> {
        let Self { words, tokens } = self;
        tokens.clear();
        let mut stream = words.token_stream(text);
        while let Some(word) = stream.next() {
            if !word.text.chars().any(is_thai) {
                push(tokens, word.offset_from, &word.text);
                continue;
            }
            let mut segments = SEGMENTER.segment_str(&word.text);
            let mut start = 0;
            while let Some(end) = segments.next() {
                if end > start && segments.is_word_like() {
                    push(tokens, word.offset_from + start, &word.text[start..end]);
                }
                start = end;
            }
        }
        ThaiTokenStream { tokens, next: 0 }
    }
}

/// Appends the token `text` found at byte `from`.
fn push(tokens: &mut Vec<Token>, from: usize, text: &str) {
    let position = tokens.len();
    tokens.push(Token {
        offset_from: from,
        offset_to: from + text.len(),
        position,
        text: text.to_owned(),
        position_length: 1,
    });
}

impl TokenStream for ThaiTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        let mut tokenizer = ThaiTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn thai_runs_are_cut_into_words() {
        // "garbage collection day" / "the library opens at what time".
        assert_eq!(texts("วันเก็บขยะ"), ["วัน", "เก็บ", "ขยะ"]);
        // The segmenter cuts compounds: "library" is "room" + "book".
        let words = texts("ห้องสมุดเปิดกี่โมง");
        assert_eq!(words, ["ห้อง", "สมุด", "เปิด", "กี่", "โมง"]);
        assert_eq!(words.concat(), "ห้องสมุดเปิดกี่โมง");
    }

    #[test]
    fn other_words_and_numbers_stay_whole_with_positions_in_order() {
        let mut tokenizer = ThaiTokenizer::default();
        let mut stream = tokenizer.token_stream("จ่ายค่าน้ำ online 2026");
        let mut tokens = Vec::new();
        while stream.advance() {
            let token = stream.token();
            tokens.push((token.text.clone(), token.position));
        }
        let texts: Vec<&str> = tokens.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts.last(), Some(&"2026"));
        assert!(texts.contains(&"online"), "{texts:?}");
        assert!(texts.contains(&"จ่าย"), "{texts:?}");
        let positions: Vec<usize> = tokens.iter().map(|(_, p)| *p).collect();
        assert_eq!(positions, (0..tokens.len()).collect::<Vec<_>>());
    }

    #[test]
    fn copies_do_not_keep_the_last_text() {
        let mut tokenizer = ThaiTokenizer::default();
        let _ = tokenizer.token_stream("วันเก็บขยะ").advance();
        let mut copy = tokenizer.clone();
        assert!(!copy.token_stream("").advance());
    }
}
