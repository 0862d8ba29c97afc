//! Administration for a site's admins (staff with the `admin` role): reloading content and
//! seeing whether the files on disk are serving (`/admin/reload`, `/admin/api/...`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use protocol::ErrorCode;
use serde_json::{Value, json};

use super::staff::StaffSession;
use crate::error::ApiError;
use crate::state::{AppState, Site};

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/reload", post(reload))
        .route("/admin/api/content", get(content))
}

/// The admin's site, or 403 `forbidden` for staff without the admin role.
fn admin_site<'a>(state: &'a AppState, session: &StaffSession) -> Result<&'a Site, ApiError> {
    if session.account.role != "admin" {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "this needs an admin account",
        ));
    }
    state.sites.get(&session.account.site).ok_or_else(|| {
        ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "this account's site is not served here",
        )
    })
}

/// Reads the site's content again now: 200 with the new status when it was swapped in, 422
/// `content_invalid` with every `path:line: message` when it has errors (the old content
/// keeps serving).
async fn reload(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let site = admin_site(&state, &session)?;
    let status = site.content.reload(&site.config).await;
    if status.errors.is_empty() {
        Ok((
            StatusCode::OK,
            Json(json!({ "site": site.config.id, "content": status })),
        ))
    } else {
        Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({
                "code": ErrorCode::ContentInvalid,
                "message": format!(
                    "the content has {} error(s); the previous content keeps serving",
                    status.errors.len()
                ),
                "site": site.config.id,
                "content": status,
            })),
        ))
    }
}

/// The site's content status: entries serving, when indexed, errors of the latest load.
async fn content(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Json<Value>, ApiError> {
    let site = admin_site(&state, &session)?;
    Ok(Json(
        json!({ "site": site.config.id, "content": site.content.status() }),
    ))
}
