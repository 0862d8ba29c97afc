//! Words around a number or street name that change how it is read, listed per language.

use std::sync::LazyLock;

use regex::Regex;

/// Words that announce a phone number (matched without regard to case).
const PHONE_WORDS: &[&str] = &[
    "phone",
    "tel",
    "tél",
    "cell",
    "mobile",
    "call",
    "text me",
    "whatsapp",
    "sms",
    "celular",
    "móvil",
    "movil",
    "llam",
    "portable",
    "appel",
    "ligue",
    "ligar",
    "contato",
    "điện thoại",
    "sđt",
    "gọi",
    "tawag",
    "rele",
    "telefòn",
    "전화",
    "휴대폰",
    "핸드폰",
    "연락처",
    "电话",
    "電話",
    "手机",
    "手機",
    "هاتف",
    "جوال",
    "اتصل",
    "телефон",
    "тел",
    "звон",
    "позвон",
];

/// Words after which a 6–8 digit number is an account number.
const ACCOUNT_WORDS: &[&str] = &[
    "account",
    "acct",
    "cuenta",
    "compte",
    "conta",
    "kont",
    "tài khoản",
    "계좌",
    "账户",
    "账号",
    "帳戶",
    "帳號",
    "حساب",
    "счет",
    "счёт",
    "Счет",
    "Счёт",
];

/// Words that may stand between an account word and its number.
const FILLER_WORDS: &[&str] = &[
    "number",
    "numbers",
    "no",
    "nr",
    "num",
    "número",
    "numero",
    "numéro",
    "n°",
    "nº",
    "is",
    "es",
    "est",
    "é",
    "my",
    "mi",
    "ma",
    "mon",
    "de",
    "du",
    "da",
    "do",
    "là",
    "số",
    "bank",
    "bancaria",
    "bancaire",
    "bancária",
    "номер",
];

/// Currencies written after an amount.
const CURRENCIES_AFTER: &[&str] = &[
    "€", "$", "₫", "đ", "đồng", "dong", "vnd", "usd", "eur", "mxn", "php", "₱", "pesos", "peso",
    "euros", "euro", "dollars", "dollar", "dólares", "reais", "real", "₩", "원", "元", "块", "円",
    "¥", "₽", "руб", "rub", "htg", "gourdes", "goud", "ريال", "جنيه", "درهم", "dh", "mad", "egp",
    "sar", "cad", "brl", "krw", "cny", "rmb",
];

/// Currencies written before an amount (when not caught by the `money` pattern).
const CURRENCIES_BEFORE: &[&str] = &[
    "usd", "mxn", "eur", "vnd", "php", "htg", "brl", "krw", "cny", "rmb", "rub", "egp", "sar",
    "cad", "₫", "₱", "₩", "₽", "€", "$", "£", "¥",
];

/// Months: "May 5 Main Street will close" is a date, not an address.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words that, between a number and a street type, show it is not an address ("5 blocks
/// down the road", "20 minutes on the street").
const NOT_STREET_NAMES: &[&str] = &[
    "the", "a", "an", "on", "in", "at", "of", "to", "for", "and", "or", "my", "your", "our",
    "their", "his", "her", "its", "this", "that", "these", "those", "is", "are", "was", "were",
    "be", "has", "have", "had", "there", "here", "by", "with", "from", "near", "down", "up",
    "over", "under", "across", "along", "off", "into", "more", "less", "than", "about", "every",
    "each", "per", "times", "minutes", "mins", "hours", "hrs", "days", "weeks", "months", "years",
    "miles", "blocks", "cars", "kids", "people", "dogs", "lights", "potholes", "houses", "homes",
    "trees", "lane", "lanes", "am", "pm",
];

/// Street types that are unambiguous even in lower case ("1234 oak street").
const LOWERCASE_STREET_TYPES: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "road",
    "rd",
    "terrace",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
];

/// Korean counters: a number followed by one is an amount of something, not a building
/// number ("택시로 10분", "전화로 3번", "위로 3층").
const KOREAN_COUNTERS: &str = "0123456789분번개시명일월년원살세정초회차등위장권달주층%";

