//! A language's vocabulary: every analysed term of its entries, numbered in sorted order,
//! with the number of entries that have it, and a dictionary to find the terms within typo
//! distance of a question's term.
//!
//! Entries keep their terms as sorted numbers ([`VocabularyBuilder::finish`]) rather than as
//! sets of strings, each number stored as its distance from the one before in as few bytes
//! as it needs ([`TermSet`]): a fraction of the memory; whether an entry has a term is a
//! binary search once they are unpacked. Typos are found once per question term, by walking
//! the dictionary with the term's Levenshtein automaton ([`Vocabulary::typos`]), instead of
//! once per field searched and once per entry whose coverage is judged. The walk is the
//! dearest part of a search, and residents' questions repeat the same words, so the typos of
//! the latest few thousand terms are kept ([`Vocabulary::typos_of`]); the vocabulary never
//! changes (a reload builds a new one), so a kept answer is always the one a walk would give.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;
use tantivy::directory::FileSlice;
use tantivy::postings::TermInfo;
use tantivy::query::DfaWrapper;
use tantivy::schema::Field;
use tantivy::termdict::{TermDictionary, TermDictionaryBuilder};

use crate::typo::{TypoAutomaton, typo_distance};

/// Terms whose typos are kept at most; past that the kept ones are dropped and kept anew.
const KEPT_TYPOS: usize = 4096;

/// The terms found within typo distance of a question's term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Typos {
    /// Their numbers in the vocabulary, ascending.
    pub ids: Vec<u32>,
    /// The terms themselves, in the same order.
    pub terms: Arc<[String]>,
}

/// Collects a language's terms entry by entry ([`VocabularyBuilder::add_entry`]), then
/// numbers them ([`VocabularyBuilder::finish`]).
#[derive(Debug, Default)]
pub struct VocabularyBuilder {
    /// Term → provisional number (order of first appearance).
    ids: FxHashMap<String, u32>,
    /// Provisional number → entries with the term.
    doc_freq: Vec<u32>,
    /// Each added entry's terms, by provisional number, ascending (exactly sized: the term
    /// list they are taken from has every repetition of a term, often several times as long).
    entries: Vec<Box<[u32]>>,
}

impl VocabularyBuilder {
    /// Adds one entry's terms (duplicates allowed); returns its position among the added
    /// entries.
    pub fn add_entry(&mut self, terms: impl IntoIterator<Item = String>) -> usize {
        let mut ids: Vec<u32> = Vec::new();
        for term in terms {
            let next = self.doc_freq.len() as u32;
            let id = *self.ids.entry(term).or_insert_with(|| next);
            if id == next {
                self.doc_freq.push(0);
            }
            ids.push(id);
        }
        ids.sort_unstable();
        ids.dedup();
        for id in &ids {
            self.doc_freq[*id as usize] += 1;
        }
        self.entries.push(ids.into_boxed_slice());
        self.entries.len() - 1
    }

    /// Numbers the terms in sorted order and returns the vocabulary, with each added entry's
    /// terms (in the order they were added) as ascending numbers.
    pub fn finish(self) -> std::io::Result<(Vocabulary, Vec<TermSet>)> {
        let mut sorted: Vec<(String, u32)> = self.ids.into_iter().collect();
        sorted.sort_unstable();
        let mut final_id = vec![0u32; sorted.len()];
        let mut doc_freq = Vec::with_capacity(sorted.len());
        let mut builder = TermDictionaryBuilder::create(Vec::new())?;
        for (rank, (term, provisional)) in sorted.iter().enumerate() {
            final_id[*provisional as usize] = rank as u32;
            doc_freq.push(self.doc_freq[*provisional as usize]);
            builder.insert(term.as_bytes(), &TermInfo::default())?;
        }
        let dictionary = TermDictionary::open(FileSlice::from(builder.finish()?))?;
        let ids = sorted
            .into_iter()
            .enumerate()
            .map(|(rank, (term, _))| (term, rank as u32))
            .collect();
        let entries = self
            .entries
            .into_iter()
            .map(|terms| {
                let mut terms: Vec<u32> = terms.iter().map(|t| final_id[*t as usize]).collect();
                terms.sort_unstable();
                TermSet::new(&terms)
            })
            .collect();
        Ok((
            Vocabulary {
                ids,
                doc_freq,
                dictionary,
                kept: Mutex::default(),
            },
            entries,
        ))
    }
}

