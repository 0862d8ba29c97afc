//! Decimal digits in the scripts residents write numbers in.
//!
//! A request number, a phone number or a card number may come in Arabic-Indic (`١٢٣`),
//! Persian (`۱۲۳`), Devanagari (`१२३`), Bengali (`১২৩`), Thai (`๑๒๓`), Myanmar (`၁၂၃`) or
//! full-width (`１２３`, from a Chinese or Japanese keyboard) digits. Privacy masking must see
//! them as digits ([`crate::redact`]), and the city's systems know the numbers in ASCII
//! ([`to_ascii`]).

use std::sync::LazyLock;

/// The digit zero of each script whose digits are recognised (Unicode encodes every
/// script's digits 0–9 as ten consecutive characters): ASCII, Arabic-Indic, Persian, N'Ko,
/// Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam,
/// Sinhala, Thai, Lao, Tibetan, Myanmar, Myanmar Shan, Khmer, Mongolian, New Tai Lue,
/// full-width.
const ZEROS: [char; 23] = [
    '0', '\u{0660}', '\u{06F0}', '\u{07C0}', '\u{0966}', '\u{09E6}', '\u{0A66}', '\u{0AE6}',
    '\u{0B66}', '\u{0BE6}', '\u{0C66}', '\u{0CE6}', '\u{0D66}', '\u{0DE6}', '\u{0E50}', '\u{0ED0}',
    '\u{0F20}', '\u{1040}', '\u{1090}', '\u{17E0}', '\u{1810}', '\u{19D0}', '\u{FF10}',
];

/// The value of `c` when it is a decimal digit of one of the recognised scripts.
pub fn value(c: char) -> Option<u32> {
    let code = u32::from(c);
    ZEROS.iter().find_map(|zero| {
        let offset = code.checked_sub(u32::from(*zero))?;
        (offset < 10).then_some(offset)
    })
}

/// `text` with every recognised digit replaced by its ASCII digit (`٦٣٨٣٤٤` → `638344`).
pub fn to_ascii(text: &str) -> String {
    text.chars()
        .map(|c| value(c).and_then(|v| char::from_digit(v, 10)).unwrap_or(c))
        .collect()
}

/// A regular-expression character class matching exactly the recognised digits (written
/// once, for every pattern that uses it).
pub fn class() -> &'static str {
    static CLASS: LazyLock<String> = LazyLock::new(|| {
        let ranges: String = ZEROS
            .iter()
            .map(|zero| {
                let nine = u32::from(*zero) + 9;
                format!(r"\x{{{:X}}}-\x{{{nine:X}}}", u32::from(*zero))
            })
            .collect();
        format!("[{ranges}]")
    });
    &CLASS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_listed_script_have_their_value() {
        for zero in ZEROS {
            for v in 0..10 {
                let c = char::from_u32(u32::from(zero) + v).expect("a character");
                assert_eq!(value(c), Some(v), "{c:?}");
            }
        }
        assert_eq!(value('a'), None);
        assert_eq!(value('\u{065F}'), None);
        assert_eq!(to_ascii("SR-١٢٣ ၄၅ ６"), "SR-123 45 6");
    }

    #[test]
    fn the_class_matches_the_listed_digits_only() {
        let class = regex::Regex::new(&format!("^{}+$", class())).expect("a valid class");
        assert!(class.is_match("0123456789١٢٣۴۵६৭๘၉９"));
        assert!(!class.is_match("12a"));
        assert!(!class.is_match("\u{065F}"));
    }
}
