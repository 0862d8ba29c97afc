//! Checks every API request goes through.

use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode, header};
use protocol::ErrorCode;
use serde::de::DeserializeOwned;

use crate::config::SiteConfig;
use crate::error::ApiError;
use crate::state::{AppState, Site};

/// A JSON body whose every rejection (wrong content type, too large, malformed, wrong shape)
/// becomes an [`ApiError`] with a stable code.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(value) = axum::Json::<T>::from_request(req, state).await?;
        Ok(Self(value))
    }
}

/// The site `id` names, once the request's origin is allowed for it: 404 `unknown_site`
/// or 403 `origin_not_allowed` otherwise. Every API handler starts with this.
pub fn allowed_site<'a>(
    state: &'a AppState,
    headers: &HeaderMap,
    id: &str,
) -> Result<&'a Site, ApiError> {
    let site = state.sites.get(id).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::UnknownSite,
            format!("no site {id:?} on this server"),
        )
    })?;
    check_origin(headers, &site.config)?;
    Ok(site)
}

/// Whether a browser request comes from this server's own pages (or from no page at all:
/// without `Origin` it is not a cross-site risk).
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let origin = origin.to_str().unwrap_or_default();
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|host| {
            origin == format!("http://{host}") || origin == format!("https://{host}")
        })
}

/// Refuses a browser request from a page whose origin `site` does not allow.
///
/// Allowed: the site's `allowed_origins`, the server's own origin (its demo page), and
/// requests without `Origin` (not from a browser page, so not a cross-site risk).
pub fn check_origin(headers: &HeaderMap, site: &SiteConfig) -> Result<(), ApiError> {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    let origin = origin.to_str().unwrap_or_default();
    if same_origin(headers) || site.allowed_origins.iter().any(|o| o == origin) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::OriginNotAllowed,
            format!("pages on {origin} may not use site {:?}", site.id),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn site() -> SiteConfig {
        toml::from_str(
            r#"id = "riverton"
name = "Riverton"
content = "x"
allowed_origins = ["https://www.riverton.example"]
timezone = "America/Chicago"
contact_url = "https://www.riverton.example/contact"
phone = "1""#,
        )
        .unwrap()
    }

    fn headers(origin: Option<&str>, host: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_str(host).unwrap());
        if let Some(o) = origin {
            h.insert(header::ORIGIN, HeaderValue::from_str(o).unwrap());
        }
        h
    }

    #[test]
    fn allowed_same_and_missing_origins_pass() {
        let site = site();
        assert!(
            check_origin(
                &headers(Some("https://www.riverton.example"), "api.example"),
                &site
            )
            .is_ok()
        );
        assert!(
            check_origin(
                &headers(Some("http://127.0.0.1:8080"), "127.0.0.1:8080"),
                &site
            )
            .is_ok()
        );
        assert!(check_origin(&headers(None, "api.example"), &site).is_ok());
    }

    #[test]
    fn other_origins_are_refused() {
        let site = site();
        for origin in [
            "https://evil.example",
            "null",
            "https://www.riverton.example.evil.example",
            "http://www.riverton.example",
        ] {
            let err = check_origin(&headers(Some(origin), "api.example"), &site).unwrap_err();
            assert!(
                matches!(
                    err,
                    ApiError::Client {
                        code: ErrorCode::OriginNotAllowed,
                        ..
                    }
                ),
                "{origin}"
            );
        }
    }
}
