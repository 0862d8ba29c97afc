//! [`Store`] on PostgreSQL, through sqlx: what several `wayfinder serve` replicas share.
//!
//! The schema is `server/migrations_pg/`, a twin of the SQLite migrations: same file names,
//! same tables and columns (a test compares them), PostgreSQL's own types, and timestamps
//! kept as RFC 3339 text so both stores compare and return them alike. A new migration in
//! `server/migrations/` needs its twin there.
//!
//! What differs from SQLite is concurrency: SQLite has one writer, here every replica writes
//! at once, so
//!
//! - each change to a chat locks the chat's row (`SELECT ... FOR NO KEY UPDATE`) before
//!   numbering its next event, and accepting only ever takes a chat still `waiting` (one
//!   staff member wins, the others get
//!   [`LiveError::Taken`](crate::store::live::LiveError::Taken));
//! - appends to the audit log are serialized by a transaction-scoped advisory lock on the
//!   chain's head, so the hash chain never forks;
//! - every stored chat event and queue change sends a `NOTIFY` in the same transaction, so
//!   other replicas hear of it exactly when (and only if) it is committed: see
//!   [`crate::live::notifier`].

use std::sync::Arc;

use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{Postgres, Transaction};

use super::{Feedback, FeedbackError, Store, Turn, now};
use crate::live::notifier::{CHANNEL, Envelope, Note};

mod insights;
mod live;
mod privacy;
mod requests;

/// PostgreSQL-backed store. Cheap to clone (a connection pool).
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    /// This process's name in notifications, so its own are told apart from other replicas'.
    replica: Arc<str>,
}

/// Connections per replica.
const CONNECTIONS: u32 = 10;

/// The longest a request waits for a database connection. While PostgreSQL restarts
/// (seconds), requests wait for it and then go through; when it stays away longer they are
/// refused with 503 `storage_unavailable` ([`crate::error::StorageFailure`]) instead of
/// hanging for sqlx's default of 30 s.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Advisory-lock keys (transaction-scoped). Locks are always taken in this order within a
/// transaction: a chat row, then the request counter, then the audit chain.
mod locks {
    /// The audit log's head: one appender at a time across replicas.
    pub const AUDIT_CHAIN: i64 = 0x5746_0001;
}

/// Sends `note` to every replica listening, when (and if) `tx` commits.
async fn notify(
    tx: &mut Transaction<'_, Postgres>,
    replica: &str,
    note: Note,
) -> Result<(), sqlx::Error> {
    let payload = serde_json::to_string(&Envelope {
        from: replica.to_owned(),
        note,
    })
    .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(payload)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://...`) and applies pending migrations
    /// (replicas starting together take turns: sqlx locks the migration table).
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let options: PgConnectOptions = url.parse()?;
        let pool = PgPoolOptions::new()
            .max_connections(CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options.application_name("wayfinder"))
            .await?;
        sqlx::migrate!("./migrations_pg").run(&pool).await?;
        Ok(Self {
            pool,
            replica: uuid::Uuid::new_v4().simple().to_string().into(),
        })
    }

    /// The connection pool (for the notifier, tests and maintenance commands).
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// This process's name in the notifications it sends.
    pub fn replica(&self) -> &str {
        &self.replica
    }

    /// What the resident wrote in conversation `id`, oldest first, as stored (redacted).
    pub async fn resident_texts(&self, id: &str) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT text FROM messages WHERE conversation_id = $1 AND role = 'resident'
             ORDER BY created_at, rowid",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
    }

    /// The chats a replica's connections may have missed events of while it was not
    /// listening: those of `chats`, and the active ones of `sites`, each with its site and
    /// last `seq`.
    pub async fn chats_to_catch_up(
        &self,
        sites: &[String],
        chats: &[String],
    ) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT site, id, last_seq FROM chats
             WHERE (site = ANY($1) AND state = 'active') OR id = ANY($2)",
        )
        .bind(sites)
        .bind(chats)
        .fetch_all(&self.pool)
        .await
    }
}

#[async_trait]
impl Store for PgStore {
    async fn conversation_lang(&self, site: &str, id: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT lang FROM conversations WHERE id = $1 AND site = $2")
            .bind(id)
            .bind(site)
            .fetch_optional(&self.pool)
            .await
    }

    async fn record_turn(&self, turn: &Turn) -> Result<(), sqlx::Error> {
        let at = now();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO conversations (id, site, lang, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at",
        )
        .bind(&turn.conversation_id)
        .bind(&turn.site)
        .bind(&turn.lang)
        .bind(&at)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO messages (id, conversation_id, role, text, lang, created_at)
             VALUES ($1, $2, 'resident', $3, $4, $5)",
        )
        .bind(&turn.question_id)
        .bind(&turn.conversation_id)
        .bind(&turn.question)
        .bind(&turn.lang)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO messages (id, conversation_id, role, text, lang, outcome, entry_id, score, coverage, created_at)
             VALUES ($1, $2, 'bot', $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&turn.reply_id)
        .bind(&turn.conversation_id)
        .bind(&turn.reply)
        .bind(&turn.lang)
        .bind(turn.outcome)
        .bind(&turn.entry_id)
        .bind(turn.score)
        .bind(turn.coverage)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    async fn record_feedback(&self, feedback: &Feedback) -> Result<(), FeedbackError> {
        let entry: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT m.entry_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
             WHERE m.id = $1 AND m.conversation_id = $2 AND c.site = $3 AND m.role = 'bot'",
        )
        .bind(&feedback.message_id)
        .bind(&feedback.conversation_id)
        .bind(&feedback.site)
        .fetch_optional(&self.pool)
        .await?;
        let Some((entry_id,)) = entry else {
            return Err(FeedbackError::UnknownMessage);
        };
        sqlx::query(
            "INSERT INTO feedback (id, conversation_id, message_id, entry_id, helpful, comment, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(super::new_row_id())
        .bind(&feedback.conversation_id)
        .bind(&feedback.message_id)
        .bind(entry_id)
        .bind(feedback.helpful)
        .bind(&feedback.comment)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn last_answer(&self, site: &str, id: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT m.entry_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
             WHERE m.conversation_id = $1 AND c.site = $2 AND m.role = 'bot' AND m.entry_id IS NOT NULL
             ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1",
        )
        .bind(id)
        .bind(site)
        .fetch_optional(&self.pool)
        .await
    }

    async fn record_consent(
        &self,
        site: &str,
        id: &str,
        version: &str,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE conversations SET consent_version = $1, consent_at = $2
             WHERE id = $3 AND site = $4 AND (consent_version IS NULL OR consent_version <> $1)",
        )
        .bind(version)
        .bind(now())
        .bind(id)
        .bind(site)
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
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }
}
