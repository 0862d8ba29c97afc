//! Ranking by meaning: each entry's vector from the sentence encoder ([`semantic::Encoder`]),
//! and a question's hits put in the order of how close their meaning is to the question's.
//!
//! Words alone miss paraphrases: "how long am I contagious" shares no word with the entry
//! "What is the infectious period?", and a German question seldom uses the compound its
//! entry does. The words still find the candidates (tantivy's ten best, cheap on any base);
//! the encoder then orders them by the cosine of their vectors, and that cosine is evidence
//! for the decision too (a question far from every entry is one the base cannot answer). It
//! is optional: without `[search] semantic_model` the server ranks by words alone.

use std::collections::HashMap;
use std::sync::Arc;

use knowledge::{Entry, IndexError, SearchIndex, SearchResult};
use semantic::{Encoder, PackedVector};

use crate::decide::{Decision, search_and_decide};

pub mod cache;

pub use cache::{TextHash, VectorCache, text_hash};

/// Characters of an entry given to the encoder, at most: its question and the start of its
/// answer, which say what it is about. The encoder reads at most 512 tokens at once, and a
/// long answer's later paragraphs dilute its vector.
pub const PASSAGE_CHARS: usize = 1000;

/// What the words' score adds to the similarity in the ranking, for the best-scored hit (the
/// others in proportion to their score). Similarities of the candidates differ by a few
/// hundredths, so this settles near ties in favour of the words while a clearly closer
/// meaning still wins. Measured on the development sets (`docs/quality.md`): 0 (meaning
/// alone) loses the questions whose words are in the entry but deep in a long answer,
/// 0.1 and more lose paraphrases again.
pub const WORDS_WEIGHT: f32 = 0.05;

/// Entries encoded per call: the engine runs a batch in one pass per layer.
const BATCH: usize = 16;

/// The vectors of one index's entries, by language and id.
#[derive(Debug, Default)]
pub struct EntryVectors {
    /// Language → entry id → the hash of the text encoded for the entry.
    by_lang: HashMap<Box<str>, HashMap<Box<str>, TextHash>>,
    /// The vectors by the hash of the text encoded.
    vectors: HashMap<TextHash, PackedVector>,
}

impl EntryVectors {
    /// The vectors of every entry of `index`: taken from `known` (vectors by the hash of the
    /// text encoded: an earlier load's, or [`VectorCache`]'s) when there, otherwise encoded
    /// on every available core (at about 60 ms an entry on one core, the encoder is what
    /// takes longest in indexing). Also returns how many were encoded.
    pub fn build(
        encoder: &Encoder,
        index: &SearchIndex,
        known: &HashMap<TextHash, PackedVector>,
    ) -> (Self, usize) {
        let passages: Vec<(&Arc<Entry>, String, TextHash)> = index
            .entries()
            .map(|entry| {
                let text = passage(entry);
                let hash = text_hash(&text);
                (entry, text, hash)
            })
            .collect();
        let mut missing: Vec<(&str, TextHash)> = passages
            .iter()
            .filter(|(_, _, hash)| !known.contains_key(hash))
            .map(|(_, text, hash)| (text.as_str(), *hash))
            .collect();
        missing.sort_unstable_by_key(|(_, hash)| *hash);
        missing.dedup_by_key(|(_, hash)| *hash);
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let share = missing.len().div_ceil(threads).max(1);
        let encoded: Vec<Vec<(TextHash, PackedVector)>> = std::thread::scope(|scope| {
            let workers: Vec<_> = missing
                .chunks(share)
                .map(|part| scope.spawn(move || encode(encoder, part)))
                .collect();
            workers
                .into_iter()
                .map(|worker| worker.join().unwrap_or_default())
                .collect()
        });
        let mut vectors: HashMap<TextHash, PackedVector> = encoded.into_iter().flatten().collect();
        let mut by_lang: HashMap<Box<str>, HashMap<Box<str>, TextHash>> = HashMap::new();
        for (entry, _, hash) in &passages {
            if !vectors.contains_key(hash) {
                let Some(vector) = known.get(hash) else {
                    continue;
                };
                vectors.insert(*hash, vector.clone());
            }
            by_lang
                .entry(entry.lang.as_str().into())
                .or_default()
                .insert(entry.id.as_str().into(), *hash);
        }
        (Self { by_lang, vectors }, missing.len())
    }

    /// The vector of `entry`, if it was encoded.
    pub fn get(&self, entry: &Entry) -> Option<&PackedVector> {
        let hash = self
            .by_lang
            .get(entry.lang.as_str())?
            .get(entry.id.as_str())?;
        self.vectors.get(hash)
    }

    /// The vectors by the hash of the text encoded, as [`VectorCache`] keeps them.
    pub fn by_text(&self) -> &HashMap<TextHash, PackedVector> {
        &self.vectors
    }

    /// Number of entries with a vector.
    pub fn len(&self) -> usize {
        self.by_lang.values().map(HashMap::len).sum()
    }

    /// Whether no entry has a vector.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The encoder and one index's entry vectors: what ranking by meaning needs.
#[derive(Debug, Clone, Copy)]
pub struct Meaning<'a> {
    /// The sentence encoder.
    pub encoder: &'a Encoder,
    /// The searched index's entry vectors.
    pub vectors: &'a EntryVectors,
}

