//! [`Notifier`] over PostgreSQL `LISTEN`/`NOTIFY`, for replicas sharing a [`PgStore`].
//!
//! Sending: ephemeral notes go through a queue to one task that runs `pg_notify` (so the hub
//! never waits on the database, and one replica's notes keep their order). Durable notes are
//! sent by the store inside its transactions.
//!
//! Listening: one connection per replica listens on [`CHANNEL`], skips its own notes and hands
//! the others' to [`apply`]. When that connection is lost it is opened again, and what the
//! replica's connections may have missed meanwhile is read from the store: the latest event
//! of every chat someone here follows is delivered again (a connection that sees a gap reads
//! the rest), and every followed site's consoles and queue places are refreshed. Reading
//! what was missed can fail too (PostgreSQL going away again just after it came back): it is
//! then tried again, with the same back-off, until it succeeds, while the replica listens on.
//! Every [`HEARTBEAT`] the replica repeats its staff presence, which others forget after
//! [`PRESENCE_TTL`](crate::live::hub::PRESENCE_TTL) (so a killed replica's staff stop counting).

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgListener;
use tokio::sync::mpsc;

use super::{CHANNEL, Envelope, Note, Notifier, apply};
use crate::state::AppState;
use crate::store::PgStore;

/// How often a replica repeats its staff presence.
pub const HEARTBEAT: Duration = Duration::from_secs(10);

/// The longest wait before trying to listen again (or to catch up again) after a failure.
const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// The longest one attempt to open the listening connection may take: while PostgreSQL is
/// away, attempts fail after this and are retried with back-off, so the replica listens again
/// soon after PostgreSQL is back.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// The name the listening connection shows in `pg_stat_activity`.
pub const LISTENER_APPLICATION: &str = "wayfinder-listener";

/// Notes to and from the other replicas through PostgreSQL.
#[derive(Debug)]
pub struct PgNotifier {
    outbox: mpsc::UnboundedSender<Note>,
}

impl PgNotifier {
    /// Starts the task that sends this replica's ephemeral notes.
    pub fn start(store: &PgStore) -> Arc<Self> {
        let (outbox, queue) = mpsc::unbounded_channel();
        tokio::spawn(send_all(store.clone(), queue));
        Arc::new(Self { outbox })
    }

    /// Starts listening to the other replicas for `state`'s hub: returns once the first
    /// `LISTEN` is in place (so nothing committed after start-up is missed), then keeps
    /// listening, reconnecting as needed, until the server shuts down.
    pub async fn listen(self: &Arc<Self>, store: PgStore, state: AppState) -> anyhow::Result<()> {
        let listener = connect(&store).await?;
        self.send(Note::Hello);
        tokio::spawn(listen_all(Arc::clone(self), store, state, listener));
        Ok(())
    }
}

impl Notifier for PgNotifier {
    fn send(&self, note: Note) {
        // Fails only when the sending task has ended, i.e. the runtime is going away.
        let _ = self.outbox.send(note);
    }
}

/// Sends queued notes, one at a time, in order.
async fn send_all(store: PgStore, mut queue: mpsc::UnboundedReceiver<Note>) {
    while let Some(note) = queue.recv().await {
        let envelope = Envelope {
            from: store.replica().to_owned(),
            note,
        };
        let Ok(payload) = serde_json::to_string(&envelope) else {
            continue;
        };
        if let Err(e) = sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(payload)
            .execute(store.pool())
            .await
        {
            tracing::warn!(error = %e, "note to other replicas not sent");
        }
    }
}

