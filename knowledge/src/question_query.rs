//! A question's clauses scored one at a time into one sum per entry, each term looked up in
//! the index once.
//!
//! A question asks for each of its terms in three fields (title, other wordings, body), for
//! its synonyms too, and for its character n-grams in a fourth: some twenty to forty clauses
//! of a term in a field. As tantivy `TermQuery`s in a boolean query, each clause found its
//! term in the field's dictionary twice (for its document frequency when its weight was made,
//! again for its postings when its scorer was), made its BM25 weight from nothing (a table of
//! 256 length factors that depends only on the field's average length, and an explanation of
//! three strings), and its scorer was one of the many whose documents the boolean query's
//! union merged, three calls through a pointer for every posting.
//!
//! Here a [`TermClause`] looks its term up once, when it is made, and keeps where its
//! postings are; its weight shares the length-factor table of its field's [`FieldBm25`], made
//! once per index. [`SummedClauses`] is the whole question as one query: its scorer adds
//! every term clause's BM25 score for each of its documents into one array, reading the
//! postings block by block, then what the other clauses (neighbouring terms, typo matches)
//! score, and walks the documents matched once, where a boolean query's union merged one
//! scorer per clause. Scores are those of a boolean query of the same clauses as `Should`
//! clauses, the terms as boosted `TermQuery`s with the index's
//! [`crate::language_statistics::LanguageStatistics`], to float rounding (the term's IDF is
//! applied as a factor of the table's, and the sum is added up in another order).

use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::postings::TermInfo;
use tantivy::query::{
    BitSetDocSet, Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, QueryClone, Scorer,
    Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{
    BitSet, DocId, DocSet, InvertedIndexReader, Score, Searcher, SegmentReader, TERMINATED,
    TantivyError, Term,
};

/// What every term's BM25 weight in one field of one language shares: the number of the
/// language's entries and the table of length factors for the field's average length.
#[derive(Clone)]
pub struct FieldBm25 {
    entries: u64,
    /// The weight of a term in no entry, whose IDF is `base_idf`.
    base: Bm25Weight,
    base_idf: Score,
}

impl FieldBm25 {
    /// BM25 for a field holding `tokens` tokens over a language's `entries` entries.
    pub fn new(entries: u64, tokens: u64) -> Self {
        let entries = entries.max(1);
        let average_length = tokens as Score / entries as Score;
        Self {
            entries,
            base: Bm25Weight::for_one_term_without_explain(0, entries, average_length),
            base_idf: idf(0, entries),
        }
    }

    /// The weight of a term found in `doc_freq` of the entries.
    fn weight(&self, doc_freq: u64) -> Bm25Weight {
        self.base
            .boost_by(idf(doc_freq.min(self.entries), self.entries) / self.base_idf)
    }
}

impl std::fmt::Debug for FieldBm25 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FieldBm25")
            .field("entries", &self.entries)
            .finish_non_exhaustive()
    }
}

/// BM25's inverse document frequency, as tantivy computes it.
fn idf(doc_freq: u64, entries: u64) -> Score {
    let x = ((entries - doc_freq) as Score + 0.5) / (doc_freq as Score + 0.5);
    (1.0 + x).ln()
}

/// The term as found in one segment.
struct InSegment {
    segment: SegmentId,
    inverted_index: Arc<InvertedIndexReader>,
    info: TermInfo,
}

/// A term's BM25 match in its field, looked up (see the module documentation); scored as one
/// of [`SummedClauses`].
#[derive(Clone)]
pub struct TermClause {
    field: Field,
    /// The segments that have the term.
    found: Arc<[InSegment]>,
    doc_freq: u64,
    bm25: Bm25Weight,
}

impl TermClause {
    /// Looks `term` up in every segment of `searcher`; `bm25` is its field's.
    pub fn new(searcher: &Searcher, term: &Term, bm25: &FieldBm25) -> tantivy::Result<Self> {
        let mut found = Vec::with_capacity(1);
        let mut doc_freq = 0;
        for reader in searcher.segment_readers() {
            let inverted_index = reader.inverted_index(term.field())?;
            if let Some(info) = inverted_index.get_term_info(term)? {
                doc_freq += u64::from(info.doc_freq);
                found.push(InSegment {
                    segment: reader.segment_id(),
                    inverted_index,
                    info,
                });
            }
        }
        Ok(Self {
            field: term.field(),
            found: found.into(),
            doc_freq,
            bm25: bm25.weight(doc_freq),
        })
    }

    /// How many entries have the term in the field: 0 when the clause matches nothing.
    pub fn doc_freq(&self) -> u64 {
        self.doc_freq
    }
}

