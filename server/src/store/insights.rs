//! What the admin pages learn from stored questions and feedback: which questions the bot
//! could not answer well, which entries residents found unhelpful, what is asked most, and how
//! all of that moves day by day.
//!
//! Every query is for one site and a time window (`since`, inclusive). A resident who picks one
//! of the offered choices sends a follow-up, not a new question: those turns (stored as an
//! answer with a search score of exactly 0) are left out of every count here, so each question
//! counts once, with the reply it first got.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Which questions a tally covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuestionScope {
    /// Every question.
    All,
    /// Knowledge gaps: questions handed off, answered with choices, or answered although the
    /// answer covered less than `low_coverage` of the question's search terms.
    Gaps {
        /// Coverage below which an answer counts as low-confidence.
        low_coverage: f32,
    },
}

/// Questions asked with the same wording (compared without case and surrounding spaces) in
/// one language, that got replies pointing to the same entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionTally {
    /// Language of the question.
    pub lang: String,
    /// The wording as most recently asked (redacted, as stored).
    pub text: String,
    /// The entry given as answer, if any.
    pub entry_id: Option<String>,
    /// How many times it was asked.
    pub count: u64,
    /// Replies that were an answer.
    pub answered: u64,
    /// Replies that offered choices.
    pub choices: u64,
    /// Replies that handed off to a person.
    pub handoff: u64,
    /// Answers whose coverage was below the scope's threshold (0 for [`QuestionScope::All`]).
    pub low_coverage: u64,
    /// When it was last asked.
    pub last_asked: DateTime<Utc>,
}

/// Residents' verdicts on one entry in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryFeedback {
    /// The entry the reply gave, or `None` for feedback on replies without an answer
    /// (choices, handoffs).
    pub entry_id: Option<String>,
    /// Language of the reply.
    pub lang: String,
    /// "Helpful" votes.
    pub helpful: u64,
    /// "Not helpful" votes.
    pub not_helpful: u64,
    /// When the latest vote came in.
    pub last_at: DateTime<Utc>,
}

/// A resident's comment with their vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedbackComment {
    /// The entry the reply gave, if any.
    pub entry_id: Option<String>,
    /// Language of the reply.
    pub lang: String,
    /// Whether they found it helpful.
    pub helpful: bool,
    /// The comment, redacted.
    pub text: String,
    /// When it was left.
    pub at: DateTime<Utc>,
}

/// Questions in one UTC hour, one language, with one kind of reply. Hours (not days) so the
/// caller can count days in the city's own time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionHour {
    /// Start of the hour.
    pub hour: DateTime<Utc>,
    /// Language of the questions.
    pub lang: String,
    /// `answer`, `choices` or `handoff`.
    pub outcome: String,
    /// How many.
    pub count: u64,
}

/// Feedback in one UTC hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FeedbackHour {
    /// Start of the hour.
    pub hour: DateTime<Utc>,
    /// "Helpful" votes.
    pub helpful: u64,
    /// "Not helpful" votes.
    pub not_helpful: u64,
}

/// Read-only queries behind the admin pages (`/admin`, `/admin/api/...`).
#[async_trait]
pub trait InsightsStore: Send + Sync {
    /// Questions of `site` asked since `since` in `scope`, tallied by language, wording and
    /// answered entry; the `limit` most asked (then most recent) first.
    async fn question_tallies(
        &self,
        site: &str,
        since: DateTime<Utc>,
        scope: QuestionScope,
        limit: u32,
    ) -> Result<Vec<QuestionTally>, sqlx::Error>;

    /// Feedback on `site`'s replies since `since`, per entry and language, the most "not
    /// helpful" votes first.
    async fn feedback_by_entry(
        &self,
        site: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<EntryFeedback>, sqlx::Error>;

    /// The latest `per_entry` comments per entry and language since `since`, newest first.
    async fn feedback_comments(
        &self,
        site: &str,
        since: DateTime<Utc>,
        per_entry: u32,
    ) -> Result<Vec<FeedbackComment>, sqlx::Error>;

    /// `site`'s questions since `since`, counted per UTC hour, language and reply kind.
    async fn question_hours(
        &self,
        site: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<QuestionHour>, sqlx::Error>;

    /// Feedback on `site`'s replies since `since`, counted per UTC hour.
    async fn feedback_hours(
        &self,
        site: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<FeedbackHour>, sqlx::Error>;
}
