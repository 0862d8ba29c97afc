//! The JSON of live chat: what the server sends is parsed by the browser (`JSON.parse`) and
//! read field by field into the wire types of [`protocol::live`]; what the widget sends is
//! written with [`crate::json::Object`] (see [`crate::json`] for why not serde).
//!
//! The tests read the wire types' own JSON and compare.

use protocol::{Availability, ChatEvent, ClientFrame, ErrorCode, EventBody, Party, ServerFrame};

use crate::json::{Fields, Object, ToJson, whole};

fn party(word: &str) -> Option<Party> {
    match word {
        "resident" => Some(Party::Resident),
        "staff" => Some(Party::Staff),
        "system" => Some(Party::System),
        _ => None,
    }
}

/// The error code written as `word` (`None` for a code this widget does not know).
pub fn error_code(word: &str) -> Option<ErrorCode> {
    ErrorCode::ALL
        .into_iter()
        .find(|code| code.as_str() == word)
}

/// A socket frame from the server; `None` for anything this widget does not understand (a
/// newer server's frame, or a broken one), which is then ignored.
pub fn frame<F: Fields>(json: &F) -> Option<ServerFrame> {
    Some(match json.text("type")?.as_str() {
        "event" => ServerFrame::Event {
            event: event(&json.object("event")?)?,
        },
        "ack" => ServerFrame::Ack {
            id: json.text("id")?,
            seq: whole(json.number("seq"))?,
        },
        "queue" => ServerFrame::Queue {
            position: whole(json.number("position"))?,
            wait_seconds: whole(json.number("wait_seconds")),
        },
        "typing" => ServerFrame::Typing {
            active: json.flag("active")?,
        },
        "error" => ServerFrame::Error {
            code: error_code(&json.text("code")?)?,
            message: json.text("message").unwrap_or_default(),
        },
        _ => return None,
    })
}

/// A chat event.
pub fn event<F: Fields>(json: &F) -> Option<ChatEvent> {
    let body = match json.text("kind")?.as_str() {
        "message" => EventBody::Message {
            from: party(&json.text("from")?)?,
            name: json.text("name"),
            text: json.text("text")?,
        },
        "joined" => EventBody::Joined {
            name: json.text("name")?,
            department: json.text("department"),
        },
        "transferred" => EventBody::Transferred {
            department: json.text("department")?,
        },
        "closed" => EventBody::Closed {
            by: party(&json.text("by")?)?,
        },
        _ => return None,
    };
    Some(ChatEvent {
        seq: whole(json.number("seq"))?,
        at: json.text("at").unwrap_or_default(),
        body,
    })
}

/// The answer of `GET /api/v1/live/availability` (without the departments, which the widget
/// does not offer a choice of).
pub fn availability<F: Fields>(json: &F) -> Option<Availability> {
    Some(Availability {
        enabled: json.flag("enabled")?,
        open: json.flag("open")?,
        office_hours: json.flag("office_hours").unwrap_or(false),
        next_open: json.text("next_open"),
        timezone: json.text("timezone").unwrap_or_default(),
        departments: Vec::new(),
    })
}

/// The answer of `POST /api/v1/chats`: the chat's id and token.
pub fn started<F: Fields>(json: &F) -> Option<(String, String)> {
    Some((json.text("chat_id")?, json.text("token")?))
}

/// The answer of `POST /api/v1/tickets`: the reference to quote.
pub fn ticket<F: Fields>(json: &F) -> Option<String> {
    json.text("ticket_id")
}

