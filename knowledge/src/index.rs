//! The search index: published entries in in-memory tantivy indexes, one per language, and
//! the per-entry term sets used to judge how well a hit covers the question.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rustc_hash::FxHashSet;
use tantivy::directory::RamDirectory;
use tantivy::query::{Bm25StatisticsProvider, BoostQuery, EnableScoring, PhraseQuery};
use tantivy::schema::{FAST, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::TokenizerManager;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::analyzer;
use crate::analyzer_pool::AnalyzerPool;
use crate::check::KnowledgeBase;
use crate::entry::Entry;
use crate::language_statistics::LanguageStatistics;
use crate::question_forms::QuestionForms;
use crate::question_query::{FieldBm25, SummedClauses, TermClause};
use crate::typo::TypoMatchQuery;
use crate::vocabulary::{self, TermSet, Typos, Vocabulary, VocabularyBuilder};

/// Weight of a match in the title relative to the body.
const TITLE_BOOST: f32 = 3.0;
/// Weight of a match in `also_asked` and `keywords` relative to the body.
const ASKED_BOOST: f32 = 2.5;
/// Weight of a synonym match relative to the word itself.
const SYNONYM_FACTOR: f32 = 0.7;
/// Weight of a near-miss (typo) match relative to an exact one: low, so that typos find the
/// entry without outranking an exact match elsewhere.
const FUZZY_FACTOR: f32 = 0.3;
/// Weight of a match of two neighbouring question terms (at most [`PROXIMITY_SLOP`] words
/// apart) in the entry, relative to a match of a single term: "Super Bowl" or "Josh Norman"
/// together say more than either word alone.
const PROXIMITY_BOOST: f32 = 0.5;
/// Neighbouring question terms are looked for together in the body only when one of them
/// occurs in at most this share of the language's entries, or in at most
/// [`PROXIMITY_BODY_ENTRIES`]: the positions of both are read wherever both occur, costly for
/// pairs of common words in large bases, and such pairs say little.
const PROXIMITY_BODY_SHARE: f32 = 0.02;
/// See [`PROXIMITY_BODY_SHARE`]: in bases this small, every pair is looked for.
const PROXIMITY_BODY_ENTRIES: f32 = 100.0;
/// How many other words may stand between two neighbouring question terms in the entry.
const PROXIMITY_SLOP: u32 = 2;
/// Weight of a shared character n-gram ([`analyzer::ngram_analyzer`]) relative to a whole
/// term: many n-grams match for one word, each weighs little.
const NGRAM_BOOST: f32 = 0.3;
/// A question's n-grams found in more than this share of the language's entries (or more
/// than [`NGRAM_COMMON_ENTRIES`]) are left out of the search: common word parts such as
/// `chen` or `ung$` say almost nothing about which entry is meant, and their long posting
/// lists made short German questions the slowest ones. Measured on the development sets:
/// no change in R@1 beyond one question either way; on the 15k-entry load-test base,
/// `/api/v1/ask` used 2–5 % less CPU (few of its questions are in n-gram languages).
const NGRAM_COMMON_SHARE: f32 = 0.1;
/// See [`NGRAM_COMMON_SHARE`]: in bases this small, every n-gram is searched.
const NGRAM_COMMON_ENTRIES: f32 = 50.0;
/// The fast (column) field holding each document's position in [`SearchIndex`]'s entries.
const ENTRY_FIELD: &str = "entry";
/// Memory budget of each language's index writer (tantivy sizes the writer's first table of
/// terms from it).
const WRITER_HEAP_BYTES: usize = 50_000_000;
/// Documents waiting for the indexing thread at most, while the calling thread analyses the
/// next entries for the vocabulary: enough to keep both busy, few enough to hold little.
const INDEXING_QUEUE: usize = 64;

/// Why the index could not be built or searched.
#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct IndexError(#[from] tantivy::TantivyError);

/// One ranked entry for a question.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The entry.
    pub entry: Arc<Entry>,
    /// tantivy's relevance score (BM25 with field boosts); comparable within one search only.
    pub score: f32,
    /// Share of the question's meaning the entry contains, from 0 to 1: each query term counts
    /// by its rarity in the knowledge base (IDF), and is covered when the entry contains it,
    /// one of its synonyms, or a word within typo distance.
    pub coverage: f32,
    /// Cosine similarity (−1 to 1) between the meaning of the question and the entry's (its
    /// questions and the start of its answer), when the hits were ranked by meaning (the
    /// server's `meaning` module); `None` otherwise.
    pub similarity: Option<f32>,
}

/// The ranked hits for a question, with what the decision needs to know about the query.
#[derive(Debug, Clone)]
pub struct SearchResult {
    /// Language the search ran in.
    pub lang: String,
    /// `true` when the requested language has no content and the default language was used.
    pub fell_back: bool,
    /// Number of distinct search terms in the question (0: nothing to search for).
    pub query_terms: usize,
    /// Best first.
    pub hits: Vec<Hit>,
    /// How much of the question is vocabulary of `lang`'s content, (terms found, terms in
    /// all) as [`SearchIndex::vocabulary_match`] counts them, when the search worked that out
    /// on the way: for languages whose terms are cut from the question's words as the
    /// search cuts them (not those analysed as bigrams or cut by a dictionary). Callers that
    /// need the figure for the searched language take it from here instead of analysing the
    /// question again.
    pub vocabulary: Option<(usize, usize)>,
}

/// Per-language search data.
struct LangData {
    /// The language tag.
    lang: String,
    /// The language's own index (see [`LangData::build`]).
    searcher: Searcher,
    analyzer: AnalyzerPool,
    title: Field,
    asked: Field,
    body: Field,
    /// Character n-grams of title, also_asked, keywords and body, for languages that
    /// [`analyzer::uses_ngrams`].
    ngrams: Option<(Field, AnalyzerPool)>,
    /// word (lowercase, as typed) → analysed terms of its synonyms.
    synonyms: HashMap<String, Vec<String>>,
    /// The analysed terms of this language's entries, numbered, with their entry counts.
    vocabulary: Vocabulary,
    /// Word forms of this language's content ([`analyzer::word_form_analyzer`]).
    word_forms: FxHashSet<String>,
    word_form_analyzer: AnalyzerPool,
    /// The language's step of the word-form analysis of a question cut once for all
    /// languages ([`QuestionForms`]).
    stop_words: analyzer::StopWords,
    entries: u32,
    /// BM25 of each of the language's fields that some entry fills, for its [`TermClause`]s.
    /// A field no entry fills (`asked` in a base without other wordings or keywords) has
    /// none and is not searched: it would match nothing, and tantivy makes an empty
    /// dictionary for it at every lookup.
    bm25: Vec<(Field, FieldBm25)>,
    /// Positions in [`SearchIndex::entries`] of this language's entries, in the order of
    /// their ids: found by binary search ([`SearchIndex::entry`]), four bytes an entry where a
    /// map from id would copy every id.
    by_id: Box<[u32]>,
}

