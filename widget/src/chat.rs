//! One live chat as the widget follows it: which events were already shown (so none is shown
//! twice), the resident's messages not yet acknowledged (resent after a reconnect), the place
//! in the queue, and who is answering.

use protocol::live::MAX_CHAT_MESSAGE_CHARS;
use protocol::{ChatEvent, ClientFrame, EventBody, Party};

use crate::queue::QueueNote;
use crate::resume::StoredChat;

/// A message of the resident's that the server has not acknowledged yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The widget's own id for it (the server ignores a second copy with the same id).
    pub id: String,
    /// The text, trimmed and cut to [`MAX_CHAT_MESSAGE_CHARS`].
    pub text: String,
}

impl Outgoing {
    /// The frame that sends it.
    pub fn frame(&self) -> ClientFrame {
        ClientFrame::Message {
            id: self.id.clone(),
            text: self.text.clone(),
        }
    }
}

/// How an event that was not seen before is to be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Show it and announce it.
    New,
    /// Show it without announcing it: the resident saw it before the page was reloaded.
    Earlier,
    /// The resident's own message coming back: it is already in the transcript.
    Own,
}

/// The state of one chat.
#[derive(Debug, Clone)]
pub struct Chat {
    chat_id: String,
    token: String,
    lang: String,
    /// The last event received on this page.
    last_seq: u64,
    /// Events up to this one were shown before the page was reloaded.
    seen_before: u64,
    /// Sequence numbers of acknowledged messages sent from this page.
    own: Vec<u64>,
    outbox: Vec<Outgoing>,
    queue: Option<QueueNote>,
    staff: Option<String>,
    closed: bool,
    ending: bool,
}

impl Chat {
    /// A chat that has just been created.
    pub fn started(chat_id: &str, token: &str, lang: &str) -> Self {
        Self::resumed(StoredChat {
            chat_id: chat_id.to_owned(),
            token: token.to_owned(),
            last_seq: 0,
            lang: lang.to_owned(),
        })
    }

    /// A chat carried over from before a reload. The page shows nothing of it yet, so it is
    /// replayed from the start; events up to `stored.last_seq` come back without announcements.
    pub fn resumed(stored: StoredChat) -> Self {
        Self {
            chat_id: stored.chat_id,
            token: stored.token,
            lang: stored.lang,
            last_seq: 0,
            seen_before: stored.last_seq,
            own: Vec::new(),
            outbox: Vec::new(),
            queue: None,
            staff: None,
            closed: false,
            ending: false,
        }
    }

    /// What to keep for reconnecting after a reload.
    pub fn stored(&self) -> StoredChat {
        StoredChat {
            chat_id: self.chat_id.clone(),
            token: self.token.clone(),
            last_seq: self.last_seq.max(self.seen_before),
            lang: self.lang.clone(),
        }
    }

    /// The chat's id.
    pub fn chat_id(&self) -> &str {
        &self.chat_id
    }

    /// The resident's secret for the chat.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The language the chat was started in.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The last event received: `after` when connecting again.
    pub fn after(&self) -> u64 {
        self.last_seq
    }

    /// Takes in an event. `None` when it was already received (drop it); otherwise how to
    /// show it. Keeps track of who answers and whether the chat has ended.
    pub fn receive(&mut self, event: &ChatEvent) -> Option<Arrival> {
        if event.seq <= self.last_seq {
            return None;
        }
        self.last_seq = event.seq;
        match &event.body {
            EventBody::Joined { name, .. } => {
                self.staff = Some(name.clone());
                self.queue = None;
            }
            EventBody::Transferred { .. } => {
                self.staff = None;
                self.queue = None;
            }
            EventBody::Closed { .. } => self.closed = true,
            EventBody::Message {
                from: Party::Resident,
                text,
                ..
            } => {
                if let Some(i) = self.own.iter().position(|seq| *seq == event.seq) {
                    self.own.swap_remove(i);
                    return Some(Arrival::Own);
                }
                // The copy can overtake the acknowledgement; the outbox keeps the message
                // until the acknowledgement comes.
                if self.outbox.iter().any(|out| out.text == *text) {
                    return Some(Arrival::Own);
                }
            }
            EventBody::Message { .. } => {}
        }
        Some(if event.seq <= self.seen_before {
            Arrival::Earlier
        } else {
            Arrival::New
        })
    }