/// A language's numbered terms (see the module documentation). The default is empty.
pub struct Vocabulary {
    /// Term → number (looked up for every term of every question; keyed by the content's
    /// terms only, so a fast hash without a random key will do).
    ids: FxHashMap<String, u32>,
    /// Number → entries with the term.
    doc_freq: Vec<u32>,
    /// The terms in order, for walking with an automaton.
    dictionary: TermDictionary,
    /// The typos of recently searched terms ([`Vocabulary::typos_of`]).
    kept: Mutex<HashMap<String, Arc<Typos>>>,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Self {
            ids: FxHashMap::default(),
            doc_freq: Vec::new(),
            dictionary: TermDictionary::empty(),
            kept: Mutex::default(),
        }
    }
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary")
            .field("terms", &self.doc_freq.len())
            .finish_non_exhaustive()
    }
}

impl Vocabulary {
    /// The number of `term`, when some entry has it.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// Whether some entry has `term`.
    pub fn contains(&self, term: &str) -> bool {
        self.ids.contains_key(term)
    }

    /// How many entries have `term` (0 when none).
    pub fn doc_freq(&self, term: &str) -> u32 {
        self.id(term).map_or(0, |id| self.doc_freq[id as usize])
    }

    /// The terms `automaton` accepts, in order.
    pub fn typos(&self, automaton: &DfaWrapper) -> std::io::Result<Typos> {
        let mut ids = Vec::new();
        let mut terms = Vec::new();
        let mut stream = self.dictionary.search(automaton).into_stream()?;
        while stream.advance() {
            ids.push(stream.term_ord() as u32);
            terms.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        Ok(Typos {
            ids,
            terms: terms.into(),
        })
    }

    /// The terms within typo distance of `term` ([`typo_distance`], the term itself
    /// included), or `None` when it is too short to allow typos: [`Vocabulary::typos`] with
    /// the term's automaton, kept for the next question with the same term.
    pub fn typos_of(&self, term: &str) -> tantivy::Result<Option<Arc<Typos>>> {
        let Some(distance) = typo_distance(term) else {
            return Ok(None);
        };
        let kept = |kept: &Mutex<HashMap<String, Arc<Typos>>>| {
            kept.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get(term)
                .cloned()
        };
        if let Some(typos) = kept(&self.kept) {
            return Ok(Some(typos));
        }
        let automaton = TypoAutomaton::new(Field::from_field_id(0), term, distance)?;
        let typos = Arc::new(self.typos(automaton.dfa())?);
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if kept.len() >= KEPT_TYPOS {
            kept.clear();
        }
        kept.insert(term.to_owned(), Arc::clone(&typos));
        Ok(Some(typos))
    }
}

/// An entry's terms: distinct vocabulary numbers in ascending order, each held as its
/// distance from the one before in LEB128 (seven bits a byte: one byte under 128, two under
/// 16,384). An entry's numbers are a few dozen spread over a vocabulary of thousands, so this
/// takes about half the memory of `u32`s; a search unpacks only its hits' sets
/// ([`TermSet::unpack_into`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermSet(Box<[u8]>);

impl TermSet {
    /// The set of `numbers`, which must be ascending and distinct.
    pub fn new(numbers: &[u32]) -> Self {
        debug_assert!(numbers.windows(2).all(|w| w[0] < w[1]));
        let mut bytes = Vec::with_capacity(numbers.len() * 2);
        let mut previous = 0;
        for &number in numbers {
            let mut gap = number - previous;
            previous = number;
            while gap >= 0x80 {
                bytes.push((gap & 0x7f) as u8 | 0x80);
                gap >>= 7;
            }
            bytes.push(gap as u8);
        }
        Self(bytes.into_boxed_slice())
    }

    /// Replaces `out` with the numbers, ascending: ready for [`has`].
    pub fn unpack_into(&self, out: &mut Vec<u32>) {
        out.clear();
        let mut number = 0u32;
        let mut gap = 0u32;
        let mut shift = 0;
        for &byte in &*self.0 {
            gap |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                number += gap;
                out.push(number);
                gap = 0;
                shift = 0;
            } else {
                shift += 7;
            }
        }
    }

