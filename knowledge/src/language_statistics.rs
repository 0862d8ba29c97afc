//! BM25 statistics of one language's entries.
//!
//! Each language has its own index now (`knowledge/src/index.rs`), so its searcher's own
//! figures are the language's. They were not when every language's fields shared one index:
//! tantivy's BM25 takes the number of documents from the whole index, which counted every
//! other language's entries, with none of the field's terms and no length in it (the
//! average length of an English body came out a fraction of the real one, and every term
//! looked rarer than it is). Searches still take the number of entries from here, where a
//! language without entries counts one rather than none.

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// BM25 statistics over the entries of one language (see the module documentation).
pub struct LanguageStatistics<'a> {
    searcher: &'a Searcher,
    entries: u64,
}

impl<'a> LanguageStatistics<'a> {
    /// Statistics for a language with `entries` indexed entries.
    pub fn new(searcher: &'a Searcher, entries: u32) -> Self {
        Self {
            searcher,
            entries: u64::from(entries.max(1)),
        }
    }
}

impl Bm25StatisticsProvider for LanguageStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        Bm25StatisticsProvider::total_num_tokens(self.searcher, field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.entries)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.searcher.doc_freq(term)
    }
}
