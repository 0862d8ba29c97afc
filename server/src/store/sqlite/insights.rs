//! [`InsightsStore`] on SQLite: aggregates over `messages` and `feedback`, read from the read
//! pool. A bot reply is paired with the resident's message stored just before it in the same
//! conversation (both are written in one transaction).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};

use super::SqliteStore;
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
     WHERE c.site = ?1 AND b.role = 'bot' AND b.created_at >= ?2
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
impl InsightsStore for SqliteStore {
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
            "AND (outcome <> 'answer' OR coverage < ?3)"
        } else {
            ""
        };
        // `text` and `created_at` are bare columns next to MAX(seq), the only min/max
        // aggregate: SQLite takes them from the row written last, so each tally shows its
        // most recent wording (timestamps alone tie within a millisecond).
        let sql = format!(
            "{TURNS}
            SELECT lang, text, entry_id, COUNT(*) AS count,
                   SUM(outcome = 'answer') AS answered,
                   SUM(outcome = 'choices') AS choices,
                   SUM(outcome = 'handoff') AS handoff,
                   SUM(outcome = 'answer' AND coverage < ?3) AS low_coverage,
                   created_at AS last_asked, MAX(seq) AS last_seq
              FROM turns
             WHERE text IS NOT NULL AND trim(text) <> '' {filter}
             GROUP BY lang, lower(trim(text)), entry_id
             ORDER BY count DESC, last_asked DESC
             LIMIT ?4"
        );
        let rows: Vec<TallyRow> = sqlx::query_as(&sql)
            .bind(site)
            .bind(stamp(since))
            .bind(low)
            .bind(i64::from(limit))
            .fetch_all(&self.reader)
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
                    SUM(f.helpful = 1) AS helpful, SUM(f.helpful = 0) AS not_helpful,
                    MAX(f.created_at) AS last_at
               FROM feedback f
               JOIN conversations c ON c.id = f.conversation_id
               JOIN messages m ON m.id = f.message_id
              WHERE c.site = ?1 AND f.created_at >= ?2
              GROUP BY f.entry_id, m.lang
              ORDER BY not_helpful DESC, helpful DESC, last_at DESC",
        )
        .bind(site)
        .bind(stamp(since))
        .fetch_all(&self.reader)
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
                 WHERE c.site = ?1 AND f.created_at >= ?2
                   AND f.comment IS NOT NULL AND trim(f.comment) <> ''
             )
             WHERE n <= ?3
             ORDER BY created_at DESC",
        )
        .bind(site)
        .bind(stamp(since))
        .bind(i64::from(per_entry))
        .fetch_all(&self.reader)
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
            .fetch_all(&self.reader)
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
                    SUM(f.helpful = 1), SUM(f.helpful = 0)
               FROM feedback f JOIN conversations c ON c.id = f.conversation_id
              WHERE c.site = ?1 AND f.created_at >= ?2
              GROUP BY hour
              ORDER BY hour",
        )
        .bind(site)
        .bind(stamp(since))
        .fetch_all(&self.reader)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Feedback, Store, Turn};

    fn turn(conversation: &str, n: u32, question: &str, outcome: &'static str) -> Turn {
        Turn {
            site: "riverton".into(),
            conversation_id: conversation.into(),
            question_id: format!("q{conversation}{n}"),
            question: question.into(),
            reply_id: format!("r{conversation}{n}"),
            reply: "…".into(),
            lang: "en".into(),
            outcome,
            entry_id: (outcome == "answer").then(|| "trash-collection-day".into()),
            score: (outcome != "handoff").then_some(if question.is_empty() { 0.0 } else { 5.0 }),
            coverage: (outcome != "handoff").then_some(0.4),
        }
    }

    #[tokio::test]
    async fn gaps_pair_questions_with_replies_and_skip_picks() {
        let store = SqliteStore::connect("sqlite::memory:").await.unwrap();
        store
            .record_turn(&turn("c1", 1, "Unicorn permit?", "handoff"))
            .await
            .unwrap();
        store
            .record_turn(&turn("c1", 2, "unicorn permit? ", "handoff"))
            .await
            .unwrap();
        store
            .record_turn(&turn("c2", 1, "trash day", "answer"))
            .await
            .unwrap();
        // A pick of an offered choice: not a question.
        store
            .record_turn(&turn("c2", 2, "", "answer"))
            .await
            .unwrap();
        let since = Utc::now() - chrono::Duration::days(1);
        let gaps = store
            .question_tallies(
                "riverton",
                since,
                QuestionScope::Gaps { low_coverage: 0.5 },
                100,
            )
            .await
            .unwrap();
        assert_eq!(gaps.len(), 2, "{gaps:#?}");
        assert_eq!(gaps[0].count, 2);
        assert_eq!(gaps[0].handoff, 2);
        assert_eq!(gaps[0].text, "unicorn permit?");
        assert_eq!(gaps[1].low_coverage, 1);
        let all = store
            .question_tallies("riverton", since, QuestionScope::All, 100)
            .await
            .unwrap();
        assert_eq!(all.iter().map(|t| t.count).sum::<u64>(), 3);
        assert!(all.iter().all(|t| t.low_coverage == 0));
        let other = store
            .question_tallies("elsewhere", since, QuestionScope::All, 100)
            .await
            .unwrap();
        assert!(other.is_empty());

        let hours = store.question_hours("riverton", since).await.unwrap();
        assert_eq!(hours.iter().map(|h| h.count).sum::<u64>(), 3);
        assert!(hours.iter().all(|h| (Utc::now() - h.hour).num_hours() < 2));

        store
            .record_feedback(&Feedback {
                site: "riverton".into(),
                conversation_id: "c2".into(),
                message_id: "rc21".into(),
                helpful: false,
                comment: Some("wrong day".into()),
            })
            .await
            .unwrap();
        let by_entry = store.feedback_by_entry("riverton", since).await.unwrap();
        assert_eq!(by_entry.len(), 1);
        assert_eq!(by_entry[0].not_helpful, 1);
        assert_eq!(
            by_entry[0].entry_id.as_deref(),
            Some("trash-collection-day")
        );
        let comments = store.feedback_comments("riverton", since, 3).await.unwrap();
        assert_eq!(comments[0].text, "wrong day");
        let fb_hours = store.feedback_hours("riverton", since).await.unwrap();
        assert_eq!(fb_hours.len(), 1);
        assert_eq!(fb_hours[0].not_helpful, 1);
    }
}
