//! Cutting text into words, whatever its script and however its characters are encoded.
//!
//! Text is brought to its search form first ([`search_form`]): Unicode NFKC, so that the
//! same word typed with precomposed letters (`rác`, with U+00E1) or with letters followed by
//! combining accents (`ra` + U+0301 + `c`, as some Vietnamese keyboards, text copied from
//! PDFs and file names from macOS write it) gives the same terms, Korean typed as separate
//! jamo meets the syllables of the content, and full-width Latin letters and digits typed
//! with a Chinese or Japanese keyboard (`ｐａｙ`, `１２３`), ligatures from PDFs (`ﬁ`) and
//! Arabic presentation forms meet the ordinary letters; and without the invisible
//! characters that sit inside words (soft hyphens copied from web pages, zero-width joiners
//! and non-joiners, direction marks), which would otherwise cut them; and without the
//! Arabic and Hebrew vowel marks that content has and residents seldom type. Questions are
//! kept and stored in NFC ([`nfc`]), which changes nothing a reader can see.
//!
//! A word is a run of letters and digits with the combining marks inside it
//! ([`is_word_char`]). Tantivy's `SimpleTokenizer` cut words at every mark that is not also
//! a letter: Hindi conjuncts joined by the virama (`स्वास्थ्य`, "health") fell apart into
//! `स`, `वास`, `थ`, `य`, as did letters with a nukta (`ज़`), and accents left decomposed split
//! Latin words in two. [`WordTokenizer`] keeps them whole.

use std::borrow::Cow;
use std::str::CharIndices;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkc_quick};

/// `text` in Unicode Normalization Form C; borrowed when it already is (all ASCII text, and
/// nearly all text typed on today's keyboards).
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// `text` in its search form: NFKC (except for Thai and Lao AM, see `keeps_compatibility_form`),
/// without [`is_invisible_in_words`] characters, Arabic and Hebrew vowel marks (see
/// `is_optional_vowel_mark`), Greek accents and the diaeresis of `ё` (see
/// `is_optional_accent`), and with the Turkish capital `İ` written `I`;
/// borrowed when it already is (all ASCII text, and nearly all text typed on today's
/// keyboards).
///
/// `İ` is lower-cased by Unicode to `i` followed by a combining dot, so `İletişim` (a heading
/// as common as "Contact") never met `iletişim` as a resident types it; as `I`, it is
/// lower-cased and folded to the same `i` as every other spelling.
pub fn search_form(text: &str) -> Cow<'_, str> {
    let changes = |c: char| {
        is_invisible_in_words(c)
            || c == CAPITAL_I_WITH_DOT
            || is_optional_vowel_mark(c)
            || is_accented_greek_or_yo(c)
            || arabic_letter_form(c).is_some()
            || c == ARABIC_TATWEEL
            // Alef with madda or hamza: the mark goes (see `is_optional_accent`).
            || matches!(c, '\u{0622}' | '\u{0623}' | '\u{0625}')
    };
    if text.is_ascii()
        || (is_nfkc_quick(text.chars()) == IsNormalized::Yes && !text.chars().any(changes))
    {
        return Cow::Borrowed(text);
    }
    let mut decomposed = String::with_capacity(text.len());
    let mut base = ' ';
    let mut push = |part: char| {
        let part = arabic_letter_form(part).unwrap_or(part);
        if part == ARABIC_TATWEEL {
            return;
        }
        if is_combining_mark(part) {
            if is_optional_vowel_mark(part) || is_optional_accent(base, part) {
                return;
            }
        } else {
            base = part;
        }
        decomposed.push(part);
    };
    for c in text.chars().filter(|c| !is_invisible_in_words(*c)) {
        if c == CAPITAL_I_WITH_DOT {
            push('I');
        } else if keeps_compatibility_form(c) {
            push(c);
        } else {
            decompose_compatible(c, &mut push);
        }
    }
    Cow::Owned(decomposed.nfc().collect())
}

/// Whether `mark` on the letter `base` is an accent residents often leave out and content
/// keeps: any accent on a Greek letter (`βιβλιοθήκη` is typed `βιβλιοθηκη`), the
/// diaeresis of the Cyrillic `ё` (`счёт` is typed `счет`), and the madda or hamza on an
/// Arabic alef (`أين` is typed `اين`). Other Cyrillic marks make other letters (`й` is not
/// `и`) and stay.
fn is_optional_accent(base: char, mark: char) -> bool {
    is_greek(base)
        || (matches!(base, 'е' | 'Е') && mark == '\u{0308}')
        || (base == '\u{0627}' && matches!(mark, '\u{0653}'..='\u{0655}'))
}