impl ToJson for ClientFrame {
    fn to_json(&self) -> String {
        match self {
            Self::Message { id, text } => Object::new()
                .text("type", "message")
                .text("id", id)
                .text("text", text),
            Self::Typing { active } => Object::new().text("type", "typing").flag("active", *active),
            Self::Close => Object::new().text("type", "close"),
        }
        .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::{ChatStarted, Department, TicketCreated};
    use serde_json::Value;

    use crate::json;

    fn parse(json: &str) -> Value {
        json::parse(json).unwrap_or(Value::Null)
    }

    fn read(json: &str) -> Option<ServerFrame> {
        frame(&parse(json))
    }

    fn event_frame(seq: u64, body: EventBody) -> ServerFrame {
        ServerFrame::Event {
            event: ChatEvent {
                seq,
                at: "2026-11-26T15:04:05.123Z".into(),
                body,
            },
        }
    }

    #[test]
    fn reads_every_server_frame_as_the_wire_types_write_it() {
        let frames = [
            event_frame(
                4,
                EventBody::Message {
                    from: Party::Staff,
                    name: Some("Alex".into()),
                    text: "Which street?".into(),
                },
            ),
            event_frame(
                5,
                EventBody::Message {
                    from: Party::Resident,
                    name: None,
                    text: "Elm".into(),
                },
            ),
            event_frame(
                2,
                EventBody::Joined {
                    name: "Alex".into(),
                    department: Some("Public Works".into()),
                },
            ),
            event_frame(
                3,
                EventBody::Joined {
                    name: "Sam".into(),
                    department: None,
                },
            ),
            event_frame(
                6,
                EventBody::Transferred {
                    department: "Parks".into(),
                },
            ),
            event_frame(9, EventBody::Closed { by: Party::System }),
            ServerFrame::Ack {
                id: "m-1".into(),
                seq: 3,
            },
            ServerFrame::Queue {
                position: 2,
                wait_seconds: Some(180),
            },
            ServerFrame::Queue {
                position: 1,
                wait_seconds: None,
            },
            ServerFrame::Typing { active: true },
            ServerFrame::Error {
                code: ErrorCode::ChatClosed,
                message: "closed".into(),
            },
        ];
        for expected in frames {
            let json = serde_json::to_string(&expected).expect("serialises");
            assert_eq!(read(&json), Some(expected), "{json}");
        }
    }

    #[test]
    fn reads_the_documented_examples() {
        let got = read(
            r#"{"type": "event", "event": {"seq": 4, "at": "2026-11-26T15:04:05.123Z", "kind": "message", "from": "staff", "name": "Alex", "text": "Which street?"}}"#,
        );
        assert!(matches!(got, Some(ServerFrame::Event { event }) if event.seq == 4));
        assert_eq!(
            read(r#"{"type": "queue", "position": 2, "wait_seconds": 180}"#),
            Some(ServerFrame::Queue {
                position: 2,
                wait_seconds: Some(180)
            })
        );
    }

    #[test]
    fn ignores_what_it_does_not_understand() {
        assert_eq!(read("not json"), None);
        assert_eq!(read(r#"{"type":"party","confetti":true}"#), None);
        assert_eq!(read(r#"{"type":"ack","id":"m"}"#), None);
        assert_eq!(
            read(r#"{"type":"event","event":{"seq":1,"at":"x","kind":"dance"}}"#),
            None
        );
        assert_eq!(
            read(r#"{"type":"event","event":{"seq":1,"at":"x","kind":"message","text":"hi"}}"#),
            None
        );
    }

    #[test]
    fn reads_availability_as_the_server_writes_it() {
        let sent = Availability {
            enabled: true,
            open: false,
            office_hours: true,
            next_open: Some("2026-11-30T08:00:00-06:00".into()),
            timezone: "America/Chicago".into(),
            departments: vec![Department {
                id: "public-works".into(),
                name: "Public Works".into(),
            }],
        };
        let json = serde_json::to_string(&sent).expect("serialises");
        let got = availability(&parse(&json)).expect("reads");
        assert_eq!(got.next_open, sent.next_open);
        assert_eq!(
            (got.enabled, got.open, got.office_hours),
            (true, false, true)
        );
        assert_eq!(got.timezone, "America/Chicago");
        assert_eq!(availability(&parse("{}")), None);
    }

    #[test]
    fn reads_a_new_chat_with_or_without_its_department() {
        for department in [
            None,
            Some(Department {
                id: "parks".into(),
                name: "Parks".into(),
            }),
        ] {
            let sent = ChatStarted {
                chat_id: "c-1".into(),
                token: "secret".into(),
                department,
            };
            let json = serde_json::to_string(&sent).expect("serialises");
            assert_eq!(
                started(&parse(&json)),
                Some(("c-1".into(), "secret".into()))
            );
        }
    }

    #[test]
    fn reads_a_new_ticket() {
        let json = serde_json::to_string(&TicketCreated {
            ticket_id: "T-7Q4K2M".into(),
        })
        .expect("serialises");
        assert_eq!(ticket(&parse(&json)).as_deref(), Some("T-7Q4K2M"));
    }

    #[test]
    fn error_codes_read_by_their_wire_name() {
        for code in ErrorCode::ALL {
            assert_eq!(error_code(code.as_str()), Some(code));
        }
        assert_eq!(error_code("gremlins"), None);
    }

    #[test]
    fn writes_what_the_wire_types_read() {
        let frames = [
            ClientFrame::Message {
                id: "3f1c".into(),
                text: "My bin \"was\" not emptied".into(),
            },
            ClientFrame::Typing { active: true },
            ClientFrame::Typing { active: false },
            ClientFrame::Close,
        ];
        for frame in frames {
            let json = frame.to_json();
            assert_eq!(serde_json::to_string(&frame).expect("serialises"), json);
            assert_eq!(
                serde_json::from_str::<ClientFrame>(&json).expect("parses"),
                frame
            );
        }
    }
}
