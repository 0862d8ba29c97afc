//! A question term's BM25 match in one field, the term looked up in the index once.
//!
//! tantivy's `TermQuery` finds its term in the field's dictionary twice in every search: for
//! its document frequency when its weight is made, and again for its postings when its
//! scorer is. It also makes its BM25 weight from nothing each time: a table of 256 length
//! factors that depends only on the field's average length, and an explanation with three
//! strings. A question asks for each of its terms in three fields (and its n-grams in a
//! fourth), so a question of six terms made some twenty such clauses.
//!
//! A [`TermClause`] looks its term up once, when it is made, and keeps what it found for the
//! scorer; its weight shares the length-factor table of its field's [`FieldBm25`], made once
//! per index. Its scores are tantivy's BM25, the same formula and statistics as `TermQuery`
//! with the index's [`crate::language_statistics::LanguageStatistics`] (to float rounding:
//! the term's IDF is applied as a factor of the table's).

use std::sync::Arc;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::postings::{Postings, SegmentPostings, TermInfo};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{
    DocId, DocSet, InvertedIndexReader, Score, Searcher, SegmentReader, TantivyError, Term,
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

/// A term's BM25 match in its field (see the module documentation).
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

impl Query for TermClause {
    fn weight(&self, _enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for TermClause {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let segment = reader.segment_id();
        let Some(found) = self.found.iter().find(|f| f.segment == segment) else {
            return Ok(Box::new(EmptyScorer));
        };
        Ok(Box::new(TermClauseScorer {
            postings: found
                .inverted_index
                .read_postings_from_terminfo(&found.info, IndexRecordOption::WithFreqs)?,
            lengths: reader.get_fieldnorms_reader(self.field)?,
            bm25: self.bm25.boost_by(boost),
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() > doc || scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("TermClause BM25", scorer.score()))
    }
}

/// Scores a [`TermClause`]'s postings in one segment with BM25.
struct TermClauseScorer {
    postings: SegmentPostings,
    lengths: FieldNormReader,
    bm25: Bm25Weight,
}

impl DocSet for TermClauseScorer {
    fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target)
    }

    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn size_hint(&self) -> u32 {
        self.postings.size_hint()
    }
}

impl Scorer for TermClauseScorer {
    fn score(&mut self) -> Score {
        let length = self.lengths.fieldnorm_id(self.doc());
        self.bm25.score(length, self.postings.term_freq())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language_statistics::LanguageStatistics;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BoostQuery, TermQuery};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{DocAddress, Index, IndexWriter, TantivyDocument};

    /// An index of `texts` in one field, committed in two parts (two segments), and that
    /// field.
    fn index(texts: &[&str]) -> (Index, Field) {
        let mut schema = Schema::builder();
        let field = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (i, text) in texts.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(field, text);
            writer.add_document(doc).unwrap();
            if i == texts.len() / 2 {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        (index, field)
    }

    fn scores(
        searcher: &Searcher,
        query: &dyn Query,
        entries: u32,
    ) -> Vec<(Score, DocAddress)> {
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

    const TEXTS: &[&str] = &[
        "trash is collected on monday",
        "trash trash trash and more trash",
        "recycling bins are blue today",
        "a very long text about trash pickup days and holidays and the schedule of the city",
        "water bills are paid online",
        "the trash",
    ];

    #[test]
    fn scores_as_tantivy_term_query_scores_with_the_same_statistics() {
        let (index, field) = index(TEXTS);
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        // As many entries as texts, and more (entries of the language without the field).
        for entries in [TEXTS.len() as u32, 40] {
            let tokens: u64 = searcher
                .segment_readers()
                .iter()
                .map(|s| s.inverted_index(field).unwrap().total_num_tokens())
                .sum();
            let bm25 = FieldBm25::new(u64::from(entries), tokens);
            for word in ["trash", "blue", "the", "holidays"] {
                let term = Term::from_field_text(field, word);
                let clause = TermClause::new(&searcher, &term, &bm25).unwrap();
                let expected = scores(
                    &searcher,
                    &TermQuery::new(term.clone(), IndexRecordOption::WithFreqs),
                    entries,
                );
                assert_eq!(clause.doc_freq(), expected.len() as u64, "{word}");
                let got = scores(&searcher, &clause, entries);
                assert_eq!(got.len(), expected.len(), "{word}");
                for ((a, at), (b, bt)) in got.iter().zip(&expected) {
                    assert_eq!(at, bt, "{word}");
                    assert!((a - b).abs() <= b.abs() * 1e-5, "{word}: {a} against {b}");
                }
                let boosted = scores(
                    &searcher,
                    &BoostQuery::new(Box::new(clause.clone()), 2.5),
                    entries,
                );
                for ((a, _), (b, _)) in boosted.iter().zip(&got) {
                    assert!((a - 2.5 * b).abs() <= b.abs() * 1e-5, "{word}: {a} against {b}");
                }
            }
        }
    }

    #[test]
    fn a_term_in_no_document_matches_nothing() {
        let (index, field) = index(TEXTS);
        let searcher = index.reader().unwrap().searcher();
        let bm25 = FieldBm25::new(TEXTS.len() as u64, 40);
        let clause =
            TermClause::new(&searcher, &Term::from_field_text(field, "unicorn"), &bm25).unwrap();
        assert_eq!(clause.doc_freq(), 0);
        assert!(scores(&searcher, &clause, TEXTS.len() as u32).is_empty());
    }

    #[test]
    fn rarer_terms_weigh_more() {
        let (index, field) = index(TEXTS);
        let searcher = index.reader().unwrap().searcher();
        let bm25 = FieldBm25::new(TEXTS.len() as u64, 40);
        // "trash" and "blue" each once in a document of five words.
        let score = |word: &str, doc: u32| {
            let clause =
                TermClause::new(&searcher, &Term::from_field_text(field, word), &bm25).unwrap();
            let mut scorer = clause.scorer(&searcher.segment_readers()[0], 1.0).unwrap();
            assert_eq!(scorer.seek(doc), doc);
            scorer.score()
        };
        assert!(score("blue", 2) > score("trash", 0));
    }
}
