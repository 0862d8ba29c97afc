//! In-process fan-out of live-chat signals: per chat (to the resident's connections) and per
//! site (to staff consoles), plus which staff are online.
//!
//! Signals are hints, never the record: the store has every event, and a connection that
//! sees a gap in `seq` (or lags behind its channel) reads what it missed from the store. So a
//! lost signal delays a message but never loses it.
//!
//! With several replicas, [`Hub::to_chat`] and [`Hub::to_site`] also pass typing to the
//! other replicas through the hub's [`Notifier`], and consoles opening or closing tell them
//! this replica's staff presence; [`Hub::deliver_chat`] and [`Hub::deliver_site`] reach this
//! replica's connections only (for what other replicas sent). Events and queue changes reach
//! other replicas from the store's commit, not from here: see [`super::notifier`].

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use protocol::{ChatEvent, Party};
use tokio::sync::broadcast;

use super::notifier::{InProcess, Note, Notifier};

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

/// How long another replica's staff presence counts without being repeated (it repeats it
/// every [`HEARTBEAT`](super::notifier::postgres::HEARTBEAT) while it has consoles open).
pub const PRESENCE_TTL: Duration = Duration::from_secs(30);

/// The fan-out. Cheap to share (`Arc`).
#[derive(Debug)]
pub struct Hub {
    chats: Mutex<HashMap<String, broadcast::Sender<ChatSignal>>>,
    sites: Mutex<HashMap<String, broadcast::Sender<SiteSignal>>>,
    /// Staff consoles open on this replica, per site.
    online: Mutex<HashMap<String, usize>>,
    /// Staff consoles open on other replicas, per (replica, site), with when they said so.
    remote_online: Mutex<HashMap<(String, String), (usize, Instant)>>,
    /// Sites with a queue update scheduled but not yet started.
    queue_updates: Mutex<std::collections::HashSet<String>>,
    /// Set when the server shuts down: every open socket says so and closes.
    closing: tokio::sync::watch::Sender<bool>,
    /// The other replicas, if any.
    others: Arc<dyn Notifier>,
}

