//! Typos: how far a question's term may be from a word of the content and still match it.
//!
//! A term of five characters or more matches the words at most one edit away (two from nine
//! characters), an adjacent transposition counting as one edit ([`typo_distance`]). Two
//! places ask: the search, where a near miss of a term in a field is a weak match, scored as
//! tantivy's `FuzzyTermQuery` scores it ([`TypoMatchQuery`]), and the coverage of a hit,
//! where a term counts as covered when the entry has a word within typo distance.
//!
//! Both take the words from one walk of the language's vocabulary with the term's
//! Levenshtein automaton ([`TypoAutomaton`], [`crate::vocabulary::Vocabulary::typos`]),
//! done once per question term. Before, the search walked each field's dictionary with an
//! automaton built for that field, and the coverage compared the term with every word of
//! every hit; the tests check that the automaton accepts exactly the words the edit distance
//! allows.

use std::sync::Arc;

use tantivy::query::{
    BitSetDocSet, ConstScorer, DfaWrapper, EnableScoring, Explanation, FuzzyTermQuery, Query,
    Scorer, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, DocSet as _, Score, SegmentReader, TantivyError, Term};

/// How many edits a term may be off and still match: none for short words (too many false
/// friends), one from five characters, two from nine.
pub fn typo_distance(term: &str) -> Option<u8> {
    match term.chars().count() {
        0..=4 => None,
        5..=8 => Some(1),
        _ => Some(2),
    }
}

/// The Levenshtein automaton accepting the words at most a given number of edits from a
/// term, transpositions counting one: the automaton tantivy's [`FuzzyTermQuery`] builds.
pub struct TypoAutomaton(DfaWrapper);

impl TypoAutomaton {
    /// The automaton for `term` and `distance` (`field` only names a field for tantivy).
    pub fn new(field: Field, term: &str, distance: u8) -> tantivy::Result<Self> {
        let query = FuzzyTermQuery::new(Term::from_field_text(field, term), distance, true);
        Ok(Self(query.automaton()?))
    }

    /// The automaton, to walk a dictionary with.
    pub fn dfa(&self) -> &DfaWrapper {
        &self.0
    }
}

/// A typo match of a question's term in one field, given the words of the vocabulary within
/// typo distance of it: matches the entries whose field has one of those words, with a
/// constant score, exactly as a `FuzzyTermQuery` for the term on that field does (its
/// automaton accepts the same words of the field's dictionary, a subset of the vocabulary).
#[derive(Clone)]
pub struct TypoMatchQuery {
    field: Field,
    words: Arc<[String]>,
}

impl TypoMatchQuery {
    /// The match of `words` (the typos of one term) in `field`.
    pub fn new(field: Field, words: Arc<[String]>) -> Self {
        Self { field, words }
    }
}

impl std::fmt::Debug for TypoMatchQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypoMatchQuery")
            .field("field", &self.field)
            .field("words", &self.words.len())
            .finish()
    }
}

impl Query for TypoMatchQuery {
    fn weight(&self, _enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(TypoMatchWeight(self.clone())))
    }
}

/// The weight of a [`TypoMatchQuery`]: the scorer tantivy's automaton weight builds, from
/// the postings of the given words instead of the words an automaton walk finds.
struct TypoMatchWeight(TypoMatchQuery);

