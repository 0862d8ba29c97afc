//! `POST /api/v1/feedback`: was this answer helpful?

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use protocol::{ErrorCode, FeedbackRequest, FeedbackResponse, MAX_COMMENT_CHARS};

use super::guard::{ApiJson, allowed_site};
use crate::error::ApiError;
use crate::redact::redact;
use crate::state::AppState;
use crate::store::{Feedback, FeedbackError};

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/feedback", post(feedback))
}

async fn feedback(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<FeedbackRequest>,
) -> Result<Json<FeedbackResponse>, ApiError> {
    let site = allowed_site(&state, &headers, &request.site)?;
    let comment = request
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.chars().count() > MAX_COMMENT_CHARS) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidField,
            format!("comments are limited to {MAX_COMMENT_CHARS} characters"),
        ));
    }
    let feedback = Feedback {
        site: site.config.id.clone(),
        conversation_id: request.conversation_id,
        message_id: request.message_id,
        helpful: request.helpful,
        comment: comment.map(redact),
    };
    match state.store.record_feedback(&feedback).await {
        Ok(()) => Ok(Json(FeedbackResponse { recorded: true })),
        Err(FeedbackError::UnknownMessage) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::UnknownConversation,
            "no such reply in this conversation",
        )),
        Err(FeedbackError::Database(e)) => Err(e.into()),
    }
}
