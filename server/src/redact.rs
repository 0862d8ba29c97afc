//! Masking personal data before anything is stored: residents type e-mail addresses, phone
//! numbers and account or card numbers into chat boxes, and the city must not keep them.

use std::sync::LazyLock;

use regex::Regex;

/// Replaces e-mail addresses with `[email]`, phone numbers with `[phone]` and runs of six or
/// more digits (card, account and ID numbers, possibly grouped with spaces, dots or dashes)
/// with `[number]`. Short numbers (house numbers, 5-digit request ids, ZIP codes) stay.
pub fn redact(text: &str) -> String {
    static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
            .expect("valid regex")
    });
    static PHONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)
            (^|[^\d+])                      # not inside a longer number
            ((?:\+\d{1,3}[\s.-]?)?          # country code
            (?:\(\d{2,4}\)|\d{3})[\s.-]?     # area code
            \d{3}[\s.-]?\d{4})\b             # number
            ",
        )
        .expect("valid regex")
    });
    static DIGITS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d(?:[\s.-]?\d){5,}").expect("valid regex"));
    let text = EMAIL.replace_all(text, "[email]");
    let text = PHONE.replace_all(&text, "${1}[phone]");
    DIGITS.replace_all(&text, "[number]").into_owned()
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn masks_emails() {
        assert_eq!(
            redact("write to ana.perez+city@example.org please"),
            "write to [email] please"
        );
    }

    #[test]
    fn masks_phone_numbers_in_common_formats() {
        for phone in [
            "(555) 123-4567",
            "555-123-4567",
            "555.123.4567",
            "+1 555 123 4567",
            "5551234567",
        ] {
            let out = redact(&format!("call me at {phone} tomorrow"));
            assert_eq!(out, "call me at [phone] tomorrow", "{phone}");
        }
    }

    #[test]
    fn masks_long_digit_runs() {
        assert_eq!(redact("card 4111 1111 1111 1111 ok"), "card [number] ok");
        assert_eq!(redact("mi cuenta es 00123456"), "mi cuenta es [number]");
        assert_eq!(redact("account 00123456789"), "account [number]");
        assert_eq!(redact("SSN 123-45-6789"), "SSN [number]");
    }

    #[test]
    fn keeps_short_numbers_and_plain_text() {
        assert_eq!(
            redact("pothole at 1200 Oak St, 62704"),
            "pothole at 1200 Oak St, 62704"
        );
        assert_eq!(redact("where is request 12345?"), "where is request 12345?");
        assert_eq!(
            redact("¿cómo pago mi factura de agua?"),
            "¿cómo pago mi factura de agua?"
        );
    }
}
