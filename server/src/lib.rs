//! The Wayfinder server: answers residents from the city's knowledge base over HTTP.
//!
//! Map of the crate:
//!
//! - [`config`]: `wayfinder.toml` (listen address, database, sites, their allowed origins and
//!   live chat).
//! - [`content`]: each site's content while running: indexing, noticing edits, atomic swaps.
//! - [`allocator`]: freed memory handed back to the system at once while content is indexed.
//! - [`state`]: [`AppState`], everything a request handler needs, built once at start-up.
//! - [`routes`]: the HTTP API by feature; [`app`] assembles them into one router.
//! - [`admin`]: content editors' pages (`/admin`): gaps, feedback, trends, coverage, drafts.
//! - [`error`]: [`ApiError`], the single error type that becomes `{code, message}`.
//! - [`language`]: which language a question is in (text, page, browser, conversation).
//! - [`meaning`]: ranking a question's hits by meaning with the sentence encoder (optional).
//! - [`decide`]: answer, offer choices, or hand off, from the search evidence.
//! - [`site_messages`]: a city's own wording for the bot's messages.
//! - [`reply`]: turns a decision into the wire reply in the resident's language.
//! - [`reply_language`]: the language the bot speaks, which may be one without content.
//! - [`redact`]: masks personal data before anything is stored.
//! - [`digits`]: decimal digits of the scripts residents write numbers in, for masking and
//!   for request numbers.
//! - [`store`]: conversations, messages, feedback, live chats, staff accounts and the audit log
//!   in SQLite, or PostgreSQL for several replicas (behind the [`store::Store`] trait).
//! - [`live`]: live chat with staff: office hours, the queue, signals to connected clients
//!   (across replicas through PostgreSQL).
//! - [`auth`]: staff passwords, session and chat tokens, the session cookie.
//! - [`audit`]: the audit log's hash chain and its verification.
//! - [`retention`]: the daily purge of data older than each site's retention.
//! - [`open311`]: service requests through Open311 GeoReport v2, forms, status questions.
//! - [`accessibility`]: the accessibility statement, with the checks that verify it.
//! - [`telemetry`]: Prometheus metrics (`/metrics`).
//! - [`html`]: escaping for the pages the server writes itself.
//! - [`transcript`]: a chat's transcript as text or a web page, in the chat's language.
//! - [`eval`]: retrieval, language and handoff metrics on labelled question sets.
//! - [`langid`]: language-identification accuracy on labelled short questions.
//! - [`cli`]: the `wayfinder` command (`serve`, `check`, `eval`, `langid`, `staff`, `audit`).
//!
//! [`run`] serves an [`app`] on a listener until a shutdown signal; `main` only parses the
//! command line.

pub mod accessibility;
pub mod admin;
pub mod allocator;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod config;
pub mod content;
pub mod decide;
pub mod digits;
pub mod error;
pub mod eval;
pub mod html;
pub mod langid;
pub mod language;
pub mod live;
pub mod meaning;
pub mod open311;
pub mod redact;
pub mod reply;
pub mod reply_language;
pub mod retention;
pub mod routes;
pub mod site_messages;
pub mod state;
pub mod store;
pub mod telemetry;
#[cfg(test)]
mod testing;
pub mod transcript;

pub use error::ApiError;
pub use routes::app;
pub use state::AppState;

use std::future::Future;

use tokio::net::TcpListener;

/// Serves `state`'s app on `listener` until `shutdown` completes, then finishes in-flight
/// requests. Meanwhile the retention purge runs at start-up and daily, and content folders are
/// watched for edits. On shutdown, open WebSockets are closed with "service restart" (1012) so
/// clients reconnect, and requests in flight get `[server] shutdown_grace_seconds` to finish.
pub async fn run(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let purge = tokio::spawn(retention::purge_daily(state.clone()));
    let watch = tokio::spawn(content::watch(state.clone()));
    let hub = state.hub.clone();
    let grace = std::time::Duration::from_secs(state.config.server.shutdown_grace_seconds);
    let signalled = std::sync::Arc::new(tokio::sync::Notify::new());
    let notify = signalled.clone();
    let shutdown = async move {
        shutdown.await;
        tracing::info!("shutting down: telling open sockets, finishing requests in flight");
        hub.close_all();
        notify.notify_one();
    };
    let router = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let serve = axum::serve(without_nagle(listener), router).with_graceful_shutdown(shutdown);
    let served = tokio::select! {
        served = serve => served,
        () = async {
            signalled.notified().await;
            tokio::time::sleep(grace).await;
        } => {
            tracing::warn!("grace period over: exiting with requests still in flight");
            Ok(())
        }
    };
    purge.abort();
    watch.abort();
    served
}

/// `listener` with Nagle's algorithm turned off on every connection it accepts
/// (`TCP_NODELAY`). A WebSocket sends many small frames: a staff console receives every
/// message of its chats, a resident each reply. With Nagle's algorithm, a frame waits while
/// an earlier one is unacknowledged, and the other side delays its acknowledgement by up to
/// 40 ms, so under load messages reached staff consoles tens of milliseconds late
/// (`docs/performance.md`, live chat). An HTTP response leaves in one write either way.
fn without_nagle(
    listener: TcpListener,
) -> axum::serve::TapIo<TcpListener, fn(&mut tokio::net::TcpStream)> {
    use axum::serve::ListenerExt as _;
    listener.tap_io(|connection| {
        if let Err(error) = connection.set_nodelay(true) {
            tracing::debug!(%error, "could not turn off Nagle's algorithm on a connection");
        }
    })
}

#[cfg(test)]
mod tests {
    use axum::serve::Listener as _;

    /// Connections are accepted with Nagle's algorithm off.
    #[tokio::test]
    async fn accepted_connections_send_without_delay() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let mut listener = super::without_nagle(listener);
        let client = tokio::net::TcpStream::connect(address).await.unwrap();
        let (accepted, from) = listener.accept().await;
        assert_eq!(from, client.local_addr().unwrap());
        assert!(accepted.nodelay().unwrap());
        // Sockets start with Nagle's algorithm on: the assertion above is the listener's doing.
        assert!(!client.nodelay().unwrap());
    }
}
