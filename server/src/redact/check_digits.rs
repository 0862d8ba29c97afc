//! Check digits of cards, IBANs and national ids: small algorithms, each tested on its own.

use crate::digits;

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
pub(super) fn luhn_valid(s: &str) -> bool {
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
pub(super) fn spanish_id_valid(s: &str) -> bool {
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
pub(super) fn iban_valid(s: &str) -> bool {
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
pub(super) fn nir_valid(s: &str) -> bool {
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
pub(super) fn cpf_valid(s: &str) -> bool {
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
pub(super) fn snils_valid(s: &str) -> bool {
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
pub(super) fn chinese_id_valid(s: &str) -> bool {
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
}