    /// The numbers, ascending.
    pub fn numbers(&self) -> Vec<u32> {
        let mut numbers = Vec::new();
        self.unpack_into(&mut numbers);
        numbers
    }

    /// Bytes held.
    pub fn held_len(&self) -> usize {
        self.0.len()
    }
}

/// Whether an entry whose terms are `entry_terms` (ascending numbers) has term `id`.
pub fn has(entry_terms: &[u32], id: u32) -> bool {
    entry_terms.binary_search(&id).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn terms_are_numbered_in_order_and_counted_once_per_entry() {
        let mut builder = VocabularyBuilder::default();
        assert_eq!(builder.add_entry(words("trash pick trash day")), 0);
        assert_eq!(builder.add_entry(words("recycl bin day")), 1);
        let (vocabulary, entries) = builder.finish().unwrap();
        // bin, day, pick, recycl, trash
        assert_eq!(vocabulary.id("bin"), Some(0));
        assert_eq!(vocabulary.id("trash"), Some(4));
        assert_eq!(vocabulary.id("nope"), None);
        assert_eq!(vocabulary.doc_freq("day"), 2);
        assert_eq!(vocabulary.doc_freq("trash"), 1);
        assert_eq!(vocabulary.doc_freq("nope"), 0);
        assert_eq!(entries[0].numbers(), [1, 2, 4]);
        assert_eq!(entries[1].numbers(), [0, 1, 3]);
        assert!(has(&entries[0].numbers(), 4) && !has(&entries[1].numbers(), 4));
    }

    #[test]
    fn term_sets_hold_any_numbers_in_one_byte_per_small_gap() {
        for numbers in [
            vec![],
            vec![0],
            vec![
                0,
                1,
                2,
                127,
                128,
                255,
                16_383,
                16_384,
                2_000_000,
                u32::MAX - 1,
                u32::MAX,
            ],
            (0..500).map(|n| n * 37 + 5).collect(),
        ] {
            let set = TermSet::new(&numbers);
            assert_eq!(set.numbers(), numbers);
        }
        let small_gaps: Vec<u32> = (0..100).map(|n| n * 100).collect();
        assert_eq!(TermSet::new(&small_gaps).held_len(), 100);
        let mut out = vec![9, 9, 9];
        TermSet::new(&[3, 4]).unpack_into(&mut out);
        assert_eq!(out, [3, 4]);
    }

    #[test]
    fn term_sets_of_random_gaps_of_every_width_read_back_the_same() {
        // A fixed xorshift sequence: the same sets on every run.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200 {
            let mut numbers = Vec::new();
            let mut number = 0u32;
            for _ in 0..next() % 80 {
                // Gaps of 1 to 32 bits.
                let bits = (next() % 32 + 1) as u32;
                let gap = (next() as u32 >> (32 - bits)).max(1);
                let Some(n) = number.checked_add(gap) else {
                    break;
                };
                number = n;
                numbers.push(number);
            }
            assert_eq!(TermSet::new(&numbers).numbers(), numbers);
        }
    }

    #[test]
    fn typos_are_the_terms_the_automaton_accepts() {
        let mut builder = VocabularyBuilder::default();
        builder.add_entry(words("recycl recycle bicycl recyclable trash"));
        let (vocabulary, _) = builder.finish().unwrap();
        let automaton =
            crate::typo::TypoAutomaton::new(tantivy::schema::Field::from_field_id(0), "recylc", 1)
                .unwrap();
        let typos = vocabulary.typos(automaton.dfa()).unwrap();
        assert_eq!(&*typos.terms, &["recycl".to_owned()]);
        assert_eq!(typos.ids, vec![vocabulary.id("recycl").unwrap()]);
        // The same, kept for the next time; short terms allow none.
        for _ in 0..2 {
            assert_eq!(*vocabulary.typos_of("recylc").unwrap().unwrap(), typos);
        }
        assert!(vocabulary.typos_of("recy").unwrap().is_none());
    }
}
