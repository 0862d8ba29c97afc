//! [`InsightsStore`] on PostgreSQL: the same aggregates as on SQLite, in PostgreSQL's
//! dialect. A bot reply is paired with the resident's message stored just before it in the same
//! conversation (both are written in one transaction).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};

use super::PgStore;
use crate::store::insights::{
    EntryFeedback, FeedbackComment, FeedbackHour, InsightsStore, QuestionHour, QuestionScope,
    QuestionTally,
};
use crate::store::stamp;

/// Bot replies of one site since a time, each with the question it answered. Picks of an
/// offered choice (an answer with a score of exactly 0) are follow-ups, not questions.
const TURNS: &str = "WITH turns AS (
    SELECT b.lang AS lang, b.outcome AS outcome, b.entry_id AS entry_id,
           b.coverage AS coverage, b.created_at AS created_at, b.rowid AS seq,
           (SELECT q.text FROM messages q
             WHERE q.conversation_id = b.conversation_id AND q.role = 'resident'
               AND q.rowid < b.rowid
             ORDER BY q.rowid DESC LIMIT 1) AS text
      FROM messages b JOIN conversations c ON c.id = b.conversation_id
     WHERE c.site = $1 AND b.role = 'bot' AND b.created_at >= $2
       AND b.outcome IS NOT NULL
       AND NOT (b.outcome = 'answer' AND b.score IS NOT NULL AND b.score = 0)
)";

/// A stored RFC 3339 timestamp (the epoch if it is unreadable).
fn parse_time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// The start of an hour written as `YYYY-MM-DDTHH` (the first 13 characters of a timestamp).
fn parse_hour(s: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(&format!("{s}:00:00"), "%Y-%m-%dT%H:%M:%S")
        .map(|t| t.and_utc())
        .unwrap_or_default()
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or_default()
}

#[derive(sqlx::FromRow)]
struct TallyRow {
    lang: String,
    text: String,
    entry_id: Option<String>,
    count: i64,
    answered: i64,
    choices: i64,
    handoff: i64,
    low_coverage: i64,
    last_asked: String,
}

#[derive(sqlx::FromRow)]
struct FeedbackRow {
    entry_id: Option<String>,
    lang: String,
    helpful: i64,
    not_helpful: i64,
    last_at: String,
}

#[derive(sqlx::FromRow)]
struct CommentRow {
    entry_id: Option<String>,
    lang: String,
    helpful: bool,
    comment: String,
    created_at: String,
}

