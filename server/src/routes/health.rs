//! `GET /healthz`: is the server able to answer?

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::state::AppState;

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(health))
}

/// 200 with the sites and their entry counts when the database answers; 503 otherwise.
async fn health(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let mut sites: Vec<Value> = state
        .sites
        .values()
        .map(|s| json!({"id": s.config.id, "entries": s.content.index().len()}))
        .collect();
    sites.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    match state.store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({"status": "ok", "database": "ok", "sites": sites})),
        ),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"status": "unavailable", "database": "unavailable", "sites": sites})),
            )
        }
    }
}
