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
//!
//! The clauses of two neighbouring terms near each other (phrase queries with slop, read from
//! the positions) cost the most per entry. [`SummedWeight::top`], which the search uses, scores
//! them last and only for entries that have both terms in the field and could still reach the
//! best with such clauses at their highest possible score; it gives the same best entries and
//! scores as scoring them everywhere.

use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::postings::TermInfo;
use tantivy::query::{
    BitSetDocSet, Bm25StatisticsProvider, Bm25Weight, BoostQuery, EmptyScorer, EnableScoring,
    Explanation, Query, QueryClone, Scorer, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{
    BitSet, DocAddress, DocId, DocSet, InvertedIndexReader, Score, Searcher, SegmentReader,
    TERMINATED, TantivyError, Term,
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
    /// BM25 for `field` with `statistics` (the language's entries and the field's tokens):
    /// the statistics the other clauses of a search are weighed with.
    pub fn of(statistics: &dyn Bm25StatisticsProvider, field: Field) -> tantivy::Result<Self> {
        let entries = statistics.total_num_docs()?;
        let average_length = statistics.total_num_tokens(field)? as Score / entries as Score;
        Ok(Self {
            entries,
            base: Bm25Weight::for_one_term_without_explain(0, entries, average_length),
            base_idf: idf(0, entries),
        })
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
/// documentation). Term clauses are read here; others (typo matches) and the clauses of two
/// neighbouring terms near each other add what their own scorers give.
#[derive(Default)]
pub struct SummedClauses {
    terms: Vec<(TermClause, Score)>,
    others: Vec<Box<dyn Query>>,
    near: Vec<NearClause>,
}

/// Two of a question's terms near each other in one field, scored by its own query.
struct NearClause {
    query: Box<dyn Query>,
    /// The term clauses (numbers in [`SummedClauses::terms`]) of the two terms in the field:
    /// only an entry both match can match this one.
    terms: [usize; 2],
    /// More than this clause can score for any entry.
    bound: Score,
}

impl SummedClauses {
    /// Adds a term's match, its score multiplied by `boost`; left out when it matches nothing.
    /// Returns its number for [`SummedClauses::push_near`], when added.
    pub fn push_term(&mut self, clause: TermClause, boost: Score) -> Option<usize> {
        (clause.doc_freq > 0).then(|| {
            self.terms.push((clause, boost));
            self.terms.len() - 1
        })
    }

    /// Adds another kind of clause.
    pub fn push(&mut self, clause: Box<dyn Query>) {
        self.others.push(clause);
    }

    /// Adds the match of two terms near each other in one field: `query`, a phrase of the two
    /// scored by BM25 over the field and boosted by `boost`, and the two terms' own clauses in
    /// that field (numbers from [`SummedClauses::push_term`]), which tell which entries it can
    /// match and how much it can score at most.
    pub fn push_near(&mut self, query: Box<dyn Query>, terms: [usize; 2], boost: Score) {
        // BM25 of a phrase: the sum of its terms' IDFs times a length factor below 1, which a
        // term's weight at the shortest length and the most occurrences comes nearest to.
        let most = |term: usize| {
            self.terms.get(term).map_or(Score::INFINITY, |(clause, _)| {
                clause.bm25.score(0, u32::MAX)
            })
        };
        let bound = (most(terms[0]) + most(terms[1])) * boost * (1.0 + BOUND_MARGIN);
        self.near.push(NearClause {
            query: Box::new(BoostQuery::new(query, boost)),
            terms,
            bound,
        });
    }

    /// The weight of the clauses: what [`Query::weight`] gives, with [`SummedWeight::top`]
    /// and [`SummedWeight::search`].
    pub fn summed_weight(
        &self,
        enable_scoring: EnableScoring<'_>,
    ) -> tantivy::Result<SummedWeight> {
        let weigh = |query: &dyn Query| query.weight(enable_scoring);
        Ok(SummedWeight {
            terms: self.terms.clone(),
            others: self
                .others
                .iter()
                .map(|query| weigh(query.as_ref()))
                .collect::<tantivy::Result<_>>()?,
            near: self
                .near
                .iter()
                .map(|near| Ok((weigh(near.query.as_ref())?, near.term_bits(), near.bound)))
                .collect::<tantivy::Result<_>>()?,
        })
    }
}

impl NearClause {
    /// The bits of its two term clauses in [`Sums::terms_matched`]: a document may match it
    /// when it has both. Clauses numbered 64 and above are not tracked (taken as matched).
    fn term_bits(&self) -> u64 {
        self.terms
            .iter()
            .filter(|&&t| t < 64)
            .fold(0u64, |bits, &t| bits | 1u64 << t)
    }
}

/// Relative slack on [`NearClause::bound`], for float rounding.
const BOUND_MARGIN: Score = 1e-3;

impl Clone for SummedClauses {
    fn clone(&self) -> Self {
        Self {
            terms: self.terms.clone(),
            others: self
                .others
                .iter()
                .map(|clause| clause.box_clone())
                .collect(),
            near: self
                .near
                .iter()
                .map(|near| NearClause {
                    query: near.query.box_clone(),
                    terms: near.terms,
                    bound: near.bound,
                })
                .collect(),
        }
    }
}

impl std::fmt::Debug for SummedClauses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SummedClauses")
            .field("terms", &self.terms.len())
            .field("others", &self.others)
            .field("near", &self.near.len())
            .finish()
    }
}

impl Query for SummedClauses {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.summed_weight(enable_scoring)?))
    }
}