impl Meaning<'_> {
    /// Sets each hit's [`knowledge::Hit::similarity`] to the cosine between `question` and
    /// the entry, and orders the hits by it plus [`WORDS_WEIGHT`] times their score relative
    /// to the best (hits without a vector last, in their order). Does nothing when there are
    /// no hits: the question is then not encoded.
    pub fn rank(&self, question: &str, result: &mut SearchResult) {
        if result.hits.is_empty() {
            return;
        }
        let question = self.encoder.query(question);
        for hit in &mut result.hits {
            hit.similarity = self
                .vectors
                .get(&hit.entry)
                .map(|vector| question.cosine_packed(vector));
        }
        let best_score = result
            .hits
            .iter()
            .map(|hit| hit.score)
            .fold(f32::EPSILON, f32::max);
        let rank = |hit: &knowledge::Hit| match hit.similarity {
            Some(similarity) => similarity + WORDS_WEIGHT * hit.score / best_score,
            None => f32::NEG_INFINITY,
        };
        result.hits.sort_by(|a, b| rank(b).total_cmp(&rank(a)));
    }
}

/// Encodes `texts`, [`BATCH`] at a time.
fn encode(encoder: &Encoder, texts: &[(&str, TextHash)]) -> Vec<(TextHash, PackedVector)> {
    let mut encoded = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(BATCH) {
        let batch: Vec<&str> = chunk.iter().map(|(text, _)| *text).collect();
        for ((_, hash), vector) in chunk.iter().zip(encoder.passages(&batch)) {
            encoded.push((*hash, vector.pack()));
        }
    }
    encoded
}

/// The sentence encoder and where entry vectors are kept: what a site's content needs to be
/// ranked by meaning.
#[derive(Debug, Clone)]
pub struct Encoding {
    /// The encoder, shared by every site.
    pub encoder: Arc<Encoder>,
    /// Where the site's entry vectors are kept between starts, if anywhere.
    pub cache: Option<VectorCache>,
}

impl Encoding {
    /// Encodes `index`'s entries, taking the vectors of unchanged entries from `previous`
    /// (the serving load's), or at a first load from the cache; writes the cache again when
    /// its vectors changed (a failure to write is logged: the vectors are still used).
    pub fn vectors(&self, index: &SearchIndex, previous: Option<&EntryVectors>) -> EntryVectors {
        let read;
        let known = match (previous, &self.cache) {
            (Some(previous), _) => previous.by_text(),
            (None, Some(cache)) => {
                read = cache.read();
                &read
            }
            (None, None) => {
                read = HashMap::new();
                &read
            }
        };
        let (vectors, encoded) = EntryVectors::build(&self.encoder, index, known);
        let changed = encoded > 0 || vectors.by_text().len() != known.len();
        if let Some(cache) = &self.cache
            && changed
            && let Err(error) = cache.write(vectors.by_text())
        {
            tracing::warn!(file = %cache.path().display(), "entry vectors not kept: {error}");
        }
        tracing::info!(
            entries = vectors.len(),
            encoded,
            "entries ranked by meaning"
        );
        vectors
    }
}

/// A site's index as one load of its content built it, with its entry vectors when the
/// server ranks by meaning: what a question is searched in. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Searchable {
    /// The index.
    pub index: Arc<SearchIndex>,
    meaning: Option<(Arc<Encoder>, Arc<EntryVectors>)>,
}

impl Searchable {
    /// `index`, ranked by words alone.
    pub fn words_only(index: Arc<SearchIndex>) -> Self {
        Self {
            index,
            meaning: None,
        }
    }

    /// `index`, ranked by meaning with `encoder` and the vectors of its entries.
    pub fn with_meaning(
        index: Arc<SearchIndex>,
        encoder: Arc<Encoder>,
        vectors: Arc<EntryVectors>,
    ) -> Self {
        Self {
            index,
            meaning: Some((encoder, vectors)),
        }
    }

    /// What ranking by meaning needs, when the server ranks by meaning.
    pub fn meaning(&self) -> Option<Meaning<'_>> {
        self.meaning
            .as_ref()
            .map(|(encoder, vectors)| Meaning { encoder, vectors })
    }

    /// [`search_and_decide`] on this index; off the async runtime when ranking by meaning,
    /// as encoding a question takes milliseconds of CPU.
    pub async fn search_and_decide(
        &self,
        lang: &str,
        text: &str,
    ) -> Result<(SearchResult, Decision), IndexError> {
        if self.meaning.is_none() {
            return search_and_decide(&self.index, None, lang, text);
        }
        let (searchable, lang, text) = (self.clone(), lang.to_owned(), text.to_owned());
        tokio::task::spawn_blocking(move || {
            search_and_decide(&searchable.index, searchable.meaning(), &lang, &text)
        })
        .await
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic.into_panic()))
    }
}

/// What the encoder reads of an entry: its question, the other ways it is asked, and the
/// start of its answer as plain text, at most [`PASSAGE_CHARS`] characters.
pub fn passage(entry: &Entry) -> String {
    let mut text = entry.title.clone();
    for asked in &entry.also_asked {
        text.push('\n');
        text.push_str(asked);
    }
    text.push('\n');
    text.push_str(&knowledge::markdown::to_plain_text(
        &entry.answer.markdown(),
    ));
    match text.char_indices().nth(PASSAGE_CHARS) {
        Some((end, _)) => text[..end].to_owned(),
        None => text,
    }
}
