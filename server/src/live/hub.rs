//! In-process fan-out of live-chat signals: per chat (to the resident's connections) and per
//! site (to staff consoles), plus which staff are online.
//!
//! Signals are hints, never the record: the store has every event, and a connection that
//! sees a gap in `seq` (or lags behind its channel) reads what it missed from the store. So a
//! lost signal delays a message but never loses it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use protocol::{ChatEvent, Party};
use tokio::sync::broadcast;

/// What a resident's connection hears about its chat.
#[derive(Debug, Clone, PartialEq)]
pub enum ChatSignal {
    /// A new stored event (its text as typed, not as stored).
    Event(ChatEvent),
    /// The chat's place in the queue changed.
    Queue {
        /// 1 = next.
        position: u32,
        /// Estimated wait, when known.
        wait_seconds: Option<u32>,
    },
    /// Someone in the chat started or stopped typing.
    Typing {
        /// Who.
        from: Party,
        /// Whether they are typing now.
        active: bool,
    },
}

/// What staff consoles of a site hear.
#[derive(Debug, Clone, PartialEq)]
pub enum SiteSignal {
    /// The queue or someone's chats changed: fetch the queue again.
    QueueChanged,
    /// A new event in chat `chat_id`.
    Event {
        /// The chat.
        chat_id: String,
        /// The event (text as typed).
        event: ChatEvent,
    },
    /// The resident of `chat_id` started or stopped typing.
    Typing {
        /// The chat.
        chat_id: String,
        /// Whether they are typing now.
        active: bool,
    },
}

/// Buffered signals per chat before a slow listener lags (and then reads the store).
const CAPACITY: usize = 64;
/// Buffered signals per site: every event of every chat passes through it.
const SITE_CAPACITY: usize = 4096;

/// The fan-out. Cheap to share (`Arc`).
#[derive(Debug, Default)]
pub struct Hub {
    chats: Mutex<HashMap<String, broadcast::Sender<ChatSignal>>>,
    sites: Mutex<HashMap<String, broadcast::Sender<SiteSignal>>>,
    online: Mutex<HashMap<String, usize>>,
    /// Sites with a queue update scheduled but not yet started.
    queue_updates: Mutex<std::collections::HashSet<String>>,
    /// Set when the server shuts down: every open socket says so and closes.
    closing: tokio::sync::watch::Sender<bool>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Hub {
    /// Listens to chat `id`.
    pub fn subscribe_chat(&self, id: &str) -> broadcast::Receiver<ChatSignal> {
        lock(&self.chats)
            .entry(id.to_owned())
            .or_insert_with(|| broadcast::channel(CAPACITY).0)
            .subscribe()
    }

    /// Tells chat `id`'s listeners, if any.
    pub fn to_chat(&self, id: &str, signal: ChatSignal) {
        let mut chats = lock(&self.chats);
        if let Some(sender) = chats.get(id)
            && sender.send(signal).is_err()
        {
            // Nobody listens any more.
            chats.remove(id);
        }
    }

    /// Listens to site `site`.
    pub fn subscribe_site(&self, site: &str) -> broadcast::Receiver<SiteSignal> {
        lock(&self.sites)
            .entry(site.to_owned())
            .or_insert_with(|| broadcast::channel(SITE_CAPACITY).0)
            .subscribe()
    }

    /// Tells site `site`'s consoles, if any.
    pub fn to_site(&self, site: &str, signal: SiteSignal) {
        if let Some(sender) = lock(&self.sites).get(site) {
            let _ = sender.send(signal);
        }
    }

    /// A receiver that changes when the server starts shutting down.
    pub fn closing(&self) -> tokio::sync::watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// Tells every open socket the server is going away (they close with "service restart",
    /// and clients reconnect to this or another replica).
    pub fn close_all(&self) {
        self.closing.send_replace(true);
    }

    /// Schedules a queue update for `site`; `false` when one is already scheduled (and will
    /// see this change too).
    pub fn schedule_queue_update(&self, site: &str) -> bool {
        lock(&self.queue_updates).insert(site.to_owned())
    }

    /// A scheduled queue update for `site` starts reading the queue: later changes need a new
    /// one.
    pub fn queue_update_started(&self, site: &str) {
        lock(&self.queue_updates).remove(site);
    }

    /// Marks one staff console of `site` online until the returned guard is dropped.
    pub fn staff_online(self: &Arc<Self>, site: &str) -> OnlineGuard {
        *lock(&self.online).entry(site.to_owned()).or_default() += 1;
        OnlineGuard {
            hub: Arc::clone(self),
            site: site.to_owned(),
        }
    }

    /// How many staff consoles of `site` are connected.
    pub fn online(&self, site: &str) -> usize {
        lock(&self.online).get(site).copied().unwrap_or_default()
    }
}

/// Keeps a staff console counted as online.
#[derive(Debug)]
pub struct OnlineGuard {
    hub: Arc<Hub>,
    site: String,
}

impl Drop for OnlineGuard {
    fn drop(&mut self) {
        let mut online = lock(&self.hub.online);
        if let Some(n) = online.get_mut(&self.site) {
            *n = n.saturating_sub(1);
        }
        // Others learn the count changed from the queue.
        drop(online);
        self.hub.to_site(&self.site, SiteSignal::QueueChanged);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn chat_signals_reach_their_listeners_only() {
        let hub = Hub::default();
        let mut a = hub.subscribe_chat("a");
        let mut b = hub.subscribe_chat("b");
        hub.to_chat(
            "a",
            ChatSignal::Typing {
                from: Party::Staff,
                active: true,
            },
        );
        assert!(matches!(
            a.recv().await,
            Ok(ChatSignal::Typing { active: true, .. })
        ));
        assert!(b.try_recv().is_err());
    }

    #[test]
    fn presence_counts_connections() {
        let hub = Arc::new(Hub::default());
        let first = hub.staff_online("riverton");
        let second = hub.staff_online("riverton");
        assert_eq!(hub.online("riverton"), 2);
        drop(first);
        assert_eq!(hub.online("riverton"), 1);
        drop(second);
        assert_eq!(hub.online("riverton"), 0);
        assert_eq!(hub.online("elsewhere"), 0);
    }
}