impl LangData {
    /// How many of `terms` (analysed) the content's vocabulary has, and how many there are.
    fn vocabulary_share(&self, terms: &[String]) -> (usize, usize) {
        let found = terms
            .iter()
            .filter(|term| self.vocabulary.contains(term))
            .count();
        (found, terms.len())
    }

    /// BM25 of `field`, one of the language's.
    fn bm25_of(&self, field: Field) -> Option<&FieldBm25> {
        self.bm25
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, bm25)| bm25)
    }

    /// Indexes the entries of `lang` (those of `entries` at `positions`, ascending) into an
    /// index of their own, and sets their term sets in `entry_terms`.
    ///
    /// tantivy's single-segment writer runs on a thread of ours, fed through a short queue
    /// (see [`INDEXING_QUEUE`]), while this thread analyses the entries for the vocabulary:
    /// tantivy's `IndexWriter` queues up to 10,000 documents for its indexing thread, and
    /// with the n-gram fields that thread is the slower side, so the queue filled with
    /// copies of every entry's text (15 MB at the peak of a 15k-entry build). The writer
    /// gathers every posting of its segment in memory until it is written: with one index
    /// per language that is one language's postings at a time, not every language's. Each
    /// language's fields held only its own entries anyway, its searches read nothing else,
    /// and its BM25 statistics were its own ([`LanguageStatistics`]).
    fn build(
        kb: &KnowledgeBase,
        lang: &str,
        entries: &[Arc<Entry>],
        positions: &[usize],
        entry_terms: &mut [TermSet],
    ) -> Result<Self, IndexError> {
        let mut schema = Schema::builder();
        let entry_field = schema.add_u64_field(ENTRY_FIELD, FAST);
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(&analyzer::tokenizer_name(lang))
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let options = TextOptions::default().set_indexing_options(indexing);
        let title = schema.add_text_field(&format!("title_{lang}"), options.clone());
        let asked = schema.add_text_field(&format!("asked_{lang}"), options.clone());
        let body = schema.add_text_field(&format!("body_{lang}"), options);
        let ngrams = analyzer::uses_ngrams(lang).then(|| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(&analyzer::ngram_tokenizer_name(lang))
                .set_index_option(IndexRecordOption::WithFreqs);
            schema.add_text_field(
                &format!("ngrams_{lang}"),
                TextOptions::default().set_indexing_options(indexing),
            )
        });
        let tokenizers = TokenizerManager::default();
        tokenizers.register(&analyzer::tokenizer_name(lang), analyzer::analyzer(lang));
        tokenizers.register(
            &analyzer::ngram_tokenizer_name(lang),
            analyzer::ngram_analyzer(lang),
        );
        let writer = Index::builder()
            .schema(schema.build())
            .tokenizers(tokenizers)
            .single_segment_index_writer::<TantivyDocument>(
                RamDirectory::create(),
                WRITER_HEAP_BYTES,
            )?;

        let mut synonyms = HashMap::new();
        let mut lang_analyzer = analyzer::analyzer(lang);
        for (word, others) in kb.config.synonym_groups(lang) {
            let terms: Vec<String> = others
                .iter()
                .flat_map(|w| analyzer::terms(&mut lang_analyzer, w))
                .collect();
            synonyms.insert(word, terms);
        }
        let analyzer = AnalyzerPool::new(analyzer::analyzer(lang));
        let word_form_analyzer = AnalyzerPool::new(analyzer::word_form_analyzer(lang));
        let ngrams = ngrams.map(|field| (field, AnalyzerPool::new(analyzer::ngram_analyzer(lang))));
        let stop_words = analyzer::StopWords::of(lang);
        let mut word_forms = FxHashSet::default();
        let mut vocabulary = VocabularyBuilder::default();

        let (documents, queued) = std::sync::mpsc::sync_channel::<TantivyDocument>(INDEXING_QUEUE);
        let index = std::thread::scope(|scope| -> Result<_, IndexError> {
            let indexing = std::thread::Builder::new()
                .name("indexing".into())
                .spawn_scoped(scope, move || {
                    let mut writer = writer;
                    for document in queued {
                        writer.add_document(document)?;
                    }
                    writer.finalize()
                })
                .map_err(|e| tantivy::TantivyError::SystemError(format!("indexing thread: {e}")))?;
            for &position in positions {
                let entry = &entries[position];
                let asked_text = entry
                    .also_asked
                    .iter()
                    .chain(&entry.keywords)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n");
                let body_text = crate::markdown::to_plain_text(&entry.answer.markdown());
                let mut doc = TantivyDocument::default();
                doc.add_u64(entry_field, position as u64);
                doc.add_text(title, &entry.title);
                doc.add_text(asked, &asked_text);
                doc.add_text(body, &body_text);
                if let Some((ngrams, _)) = &ngrams {
                    for text in [&entry.title, &asked_text, &body_text] {
                        doc.add_text(*ngrams, text);
                    }
                }
                if documents.send(doc).is_err() {
                    // The indexing thread stopped on an error: joined below.
                    break;
                }
                let mut terms = Vec::new();
                for text in [&entry.title, &asked_text, &body_text] {
                    terms.extend(analyzer.terms(text));
                    word_forms.extend(word_form_analyzer.terms(text));
                }
                vocabulary.add_entry(terms);
            }
            drop(documents);
            Ok(indexing
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?)
        })?;
        // Finished once the segment is written, not meanwhile: together they peaked 1.5 MB
        // higher (15k entries), for 30 ms sooner.
        let (vocabulary, terms) = vocabulary.finish().map_err(tantivy::TantivyError::from)?;
        for (&position, terms) in positions.iter().zip(terms) {
            entry_terms[position] = terms;
        }
        let mut by_id: Vec<u32> = positions.iter().map(|&p| p as u32).collect();
        by_id.sort_by(|&a, &b| entries[a as usize].id.cmp(&entries[b as usize].id));

        let reader: IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let entry_count = positions.len() as u32;
        let statistics = LanguageStatistics::new(&searcher, entry_count);
        let mut bm25 = Vec::new();
        for field in [title, asked, body]
            .into_iter()
            .chain(ngrams.as_ref().map(|(field, _)| *field))
        {
            if statistics.total_num_tokens(field)? > 0 {
                bm25.push((field, FieldBm25::of(&statistics, field)?));
            }
        }
        Ok(Self {
            lang: lang.to_owned(),
            searcher,
            analyzer,
            title,
            asked,
            body,
            ngrams,
            synonyms,
            vocabulary,
            word_forms,
            word_form_analyzer,
            stop_words,
            entries: entry_count,
            bm25,
            by_id: by_id.into(),
        })
    }
}

