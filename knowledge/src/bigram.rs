//! Tokenizing Japanese, written without spaces between words, and Korean, whose words are
//! long compounds: overlapping character bigrams within each run of such characters, whole
//! words elsewhere. "図書館" → 図書, 書館: a query shares bigrams with the text that
//! contains its words, whatever the word boundaries, with no dictionary to ship. Text is
//! brought to its search form first and other words are cut as [`crate::words`] cuts them,
//! so Hangul typed as separate jamo meets the syllables of the content.

use tantivy::tokenizer::Tokenizer;

use crate::token_buffer::{BufferedTokens, TokenBuffer};
use crate::words::{is_word_char, search_form};

/// A tokenizer producing character bigrams for CJK, Hangul and Thai runs (Chinese and Thai
/// content is cut into words, [`crate::segmented`]; this is for such runs inside Japanese
/// and Korean text) and one token per other word (so Latin words and numbers in the same
/// text still match). Offsets are those of the text's [`search_form`].
#[derive(Debug, Default, Clone)]
pub struct BigramTokenizer {
    tokens: TokenBuffer,
}

/// Whether `c` belongs to a script written without spaces between words (or, for Hangul,
/// one where words are long compounds): Han, Hiragana, Katakana, Hangul, Thai.
fn is_bigram_char(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0x1100..=0x11FF    // Hangul jamo
        | 0x0E00..=0x0E7F    // Thai
        | 0x20000..=0x2FFFF  // CJK extensions B–F
    )
}

impl Tokenizer for BigramTokenizer {
    type TokenStream<'a> = BufferedTokens<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> BufferedTokens<'a> {
        self.tokens.clear();
        let text = search_form(text);
        let text = text.as_ref();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |(o, _)| *o);
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if is_bigram_char(c) {
                let mut j = i;
                while j + 1 < chars.len() && is_bigram_char(chars[j + 1].1) {
                    j += 1;
                }
                if i == j {
                    self.tokens.push(start, end_of(i), &text[start..end_of(i)]);
                } else {
                    for (k, (from, _)) in chars.iter().enumerate().take(j).skip(i) {
                        let to = end_of(k + 1);
                        self.tokens.push(*from, to, &text[*from..to]);
                    }
                }
                i = j + 1;
            } else if c.is_alphanumeric() {
                let mut j = i;
                while j + 1 < chars.len()
                    && is_word_char(chars[j + 1].1)
                    && !is_bigram_char(chars[j + 1].1)
                {
                    j += 1;
                }
                self.tokens.push(start, end_of(j), &text[start..end_of(j)]);
                i = j + 1;
            } else {
                i += 1;
            }
        }
        self.tokens.stream()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;

    fn texts(text: &str) -> Vec<String> {
        crate::token_buffer::token_texts(&mut BigramTokenizer::default(), text)
    }

    #[test]
    fn chinese_runs_become_bigrams_and_latin_words_stay_whole() {
        assert_eq!(
            texts("垃圾收集 COVID-19"),
            vec!["垃圾", "圾收", "收集", "COVID", "19"]
        );
        assert_eq!(texts("水"), vec!["水"]);
    }

    #[test]
    fn korean_bigrams_stay_within_words() {
        assert_eq!(texts("쓰레기 수거"), vec!["쓰레", "레기", "수거"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "a 垃圾";
        let mut tokenizer = BigramTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        assert!(stream.advance());
        assert!(stream.advance());
        let token = stream.token();
        assert_eq!(&text[token.offset_from..token.offset_to], "垃圾");
        assert!(!stream.advance());
    }
}
