//! Review age: answers whose `last_reviewed` date is too old to trust without a look.
//!
//! City answers go out of date (fees, hours, addresses). An entry whose `last_reviewed` is
//! more than N months before today (default [`DEFAULT_REVIEW_MONTHS`]) gets a warning, as
//! does a date after today (a typo). Drafts are skipped: residents never see them.

use std::fs;

use chrono::{Months, NaiveDate};

use crate::check::KnowledgeBase;
use crate::diagnostic::Diagnostic;
use crate::parse::key_line;

/// How many months an answer may go unreviewed by default: a year, so that every answer is
/// looked at through one full cycle of seasonal changes (holiday schedules, tax dates, snow).
pub const DEFAULT_REVIEW_MONTHS: u32 = 12;

/// A warning, at the line of `last_reviewed`, for every published entry reviewed more than
/// `months` months before `today` or dated after `today`. `months = 0` turns the age check off.
pub fn overdue_reviews(kb: &KnowledgeBase, today: NaiveDate, months: u32) -> Vec<Diagnostic> {
    let oldest = (months > 0)
        .then(|| today.checked_sub_months(Months::new(months)))
        .flatten();
    let mut problems = Vec::new();
    for entry in kb.published() {
        let reviewed = entry.last_reviewed;
        let message = if oldest.is_some_and(|oldest| reviewed < oldest) {
            format!(
                "last reviewed on {reviewed}, more than {months} month(s) ago: check that the \
                 answer is still right and update `last_reviewed`"
            )
        } else if reviewed > today {
            format!("`last_reviewed` {reviewed} is after today ({today})")
        } else {
            continue;
        };
        let line = fs::read_to_string(&entry.path)
            .ok()
            .and_then(|text| key_line(&text, "last_reviewed"))
            .unwrap_or(1);
        problems.push(Diagnostic::warning(&entry.path, line, message));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TestBase, entry};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn old_and_future_reviews_are_reported_on_their_line() {
        let base = TestBase::new();
        let dated = |id: &str, date: &str| {
            entry(id, "trash", "T", "", "Answer.").replace("2026-10-01", date)
        };
        base.write("en/trash/fresh.md", &dated("fresh", "2025-11-26"));
        base.write("en/trash/old.md", &dated("old", "2025-11-25"));
        base.write("en/trash/future.md", &dated("future", "2026-11-27"));
        base.write(
            "en/trash/draft.md",
            &dated("draft", "2020-01-01").replace("\"published\"", "\"draft\""),
        );
        let kb = base.load();
        let problems = overdue_reviews(&kb, day(2026, 11, 26), 12);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 2, "{text:#?}");
        assert!(
            text.iter().any(|t| t.contains(
                "old.md:7: warning: last reviewed on 2025-11-25, more than 12 month(s) ago"
            )),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t
                    .contains("future.md:7: warning: `last_reviewed` 2026-11-27 is after today")),
            "{text:#?}"
        );
        assert_eq!(overdue_reviews(&kb, day(2026, 11, 26), 0).len(), 1);
        assert_eq!(overdue_reviews(&kb, day(2027, 11, 25), 24).len(), 0);
    }
}
