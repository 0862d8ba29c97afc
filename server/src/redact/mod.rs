//! Masking personal data before anything is stored or logged: residents type e-mail addresses,
//! phone numbers, card, bank-account and national-id numbers and home addresses into chat
//! boxes, and the city must not keep them.
//!
//! [`redact`] replaces each with a readable placeholder ([`PLACEHOLDERS`]) and leaves alone
//! what the service needs to help the resident: dates, times, prices, years, ZIP codes, house
//! numbers on their own, street names without a number, and the city's own reference numbers.
//!
//! # How numbers are judged
//!
//! A run of digits (ASCII or of another script residents write numbers in, such as
//! Arabic-Indic, Bengali, Devanagari, Myanmar or full-width: see [`crate::digits`]; with
//! spaces, dots, dashes, slashes or parentheses between groups, and an optional leading `+`)
//! is judged as a whole, in this order:
//!
//! 1. a leading `+` with 8–15 digits is a phone number;
//! 2. a date at the front (`2026-11-26`, `26/11/2026`, `26.11.26`) is kept, and what follows it
//!    is judged on its own (`2026-11-26 10:30`);
//! 3. distinctive national-id shapes are `[id number]`: US SSN `123-45-6789` / `123 45 6789`,
//!    Korean RRN `900101-1234567`, French NIR (15 digits with a valid key), Brazilian CPF
//!    `123.456.789-09` and Russian SNILS `123-456-789 64` (check digits), Chinese resident id
//!    (18 characters, ISO 7064 check), Filipino SSS/PhilHealth/UMID/TIN dash patterns,
//!    Russian passport `45 06 123456`;
//! 4. 13–19 digits passing the Luhn check, ungrouped or in groups of four or more, are a
//!    `[card]`;
//! 5. space-separated groups of five or more digits each are a list of reference numbers and
//!    are judged one by one (`12345 12346`);
//! 6. a case number `2026-001234` (a year, a dash, 4–7 digits) and a ZIP+4 `62704-1234` are
//!    kept;
//! 7. a thousands-grouped amount next to a currency (`1.500.000.000 đồng`) is kept;
//! 8. anything else with nine or more digits is masked: `[phone]` when it is grouped like a
//!    phone number (or is an ungrouped 10–11 digit number not starting with `00`), otherwise
//!    `[number]` — a 16-digit number that fails Luhn is not a card, but it is still masked as a
//!    long number;
//! 9. a grouped 7–8 digit number (`555-0199`, `3412-3456`) is a `[phone]` only when a phone
//!    word (phone, tel, llame, appelez, điện thoại, 전화, 电话, телефон…) comes shortly before
//!    it; a 6–8 digit number right after an account word (account, cuenta, compte, conta…, with
//!    only "number", "is", `:` or `#` between) is a `[number]`;
//! 10. everything else is kept: up to eight digits is how long the city's request ids, ZIP
//!     codes, house numbers and years are, and residents need them ("where is my request
//!     12345?").
//!
//! Letters-and-digits ids are masked by shape and checksum: IBAN (mod 97) as `[account]`,
//! Spanish DNI/NIE (check letter), Mexican CURP and RFC (shape and date) as `[id number]`.
//!
//! Street addresses are masked when a house number and a street-type word make them
//! detectable: `1234 Oak Street`, `12 rue de la Paix`, `123 Đường Lê Lợi`, `Calle Mayor 12`,
//! `Av. Paulista, 1578`, `ул. Ленина, д. 5`, `شارع التحرير 12`, `세종대로 110`, `人民路123号`,
//! `Blk 5 Lot 12`, `P.O. Box 123`. A street named without a number ("where is Oak Street
//! park?", "Highway 61") is left alone.
//!
//! # Known gaps
//!
//! - Addresses without a street-type word ("Insurgentes Sur 1602", "45 Nguyễn Huệ") are kept,
//!   and so is a lower-case street name after the type ("calle mayor 12").
//! - A street word followed by a count reads as an address ("Calle Mayor 3 veces",
//!   "في شارع التحرير 3 حفر", "이 길로 3 블록"): the count is masked with it.
//! - Local numbers of 7–8 digits are phones only after a phone word, and never when written in
//!   one piece ("call 55501999" is kept).
//! - Spelled-out e-mail addresses ("ana arroba gmail punto com") are kept.
//! - City reference numbers longer than eight digits, other than `2026-001234` case numbers,
//!   are masked (`311-2026-004512` becomes `[phone]`).
//! - Corsican NIRs (`2A`/`2B`) and text in decomposed Unicode (NFD) street words are missed.

use std::cell::RefCell;
use std::sync::LazyLock;

use regex::{CaptureLocations, Regex};

use crate::digits;

/// Placeholder for an e-mail address.
pub const EMAIL: &str = "[email]";
/// Placeholder for a phone number.
pub const PHONE: &str = "[phone]";
/// Placeholder for a payment card number (13–19 digits passing the Luhn check).
pub const CARD: &str = "[card]";
/// Placeholder for a national id number (SSN, DNI/NIE, NIR, CURP, RRN, CPF…).
pub const ID_NUMBER: &str = "[id number]";
/// Placeholder for a bank account number (IBAN with a valid checksum).
pub const ACCOUNT: &str = "[account]";
/// Placeholder for a street address with a house number.
pub const ADDRESS: &str = "[address]";
/// Placeholder for any other long number (nine digits or more, or an account number).
pub const NUMBER: &str = "[number]";

/// Every placeholder [`redact`] writes, so that readers of stored text (tests, exports, the
/// staff console) can recognise masked spans.
pub const PLACEHOLDERS: [&str; 7] = [EMAIL, PHONE, CARD, ID_NUMBER, ACCOUNT, ADDRESS, NUMBER];

/// Returns `text` with personal data replaced by placeholders (see the module documentation
/// for what is masked and what is deliberately kept). Text without a digit or an `@` is
/// returned as it is without being scanned.
pub fn redact(text: &str) -> String {
    if !text.chars().any(|c| c == '@' || digits::value(c).is_some()) {
        return text.to_owned();
    }
    let scanner = &*SCANNER;
    thread_local! {
        static LOCATIONS: RefCell<Vec<CaptureLocations>> = const { RefCell::new(Vec::new()) };
    }
    LOCATIONS.with(|cell| {
        let mut locations = cell.borrow_mut();
        if locations.is_empty() {
            locations.extend(scanner.patterns.iter().map(|p| p.re.capture_locations()));
        }
        scanner.redact_with(text, &mut locations)
    })
}

// ---------------------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------------------

/// What a match is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Email,
    Iban,
    MexicanId,
    Nie,
    Dni,
    ChineseId,
    AddressEn,
    Address,
    AddressKo,
    AddressZh,
    /// A street-type word that may begin an address ("Calle", "Av.", "P.O. Box").
    StreetWord,
    Kept,
    Number,
}

