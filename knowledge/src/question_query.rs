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
//! The clauses are added up one after the other, the one that can score the most first
//! (a rare term in the title before a common one in the body), in the same order wherever
//! scores are summed. [`SummedWeight::top`], which the search uses, reads whole postings only
//! while they can still matter (the idea of MaxScore). Once the clauses left cannot lift an
//! entry that none has found yet to the best so far, they are added only to the entries
//! found that could still reach it, looked up by seeking in their postings, which skips the
//! blocks between: common terms, the longest postings and the least weight, are mostly left
//! unread. The clauses of two neighbouring terms near each other (phrase queries with slop,
//! read from the positions) cost the most per entry. They are scored last and only for entries
//! that have both terms in the field and could still reach the best with such clauses at
//! their highest possible score. Both give the same best entries and scores as scoring every
//! clause everywhere.

use std::sync::Arc;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::postings::{BlockSegmentPostings, TermInfo};
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

    /// More than (or as much as) the clause scores for any entry, before its boost: its
    /// weight at the shortest length and the most occurrences.
    fn most(&self) -> Score {
        self.bm25.score(0, u32::MAX)
    }

    /// The term as found in `segment`, if it has it.
    fn found_in(&self, segment: SegmentId) -> Option<&InSegment> {
        self.found.iter().find(|found| found.segment == segment)
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
    /// Each other clause and the most it scores for any entry.
    others: Vec<(Box<dyn Query>, Score)>,
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

    /// Adds another kind of clause, which scores at most `most` for any entry
    /// ([`Score::INFINITY`] when that is not known: the clause is then scored for every
    /// entry it matches).
    pub fn push(&mut self, clause: Box<dyn Query>, most: Score) {
        self.others.push((clause, most));
    }

    /// Adds the match of two terms near each other in one field: `query`, a phrase of the two
    /// scored by BM25 over the field and boosted by `boost`, and the two terms' own clauses in
    /// that field (numbers from [`SummedClauses::push_term`]), which tell which entries it can
    /// match and how much it can score at most.
    pub fn push_near(&mut self, query: Box<dyn Query>, terms: [usize; 2], boost: Score) {
        // BM25 of a phrase: the sum of its terms' IDFs times a length factor below 1, which a
        // term's weight at the shortest length and the most occurrences comes nearest to.
        let most = |term: usize| {
            self.terms
                .get(term)
                .map_or(Score::INFINITY, |(clause, _)| clause.most())
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
        // The highest first; equal bounds in the order added.
        let mut order: Vec<(Summed, Score)> = self
            .terms
            .iter()
            .enumerate()
            .map(|(number, (clause, boost))| {
                let most = clause.most() * boost * (1.0 + BOUND_MARGIN);
                (Summed::Term(number), most)
            })
            .chain(
                self.others
                    .iter()
                    .enumerate()
                    .map(|(number, (_, most))| (Summed::Other(number), *most)),
            )
            .collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1));
        Ok(SummedWeight {
            terms: self.terms.clone(),
            others: self
                .others
                .iter()
                .map(|(query, _)| weigh(query.as_ref()))
                .collect::<tantivy::Result<_>>()?,
            order,
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
                .map(|(clause, most)| (clause.box_clone(), *most))
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
            .field("others", &self.others.len())
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
    /// The term and other clauses, the one that can score the most first, with the most each
    /// can score (see [`BOUND_MARGIN`]): the order their scores are added up in, everywhere.
    order: Vec<(Summed, Score)>,
    /// Each near clause's weight, the bits of its term clauses ([`NearClause::term_bits`])
    /// and its bound.
    near: Vec<(Box<dyn Weight>, u64, Score)>,
}

/// A term clause's postings in one segment, with what scores them.
struct TermPostings {
    postings: BlockSegmentPostings,
    /// The field's lengths.
    lengths: FieldNormReader,
    /// The clause's BM25, boosted.
    bm25: Bm25Weight,
    /// The clause's bit in [`Sums::terms_matched`] (0: not tracked).
    bit: u64,
}

impl TermPostings {
    /// Adds the score of the clause's posting of `doc`, `freq` occurrences, into `sums`.
    fn add(&self, doc: DocId, freq: u32, sums: &mut Sums) {
        sums.add(doc, self.bm25.score(self.lengths.fieldnorm_id(doc), freq));
        if self.bit != 0 {
            sums.terms_matched[doc as usize] |= self.bit;
        }
    }
}

/// A term or other clause of a [`SummedWeight`], by its number.
#[derive(Clone, Copy)]
enum Summed {
    Term(usize),
    Other(usize),
}

/// Scores being summed for one segment's documents: arrays by document.
#[derive(Default)]
struct Sums {
    scores: Vec<Score>,
    /// Whether a document is in `docs`: bit `doc % 64` of word `doc / 64`, so that the
    /// documents found can also be gone through in ascending order ([`Sums::found`]).
    seen: Vec<u64>,
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
    /// about 12 bytes per entry of the largest segment the thread searched (180 KB at 15k
    /// entries), freed with the thread.
    static SCRATCH: std::cell::RefCell<Sums> = std::cell::RefCell::default();
}

#[cfg(test)]
thread_local! {
    /// How many times this thread's searches added clauses only where they could matter
    /// ([`SummedWeight::add_pruned`]).
    static PRUNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl Sums {
    /// Arrays for the documents of `reader`, all zero; `self` must be all zero already.
    fn ready(mut self, reader: &SegmentReader, track_terms: bool) -> Self {
        let max_doc = reader.max_doc() as usize;
        if self.scores.len() < max_doc {
            self.scores.resize(max_doc, 0.0);
            self.seen.resize(max_doc.div_ceil(64), 0);
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
            self.seen[doc as usize / 64] = 0;
            if let Some(matched) = self.terms_matched.get_mut(doc as usize) {
                *matched = 0;
            }
        }
        self.docs.clear();
    }

    /// The bit of term clause `number` in `terms_matched`: 0 when they are not tracked or
    /// the number is 64 or above.
    fn term_bit(&self, number: usize) -> u64 {
        if !self.terms_matched.is_empty() && number < 64 {
            1u64 << number
        } else {
            0
        }
    }

    fn add(&mut self, doc: DocId, score: Score) {
        let at = doc as usize;
        self.scores[at] += score;
        let (word, bit) = (at / 64, 1u64 << (at % 64));
        if self.seen[word] & bit == 0 {
            self.seen[word] |= bit;
            self.docs.push(doc);
        }
    }

    /// Adds `scorer`'s score for `doc` if it matches `doc`, seeking it there (`doc` must not
    /// be before a document it was sought to). `false` when it matches nothing from `doc` on.
    fn add_at(&mut self, scorer: &mut dyn Scorer, doc: DocId) -> bool {
        let at = if scorer.doc() < doc {
            scorer.seek(doc)
        } else {
            scorer.doc()
        };
        if at == doc {
            self.add(doc, scorer.score());
        }
        at != TERMINATED
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

    /// The documents in `docs`, ascending.
    fn found(&self) -> impl Iterator<Item = DocId> + '_ {
        self.seen.iter().enumerate().flat_map(|(at, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let bit = bits.trailing_zeros();
                bits &= bits - 1;
                Some((at * 64) as DocId + bit)
            })
        })
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

    /// The score of the last of the `limit` best of `docs` ([`Sums::best`]), worked out
    /// without ranking documents of equal score (`NEG_INFINITY` when there are none): a
    /// floor for the `limit` best, looked for over many documents.
    fn floor(&self, docs: &[DocId], limit: usize) -> Score {
        if limit == 0 {
            return Score::NEG_INFINITY;
        }
        // The best scores so far, best first.
        let mut best: Vec<Score> = Vec::with_capacity(limit);
        for &doc in docs {
            let score = self.scores[doc as usize];
            if best.len() == limit {
                if score <= best[limit - 1] {
                    continue;
                }
                best.pop();
            }
            let at = best.partition_point(|&other| other >= score);
            best.insert(at, score);
        }
        best.last().copied().unwrap_or(Score::NEG_INFINITY)
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
    /// Adds the scores of the clause `summed` in `reader` into `sums`, for every document it
    /// matches.
    fn add_clause(
        &self,
        summed: Summed,
        reader: &SegmentReader,
        boost: Score,
        sums: &mut Sums,
    ) -> tantivy::Result<()> {
        let number = match summed {
            Summed::Term(number) => number,
            Summed::Other(number) => {
                return sums.add_all(self.others[number].as_ref(), reader, boost);
            }
        };
        let Some(mut term) = self.term_postings(number, reader, boost, sums)? else {
            return Ok(());
        };
        loop {
            let docs = term.postings.docs();
            if docs.is_empty() {
                break;
            }
            for (&doc, &freq) in docs.iter().zip(term.postings.freqs()) {
                term.add(doc, freq, sums);
            }
            term.postings.advance();
        }
        Ok(())
    }

    /// Adds the scores of the clause `summed` in `reader` into `sums`, for those of `docs`
    /// (ascending, all in `sums` already) that it matches: looked up by seeking, which skips
    /// the blocks of postings between them.
    fn add_clause_to(
        &self,
        summed: Summed,
        reader: &SegmentReader,
        docs: &[DocId],
        sums: &mut Sums,
    ) -> tantivy::Result<()> {
        let number = match summed {
            Summed::Term(number) => number,
            Summed::Other(number) => {
                let mut scorer = self.others[number].scorer(reader, 1.0)?;
                for &doc in docs {
                    if !sums.add_at(scorer.as_mut(), doc) {
                        break;
                    }
                }
                return Ok(());
            }
        };
        let Some(mut term) = self.term_postings(number, reader, 1.0, sums)? else {
            return Ok(());
        };
        // Where in the block loaded the documents before `doc` end.
        let mut at = 0;
        for &doc in docs {
            let block = term.postings.docs();
            if block.last().is_none_or(|&last| last < doc) {
                // In a later block, if any: skipping the blocks before it undecoded.
                at = term.postings.seek(doc);
            } else {
                while block[at] < doc {
                    at += 1;
                }
            }
            let Some(&next) = term.postings.docs().get(at) else {
                break;
            };
            if next == doc {
                term.add(doc, term.postings.freqs()[at], sums);
            }
        }
        Ok(())
    }

    /// Term clause `number`'s postings in `reader`, its scores multiplied by `boost`; `None`
    /// when the segment does not have its term.
    fn term_postings(
        &self,
        number: usize,
        reader: &SegmentReader,
        boost: Score,
        sums: &Sums,
    ) -> tantivy::Result<Option<TermPostings>> {
        let (clause, clause_boost) = &self.terms[number];
        let Some(found) = clause.found_in(reader.segment_id()) else {
            return Ok(None);
        };
        Ok(Some(TermPostings {
            postings: found
                .inverted_index
                .read_block_postings_from_terminfo(&found.info, IndexRecordOption::WithFreqs)?,
            lengths: reader.get_fieldnorms_reader(clause.field)?,
            bm25: clause.bm25.boost_by(clause_boost * boost),
            bit: sums.term_bit(number),
        }))
    }

    /// Adds the term and other clauses' scores into `sums`, in [`SummedWeight::order`], as
    /// far as the `limit` best can need them. The `limit`-th best score so far is a floor for
    /// the `limit`-th best at the end. Once the clauses left, and the near clauses of terms
    /// among them, can add less than the floor, no document that none of the clauses added
    /// so far found can be among the best; nor can one found whose score stays below the
    /// floor with every clause it may still match at its most. The clauses left are then
    /// added only to the other documents, which are returned, ascending. `None`: every clause
    /// was added wherever it matches.
    fn add_pruned(
        &self,
        reader: &SegmentReader,
        limit: usize,
        sums: &mut Sums,
    ) -> tantivy::Result<Option<Vec<DocId>>> {
        let segment = reader.segment_id();
        // From each clause on in `order`: the most the clauses left can add, their bits in
        // `terms_matched`, and how many postings they have.
        let mut most_left = vec![0.0; self.order.len() + 1];
        let mut bits_left = vec![0u64; self.order.len() + 1];
        let mut postings_left = vec![0usize; self.order.len() + 1];
        for (at, &(summed, most)) in self.order.iter().enumerate().rev() {
            let (bit, postings) = match summed {
                Summed::Term(number) => (
                    sums.term_bit(number),
                    self.terms[number]
                        .0
                        .found_in(segment)
                        .map_or(0, |found| found.info.doc_freq as usize),
                ),
                Summed::Other(_) => (0, 0),
            };
            most_left[at] = most_left[at + 1] + most;
            bits_left[at] = bits_left[at + 1] | bit;
            postings_left[at] = postings_left[at + 1] + postings;
        }
        // The most the near clauses can add to a document that has or may still match the
        // term clauses of `bits`.
        let near_within = |bits: u64| -> Score {
            self.near
                .iter()
                .filter(|(_, near_bits, _)| near_bits & !bits == 0)
                .map(|(_, _, bound)| bound)
                .sum()
        };
        let all_near = near_within(u64::MAX);
        // Whether a document with `score` so far can reach `floor` when it matches the
        // clauses from `at` on and the near clauses it may; `matched`: its term clauses so
        // far. (With a margin for the rounding of the sums.)
        let may_reach = |score: Score, matched: u64, at: usize, floor: Score| {
            let reaches = |most: Score| most * (1.0 + BOUND_MARGIN) >= floor;
            let most = score + most_left[at];
            if !reaches(most + all_near) {
                false
            } else if reaches(most) {
                true
            } else {
                reaches(most + near_within(matched | bits_left[at]))
            }
        };
        let matched = |sums: &Sums, doc: DocId| {
            sums.terms_matched
                .get(doc as usize)
                .copied()
                .unwrap_or_default()
        };
        // The floor last worked out.
        let mut last_floor = Score::INFINITY;
        for (at, &(summed, _)) in self.order.iter().enumerate() {
            let unseen_most = most_left[at] + near_within(bits_left[at]);
            // The floor is worth working out (a pass over the documents found) when more
            // postings are left than documents found, and when it may be above what a
            // document not found yet can reach: it is not above what the clauses added so
            // far can add, and it seldom doubles from one clause to the next.
            if sums.docs.len() >= limit
                && postings_left[at] > sums.docs.len()
                && unseen_most < most_left[0] - most_left[at]
                && unseen_most < 2.0 * last_floor
            {
                let mut floor = sums.floor(&sums.docs, limit);
                last_floor = floor;
                if !may_reach(0.0, 0, at, floor) {
                    #[cfg(test)]
                    PRUNED.with(|pruned| pruned.set(pruned.get() + 1));
                    let mut candidates: Vec<DocId> = sums
                        .found()
                        .filter(|&doc| {
                            may_reach(sums.scores[doc as usize], matched(sums, doc), at, floor)
                        })
                        .collect();
                    for (next, &(summed, _)) in self.order.iter().enumerate().skip(at) {
                        self.add_clause_to(summed, reader, &candidates, sums)?;
                        // Fewer can reach the floor, which may have risen, with fewer left.
                        if candidates.len() > limit && next + 1 < self.order.len() {
                            floor = floor.max(sums.floor(&candidates, limit));
                            candidates.retain(|&doc| {
                                may_reach(
                                    sums.scores[doc as usize],
                                    matched(sums, doc),
                                    next + 1,
                                    floor,
                                )
                            });
                        }
                    }
                    return Ok(Some(candidates));
                }
            }
            self.add_clause(summed, reader, 1.0, sums)?;
        }
        Ok(None)
    }

    /// The best `limit` documents of the segment `reader` and their scores, best first
    /// (equal scores: lower document first): what collecting the top `limit` of this
    /// weight's scorer gives, the same scores added up in the same order. Term and other
    /// clauses are added everywhere only until the ones left cannot matter (see the module
    /// documentation), then only where they can. A near clause is scored only for documents
    /// that match both its terms and that could still reach the `limit` best with every near
    /// clause they may match at its bound: the `limit`-th best score without near clauses is
    /// a floor for the `limit`-th best with them. The best are then picked among those
    /// documents and the `limit` best without near clauses, not among every document found.
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
        let pruned = self.add_pruned(reader, limit, sums)?;
        if self.near.is_empty() {
            return Ok(sums.best(pruned.as_deref().unwrap_or(&sums.docs), limit));
        }
        // The documents that can be among the best (see `add_pruned`).
        let found = pruned.unwrap_or_else(|| sums.docs.clone());
        if found.len() > limit {
            // Near clauses only add to the documents found so far, and only the best before
            // them and those they are added to can be among the best after them: the others
            // keep scores below the floor, or at it behind `limit` documents that rank
            // before them and can only rise.
            let before = sums.best(&found, limit);
            let floor = before.last().map_or(Score::NEG_INFINITY, |last| last.0);
            let mut candidates = self.add_near(reader, &found, floor, sums)?;
            candidates.extend(before.iter().map(|&(_, doc)| doc));
            candidates.sort_unstable();
            candidates.dedup();
            return Ok(sums.best(&candidates, limit));
        }
        self.add_near(reader, &found, Score::NEG_INFINITY, sums)?;
        Ok(sums.best(&found, limit))
    }

    /// Adds the near clauses' scores to those of `docs` (found in `sums`) that match their
    /// terms and could reach `floor` with them (every near clause they may match at its
    /// bound); returns those documents, ascending.
    fn add_near(
        &self,
        reader: &SegmentReader,
        docs: &[DocId],
        floor: Score,
        sums: &mut Sums,
    ) -> tantivy::Result<Vec<DocId>> {
        let all_near: Score = self.near.iter().map(|(_, _, bound)| bound).sum();
        let mut promising: Vec<DocId> = Vec::new();
        for &doc in docs {
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
                if !sums.add_at(scorer.as_mut(), doc) {
                    break;
                }
            }
        }
        Ok(promising)
    }
}

impl Weight for SummedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut sums = Sums::default().ready(reader, false);
        for &(summed, _) in &self.order {
            self.add_clause(summed, reader, boost, &mut sums)?;
        }
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
    use tantivy::query::{
        BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, TermQuery,
    };
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
        many_of(300)
    }

    /// `count` documents of a few words in many orders (see [`many`]).
    fn many_of(count: usize) -> (Index, Field, Field) {
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
        let docs = (0..count)
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
                    clauses.push(near.box_clone(), Score::INFINITY);
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
            &["trash", "day", "pickup", "water", "bill", "city", "online"],
            &["online", "city", "trash"],
        ];
        // A large index, a small one, the large one again: the per-thread arrays of `top`
        // grow, are used in part, and are clean each time. Then one whose common words have
        // postings of several blocks, which searches skip between.
        let large = many();
        let small = index();
        let larger = many_of(3000);
        PRUNED.with(|pruned| pruned.set(0));
        for (index, title, body) in [&large, &small, &large, &larger] {
            let entries = index.reader().unwrap().searcher().num_docs() as u32;
            assert_same_best(index, *title, *body, entries, questions);
        }
        // Some searches left out what could not matter.
        assert!(PRUNED.with(|pruned| pruned.get()) > 0);
    }

    /// Checks [`SummedWeight::top`] against tantivy's collector for `questions` (each word
    /// in both fields, neighbouring words near each other, and the first word in the title
    /// as a clause of a constant score).
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
            let first_in_title = TermQuery::new(
                Term::from_field_text(title, words[0]),
                IndexRecordOption::Basic,
            );
            clauses.push(
                Box::new(ConstScoreQuery::new(Box::new(first_in_title), 0.7)),
                0.7,
            );
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

    /// Where a pair of common terms near each other, or a rarer term near a common one,
    /// decides the best: searches that leave common terms out where they cannot matter must
    /// still count what their near clauses can add.
    #[test]
    fn what_is_left_out_counts_the_near_clauses_it_may_match() {
        // "rare" in one body, "mid" in two, "a" and "b" in nearly all.
        let mut bodies = vec![
            "rare x x x".to_owned(),
            "mid a x x".to_owned(),
            "mid x x x".to_owned(),
            "x a b x".to_owned(),
        ];
        for i in 0..56 {
            bodies.push(if i % 2 == 0 { "a x x b" } else { "b x x a" }.to_owned());
        }
        let (index, _, body) = index_of(bodies.into_iter().map(|b| (String::new(), b)).collect());
        let searcher = index.reader().unwrap().searcher();
        let entries = searcher.num_docs() as u32;
        let statistics = LanguageStatistics::new(&searcher, entries);
        let field_bm25 = bm25(&searcher, body, entries);
        // The pair of common terms weighs much (first: "x a b x" is the best, though no
        // other term finds it) or the pair of "mid" and "a" (second: "mid a x x").
        for (common_pair, mid_pair) in [(100.0, 1.0), (0.2, 12.0)] {
            let mut clauses = SummedClauses::default();
            let mut number = |word: &str| {
                let term = Term::from_field_text(body, word);
                let clause = TermClause::new(&searcher, &term, &field_bm25).unwrap();
                clauses.push_term(clause, 1.0).unwrap()
            };
            let [_, mid, a, b] = ["rare", "mid", "a", "b"].map(&mut number);
            let phrase = |first: &str, second: &str| {
                Box::new(PhraseQuery::new(vec![
                    Term::from_field_text(body, first),
                    Term::from_field_text(body, second),
                ]))
            };
            clauses.push_near(phrase("a", "b"), [a, b], common_pair);
            clauses.push_near(phrase("mid", "a"), [mid, a], mid_pair);
            let weight = clauses
                .summed_weight(EnableScoring::enabled_from_statistics_provider(
                    &statistics,
                    &searcher,
                ))
                .unwrap();
            PRUNED.with(|pruned| pruned.set(0));
            let got = weight.search(&searcher, 1).unwrap();
            if mid_pair > common_pair {
                // "a" and "b" were left out where they could not matter.
                assert_eq!(PRUNED.with(|pruned| pruned.get()), 1);
            }
            let expected = searcher
                .search_with_statistics_provider(
                    &clauses,
                    &TopDocs::with_limit(1).order_by_score(),
                    &statistics,
                )
                .unwrap();
            assert_eq!(got, expected, "{common_pair}");
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
    fn the_documents_found_are_gone_through_in_ascending_order() {
        let mut sums = Sums {
            scores: vec![0.0; 300],
            seen: vec![0; 5],
            ..Sums::default()
        };
        let added = [299, 0, 64, 63, 65, 128, 7, 64, 191, 0, 200];
        for doc in added {
            sums.add(doc, 1.0);
        }
        let mut expected: Vec<DocId> = added.to_vec();
        expected.sort();
        expected.dedup();
        assert_eq!(sums.found().collect::<Vec<_>>(), expected);
        assert_eq!(sums.docs.len(), expected.len());
        sums.clear();
        assert_eq!(sums.found().count(), 0);
        assert!(sums.scores.iter().all(|&score| score == 0.0));
    }

    #[test]
    fn the_floor_is_the_score_of_the_last_of_the_best() {
        // Scores with many ties, documents in no order, as a search leaves them.
        let mut sums = Sums {
            scores: vec![0.0; 500],
            ..Sums::default()
        };
        let mut docs = Vec::new();
        let mut state = 7u32;
        for doc in 0..500u32 {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let doc = (doc * 7919) % 500;
            sums.scores[doc as usize] = ((state >> 16) % 40) as Score * 0.25;
            docs.push(doc);
        }
        for limit in [0, 1, 2, 3, 10, 37, 499, 500, 600] {
            for count in [0, 1, 5, 10, 11, 100, 500] {
                let docs = &docs[..count];
                let expected = sums
                    .best(docs, limit)
                    .last()
                    .map_or(Score::NEG_INFINITY, |last| last.0);
                assert_eq!(sums.floor(docs, limit), expected, "{limit} of {count}");
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