/// An immutable, searchable snapshot of a knowledge base's published entries.
///
/// Build one with [`SearchIndex::build`] (off the async runtime: it takes a while for large
/// bases) and share it behind an `Arc`; a reload builds a new one and swaps it in.
pub struct SearchIndex {
    entries: Vec<Arc<Entry>>,
    /// Analysed terms of each entry (title, also_asked, keywords, body) as ascending numbers
    /// in its language's [`Vocabulary`], aligned with `entries`.
    entry_terms: Vec<TermSet>,
    langs: BTreeMap<String, LangData>,
    default_language: String,
    partial_languages: Vec<String>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .field("languages", &self.langs.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// One distinct analysed term of a question.
struct QueryTerm {
    /// The term.
    text: String,
    /// Analysed terms of its synonyms.
    synonyms: Vec<String>,
    /// Its number in the vocabulary, when some entry has it.
    id: Option<u32>,
    /// Numbers of its synonyms that some entry has.
    synonym_ids: Vec<u32>,
    /// The vocabulary's words within typo distance (the term itself included), when it is
    /// long enough to allow typos.
    typos: Option<Arc<Typos>>,
    /// Its weight in the coverage: its rarity among the language's entries (IDF).
    idf: f32,
}

struct AnalysedQuery {
    /// Distinct analysed terms with their synonym terms.
    terms: Vec<QueryTerm>,
    /// Pairs of distinct analysed terms next to each other in the question, in order.
    neighbours: Vec<(String, String)>,
    /// Distinct character n-grams of the question (empty unless the language uses them).
    ngrams: Vec<String>,
    /// See [`SearchResult::vocabulary`].
    vocabulary: Option<(usize, usize)>,
}

impl SearchIndex {
    /// Indexes the published entries of `kb`: what residents search.
    pub fn build(kb: &KnowledgeBase) -> Result<Self, IndexError> {
        Self::build_filtered(kb, false)
    }

    /// Indexes the published and the draft entries of `kb`, for editors previewing drafts
    /// (never for residents). Tell drafts apart by their [`Entry::status`].
    pub fn build_with_drafts(kb: &KnowledgeBase) -> Result<Self, IndexError> {
        Self::build_filtered(kb, true)
    }

    fn build_filtered(kb: &KnowledgeBase, drafts: bool) -> Result<Self, IndexError> {
        let languages: Vec<&String> = kb.config.all_languages().collect();
        let entries: Vec<Arc<Entry>> = kb
            .entries
            .iter()
            .filter(|e| (drafts || e.is_published()) && languages.contains(&&e.lang))
            .cloned()
            .collect();
        let mut entry_terms: Vec<TermSet> = std::iter::repeat_with(TermSet::default)
            .take(entries.len())
            .collect();
        // One language after the other, each into an index of its own: only one language's
        // postings are ever being gathered in memory (see `LangData::build`). The language
        // with the most entries first, while no other language's index is held yet.
        let mut by_language: Vec<(&String, Vec<usize>)> = languages
            .into_iter()
            .map(|lang| {
                let positions = (0..entries.len())
                    .filter(|&p| entries[p].lang == *lang)
                    .collect();
                (lang, positions)
            })
            .collect();
        by_language.sort_by_key(|(_, positions)| std::cmp::Reverse(positions.len()));
        let mut langs = BTreeMap::new();
        for (lang, positions) in by_language {
            let data = LangData::build(kb, lang, &entries, &positions, &mut entry_terms)?;
            langs.insert(lang.clone(), data);
        }
        Ok(Self {
            entries,
            entry_terms,
            langs,
            default_language: kb.config.default_language.clone(),
            partial_languages: kb.config.partial_languages.clone(),
        })
    }

    /// Number of indexed (published) entries, all languages together.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The languages the index has fields for.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.langs.keys().map(String::as_str)
    }

    /// The language used when a resident's language has no content.
    pub fn default_language(&self) -> &str {
        &self.default_language
    }

    /// Whether `lang` is being translated (its content may miss entries that the default
    /// language has).
    pub fn is_partial(&self, lang: &str) -> bool {
        self.partial_languages.iter().any(|l| l == lang)
    }

    /// Every published entry, all languages together.
    pub fn entries(&self) -> impl Iterator<Item = &Arc<Entry>> {
        self.entries.iter()
    }

    /// The published entry `id` in `lang`, or in the default language when it has no
    /// translation in `lang`.
    pub fn entry(&self, id: &str, lang: &str) -> Option<Arc<Entry>> {
        let find = |l: &str| {
            let by_id = &self.langs.get(l)?.by_id;
            let found = by_id
                .binary_search_by(|&p| self.entries[p as usize].id.as_str().cmp(id))
                .ok()?;
            Some(Arc::clone(&self.entries[by_id[found] as usize]))
        };
        find(lang).or_else(|| find(&self.default_language))
    }

    /// How much of `text` is vocabulary of `lang`'s content: (terms found, terms in total).
    /// Evidence for language identification on short questions, where statistical detectors
    /// are unreliable.
    pub fn vocabulary_match(&self, lang: &str, text: &str) -> (usize, usize) {
        let Some(data) = self.langs.get(lang) else {
            return (0, 0);
        };
        data.vocabulary_share(&data.analyzer.terms(text))
    }

    /// How much `word` (one word as typed) speaks for `lang`, from 0 to 1: 1 when it is one of
    /// the language's stop words or occurs in that form (ignoring case and accents) in the
    /// language's content, else 0. For languages analysed as bigrams, the share of the word's
    /// bigrams found in the content. Unlike [`SearchIndex::vocabulary_match`], word forms are
    /// compared unstemmed: stemmers of different languages meet on cognates (English
    /// `symptoms` and German `Symptome` both stem to `symptom`).
    pub fn word_evidence(&self, lang: &str, word: &str) -> f32 {
        let Some(data) = self.langs.get(lang) else {
            return 0.0;
        };
        if analyzer::uses_bigrams(lang) {
            let (found, total) = self.vocabulary_match(lang, word);
            return if total == 0 {
                0.0
            } else {
                found as f32 / total as f32
            };
        }
        if !may_be_evidence(word) {
            return 0.0;
        }
        let forms = data.word_form_analyzer.terms(word);
        let found = forms
            .iter()
            .filter(|f| data.word_forms.contains(*f))
            .count();
        share_found(found, forms.len())
    }

    /// For each of `languages`, [`SearchIndex::word_evidence`] of each word of `text` as
    /// [`crate::words::Words`] cuts it, in order; the text is cut once for all of them. Where a
    /// language's analyzer cuts words the same way (every language but those analysed as
    /// bigrams or cut by a dictionary), the steps of the word-form analysis that are the same
    /// in all of them are done once for the whole text ([`QuestionForms`]), its words told
    /// apart by their position, instead of once per word and language.
    pub fn words_evidence(&self, languages: &[&str], text: &str) -> Vec<Vec<f32>> {
        let cut = crate::words::Words::of(text);
        let words: Vec<&str> = cut.iter().collect();
        let mut forms = None;
        languages
            .iter()
            .map(|lang| {
                let Some(data) = self.langs.get(*lang) else {
                    return vec![0.0; words.len()];
                };
                if !analyzer::cuts_words(lang) {
                    return words.iter().map(|w| self.word_evidence(lang, w)).collect();
                }
                let forms = forms.get_or_insert_with(|| QuestionForms::of(text));
                words_evidence_in(data, forms, &words)
            })
            .collect()
    }

    /// Ranks published entries in `lang` for `text`, best first, at most `limit`.
    pub fn search(&self, lang: &str, text: &str, limit: usize) -> Result<SearchResult, IndexError> {
        let (lang, fell_back) = if self.langs.get(lang).is_some_and(|d| d.entries > 0) {
            (lang.to_owned(), false)
        } else {
            (self.default_language.clone(), true)
        };
        let Some(data) = self.langs.get(&lang) else {
            return Ok(SearchResult {
                lang,
                fell_back,
                query_terms: 0,
                hits: Vec::new(),
                vocabulary: Some((0, 0)),
            });
        };
        let query = self.analyse(data, text)?;
        if query.terms.is_empty() {
            return Ok(SearchResult {
                lang,
                fell_back,
                query_terms: 0,
                hits: Vec::new(),
                vocabulary: query.vocabulary,
            });
        }
        let searcher = &data.searcher;
        let clauses = self.tantivy_query(data, &query, searcher)?;
        let statistics = LanguageStatistics::new(searcher, data.entries);
        let weight = clauses.summed_weight(EnableScoring::enabled_from_statistics_provider(
            &statistics,
            searcher,
        ))?;
        let top = weight.search(searcher, limit)?;
        // Each hit's entry position, from its segment's column (reading stored documents
        // would decompress a block of the document store per hit).
        let positions = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64(ENTRY_FIELD))
            .collect::<Result<Vec<_>, _>>()?;
        let mut hits = Vec::with_capacity(top.len());
        let mut entry_terms = Vec::new();
        for (score, address) in top {
            let Some(ix) = positions
                .get(address.segment_ord as usize)
                .and_then(|column| column.first(address.doc_id))
            else {
                continue;
            };
            let ix = ix as usize;
            self.entry_terms[ix].unpack_into(&mut entry_terms);
            hits.push(Hit {
                entry: Arc::clone(&self.entries[ix]),
                score,
                coverage: coverage(&query, &entry_terms),
                similarity: None,
            });
        }
        Ok(SearchResult {
            lang,
            fell_back,
            query_terms: query.terms.len(),
            hits,
            vocabulary: query.vocabulary,
        })
    }

