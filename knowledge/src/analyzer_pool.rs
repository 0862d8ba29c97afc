//! Analyzers shared by concurrent searches without a copy per question.
//!
//! A tantivy [`TextAnalyzer`] needs `&mut self` to cut a text into terms, while the search
//! index is shared (`&self`) by every request. Cloning the analyzer for each use copies its
//! whole boxed chain of filters, and was half of the work of a question (language
//! identification alone analyses each word once per site language). An [`AnalyzerPool`]
//! lends out analyzers kept from earlier uses instead, and clones its template only when all
//! of them are lent out at once.

use std::sync::{Mutex, PoisonError};

use tantivy::tokenizer::TextAnalyzer;

/// Analyzers kept at most, idle: about one per concurrently running search is enough.
const MAX_IDLE: usize = 32;

/// A pool of copies of one analyzer (see the module documentation).
pub struct AnalyzerPool {
    template: TextAnalyzer,
    idle: Mutex<Vec<TextAnalyzer>>,
}

impl AnalyzerPool {
    /// A pool of copies of `template`, which should be fresh (never used: a clone copies
    /// buffers a tokenizer keeps from its last text).
    pub fn new(template: TextAnalyzer) -> Self {
        Self {
            template,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Runs `f` with an analyzer of the pool.
    pub fn with<R>(&self, f: impl FnOnce(&mut TextAnalyzer) -> R) -> R {
        let lent = self
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        let mut analyzer = lent.unwrap_or_else(|| self.template.clone());
        let result = f(&mut analyzer);
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        if idle.len() < MAX_IDLE {
            idle.push(analyzer);
        }
        result
    }

    /// The terms the analyzer makes of `text`, in order (duplicates kept): the same as
    /// [`crate::analyzer::terms`].
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.with(|analyzer| crate::analyzer::terms(analyzer, text))
    }
}

impl std::fmt::Debug for AnalyzerPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnalyzerPool").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pooled_analyzers_cut_like_fresh_ones() {
        let pool = AnalyzerPool::new(crate::analyzer::analyzer("en"));
        for text in ["When is my trash picked up?", "Parking tickets", ""] {
            assert_eq!(
                pool.terms(text),
                crate::analyzer::terms(&mut crate::analyzer::analyzer("en"), text)
            );
        }
        // Nested uses lend out a second analyzer.
        let nested = pool.with(|_| pool.terms("recycling bins"));
        assert_eq!(nested, vec!["recycl", "bin"]);
    }

    #[test]
    fn bigram_buffers_do_not_leak_between_texts() {
        let pool = AnalyzerPool::new(crate::analyzer::analyzer("ja"));
        assert_eq!(pool.terms("水道料金の支払い").len(), 7);
        assert_eq!(pool.terms("料金"), vec!["料金"]);
        assert!(pool.terms("").is_empty());
    }
}
