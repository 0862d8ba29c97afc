//! Residents' data over time: the retention purge, and answering a resident's request to see
//! or delete what is kept about one conversation.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::config::RetentionConfig;

/// What one purge removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct PurgeReport {
    /// Bot conversations deleted (with their messages and feedback).
    pub conversations: u64,
    /// Live chats deleted (with their events).
    pub chats: u64,
    /// Tickets deleted.
    pub tickets: u64,
    /// Service requests kept here deleted (with the tickets' retention).
    pub requests: u64,
    /// Audit entries whose detail was cleared (the entries stay, as hashes).
    pub audit_details: u64,
}

/// What deleting one resident's conversation removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct DeleteReport {
    /// Bot conversations (0 or 1).
    pub conversations: u64,
    /// Messages in them.
    pub messages: u64,
    /// Live chats.
    pub chats: u64,
    /// Tickets.
    pub tickets: u64,
}

/// Retention and residents' data requests.
#[async_trait]
pub trait PrivacyStore: Send + Sync {
    /// Removes what `site` keeps longer than `retention` allows at `now` (audit: `purge`,
    /// with the counts).
    async fn purge(
        &self,
        site: &str,
        retention: &RetentionConfig,
        now: DateTime<Utc>,
    ) -> Result<PurgeReport, sqlx::Error>;

    /// Everything kept about the conversation that `id` names (a conversation, chat or ticket
    /// id), as JSON; `None` when nothing has that id.
    async fn export_conversation(&self, id: &str)
    -> Result<Option<serde_json::Value>, sqlx::Error>;

    /// Deletes everything kept about the conversation that `id` names (audit:
    /// `delete_conversation`); `None` when nothing has that id.
    async fn delete_conversation(&self, id: &str) -> Result<Option<DeleteReport>, sqlx::Error>;
}
