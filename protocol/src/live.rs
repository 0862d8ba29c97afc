//! Live chat with city staff, as the resident's widget sees it.
//!
//! - `GET /api/v1/live/availability?site=…`: can a person take a chat now ([`Availability`])?
//! - `POST /api/v1/chats` ([`ChatRequest`] → [`ChatStarted`]): join the site's queue.
//! - `GET /api/v1/chats/{chat_id}/live?token=…&after=<seq>`: the chat's WebSocket. The client
//!   sends [`ClientFrame`]s and receives [`ServerFrame`]s.
//! - `POST /api/v1/chats/{chat_id}/rating` ([`RatingRequest`]): stars at the end.
//! - `GET /api/v1/chats/{chat_id}/transcript?token=…&format=txt|html`: the transcript as a
//!   download, in the chat's language.
//! - `POST /api/v1/tickets` ([`TicketRequest`] → [`TicketCreated`]): leave a message when
//!   nobody can answer now.
//!
//! Nothing is lost or duplicated across dropped connections: every event of a chat has a
//! sequence number ([`ChatEvent::seq`]); a client that reconnects passes the last one it saw as
//! `after` and receives what it missed. Every message a client sends carries its own id
//! ([`ClientFrame::Message::id`]); the server acknowledges it once stored ([`ServerFrame::Ack`])
//! and ignores a second copy with the same id, so a client resends whatever was not
//! acknowledged when it reconnects.

use serde::{Deserialize, Serialize};

use crate::ErrorCode;

/// Longest chat message or ticket, in characters.
pub const MAX_CHAT_MESSAGE_CHARS: usize = 4_000;

/// Whether staff can take a chat now, and if not, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Availability {
    /// Whether the site offers live chat at all. When `false`, the widget offers only the
    /// city's contact page and phone number.
    pub enabled: bool,
    /// `true` when it is office hours and at least one staff member is online: a chat joins
    /// the queue. Otherwise the resident may leave a message ([`TicketRequest`]).
    pub open: bool,
    /// Whether it is office hours now (staff may still all be away).
    pub office_hours: bool,
    /// When office hours next begin, RFC 3339 with the city's offset (e.g.
    /// `2026-11-30T08:00:00-06:00`), outside office hours when hours are configured (absent
    /// during office hours, even when nobody is online). The widget
    /// shows it in the resident's own time zone and language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_open: Option<String>,
    /// The city's IANA time zone, e.g. `America/Chicago`.
    pub timezone: String,
    /// Departments a chat can be routed to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
}

/// A team of staff that takes chats on its topics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// Stable id, e.g. `public-works`.
    pub id: String,
    /// Display name, e.g. "Public Works".
    pub name: String,
}

/// "Talk to a person": join the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChatRequest {
    /// Site id.
    pub site: String,
    /// The bot conversation so far, shown to the staff member who accepts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// The resident's language (BCP 47), for staff and for the transcript.
    pub lang: String,
    /// A department id; by default the one owning the last answered entry, else the site's
    /// general queue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The privacy notice version the resident accepted, for sites that require consent
    /// (see [`crate::privacy`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<String>,
}

/// The chat was created and waits in the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatStarted {
    /// The chat's id.
    pub chat_id: String,
    /// Secret that lets this resident (and only them) connect to and rate the chat. Keep it
    /// for reconnecting; it is shown nowhere else.
    pub token: String,
    /// The department the chat was routed to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Department>,
}

/// Frames the resident's client sends on the chat's WebSocket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientFrame {
    /// A message to staff.
    Message {
        /// The client's own id for this message (a UUID): resending it is harmless.
        id: String,
        /// The text, at most [`MAX_CHAT_MESSAGE_CHARS`] characters.
        text: String,
    },
    /// The resident started or stopped typing (send on change, not per keystroke).
    Typing {
        /// Whether they are typing now.
        active: bool,
    },
    /// The resident ends the chat.
    Close,
}