impl Default for Hub {
    /// A hub for a single replica.
    fn default() -> Self {
        Self::new(Arc::new(InProcess))
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Hub {
    /// A hub that tells `others` (the other replicas) about typing and staff presence.
    pub fn new(others: Arc<dyn Notifier>) -> Self {
        Self {
            chats: Mutex::default(),
            sites: Mutex::default(),
            online: Mutex::default(),
            remote_online: Mutex::default(),
            queue_updates: Mutex::default(),
            closing: tokio::sync::watch::Sender::default(),
            others,
        }
    }

    /// Listens to chat `id`.
    ///
    /// Chats nobody listens to any more are dropped here: a chat whose sockets closed and
    /// that got no later signal would otherwise keep its channel (a buffer of `CAPACITY`
    /// signals) for as long as the process runs. A channel keeps nothing for listeners to
    /// come, so nothing is lost.
    pub fn subscribe_chat(&self, id: &str) -> broadcast::Receiver<ChatSignal> {
        let mut chats = lock(&self.chats);
        chats.retain(|_, sender| sender.receiver_count() > 0);
        chats
            .entry(id.to_owned())
            .or_insert_with(|| broadcast::channel(CAPACITY).0)
            .subscribe()
    }

    /// Tells chat `id`'s listeners, here and (typing) on the other replicas.
    pub fn to_chat(&self, id: &str, signal: ChatSignal) {
        if let ChatSignal::Typing { from, active } = &signal {
            self.others.send(Note::ChatTyping {
                chat: id.to_owned(),
                from: *from,
                active: *active,
            });
        }
        self.deliver_chat(id, signal);
    }

    /// Tells chat `id`'s listeners on this replica, if any.
    pub fn deliver_chat(&self, id: &str, signal: ChatSignal) {
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

    /// Tells site `site`'s consoles, here and (typing) on the other replicas.
    pub fn to_site(&self, site: &str, signal: SiteSignal) {
        if let SiteSignal::Typing { chat_id, active } = &signal {
            self.others.send(Note::SiteTyping {
                site: site.to_owned(),
                chat: chat_id.clone(),
                active: *active,
            });
        }
        self.deliver_site(site, signal);
    }

    /// Tells site `site`'s consoles on this replica, if any.
    pub fn deliver_site(&self, site: &str, signal: SiteSignal) {
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

    /// Whether a connection on this replica listens to chat `id`.
    pub fn listens_chat(&self, id: &str) -> bool {
        lock(&self.chats)
            .get(id)
            .is_some_and(|sender| sender.receiver_count() > 0)
    }

    /// Whether a console on this replica listens to site `site`.
    pub fn listens_site(&self, site: &str) -> bool {
        lock(&self.sites)
            .get(site)
            .is_some_and(|sender| sender.receiver_count() > 0)
    }

    /// The chats connections on this replica listen to.
    pub fn listened_chats(&self) -> Vec<String> {
        lock(&self.chats)
            .iter()
            .filter(|(_, sender)| sender.receiver_count() > 0)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The sites consoles on this replica listen to.
    pub fn listened_sites(&self) -> Vec<String> {
        lock(&self.sites)
            .iter()
            .filter(|(_, sender)| sender.receiver_count() > 0)
            .map(|(site, _)| site.clone())
            .collect()
    }

    /// Marks one staff console of `site` online until the returned guard is dropped.
    pub fn staff_online(self: &Arc<Self>, site: &str) -> OnlineGuard {
        let count = {
            let mut online = lock(&self.online);
            let count = online.entry(site.to_owned()).or_default();
            *count += 1;
            *count
        };
        self.others.send(Note::Presence {
            site: site.to_owned(),
            count,
        });
        OnlineGuard {
            hub: Arc::clone(self),
            site: site.to_owned(),
        }
    }

    /// How many staff consoles of `site` are connected, on this replica and (as last told,
    /// within [`PRESENCE_TTL`]) on the others.
    pub fn online(&self, site: &str) -> usize {
        let here = lock(&self.online).get(site).copied().unwrap_or_default();
        let now = Instant::now();
        let elsewhere: usize = lock(&self.remote_online)
            .iter()
            .filter(|((_, s), (_, at))| s == site && now.duration_since(*at) < PRESENCE_TTL)
            .map(|(_, (count, _))| count)
            .sum();
        here + elsewhere
    }

    /// Records that `replica` has `count` consoles of `site` open; `true` when that changes
    /// the count (not a mere repetition).
    pub fn set_remote_online(&self, replica: &str, site: &str, count: usize) -> bool {
        let now = Instant::now();
        let mut remote = lock(&self.remote_online);
        remote.retain(|_, (_, at)| now.duration_since(*at) < PRESENCE_TTL);
        let key = (replica.to_owned(), site.to_owned());
        let before = remote.get(&key).map(|(c, _)| *c).unwrap_or_default();
        if count == 0 {
            remote.remove(&key);
        } else {
            remote.insert(key, (count, now));
        }
        before != count
    }

    /// Tells the other replicas how many consoles of each site are open here (sites with
    /// none are told once, when their last console closes).
    pub fn announce_presence(&self) {
        let counts: Vec<(String, usize)> = lock(&self.online)
            .iter()
            .filter(|(_, count)| **count > 0)
            .map(|(site, count)| (site.clone(), *count))
            .collect();
        for (site, count) in counts {
            self.others.send(Note::Presence { site, count });
        }
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
        let count = online.get_mut(&self.site).map_or(0, |n| {
            *n = n.saturating_sub(1);
            *n
        });
        // Others learn the count changed from the queue.
        drop(online);
        self.hub.others.send(Note::Presence {
            site: self.site.clone(),
            count,
        });
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
    fn chats_nobody_listens_to_are_dropped() {
        let hub = Hub::default();
        let ended = hub.subscribe_chat("ended");
        let _open = hub.subscribe_chat("open");
        drop(ended);
        let _new = hub.subscribe_chat("new");
        let mut kept: Vec<String> = lock(&hub.chats).keys().cloned().collect();
        kept.sort();
        assert_eq!(kept, ["new", "open"]);
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

    #[test]
    fn other_replicas_presence_adds_up_and_changes_are_told_apart() {
        let hub = Arc::new(Hub::default());
        let _here = hub.staff_online("riverton");
        assert!(hub.set_remote_online("b", "riverton", 2));
        assert!(!hub.set_remote_online("b", "riverton", 2), "a repetition");
        assert!(hub.set_remote_online("c", "riverton", 1));
        assert_eq!(hub.online("riverton"), 4);
        assert!(hub.set_remote_online("b", "riverton", 0));
        assert_eq!(hub.online("riverton"), 2);
        assert_eq!(hub.online("elsewhere"), 0);
    }

    #[derive(Debug, Default)]
    struct Recorder(Mutex<Vec<Note>>);

    impl Notifier for Recorder {
        fn send(&self, note: Note) {
            lock(&self.0).push(note);
        }
    }

    #[tokio::test]
    async fn typing_and_presence_reach_other_replicas_but_events_do_not() {
        let recorder = Arc::new(Recorder::default());
        let hub = Arc::new(Hub::new(recorder.clone()));
        let mut chat = hub.subscribe_chat("c1");
        hub.to_chat(
            "c1",
            ChatSignal::Event(ChatEvent {
                seq: 1,
                at: "2026-11-26T10:00:00.000Z".into(),
                body: protocol::EventBody::Closed {
                    by: Party::Resident,
                },
            }),
        );
        hub.to_site("riverton", SiteSignal::QueueChanged);
        assert!(lock(&recorder.0).is_empty(), "events travel from the store");
        assert!(matches!(chat.recv().await, Ok(ChatSignal::Event(_))));
        hub.to_chat(
            "c1",
            ChatSignal::Typing {
                from: Party::Staff,
                active: true,
            },
        );
        drop(hub.staff_online("riverton"));
        assert_eq!(
            *lock(&recorder.0),
            [
                Note::ChatTyping {
                    chat: "c1".into(),
                    from: Party::Staff,
                    active: true
                },
                Note::Presence {
                    site: "riverton".into(),
                    count: 1
                },
                Note::Presence {
                    site: "riverton".into(),
                    count: 0
                },
            ]
        );
        // What another replica sent reaches this one's connections only.
        hub.deliver_chat(
            "c1",
            ChatSignal::Typing {
                from: Party::Staff,
                active: false,
            },
        );
        assert_eq!(lock(&recorder.0).len(), 3);
        assert!(hub.listens_chat("c1"));
        assert_eq!(hub.listened_chats(), ["c1"]);
    }
}