/// The patterns, by name, with what a match of each is. Alternatives compiled together (an
/// entry of [`SEARCHED`]) are tried in this order: at one position the first that matches
/// wins. `DIG` stands for a digit of any script residents write numbers in
/// ([`crate::digits`]),
/// `UPPER` for an upper-case Latin letter and `CYRILLIC_UPPER` for an upper-case Cyrillic one:
/// street names are matched in their own script, which keeps the automata small. Inner groups
/// are named only where the code reads them.
const ALTERNATIVES: &[(&str, Kind, &str)] = &[
    (
        "email",
        Kind::Email,
        r"[\p{L}\p{M}\p{N}._%+\-]+@[\p{L}\p{M}\p{N}\-]+(?:\.[\p{L}\p{M}\p{N}\-]+)*\.\p{L}{2,}",
    ),
    (
        "iban",
        Kind::Iban,
        r"(?-u:\b)[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?-u:\b)",
    ),
    (
        // CURP (18) and RFC (12–13): letters, a yymmdd date, then letters and digits.
        "mexican_id",
        Kind::MexicanId,
        r"(?-u:\b)(?:[A-Z][AEIOUX][A-Z]{2}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z0-9][0-9]|[A-ZÑ&]{3,4}[- ]?[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[- ]?[A-Z0-9]{3})(?-u:\b)",
    ),
    (
        "nie",
        Kind::Nie,
        r"(?-u:\b)[XYZxyz]-?[0-9]{7}-?[A-Za-z](?-u:\b)",
    ),
    (
        "dni",
        Kind::Dni,
        r"(?:[0-9]{8}|[0-9]{2}\.[0-9]{3}\.[0-9]{3})-?[A-Za-z](?-u:\b)",
    ),
    (
        "chinese_id",
        Kind::ChineseId,
        r"[0-9]{6}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]",
    ),
    (
        // 12 rue de la Paix, 45 boulevard Saint-Michel, 45 Ri Kapwa: unambiguous street types,
        // the name may be in lower case.
        "address_fr",
        Kind::Address,
        r"[0-9]{1,4}(?:\s?(?:bis|ter|[A-Da-d]))?,?\s+(?i:rue|boulevard|bd|bld|allée|allee|impasse|chemin|quai|chaussée|chaussee|faubourg|fbg|résidence|cité|ruelle|rond-point|ri|ruèl|avni)\.?\s+(?:(?:de|du|des|la|le|les)\s+|[dlDL]['’])*[\p{Latin}\p{N}][\p{Latin}\p{M}\p{N}'’.\-]*(?:[\s\-]+(?:(?:de|du|des|la|le|les)\s+|[dl]['’])*UPPER[\p{Latin}\p{M}'’.\-]*){0,3}",
    ),
    (
        // 5, avenue des Champs-Élysées, 8 place Bellecour, 3 route de Lyon: types that are also
        // common words ("2 cours de danse", "200 square feet") need a capitalised name.
        "address_fr_capitalised",
        Kind::Address,
        r"[0-9]{1,4}(?:\s?(?:bis|ter|[A-Da-d]))?,?\s+(?i:avenue|av|place|pl|route|rte|passage|sentier|voie|square|cours|wout)\.?\s+(?:(?:de|du|des|la|le|les)\s+|[dlDL]['’])*(?:UPPER|[0-9])[\p{Latin}\p{M}\p{N}'’.\-]*(?:[\s\-]+(?:(?:de|du|des|la|le|les)\s+|[dl]['’])*UPPER[\p{Latin}\p{M}'’.\-]*){0,3}",
    ),
    (
        // 1234 Oak Street, 742 Evergreen Terrace, 350 5th Ave, #12 Rizal St., Apt 4B.
        "address_en",
        Kind::AddressEn,
        r"(?:\#\s?)?[0-9]{1,6}(?:-[0-9]{1,4})?[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?(?P<en_names>(?:(?:\p{Latin}[\p{Latin}\p{M}'’.\-]*|[0-9]{1,3}(?:st|nd|rd|th))\s+){1,3})(?P<en_type>(?i:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|place|pl|way|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|alley|plaza|crescent|close|row|pike))(?-u:\b)\.?(?:\s+(?:NE|NW|SE|SW|N|S|E|W)(?-u:\b)\.?)?(?:,?\s*(?i:apt|apartment|unit|suite|ste|fl|floor|rm|room|\#)\.?\s*\#?\s*[A-Za-z0-9\-]{1,6}(?-u:\b))?",
    ),
    (
        // 123 Đường Lê Lợi, 45 phố Hàng Bạc, 12/3 hẻm Nguyễn Trãi.
        "address_vi",
        Kind::Address,
        r"[0-9]{1,5}(?:/[0-9]{1,4})*[A-Za-z]?,?\s+(?i:đường|phố|ngõ|ngách|hẻm|kiệt)\s+UPPER[\p{Latin}\p{M}]*(?:\s+UPPER[\p{Latin}\p{M}]*){0,4}",
    ),
    (
        // 12 شارع التحرير
        "address_ar_number_first",
        Kind::Address,
        r"DIG{1,5}\s*[،,]?\s*(?:شارع|طريق)\s+[\p{Arabic}&&\p{L}]+(?:\s+[\p{Arabic}&&\p{L}]+)?",
    ),
    (
        // Where an address may start with its street type (see `address_es`, `address_misc`).
        "street_word",
        Kind::StreetWord,
        r"(?-u:\b)(?:(?i:calle|avenida|paseo|plaza|carrera|calzada|camino|carretera|ronda|travesía|travesia|bulevar|boulevard|privada|cerrada|andador|callejón|callejon|diagonal|transversal|glorieta|rua|travessa|praça|praca|alameda|estrada|rodovia|viela|kalye|avni|ri|av|avda|blvd|apartado|caixa)\s|(?i:av|avda|pza|cra|kra|calz|ctra|priv|blvd|tv|pso|r)\.|(?i:c/)|(?i:blk|block)[.\s0-9]|(?i:p\.?\s?o\.?\s?box))",
    ),
    (
        // Calle Mayor 12, Av. Paulista, 1578, Calle 26 No. 13-19, Rua das Flores 123, Ri Kapwa #45.
        "address_es",
        Kind::Address,
        r"(?:(?i:calle|avenida|paseo|plaza|carrera|calzada|camino|carretera|ronda|travesía|travesia|bulevar|boulevard|privada|cerrada|andador|callejón|callejon|diagonal|transversal|glorieta|rua|travessa|praça|praca|alameda|estrada|rodovia|viela|kalye|avni|ri)\s+|(?i:av|avda|pza|cra|kra|calz|ctra|priv|blvd|tv|pso|r)\.\s*|(?i:av|avda|blvd)\s+|(?i:c/)\s*)(?:(?i:de|del|da|do|das|dos|la|las|los|el)\s+)*(?:UPPER[\p{Latin}\p{M}'’.\-]*|[0-9]{1,3}(?:[ºª°]|st|nd|rd|th)?)(?:\s+(?:(?i:de|del|da|do|das|dos|la|las|los|el|y|e)\s+)*(?:UPPER[\p{Latin}\p{M}'’.\-]*|[0-9]{1,3})){0,4}(?:,\s*|\s+)(?:(?i:no|nº|n°|n\.º|nro|núm|num|número|numero|n)\.?\s*|\#\s?)?[0-9]{1,5}(?:[A-Za-z](?-u:\b))?(?:\s?[\-–]\s?[0-9]{1,4})?(?:\s*[,\-–]?\s*(?i:piso|apto|apt|apartamento|depto|dpto|int|interior|bloco|casa|puerta|pta|esc|andar|sala|local|lote)\.?\s*[0-9]{1,4}(?:[A-Za-z](?-u:\b))?)?(?:,?\s*[0-9]{1,2}\s?[ºª°](?:\s?[A-Za-z](?-u:\b))?)?",
    ),
    (
        // ул. Ленина, д. 5, кв. 12; проспект Мира 10.
        "address_ru",
        Kind::Address,
        r"(?:(?i:улица|проспект|переулок|шоссе|набережная|бульвар|площадь|проезд)\s+|(?i:ул|пр|пер|ш|наб|пл)\.\s*|(?i:ул|пр-т|б-р|пр-д)\s+)CYRILLIC_UPPER[\p{Cyrillic}\-]*(?:\s+CYRILLIC_UPPER[\p{Cyrillic}\-]*)?,?\s*(?:(?i:д|дом)\.?\s*)?[0-9]{1,4}[а-яА-Я]?(?:\s*[,/]?\s*(?i:корп|к|стр|кв|квартира)\.?\s*[0-9]{1,4})*",
    ),
    (
        // Тверская ул., д. 12
        "address_ru_name_first",
        Kind::Address,
        r"CYRILLIC_UPPER[\p{Cyrillic}\-]*\s+(?i:улица|ул|проспект|пр-т|переулок|пер)\.?,?\s*(?i:д|дом)\.?\s*[0-9]{1,4}[а-яА-Я]?(?:\s*[,/]?\s*(?i:корп|к|стр|кв|квартира)\.?\s*[0-9]{1,4})*",
    ),
    (
        // شارع التحرير رقم 12
        "address_ar",
        Kind::Address,
        r"(?:شارع|طريق)\s+[\p{Arabic}&&\p{L}]+(?:\s+[\p{Arabic}&&\p{L}]+){0,2}\s*[،,]?\s*DIG{1,5}",
    ),
    (
        // 세종대로 110, 테헤란로 52길 14, 중앙로45번길 12-3.
        "address_ko",
        Kind::AddressKo,
        r"(?P<ko_road>[가-힣][가-힣0-9]{0,9}(?:대로|로|길))\s?(?:[0-9]{1,4}(?:번길|길)\s?)?[0-9]{1,4}(?:-[0-9]{1,4})?",
    ),
    (
        // 北京市朝阳区建国路88号, 人民路123号5号楼3单元201室.
        "address_zh",
        Kind::AddressZh,
        r"(?P<zh_pre>\p{Han}{1,6})(?:大道|大街|路|街|巷|弄|胡同)\s?[0-9]{1,5}\s?(?:号|號|弄)(?:\s?[0-9]{1,5}\s?(?:号楼|號樓|栋|棟|幢|座|单元|單元|室|楼|樓|层|層|号|號))*",
    ),
    (
        // Blk 5 Lot 12 Phase 2, P.O. Box 123, Apartado postal 45, Caixa Postal 12.
        "address_misc",
        Kind::Address,
        r"(?i:(?-u:\b)(?:blk|block)\.?\s*[0-9]{1,4}[a-z]?\s*,?\s*(?:lot|l)\.?\s*[0-9]{1,4}(?:\s*,?\s*(?:phase|ph)\.?\s*[0-9]{1,2}[a-z]?)?(?-u:\b)|(?-u:\b)p\.?\s?o\.?\s?box\s*[0-9]{1,6}(?-u:\b)|(?-u:\b)apartado(?:\s+postal)?\s+[0-9]{1,6}(?-u:\b)|(?-u:\b)caixa\s+postal\s+[0-9]{1,6}(?-u:\b))",
    ),
    (
        // Amounts after a currency sign: $1,250.00, € 45, R$ 1.234,56, ₩15,000.
        "money",
        Kind::Kept,
        r"(?:US\$|R\$|MX\$|[$€£¥₩₱₫₽])\s?DIG+(?:[.,\x{a0}\x{202f}]DIG+)*",
    ),
    (
        // Times: 8:00, 17:30:00, 8h30, 17h.
        "time",
        Kind::Kept,
        r"DIG{1,2}:DIG{2}(?::DIG{2})?|[0-9]{1,2}h(?:[0-9]{2})?(?-u:\b)",
    ),
    (
        // Any run of digits with single separators between groups.
        "number",
        Kind::Number,
        r"(?:\+[ \x{a0}]?)?\(?DIG+(?:(?:\)?(?:[ \x{a0}]?[\-.–/][ \x{a0}]?|[ \x{a0}])\(?|\))DIG+)*\)?",
    ),
];