#[async_trait]
impl InsightsStore for PgStore {
    async fn question_tallies(
        &self,
        site: &str,
        since: DateTime<Utc>,
        scope: QuestionScope,
        limit: u32,
    ) -> Result<Vec<QuestionTally>, sqlx::Error> {
        // Without a threshold nothing is low-coverage: a coverage is never below -1.
        let (low, only_gaps) = match scope {
            QuestionScope::All => (-1.0_f32, false),
            QuestionScope::Gaps { low_coverage } => (low_coverage, true),
        };
        let filter = if only_gaps {
            "AND (outcome <> 'answer' OR coverage < $3)"
        } else {
            ""
        };
        // Each tally shows its most recent wording (the row written last: timestamps alone
        // tie within a millisecond).
        let sql = format!(
            "{TURNS}
            SELECT lang, (array_agg(text ORDER BY created_at DESC, seq DESC))[1] AS text, entry_id,
                   COUNT(*) AS count,
                   COUNT(*) FILTER (WHERE outcome = 'answer') AS answered,
                   COUNT(*) FILTER (WHERE outcome = 'choices') AS choices,
                   COUNT(*) FILTER (WHERE outcome = 'handoff') AS handoff,
                   COUNT(*) FILTER (WHERE outcome = 'answer' AND coverage < $3) AS low_coverage,
                   MAX(created_at) AS last_asked
              FROM turns
             WHERE text IS NOT NULL AND trim(text) <> '' {filter}
             GROUP BY lang, lower(trim(text)), entry_id
             ORDER BY count DESC, last_asked DESC
             LIMIT $4"
        );
        let rows: Vec<TallyRow> = sqlx::query_as(&sql)
            .bind(site)
            .bind(stamp(since))
            .bind(low)
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| QuestionTally {
                lang: r.lang,
                text: r.text.trim().to_owned(),
                entry_id: r.entry_id,
                count: count(r.count),
                answered: count(r.answered),
                choices: count(r.choices),
                handoff: count(r.handoff),
                low_coverage: count(r.low_coverage),
                last_asked: parse_time(&r.last_asked),
            })
            .collect())
    }

    async fn feedback_by_entry(
        &self,
        site: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<EntryFeedback>, sqlx::Error> {
        let rows: Vec<FeedbackRow> = sqlx::query_as(
            "SELECT f.entry_id AS entry_id, m.lang AS lang,
                    COUNT(*) FILTER (WHERE f.helpful) AS helpful,
                    COUNT(*) FILTER (WHERE NOT f.helpful) AS not_helpful,
                    MAX(f.created_at) AS last_at
               FROM feedback f
               JOIN conversations c ON c.id = f.conversation_id
               JOIN messages m ON m.id = f.message_id
              WHERE c.site = $1 AND f.created_at >= $2
              GROUP BY f.entry_id, m.lang
              ORDER BY not_helpful DESC, helpful DESC, last_at DESC",
        )
        .bind(site)
        .bind(stamp(since))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| EntryFeedback {
                entry_id: r.entry_id,
                lang: r.lang,
                helpful: count(r.helpful),
                not_helpful: count(r.not_helpful),
                last_at: parse_time(&r.last_at),
            })
            .collect())
    }

    async fn feedback_comments(
        &self,
        site: &str,
        since: DateTime<Utc>,
        per_entry: u32,
    ) -> Result<Vec<FeedbackComment>, sqlx::Error> {
        let rows: Vec<CommentRow> = sqlx::query_as(
            "SELECT entry_id, lang, helpful, comment, created_at FROM (
                SELECT f.entry_id AS entry_id, m.lang AS lang, f.helpful AS helpful,
                       f.comment AS comment, f.created_at AS created_at,
                       ROW_NUMBER() OVER (
                           PARTITION BY f.entry_id, m.lang
                           ORDER BY f.created_at DESC, f.rowid DESC
                       ) AS n
                  FROM feedback f
                  JOIN conversations c ON c.id = f.conversation_id
                  JOIN messages m ON m.id = f.message_id
                 WHERE c.site = $1 AND f.created_at >= $2
                   AND f.comment IS NOT NULL AND trim(f.comment) <> ''
             ) AS latest
             WHERE n <= $3
             ORDER BY created_at DESC",
        )
        .bind(site)
        .bind(stamp(since))
        .bind(i64::from(per_entry))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| FeedbackComment {
                entry_id: r.entry_id,
                lang: r.lang,
                helpful: r.helpful,
                text: r.comment,
                at: parse_time(&r.created_at),
            })
            .collect())
    }

    async fn question_hours(
        &self,
        site: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<QuestionHour>, sqlx::Error> {
        let sql = format!(
            "{TURNS}
            SELECT substr(created_at, 1, 13) AS hour, lang, outcome, COUNT(*) AS count
              FROM turns
             GROUP BY hour, lang, outcome
             ORDER BY hour, lang, outcome"
        );
        let rows: Vec<(String, String, String, i64)> = sqlx::query_as(&sql)
            .bind(site)
            .bind(stamp(since))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(hour, lang, outcome, n)| QuestionHour {
                hour: parse_hour(&hour),
                lang,
                outcome,
                count: count(n),
            })
            .collect())
    }

    async fn feedback_hours(
        &self,
        site: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<FeedbackHour>, sqlx::Error> {
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT substr(f.created_at, 1, 13) AS hour,
                    COUNT(*) FILTER (WHERE f.helpful), COUNT(*) FILTER (WHERE NOT f.helpful)
               FROM feedback f JOIN conversations c ON c.id = f.conversation_id
              WHERE c.site = $1 AND f.created_at >= $2
              GROUP BY hour
              ORDER BY hour",
        )
        .bind(site)
        .bind(stamp(since))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(hour, helpful, not_helpful)| FeedbackHour {
                hour: parse_hour(&hour),
                helpful: count(helpful),
                not_helpful: count(not_helpful),
            })
            .collect())
    }
}
