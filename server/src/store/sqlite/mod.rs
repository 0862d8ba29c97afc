//! [`Store`] on SQLite, through sqlx.

use std::str::FromStr;

use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

use super::{Feedback, FeedbackError, Store, Turn, now};

mod insights;
mod live;
mod privacy;
mod requests;
mod turns;

use turns::TurnWriter;

/// SQLite-backed store. Cheap to clone (connection pools).
///
/// SQLite allows one writer at a time; several pooled connections writing at once wait on
/// each other inside SQLite's busy handler, which sleeps, and the tail latency explodes
/// (p99 811 ms at 32 concurrent residents, against 64 ms with one writer: see
/// docs/performance.md). So all writes go through one connection, queued fairly by the
/// pool, while reads use a pool of their own (WAL lets them run beside the writer). Bot
/// turns, the most frequent write, are written in groups by one task (group commit: see
/// `store/sqlite/turns.rs`).
#[derive(Debug, Clone)]
pub struct SqliteStore {
    reader: SqlitePool,
    writer: SqlitePool,
    turns: TurnWriter,
}

/// Connections for reads (the writer has exactly one).
const READ_CONNECTIONS: u32 = 4;

/// The writer's page cache (`PRAGMA cache_size`; negative: KiB), a quarter of SQLite's
/// default. Its busiest work is appending turns, which touches the last pages of a few
/// tables and indexes; with the default cache a server held 2 MB more after answering
/// questions for a while, and appending was no faster (docs/performance.md). Reads, which
/// wander over the tables, keep the default.
const WRITER_CACHE_SIZE: &str = "-512";