/// The patterns searched through the whole text, in priority order: when two match at the same
/// position, the earlier one wins. One combined pattern would be simpler, but its lazy DFA
/// outgrows the regex engine's cache on varied text and searches slow down tenfold; small
/// patterns each stay fast, and the Latin-script address patterns (the costliest) are only
/// tried where an address can start ([`AT_NUMBER`], [`AT_STREET_WORD`]). Each searched pattern
/// also has a cheap precondition on the text.
const SEARCHED: &[(&[&str], Needs)] = &[
    (&["email"], Needs::At),
    (
        &["iban", "mexican_id", "nie", "dni", "chinese_id"],
        Needs::Nothing,
    ),
    (&["street_word"], Needs::Nothing),
    (
        &[
            "address_ar_number_first",
            "address_ru",
            "address_ru_name_first",
            "address_ar",
            "address_ko",
            "address_zh",
        ],
        Needs::NonAscii,
    ),
    (&["money", "time"], Needs::Nothing),
    (&["number"], Needs::Nothing),
];

/// Addresses that start with the house number, tried (in this order) only at the start of a run
/// of digits, or at a `#` just before it.
const AT_NUMBER: &[&str] = &[
    "address_fr",
    "address_fr_capitalised",
    "address_en",
    "address_vi",
];

/// Addresses that start with the street type, tried (in this order) only where `street_word`
/// matched.
const AT_STREET_WORD: &[&str] = &["address_es", "address_misc"];

/// When a searched pattern can match at all.
#[derive(Clone, Copy)]
enum Needs {
    Nothing,
    /// An `@` in the text.
    At,
    /// A character outside ASCII.
    NonAscii,
}

/// One compiled pattern and where its groups are.
struct Pattern {
    re: Regex,
    /// Group index of each alternative, with its kind.
    kinds: Vec<(usize, Kind)>,
    needs: Needs,
    /// Whether a match's groups are read (which alternative matched, or an inner group);
    /// otherwise the cheaper search without groups is used.
    captures: bool,
}

impl Pattern {
    /// Compiles the alternatives `names` into one pattern; `anchored` ones only match where the
    /// haystack given to them starts.
    fn new(names: &[&str], needs: Needs, anchored: bool) -> Self {
        let body = names
            .iter()
            .map(|name| format!("(?P<{name}>{})", expand(alternative(name).2)))
            .collect::<Vec<_>>()
            .join("|");
        let pattern = if anchored {
            format!("^(?:{body})")
        } else {
            body
        };
        let re = Regex::new(&pattern).expect("the redaction patterns are valid");
        let kinds: Vec<(usize, Kind)> = names
            .iter()
            .map(|name| (group_index(&re, name), alternative(name).1))
            .collect();
        let inner_groups = re.captures_len() > names.len() + 1;
        let one_kind = kinds.iter().all(|(_, kind)| *kind == kinds[0].1);
        Pattern {
            captures: inner_groups || !one_kind,
            re,
            kinds,
            needs,
        }
    }

    /// The next match at or after `at` (`at` is where an anchored pattern must match), with
    /// its kind; `locations` keeps its groups, counted from `at` for an anchored pattern.
    fn find(
        &self,
        text: &str,
        at: usize,
        anchored: bool,
        locations: &mut CaptureLocations,
    ) -> Option<(usize, usize, Kind)> {
        let (haystack, offset, from) = if anchored {
            (&text[at..], at, 0)
        } else {
            (text, 0, at)
        };
        let found = if self.captures {
            self.re.captures_read_at(locations, haystack, from)
        } else {
            self.re.find_at(haystack, from)
        }?;
        let kind = if self.captures {
            self.kinds
                .iter()
                .find(|(group, _)| locations.get(*group).is_some())
                .map_or(Kind::Kept, |(_, kind)| *kind)
        } else {
            self.kinds[0].1
        };
        Some((offset + found.start(), offset + found.end(), kind))
    }
}

