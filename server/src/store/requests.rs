//! Service requests kept by Wayfinder: the whole request in "local queue" mode, or the
//! receipt of one submitted to the city's Open311 system.

use async_trait::async_trait;

use crate::open311::georeport::Request;

/// A request to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct NewServiceRequest {
    /// The site.
    pub site: String,
    /// The service.
    pub service_code: String,
    /// The service's name (in the site's default language).
    pub service_name: String,
    /// The resident's language.
    pub lang: String,
    /// The id the city's system gave (upstream mode); `None` in local mode, where the store
    /// assigns one, or while a batch token is unresolved.
    pub upstream_id: Option<String>,
    /// Whether the city's system has the request.
    pub upstream: bool,
    /// The batch token, if the city's system gave one.
    pub token: Option<String>,
    /// Description, redacted.
    pub description: Option<String>,
    /// Address as typed.
    pub address: Option<String>,
    /// Position.
    pub position: Option<(f64, f64)>,
    /// Answers, as JSON.
    pub attributes: serde_json::Value,
    /// Photo URL.
    pub media_url: Option<String>,
    /// Contact the resident chose to give, as JSON.
    pub contact: serde_json::Value,
}

/// Service requests.
#[async_trait]
pub trait RequestStore: Send + Sync {
    /// Keeps a request and returns its id (audit: `service_request`).
    async fn add_request(&self, request: &NewServiceRequest) -> Result<String, sqlx::Error>;

    /// Records the id the city's system assigned to a batch token.
    async fn resolve_request_token(
        &self,
        site: &str,
        token: &str,
        id: &str,
    ) -> Result<(), sqlx::Error>;

    /// The request `id` of `site` in the standard's form, if kept here.
    async fn service_request(&self, site: &str, id: &str) -> Result<Option<Request>, sqlx::Error>;

    /// The id behind a batch token of `site`, if resolved.
    async fn request_for_token(
        &self,
        site: &str,
        token: &str,
    ) -> Result<Option<Option<String>>, sqlx::Error>;

    /// The site's requests kept here (local mode), newest first, at most `limit`.
    async fn service_requests(&self, site: &str, limit: u32) -> Result<Vec<Request>, sqlx::Error>;
}
