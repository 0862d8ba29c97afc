//! The HTTP API, one module per feature, each with its own `router()`.
//!
//! - [`ask`]: `POST /api/v1/ask`.
//! - [`feedback`]: `POST /api/v1/feedback`.
//! - [`privacy`]: `GET /api/v1/privacy`, the site's privacy notice, and the consent rule.
//! - [`conversation`]: live chat for residents: availability, queue, the chat's WebSocket,
//!   rating, transcript, tickets.
//! - [`requests`]: service requests for residents: forms, submitting, status, `/track/...`.
//! - [`open311`]: Wayfinder's own Open311 GeoReport v2 endpoints (`/open311/v2/...`).
//! - [`help`]: `GET /help`, the assistant as a plain page that works without JavaScript.
//! - [`statement`]: `GET /accessibility`, the accessibility statement.
//! - [`kiosk`]: `GET /kiosk`, the assistant full screen for public terminals.
//! - `GET /metrics`: Prometheus metrics (see [`crate::telemetry`]).
//! - [`relay`]: chat events on a WebSocket exactly once and in order (residents and staff).
//! - [`health`]: `GET /healthz`.
//! - [`assets`]: the widget (`/widget/...`) and the demo city page (`/`).
//! - [`guard`]: what every API request goes through: JSON parsing into [`ApiError`]s and the
//!   per-site `Origin` check.
//! - [`limit`]: per-client rate limits on the API.
//! - [`admin`]: content reload and status for a site's admins (`/admin/...`).
//! - [`staff`]: the staff console (`/staff`) and its API (`/staff/api/...`).
//! - [`staff_requests`]: service requests kept here (local queue), handled in the staff console.
//! - [`openapi`]: `GET /openapi.json`, the API description.

pub mod admin;
pub mod ask;
pub mod assets;
pub mod conversation;
pub mod feedback;
pub mod guard;
pub mod health;
pub mod help;
pub mod kiosk;
pub mod limit;
pub mod open311;
pub mod openapi;
pub mod privacy;
pub mod relay;
pub mod requests;
pub mod staff;
pub mod staff_requests;
pub mod statement;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method, header};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::ApiError;
use crate::state::AppState;

/// The whole application: API, assets, security headers, CORS for the sites' origins.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .merge(ask::router())
        .merge(feedback::router())
        .merge(conversation::router())
        .merge(requests::api_router())
        .layer(DefaultBodyLimit::max(protocol::MAX_BODY_BYTES))
        .layer(limit::layer(state.config.server.rate_limit))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    Router::new()
        .merge(api)
        .merge(privacy::router(state.config.server.rate_limit))
        .merge(health::router())
        .merge(openapi::router())
        .merge(staff::router())
        .merge(admin::router())
        .merge(requests::page_router())
        .merge(open311::router())
        .merge(statement::router())
        .merge(help::router())
        .merge(kiosk::router())
        .route("/metrics", axum::routing::get(metrics))
        .route_layer(axum::middleware::from_fn(crate::telemetry::track))
        .merge(assets::router(&state))
        .fallback(|| async { ApiError::not_found() })
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
        .layer(cors(&state))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("cross-origin"),
        ))
        .with_state(state)
}

/// `GET /metrics`: the Prometheus text format.
async fn metrics() -> impl axum::response::IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        crate::telemetry::render(),
    )
}

/// CORS for the origins any site allows (the per-site check happens in [`guard`]).
fn cors(state: &AppState) -> CorsLayer {
    let allowed: Vec<HeaderValue> = state
        .config
        .sites
        .iter()
        .flat_map(|s| &s.allowed_origins)
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE])
        .max_age(std::time::Duration::from_secs(600))
}
