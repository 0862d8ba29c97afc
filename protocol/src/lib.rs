//! Wire types shared by the Wayfinder widget (wasm) and server.
//!
//! Everything that crosses HTTP between a resident's browser and the server is defined here,
//! with serde only, so that both sides agree by construction. The crate builds for
//! `wasm32-unknown-unknown` and never pulls in tokio, axum, tantivy or web-sys.
//!
//! - [`ask`]: a resident's question and the bot's reply (`POST /api/v1/ask`).
//! - [`feedback`]: "was this helpful?" (`POST /api/v1/feedback`).
//! - [`live`]: live chat with staff: availability, queue, the chat's WebSocket frames,
//!   rating, tickets.
//! - [`privacy`]: the site's privacy notice and the version a resident accepts
//!   (`GET /api/v1/privacy`).
//! - [`requests`]: service requests ("report a pothole") through Open311, and their status.
//! - [`error`]: the `{code, message}` body of every error, with its stable [`ErrorCode`]s.

pub mod ask;
pub mod error;
pub mod feedback;
pub mod live;
pub mod privacy;
pub mod requests;

pub use ask::{Action, ActionKind, Answer, AskRequest, AskResponse, Choice, Outcome};
pub use error::{ErrorBody, ErrorCode};
pub use feedback::{FeedbackRequest, FeedbackResponse};
pub use live::{
    Availability, ChatEvent, ChatRequest, ChatStarted, ClientFrame, Department, EventBody, Party,
    RatingRequest, ServerFrame, TicketCreated, TicketRequest,
};
pub use privacy::PrivacyNotice;

/// Longest question, in characters, that `POST /api/v1/ask` accepts.
pub const MAX_QUESTION_CHARS: usize = 1_000;

/// Longest feedback comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 2_000;

/// Largest request body, in bytes, that any `/api/v1` endpoint accepts.
pub const MAX_BODY_BYTES: usize = 16 * 1024;