/// The alternative called `name`.
fn alternative(name: &str) -> &'static (&'static str, Kind, &'static str) {
    ALTERNATIVES
        .iter()
        .find(|(n, _, _)| *n == name)
        .expect("every pattern names a known alternative")
}

/// All patterns, and the groups the decisions read.
struct Scanner {
    /// [`SEARCHED`], then [`AT_NUMBER`], then [`AT_STREET_WORD`], each compiled alone.
    patterns: Vec<Pattern>,
    en_names: GroupAt,
    en_type: GroupAt,
    ko_road: GroupAt,
    zh_pre: GroupAt,
    /// The `number` alternative alone, to judge a run of digits again after a rejection.
    number: Regex,
}

/// A named inner group: which pattern of [`Scanner::patterns`] has it, and its index there.
#[derive(Clone, Copy)]
struct GroupAt {
    pattern: usize,
    index: usize,
}

static SCANNER: LazyLock<Scanner> = LazyLock::new(|| {
    let mut patterns: Vec<Pattern> = SEARCHED
        .iter()
        .map(|(names, needs)| Pattern::new(names, *needs, false))
        .collect();
    for name in AT_NUMBER.iter().chain(AT_STREET_WORD) {
        patterns.push(Pattern::new(&[name], Needs::Nothing, true));
    }
    let find = |group: &str| {
        patterns
            .iter()
            .enumerate()
            .find_map(|(pattern, p)| {
                p.re.capture_names()
                    .position(|n| n == Some(group))
                    .map(|index| GroupAt { pattern, index })
            })
            .expect("the group exists")
    };
    Scanner {
        en_names: find("en_names"),
        en_type: find("en_type"),
        ko_road: find("ko_road"),
        zh_pre: find("zh_pre"),
        number: Regex::new(&expand(alternative("number").2)).expect("the number pattern is valid"),
        patterns,
    }
});

/// A pattern of [`ALTERNATIVES`] with its shorthands spelled out.
fn expand(pattern: &str) -> String {
    pattern
        .replace("CYRILLIC_UPPER", r"[\p{Lu}&&\p{Cyrillic}]")
        .replace("UPPER", r"[\p{Lu}&&\p{Latin}]")
        .replace("DIG", digits::class())
}

fn group_index(re: &Regex, name: &str) -> usize {
    re.capture_names()
        .position(|n| n == Some(name))
        .expect("the group exists")
}

/// What to do with one match.
enum Decision {
    /// Replace `start..end` (within the match) with the placeholder.
    Mask(usize, usize, &'static str),
    /// Leave the match as it is.
    Keep,
    /// Not what it looked like: judge the text again from just after its first character, or
    /// as a run of digits when it starts with one.
    Reject,
}

/// The groups of the match being decided on.
struct Found<'a> {
    /// Index in [`Scanner::patterns`].
    pattern: usize,
    locations: &'a CaptureLocations,
    /// Where the haystack given to the pattern starts in the text.
    offset: usize,
}

impl Found<'_> {
    fn get(&self, group: GroupAt) -> Option<(usize, usize)> {
        if group.pattern != self.pattern {
            return None;
        }
        let (s, e) = self.locations.get(group.index)?;
        Some((self.offset + s, self.offset + e))
    }
}

