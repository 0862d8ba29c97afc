//! `POST /api/v1/feedback`: whether an answer helped.

use serde::{Deserialize, Serialize};

/// A resident's verdict on one reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackRequest {
    /// Site id.
    pub site: String,
    /// Conversation the reply belongs to.
    pub conversation_id: String,
    /// The reply's `message_id`.
    pub message_id: String,
    /// Whether the answer helped.
    pub helpful: bool,
    /// Optional free text (stored redacted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Acknowledgement of stored feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackResponse {
    /// Always `true` when the feedback was stored.
    pub recorded: bool,
}
