//! Where conversations, messages, feedback, live chats, staff accounts and the audit log are
//! kept.
//!
//! Handlers talk to the [`Store`] trait; [`SqliteStore`] is the default implementation (one
//! file, migrations embedded from `server/migrations/`), and [`PgStore`] the one several
//! replicas share (`DATABASE_URL=postgres://...`, migrations from `server/migrations_pg/`).
//! [`open`] picks one by the URL. Everything passed in is already redacted: the store never
//! sees raw resident text.

pub mod insights;
pub mod live;
mod postgres;
pub mod privacy;
pub mod requests;
mod sqlite;

pub use insights::InsightsStore;
pub use live::{LiveStore, StaffStore};
pub use postgres::PgStore;
pub use privacy::PrivacyStore;
pub use requests::RequestStore;
pub use sqlite::SqliteStore;

use std::sync::Arc;

use async_trait::async_trait;

/// `at` as the stores write times: RFC 3339 in UTC with milliseconds, so that stored times
/// compare as text in both databases.
pub fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The current time as the stores write it ([`stamp`]).
pub fn now() -> String {
    stamp(chrono::Utc::now())
}

/// A new id for a conversation, a message or a chat: a UUID whose first 48 bits are the
/// time in milliseconds and whose other 74 are random (version 7, RFC 9562's first
/// method), so new rows sort after older ones and an id cannot be guessed even from another
/// made in the same millisecond (a conversation id lets its holder link a live chat to the
/// conversation and read it back in the chat's transcript). With random (version 4) keys
/// every new row of the busiest tables went to a different page of their indexes, and each
/// commit rewrote scattered pages (throughput fell as the database grew); time-ordered keys
/// put new rows side by side.
pub fn new_row_id() -> String {
    // `NoContext`: no counter, every bit after the time random (`Uuid::now_v7` would put a
    // counter there).
    uuid::Uuid::new_v7(uuid::Timestamp::now(uuid::NoContext)).to_string()
}

/// An opened store, with what only one kind of database offers.
#[derive(Debug, Clone)]
pub enum Opened {
    /// SQLite: one file, one replica.
    Sqlite(SqliteStore),
    /// PostgreSQL: shared by several replicas, which hear each other through it.
    Postgres(PgStore),
}

impl Opened {
    /// As the trait the handlers use.
    pub fn store(&self) -> Arc<dyn Store> {
        match self {
            Self::Sqlite(store) => Arc::new(store.clone()),
            Self::Postgres(store) => Arc::new(store.clone()),
        }
    }
}

/// Whether `url` names a PostgreSQL database (`postgres://` or `postgresql://`).
pub fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// `url` without its password, for messages and logs.
pub fn shown_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

/// Opens the database `url` names, applying pending migrations: PostgreSQL for
/// `postgres://...`, SQLite otherwise (`sqlite://path`, `sqlite::memory:`).
pub async fn open(url: &str) -> Result<Opened, sqlx::Error> {
    if is_postgres(url) {
        PgStore::connect(url).await.map(Opened::Postgres)
    } else {
        SqliteStore::connect(url).await.map(Opened::Sqlite)
    }
}

/// One question and the bot's reply to it, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// Site the conversation belongs to.
    pub site: String,
    /// Conversation id.
    pub conversation_id: String,
    /// Id of the resident's message.
    pub question_id: String,
    /// The resident's question, redacted.
    pub question: String,
    /// Id of the bot's reply (the `message_id` the widget sends feedback for).
    pub reply_id: String,
    /// The bot's reply text.
    pub reply: String,
    /// Language of the turn.
    pub lang: String,
    /// `answer`, `choices` or `handoff`.
    pub outcome: &'static str,
    /// The entry given as answer, if any.
    pub entry_id: Option<String>,
    /// Top search score, if there was a hit.
    pub score: Option<f32>,
    /// Top hit's coverage of the question, if there was a hit.
    pub coverage: Option<f32>,
}

/// A resident's verdict on a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// Site the conversation belongs to.
    pub site: String,
    /// Conversation id.
    pub conversation_id: String,
    /// The reply the feedback is about.
    pub message_id: String,
    /// Whether it helped.
    pub helpful: bool,
    /// Optional comment, redacted.
    pub comment: Option<String>,
}