impl Weight for TypoMatchWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut docs = BitSet::with_max_value(reader.max_doc());
        let inverted_index = reader.inverted_index(self.0.field)?;
        let dictionary = inverted_index.terms();
        for word in self.0.words.iter() {
            let Some(info) = dictionary.get(word.as_bytes())? else {
                continue;
            };
            let mut postings = inverted_index
                .read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            loop {
                let block = postings.docs();
                if block.is_empty() {
                    break;
                }
                for &doc in block {
                    docs.insert(doc);
                }
                postings.advance();
            }
        }
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(docs), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("TypoMatchScorer", 1.0))
        } else {
            Err(TantivyError::InvalidArgument(
                "Document does not exist".to_owned(),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use tantivy::collector::TopDocs;
    use tantivy::postings::TermInfo;
    use tantivy::query::BoostQuery;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::termdict::{TermDictionary, TermDictionaryBuilder};
    use tantivy::{Index, IndexWriter, TantivyDocument};

    /// Levenshtein distance with adjacent transpositions counted as one edit (optimal string
    /// alignment), over characters: what a typo is.
    fn edit_distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let width = b.len() + 1;
        let mut d = vec![0usize; (a.len() + 1) * width];
        for i in 0..=a.len() {
            d[i * width] = i;
        }
        for (j, cell) in d.iter_mut().enumerate().take(width) {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[(i - 1) * width + j] + 1)
                    .min(d[i * width + j - 1] + 1)
                    .min(d[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * width + j - 2] + 1);
                }
                d[i * width + j] = best;
            }
        }
        d[a.len() * width + b.len()]
    }

    #[test]
    fn edit_distance_counts_transpositions_once() {
        assert_eq!(edit_distance("recycl", "recylc"), 1);
        assert_eq!(edit_distance("trash", "trash"), 0);
        assert_eq!(edit_distance("park", "bark"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    /// The automaton (what the search and the coverage count as typos) accepts exactly the
    /// words the edit distance allows, on a dictionary of every word over a small alphabet
    /// with a two-byte character, for one and two allowed edits.
    #[test]
    fn the_automaton_accepts_what_the_edit_distance_allows() {
        let mut words = BTreeSet::new();
        let mut frontier = vec![String::new()];
        for len in 1..=10 {
            let alphabet: &[char] = if len <= 6 {
                &['a', 'b', 'é']
            } else {
                &['a', 'b']
            };
            let mut next = Vec::new();
            for w in &frontier {
                for c in alphabet {
                    next.push(format!("{w}{c}"));
                }
            }
            if len == 6 {
                next.retain(|w| !w.contains('é'));
            }
            words.extend(next.iter().cloned());
            frontier = next;
        }
        let mut builder = TermDictionaryBuilder::create(Vec::new()).unwrap();
        for word in &words {
            builder
                .insert(word.as_bytes(), &TermInfo::default())
                .unwrap();
        }
        let dictionary = TermDictionary::open(tantivy::directory::FileSlice::from(
            builder.finish().unwrap(),
        ))
        .unwrap();
        let mut checked = 0;
        for term in words.iter().step_by(11) {
            let Some(distance) = typo_distance(term) else {
                continue;
            };
            let automaton = TypoAutomaton::new(Field::from_field_id(0), term, distance).unwrap();
            let mut stream = dictionary.search(automaton.dfa()).into_stream().unwrap();
            let mut found = Vec::new();
            while stream.advance() {
                found.push(String::from_utf8(stream.key().to_vec()).unwrap());
            }
            let length = term.chars().count();
            let expected: Vec<String> = words
                .iter()
                .filter(|w| w.chars().count().abs_diff(length) <= usize::from(distance))
                .filter(|w| edit_distance(w, term) <= usize::from(distance))
                .cloned()
                .collect();
            assert_eq!(found, expected, "{term}");
            checked += 1;
        }
        assert!(checked > 150, "{checked}");
    }

    /// A typo match given the words scores every entry as tantivy's fuzzy query does.
    #[test]
    fn typo_matches_score_as_fuzzy_queries() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
        for body in [
            "recycling bins and recyling days",
            "bicycle lanes",
            "the recycling centre",
            "nothing here",
            "recycled paper, recyclable cans",
        ] {
            let mut doc = TantivyDocument::default();
            doc.add_text(text, body);
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let segment = searcher.segment_reader(0);
        let inverted = segment.inverted_index(text).unwrap();
        for (term, distance) in [
            ("recycling", 2),
            ("recycled", 1),
            ("bicycle", 1),
            ("zzzzz", 1),
        ] {
            let automaton = TypoAutomaton::new(text, term, distance).unwrap();
            let mut stream = inverted
                .terms()
                .search(automaton.dfa())
                .into_stream()
                .unwrap();
            let mut words = Vec::new();
            while stream.advance() {
                words.push(String::from_utf8(stream.key().to_vec()).unwrap());
            }
            let fuzzy = BoostQuery::new(
                Box::new(FuzzyTermQuery::new(
                    Term::from_field_text(text, term),
                    distance,
                    true,
                )),
                0.9,
            );
            let typo = BoostQuery::new(Box::new(TypoMatchQuery::new(text, words.into())), 0.9);
            let top = TopDocs::with_limit(10).order_by_score();
            let expected = searcher.search(&fuzzy, &top).unwrap();
            let found = searcher.search(&typo, &top).unwrap();
            assert_eq!(found, expected, "{term}");
        }
    }

    #[test]
    fn short_terms_allow_no_typos() {
        assert_eq!(typo_distance("park"), None);
        assert_eq!(typo_distance("parks"), Some(1));
        assert_eq!(typo_distance("recyclin"), Some(1));
        assert_eq!(typo_distance("recycling"), Some(2));
    }
}
