//! `GET /api/v1/privacy?site=…&lang=…`: the site's privacy notice for the widget, and the rule
//! every request that stores a resident's words follows when the site requires consent.
//!
//! The notice is Fluent (`privacy-notice-title`, `privacy-notice`, `privacy-notice-chats`,
//! `privacy-notice-rights` in `locales/<lang>/bot.ftl`; a site rewords them in
//! `<content>/messages/<lang>.ftl`), filled in with the site's name and its retention periods
//! from `[sites.retention]`, so the notice says how long things are really kept. Its version
//! and whether residents must accept it come from `[sites.privacy]`.
//!
//! When the site requires consent, `POST /api/v1/ask` needs the current version in `consent`
//! ([`check_consent`]): without it, or with an older version after the city changed its
//! notice, the answer is `428` with `consent_required` and nothing is stored. The accepted
//! version is stored with the conversation and audited once per conversation and version.

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use protocol::{ErrorCode, PrivacyNotice};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::guard::allowed_site;
use crate::config::RateLimitConfig;
use crate::error::ApiError;
use crate::state::{AppState, Site};

/// How long browsers and caches may keep a notice: short, so a new version reaches residents
/// within minutes of a restart with the new config.
pub const CACHE_SECONDS: u32 = 300;

/// Routes of this feature, with their own per-client rate limit (`rate_limit`, the same
/// figures as the rest of `/api/v1`): they sit outside the API group because that one forbids
/// caching, and the notice is meant to be cached.
pub fn router(rate_limit: RateLimitConfig) -> Router<AppState> {
    Router::new()
        .route("/api/v1/privacy", get(notice))
        .layer(super::limit::layer(rate_limit))
}

#[derive(Debug, Deserialize)]
struct PrivacyQuery {
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// Refuses to store anything for a site that requires consent unless `accepted` is the
/// current notice version: 428 `consent_required`.
pub fn check_consent(site: &Site, accepted: Option<&str>) -> Result<(), ApiError> {
    let privacy = &site.config.privacy;
    if privacy.accepts(accepted) {
        return Ok(());
    }
    let message = match accepted {
        None => format!(
            "site {:?} requires accepting its privacy notice (version {:?}) first: send it as `consent`",
            site.config.id, privacy.notice_version
        ),
        Some(old) => format!(
            "the privacy notice of site {:?} has changed (version {:?}, accepted {old:?}): show it again and send the new version as `consent`",
            site.config.id, privacy.notice_version
        ),
    };
    Err(ApiError::new(
        StatusCode::PRECONDITION_REQUIRED,
        ErrorCode::ConsentRequired,
        message,
    ))
}

/// The language the notice is given in: the best of the site's languages for `requested`,
/// else the site's default language.
fn notice_lang(site: &Site, requested: Option<&str>) -> String {
    let index = site.content.index();
    let available: Vec<&str> = index.languages().collect();
    let requested: Vec<&str> = requested.into_iter().collect();
    i18n::negotiate(&requested, &available, index.default_language())
}

/// The notice of `site` in `lang`.
pub fn build_notice(state: &AppState, site: &Site, lang: &str) -> PrivacyNotice {
    let bot = state.site_catalog(site, lang);
    let retention = &site.config.retention;
    let days = |n: u32| (n.to_string(), i18n::plural_category(lang, f64::from(n)));
    let (questions, questions_plural) = days(retention.questions);
    let (chats, chats_plural) = days(retention.transcripts);
    let (tickets, tickets_plural) = days(retention.tickets);
    let name = site.config.name.as_str();
    let mut paragraphs = vec![bot.format(
        "privacy-notice",
        &[
            ("site", name),
            ("days", &questions),
            ("days_plural", questions_plural),
        ],
    )];
    if site.live.is_some() {
        paragraphs.push(bot.format(
            "privacy-notice-chats",
            &[
                ("site", name),
                ("chat_days", &chats),
                ("chat_days_plural", chats_plural),
                ("ticket_days", &tickets),
                ("ticket_days_plural", tickets_plural),
            ],
        ));
    }
    paragraphs.push(bot.format("privacy-notice-rights", &[("site", name)]));
    PrivacyNotice {
        version: site.config.privacy.notice_version.clone(),
        required: site.config.privacy.require_consent,
        title: bot.format("privacy-notice-title", &[("site", name)]),
        text: paragraphs
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n"),
        url: site.config.privacy.url.clone(),
        lang: bot.lang().to_owned(),
    }
}

/// A strong validator of the notice as sent.
fn etag(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    format!("\"{}\"", hex::encode(&digest[..12]))
}

/// `GET /api/v1/privacy?site=…&lang=…`: 200 with a [`PrivacyNotice`] (cacheable for
/// [`CACHE_SECONDS`], with an `ETag`; 304 when `If-None-Match` matches); 400 `invalid_field`
/// without `site`; 404 `unknown_site`; 403 `origin_not_allowed`.
async fn notice(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<PrivacyQuery>, QueryRejection>,
) -> Response {
    match cached_notice(&state, &headers, query) {
        Ok(response) => response,
        Err(error) => {
            let mut response = error.into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
    }
}

fn cached_notice(
    state: &AppState,
    headers: &HeaderMap,
    query: Result<Query<PrivacyQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Query(query)) = query else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidField,
            "the query string does not parse: send ?site=<id>&lang=<tag>",
        ));
    };
    let Some(id) = query.site.as_deref().filter(|s| !s.is_empty()) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidField,
            "site is required: send ?site=<id>&lang=<tag>",
        ));
    };
    let site = allowed_site(state, headers, id)?;
    let lang = notice_lang(site, query.lang.as_deref());
    let notice = build_notice(state, site, &lang);
    let body = serde_json::to_string(&notice).map_err(|e| ApiError::Internal(e.into()))?;
    let tag = etag(&body);
    let cache = HeaderValue::from_str(&format!("public, max-age={CACHE_SECONDS}"))
        .map_err(|e| ApiError::Internal(e.into()))?;
    let etag_value = HeaderValue::from_str(&tag).map_err(|e| ApiError::Internal(e.into()))?;
    let matched = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    let common = [
        (header::CACHE_CONTROL, cache),
        (header::ETAG, etag_value),
        (
            header::CONTENT_LANGUAGE,
            HeaderValue::from_str(&notice.lang).map_err(|e| ApiError::Internal(e.into()))?,
        ),
    ];
    if matched {
        return Ok((StatusCode::NOT_MODIFIED, common).into_response());
    }
    Ok((
        StatusCode::OK,
        common,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_follow_the_body() {
        assert_eq!(etag("a"), etag("a"));
        assert_ne!(etag("a"), etag("b"));
        assert!(etag("a").starts_with('"') && etag("a").ends_with('"'));
    }
}