impl std::fmt::Debug for TermClause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TermClause")
            .field("doc_freq", &self.doc_freq)
            .finish_non_exhaustive()
    }
}

/// A question's clauses, each entry's score the sum of theirs: what a boolean query of them
/// as `Should` clauses scores, computed one clause at a time into one array (see the module
/// documentation). Term clauses are read here; others (phrases, typo matches) add what their
/// own scorers give.
#[derive(Default)]
pub struct SummedClauses {
    terms: Vec<(TermClause, Score)>,
    others: Vec<Box<dyn Query>>,
}

impl SummedClauses {
    /// Adds a term's match, its score multiplied by `boost`; left out when it matches nothing.
    pub fn push_term(&mut self, clause: TermClause, boost: Score) {
        if clause.doc_freq > 0 {
            self.terms.push((clause, boost));
        }
    }

    /// Adds another kind of clause.
    pub fn push(&mut self, clause: Box<dyn Query>) {
        self.others.push(clause);
    }
}

impl Clone for SummedClauses {
    fn clone(&self) -> Self {
        Self {
            terms: self.terms.clone(),
            others: self
                .others
                .iter()
                .map(|clause| clause.box_clone())
                .collect(),
        }
    }
}

impl std::fmt::Debug for SummedClauses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SummedClauses")
            .field("terms", &self.terms.len())
            .field("others", &self.others)
            .finish()
    }
}

impl Query for SummedClauses {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(SummedWeight {
            terms: self.terms.clone(),
            others: self
                .others
                .iter()
                .map(|clause| clause.weight(enable_scoring))
                .collect::<tantivy::Result<_>>()?,
        }))
    }
}

/// The weight of [`SummedClauses`].
struct SummedWeight {
    terms: Vec<(TermClause, Score)>,
    others: Vec<Box<dyn Weight>>,
}

impl Weight for SummedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let segment = reader.segment_id();
        let mut scores = vec![0.0; reader.max_doc() as usize];
        let mut matched = BitSet::with_max_value(reader.max_doc());
        for (clause, clause_boost) in &self.terms {
            let Some(found) = clause.found.iter().find(|f| f.segment == segment) else {
                continue;
            };
            let lengths = reader.get_fieldnorms_reader(clause.field)?;
            let bm25 = clause.bm25.boost_by(clause_boost * boost);
            let mut postings = found
                .inverted_index
                .read_block_postings_from_terminfo(&found.info, IndexRecordOption::WithFreqs)?;
            loop {
                let docs = postings.docs();
                if docs.is_empty() {
                    break;
                }
                for (&doc, &freq) in docs.iter().zip(postings.freqs()) {
                    scores[doc as usize] += bm25.score(lengths.fieldnorm_id(doc), freq);
                    matched.insert(doc);
                }
                postings.advance();
            }
        }
        for clause in &self.others {
            let mut scorer = clause.scorer(reader, boost)?;
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                scores[doc as usize] += scorer.score();
                matched.insert(doc);
                doc = scorer.advance();
            }
        }
        if matched.len() == 0 {
            // (A set of no documents cannot be walked.)
            return Ok(Box::new(EmptyScorer));
        }
        let docs = BitSetDocSet::from(matched);
        Ok(Box::new(AccumulatedScorer { docs, scores }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() > doc || scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("SummedClauses", scorer.score()))
    }
}

/// The documents some [`SummedClauses`] matched in one segment, with their summed scores.
struct AccumulatedScorer {
    docs: BitSetDocSet,
    /// By document.
    scores: Vec<Score>,
}

impl DocSet for AccumulatedScorer {
    fn advance(&mut self) -> DocId {
        self.docs.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.docs.seek(target)
    }

    fn doc(&self) -> DocId {
        self.docs.doc()
    }

    fn size_hint(&self) -> u32 {
        self.docs.size_hint()
    }
}

