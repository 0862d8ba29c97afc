//! Per-client rate limits on the API (tower_governor, keyed by the peer address), answered
//! with 429 `rate_limited` and `Retry-After` in the usual error format.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Response, StatusCode, header};
use axum::response::IntoResponse;
use protocol::ErrorCode;
use tower_governor::GovernorError;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::PeerIpKeyExtractor;

use crate::config::RateLimitConfig;
use crate::error::ApiError;

/// How often forgotten clients are dropped from the limiter's memory.
const CLEANUP_EVERY: Duration = Duration::from_secs(60);

/// The layer type [`layer`] returns.
pub type RateLimitLayer = GovernorLayer<
    PeerIpKeyExtractor,
    governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>,
    Body,
>;

/// A rate-limit layer for `config`. Needs the peer address (`ConnectInfo<SocketAddr>`), which
/// [`crate::run`] provides. Starts a cleanup task when called inside a tokio runtime; it
/// ends when the layer is dropped.
pub fn layer(config: RateLimitConfig) -> RateLimitLayer {
    let period = Duration::from_secs(60) / config.per_minute.max(1);
    let governor = GovernorConfigBuilder::default()
        .period(period)
        .burst_size(config.burst.max(1))
        .key_extractor(PeerIpKeyExtractor)
        .finish()
        .expect("burst and period are non-zero");
    let limiter = Arc::downgrade(governor.limiter());
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(async move {
            loop {
                tokio::time::sleep(CLEANUP_EVERY).await;
                match limiter.upgrade() {
                    Some(limiter) => limiter.retain_recent(),
                    None => break,
                }
            }
        });
    }
    GovernorLayer::new(governor).error_handler(rejection)
}

/// Turns the limiter's refusal into our error format.
fn rejection(error: GovernorError) -> Response<Body> {
    match error {
        GovernorError::TooManyRequests { wait_time, .. } => {
            crate::telemetry::rate_limited();
            let mut response = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::RateLimited,
                format!("too many requests: try again in {wait_time} s"),
            )
            .into_response();
            if let Ok(value) = HeaderValue::from_str(&wait_time.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        GovernorError::UnableToExtractKey | GovernorError::Other { .. } => {
            ApiError::Internal(anyhow::anyhow!("rate limiter: {error}")).into_response()
        }
    }
}