    fn analyse(&self, data: &LangData, text: &str) -> Result<AnalysedQuery, IndexError> {
        let mut words: Vec<(String, Vec<String>)> = Vec::new();
        let mut sequence: Vec<String> = Vec::new();
        data.analyzer.with(|analyzer| {
            for word in crate::words::Words::of(text).iter() {
                for term in analyzer::terms(analyzer, word) {
                    sequence.push(term.clone());
                    if words.iter().any(|(t, _)| *t == term) {
                        continue;
                    }
                    let synonyms = if data.synonyms.is_empty() {
                        Vec::new()
                    } else {
                        let lower = word.to_lowercase();
                        data.synonyms.get(&lower).cloned().unwrap_or_default()
                    };
                    words.push((term, synonyms));
                }
            }
        });
        let entries = data.entries.max(1) as f32;
        let mut terms = Vec::with_capacity(words.len());
        for (text, synonyms) in words {
            let df = data.vocabulary.doc_freq(&text) as f32;
            let typos = data.vocabulary.typos_of(&text)?;
            terms.push(QueryTerm {
                id: data.vocabulary.id(&text),
                synonym_ids: synonyms
                    .iter()
                    .filter_map(|s| data.vocabulary.id(s))
                    .collect(),
                typos,
                idf: (1.0 + (entries - df + 0.5) / (df + 0.5)).ln(),
                text,
                synonyms,
            });
        }
        // Neighbouring terms, for the proximity boost; bigram languages' neighbours overlap
        // already (each bigram shares a character with the next).
        let mut neighbours: Vec<(String, String)> = Vec::new();
        if !analyzer::uses_bigrams(&data.lang) {
            for pair in sequence.windows(2) {
                let pair = (pair[0].clone(), pair[1].clone());
                if pair.0 != pair.1 && !neighbours.contains(&pair) {
                    neighbours.push(pair);
                }
            }
        }
        let mut ngrams: Vec<String> = Vec::new();
        if let Some((_, ngram_analyzer)) = &data.ngrams
            && !terms.is_empty()
        {
            for gram in ngram_analyzer.terms(text) {
                if !ngrams.contains(&gram) {
                    ngrams.push(gram);
                }
            }
        }
        // The whole question's terms are its words' terms where the analyzer cuts words as
        // `Words` does.
        let vocabulary = analyzer::cuts_words(&data.lang).then(|| data.vocabulary_share(&sequence));
        Ok(AnalysedQuery {
            terms,
            neighbours,
            ngrams,
            vocabulary,
        })
    }