    /// Puts a message of the resident's in the outbox under the widget's `id`; `None` when
    /// there is nothing to send (only white space) or the chat has ended.
    pub fn write(&mut self, id: String, text: &str) -> Option<Outgoing> {
        let text = text.trim();
        if text.is_empty() || self.closed {
            return None;
        }
        let out = Outgoing {
            id,
            text: text.chars().take(MAX_CHAT_MESSAGE_CHARS).collect(),
        };
        self.outbox.push(out.clone());
        Some(out)
    }

    /// The server stored message `id` as event `seq`. Returns whether it was still waiting
    /// (a repeated acknowledgement returns `false`).
    pub fn ack(&mut self, id: &str, seq: u64) -> bool {
        let Some(i) = self.outbox.iter().position(|out| out.id == id) else {
            return false;
        };
        self.outbox.remove(i);
        if seq > self.last_seq {
            self.own.push(seq);
        }
        true
    }

    /// The messages to send again after reconnecting, oldest first.
    pub fn outbox(&self) -> &[Outgoing] {
        &self.outbox
    }

    /// Takes in the place in the queue. Returns whether it reads differently from before
    /// (only then is it shown and announced).
    pub fn queue(&mut self, note: QueueNote) -> bool {
        let changed = self.queue != Some(note);
        self.queue = Some(note);
        changed
    }

    /// The place in the queue while waiting.
    pub fn queue_note(&self) -> Option<QueueNote> {
        self.queue
    }

    /// The staff member answering, once one has joined.
    pub fn staff(&self) -> Option<&str> {
        self.staff.as_deref()
    }

    /// Whether the chat has ended.
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// Notes that the resident asked to end the chat (sent again after a reconnect until the
    /// chat's `closed` event arrives).
    pub fn end(&mut self) {
        self.ending = true;
    }

    /// Whether the resident asked to end the chat.
    pub fn ending(&self) -> bool {
        self.ending
    }
}