/// Counter words that may follow a number after a space ("이 길로 3 블록").
const KOREAN_COUNTER_WORDS: &[&str] = &["블록", "미터", "킬로", "정거장", "정류장", "시간"];

/// Whether `after` (the text after a Korean road number) shows the number counts something.
pub(super) fn followed_by_korean_counter(after: &str) -> bool {
    if after
        .chars()
        .next()
        .is_some_and(|c| KOREAN_COUNTERS.contains(c))
    {
        return true;
    }
    let word = after.trim_start();
    if KOREAN_COUNTER_WORDS.iter().any(|w| word.starts_with(w)) {
        return true;
    }
    // A one-syllable counter standing alone: "3 분", "2 번".
    let mut chars = word.chars();
    chars.next().is_some_and(|c| "분번개명".contains(c))
        && !chars.next().is_some_and(|c| ('가'..='힣').contains(&c))
}

/// Characters that end a Chinese place prefix or a verb before a street name.
pub(super) const CHINESE_PLACE_BREAKS: &str = "省市区區县縣镇鎮乡鄉村在是于於到住为為的";

pub(super) fn after_phone_word(before: &str) -> bool {
    static PHONE_WORD: LazyLock<Regex> = LazyLock::new(|| {
        let words: Vec<String> = PHONE_WORDS.iter().map(|w| regex::escape(w)).collect();
        Regex::new(&format!("(?i:{})", words.join("|"))).expect("the phone words are valid")
    });
    PHONE_WORD.is_match(last_chars(before, 40))
}

pub(super) fn after_account_word(before: &str) -> bool {
    let mut rest = before;
    for _ in 0..6 {
        rest = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
        match FILLER_WORDS.iter().find(|w| ends_with_word(rest, w)) {
            Some(w) => rest = &rest[..rest.len() - w.len()],
            None => break,
        }
    }
    ACCOUNT_WORDS.iter().any(|w| ends_with_word(rest, w))
}

pub(super) fn after_month_name(before: &str) -> bool {
    let rest = before.trim_end();
    MONTHS.iter().any(|w| ends_with_word(rest, w))
}

pub(super) fn next_to_currency(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let after = after.trim_start();
    CURRENCIES_BEFORE.iter().any(|w| ends_with_word(before, w))
        || CURRENCIES_AFTER.iter().any(|w| starts_with_word(after, w))
}

pub(super) fn english_address_plausible(names: &str, street_type: &str) -> bool {
    let mut lowercase = false;
    for word in names.split_whitespace() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if NOT_STREET_NAMES
            .iter()
            .any(|s| s.eq_ignore_ascii_case(bare))
        {
            return false;
        }
        lowercase |= word.chars().next().is_some_and(char::is_lowercase);
    }
    !lowercase
        || LOWERCASE_STREET_TYPES
            .iter()
            .any(|t| t.eq_ignore_ascii_case(street_type))
}

/// The last `n` characters of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[start..]
}

/// Whether `s` ends with the word `w` (ASCII case ignored; for words in Latin letters the
/// character before must not be a letter or digit).
fn ends_with_word(s: &str, w: &str) -> bool {
    let Some(at) = s.len().checked_sub(w.len()) else {
        return false;
    };
    if !s.is_char_boundary(at) || !s[at..].eq_ignore_ascii_case(w) {
        return false;
    }
    !starts_latin(w)
        || !s[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Whether `s` starts with the word `w` (ASCII case ignored; for words in Latin letters the
/// character after must not be a letter).
fn starts_with_word(s: &str, w: &str) -> bool {
    if s.len() < w.len() || !s.is_char_boundary(w.len()) || !s[..w.len()].eq_ignore_ascii_case(w) {
        return false;
    }
    !starts_latin(w) || !s[w.len()..].chars().next().is_some_and(char::is_alphabetic)
}

/// Whether `w` is written in Latin letters (where word boundaries are checked).
fn starts_latin(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || ('\u{c0}'..'\u{250}').contains(&c))
}
