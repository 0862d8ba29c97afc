//! What the store keeps for live chat: staff accounts and sessions, chats with their numbered
//! events, tickets, and the audit log. Every state change is one transaction that also appends
//! its audit row.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use protocol::ChatEvent;

use crate::audit::AuditRow;

/// Where a chat is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatState {
    /// In the queue.
    Waiting,
    /// A staff member has it.
    Active,
    /// Ended.
    Closed,
}

impl ChatState {
    /// As stored and sent to the console.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Active => "active",
            Self::Closed => "closed",
        }
    }

    /// From its stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "waiting" => Some(Self::Waiting),
            "active" => Some(Self::Active),
            "closed" => Some(Self::Closed),
            _ => None,
        }
    }
}

/// A chat as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Chat {
    /// Its id.
    pub id: String,
    /// Its site.
    pub site: String,
    /// The bot conversation before it, if any.
    pub conversation_id: Option<String>,
    /// The resident's language.
    pub lang: String,
    /// Department id, if routed to one.
    pub department: Option<String>,
    /// SHA-256 of the resident's token.
    pub token_hash: String,
    /// Where it is.
    pub state: ChatState,
    /// The staff member who has it (when active).
    pub staff_id: Option<String>,
    /// Their display name.
    pub staff_name: Option<String>,
    /// The last event's `seq` (0 before any).
    pub last_seq: u64,
    /// When the resident asked for a person.
    pub created_at: DateTime<Utc>,
    /// The resident's latest message (redacted), for the queue.
    pub preview: Option<String>,
}

/// A chat about to be created.
#[derive(Debug, Clone)]
pub struct NewChat {
    /// Its id.
    pub id: String,
    /// Its site.
    pub site: String,
    /// The bot conversation before it.
    pub conversation_id: Option<String>,
    /// The resident's language.
    pub lang: String,
    /// Department id.
    pub department: Option<String>,
    /// SHA-256 of the resident's token.
    pub token_hash: String,
}

/// Who does something in a chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Author {
    /// The resident.
    Resident,
    /// A staff member.
    Staff {
        /// Their id.
        id: String,
        /// Their display name.
        name: String,
    },
    /// Wayfinder itself.
    System,
}

impl Author {
    /// The audit log's `actor`.
    pub fn actor(&self) -> String {
        match self {
            Self::Resident => "resident".into(),
            Self::Staff { id, .. } => format!("staff:{id}"),
            Self::System => "system".into(),
        }
    }

    /// The wire's party.
    pub fn party(&self) -> protocol::Party {
        match self {
            Self::Resident => protocol::Party::Resident,
            Self::Staff { .. } => protocol::Party::Staff,
            Self::System => protocol::Party::System,
        }
    }
}

/// A message stored, or found already stored under the same client id.
#[derive(Debug, Clone, PartialEq)]
pub enum Posted {
    /// Newly stored as this event.
    New(ChatEvent),
    /// A resend: the event it was stored as the first time.
    Duplicate(ChatEvent),
}

impl Posted {
    /// The stored event either way.
    pub fn event(&self) -> &ChatEvent {
        match self {
            Self::New(e) | Self::Duplicate(e) => e,
        }
    }
}

/// Why a chat action was refused.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    /// No such chat (or not on this site).
    #[error("no such chat")]
    UnknownChat,
    /// The chat has ended.
    #[error("the chat has ended")]
    Closed,
    /// Someone else has (or took) the chat.
    #[error("another staff member has this chat")]
    Taken,
    /// The staff member is at the site's limit of simultaneous chats.
    #[error("too many chats at once")]
    TooMany,
    /// Only an ended chat can be rated.
    #[error("the chat has not ended yet")]
    StillOpen,
    /// The database failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// A message left when nobody could chat.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ticket {
    /// Reference, e.g. `T-7Q4K2M`.
    pub ticket_id: String,
    /// Site.
    #[serde(skip)]
    pub site: String,
    /// The bot conversation before it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// The resident's language.
    pub lang: String,
    /// Name, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Contact, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The message (redacted).
    pub message: String,
    /// Department id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// `open` or `done`.
    pub status: String,
    /// When it was left, RFC 3339.
    pub created_at: String,
}

/// One step of the bot conversation before a chat, for the staff member.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct BotTurn {
    /// `resident` or `bot`.
    pub role: String,
    /// What was said (the resident's words redacted).
    pub text: String,
    /// When.
    pub at: String,
}

/// A staff account.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StaffAccount {
    /// Its id.
    pub id: String,
    /// The site it works for.
    pub site: String,
    /// Sign-in e-mail.
    pub email: String,
    /// Display name shown to residents.
    pub name: String,
    /// `staff` or `admin`.
    pub role: String,
    /// Home department id, if any.
    pub department: Option<String>,
    /// argon2 PHC string.
    pub password_hash: String,
}