impl Scanner {
    fn redact_with(&self, text: &str, locations: &mut [CaptureLocations]) -> String {
        /// The next match of one searched pattern at or after the scanning position.
        #[derive(Clone, Copy)]
        enum Next {
            Unknown,
            At(usize, usize, Kind),
            None,
        }
        const SEARCHES: usize = SEARCHED.len();
        let has_at = text.contains('@');
        let ascii = text.is_ascii();
        let mut next = [Next::Unknown; SEARCHES];
        for (n, pattern) in next.iter_mut().zip(&self.patterns) {
            let possible = match pattern.needs {
                Needs::Nothing => true,
                Needs::At => has_at,
                Needs::NonAscii => !ascii,
            };
            if !possible {
                *n = Next::None;
            }
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut copied = 0;
        let mut pos = 0;
        while pos < text.len() {
            // The leftmost match of all patterns; at the same start, the earlier pattern.
            let mut best: Option<(usize, usize, usize, Kind)> = None;
            for i in 0..SEARCHES {
                if let Next::At(start, _, _) = next[i]
                    && start < pos
                {
                    next[i] = Next::Unknown;
                }
                if let Next::Unknown = next[i] {
                    next[i] = match self.patterns[i].find(text, pos, false, &mut locations[i]) {
                        Some((start, end, kind)) => Next::At(start, end, kind),
                        None => Next::None,
                    };
                }
                if let Next::At(start, end, kind) = next[i]
                    && best.is_none_or(|(_, s, _, _)| start < s)
                {
                    best = Some((i, start, end, kind));
                }
            }
            let Some((i, start, end, kind)) = best else {
                break;
            };
            // The groups in `locations[i]` are read below: search this pattern again next time.
            next[i] = Next::Unknown;
            let (decision, end) = match kind {
                Kind::Number => match self.address_at_number(text, start, copied, locations) {
                    Some((decision, end)) => (decision, end),
                    None => {
                        pos = self.judge_number(text, start, end, &mut out, &mut copied);
                        continue;
                    }
                },
                Kind::StreetWord => self
                    .address_at_street_word(text, start, locations)
                    .unwrap_or((Decision::Reject, end)),
                _ => {
                    let found = Found {
                        pattern: i,
                        locations: &locations[i],
                        offset: 0,
                    };
                    (self.decide(kind, text, start, end, &found), end)
                }
            };
            match decision {
                Decision::Mask(from, to, placeholder) => {
                    out.push_str(&text[copied..from]);
                    out.push_str(placeholder);
                    copied = to;
                    pos = end.max(to);
                }
                Decision::Keep => pos = end,
                Decision::Reject => {
                    let first = text[start..].chars().next().map_or(1, char::len_utf8);
                    let digit_start = text[start..]
                        .chars()
                        .next()
                        .is_some_and(|c| digits::value(c).is_some());
                    pos = match self.number.find_at(text, start) {
                        Some(n) if digit_start && n.start() == start => {
                            self.judge_number(text, n.start(), n.end(), &mut out, &mut copied)
                        }
                        _ => start + first,
                    };
                }
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    /// An address starting with the house number at `start` (or at a `#` just before it, when
    /// that is not yet written out).
    fn address_at_number(
        &self,
        text: &str,
        start: usize,
        copied: usize,
        locations: &mut [CaptureLocations],
    ) -> Option<(Decision, usize)> {
        let from = if start > copied && text[..start].ends_with('#') {
            start - 1
        } else {
            start
        };
        self.anchored(SEARCHED.len(), AT_NUMBER.len(), text, from, locations)
    }

    /// An address starting with the street word at `start`.
    fn address_at_street_word(
        &self,
        text: &str,
        start: usize,
        locations: &mut [CaptureLocations],
    ) -> Option<(Decision, usize)> {
        if starts_inside_word(text, start) {
            return None;
        }
        let first = SEARCHED.len() + AT_NUMBER.len();
        self.anchored(first, AT_STREET_WORD.len(), text, start, locations)
    }

    /// The first of patterns `first..first + count` that matches at `at` and is accepted.
    fn anchored(
        &self,
        first: usize,
        count: usize,
        text: &str,
        at: usize,
        locations: &mut [CaptureLocations],
    ) -> Option<(Decision, usize)> {
        (first..first + count).find_map(|i| {
            let (start, end, kind) = self.patterns[i].find(text, at, true, &mut locations[i])?;
            let found = Found {
                pattern: i,
                locations: &locations[i],
                offset: at,
            };
            match self.decide(kind, text, start, end, &found) {
                Decision::Reject => None,
                decision => Some((decision, end)),
            }
        })
    }

    /// Decides on a match of `kind` at `start..end`.
    fn decide(
        &self,
        kind: Kind,
        text: &str,
        start: usize,
        end: usize,
        found: &Found<'_>,
    ) -> Decision {
        let group_text = |group| found.get(group).map_or("", |(s, e)| &text[s..e]);
        let matched = &text[start..end];
        let followed_by_digit = text[end..]
            .chars()
            .next()
            .is_some_and(|c| digits::value(c).is_some());
        match kind {
            Kind::Email => Decision::Mask(start, end, EMAIL),
            Kind::Iban if iban_valid(matched) => Decision::Mask(start, end, ACCOUNT),
            Kind::MexicanId => Decision::Mask(start, end, ID_NUMBER),
            Kind::Nie | Kind::Dni if spanish_id_valid(matched) => {
                Decision::Mask(start, end, ID_NUMBER)
            }
            Kind::ChineseId if !followed_by_digit && chinese_id_valid(matched) => {
                Decision::Mask(start, end, ID_NUMBER)
            }
            Kind::AddressEn => {
                let names = group_text(self.en_names);
                let street_type = group_text(self.en_type);
                if english_address_plausible(names, street_type)
                    && !after_month_name(&text[..start])
                {
                    Decision::Mask(start, trim_end_punctuation(text, start, end), ADDRESS)
                } else {
                    Decision::Reject
                }
            }
            Kind::Address if !followed_by_digit && !starts_inside_word(text, start) => {
                Decision::Mask(start, trim_end_punctuation(text, start, end), ADDRESS)
            }
            Kind::AddressKo => {
                let road = group_text(self.ko_road);
                if road.ends_with("으로") || followed_by_korean_counter(&text[end..]) {
                    Decision::Reject
                } else {
                    Decision::Mask(start, end, ADDRESS)
                }
            }
            Kind::AddressZh => {
                // Keep what comes before the street name: "我住在", "北京市朝阳区".
                let prefix = found.get(self.zh_pre).unwrap_or((start, start));
                let cut = text[prefix.0..prefix.1]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| CHINESE_PLACE_BREAKS.contains(*c))
                    .map(|(i, c)| prefix.0 + i + c.len_utf8())
                    .unwrap_or(start);
                if cut >= prefix.1 || followed_by_digit {
                    Decision::Reject
                } else {
                    Decision::Mask(cut, end, ADDRESS)
                }
            }
            Kind::Kept if !followed_by_digit => Decision::Keep,
            _ => Decision::Reject,
        }
    }

    /// Judges the run of digits at `start..end`, writes what it masks into `out` and returns
    /// where scanning goes on.
    fn judge_number(
        &self,
        text: &str,
        start: usize,
        end: usize,
        out: &mut String,
        copied: &mut usize,
    ) -> usize {
        let token = Token::parse(text, start, end);
        token.emit(0, token.len, out, copied);
        end
    }
}

/// Whether the match at `start` begins inside a word ("Hen|ri Dupont 12", "M|r. Smith"); Arabic
/// attaches prepositions to the street word ("بشارع"), so it is exempt.
fn starts_inside_word(text: &str, start: usize) -> bool {
    let first = text[start..].chars().next();
    let before = text[..start].chars().next_back();
    let arabic = |c: char| ('\u{600}'..='\u{6FF}').contains(&c);
    first.is_some_and(|c| c.is_alphabetic() && !arabic(c))
        && before.is_some_and(char::is_alphanumeric)
}

/// Where a masked span should end: a trailing `.` or `,` belongs to the sentence.
fn trim_end_punctuation(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end_matches(['.', ',', ' ']).len()
}

// ---------------------------------------------------------------------------------------------
// Runs of digits
// ---------------------------------------------------------------------------------------------

const MAX_GROUPS: usize = 24;

/// How two groups of digits are joined.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sep {
    Space,
    Dash,
    Dot,
    Slash,
    Paren,
}

/// A run of digits split into its groups.
struct Token<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// Byte span and digit count of each group.
    groups: [(usize, usize, usize); MAX_GROUPS],
    len: usize,
    /// More groups than [`MAX_GROUPS`]: judged only by length.
    overflow: bool,
    plus: bool,
}

/// The verdict on groups `a..b` of a token.
enum Verdict {
    Keep,
    Mask(&'static str),
    /// Judge `a..at` and `at..b` separately.
    Split(usize),
}

impl<'t> Token<'t> {
    fn parse(text: &'t str, start: usize, end: usize) -> Self {
        let mut token = Token {
            text,
            start,
            end,
            groups: [(0, 0, 0); MAX_GROUPS],
            len: 0,
            overflow: false,
            plus: text[start..end].starts_with('+'),
        };
        let mut current: Option<(usize, usize)> = None;
        for (i, c) in text[start..end].char_indices() {
            let at = start + i;
            if digits::value(c).is_some() {
                current = Some(match current {
                    Some((s, n)) => (s, n + 1),
                    None => (at, 1),
                });
            } else if let Some((s, n)) = current.take() {
                token.push(s, at, n);
            }
        }
        if let Some((s, n)) = current {
            token.push(s, end, n);
        }
        token
    }

    fn push(&mut self, start: usize, end: usize, digits: usize) {
        if self.len == MAX_GROUPS {
            self.overflow = true;
            self.groups[MAX_GROUPS - 1].1 = end;
            self.groups[MAX_GROUPS - 1].2 += digits;
        } else {
            self.groups[self.len] = (start, end, digits);
            self.len += 1;
        }
    }

    fn digits(&self, a: usize, b: usize) -> usize {
        self.groups[a..b].iter().map(|g| g.2).sum()
    }

    fn lens(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        self.groups[a..b].iter().map(|g| g.2)
    }

    fn has_lens(&self, a: usize, b: usize, lens: &[usize]) -> bool {
        b - a == lens.len() && self.lens(a, b).eq(lens.iter().copied())
    }

    /// The digits of groups `a..b`, separators included (checksums skip them).
    fn span(&self, a: usize, b: usize) -> &'t str {
        &self.text[self.groups[a].0..self.groups[b - 1].1]
    }

    /// The value of group `i` (groups are short where this is used).
    fn value(&self, i: usize) -> u64 {
        let (s, e, _) = self.groups[i];
        self.text[s..e]
            .chars()
            .filter_map(digits::value)
            .fold(0, |v, d| v.saturating_mul(10).saturating_add(u64::from(d)))
    }

    /// The separator after group `i`.
    fn sep(&self, i: usize) -> Sep {
        let between = &self.text[self.groups[i].1..self.groups[i + 1].0];
        if between.contains(['(', ')']) {
            Sep::Paren
        } else if between.contains(['-', '–']) {
            Sep::Dash
        } else if between.contains('.') {
            Sep::Dot
        } else if between.contains('/') {
            Sep::Slash
        } else {
            Sep::Space
        }
    }