/// A random (version 4) UUID from 128 random bits, as the id of a message.
pub fn message_id(random: [u32; 4]) -> String {
    let mut bytes = [0_u8; 16];
    for (chunk, word) in bytes.chunks_exact_mut(4).zip(random) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(36);
    for (i, byte) in bytes.into_iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            id.push('-');
        }
        id.push(char::from(HEX[usize::from(byte >> 4)]));
        id.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(seq: u64, body: EventBody) -> ChatEvent {
        ChatEvent {
            seq,
            at: "2026-11-26T15:04:05Z".into(),
            body,
        }
    }

    fn staff_says(seq: u64, text: &str) -> ChatEvent {
        event(
            seq,
            EventBody::Message {
                from: Party::Staff,
                name: Some("Alex".into()),
                text: text.into(),
            },
        )
    }

    fn resident_says(seq: u64, text: &str) -> ChatEvent {
        event(
            seq,
            EventBody::Message {
                from: Party::Resident,
                name: None,
                text: text.into(),
            },
        )
    }

    #[test]
    fn an_event_is_taken_once() {
        let mut chat = Chat::started("c", "t", "en");
        assert_eq!(chat.receive(&staff_says(1, "Hi")), Some(Arrival::New));
        assert_eq!(chat.receive(&staff_says(1, "Hi")), None);
        assert_eq!(
            chat.receive(&staff_says(2, "Which street?")),
            Some(Arrival::New)
        );
        // A replay after reconnecting starts after the last one, but stray repeats are dropped.
        assert_eq!(chat.receive(&staff_says(1, "Hi")), None);
        assert_eq!(chat.after(), 2);
    }

    #[test]
    fn a_resumed_chat_replays_quietly_up_to_what_was_seen() {
        let stored = StoredChat {
            chat_id: "c".into(),
            token: "t".into(),
            last_seq: 2,
            lang: "es".into(),
        };
        let mut chat = Chat::resumed(stored);
        assert_eq!(chat.after(), 0);
        assert_eq!(chat.receive(&staff_says(1, "Hola")), Some(Arrival::Earlier));
        // Half-way through the replay, what is kept never goes back.
        assert_eq!(chat.stored().last_seq, 2);
        assert_eq!(
            chat.receive(&resident_says(2, "Mi calle")),
            Some(Arrival::Earlier)
        );
        assert_eq!(chat.receive(&staff_says(3, "Gracias")), Some(Arrival::New));
        assert_eq!(chat.stored().last_seq, 3);
        assert_eq!(chat.lang(), "es");
    }

    #[test]
    fn the_outbox_keeps_messages_until_acknowledged() {
        let mut chat = Chat::started("c", "t", "en");
        assert_eq!(chat.write("m0".into(), "  \n "), None);
        let first = chat
            .write("m1".into(), " My bin was not emptied ")
            .expect("a message");
        assert_eq!(first.text, "My bin was not emptied");
        chat.write("m2".into(), "Elm Street").expect("a message");
        let ids: Vec<&str> = chat.outbox().iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["m1", "m2"]);
        assert!(chat.ack("m1", 3));
        // The server re-acknowledges a resent copy: nothing changes.
        assert!(!chat.ack("m1", 3));
        assert_eq!(chat.outbox().len(), 1);
        assert_eq!(
            chat.outbox()[0].frame(),
            ClientFrame::Message {
                id: "m2".into(),
                text: "Elm Street".into()
            }
        );
    }

    #[test]
    fn own_messages_coming_back_are_not_shown_again() {
        let mut chat = Chat::started("c", "t", "en");
        chat.write("m1".into(), "Hello").expect("a message");
        assert!(chat.ack("m1", 1));
        assert_eq!(chat.receive(&resident_says(1, "Hello")), Some(Arrival::Own));
        // The copy may come before its acknowledgement.
        chat.write("m2".into(), "Elm Street").expect("a message");
        assert_eq!(
            chat.receive(&resident_says(2, "Elm Street")),
            Some(Arrival::Own)
        );
        assert!(chat.ack("m2", 2));
        // A resident message this page did not send (sent before a reload) is shown.
        assert_eq!(
            chat.receive(&resident_says(3, "Earlier words")),
            Some(Arrival::New)
        );
    }

    #[test]
    fn long_messages_are_cut_to_the_limit() {
        let mut chat = Chat::started("c", "t", "en");
        let long = "ü".repeat(MAX_CHAT_MESSAGE_CHARS + 10);
        let out = chat.write("m".into(), &long).expect("a message");
        assert_eq!(out.text.chars().count(), MAX_CHAT_MESSAGE_CHARS);
    }

    #[test]
    fn queue_notes_count_only_when_they_change() {
        let mut chat = Chat::started("c", "t", "en");
        assert!(chat.queue(QueueNote::new(2, Some(180))));
        assert!(!chat.queue(QueueNote::new(2, Some(170))));
        assert!(chat.queue(QueueNote::new(1, Some(170))));
        assert!(chat.queue(QueueNote::new(1, None)));
    }

    #[test]
    fn joining_transferring_and_closing_are_followed() {
        let mut chat = Chat::started("c", "t", "en");
        chat.queue(QueueNote::new(1, None));
        let joined = EventBody::Joined {
            name: "Alex".into(),
            department: Some("Public Works".into()),
        };
        chat.receive(&event(1, joined));
        assert_eq!(chat.staff(), Some("Alex"));
        assert_eq!(chat.queue_note(), None);
        let moved = EventBody::Transferred {
            department: "Parks".into(),
        };
        chat.receive(&event(2, moved));
        assert_eq!(chat.staff(), None);
        assert!(!chat.closed());
        chat.receive(&event(3, EventBody::Closed { by: Party::Staff }));
        assert!(chat.closed());
        assert_eq!(chat.write("m".into(), "too late"), None);
    }

    #[test]
    fn ending_is_remembered_until_closed() {
        let mut chat = Chat::started("c", "t", "en");
        assert!(!chat.ending());
        chat.end();
        assert!(chat.ending());
    }

    #[test]
    fn message_ids_are_version_4_uuids() {
        let id = message_id([0x0123_4567, 0x89ab_cdef, 0xffff_ffff, 0x0000_0000]);
        assert_eq!(id, "01234567-89ab-4def-bfff-ffff00000000");
        assert_eq!(message_id([0; 4]).len(), 36);
        assert_ne!(message_id([1, 2, 3, 4]), message_id([1, 2, 3, 5]));
    }
}
