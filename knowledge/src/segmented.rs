//! Tokenizing Chinese and Thai, written without spaces between words: each run of Han or
//! Thai characters is cut into words by ICU4X's dictionary word segmenter, every other word
//! as [`crate::words`] cuts it. Chinese is folded to Simplified characters first
//! ([`crate::han_fold`]), so that a question in Traditional characters is cut into the same
//! words as content in Simplified ones.
//!
//! Both used to be cut into overlapping character bigrams, which need no dictionary but make
//! weak evidence: a Thai bigram is two letters of an alphabet and found in nearly every long
//! passage, and a Chinese question's bigrams that straddle two words match text that merely
//! has those characters side by side. With words, a question's coverage and the proximity of
//! its terms mean what they mean in other languages, and the decision to answer or hand off
//! is as reliable (`docs/quality.md`). The segmenter's dictionaries (Chinese and Japanese,
//! and the Southeast Asian scripts) add about 3 MB to the server.

use std::sync::LazyLock;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::token_buffer::{BufferedTokens, TokenBuffer};
use crate::words::WordTokenizer;

/// The segmenter, with its dictionaries (compiled into the binary).
static SEGMENTER: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));

/// Whether `c` is written without spaces between words and cut by the segmenter: Han
/// (unified ideographs, extension A, compatibility ideographs) or Thai.
fn is_segmented(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{0E00}'..='\u{0E7F}'
    )
}

/// A tokenizer producing one token per word of a Han or Thai run (as the segmenter finds
/// them) and per other word ([`WordTokenizer`]). Offsets are those of the text's
/// [`search_form`](crate::words::search_form).
#[derive(Debug, Default, Clone)]
pub struct SegmentedTokenizer {
    /// Whether Han characters are folded to Simplified ones before they are cut (Chinese).
    fold_han: bool,
    words: WordTokenizer,
    tokens: TokenBuffer,
}

impl SegmentedTokenizer {
    /// The tokenizer for Chinese: Traditional characters folded to Simplified ones.
    pub fn chinese() -> Self {
        Self {
            fold_han: true,
            ..Self::default()
        }
    }

    /// The tokenizer for Thai.
    pub fn thai() -> Self {
        Self::default()
    }
}

impl Tokenizer for SegmentedTokenizer {
    type TokenStream<'a> = BufferedTokens<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> BufferedTokens<'a> {
        let Self {
            fold_han,
            words,
            tokens,
        } = self;
        tokens.clear();
        let mut stream = words.token_stream(text);
        while let Some(word) = stream.next() {
            if !word.text.chars().any(is_segmented) {
                tokens.push(word.offset_from, word.offset_to, &word.text);
                continue;
            }
            let folded;
            let word_text = if *fold_han {
                folded = crate::han_fold::fold(&word.text);
                &folded
            } else {
                &word.text
            };
            let mut segments = SEGMENTER.segment_str(word_text);
            let mut start = 0;
            while let Some(end) = segments.next() {
                let segment = &word_text[start..end];
                // Not marks alone: the segmenter may cut the marks that follow a Han
                // character off it, where the text put them by mistake.
                if segments.is_word_like() && segment.chars().any(char::is_alphanumeric) {
                    let from = word.offset_from + start;
                    tokens.push(from, from + segment.len(), segment);
                }
                start = end;
            }
        }
        tokens.stream()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token_buffer::token_texts as texts;

    #[test]
    fn thai_runs_are_cut_into_words() {
        let mut thai = SegmentedTokenizer::thai();
        // "Garbage collection day".
        assert_eq!(texts(&mut thai, "วันเก็บขยะ"), ["วัน", "เก็บ", "ขยะ"]);
        // "The library opens at what time?": the dictionary cuts "library" into "room" and
        // "book", in content and questions alike.
        let words = texts(&mut thai, "ห้องสมุดเปิดกี่โมง");
        assert_eq!(words, ["ห้อง", "สมุด", "เปิด", "กี่", "โมง"]);
        assert_eq!(words.concat(), "ห้องสมุดเปิดกี่โมง");
    }

    #[test]
    fn chinese_is_cut_into_words_in_either_script() {
        let mut chinese = SegmentedTokenizer::chinese();
        // "What are the library's opening hours?"
        let simplified = texts(&mut chinese, "图书馆的开放时间");
        assert_eq!(simplified, ["图书", "馆", "的", "开放", "时间"]);
        assert_eq!(texts(&mut chinese, "圖書館的開放時間"), simplified);
        // Without folding, Traditional characters stay as written, and are cut differently.
        let mut thai = SegmentedTokenizer::thai();
        assert_eq!(texts(&mut thai, "圖書館")[0], "圖書館");
    }

    #[test]
    fn other_words_and_numbers_stay_whole_with_positions_in_order() {
        let mut tokenizer = SegmentedTokenizer::thai();
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
    fn any_text_gives_words_with_a_letter_or_digit_and_no_space() {
        // Characters from the blocks the tokenizer treats differently, Thai marks and Han
        // compatibility ideographs on their own included, in a fixed pseudo-random order.
        let pool: Vec<char> = "ก่ำั้็ขยะ๑๒ 图書館丽兀 abc ÉÑ 12 ,.!?\u{200B}\u{FEFF}-–—"
            .chars()
            .collect();
        let mut state = 0x2545_f491_u32;
        for _ in 0..500 {
            let text: String = (0..40)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    pool[state as usize % pool.len()]
                })
                .collect();
            for tokenizer in [SegmentedTokenizer::chinese(), SegmentedTokenizer::thai()] {
                for word in texts(&mut tokenizer.clone(), &text) {
                    assert!(
                        word.chars().any(char::is_alphanumeric),
                        "{text:?} → {word:?}"
                    );
                    assert!(
                        !word.chars().any(char::is_whitespace),
                        "{text:?} → {word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn copies_keep_the_folding_but_not_the_last_text() {
        let mut tokenizer = SegmentedTokenizer::chinese();
        let _ = tokenizer.token_stream("垃圾收集").advance();
        let mut copy = tokenizer.clone();
        assert!(!copy.token_stream("").advance());
        assert_eq!(texts(&mut copy, "圖書館")[0], "图书");
    }
}