/// The weight of [`SummedClauses`].
pub struct SummedWeight {
    terms: Vec<(TermClause, Score)>,
    others: Vec<Box<dyn Weight>>,
    /// Each near clause's weight, the bits of its term clauses ([`NearClause::term_bits`])
    /// and its bound.
    near: Vec<(Box<dyn Weight>, u64, Score)>,
}

/// Scores being summed for one segment's documents: arrays by document.
#[derive(Default)]
struct Sums {
    scores: Vec<Score>,
    /// Whether a document is in `docs`.
    seen: Vec<bool>,
    /// The documents matched, in the order first matched.
    docs: Vec<DocId>,
    /// With [`SummedWeight::top`]: per document, bit `i` for each term clause `i` below 64 that
    /// matched it.
    terms_matched: Vec<u64>,
}

thread_local! {
    /// Each thread's [`Sums`] for [`SummedWeight::top`], kept between searches and cleared
    /// only where a search wrote: a question touches far fewer entries than a segment holds,
    /// and allocating and zeroing arrays for all of them was a tenth of a search. They hold
    /// 13 bytes per entry of the largest segment the thread searched (200 KB at 15k entries),
    /// freed with the thread.
    static SCRATCH: std::cell::RefCell<Sums> = std::cell::RefCell::default();
}

impl Sums {
    /// Arrays for the documents of `reader`, all zero; `self` must be all zero already.
    fn ready(mut self, reader: &SegmentReader, track_terms: bool) -> Self {
        let max_doc = reader.max_doc() as usize;
        if self.scores.len() < max_doc {
            self.scores.resize(max_doc, 0.0);
            self.seen.resize(max_doc, false);
        }
        // (Kept from an earlier search, the bits are tracked again: sized for this one.)
        if (track_terms || !self.terms_matched.is_empty()) && self.terms_matched.len() < max_doc {
            self.terms_matched.resize(max_doc, 0);
        }
        self
    }

    /// Back to all zero, clearing what was written.
    fn clear(&mut self) {
        for &doc in &self.docs {
            self.scores[doc as usize] = 0.0;
            self.seen[doc as usize] = false;
            if let Some(matched) = self.terms_matched.get_mut(doc as usize) {
                *matched = 0;
            }
        }
        self.docs.clear();
    }

    fn add(&mut self, doc: DocId, score: Score) {
        let at = doc as usize;
        self.scores[at] += score;
        if !self.seen[at] {
            self.seen[at] = true;
            self.docs.push(doc);
        }
    }

    /// Adds every document `clause` scores.
    fn add_all(
        &mut self,
        clause: &dyn Weight,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<()> {
        let mut scorer = clause.scorer(reader, boost)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            self.add(doc, scorer.score());
            doc = scorer.advance();
        }
        Ok(())
    }

