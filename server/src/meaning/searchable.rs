//! What a question is searched in: a site's index with its entry vectors, and the sentence
//! encoder with where entry vectors are kept.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use knowledge::{IndexError, SearchIndex, SearchResult};
use semantic::Encoder;
use tokio::sync::Semaphore;

use super::cache::VectorCache;
use super::rank::Meaning;
use super::vectors::EntryVectors;
use crate::decide::{Decision, SEARCH_LIMIT, decide_searched, words_are_sure};

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

    /// [`crate::decide::search_and_decide`] on this index. When ranking by meaning, the words are searched
    /// here and, unless they are sure of the answer ([`words_are_sure`]), the rest runs off
    /// the async runtime, as encoding a question takes milliseconds of CPU, and then as many
    /// questions at once as there are cores, the others waiting their turn: more at once
    /// would not answer sooner, each holding a thread and its working memory.
    pub async fn search_and_decide(
        &self,
        lang: &str,
        text: &str,
    ) -> Result<(SearchResult, Decision), IndexError> {
        let words = self.index.search(lang, text, SEARCH_LIMIT)?;
        if self.meaning.is_none() || words_are_sure(&words) {
            return decide_searched(&self.index, None, lang, text, words);
        }
        static ENCODING: LazyLock<Semaphore> = LazyLock::new(|| {
            Semaphore::new(std::thread::available_parallelism().map_or(1, usize::from))
        });
        let _turn = ENCODING
            .acquire()
            .await
            .expect("the semaphore is never closed");
        let (searchable, lang, text) = (self.clone(), lang.to_owned(), text.to_owned());
        tokio::task::spawn_blocking(move || {
            decide_searched(&searchable.index, searchable.meaning(), &lang, &text, words)
        })
        .await
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic.into_panic()))
    }
}