    fn tantivy_query(
        &self,
        data: &LangData,
        query: &AnalysedQuery,
        searcher: &Searcher,
    ) -> Result<SummedClauses, IndexError> {
        let fields = [
            (data.title, TITLE_BOOST),
            (data.asked, ASKED_BOOST),
            (data.body, 1.0),
        ];
        let mut clauses = SummedClauses::default();
        // The (field, term) pairs some entry has, with their clauses' numbers: a pair of
        // neighbouring terms can only be found together where both are.
        let mut present: Vec<((Field, &str), usize)> = Vec::new();
        for QueryTerm {
            text: term,
            synonyms,
            typos,
            ..
        } in &query.terms
        {
            // Typo clauses only when the content has a word within typo distance other than
            // the term itself: otherwise the clause would match what the exact clause
            // matches, a constant more for each entry. Measured without those clauses: the
            // same development-set figures to a question or two, and 9 % more questions a
            // second (docs/performance.md).
            let near_misses = typos
                .as_ref()
                .filter(|typos| typos.terms.iter().any(|near| near != term));
            for (field, boost) in fields {
                let Some(bm25) = data.bm25_of(field) else {
                    continue;
                };
                if let Some(number) =
                    push_term_clause(&mut clauses, searcher, field, bm25, term, boost)?
                {
                    present.push(((field, term), number));
                }
                if let Some(typos) = near_misses {
                    // (A typo match scores its boost for every entry it matches.)
                    clauses.push(
                        Box::new(BoostQuery::new(
                            Box::new(TypoMatchQuery::new(field, Arc::clone(&typos.terms))),
                            boost * FUZZY_FACTOR,
                        )),
                        boost * FUZZY_FACTOR,
                    );
                }
                for synonym in synonyms {
                    let boost = boost * SYNONYM_FACTOR;
                    push_term_clause(&mut clauses, searcher, field, bm25, synonym, boost)?;
                }
            }
        }
        // In the body (the long field) only pairs with a rare term (see
        // PROXIMITY_BODY_SHARE).
        let rare_below = PROXIMITY_BODY_ENTRIES.max(data.entries as f32 * PROXIMITY_BODY_SHARE);
        let rare = |term: &str| data.vocabulary.doc_freq(term) as f32 <= rare_below;
        for (first, second) in &query.neighbours {
            // `fields` is title, asked, body: the body last.
            let searched = if rare(first) || rare(second) {
                &fields[..]
            } else {
                &fields[..2]
            };
            for &(field, boost) in searched {
                let clause_of = |term: &str| {
                    present
                        .iter()
                        .find(|(key, _)| *key == (field, term))
                        .map(|(_, number)| *number)
                };
                let (Some(first_clause), Some(second_clause)) =
                    (clause_of(first), clause_of(second))
                else {
                    continue;
                };
                let mut phrase = PhraseQuery::new(vec![
                    Term::from_field_text(field, first),
                    Term::from_field_text(field, second),
                ]);
                phrase.set_slop(PROXIMITY_SLOP);
                clauses.push_near(
                    Box::new(phrase),
                    [first_clause, second_clause],
                    boost * PROXIMITY_BOOST,
                );
            }
        }
        if let Some((field, _)) = &data.ngrams
            && let Some(bm25) = data.bm25_of(*field)
        {
            // Grams in many entries ("chen", "ung$") weigh little and are the longest
            // posting lists to merge (see NGRAM_COMMON_SHARE).
            let common_above =
                NGRAM_COMMON_ENTRIES.max(data.entries as f32 * NGRAM_COMMON_SHARE) as u64;
            for gram in &query.ngrams {
                let clause = TermClause::new(searcher, &Term::from_field_text(*field, gram), bm25)?;
                if clause.doc_freq() <= common_above {
                    clauses.push_term(clause, NGRAM_BOOST);
                }
            }
        }
        Ok(clauses)
    }
}

/// Whether a word may speak for a language in [`SearchIndex::word_evidence`]: not over 40
/// characters, with a letter or digit.
fn may_be_evidence(word: &str) -> bool {
    word.chars().count() <= 40 && word.chars().any(char::is_alphanumeric)
}

/// [`SearchIndex::words_evidence`] in the language of `data`, which [`analyzer::cuts_words`]:
/// `words` being the cut of the text whose `forms` these are.
fn words_evidence_in(data: &LangData, forms: &QuestionForms, words: &[&str]) -> Vec<f32> {
    let found = forms.found_in(&data.stop_words, &data.word_forms, words.len());
    words
        .iter()
        .zip(found)
        .map(|(word, (forms, found))| {
            if may_be_evidence(word) {
                share_found(found as usize, forms as usize)
            } else {
                0.0
            }
        })
        .collect()
}

/// A word's evidence for a language from its `forms` in the language (after the word-form
/// analyzer) and how many of them the content has: 1 when it has none (a stop word of the
/// language), else the share found.
fn share_found(found: usize, forms: usize) -> f32 {
    if forms == 0 {
        1.0
    } else {
        found as f32 / forms as f32
    }
}

/// Adds the match of `text` in `field` (whose BM25 is `bm25`), boosted by `boost`, to
/// `clauses`; returns its clause's number, or `None` when no entry has `text` in `field` (and
/// nothing is added).
fn push_term_clause(
    clauses: &mut SummedClauses,
    searcher: &Searcher,
    field: Field,
    bm25: &FieldBm25,
    text: &str,
    boost: f32,
) -> Result<Option<usize>, IndexError> {
    let clause = TermClause::new(searcher, &Term::from_field_text(field, text), bm25)?;
    Ok(clauses.push_term(clause, boost))
}