/// Frames the server sends on a chat's WebSocket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerFrame {
    /// Something happened in the chat (stored, numbered, replayed after a reconnect).
    Event {
        /// The event.
        event: ChatEvent,
    },
    /// A message the client sent is stored as event `seq`.
    Ack {
        /// The client's id of the message.
        id: String,
        /// Its sequence number in the chat.
        seq: u64,
    },
    /// The chat is waiting: its place in the queue (1 = next) and an honest estimate.
    Queue {
        /// Position, 1 = next to be taken.
        position: u32,
        /// Estimated wait in seconds from recent chats of this site, when there is enough
        /// history to say.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wait_seconds: Option<u32>,
    },
    /// The other side started or stopped typing.
    Typing {
        /// Whether they are typing now.
        active: bool,
    },
    /// A frame from the client was refused; the connection stays open.
    Error {
        /// Stable code.
        code: ErrorCode,
        /// Explanation in English.
        message: String,
    },
}

/// One numbered event of a chat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatEvent {
    /// Position in the chat, from 1, without gaps.
    pub seq: u64,
    /// When it happened, RFC 3339 UTC.
    pub at: String,
    /// What happened.
    #[serde(flatten)]
    pub body: EventBody,
}

/// Who did something in a chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The resident.
    Resident,
    /// A staff member.
    Staff,
    /// Wayfinder itself (e.g. closing an abandoned chat).
    System,
}

/// What happened in a chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventBody {
    /// A message.
    Message {
        /// Who wrote it.
        from: Party,
        /// Display name of the staff member, for staff messages.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// The text, plain.
        text: String,
    },
    /// A staff member took the chat.
    Joined {
        /// Their display name, e.g. "Alex".
        name: String,
        /// Their department's display name, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        department: Option<String>,
    },
    /// The chat went back to the queue for another department.
    Transferred {
        /// The new department's display name.
        department: String,
    },
    /// The chat ended.
    Closed {
        /// Who ended it.
        by: Party,
    },
}

/// Stars at the end of a chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingRequest {
    /// The chat's token from [`ChatStarted`].
    pub token: String,
    /// 1 (poor) to 5 (excellent).
    pub stars: u8,
    /// Optional comment (stored redacted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// "Leave a message": becomes a ticket in the staff console.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketRequest {
    /// Site id.
    pub site: String,
    /// The bot conversation so far, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// The resident's language.
    pub lang: String,
    /// Name, optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How to reach them (e-mail or phone), optional: without it staff cannot reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The message, required, at most [`MAX_CHAT_MESSAGE_CHARS`] characters.
    pub message: String,
    /// A department id, optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The privacy notice version the resident accepted, for sites that require consent
    /// (see [`crate::privacy`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<String>,
}

/// The ticket was stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketCreated {
    /// Reference the resident can quote, e.g. `T-7Q4K2M`.
    pub ticket_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_with_flat_kind() {
        let frame = ServerFrame::Event {
            event: ChatEvent {
                seq: 3,
                at: "2026-11-26T10:00:00Z".into(),
                body: EventBody::Message {
                    from: Party::Staff,
                    name: Some("Alex".into()),
                    text: "Hello".into(),
                },
            },
        };
        let json = serde_json::to_string(&frame).unwrap();
        assert_eq!(
            json,
            r#"{"type":"event","event":{"seq":3,"at":"2026-11-26T10:00:00Z","kind":"message","from":"staff","name":"Alex","text":"Hello"}}"#
        );
        assert_eq!(serde_json::from_str::<ServerFrame>(&json).unwrap(), frame);
    }

    #[test]
    fn client_frames_are_tagged_and_strict() {
        let frame: ClientFrame =
            serde_json::from_str(r#"{"type":"message","id":"m1","text":"hi"}"#).unwrap();
        assert_eq!(
            frame,
            ClientFrame::Message {
                id: "m1".into(),
                text: "hi".into()
            }
        );
        assert_eq!(
            serde_json::from_str::<ClientFrame>(r#"{"type":"close"}"#).unwrap(),
            ClientFrame::Close
        );
        assert!(serde_json::from_str::<ClientFrame>(r#"{"type":"shout","text":"x"}"#).is_err());
    }
}
