//! Entry vectors: what the encoder reads of each entry, and the vectors of one index's
//! entries, encoded on every core or taken from an earlier load.

use std::collections::HashMap;
use std::sync::Arc;

use knowledge::{Entry, SearchIndex};
use semantic::{Encoder, PackedVector};

use super::cache::{TextHash, text_hash};

/// Characters of an entry given to the encoder, at most: its question and the start of its
/// answer, which say what it is about. The encoder reads at most 512 tokens at once, and a
/// long answer's later paragraphs dilute its vector.
pub const PASSAGE_CHARS: usize = 1000;

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
    /// text encoded: an earlier load's, or [`VectorCache`](super::VectorCache)'s) when there, otherwise encoded
    /// on every available core (0.15 to 0.35 s an entry on one core, the encoder is what
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

    /// The vectors by the hash of the text encoded, as [`VectorCache`](super::VectorCache) keeps them.
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

/// Encodes `texts` one at a time: batches take as long for passages this long (a batch
/// runs its texts' tokens together, and there are hundreds each) and hold their working
/// memory at once: 16 passages at a time made the demo city's start peak at 269 MB, one at
/// a time at 110 MB, in the same 46 s.
fn encode(encoder: &Encoder, texts: &[(&str, TextHash)]) -> Vec<(TextHash, PackedVector)> {
    texts
        .iter()
        .map(|(text, hash)| (*hash, encoder.passage(text).pack()))
        .collect()
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