impl SqliteStore {
    /// Opens (creating if needed) the database at `url` (`sqlite://path` or
    /// `sqlite::memory:`) and applies pending migrations. Starts the task writing turns on
    /// the current tokio runtime.
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(5));
        if let Some(dir) = options.get_filename().parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
        }
        let in_memory = url.contains(":memory:");
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            // The connection is pinged as it comes back (below), so not again before each
            // use: every ping is a round trip to the connection's thread.
            .test_before_acquire(false)
            // After a COMMIT refused with SQLITE_FULL, SQLite has rolled the transaction
            // back but the connection may still believe one is open: the next transaction
            // would become a savepoint whose commit stores nothing. Settle the connection
            // (the ping runs the queued rollback) and close it if it is still in one.
            .after_release(|conn, _| {
                Box::pin(async move {
                    use sqlx::Connection as _;
                    conn.ping().await?;
                    Ok(!conn.is_in_transaction())
                })
            })
            .connect_with(if in_memory {
                // The whole database lives in the page cache: no limit of ours.
                options.clone()
            } else {
                options.clone().pragma("cache_size", WRITER_CACHE_SIZE)
            })
            .await?;
        sqlx::migrate!("./migrations").run(&writer).await?;
        // An in-memory database exists once per connection: share the writer's.
        let reader = if in_memory {
            writer.clone()
        } else {
            SqlitePoolOptions::new()
                .max_connections(READ_CONNECTIONS)
                .connect_with(options)
                .await?
        };
        let turns = TurnWriter::start(writer.clone());
        Ok(Self {
            reader,
            writer,
            turns,
        })
    }

    /// What the resident wrote in conversation `id`, oldest first, as stored (redacted).
    pub async fn resident_texts(&self, id: &str) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT text FROM messages WHERE conversation_id = ? AND role = 'resident' ORDER BY created_at, rowid",
        )
        .bind(id)
        .fetch_all(&self.reader)
        .await
    }

    /// The read pool (for tests and maintenance commands).
    pub fn pool(&self) -> &SqlitePool {
        &self.reader
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn conversation_lang(&self, site: &str, id: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT lang FROM conversations WHERE id = ? AND site = ?")
            .bind(id)
            .bind(site)
            .fetch_optional(&self.reader)
            .await
    }

    async fn record_turn(&self, turn: &Turn) -> Result<(), sqlx::Error> {
        self.turns.record(turn).await
    }

    async fn record_feedback(&self, feedback: &Feedback) -> Result<(), FeedbackError> {
        let entry: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT m.entry_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
             WHERE m.id = ? AND m.conversation_id = ? AND c.site = ? AND m.role = 'bot'",
        )
        .bind(&feedback.message_id)
        .bind(&feedback.conversation_id)
        .bind(&feedback.site)
        .fetch_optional(&self.writer)
        .await?;
        let Some((entry_id,)) = entry else {
            return Err(FeedbackError::UnknownMessage);
        };
        sqlx::query(
            "INSERT INTO feedback (id, conversation_id, message_id, entry_id, helpful, comment, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(super::new_row_id())
        .bind(&feedback.conversation_id)
        .bind(&feedback.message_id)
        .bind(entry_id)
        .bind(feedback.helpful)
        .bind(&feedback.comment)
        .bind(now())
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    async fn last_answer(&self, site: &str, id: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT m.entry_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
             WHERE m.conversation_id = ? AND c.site = ? AND m.role = 'bot' AND m.entry_id IS NOT NULL
             ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1",
        )
        .bind(id)
        .bind(site)
        .fetch_optional(&self.reader)
        .await
    }

    async fn record_consent(
        &self,
        site: &str,
        id: &str,
        version: &str,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let changed = sqlx::query(
            "UPDATE conversations SET consent_version = ?, consent_at = ?
             WHERE id = ? AND site = ? AND (consent_version IS NULL OR consent_version <> ?)",
        )
        .bind(version)
        .bind(now())
        .bind(id)
        .bind(site)
        .bind(version)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        if changed {
            live::audit(
                &mut tx,
                site,
                "resident",
                "consent",
                id,
                serde_json::json!({ "version": version }),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(changed)
    }

    async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.reader).await?;
        sqlx::query("SELECT 1")
            .execute(&self.writer)
            .await
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(conversation: &str, reply: &str) -> Turn {
        Turn {
            site: "riverton".into(),
            conversation_id: conversation.into(),
            question_id: format!("q-{reply}"),
            question: "trash day".into(),
            reply_id: reply.into(),
            reply: "Here is what I found.".into(),
            lang: "en".into(),
            outcome: "answer",
            entry_id: Some("trash-collection-day".into()),
            score: Some(7.5),
            coverage: Some(1.0),
        }
    }

    #[tokio::test]
    async fn turns_and_feedback_round_trip() {
        let store = SqliteStore::connect("sqlite::memory:").await.unwrap();
        store.record_turn(&turn("c1", "r1")).await.unwrap();
        store.record_turn(&turn("c1", "r2")).await.unwrap();
        assert_eq!(
            store
                .conversation_lang("riverton", "c1")
                .await
                .unwrap()
                .as_deref(),
            Some("en")
        );
        assert_eq!(store.conversation_lang("other", "c1").await.unwrap(), None);
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE conversation_id = 'c1'")
                .fetch_one(store.pool())
                .await
                .unwrap();
        assert_eq!(count, 4);

        let feedback = Feedback {
            site: "riverton".into(),
            conversation_id: "c1".into(),
            message_id: "r2".into(),
            helpful: false,
            comment: None,
        };
        store.record_feedback(&feedback).await.unwrap();
        let entry: String = sqlx::query_scalar("SELECT entry_id FROM feedback")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(entry, "trash-collection-day");
    }

    #[tokio::test]
    async fn consent_is_stored_and_audited_once_per_version() {
        use crate::store::{LiveStore as _, PrivacyStore as _};
        let store = SqliteStore::connect("sqlite::memory:").await.unwrap();
        store.record_turn(&turn("c1", "r1")).await.unwrap();
        assert!(store.record_consent("riverton", "c1", "v1").await.unwrap());
        assert!(!store.record_consent("riverton", "c1", "v1").await.unwrap());
        assert!(!store.record_consent("other", "c1", "v2").await.unwrap());
        assert!(
            !store
                .record_consent("riverton", "nope", "v2")
                .await
                .unwrap()
        );
        let export = store.export_conversation("c1").await.unwrap().unwrap();
        assert_eq!(export["conversation"]["consent_version"], "v1", "{export}");
        assert!(export["conversation"]["consent_at"].is_string(), "{export}");
        assert!(store.record_consent("riverton", "c1", "v2").await.unwrap());
        let audit = store.audit_log().await.unwrap();
        let consents: Vec<_> = audit.iter().filter(|r| r.action == "consent").collect();
        assert_eq!(consents.len(), 2);
        assert_eq!(consents[0].subject, "c1");
        assert_eq!(consents[0].actor, "resident");
        assert_eq!(consents[1].detail.as_deref(), Some(r#"{"version":"v2"}"#));
    }

    #[tokio::test]
    async fn feedback_on_a_foreign_message_is_refused() {
        let store = SqliteStore::connect("sqlite::memory:").await.unwrap();
        store.record_turn(&turn("c1", "r1")).await.unwrap();
        for (site, conversation, message) in [
            ("other", "c1", "r1"),
            ("riverton", "c2", "r1"),
            ("riverton", "c1", "q-r1"),
        ] {
            let result = store
                .record_feedback(&Feedback {
                    site: site.into(),
                    conversation_id: conversation.into(),
                    message_id: message.into(),
                    helpful: true,
                    comment: None,
                })
                .await;
            assert!(
                matches!(result, Err(FeedbackError::UnknownMessage)),
                "{site} {conversation} {message}"
            );
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_turns_are_all_stored() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("w.db").display());
        let store = SqliteStore::connect(&url).await.unwrap();
        let tasks: Vec<_> = (0..64)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move {
                    store
                        .record_turn(&turn(&format!("c{}", i % 8), &format!("r{i}")))
                        .await
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(count, 128);
    }

    #[tokio::test]
    async fn file_database_is_created_with_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/wayfinder.db");
        let store = SqliteStore::connect(&format!("sqlite://{}", path.display()))
            .await
            .unwrap();
        store.ping().await.unwrap();
        assert!(path.exists());
    }
}
