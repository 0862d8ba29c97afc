//! Where conversations, messages, feedback, live chats, staff accounts and the audit log are
//! kept.
//!
//! Handlers talk to the [`Store`] trait; [`SqliteStore`] is the default implementation (one
//! file, migrations embedded from `server/migrations/`). Everything passed in is already
//! redacted: the store never sees raw resident text.

pub mod insights;
pub mod live;
pub mod privacy;
pub mod requests;
mod sqlite;

pub use insights::InsightsStore;
pub use live::{LiveStore, StaffStore};
pub use privacy::PrivacyStore;
pub use requests::RequestStore;
pub use sqlite::SqliteStore;

use async_trait::async_trait;

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

    /// Checks the database answers (for `/healthz`).
    async fn ping(&self) -> Result<(), sqlx::Error>;
}