    /// The `limit` best of `docs`, best first (see [`before`]).
    fn best(&self, docs: &[DocId], limit: usize) -> Vec<(Score, DocId)> {
        let mut best: Vec<(Score, DocId)> = Vec::with_capacity(limit + 1);
        for &doc in docs {
            let entry = (self.scores[doc as usize], doc);
            if best.len() == limit && best.last().is_some_and(|last| !before(&entry, last)) {
                continue;
            }
            let at = best.partition_point(|other| before(other, &entry));
            best.insert(at, entry);
            best.truncate(limit);
        }
        best
    }
}

/// Whether `a` ranks before `b`: a higher score, or the same and a lower document (the order
/// of tantivy's collector).
fn before<D: Ord>(a: &(Score, D), b: &(Score, D)) -> bool {
    ranking(a, b).is_lt()
}

/// The order of [`before`], for sorting.
fn ranking<D: Ord>(a: &(Score, D), b: &(Score, D)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

impl SummedWeight {
    /// Adds every term clause's and other clause's scores in `reader` into `sums`.
    fn add_terms_and_others(
        &self,
        reader: &SegmentReader,
        boost: Score,
        sums: &mut Sums,
    ) -> tantivy::Result<()> {
        let segment = reader.segment_id();
        let track_terms = !sums.terms_matched.is_empty();
        for (number, (clause, clause_boost)) in self.terms.iter().enumerate() {
            let Some(found) = clause.found.iter().find(|f| f.segment == segment) else {
                continue;
            };
            let lengths = reader.get_fieldnorms_reader(clause.field)?;
            let bm25 = clause.bm25.boost_by(clause_boost * boost);
            let bit = if track_terms && number < 64 {
                1u64 << number
            } else {
                0
            };
            let mut postings = found
                .inverted_index
                .read_block_postings_from_terminfo(&found.info, IndexRecordOption::WithFreqs)?;
            loop {
                let docs = postings.docs();
                if docs.is_empty() {
                    break;
                }
                for (&doc, &freq) in docs.iter().zip(postings.freqs()) {
                    sums.add(doc, bm25.score(lengths.fieldnorm_id(doc), freq));
                    if bit != 0 {
                        sums.terms_matched[doc as usize] |= bit;
                    }
                }
                postings.advance();
            }
        }
        for clause in &self.others {
            sums.add_all(clause.as_ref(), reader, boost)?;
        }
        Ok(())
    }

    /// The best `limit` documents of the segment `reader` and their scores, best first
    /// (equal scores: lower document first): what collecting the top `limit` of this
    /// weight's scorer gives, the same scores added up in the same order. A near clause is
    /// scored only for documents that match both its terms and that could still reach the
    /// `limit` best with every near clause they may match at its bound: the `limit`-th best
    /// score without near clauses is a floor for the `limit`-th best with them. The best are
    /// then picked among those documents and the `limit` best without near clauses, not
    /// among every document found.
    pub fn top(
        &self,
        reader: &SegmentReader,
        limit: usize,
    ) -> tantivy::Result<Vec<(Score, DocId)>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let sums = SCRATCH.with(|scratch| scratch.take());
        let mut sums = sums.ready(reader, !self.near.is_empty());
        let top = self.top_in(reader, limit, &mut sums);
        sums.clear();
        SCRATCH.with(|scratch| scratch.replace(sums));
        top
    }

    /// The best `limit` documents of all of `searcher`'s segments and their scores, best
    /// first: each segment's [`SummedWeight::top`], merged in the same order.
    pub fn search(
        &self,
        searcher: &Searcher,
        limit: usize,
    ) -> tantivy::Result<Vec<(Score, DocAddress)>> {
        let mut best = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for (score, doc) in self.top(segment, limit)? {
                best.push((score, DocAddress::new(ord as u32, doc)));
            }
        }
        best.sort_by(ranking);
        best.truncate(limit);
        Ok(best)
    }

    fn top_in(
        &self,
        reader: &SegmentReader,
        limit: usize,
        sums: &mut Sums,
    ) -> tantivy::Result<Vec<(Score, DocId)>> {
        self.add_terms_and_others(reader, 1.0, sums)?;
        if !self.near.is_empty() && sums.docs.len() > limit {
            // Near clauses only add to the documents found so far, and only the best before
            // them and those they are added to can be among the best after them: the others
            // keep scores below the floor, or at it behind `limit` documents that rank
            // before them and can only rise.
            let before = sums.best(&sums.docs, limit);
            let floor = before.last().map_or(Score::NEG_INFINITY, |last| last.0);
            let mut candidates = self.add_near(reader, floor, sums)?;
            candidates.extend(before.iter().map(|&(_, doc)| doc));
            candidates.sort_unstable();
            candidates.dedup();
            return Ok(sums.best(&candidates, limit));
        }
        if !self.near.is_empty() {
            self.add_near(reader, Score::NEG_INFINITY, sums)?;
        }
        Ok(sums.best(&sums.docs, limit))
    }

    /// Adds the near clauses' scores to the documents in `sums` that match their terms and
    /// could reach `floor` with them (every near clause they may match at its bound); returns
    /// those documents, ascending.
    fn add_near(
        &self,
        reader: &SegmentReader,
        floor: Score,
        sums: &mut Sums,
    ) -> tantivy::Result<Vec<DocId>> {
        let all_near: Score = self.near.iter().map(|(_, _, bound)| bound).sum();
        let mut promising: Vec<DocId> = Vec::new();
        for &doc in &sums.docs {
            let score = sums.scores[doc as usize];
            if score + all_near < floor {
                continue;
            }
            // Adding up the bounds of the near clauses it may match, until they lift it
            // to the floor.
            let matched = sums.terms_matched[doc as usize];
            let mut most: Score = 0.0;
            for &(_, bits, bound) in &self.near {
                if matched & bits == bits {
                    most += bound;
                    if score + most >= floor {
                        promising.push(doc);
                        break;
                    }
                }
            }
        }
        promising.sort_unstable();
        for (clause, bits, _) in &self.near {
            let mut scorer = None;
            for &doc in &promising {
                if sums.terms_matched[doc as usize] & bits != *bits {
                    continue;
                }
                let scorer = match &mut scorer {
                    Some(scorer) => scorer,
                    None => scorer.insert(clause.scorer(reader, 1.0)?),
                };
                let at = if scorer.doc() < doc {
                    scorer.seek(doc)
                } else {
                    scorer.doc()
                };
                if at == TERMINATED {
                    break;
                }
                if at == doc {
                    let score = scorer.score();
                    sums.add(doc, score);
                }
            }
        }
        Ok(promising)
    }
}

