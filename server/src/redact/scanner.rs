//! Searching a text for the patterns and deciding on each match; plain numbers go to `numbers`.

use std::sync::LazyLock;

use regex::{CaptureLocations, Regex};

use super::check_digits::{chinese_id_valid, iban_valid, spanish_id_valid};
use super::context_words::{
    CHINESE_PLACE_BREAKS, after_month_name, english_address_plausible, followed_by_korean_counter,
};
use super::numbers::Token;
use super::patterns::{AT_NUMBER, AT_STREET_WORD, Kind, Needs, SEARCHED, alternative, expand};
use super::{ACCOUNT, ADDRESS, EMAIL, ID_NUMBER};
use crate::digits;

/// One compiled pattern and where its groups are.
pub(super) struct Pattern {
    pub(super) re: Regex,
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

/// All patterns, and the groups the decisions read.
pub(super) struct Scanner {
    /// [`SEARCHED`], then [`AT_NUMBER`], then [`AT_STREET_WORD`], each compiled alone.
    pub(super) patterns: Vec<Pattern>,
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

pub(super) static SCANNER: LazyLock<Scanner> = LazyLock::new(|| {
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
    pub(super) fn redact_with(&self, text: &str, locations: &mut [CaptureLocations]) -> String {
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