/// IDF-weighted share of the query's terms that an entry whose terms are `terms` (ascending
/// vocabulary numbers) covers: each term counts when the entry has it, one of its synonyms,
/// or a word within typo distance.
fn coverage(query: &AnalysedQuery, terms: &[u32]) -> f32 {
    let mut total = 0.0;
    let mut covered = 0.0;
    for term in &query.terms {
        total += term.idf;
        let hit = term.id.is_some_and(|id| vocabulary::has(terms, id))
            || term
                .synonym_ids
                .iter()
                .any(|id| vocabulary::has(terms, *id))
            || term
                .typos
                .as_ref()
                .is_some_and(|typos| typos.ids.iter().any(|id| vocabulary::has(terms, *id)));
        if hit {
            covered += term.idf;
        }
    }
    if total > 0.0 { covered / total } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::KbConfig;
    use crate::parse::parse_entry;
    use std::path::Path;

    fn entry(lang: &str, id: &str, title: &str, asked: &[&str], body: &str) -> Arc<Entry> {
        let asked = asked
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let text = format!(
            "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = \"{title}\"\nalso_asked = [{asked}]\ntopic = \"t\"\nstatus = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"O\"\nurl = \"https://x.example/{id}\"\n+++\n{body}\n"
        );
        Arc::new(parse_entry(Path::new("x.md"), lang, &text).unwrap())
    }

    fn kb() -> KnowledgeBase {
        let config: KbConfig = toml::from_str(
            "site = \"t\"\nname = \"T\"\nlanguages = [\"en\", \"es\"]\ndefault_language = \"en\"\n[synonyms.en]\ngarbage = [\"trash\"]\n",
        )
        .unwrap();
        KnowledgeBase {
            root: ".".into(),
            config,
            entries: vec![
                entry(
                    "en",
                    "trash-day",
                    "When is trash picked up?",
                    &["trash day"],
                    "Trash is collected weekly.",
                ),
                entry(
                    "en",
                    "recycling",
                    "What can I recycle?",
                    &["recycling bin"],
                    "Paper, cans and bottles.",
                ),
                entry(
                    "en",
                    "water-bill",
                    "How do I pay my water bill?",
                    &["pay water"],
                    "Pay online or by phone.",
                ),
                entry(
                    "en",
                    "dog-licence",
                    "How do I license my dog?",
                    &[],
                    "Dogs need a licence every year.",
                ),
                entry(
                    "es",
                    "water-bill",
                    "¿Cómo pago mi factura de agua?",
                    &["pagar el agua"],
                    "Pague en línea o por teléfono.",
                ),
            ],
        }
    }

    #[test]
    fn drafts_are_indexed_only_when_asked_for() {
        let mut kb = kb();
        let mut draft = entry(
            "en",
            "unicorn-permit",
            "Do I need a unicorn permit?",
            &["unicorn licence"],
            "Unicorns need a permit.",
        );
        Arc::make_mut(&mut draft).status = crate::entry::Status::Draft;
        kb.entries.push(draft);
        let residents = SearchIndex::build(&kb).unwrap();
        assert!(residents.entry("unicorn-permit", "en").is_none());
        let r = residents.search("en", "unicorn permit", 5).unwrap();
        assert!(r.hits.iter().all(|h| h.entry.id != "unicorn-permit"));
        let preview = SearchIndex::build_with_drafts(&kb).unwrap();
        assert_eq!(preview.len(), residents.len() + 1);
        let r = preview.search("en", "unicorn permit", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "unicorn-permit");
        assert!(!r.hits[0].entry.is_published());
    }

    #[test]
    fn a_base_with_only_drafts_gives_an_empty_index_that_answers_nothing() {
        let mut kb = kb();
        for entry in &mut kb.entries {
            Arc::make_mut(entry).status = crate::entry::Status::Draft;
        }
        let residents = SearchIndex::build(&kb).unwrap();
        assert!(residents.is_empty());
        assert!(
            residents
                .search("en", "trash day", 5)
                .unwrap()
                .hits
                .is_empty()
        );
        let preview = SearchIndex::build_with_drafts(&kb).unwrap();
        assert_eq!(preview.len(), kb.entries.len());
        let r = preview.search("en", "trash day", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "trash-day");
    }

    #[test]
    fn every_entry_is_indexed_once_however_many_there_are() {
        // More entries than the queue to the indexing thread holds, in two languages.
        let mut kb = kb();
        for i in 0..(3 * INDEXING_QUEUE) {
            let lang = if i % 2 == 0 { "en" } else { "es" };
            kb.entries.push(entry(
                lang,
                &format!("permit-{i}"),
                &format!("Permit number {i}"),
                &[],
                &format!("Form zq{i}x is for this permit."),
            ));
        }
        let index = SearchIndex::build(&kb).unwrap();
        assert_eq!(index.len(), kb.entries.len());
        for i in 0..(3 * INDEXING_QUEUE) {
            let lang = if i % 2 == 0 { "en" } else { "es" };
            let r = index.search(lang, &format!("zq{i}x"), 5).unwrap();
            assert_eq!(r.hits[0].entry.id, format!("permit-{i}"));
            assert_eq!(r.hits[0].entry.lang, lang);
        }
    }

    #[test]
    fn finds_the_right_entry_first() {
        let index = SearchIndex::build(&kb()).unwrap();
        let r = index.search("en", "when is trash picked up", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "trash-day");
        assert!(r.hits[0].coverage > 0.99, "{:?}", r.hits[0].coverage);
        let r = index.search("es", "como pago el agua", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "water-bill");
        assert_eq!(r.hits[0].entry.lang, "es");
    }

    #[test]
    fn scores_in_one_language_do_not_depend_on_other_languages_entries() {
        let english_only = SearchIndex::build(&kb()).unwrap();
        let mut kb = kb();
        for i in 0..30 {
            kb.entries.push(entry(
                "es",
                &format!("tema-{i}"),
                &format!("Pregunta número {i}"),
                &[],
                "Una respuesta larga en español, con muchas palabras que el inglés no tiene.",
            ));
        }
        let with_spanish = SearchIndex::build(&kb).unwrap();
        for question in ["when is trash picked up", "pay the water bill online"] {
            let before = english_only.search("en", question, 5).unwrap();
            let after = with_spanish.search("en", question, 5).unwrap();
            let scores = |r: &SearchResult| {
                r.hits
                    .iter()
                    .map(|h| (h.entry.id.clone(), h.score))
                    .collect::<Vec<_>>()
            };
            let (before, after) = (scores(&before), scores(&after));
            assert_eq!(before.len(), after.len(), "{question}");
            for ((id_before, score_before), (id_after, score_after)) in before.iter().zip(&after) {
                assert_eq!(id_before, id_after, "{question}");
                assert!(
                    (score_before - score_after).abs() < 1e-4,
                    "{question}: {id_before} scored {score_before} alone, {score_after} beside Spanish"
                );
            }
        }
    }

    #[test]
    fn synonyms_and_typos_still_find_the_entry() {
        let index = SearchIndex::build(&kb()).unwrap();
        let r = index.search("en", "garbage", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "trash-day");
        let r = index.search("en", "recyling", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "recycling");
        assert!(r.hits[0].coverage > 0.99);
    }

    /// No entry has other wordings or keywords, so the `asked` field is left out of searches
    /// (see `LangData::bm25`): the title and the body are still searched, typos included.
    #[test]
    fn a_base_without_other_wordings_is_searched_in_its_other_fields() {
        let mut kb = kb();
        kb.entries = kb
            .entries
            .iter()
            .map(|e| {
                let body = e.answer.markdown();
                entry(&e.lang, &e.id, &e.title, &[], &body)
            })
            .collect();
        let index = SearchIndex::build(&kb).unwrap();
        let data = &index.langs["en"];
        assert!(data.bm25_of(data.asked).is_none());
        assert!(data.bm25_of(data.title).is_some() && data.bm25_of(data.body).is_some());
        let r = index.search("en", "recyling", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "recycling");
        assert!(r.hits[0].coverage > 0.99);
        let r = index.search("en", "licence every year", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "dog-licence");
    }

    fn german_kb() -> KnowledgeBase {
        let config: KbConfig = toml::from_str(
            "site = \"t\"\nname = \"T\"\nlanguages = [\"de\"]\ndefault_language = \"de\"\n",
        )
        .unwrap();
        KnowledgeBase {
            root: ".".into(),
            config,
            entries: vec![
                entry(
                    "de",
                    "masken",
                    "Helfen Masken beim Schutz vor Ansteckung?",
                    &[],
                    "Ein Mund-Nasen-Schutz senkt das Risiko.",
                ),
                entry(
                    "de",
                    "impfung",
                    "Gibt es einen Impfstoff?",
                    &[],
                    "Ein Impfstoff ist noch nicht zugelassen.",
                ),
                entry(
                    "de",
                    "reisen",
                    "Darf ich noch reisen?",
                    &[],
                    "Reisen ins Ausland sind eingeschränkt.",
                ),
            ],
        }
    }

    #[test]
    fn german_compounds_find_their_parts() {
        let index = SearchIndex::build(&german_kb()).unwrap();
        let r = index
            .search("de", "Bringen Gesichtsmasken etwas?", 5)
            .unwrap();
        assert_eq!(r.hits[0].entry.id, "masken");
        let r = index.search("de", "Wann kommt die Impfung?", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "impfung");
    }

    #[test]
    fn neighbouring_words_together_rank_first() {
        let config: KbConfig = toml::from_str(
            "site = \"t\"\nname = \"T\"\nlanguages = [\"en\"]\ndefault_language = \"en\"\n",
        )
        .unwrap();
        let kb = KnowledgeBase {
            root: ".".into(),
            config,
            entries: vec![
                entry(
                    "en",
                    "apart",
                    "Info",
                    &[],
                    "The city has parks. Rent a hall in one.",
                ),
                entry(
                    "en",
                    "together",
                    "Info",
                    &[],
                    "The city hall is open on weekdays from eight to five, except on public holidays, when it stays closed all day long.",
                ),
            ],
        };
        let index = SearchIndex::build(&kb).unwrap();
        let r = index.search("en", "city hall", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "together");
    }

    #[test]
    fn unrelated_question_has_low_coverage() {
        let index = SearchIndex::build(&kb()).unwrap();
        let r = index
            .search("en", "what is the capital of Mongolia", 5)
            .unwrap();
        assert!(r.hits.iter().all(|h| h.coverage < 0.2), "{:?}", r.hits);
    }

    #[test]
    fn unknown_language_falls_back_to_default() {
        let index = SearchIndex::build(&kb()).unwrap();
        let r = index.search("fr", "water bill", 5).unwrap();
        assert!(r.fell_back);
        assert_eq!(r.lang, "en");
        assert_eq!(r.hits[0].entry.id, "water-bill");
    }

    #[test]
    fn question_of_stop_words_searches_nothing() {
        let index = SearchIndex::build(&kb()).unwrap();
        let r = index.search("en", "what is the", 5).unwrap();
        assert_eq!(r.query_terms, 0);
        assert!(r.hits.is_empty());
    }

    #[test]
    fn vocabulary_match_tells_languages_apart() {
        let index = SearchIndex::build(&kb()).unwrap();
        assert_eq!(index.vocabulary_match("es", "factura agua"), (2, 2));
        assert_eq!(index.vocabulary_match("en", "factura agua"), (0, 2));
    }

    /// Texts on which cutting into words and analysing them may go astray: punctuation alone,
    /// compatibility forms, words over the length limit, elisions, repeated words, mixed
    /// scripts.
    const AWKWARD: &[&str] = &[
        "When is the trash picked up?",
        "when when trash trash unicorn",
        "¿Cómo pago mi factura de agua? Teléfono",
        "the el la",
        "",
        "  ...  !!",
        "pay water-bill 2024 online, by phone",
        "Ｆａｃｔｕｒａ ＡＧＵＡ",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa trash",
        "ééééééééééééééééééééééééééééé factura",
        "l'eau d'été, c'est-à-dire",
        "ごみの日 garbage 垃圾 收集",
    ];

    /// [`kb`] with an entry in Japanese and one in Simplified Chinese.
    fn kb_with_cjk() -> KnowledgeBase {
        let mut kb = kb();
        kb.config.languages.push("ja".into());
        kb.config.languages.push("zh-Hans".into());
        kb.entries.push(entry(
            "ja",
            "gomi",
            "ごみの日はいつですか",
            &[],
            "月曜日です。",
        ));
        kb.entries.push(entry(
            "zh-Hans",
            "laji",
            "垃圾什么时候收集",
            &[],
            "每周一收集。",
        ));
        kb
    }

    #[test]
    fn the_search_counts_the_vocabulary_as_vocabulary_match_does() {
        let index = SearchIndex::build(&kb_with_cjk()).unwrap();
        let mut some_found = false;
        for lang in ["en", "es"] {
            for text in AWKWARD {
                let expected = index.vocabulary_match(lang, text);
                some_found |= expected.0 > 0;
                let result = index.search(lang, text, 10).unwrap();
                assert_eq!(result.lang, lang);
                assert_eq!(result.vocabulary, Some(expected), "{lang}: {text:?}");
            }
        }
        assert!(some_found);
        // Bigrams and dictionary words are not cut from words: the search does not say.
        for (lang, text) in [("ja", "ごみの日"), ("zh-Hans", "垃圾收集")] {
            let result = index.search(lang, text, 10).unwrap();
            assert_eq!(result.vocabulary, None, "{lang}");
        }
    }

    #[test]
    fn words_evidence_is_each_words_evidence() {
        let index = SearchIndex::build(&kb_with_cjk()).unwrap();
        let texts = AWKWARD;
        for lang in ["en", "es", "ja", "zh-Hans", "fr"] {
            for text in texts {
                let each: Vec<f32> = crate::words::Words::of(text)
                    .iter()
                    .map(|word| index.word_evidence(lang, word))
                    .collect();
                assert_eq!(
                    index.words_evidence(&[lang], text),
                    vec![each],
                    "{lang}: {text:?}"
                );
            }
        }
        // All languages at once: each one's as asked alone.
        let languages = ["en", "es", "ja", "zh-Hans", "fr"];
        for text in texts {
            let one_by_one: Vec<Vec<f32>> = languages
                .iter()
                .flat_map(|lang| index.words_evidence(&[lang], text))
                .collect();
            assert_eq!(
                index.words_evidence(&languages, text),
                one_by_one,
                "{text:?}"
            );
        }
        assert_eq!(
            index.words_evidence(&["es"], "factura the"),
            vec![vec![1.0, 0.0]]
        );
    }

    #[test]
    fn word_evidence_compares_unstemmed_forms_and_knows_stop_words() {
        let index = SearchIndex::build(&kb()).unwrap();
        assert_eq!(index.word_evidence("es", "factura"), 1.0);
        assert_eq!(index.word_evidence("es", "Teléfono"), 1.0);
        assert_eq!(index.word_evidence("es", "telefono"), 1.0);
        assert_eq!(index.word_evidence("en", "factura"), 0.0);
        // "bills" stems to "bill", which the English content has, but the form "bills"
        // does not occur.
        assert_eq!(index.vocabulary_match("en", "bills"), (1, 1));
        assert_eq!(index.word_evidence("en", "bills"), 0.0);
        // Stop words are evidence for their language.
        assert_eq!(index.word_evidence("es", "el"), 1.0);
        assert_eq!(index.word_evidence("en", "the"), 1.0);
        assert_eq!(index.word_evidence("xx", "the"), 0.0);
    }

    #[test]
    fn entry_falls_back_to_default_language() {
        let index = SearchIndex::build(&kb()).unwrap();
        assert_eq!(index.entry("trash-day", "es").unwrap().lang, "en");
        assert_eq!(index.entry("water-bill", "es").unwrap().lang, "es");
        assert!(index.entry("nope", "en").is_none());
    }

    /// Thai entries about garbage collection, the library and the water bill.
    fn thai_kb() -> KnowledgeBase {
        let config: KbConfig = toml::from_str(
            "site = \"t\"\nname = \"T\"\nlanguages = [\"en\", \"th\"]\ndefault_language = \"en\"\n",
        )
        .unwrap();
        KnowledgeBase {
            root: ".".into(),
            config,
            entries: vec![
                entry("en", "trash", "Trash day", &[], "Monday."),
                entry("th", "trash", "วันเก็บขยะคือวันไหน", &[], "รถเก็บขยะมาทุกวันจันทร์"),
                entry(
                    "th",
                    "library",
                    "ห้องสมุดเปิดกี่โมง",
                    &[],
                    "ห้องสมุดเปิดเวลาเก้าโมงเช้า",
                ),
                entry(
                    "th",
                    "water",
                    "จ่ายค่าน้ำได้ที่ไหน",
                    &[],
                    "จ่ายค่าน้ำออนไลน์หรือที่ศาลากลาง",
                ),
            ],
        }
    }

    #[test]
    fn thai_is_searched_by_its_words() {
        let index = SearchIndex::build(&thai_kb()).unwrap();
        // "Garbage collection is what day?"
        let r = index.search("th", "เก็บขยะวันอะไร", 5).unwrap();
        assert_eq!(r.hits[0].entry.id, "trash");
        assert!(r.hits[0].coverage > 0.5, "{:?}", r.hits[0].coverage);
        // "Library": one word of two segments, found in its entry only.
        let r = index.search("th", "ห้องสมุด", 5).unwrap();
        let ids: Vec<&str> = r.hits.iter().map(|h| h.entry.id.as_str()).collect();
        assert_eq!(ids, ["library"]);
        assert!(r.hits[0].coverage > 0.99);
        // "Where is the airport?": no entry is about it.
        let r = index.search("th", "สนามบินอยู่ที่ไหน", 5).unwrap();
        assert!(r.hits.iter().all(|h| h.coverage < 0.5), "{:?}", r.hits);
    }

    #[test]
    fn every_entry_is_found_by_its_id_whatever_the_order_they_came_in() {
        let mut kb = kb();
        for n in [7, 3, 11, 0, 5, 10, 1] {
            kb.entries
                .push(entry("es", &format!("extra-{n}"), "Extra", &[], "Más."));
        }
        let index = SearchIndex::build(&kb).unwrap();
        for e in &kb.entries {
            let found = index.entry(&e.id, &e.lang).unwrap();
            assert_eq!(
                (found.id.as_str(), found.lang.as_str()),
                (e.id.as_str(), e.lang.as_str())
            );
        }
        assert!(index.entry("extra-2", "es").is_none());
        assert!(index.entry("extra-", "es").is_none());
        assert!(index.entry("zzz", "es").is_none());
    }
}