/// The kashida that stretches Arabic words for layout (`مـكتبة`), dropped.
const ARABIC_TATWEEL: char = '\u{0640}';

/// The letter residents type for `c` when they write Arabic loosely: alef maksura `ى` as
/// yeh `ي` (`مستشفى`, `مستشفي`), alef wasla `ٱ` as alef (alef with hamza or madda
/// decomposes to alef and a mark, see `is_optional_accent`: `أين` is typed `اين`). Teh
/// marbuta `ة` typed as heh `ه` is not folded: the
/// Arabic stemmer takes `ة` off as a suffix and not `ه`, and folding cost 1.7 points of
/// R@1 on the development passages.
fn arabic_letter_form(c: char) -> Option<char> {
    match c {
        '\u{0649}' => Some('\u{064A}'),
        '\u{0671}' => Some('\u{0627}'),
        _ => None,
    }
}

/// Whether `c` is a Greek letter (modern or polytonic).
fn is_greek(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}')
}

/// Whether `c` carries an accent that [`search_form`] drops: an accented Greek letter or
/// `ё`/`Ё` (checked before doing any work, so it may answer yes for a few Greek symbols).
fn is_accented_greek_or_yo(c: char) -> bool {
    matches!(c, 'ё' | 'Ё')
        || (is_greek(c) && !matches!(c, '\u{0391}'..='\u{03A9}' | '\u{03B1}'..='\u{03C9}'))
}

/// Whether `c` is a vowel or reading mark that Arabic and Hebrew writers mostly leave out:
/// Arabic harakat, tanween, shadda and sukun (`أيضًا` is typed `أيضا`), Hebrew points and
/// cantillation. Content often has them and residents seldom type them, so they are not
/// searched. The hamza and madda marks are letters' parts, and stay.
fn is_optional_vowel_mark(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{0652}'
            | '\u{0656}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{05BF}'
            | '\u{05C1}'..='\u{05C2}'
            | '\u{05C4}'..='\u{05C5}'
            | '\u{05C7}'
    )
}

/// Turkish and Azerbaijani `İ` (U+0130).
const CAPITAL_I_WITH_DOT: char = '\u{0130}';

/// Whether NFKC's form of `c` is left aside in [`search_form`]: Thai and Lao AM, which NFKC
/// splits in two characters (`ำ` → `ํ` + `า`), so that Thai words would no longer be
/// spelled as the word segmenter's dictionary spells them ([`crate::segmented`]; when Thai was
/// searched by character bigrams, the split cost 1.4 points of R@1 on the development
/// passages).
fn keeps_compatibility_form(c: char) -> bool {
    matches!(c, '\u{0E33}' | '\u{0EB3}')
}

