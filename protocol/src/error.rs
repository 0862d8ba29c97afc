//! The error body every endpoint returns, with stable codes the widget localises.

use serde::{Deserialize, Serialize};

/// Stable, machine-readable error codes. New codes may be added; existing ones never change
/// meaning, so clients (the widget's Fluent strings `error-<code>`) can rely on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not valid JSON or does not match the expected shape.
    InvalidJson,
    /// The request is not `application/json`.
    UnsupportedMediaType,
    /// The body is larger than [`crate::MAX_BODY_BYTES`].
    PayloadTooLarge,
    /// The `Origin` header is not allowed for the site.
    OriginNotAllowed,
    /// The `site` is not configured on this server.
    UnknownSite,
    /// The question is empty (or only white space).
    EmptyQuestion,
    /// The question is longer than [`crate::MAX_QUESTION_CHARS`].
    QuestionTooLong,
    /// The `conversation_id` is unknown for this site.
    UnknownConversation,
    /// The picked `choice` (or the feedback's `message_id`) does not exist.
    UnknownEntry,
    /// A field has an invalid value (the message says which).
    InvalidField,
    /// No such route.
    NotFound,
    /// The HTTP method is not allowed on this route.
    MethodNotAllowed,
    /// Too many requests: slow down.
    RateLimited,
    /// Something failed on the server; details are in its logs, never in the response.
    Internal,
    /// No staff can take a chat now (outside office hours or nobody online): leave a message.
    StaffUnavailable,
    /// No such chat, or the token does not match it.
    UnknownChat,
    /// The chat has ended; nothing more can be sent to it.
    ChatClosed,
    /// Staff console: no valid session (sign in first).
    Unauthorized,
    /// Staff console: signed in, but not allowed to do this (another site, or not an admin).
    Forbidden,
    /// Staff console: the CSRF token is missing or wrong.
    CsrfRejected,
    /// Staff console: wrong e-mail or password.
    InvalidCredentials,
    /// Staff console: another staff member took this chat first.
    ChatTaken,
    /// Staff console: the staff member already has as many chats as the site allows.
    TooManyChats,
    /// Admin: the content has errors, so it was not loaded (the previous content keeps
    /// serving).
    ContentInvalid,
    /// No such service on this site (or it takes no requests here).
    UnknownService,
    /// No request with this number.
    UnknownRequest,
    /// The city's request system did not take the request (or cannot be reached): the
    /// resident's input is kept; try again, or use the city's form or phone.
    UpstreamFailed,
    /// The site requires the resident to accept its privacy notice first, and the request
    /// carries no accepted version or an older one (the notice has changed since): show the
    /// notice from `GET /api/v1/privacy`, then send its `version` as `consent`.
    ConsentRequired,
    /// Staff console: someone else changed this item since it was read (its
    /// `updated_datetime` is not the one sent): nothing was saved; reload it, then save again.
    EditConflict,
    /// The server's storage is full (its disk, or its database's): nothing was stored. Try
    /// again later; an operator has to free space.
    StorageFull,
    /// The server cannot reach its database right now (it is restarting or unreachable):
    /// nothing was stored. Try again in a moment.
    StorageUnavailable,
}

impl ErrorCode {
    /// The code as it appears on the wire, e.g. `origin_not_allowed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidJson => "invalid_json",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::PayloadTooLarge => "payload_too_large",
            Self::OriginNotAllowed => "origin_not_allowed",
            Self::UnknownSite => "unknown_site",
            Self::EmptyQuestion => "empty_question",
            Self::QuestionTooLong => "question_too_long",
            Self::UnknownConversation => "unknown_conversation",
            Self::UnknownEntry => "unknown_entry",
            Self::InvalidField => "invalid_field",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::RateLimited => "rate_limited",
            Self::Internal => "internal",
            Self::StaffUnavailable => "staff_unavailable",
            Self::UnknownChat => "unknown_chat",
            Self::ChatClosed => "chat_closed",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::CsrfRejected => "csrf_rejected",
            Self::InvalidCredentials => "invalid_credentials",
            Self::ChatTaken => "chat_taken",
            Self::TooManyChats => "too_many_chats",
            Self::ContentInvalid => "content_invalid",
            Self::UnknownService => "unknown_service",
            Self::UnknownRequest => "unknown_request",
            Self::UpstreamFailed => "upstream_failed",
            Self::ConsentRequired => "consent_required",
            Self::EditConflict => "edit_conflict",
            Self::StorageFull => "storage_full",
            Self::StorageUnavailable => "storage_unavailable",
        }
    }

    /// Every code, for documentation and for tests that check each one is localised.
    pub const ALL: [ErrorCode; 31] = [
        Self::InvalidJson,
        Self::UnsupportedMediaType,
        Self::PayloadTooLarge,
        Self::OriginNotAllowed,
        Self::UnknownSite,
        Self::EmptyQuestion,
        Self::QuestionTooLong,
        Self::UnknownConversation,
        Self::UnknownEntry,
        Self::InvalidField,
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::RateLimited,
        Self::Internal,
        Self::StaffUnavailable,
        Self::UnknownChat,
        Self::ChatClosed,
        Self::Unauthorized,
        Self::Forbidden,
        Self::CsrfRejected,
        Self::InvalidCredentials,
        Self::ChatTaken,
        Self::TooManyChats,
        Self::ContentInvalid,
        Self::UnknownService,
        Self::UnknownRequest,
        Self::UpstreamFailed,
        Self::ConsentRequired,
        Self::EditConflict,
        Self::StorageFull,
        Self::StorageUnavailable,
    ];

    /// Whether a resident's widget can receive this code (so it needs a localised message in
    /// `widget.ftl`); the others come only from the staff console's API.
    pub fn reaches_residents(self) -> bool {
        !matches!(
            self,
            Self::Unauthorized
                | Self::Forbidden
                | Self::CsrfRejected
                | Self::InvalidCredentials
                | Self::ChatTaken
                | Self::TooManyChats
                | Self::ContentInvalid
                | Self::EditConflict
        )
    }
}

/// The JSON body of every error response: `{"code": "...", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Stable code.
    pub code: ErrorCode,
    /// Human-readable explanation in English (the widget shows its own localised text).
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_match_as_str() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