    fn seps(&self, a: usize, b: usize) -> impl Iterator<Item = Sep> + '_ {
        (a..b.saturating_sub(1)).map(|i| self.sep(i))
    }

    /// Whether groups `i..i + 3` form a date (year-month-day or day-month-year, either way
    /// round) joined twice by the same dash, dot or slash.
    fn is_date(&self, i: usize) -> bool {
        if i + 3 > self.len {
            return false;
        }
        let sep = self.sep(i);
        if sep != self.sep(i + 1) || !matches!(sep, Sep::Dash | Sep::Dot | Sep::Slash) {
            return false;
        }
        let (l0, l1, l2) = (self.groups[i].2, self.groups[i + 1].2, self.groups[i + 2].2);
        let (v0, v1, v2) = (self.value(i), self.value(i + 1), self.value(i + 2));
        let day_month = |d: u64, m: u64| (1..=31).contains(&d) && (1..=12).contains(&m);
        if l0 == 4 && l1 <= 2 && l2 <= 2 {
            (1900..=2099).contains(&v0) && day_month(v2, v1)
        } else if l0 <= 2 && l1 <= 2 && (l2 == 2 || l2 == 4) {
            day_month(v0, v1) || day_month(v1, v0)
        } else {
            false
        }
    }

    fn verdict(&self, a: usize, b: usize) -> Verdict {
        let k = b - a;
        let n = self.digits(a, b);
        if self.overflow {
            return if n >= 9 {
                Verdict::Mask(NUMBER)
            } else {
                Verdict::Keep
            };
        }
        if a == 0 && self.plus {
            return match n {
                0..=7 => Verdict::Keep,
                8..=15 => Verdict::Mask(PHONE),
                _ => Verdict::Mask(NUMBER),
            };
        }
        if self.is_date(a) {
            if k == 3 {
                return Verdict::Keep;
            }
            if self.sep(a + 2) != self.sep(a) {
                return Verdict::Split(a + 3);
            }
        }
        if let Some(placeholder) = self.national_id(a, b) {
            return Verdict::Mask(placeholder);
        }
        if (13..=19).contains(&n)
            && (k == 1 || self.lens(a, b).all(|l| l >= 4))
            && luhn_valid(self.span(a, b))
        {
            return Verdict::Mask(CARD);
        }
        let spaced = self.seps(a, b).all(|s| s == Sep::Space);
        if k >= 2 && spaced && self.lens(a, b).all(|l| l >= 5) {
            return Verdict::Split(a + 1);
        }
        if k >= 2
            && (spaced || self.seps(a, b).all(|s| s == Sep::Dash))
            && (a..b).all(|i| self.groups[i].2 == 4 && (1900..=2099).contains(&self.value(i)))
        {
            return Verdict::Split(a + 1);
        }
        if k == 2 && self.sep(a) == Sep::Dash {
            let zip_plus_four = self.has_lens(a, b, &[5, 4]);
            let case_number = self.groups[a].2 == 4
                && (1990..=2099).contains(&self.value(a))
                && (4..=7).contains(&self.groups[a + 1].2);
            if zip_plus_four || case_number {
                return Verdict::Keep;
            }
        }
        let (before, after) = self.context(a, b);
        if self.is_amount(a, b) && next_to_currency(before, after) {
            return Verdict::Keep;
        }
        if n >= 9 {
            return Verdict::Mask(if self.is_phone_shaped(a, b) {
                PHONE
            } else {
                NUMBER
            });
        }
        if (7..=8).contains(&n)
            && k >= 2
            && self.lens(a, b).all(|l| (2..=4).contains(&l))
            && self.seps(a, b).all(|s| s != Sep::Slash)
            && after_phone_word(before)
        {
            return Verdict::Mask(PHONE);
        }
        if (6..=8).contains(&n) && after_account_word(before) {
            return Verdict::Mask(NUMBER);
        }
        Verdict::Keep
    }

    /// The text before and after groups `a..b` (outside the token when they are its ends).
    fn context(&self, a: usize, b: usize) -> (&'t str, &'t str) {
        let from = if a == 0 { self.start } else { self.groups[a].0 };
        let to = if b == self.len {
            self.end
        } else {
            self.groups[b - 1].1
        };
        (&self.text[..from], &self.text[to..])
    }

    /// National ids recognised by their grouping (and check digits where they have them).
    fn national_id(&self, a: usize, b: usize) -> Option<&'static str> {
        let k = b - a;
        let n = self.digits(a, b);
        let seps_are = |want: &[Sep]| self.seps(a, b).eq(want.iter().copied());
        // US SSN: 123-45-6789 or 123 45 6789, never area 000, 666 or 9xx, group 00, serial 0000.
        if self.has_lens(a, b, &[3, 2, 4])
            && (seps_are(&[Sep::Dash, Sep::Dash]) || seps_are(&[Sep::Space, Sep::Space]))
        {
            let (area, group, serial) = (self.value(a), self.value(a + 1), self.value(a + 2));
            if area != 0 && area != 666 && area < 900 && group != 0 && serial != 0 {
                return Some(ID_NUMBER);
            }
        }
        // Korean RRN: yymmdd-gnnnnnn.
        if self.has_lens(a, b, &[6, 7]) && matches!(self.sep(a), Sep::Dash | Sep::Space) {
            let birth = self.value(a);
            let (month, day) = (birth / 100 % 100, birth % 100);
            let gender = self.value(a + 1) / 1_000_000;
            if (1..=12).contains(&month) && (1..=31).contains(&day) && (1..=8).contains(&gender) {
                return Some(ID_NUMBER);
            }
        }
        // Brazilian CPF 123.456.789-09 and Russian SNILS 123-456-789 64.
        if self.has_lens(a, b, &[3, 3, 3, 2]) {
            if seps_are(&[Sep::Dot, Sep::Dot, Sep::Dash]) {
                return Some(if cpf_valid(self.span(a, b)) {
                    ID_NUMBER
                } else {
                    NUMBER
                });
            }
            if seps_are(&[Sep::Dash, Sep::Dash, Sep::Space]) {
                return Some(if snils_valid(self.span(a, b)) {
                    ID_NUMBER
                } else {
                    NUMBER
                });
            }
        }
        // French NIR: 1 85 05 78 006 084 36, or 15 digits in one piece.
        if n == 15
            && (k == 1
                || self.has_lens(a, b, &[1, 2, 2, 2, 3, 3, 2])
                || self.has_lens(a, b, &[13, 2]))
            && nir_valid(self.span(a, b))
        {
            return Some(ID_NUMBER);
        }
        // Chinese resident id with a final digit (the X form has its own pattern).
        if k == 1 && n == 18 && chinese_id_valid(self.span(a, b)) {
            return Some(ID_NUMBER);
        }
        // Filipino SSS 34-1234567-8, PhilHealth 12-345678901-2, UMID 0111-1234567-1,
        // TIN 123-456-789-000; Haitian NIF 001-234-567-8.
        let dashed = self.seps(a, b).all(|s| s == Sep::Dash);
        if k >= 3
            && dashed
            && (self.has_lens(a, b, &[2, 7, 1])
                || self.has_lens(a, b, &[2, 9, 1])
                || self.has_lens(a, b, &[4, 7, 1])
                || self.has_lens(a, b, &[3, 3, 3, 3])
                || self.has_lens(a, b, &[3, 3, 3, 1]))
        {
            return Some(ID_NUMBER);
        }
        // Russian passport: series 45 06, number 123456.
        if self.has_lens(a, b, &[2, 2, 6]) && seps_are(&[Sep::Space, Sep::Space]) {
            return Some(ID_NUMBER);
        }
        None
    }

    /// Grouped like a phone number: 2 to 6 groups of at most 8 digits (the first of at most 5),
    /// 9 to 13 digits in all; or 10–11 digits in one piece not starting with the `00` of an
    /// international prefix (an account number more often than a phone number).
    fn is_phone_shaped(&self, a: usize, b: usize) -> bool {
        let k = b - a;
        let n = self.digits(a, b);
        if k == 1 {
            return (10..=11).contains(&n) && !self.span(a, b).starts_with("00");
        }
        let dotted_quad =
            k == 4 && self.seps(a, b).all(|s| s == Sep::Dot) && self.lens(a, b).all(|l| l <= 3);
        if dotted_quad {
            return false;
        }
        (9..=13).contains(&n)
            && k <= 6
            && self.groups[a].2 <= 5
            && self.lens(a, b).all(|l| l <= 8)
            && self.seps(a, b).all(|s| s != Sep::Slash)
    }

    /// Grouped in thousands: 1–3 digits, then groups of exactly three, one kind of separator.
    fn is_amount(&self, a: usize, b: usize) -> bool {
        let k = b - a;
        if k < 2 || self.groups[a].2 > 3 || self.lens(a + 1, b).any(|l| l != 3) {
            return false;
        }
        let first = self.sep(a);
        matches!(first, Sep::Dot | Sep::Space) && self.seps(a, b).all(|s| s == first)
    }

    /// Writes groups `a..b` into `out`, masked where they should be.
    fn emit(&self, a: usize, b: usize, out: &mut String, copied: &mut usize) {
        if a >= b {
            return;
        }
        match self.verdict(a, b) {
            Verdict::Keep => {}
            Verdict::Split(at) => {
                self.emit(a, at, out, copied);
                self.emit(at, b, out, copied);
            }
            Verdict::Mask(placeholder) => {
                let (from, to) = self.mask_span(a, b);
                if from >= *copied {
                    out.push_str(&self.text[*copied..from]);
                    out.push_str(placeholder);
                    *copied = to;
                }
            }
        }
    }

    /// The bytes to replace for groups `a..b`: with the leading `+` and parentheses that belong
    /// to them, without a parenthesis that closes something outside.
    fn mask_span(&self, a: usize, b: usize) -> (usize, usize) {
        let mut from = if a == 0 { self.start } else { self.groups[a].0 };
        let mut to = if b == self.len {
            self.end
        } else {
            self.groups[b - 1].1
        };
        if a > 0 && self.text[..from].ends_with('(') {
            from -= 1;
        }
        if b < self.len && self.text[to..].starts_with(')') {
            to += 1;
        }
        let inside = &self.text[from..to];
        let opens = inside.matches('(').count();
        let closes = inside.matches(')').count();
        if closes > opens && inside.ends_with(')') {
            to -= 1;
        } else if opens > closes && inside.starts_with('(') {
            from += 1;
        }
        (from, to)
    }
}