/// Why feedback was not stored.
#[derive(Debug, thiserror::Error)]
pub enum FeedbackError {
    /// No bot reply with that id in that conversation of that site.
    #[error("no such reply in this conversation")]
    UnknownMessage,
    /// The database failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Persistent storage: bot conversations here, live chat and staff in [`live`], retention
/// and data requests in [`privacy`].
#[async_trait]
pub trait Store:
    LiveStore + StaffStore + PrivacyStore + RequestStore + InsightsStore + Send + Sync + 'static
{
    /// The language of conversation `id` of `site`, or `None` when there is no such
    /// conversation.
    async fn conversation_lang(&self, site: &str, id: &str) -> Result<Option<String>, sqlx::Error>;

    /// Stores a question and its reply, creating the conversation when it is new.
    async fn record_turn(&self, turn: &Turn) -> Result<(), sqlx::Error>;

    /// Stores feedback on a bot reply, checking that the reply belongs to the conversation
    /// and site.
    async fn record_feedback(&self, feedback: &Feedback) -> Result<(), FeedbackError>;

    /// The entry given as the latest answer in conversation `id` of `site`, if any.
    async fn last_answer(&self, site: &str, id: &str) -> Result<Option<String>, sqlx::Error>;

    /// Stores that the resident of conversation `id` of `site` (already recorded) accepted
    /// version `version` of the site's privacy notice, with when, and appends one audit entry
    /// (`consent`, actor `resident`, detail `{"version": ...}`) the first time the
    /// conversation carries that version. Returns whether the version was new for the
    /// conversation.
    ///
    /// The default refuses, so a store that does not keep consent cannot serve a site that
    /// requires it by accident; [`SqliteStore`] and [`PgStore`] implement it (columns from
    /// migration `0005_consent.sql`).
    async fn record_consent(
        &self,
        site: &str,
        id: &str,
        version: &str,
    ) -> Result<bool, sqlx::Error> {
        let _ = (site, id, version);
        Err(sqlx::Error::Configuration(
            "this store does not keep privacy consent: sites that require consent need a store that does".into(),
        ))
    }

    /// Checks the database answers (for `/healthz`).
    async fn ping(&self) -> Result<(), sqlx::Error>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_shown_without_passwords() {
        assert_eq!(
            shown_url("postgres://wayfinder:s3cret@db.internal:5432/wayfinder"),
            "postgres://wayfinder@db.internal:5432/wayfinder"
        );
        assert_eq!(
            shown_url("sqlite://data/wayfinder.db"),
            "sqlite://data/wayfinder.db"
        );
        assert!(is_postgres("postgresql://localhost/w"));
        assert!(!is_postgres("sqlite::memory:"));
    }

    #[test]
    fn row_ids_sort_by_time_and_stay_unguessable() {
        let ids: Vec<String> = (0..2000).map(|_| new_row_id()).collect();
        let millis = |id: &str| u64::from_str_radix(&id[..13].replace('-', ""), 16).unwrap();
        // Ordered by the millisecond they were made in, as the database compares them.
        for pair in ids.windows(2) {
            assert!(millis(&pair[0]) <= millis(&pair[1]), "{pair:?}");
        }
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        assert!(now - millis(&ids[0]) < 60_000, "{}", ids[0]);
        for id in &ids {
            let parsed = uuid::Uuid::parse_str(id).unwrap();
            assert_eq!(parsed.get_version_num(), 7, "{id}");
        }
        let distinct: std::collections::HashSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len());
        // Everything after the time is random, even between ids of the same millisecond:
        // of the 18 hex digits after it (the version digit aside), about 17 differ from one
        // id to the next (a counter would leave most of them equal).
        let changed: usize = ids
            .windows(2)
            .map(|pair| {
                let (a, b) = (&pair[0][15..], &pair[1][15..]);
                a.chars().zip(b.chars()).filter(|(x, y)| x != y).count()
            })
            .sum();
        assert!(changed > 14 * (ids.len() - 1), "{changed}");
    }
}