/// Whether `c` is an invisible character that may sit inside a word without ending it: the
/// soft hyphen, zero-width non-joiner and joiner (Persian `می‌خواهم`, Indic conjuncts), the
/// combining grapheme joiner, direction marks and bidirectional controls, the word joiner
/// and the byte order mark. The zero-width space is not one: Khmer, Lao and Myanmar text
/// separates words with it.
pub fn is_invisible_in_words(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{200C}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Whether `c` belongs to a word: a letter, a digit, or a combining mark (vowel signs,
/// viramas, nuktas, accents, tone marks), which always belongs to the letter before it.
pub fn is_word_char(c: char) -> bool {
    // No ASCII character is a mark: spaces and punctuation skip the table lookup.
    c.is_alphanumeric() || (!c.is_ascii() && is_combining_mark(c))
}

/// A tokenizer producing one token per word ([`is_word_char`]) of the text's
/// [`search_form`]. Offsets are those of the search form, which is the text itself unless it
/// held characters that NFKC changes or invisible ones.
#[derive(Debug, Default)]
pub struct WordTokenizer {
    /// The text's search form, when it differs from the text.
    normalized: String,
    token: Token,
}

/// A copy starts empty: the buffers are scratch space for the text being cut.
impl Clone for WordTokenizer {
    fn clone(&self) -> Self {
        Self::default()
    }
}

/// The stream over one text's words.
#[derive(Debug)]
pub struct WordTokenStream<'a> {
    text: &'a str,
    chars: CharIndices<'a>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        let Self { normalized, token } = self;
        token.reset();
        let text = match search_form(text) {
            Cow::Borrowed(text) => text,
            Cow::Owned(owned) => {
                *normalized = owned;
                normalized.as_str()
            }
        };
        WordTokenStream {
            text,
            chars: text.char_indices(),
            token,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        let Some((from, to)) = next_word(self.text, &mut self.chars) else {
            return false;
        };
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.push_str(&self.text[from..to]);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The byte range of the next word of `text` from `chars` on. A word starts at a letter or
/// digit: a mark with nothing before it is skipped.
fn next_word(text: &str, chars: &mut CharIndices<'_>) -> Option<(usize, usize)> {
    let (from, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
    let to = chars
        .find(|(_, c)| !is_word_char(*c))
        .map_or(text.len(), |(offset, _)| offset);
    Some((from, to))
}

/// A text's words as [`WordTokenizer`] cuts them, for code that looks at words one by one (a
/// question's words, each analysed on its own): cut from the text's [`search_form`], which
/// this holds, so they are cut where the tokenizer cuts them.
#[derive(Debug)]
pub struct Words<'a> {
    form: Cow<'a, str>,
}

impl<'a> Words<'a> {
    /// The words of `text`.
    pub fn of(text: &'a str) -> Self {
        Self {
            form: search_form(text),
        }
    }

    /// The words in order, as they stand in the search form.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let text = self.form.as_ref();
        let mut chars = text.char_indices();
        std::iter::from_fn(move || next_word(text, &mut chars).map(|(from, to)| &text[from..to]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut tokenizer = WordTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn decomposed_accents_give_the_precomposed_word() {
        let decomposed = "thu gom ra\u{301}c";
        assert_eq!(words(decomposed), ["thu", "gom", "rác"]);
        assert_eq!(words(decomposed), words("thu gom rác"));
        assert_eq!(nfc("rác"), Cow::Borrowed("rác"));
    }

    #[test]
    fn indic_conjuncts_and_nuktas_stay_one_word() {
        assert_eq!(words("स्वास्थ्य केंद्र"), ["स्वास्थ्य", "केंद्र"]);
        assert_eq!(words("ज़िला, कार्यालय!"), ["ज़िला", "कार्यालय"]);
    }

    #[test]
    fn korean_jamo_are_composed_into_syllables() {
        // 도서관 ("library") typed as nine separate jamo.
        let jamo: String = "도서관".nfd().collect();
        assert_ne!(jamo, "도서관");
        assert_eq!(words(&jamo), ["도서관"]);
    }

    #[test]
    fn full_width_forms_ligatures_and_invisible_characters_meet_plain_text() {
        assert_eq!(words("ｐａｙ ｗａｔｅｒ １２３"), ["pay", "water", "123"]);
        assert_eq!(words("ﬁle"), ["file"]);
        assert_eq!(words("Müll\u{AD}abfuhr"), ["Müllabfuhr"]);
        assert_eq!(words("می\u{200C}خواهم"), words("میخواهم"));
        assert_eq!(words("\u{200F}طلب\u{200F}"), ["طلب"]);
        // The zero-width space separates words.
        assert_eq!(words("a\u{200B}b"), ["a", "b"]);
        assert_eq!(search_form("plain text"), Cow::Borrowed("plain text"));
        assert_eq!(search_form("Müllabfuhr"), Cow::Borrowed("Müllabfuhr"));
        // Thai AM stays one character; the full-width digits beside it do not.
        assert_eq!(search_form("ทำ１"), "ทำ1");
    }

    #[test]
    fn letters_and_accents_residents_leave_out_are_folded() {
        assert_eq!(search_form("İletişim"), "Iletişim");
        assert_eq!(search_form("Ωράριο βιβλιοθήκης"), "Ωραριο βιβλιοθηκης");
        assert_eq!(search_form("Ещё счёт"), "Еще счет");
        // Other Cyrillic marks make other letters.
        assert_eq!(search_form("мой край"), "мой край");
        assert_eq!(search_form("ادفع شخصيًا"), "ادفع شخصيا");
        assert_eq!(search_form("أين المكتبة"), "اين المكتبة");
        assert_eq!(search_form("إلى آخر مـستشفى"), "الي اخر مستشفي");
    }

    #[test]
    fn punctuation_and_stray_marks_separate_words() {
        let text = "Pay-water bill?  \u{301}42";
        assert_eq!(words(text), ["Pay", "water", "bill", "42"]);
        assert_eq!(Words::of(text).iter().collect::<Vec<_>>(), words(text));
        assert_eq!(words(""), Vec::<String>::new());
        assert_eq!(Words::of("  ").iter().count(), 0);
    }
}
