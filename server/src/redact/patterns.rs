//! The patterns searched for, by name and kind: a table apart from the code that runs it.

use crate::digits;

/// What a match is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
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
pub(super) const SEARCHED: &[(&[&str], Needs)] = &[
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
pub(super) const AT_NUMBER: &[&str] = &[
    "address_fr",
    "address_fr_capitalised",
    "address_en",
    "address_vi",
];

/// Addresses that start with the street type, tried (in this order) only where `street_word`
/// matched.
pub(super) const AT_STREET_WORD: &[&str] = &["address_es", "address_misc"];

/// When a searched pattern can match at all.
#[derive(Clone, Copy)]
pub(super) enum Needs {
    Nothing,
    /// An `@` in the text.
    At,
    /// A character outside ASCII.
    NonAscii,
}

/// The alternative called `name`.
pub(super) fn alternative(name: &str) -> &'static (&'static str, Kind, &'static str) {
    ALTERNATIVES
        .iter()
        .find(|(n, _, _)| *n == name)
        .expect("every pattern names a known alternative")
}

/// A pattern of [`ALTERNATIVES`] with its shorthands spelled out.
pub(super) fn expand(pattern: &str) -> String {
    pattern
        .replace("CYRILLIC_UPPER", r"[\p{Lu}&&\p{Cyrillic}]")
        .replace("UPPER", r"[\p{Lu}&&\p{Latin}]")
        .replace("DIG", digits::class())
}
