//! Judging a run of digits as a whole (see "How numbers are judged" in the module documentation).

use super::check_digits::{chinese_id_valid, cpf_valid, luhn_valid, nir_valid, snils_valid};
use super::context_words::{after_account_word, after_phone_word, next_to_currency};
use super::{CARD, ID_NUMBER, NUMBER, PHONE};
use crate::digits;

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
pub(super) struct Token<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// Byte span and digit count of each group.
    groups: [(usize, usize, usize); MAX_GROUPS],
    pub(super) len: usize,
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
    pub(super) fn parse(text: &'t str, start: usize, end: usize) -> Self {
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
    pub(super) fn emit(&self, a: usize, b: usize, out: &mut String, copied: &mut usize) {
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
