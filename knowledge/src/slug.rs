//! Ids made from text: what an imported entry is called when its record has no id.

use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, TextAnalyzer, TokenStream};

use crate::words::WordTokenizer;

/// Longest slug made from text, in bytes (cut at a word boundary).
pub const MAX_SLUG_LEN: usize = 60;

/// A file-name-safe id for `text`: its words lowercased, accents removed, joined by `-`
/// ("¿Cómo pago el agua?" → `como-pago-el-agua`). Text with no Latin letters or digits
/// (Chinese, Korean, Arabic, ...) gets `entry-` and a hash of the text instead.
pub fn slug(text: &str) -> String {
    let mut analyzer = TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(text);
    let mut out = String::new();
    while let Some(token) = stream.next() {
        let word: String = token
            .text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() && out.len() + 1 + word.len() > MAX_SLUG_LEN {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    if out.is_empty() {
        format!("entry-{:08x}", fnv1a(text.trim()))
    } else {
        out.truncate(MAX_SLUG_LEN);
        out
    }
}

/// Whether `id` can name an entry file: ASCII letters, digits, `-`, `_` and `.`, not starting
/// with `.` or `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with(['.', '-'])
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Whether `topic` can be a topic key and folder name: lowercase ASCII letters, digits and
/// `-`, starting with a letter or digit.
pub fn is_valid_topic(topic: &str) -> bool {
    !topic.is_empty()
        && !topic.starts_with('-')
        && topic
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// 32-bit FNV-1a: a stable hash, the same on every machine and release.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_folded_words() {
        assert_eq!(
            slug("¿Cómo pago mi factura de agua?"),
            "como-pago-mi-factura-de-agua"
        );
        assert_eq!(
            slug("Graffiti - Public - Bike_rack"),
            "graffiti-public-bike-rack"
        );
        assert_eq!(slug("Làm sao đóng tiền nước?"), "lam-sao-dong-tien-nuoc");
        assert_eq!(slug("Cans_Left_Out_24x7"), "cans-left-out-24x7");
        let long = slug(&"word ".repeat(40));
        assert!(long.len() <= MAX_SLUG_LEN && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn text_without_latin_letters_gets_a_stable_hash() {
        let id = slug("如何缴纳水费");
        assert!(id.starts_with("entry-") && id.len() == 14, "{id}");
        assert_eq!(id, slug("如何缴纳水费"));
        assert_ne!(id, slug("如何缴纳停车罚单"));
        assert!(is_valid_id(&id));
    }

    #[test]
    fn ids_and_topics_are_file_name_safe() {
        assert!(is_valid_id("trash-day_2"));
        assert!(!is_valid_id("../etc"));
        assert!(!is_valid_id("a b"));
        assert!(is_valid_topic("city-hall"));
        assert!(!is_valid_topic("City Hall"));
    }
}