/// A new listening connection, listening.
async fn connect(store: &PgStore) -> Result<PgListener, sqlx::Error> {
    let options = store
        .pool()
        .connect_options()
        .as_ref()
        .clone()
        .application_name(LISTENER_APPLICATION);
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(CONNECT_TIMEOUT)
        .connect_lazy_with(options);
    let mut listener = PgListener::connect_with(&pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// Listens until the server shuts down, reconnecting (and catching up) after failures.
async fn listen_all(notifier: Arc<PgNotifier>, store: PgStore, state: AppState, first: PgListener) {
    let mut closing = state.hub.closing();
    let mut listener = Some(first);
    let mut backoff = Duration::from_millis(100);
    // When to try again to read what was missed while not listening, if that failed.
    let mut catch_up_due: Option<(tokio::time::Instant, Duration)> = None;
    loop {
        let mut current = match listener.take() {
            Some(current) => current,
            None => match connect(&store).await {
                Ok(current) => {
                    tracing::info!("listening to other replicas again");
                    backoff = Duration::from_millis(100);
                    notifier.send(Note::Hello);
                    catch_up_due = catch_up_or_retry(&store, &state, None).await;
                    current
                }
                Err(e) => {
                    tracing::warn!(error = %e, "cannot listen to other replicas; retrying");
                    tokio::select! {
                        () = tokio::time::sleep(backoff) => {}
                        _ = closing.changed() => return,
                    }
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    continue;
                }
            },
        };
        let mut heartbeat = tokio::time::interval(HEARTBEAT);
        loop {
            let retry_at = catch_up_due.map(|(at, _)| at);
            tokio::select! {
                _ = closing.changed() => return,
                _ = heartbeat.tick() => state.hub.announce_presence(),
                () = sleep_until(retry_at) => {
                    let last_wait = catch_up_due.map(|(_, wait)| wait);
                    catch_up_due = catch_up_or_retry(&store, &state, last_wait).await;
                }
                received = current.try_recv() => match received {
                    Ok(Some(notification)) => {
                        match serde_json::from_str::<Envelope>(notification.payload()) {
                            Ok(envelope) if envelope.from != store.replica() => {
                                apply(&state, &envelope.from, envelope.note).await;
                            }
                            Ok(_) => {}
                            Err(e) => tracing::warn!(error = %e, "unreadable note from another replica"),
                        }
                    }
                    Ok(None) => {
                        tracing::warn!("lost the connection listening to other replicas");
                        break;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "listening to other replicas failed");
                        break;
                    }
                },
            }
        }
    }
}

/// Completes at `at`, or never when there is nothing to wait for.
async fn sleep_until(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// Catches up ([`catch_up`]); when that fails, returns when to try again and the wait before
/// it, doubled from `last_wait` (up to [`MAX_BACKOFF`]).
async fn catch_up_or_retry(
    store: &PgStore,
    state: &AppState,
    last_wait: Option<Duration>,
) -> Option<(tokio::time::Instant, Duration)> {
    match catch_up(store, state).await {
        Ok(()) => None,
        Err(e) => {
            let wait = last_wait.map_or(Duration::from_millis(100), |w| (w * 2).min(MAX_BACKOFF));
            tracing::warn!(error = %e, "cannot catch up after listening again; retrying");
            Some((tokio::time::Instant::now() + wait, wait))
        }
    }
}

/// After a gap in listening: delivers again the latest event of every chat followed here
/// (connections read what they missed before it from the store) and refreshes the followed
/// sites' consoles and queue places. Fails when the chats or their events cannot be read.
async fn catch_up(store: &PgStore, state: &AppState) -> Result<(), sqlx::Error> {
    let sites = state.hub.listened_sites();
    let chats = state.hub.listened_chats();
    let rows = store.chats_to_catch_up(&sites, &chats).await?;
    let mut refresh = sites;
    for (site, chat, last_seq) in rows {
        if let Ok(seq) = u64::try_from(last_seq)
            && seq > 0
            && (state.hub.listens_chat(&chat) || state.hub.listens_site(&site))
        {
            // As `apply` does for a note, but a failure here is retried.
            for event in state.store.events_after(&chat, seq - 1).await? {
                super::super::publish(state, &site, &chat, event);
            }
        }
        refresh.push(site);
    }
    refresh.sort();
    refresh.dedup();
    for site in refresh {
        super::super::queue_changed(state, &site).await;
    }
    Ok(())
}
