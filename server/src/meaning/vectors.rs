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

/// The vectors of one index's entries, by language and id: two an entry, of what it says
/// ([`passage`]) and of how it is asked ([`asked`]).
#[derive(Debug, Default)]
pub struct EntryVectors {
    /// Language → entry id → the hashes of the texts encoded for the entry: its passage and
    /// its questions.
    by_lang: HashMap<Box<str>, HashMap<Box<str>, [TextHash; 2]>>,
    /// The vectors by the hash of the text encoded.
    vectors: HashMap<TextHash, PackedVector>,
}

/// A text given to the encoder, with its hash.
type Hashed = (String, TextHash);

/// An entry's two vectors.
#[derive(Debug, Clone, Copy)]
pub struct EntryVector<'a> {
    /// Of its [`passage`]: its questions and the start of its answer.
    pub passage: &'a PackedVector,
    /// Of its questions alone ([`asked`]).
    pub asked: &'a PackedVector,
}

impl EntryVectors {
    /// The vectors of every entry of `index`: taken from `known` (vectors by the hash of the
    /// text encoded: an earlier load's, or [`VectorCache`](super::VectorCache)'s) when there, otherwise encoded
    /// on every available core (0.15 to 0.35 s an entry's passage on one core, a few
    /// hundredths of a second its questions; the encoder is what takes longest in indexing).
    /// Also returns how many texts were encoded.
    pub fn build(
        encoder: &Encoder,
        index: &SearchIndex,
        known: &HashMap<TextHash, PackedVector>,
    ) -> (Self, usize) {
        let texts: Vec<(&Arc<Entry>, [Hashed; 2])> = index
            .entries()
            .map(|entry| {
                let hashed = |text: String| {
                    let hash = text_hash(&text);
                    (text, hash)
                };
                (entry, [hashed(passage(entry)), hashed(asked(entry))])
            })
            .collect();
        let mut missing: Vec<(&str, TextHash)> = texts
            .iter()
            .flat_map(|(_, pair)| pair)
            .filter(|(_, hash)| !known.contains_key(hash))
            .map(|(text, hash)| (text.as_str(), *hash))
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
        let mut by_lang: HashMap<Box<str>, HashMap<Box<str>, [TextHash; 2]>> = HashMap::new();
        'entries: for (entry, pair) in &texts {
            for (_, hash) in pair {
                if !vectors.contains_key(hash) {
                    let Some(vector) = known.get(hash) else {
                        continue 'entries;
                    };
                    vectors.insert(*hash, vector.clone());
                }
            }
            by_lang
                .entry(entry.lang.as_str().into())
                .or_default()
                .insert(entry.id.as_str().into(), [pair[0].1, pair[1].1]);
        }
        (Self { by_lang, vectors }, missing.len())
    }

    /// The vectors of `entry`, if it was encoded.
    pub fn get(&self, entry: &Entry) -> Option<EntryVector<'_>> {
        let [passage, asked] = self
            .by_lang
            .get(entry.lang.as_str())?
            .get(entry.id.as_str())?;
        Some(EntryVector {
            passage: self.vectors.get(passage)?,
            asked: self.vectors.get(asked)?,
        })
    }

    /// The vectors by the hash of the text encoded, as [`VectorCache`](super::VectorCache) keeps them.
    pub fn by_text(&self) -> &HashMap<TextHash, PackedVector> {
        &self.vectors
    }

    /// Number of entries with their vectors.
    pub fn len(&self) -> usize {
        self.by_lang.values().map(HashMap::len).sum()
    }

    /// Whether no entry has its vectors.
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
    let mut text = asked(entry);
    text.push('\n');
    text.push_str(&knowledge::markdown::to_plain_text(
        &entry.answer.markdown(),
    ));
    match text.char_indices().nth(PASSAGE_CHARS) {
        Some((end, _)) => text[..end].to_owned(),
        None => text,
    }
}

/// What the encoder reads of how an entry is asked: its question and the other ways it is
/// asked, one a line. Residents ask in a question's words more than in an answer's, and an
/// answer's words blur a passage's vector: on the development sets, ranking by the mean of
/// the question's similarity to this and to the [`passage`] found the right entry first for
/// more questions than the passage alone (`docs/quality.md`).
pub fn asked(entry: &Entry) -> String {
    let mut text = entry.title.clone();
    for asked in &entry.also_asked {
        text.push('\n');
        text.push_str(asked);
    }
    text
}
