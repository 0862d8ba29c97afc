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

// The map, one job per file:
mod check_digits; // check digits of cards, IBANs and national ids
mod context_words; // words around a number or street name that change how it is read
mod numbers; // judging a run of digits as a whole
mod patterns; // the patterns searched for, by name and kind
mod scanner; // searching a text for the patterns and deciding on each match

use std::cell::RefCell;

use regex::CaptureLocations;

use crate::digits;
use scanner::SCANNER;

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

#[cfg(test)]
mod tests {
    use super::*;

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