impl Weight for SummedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut sums = Sums::default().ready(reader, false);
        self.add_terms_and_others(reader, boost, &mut sums)?;
        for (clause, _, _) in &self.near {
            sums.add_all(clause.as_ref(), reader, boost)?;
        }
        if sums.docs.is_empty() {
            // (A set of no documents cannot be walked.)
            return Ok(Box::new(EmptyScorer));
        }
        let mut matched = BitSet::with_max_value(reader.max_doc());
        for &doc in &sums.docs {
            matched.insert(doc);
        }
        let docs = BitSetDocSet::from(matched);
        Ok(Box::new(AccumulatedScorer {
            docs,
            scores: sums.scores,
        }))
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
        index_of(
            DOCS.iter()
                .map(|(t, b)| ((*t).to_owned(), (*b).to_owned()))
                .collect(),
        )
    }

    /// Three hundred documents of a few words in many orders: many near ties that neighbouring
    /// words decide.
    fn many() -> (Index, Field, Field) {
        const WORDS: &[&str] = &["trash", "day", "pickup", "water", "bill", "city", "online"];
        let mut state: u64 = 7;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        let mut text = |words: usize| {
            (0..words)
                .map(|_| WORDS[next(WORDS.len())])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let docs = (0..300)
            .map(|i| (text(2 + i % 3), text(4 + i % 9)))
            .collect();
        index_of(docs)
    }

    fn index_of(docs: Vec<(String, String)>) -> (Index, Field, Field) {
        let mut schema = Schema::builder();
        let title = schema.add_text_field("title", TEXT);
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (i, (t, b)) in docs.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(title, t);
            doc.add_text(body, b);
            writer.add_document(doc).unwrap();
            if i == docs.len() / 2 {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        (index, title, body)
    }

    fn bm25(searcher: &Searcher, field: Field, entries: u32) -> FieldBm25 {
        FieldBm25::of(&LanguageStatistics::new(searcher, entries), field).unwrap()
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
    fn the_best_of_each_segment_are_the_best_of_the_whole_scorer() {
        let questions: &[&[&str]] = &[
            &["trash", "day"],
            &["day", "trash"],
            &["trash", "pickup", "day", "city"],
            &["water", "bill", "online"],
            &["bill", "water", "unicorn", "pickup"],
        ];
        // A large index, a small one, the large one again: the per-thread arrays of `top`
        // grow, are used in part, and are clean each time.
        let large = many();
        let small = index();
        for (index, title, body) in [&large, &small, &large] {
            let entries = index.reader().unwrap().searcher().num_docs() as u32;
            assert_same_best(index, *title, *body, entries, questions);
        }
    }

    /// Checks [`SummedWeight::top`] against tantivy's collector for `questions` (each word
    /// in both fields, neighbouring words near each other).
    fn assert_same_best(
        index: &Index,
        title: Field,
        body: Field,
        entries: u32,
        questions: &[&[&str]],
    ) {
        let searcher = index.reader().unwrap().searcher();
        for words in questions {
            let mut clauses = SummedClauses::default();
            let mut numbers = Vec::new();
            for (field, boost) in [(title, 3.0), (body, 1.0)] {
                let field_bm25 = bm25(&searcher, field, entries);
                for word in *words {
                    let term = Term::from_field_text(field, word);
                    let clause = TermClause::new(&searcher, &term, &field_bm25).unwrap();
                    numbers.push(((field, *word), clauses.push_term(clause, boost)));
                }
                for pair in words.windows(2) {
                    let number = |word: &str| {
                        numbers
                            .iter()
                            .find(|(key, _)| *key == (field, word))
                            .and_then(|(_, n)| *n)
                    };
                    if let (Some(a), Some(b)) = (number(pair[0]), number(pair[1])) {
                        let mut phrase = PhraseQuery::new(vec![
                            Term::from_field_text(field, pair[0]),
                            Term::from_field_text(field, pair[1]),
                        ]);
                        phrase.set_slop(4);
                        clauses.push_near(Box::new(phrase), [a, b], 0.5 * boost);
                    }
                }
            }
            let statistics = LanguageStatistics::new(&searcher, entries);
            let weight = clauses
                .summed_weight(EnableScoring::enabled_from_statistics_provider(
                    &statistics,
                    &searcher,
                ))
                .unwrap();
            for limit in [1, 2, 3, 5, 100] {
                let expected = searcher
                    .search_with_statistics_provider(
                        &clauses,
                        &TopDocs::with_limit(limit).order_by_score(),
                        &statistics,
                    )
                    .unwrap();
                let got = weight.search(&searcher, limit).unwrap();
                assert_eq!(got, expected, "{words:?}, {limit}");
            }
        }
    }

    #[test]
    fn near_clauses_score_within_their_bound() {
        let (index, _, body) = index();
        let searcher = index.reader().unwrap().searcher();
        let entries = DOCS.len() as u32;
        let field_bm25 = bm25(&searcher, body, entries);
        let mut clauses = SummedClauses::default();
        let mut number = |word: &str| {
            let term = Term::from_field_text(body, word);
            clauses
                .push_term(TermClause::new(&searcher, &term, &field_bm25).unwrap(), 1.0)
                .unwrap()
        };
        let terms = [number("trash"), number("trash")];
        let phrase = PhraseQuery::new(vec![
            Term::from_field_text(body, "trash"),
            Term::from_field_text(body, "trash"),
        ]);
        clauses.push_near(Box::new(phrase.clone()), terms, 2.0);
        let bound = clauses.near[0].bound;
        let statistics = LanguageStatistics::new(&searcher, entries);
        let best = searcher
            .search_with_statistics_provider(
                &BoostQuery::new(Box::new(phrase), 2.0),
                &TopDocs::with_limit(1).order_by_score(),
                &statistics,
            )
            .unwrap();
        // "trash trash trash and more trash": the phrase three times in a short body.
        assert!(
            best[0].0 > 0.0 && best[0].0 < bound,
            "{best:?} against {bound}"
        );
        assert!(bound < 2.0 * best[0].0 * 3.0, "{best:?} against {bound}");
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
