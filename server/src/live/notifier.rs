//! Live-chat signals across replicas: when several `wayfinder serve` processes share one
//! PostgreSQL database, what happens on one reaches the residents and staff connected to the
//! others.
//!
//! Two kinds of [`Note`] travel between replicas:
//!
//! - durable changes, sent by the store itself in the transaction that makes them (so they
//!   arrive exactly when, and only if, the change is committed): a chat's new event
//!   ([`Note::Event`], chat id and `seq` only: the receiver reads the event from the store)
//!   and a queue change ([`Note::Queue`]);
//! - ephemeral signals, sent by the [`Hub`](super::hub::Hub) through a [`Notifier`]: typing
//!   and how many staff consoles each replica has open (best effort: a lost one is corrected
//!   by the next, and presence expires unless repeated).
//!
//! Each replica's listener hands what others sent to [`apply`], which feeds the local hub.
//! With SQLite there is one replica, and [`InProcess`] sends nothing: the hub alone reaches
//! every connection. [`postgres`] is the notifier over `LISTEN`/`NOTIFY`.

pub mod postgres;

use protocol::Party;
use serde::{Deserialize, Serialize};

use super::hub::{ChatSignal, SiteSignal};
use crate::state::AppState;

/// The PostgreSQL notification channel every replica listens on.
pub const CHANNEL: &str = "wayfinder";

/// What one replica tells the others. Small on purpose (PostgreSQL limits a notification to
/// 8000 bytes): events travel as their number, never their text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// Event `seq` of chat `chat` of `site` was stored: read it from the store.
    Event {
        /// The chat's site.
        site: String,
        /// The chat.
        chat: String,
        /// The event's number.
        seq: u64,
    },
    /// `site`'s queue changed (a chat was created, accepted, transferred or closed).
    Queue {
        /// The site.
        site: String,
    },
    /// Someone in chat `chat` started or stopped typing (for the resident's connections).
    ChatTyping {
        /// The chat.
        chat: String,
        /// Who.
        from: Party,
        /// Whether they are typing now.
        active: bool,
    },
    /// The resident of `chat` started or stopped typing (for `site`'s consoles).
    SiteTyping {
        /// The site.
        site: String,
        /// The chat.
        chat: String,
        /// Whether they are typing now.
        active: bool,
    },
    /// The sender has `count` staff consoles of `site` open (repeated while non-zero).
    Presence {
        /// The site.
        site: String,
        /// Open consoles on the sender.
        count: usize,
    },
    /// The sender (re)started listening: everyone tells their presence again.
    Hello,
}

/// A note with its sender, as sent over the channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// The sending replica's name (random per process).
    pub from: String,
    /// What it says.
    pub note: Note,
}

/// Sends ephemeral notes to the other replicas. Never blocks and never fails the caller: a
/// note that cannot be sent is logged and dropped (the store remains the record).
pub trait Notifier: Send + Sync + std::fmt::Debug {
    /// Tells every other replica, if there are any.
    fn send(&self, note: Note);
}

/// The notifier of a single replica (SQLite): there is nobody else to tell.
#[derive(Debug, Default, Clone, Copy)]
pub struct InProcess;

impl Notifier for InProcess {
    fn send(&self, _note: Note) {}
}

/// Applies what replica `from` sent to this replica's hub: events are read from the store
/// (only when someone here listens to the chat or its site), queue changes refresh consoles
/// and queue places, typing and presence are passed on.
pub async fn apply(state: &AppState, from: &str, note: Note) {
    match note {
        Note::Event { site, chat, seq } => {
            if !state.hub.listens_chat(&chat) && !state.hub.listens_site(&site) {
                return;
            }
            match state.store.events_after(&chat, seq.saturating_sub(1)).await {
                // Later events too, if already stored: connections skip what they have.
                Ok(events) => {
                    for event in events {
                        super::publish(state, &site, &chat, event);
                    }
                }
                Err(e) => tracing::warn!(error = %e, "event from another replica not read"),
            }
        }
        Note::Queue { site } => super::queue_changed(state, &site).await,
        Note::ChatTyping { chat, from, active } => {
            state
                .hub
                .deliver_chat(&chat, ChatSignal::Typing { from, active });
        }
        Note::SiteTyping { site, chat, active } => {
            state.hub.deliver_site(
                &site,
                SiteSignal::Typing {
                    chat_id: chat,
                    active,
                },
            );
        }
        Note::Presence { site, count } => {
            if state.hub.set_remote_online(from, &site, count) {
                // Consoles show who is online; residents' estimates depend on it.
                super::queue_changed(state, &site).await;
            }
        }
        Note::Hello => state.hub.announce_presence(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_stay_small_and_round_trip() {
        let envelope = Envelope {
            from: "3f2a9c".into(),
            note: Note::Event {
                site: "riverton".into(),
                chat: "0b5e7d1c-8d7b-4f8e-9a55-2d5f3c1e9b70".into(),
                seq: 42,
            },
        };
        let json = serde_json::to_string(&envelope).unwrap();
        assert!(json.len() < 200, "{json}");
        assert_eq!(serde_json::from_str::<Envelope>(&json).unwrap(), envelope);
        let typing = Envelope {
            from: "x".into(),
            note: Note::ChatTyping {
                chat: "c".into(),
                from: Party::Staff,
                active: true,
            },
        };
        let json = serde_json::to_string(&typing).unwrap();
        assert_eq!(serde_json::from_str::<Envelope>(&json).unwrap(), typing);
    }
}