/// Why an account was not added.
#[derive(Debug, thiserror::Error)]
pub enum AddStaffError {
    /// The e-mail address already has an account.
    #[error("an account with this e-mail address already exists")]
    Exists,
    /// The database failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Chats, tickets and the audit log.
#[async_trait]
pub trait LiveStore: Send + Sync {
    /// Creates a waiting chat (audit: `handoff`).
    async fn create_chat(&self, chat: &NewChat) -> Result<(), sqlx::Error>;

    /// The chat `id`, if it exists.
    async fn chat(&self, id: &str) -> Result<Option<Chat>, sqlx::Error>;

    /// Stores a message unless `client_id` was stored before in this chat (audit:
    /// `staff_message`, by the hash of the text, for staff messages).
    async fn post_message(
        &self,
        chat_id: &str,
        author: &Author,
        client_id: &str,
        text: &str,
    ) -> Result<Posted, LiveError>;

    /// Gives a waiting chat to a staff member with fewer than `max_chats` chats (audit:
    /// `accept`); returns the `joined` event.
    async fn accept(
        &self,
        chat_id: &str,
        staff: &Author,
        department_name: Option<&str>,
        max_chats: u32,
    ) -> Result<ChatEvent, LiveError>;

    /// Puts an active chat of `staff` back in the queue for another department (audit:
    /// `transfer`); returns the `transferred` event.
    async fn transfer(
        &self,
        chat_id: &str,
        staff: &Author,
        department_id: &str,
        department_name: &str,
    ) -> Result<ChatEvent, LiveError>;

    /// Ends a chat (audit: `close`, with the reason); returns the `closed` event.
    async fn close(
        &self,
        chat_id: &str,
        by: &Author,
        reason: Option<&str>,
    ) -> Result<ChatEvent, LiveError>;

    /// The chat's events with `seq > after`, in order.
    async fn events_after(&self, chat_id: &str, after: u64) -> Result<Vec<ChatEvent>, sqlx::Error>;

    /// The site's first `limit` waiting chats, oldest first, and how many wait in all.
    async fn waiting(&self, site: &str, limit: u32) -> Result<(Vec<Chat>, u64), sqlx::Error>;

    /// The ids of all the site's waiting chats, in queue order (cheap: for queue places).
    async fn waiting_ids(&self, site: &str) -> Result<Vec<String>, sqlx::Error>;

    /// The active chats of a staff member.
    async fn active_for(&self, staff_id: &str) -> Result<Vec<Chat>, sqlx::Error>;

    /// How long (seconds) the site's latest accepted chats waited, newest first.
    async fn recent_waits(&self, site: &str, limit: u32) -> Result<Vec<i64>, sqlx::Error>;

    /// Stores the resident's rating of a closed chat.
    async fn rate(&self, chat_id: &str, stars: u8, comment: Option<&str>) -> Result<(), LiveError>;

    /// Stores a ticket (audit: `ticket`).
    async fn create_ticket(&self, ticket: &Ticket) -> Result<(), sqlx::Error>;

    /// The site's tickets, open ones first, newest first.
    async fn tickets(&self, site: &str) -> Result<Vec<Ticket>, sqlx::Error>;

    /// Marks a ticket of `site` done (audit: `ticket_done`); `false` when there is no such
    /// open ticket.
    async fn close_ticket(&self, site: &str, id: &str, staff: &Author)
    -> Result<bool, sqlx::Error>;

    /// The bot conversation `conversation_id` of `site`, oldest first.
    async fn bot_turns(
        &self,
        site: &str,
        conversation_id: &str,
    ) -> Result<Vec<BotTurn>, sqlx::Error>;

    /// The whole audit log, oldest first.
    async fn audit_log(&self) -> Result<Vec<AuditRow>, sqlx::Error>;
}

/// Staff accounts and their sessions.
#[async_trait]
pub trait StaffStore: Send + Sync {
    /// Adds an account.
    async fn add_staff(&self, account: &StaffAccount) -> Result<(), AddStaffError>;

    /// The account signing in with `email` (case-insensitive).
    async fn staff_by_email(&self, email: &str) -> Result<Option<StaffAccount>, sqlx::Error>;

    /// Starts a session.
    async fn create_session(
        &self,
        token_hash: &str,
        staff_id: &str,
        csrf_token: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error>;

    /// The account and CSRF token of an unexpired session.
    async fn session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(StaffAccount, String)>, sqlx::Error>;

    /// Ends a session.
    async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error>;
}
