//! The editorial checks `wayfinder check` runs on a loaded knowledge base, on top of the
//! problems [`crate::load`] reports: all warnings, about content that works but could serve
//! residents better.
//!
//! - answers not reviewed for too long ([`crate::review`]);
//! - links to entries that do not exist ([`crate::references`]);
//! - the same question in two entries ([`crate::similar`]);
//! - easy-read texts that are not easy to read ([`crate::readability`]).
//!
//! Translation coverage is a table rather than warnings: [`crate::coverage`].

use chrono::NaiveDate;

use crate::check::KnowledgeBase;
use crate::diagnostic::Diagnostic;
use crate::{readability, references, review, similar};

/// What the editorial checks need to know that the content does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckOptions {
    /// The date review ages are measured from (normally today).
    pub today: NaiveDate,
    /// Months after which an answer is due for review (0: never).
    pub review_months: u32,
}

impl CheckOptions {
    /// Options for `today` with the default review period
    /// ([`review::DEFAULT_REVIEW_MONTHS`]).
    pub fn new(today: NaiveDate) -> Self {
        Self {
            today,
            review_months: review::DEFAULT_REVIEW_MONTHS,
        }
    }
}

/// Every editorial warning about `kb`, sorted by path and line.
pub fn editorial_checks(kb: &KnowledgeBase, options: &CheckOptions) -> Vec<Diagnostic> {
    let mut problems = review::overdue_reviews(kb, options.today, options.review_months);
    problems.extend(references::broken_references(kb));
    problems.extend(similar::near_duplicates(kb));
    problems.extend(readability::hard_plain_texts(kb));
    problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    problems
}
