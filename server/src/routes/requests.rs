//! Service requests for residents: a service's form, submitting it, a request's status, and
//! the bookmarkable status page (`/track/...`) that works without JavaScript.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use protocol::ErrorCode;
use protocol::requests::{RequestReceipt, RequestStatus, RequestSubmission, ServiceForm};
use serde::Deserialize;
use tower_http::set_header::SetResponseHeaderLayer;

use super::guard::{ApiJson, allowed_site};
use crate::error::ApiError;
use crate::open311::{self, RequestSystem, SubmitError};
use crate::state::{AppState, Site};

/// Routes of this feature (the `/api/v1` ones are merged under the API's limits).
pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/services/{code}", get(service_form))
        .route("/api/v1/requests", post(submit))
        .route("/api/v1/requests/{id}", get(request_status))
}

/// The status page, with its own strict policy.
pub fn page_router() -> Router<AppState> {
    Router::new()
        .route("/track/{site}/{id}", get(track_page))
        .route("/track/{site}/t/{token}", get(track_token_page))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
            ),
        ))
}

#[derive(Debug, Deserialize)]
struct SiteLang {
    site: String,
    #[serde(default)]
    lang: Option<String>,
}

/// The site's request system, or 404 `unknown_service` when it takes no requests.
fn system_of(site: &Site) -> Result<&RequestSystem, ApiError> {
    site.open311.as_ref().ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::UnknownService,
            format!("site {:?} takes no service requests here", site.config.id),
        )
    })
}

/// Maps a failed submission or lookup to its error.
fn submit_error(site: &Site, e: SubmitError) -> ApiError {
    match e {
        SubmitError::UnknownService(code) => ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::UnknownService,
            format!("no service {code:?} on this site"),
        ),
        SubmitError::Invalid(message) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidField,
            message,
        ),
        SubmitError::Upstream(e) => {
            tracing::warn!(site = %site.config.id, error = %e.summary(), "Open311 upstream failed");
            ApiError::new(
                StatusCode::BAD_GATEWAY,
                ErrorCode::UpstreamFailed,
                format!(
                    "{e}. Nothing was lost: try again, or call {} or use {}",
                    site.config.phone, site.config.contact_url
                ),
            )
        }
        SubmitError::Database(e) => e.into(),
    }
}

/// `scheme://host` of this server as the resident's browser reached it.
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .filter(|p| *p == "https" || *p == "http")
        .unwrap_or("http");
    format!("{scheme}://{host}")
}

async fn service_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(query): Query<SiteLang>,
) -> Result<Json<ServiceForm>, ApiError> {
    let site = allowed_site(&state, &headers, &query.site)?;
    let system = system_of(site)?;
    let index = site.content.index();
    let lang = query
        .lang
        .as_deref()
        .map_or_else(|| index.default_language().to_owned(), i18n::normalize_tag);
    open311::form(system, &site.config, &index, &code, &lang)
        .await
        .map(Json)
        .map_err(|e| submit_error(site, e))
}

async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<RequestSubmission>,
) -> Result<(StatusCode, Json<RequestReceipt>), ApiError> {
    let site = allowed_site(&state, &headers, &request.site)?;
    super::privacy::check_consent(site, request.consent.as_deref())?;
    let system = system_of(site)?;
    let index = site.content.index();
    let lang = i18n::normalize_tag(&request.lang);
    let form = open311::form(system, &site.config, &index, &request.service_code, &lang)
        .await
        .map_err(|e| submit_error(site, e))?;
    open311::validate(&form, &request).map_err(|e| submit_error(site, e))?;
    let receipt = open311::submit(
        system,
        state.store.as_ref(),
        &site.config,
        &form,
        &request,
        &base_url(&headers),
    )
    .await
    .map_err(|e| submit_error(site, e))?;
    tracing::info!(site = %site.config.id, service = %form.service_code, "service request submitted");
    Ok((StatusCode::CREATED, Json(receipt)))
}

/// The status of request `id`, or 404 `unknown_request`.
async fn status_of(
    state: &AppState,
    site: &Site,
    id: &str,
    lang: &str,
    base: &str,
) -> Result<RequestStatus, ApiError> {
    let system = system_of(site)?;
    let found = open311::lookup(system, state.store.as_ref(), &site.config.id, id)
        .await
        .map_err(|e| submit_error(site, e))?;
    let request = found.ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::UnknownRequest,
            format!("no request {id:?} on this site"),
        )
    })?;
    Ok(open311::wire_status(
        &request,
        open311::track_url(base, &site.config.id, id, lang),
    ))
}

async fn request_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<SiteLang>,
) -> Result<Json<RequestStatus>, ApiError> {
    let site = allowed_site(&state, &headers, &query.site)?;
    let lang = query.lang.as_deref().unwrap_or("en");
    Ok(Json(
        status_of(&state, site, &id, lang, &base_url(&headers)).await?,
    ))
}

#[derive(Debug, Deserialize)]
struct LangQuery {
    #[serde(default)]
    lang: Option<String>,
}

async fn track_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((site_id, id)): Path<(String, String)>,
    Query(query): Query<LangQuery>,
) -> Response {
    let Some(site) = state.sites.get(&site_id) else {
        return ApiError::not_found().into_response();
    };
    let lang = query
        .lang
        .as_deref()
        .map_or_else(|| "en".to_owned(), i18n::normalize_tag);
    let bot = state.site_catalog(site, &lang);
    let status = status_of(&state, site, &id, &lang, &base_url(&headers)).await;
    let (code, body) = match &status {
        Ok(status) => (
            StatusCode::OK,
            crate::open311::page::status(bot, site, status),
        ),
        Err(ApiError::Client { code, .. }) if *code == ErrorCode::UnknownRequest => (
            StatusCode::NOT_FOUND,
            crate::open311::page::not_found(bot, site, &id),
        ),
        Err(_) => (
            StatusCode::BAD_GATEWAY,
            crate::open311::page::unavailable(bot, site, &id),
        ),
    };
    (code, Html(body)).into_response()
}

async fn track_token_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((site_id, token)): Path<(String, String)>,
    Query(query): Query<LangQuery>,
) -> Response {
    let Some(site) = state.sites.get(&site_id) else {
        return ApiError::not_found().into_response();
    };
    let Some(system) = site.open311.as_ref() else {
        return ApiError::not_found().into_response();
    };
    let lang = query.lang.as_deref().unwrap_or("en").to_owned();
    match open311::resolve(system, state.store.as_ref(), &site.config.id, &token).await {
        Ok(Some(id)) => {
            let to = open311::track_url(&base_url(&headers), &site.config.id, &id, &lang);
            (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
        }
        Ok(None) => {
            let bot = state.site_catalog(site, &lang);
            (
                StatusCode::OK,
                Html(crate::open311::page::pending(bot, site)),
            )
                .into_response()
        }
        Err(_) => {
            let bot = state.site_catalog(site, &lang);
            (
                StatusCode::BAD_GATEWAY,
                Html(crate::open311::page::unavailable(bot, site, &token)),
            )
                .into_response()
        }
    }
}