// ---------------------------------------------------------------------------------------------
// Context words
// ---------------------------------------------------------------------------------------------

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
fn followed_by_korean_counter(after: &str) -> bool {
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
const CHINESE_PLACE_BREAKS: &str = "省市区區县縣镇鎮乡鄉村在是于於到住为為的";

fn after_phone_word(before: &str) -> bool {
    static PHONE_WORD: LazyLock<Regex> = LazyLock::new(|| {
        let words: Vec<String> = PHONE_WORDS.iter().map(|w| regex::escape(w)).collect();
        Regex::new(&format!("(?i:{})", words.join("|"))).expect("the phone words are valid")
    });
    PHONE_WORD.is_match(last_chars(before, 40))
}

fn after_account_word(before: &str) -> bool {
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

fn after_month_name(before: &str) -> bool {
    let rest = before.trim_end();
    MONTHS.iter().any(|w| ends_with_word(rest, w))
}

fn next_to_currency(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let after = after.trim_start();
    CURRENCIES_BEFORE.iter().any(|w| ends_with_word(before, w))
        || CURRENCIES_AFTER.iter().any(|w| starts_with_word(after, w))
}

fn english_address_plausible(names: &str, street_type: &str) -> bool {
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

// ---------------------------------------------------------------------------------------------
// Check digits
// ---------------------------------------------------------------------------------------------

/// The digits of `s` when there are exactly `N` of them, other characters skipped.
fn exactly<const N: usize>(s: &str) -> Option<[u32; N]> {
    let mut digits = [0; N];
    let mut count = 0;
    for d in digits_of(s) {
        *digits.get_mut(count)? = d;
        count += 1;
    }
    (count == N).then_some(digits)
}

/// The digits of `s` in order, other characters skipped.
fn digits_of(s: &str) -> impl DoubleEndedIterator<Item = u32> + '_ {
    s.chars().filter_map(digits::value)
}

/// The Luhn check used by payment cards: from the right, every second digit doubled.
fn luhn_valid(s: &str) -> bool {
    let mut sum = 0;
    let mut count = 0;
    for (i, d) in digits_of(s).rev().enumerate() {
        sum += if i % 2 == 1 {
            let doubled = d * 2;
            if doubled > 9 { doubled - 9 } else { doubled }
        } else {
            d
        };
        count += 1;
    }
    count >= 2 && sum % 10 == 0
}

/// Spanish DNI (`12345678Z`) or NIE (`X1234567L`, X/Y/Z standing for 0/1/2): the letter is
/// `TRWAGMYFPDXBNJZSQVHLCKE`[number mod 23].
fn spanish_id_valid(s: &str) -> bool {
    const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    let s = s.trim();
    let Some(letter) = s.chars().next_back().map(|c| c.to_ascii_uppercase()) else {
        return false;
    };
    let mut number: u32 = match s.chars().next().map(|c| c.to_ascii_uppercase()) {
        Some('X') => 0,
        Some('Y') => 1,
        Some('Z') => 2,
        _ => 0,
    };
    let mut count = 0;
    for d in digits_of(&s[..s.len() - letter.len_utf8()]) {
        number = number * 10 + d;
        count += 1;
    }
    (count == 8 || count == 7) && char::from(LETTERS[(number % 23) as usize]) == letter
}

/// IBAN: 15–34 letters and digits whose rearranged number is 1 mod 97 (ISO 13616).
fn iban_valid(s: &str) -> bool {
    let compact = || s.chars().filter(|c| !c.is_whitespace());
    if !(15..=34).contains(&compact().count()) {
        return false;
    }
    let mut remainder: u32 = 0;
    for c in compact().skip(4).chain(compact().take(4)) {
        let value = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        remainder = if value < 10 {
            (remainder * 10 + value) % 97
        } else {
            (remainder * 100 + value) % 97
        };
    }
    remainder == 1
}

/// French NIR (numéro de sécurité sociale): 13 digits, then a key of 97 − (number mod 97).
/// Corsican numbers (`2A`/`2B`) are not recognised.
fn nir_valid(s: &str) -> bool {
    let Some(digits) = exactly::<15>(s) else {
        return false;
    };
    if !matches!(digits[0], 1 | 2 | 7 | 8) {
        return false;
    }
    let number = digits[..13]
        .iter()
        .fold(0u64, |v, d| v * 10 + u64::from(*d));
    let key = digits[13] * 10 + digits[14];
    u64::from(key) == 97 - number % 97
}

/// Brazilian CPF: two check digits, mod 11 with weights 10..2 and 11..2.
fn cpf_valid(s: &str) -> bool {
    let Some(d) = exactly::<11>(s) else {
        return false;
    };
    if d.iter().all(|x| *x == d[0]) {
        return false;
    }
    let check = |len: usize| {
        let sum: u32 = d[..len]
            .iter()
            .enumerate()
            .map(|(i, x)| x * (len as u32 + 1 - i as u32))
            .sum();
        let r = sum * 10 % 11;
        if r == 10 { 0 } else { r }
    };
    check(9) == d[9] && check(10) == d[10]
}

/// Russian SNILS: the last two digits are Σ dᵢ·(9 − i) reduced mod 101 (100 → 00).
fn snils_valid(s: &str) -> bool {
    let Some(d) = exactly::<11>(s) else {
        return false;
    };
    let sum: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(i, x)| x * (9 - i as u32))
        .sum();
    let check = match sum % 101 {
        100 => 0,
        r => r,
    };
    check == d[9] * 10 + d[10]
}

/// Chinese resident identity number: 17 digits and a check character (ISO 7064 MOD 11-2,
/// `X` for 10).
fn chinese_id_valid(s: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let mut chars = s.chars().filter(|c| !c.is_whitespace());
    let mut sum = 0;
    for w in WEIGHTS {
        match chars.next().and_then(digits::value) {
            Some(d) => sum += d * w,
            None => return false,
        }
    }
    let last = chars.next().map(|c| c.to_ascii_uppercase());
    chars.next().is_none() && last == Some(char::from(CHECK[(sum % 11) as usize]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn() {
        assert!(luhn_valid("4111 1111 1111 1111"));
        assert!(luhn_valid("5500-0000-0000-0004"));
        assert!(luhn_valid("378282246310005"));
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("4111 1111 1111 1112"));
        assert!(!luhn_valid("1234567812345678"));
        assert!(!luhn_valid("0"));
    }

    #[test]
    fn spanish_check_letter() {
        assert!(spanish_id_valid("12345678Z"));
        assert!(spanish_id_valid("12345678-z"));
        assert!(spanish_id_valid("12.345.678-Z"));
        assert!(spanish_id_valid("X1234567L"));
        assert!(spanish_id_valid("Y1234567X"));
        assert!(spanish_id_valid("Z1234567R"));
        assert!(!spanish_id_valid("12345678A"));
        assert!(!spanish_id_valid("X1234567A"));
    }

    #[test]
    fn iban_checksum() {
        assert!(iban_valid("ES91 2100 0418 4502 0005 1332"));
        assert!(iban_valid("GB29NWBK60161331926819"));
        assert!(iban_valid("FR76 3000 6000 0112 3456 7890 189"));
        assert!(iban_valid("DE89 3704 0044 0532 0130 00"));
        assert!(!iban_valid("ES92 2100 0418 4502 0005 1332"));
        assert!(!iban_valid("ES91 2100"));
    }

    #[test]
    fn nir_key() {
        assert!(nir_valid("1 85 05 78 006 084 91"));
        assert!(nir_valid("285057800608441"));
        assert!(!nir_valid("1 85 05 78 006 084 36"));
        assert!(!nir_valid("385057800608491"));
    }

    #[test]
    fn cpf_snils_and_chinese_checks() {
        assert!(cpf_valid("529.982.247-25"));
        assert!(cpf_valid("111.444.777-35"));
        assert!(!cpf_valid("529.982.247-26"));
        assert!(!cpf_valid("111.111.111-11"));
        assert!(snils_valid("112-233-445 95"));
        assert!(!snils_valid("112-233-445 96"));
        assert!(chinese_id_valid("11010519491231002X"));
        assert!(chinese_id_valid("110101199003074514"));
        assert!(chinese_id_valid("440300199001011238"));
        assert!(!chinese_id_valid("110101199003074518"));
    }

    #[test]
    fn digits_in_other_scripts() {
        assert_eq!(redact("رقمي ٠١٠١٢٣٤٥٦٧٨ شكرا"), "رقمي [phone] شكرا");
        assert_eq!(redact("আমার নম্বর ০১৭১২৩৪৫৬৭৮"), "আমার নম্বর [phone]");
        assert_eq!(redact("ဖုန်း ၀၉၄၅၁၂၃၄၅၆၇ ပါ"), "ဖုန်း [phone] ပါ");
        assert_eq!(redact("मेरा फ़ोन +९७७ ९८४१२३४५६७"), "मेरा फ़ोन [phone]");
        assert_eq!(
            redact("カード ４１１１ １１１１ １１１１ １１１１"),
            "カード [card]"
        );
        // Short numbers in any digits are kept, as in ASCII.
        assert_eq!(redact("অনুরোধ ১২৩৪৫"), "অনুরোধ ১২৩৪৫");
    }

    #[test]
    fn masks_emails() {
        assert_eq!(
            redact("write to ana.perez+city@example.org please"),
            "write to [email] please"
        );
        assert_eq!(redact("josé.núñez@correo.gob.mx"), "[email]");
    }

    #[test]
    fn masks_phone_numbers_in_common_formats() {
        for phone in [
            "(555) 123-4567",
            "555-123-4567",
            "555.123.4567",
            "+1 555 123 4567",
            "5551234567",
            "+52 55 1234 5678",
            "06 12 34 56 78",
            "010-1234-5678",
            "0912 345 678",
        ] {
            let out = redact(&format!("call me at {phone} tomorrow"));
            assert_eq!(out, "call me at [phone] tomorrow", "{phone}");
        }
    }

    #[test]
    fn masks_cards_ids_and_long_numbers() {
        assert_eq!(redact("card 4111 1111 1111 1111 ok"), "card [card] ok");
        assert_eq!(redact("card 4111 1111 1111 1112 ok"), "card [number] ok");
        assert_eq!(redact("mi cuenta es 00123456"), "mi cuenta es [number]");
        assert_eq!(redact("account 00123456789"), "account [number]");
        assert_eq!(redact("SSN 123-45-6789"), "SSN [id number]");
        assert_eq!(redact("DNI 12345678Z."), "DNI [id number].");
        assert_eq!(
            redact("IBAN ES91 2100 0418 4502 0005 1332"),
            "IBAN [account]"
        );
    }

    #[test]
    fn parentheses_stay_balanced() {
        assert_eq!(redact("(card 4111 1111 1111 1111)"), "(card [card])");
        assert_eq!(redact("(tel. (555) 010-0199)"), "(tel. [phone])");
        assert_eq!(redact("call (555) 010-0199"), "call [phone]");
    }

    #[test]
    fn masks_addresses_with_a_number() {
        assert_eq!(
            redact("pothole at 1200 Oak St, 62704"),
            "pothole at [address], 62704"
        );
        assert_eq!(redact("vivo en Calle Mayor 12."), "vivo en [address].");
        assert_eq!(redact("我住在人民路123号"), "我住在[address]");
    }

    #[test]
    fn keeps_short_numbers_dates_and_plain_text() {
        for text in [
            "where is request 12345?",
            "¿cómo pago mi factura de agua?",
            "where is Oak Street park?",
            "on 2026-11-26 10:30, open 8:00-17:00, fee $1,250.00",
            "ticket T-7Q4K2M, ZIP 62704, Highway 61, case 2026-001234",
            "on May 5 Main Street is closed",
        ] {
            assert_eq!(redact(text), text);
        }
    }
}
