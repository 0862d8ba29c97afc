//! The Wayfinder server: answers residents from the city's knowledge base over HTTP.
//!
//! Map of the crate:
//!
//! - [`config`]: `wayfinder.toml` (listen address, database, sites and their allowed origins).
//! - [`state`]: [`AppState`], everything a request handler needs, built once at start-up.
//! - [`routes`]: the HTTP API by feature; [`app`] assembles them into one router.
//! - [`error`]: [`ApiError`], the single error type that becomes `{code, message}`.
//! - [`language`]: which language a question is in (text, page, browser, conversation).
//! - [`decide`]: answer, offer choices, or hand off, from the search evidence.
//! - [`reply`]: turns a decision into the wire reply in the resident's language.
//! - [`redact`]: masks personal data before anything is stored.
//! - [`store`]: conversations, messages and feedback in SQLite (behind the [`store::Store`]
//!   trait).
//! - [`eval`]: retrieval, language and handoff metrics on labelled question sets.
//! - [`langid`]: language-identification accuracy on labelled short questions.
//! - [`cli`]: the `wayfinder` command (`serve`, `check`, `eval`, `langid`).
//!
//! [`run`] serves an [`app`] on a listener until a shutdown signal; `main` only parses the
//! command line.

pub mod audit;
pub mod auth;
pub mod cli;
pub mod config;
pub mod decide;
pub mod error;
pub mod eval;
pub mod langid;
pub mod language;
pub mod live;
pub mod redact;
pub mod reply;
pub mod routes;
pub mod state;
pub mod store;
pub mod transcript;

pub use error::ApiError;
pub use routes::app;
pub use state::AppState;

use std::future::Future;

use tokio::net::TcpListener;

/// Serves `state`'s app on `listener` until `shutdown` completes, then finishes in-flight
/// requests.
pub async fn run(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let router = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
}