impl Scorer for AccumulatedScorer {
    fn score(&mut self) -> Score {
        self.scores[self.docs.doc() as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language_statistics::LanguageStatistics;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, TermQuery};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{DocAddress, Index, IndexWriter, TantivyDocument};

    /// Title and body of each document.
    const DOCS: &[(&str, &str)] = &[
        ("trash day", "trash is collected on monday"),
        ("more trash", "trash trash trash and more trash"),
        ("recycling", "recycling bins are blue today"),
        (
            "holidays",
            "a very long text about trash pickup days and holidays and the schedule of the city",
        ),
        ("water bills", "water bills are paid online"),
        ("the trash", "the trash"),
    ];

    /// An index of [`DOCS`] committed in two parts (two segments), its title and body fields.
    fn index() -> (Index, Field, Field) {
        let mut schema = Schema::builder();
        let title = schema.add_text_field("title", TEXT);
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (i, (t, b)) in DOCS.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(title, t);
            doc.add_text(body, b);
            writer.add_document(doc).unwrap();
            if i == DOCS.len() / 2 {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        (index, title, body)
    }

    fn bm25(searcher: &Searcher, field: Field, entries: u32) -> FieldBm25 {
        let tokens = searcher
            .segment_readers()
            .iter()
            .map(|s| s.inverted_index(field).unwrap().total_num_tokens())
            .sum();
        FieldBm25::new(u64::from(entries), tokens)
    }

    /// Every match of `query` with its score, by document.
    fn scores(searcher: &Searcher, query: &dyn Query, entries: u32) -> Vec<(Score, DocAddress)> {
        let mut top = searcher
            .search_with_statistics_provider(
                query,
                &TopDocs::with_limit(100).order_by_score(),
                &LanguageStatistics::new(searcher, entries),
            )
            .unwrap();
        top.sort_by_key(|(_, address)| *address);
        top
    }

    #[test]
    fn scores_as_a_boolean_query_of_boosted_term_queries() {
        let (index, title, body) = index();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        // As many entries as documents, and more (entries of the language without the fields).
        for entries in [DOCS.len() as u32, 40] {
            let fields = [(title, 3.0), (body, 1.0)];
            let questions: &[&[&str]] = &[
                &["trash"],
                &["blue", "recycling"],
                &["trash", "holidays", "water", "unicorn"],
                &["trash", "pickup", "days"],
                &["the"],
            ];
            for words in questions {
                let mut clauses = SummedClauses::default();
                let mut reference: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for word in *words {
                    for (field, boost) in fields {
                        let term = Term::from_field_text(field, word);
                        let field_bm25 = bm25(&searcher, field, entries);
                        clauses.push_term(
                            TermClause::new(&searcher, &term, &field_bm25).unwrap(),
                            boost,
                        );
                        reference.push((
                            Occur::Should,
                            Box::new(BoostQuery::new(
                                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                                boost,
                            )),
                        ));
                    }
                }
                // Other clauses: the first two words near each other in the body.
                if let [first, second, ..] = words {
                    let mut phrase = PhraseQuery::new(vec![
                        Term::from_field_text(body, first),
                        Term::from_field_text(body, second),
                    ]);
                    phrase.set_slop(8);
                    let near: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(phrase), 0.5));
                    clauses.push(near.box_clone());
                    reference.push((Occur::Should, near));
                }
                let expected = scores(&searcher, &BooleanQuery::new(reference), entries);
                let got = scores(&searcher, &clauses, entries);
                assert!(!got.is_empty(), "{words:?}");
                assert_eq!(got.len(), expected.len(), "{words:?}");
                for ((a, at), (b, bt)) in got.iter().zip(&expected) {
                    assert_eq!(at, bt, "{words:?}");
                    assert!(
                        (a - b).abs() <= b.abs() * 1e-5,
                        "{words:?}: {a} against {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_term_in_no_document_is_left_out() {
        let (index, _, body) = index();
        let searcher = index.reader().unwrap().searcher();
        let field_bm25 = bm25(&searcher, body, DOCS.len() as u32);
        let clause = TermClause::new(
            &searcher,
            &Term::from_field_text(body, "unicorn"),
            &field_bm25,
        )
        .unwrap();
        assert_eq!(clause.doc_freq(), 0);
        let mut clauses = SummedClauses::default();
        clauses.push_term(clause, 1.0);
        assert!(clauses.terms.is_empty());
        assert!(scores(&searcher, &clauses, DOCS.len() as u32).is_empty());
    }

    #[test]
    fn rarer_terms_weigh_more() {
        let (index, _, body) = index();
        let searcher = index.reader().unwrap().searcher();
        let field_bm25 = bm25(&searcher, body, DOCS.len() as u32);
        // "trash" (in five bodies) and "blue" (in one) each once in a body of five words.
        let score = |word: &str, doc: u32| {
            let term = Term::from_field_text(body, word);
            let mut clauses = SummedClauses::default();
            clauses.push_term(TermClause::new(&searcher, &term, &field_bm25).unwrap(), 1.0);
            let weight = clauses.weight(EnableScoring::disabled_from_searcher(&searcher));
            let mut scorer = weight
                .unwrap()
                .scorer(&searcher.segment_readers()[0], 1.0)
                .unwrap();
            assert_eq!(scorer.seek(doc), doc);
            scorer.score()
        };
        assert!(score("blue", 2) > score("trash", 0));
    }
}
