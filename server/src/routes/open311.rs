//! Wayfinder's own Open311 GeoReport v2 endpoints for what it holds: discovery, the service
//! list (from the knowledge base's service entries), service definitions, and — in "local
//! queue" mode — creating, listing and reading requests. Every document in JSON and XML (the
//! path's extension chooses), errors in the standard's `errors` format with its HTTP statuses.
//!
//! `jurisdiction_id` is the site id; it may be left out when one site takes requests.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use knowledge::SearchIndex;
use protocol::requests::{AttributeAnswer, RequestSubmission};
use serde::Deserialize;
use serde_json::{Value, json};

use super::requests::base_url;
use crate::open311::georeport::{self, Service, ServiceDefinition};
use crate::open311::{self, RequestSystem, SubmitError};
use crate::state::{AppState, Site};

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/open311/v2/{file}", get(top).post(create))
        .route("/open311/v2/services/{file}", get(definition))
        .route("/open311/v2/requests/{file}", get(one_request))
}

/// The document format a path asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Xml,
}

/// `name.json` / `name.xml` → (`name`, format).
fn split(file: &str) -> Option<(&str, Format)> {
    let (name, ext) = file.rsplit_once('.')?;
    match ext {
        "json" => Some((name, Format::Json)),
        "xml" => Some((name, Format::Xml)),
        _ => None,
    }
}

/// A GeoReport error response.
fn error(format: Format, status: StatusCode, description: &str) -> Response {
    let errors = vec![json!({"code": status.as_u16(), "description": description})];
    document(format, status, "errors", "error", errors)
}

/// A list document in `format`.
fn document(
    format: Format,
    status: StatusCode,
    root: &str,
    item: &str,
    items: Vec<Value>,
) -> Response {
    match format {
        Format::Json => (status, axum::Json(Value::Array(items))).into_response(),
        Format::Xml => (
            status,
            [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
            georeport::to_xml(root, item, &items),
        )
            .into_response(),
    }
}

#[derive(Debug, Default, Deserialize)]
struct Params {
    #[serde(default)]
    jurisdiction_id: Option<String>,
    #[serde(default)]
    service_request_id: Option<String>,
    #[serde(default)]
    service_code: Option<String>,
    #[serde(default)]
    status: Option<String>,
}

/// The site named by `jurisdiction_id`, or the only site that takes requests.
fn site<'a>(state: &'a AppState, jurisdiction: Option<&str>) -> Result<&'a Site, &'static str> {
    match jurisdiction {
        Some(id) => state
            .sites
            .get(id)
            .filter(|s| s.open311.is_some())
            .ok_or("unknown jurisdiction_id"),
        None => {
            let mut taking = state.sites.values().filter(|s| s.open311.is_some());
            match (taking.next(), taking.next()) {
                (Some(site), None) => Ok(site),
                (None, _) => Err("no jurisdiction takes service requests here"),
                (Some(_), Some(_)) => Err("jurisdiction_id is required"),
            }
        }
    }
}

/// The site's services in the standard's form, from its service entries. `upstream`: the
/// definitions come from the city's system (so each may have attributes); otherwise from the
/// questions editors wrote.
fn service_list(index: &SearchIndex, upstream: bool) -> Vec<Service> {
    let lang = index.default_language().to_owned();
    open311::services(index, &lang)
        .iter()
        .filter_map(|entry| {
            Some(Service {
                service_code: entry.open311_service_code.as_deref()?.to_owned(),
                service_name: entry.title.clone(),
                description: Some(entry.answer.short().into_owned()),
                metadata: upstream || !entry.questions.is_empty(),
                kind: "realtime".into(),
                keywords: (!entry.keywords.is_empty()).then(|| entry.keywords.join(", ")),
                group: Some(entry.topic.clone()),
            })
        })
        .collect()
}

async fn top(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(params): Query<Params>,
) -> Response {
    let Some((name, format)) = split(&file) else {
        return error(Format::Json, StatusCode::NOT_FOUND, "use .json or .xml");
    };
    if name == "discovery" {
        let url = format!("{}/open311/v2/", base_url(&headers));
        let doc = json!({
            "changeset": "2026-11-26T00:00:00Z",
            "contact": "See each city's contact page.",
            "key_service": "Ask the city for an API key to post requests.",
            "endpoints": [{
                "specification": "http://wiki.open311.org/GeoReport_v2",
                "url": url,
                "changeset": "2026-11-26T00:00:00Z",
                "type": "production",
                "formats": ["application/json", "text/xml"],
            }],
        });
        return match format {
            Format::Json => axum::Json(doc).into_response(),
            Format::Xml => (
                [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
                georeport::object_xml("discovery", &doc),
            )
                .into_response(),
        };
    }
    let site = match site(&state, params.jurisdiction_id.as_deref()) {
        Ok(site) => site,
        Err(e) => return error(format, StatusCode::BAD_REQUEST, e),
    };
    match name {
        "services" => {
            let upstream = matches!(site.open311, Some(RequestSystem::Upstream(_)));
            let items = service_list(&site.content.index(), upstream)
                .into_iter()
                .filter_map(|s| serde_json::to_value(s).ok())
                .collect();
            document(format, StatusCode::OK, "services", "service", items)
        }
        "requests" => list_requests(&state, site, format, &params).await,
        _ => error(format, StatusCode::NOT_FOUND, "no such document"),
    }
}

async fn list_requests(state: &AppState, site: &Site, format: Format, params: &Params) -> Response {
    if !matches!(site.open311, Some(RequestSystem::Local)) {
        return error(
            format,
            StatusCode::NOT_FOUND,
            "this jurisdiction's requests are kept by the city's own system",
        );
    }
    let mut requests = match state.store.service_requests(&site.config.id, 1000).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "requests not read");
            return error(
                format,
                StatusCode::INTERNAL_SERVER_ERROR,
                "please try again",
            );
        }
    };
    if let Some(ids) = &params.service_request_id {
        let ids: Vec<&str> = ids.split(',').map(str::trim).collect();
        requests.retain(|r| ids.contains(&r.service_request_id.as_str()));
    } else {
        if let Some(code) = &params.service_code {
            requests.retain(|r| r.service_code.as_deref() == Some(code.as_str()));
        }
        if let Some(status) = &params.status {
            requests.retain(|r| &r.status == status);
        }
    }
    let items = requests
        .iter()
        .filter_map(|r| serde_json::to_value(r).ok())
        .collect();
    document(format, StatusCode::OK, "service_requests", "request", items)
}

async fn definition(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(params): Query<Params>,
) -> Response {
    let Some((code, format)) = split(&file) else {
        return error(Format::Json, StatusCode::NOT_FOUND, "use .json or .xml");
    };
    let site = match site(&state, params.jurisdiction_id.as_deref()) {
        Ok(site) => site,
        Err(e) => return error(format, StatusCode::BAD_REQUEST, e),
    };
    let index = site.content.index();
    if open311::service(&index, code, index.default_language()).is_none() {
        return error(format, StatusCode::NOT_FOUND, "no such service_code");
    }
    let definition = match &site.open311 {
        Some(RequestSystem::Upstream(client)) => match client.definition(code).await {
            Ok(d) => d,
            Err(e) => {
                return error(format, StatusCode::BAD_GATEWAY, &e.to_string());
            }
        },
        _ => ServiceDefinition {
            service_code: code.to_owned(),
            attributes: open311::service(&index, code, index.default_language())
                .map(|entry| open311::entry_attributes(&entry))
                .unwrap_or_default(),
        },
    };
    let doc = serde_json::to_value(&definition).unwrap_or_default();
    match format {
        Format::Json => axum::Json(doc).into_response(),
        Format::Xml => (
            [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
            georeport::object_xml("service_definition", &doc),
        )
            .into_response(),
    }
}

async fn one_request(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(params): Query<Params>,
) -> Response {
    let Some((id, format)) = split(&file) else {
        return error(Format::Json, StatusCode::NOT_FOUND, "use .json or .xml");
    };
    let site = match site(&state, params.jurisdiction_id.as_deref()) {
        Ok(site) => site,
        Err(e) => return error(format, StatusCode::BAD_REQUEST, e),
    };
    let Some(system) = &site.open311 else {
        return error(format, StatusCode::NOT_FOUND, "no such request");
    };
    match open311::lookup(system, state.store.as_ref(), &site.config.id, id).await {
        Ok(Some(request)) => document(
            format,
            StatusCode::OK,
            "service_requests",
            "request",
            vec![serde_json::to_value(request).unwrap_or_default()],
        ),
        Ok(None) => error(format, StatusCode::NOT_FOUND, "no such service_request_id"),
        Err(e) => error(format, StatusCode::BAD_GATEWAY, &e.to_string()),
    }
}

/// `POST requests.{fmt}` in local-queue mode, form-encoded as the standard says.
async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Some(("requests", format)) = split(&file) else {
        return error(
            Format::Json,
            StatusCode::NOT_FOUND,
            "POST requests.json or requests.xml",
        );
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let site = match site(&state, field("jurisdiction_id").as_deref()) {
        Ok(site) => site,
        Err(e) => return error(format, StatusCode::BAD_REQUEST, e),
    };
    if !matches!(site.open311, Some(RequestSystem::Local)) {
        return error(
            format,
            StatusCode::BAD_REQUEST,
            "this jurisdiction takes requests in the city's own system",
        );
    }
    let expected_key = site
        .config
        .open311
        .as_ref()
        .and_then(|o| o.api_key_env.as_deref())
        .and_then(|name| std::env::var(name).ok());
    if let Some(expected) = expected_key
        && field("api_key").as_deref() != Some(expected.as_str())
    {
        return error(format, StatusCode::FORBIDDEN, "missing or invalid api_key");
    }
    let Some(service_code) = field("service_code") else {
        return error(format, StatusCode::BAD_REQUEST, "service_code is required");
    };
    let mut submission = RequestSubmission {
        site: site.config.id.clone(),
        lang: site.content.index().default_language().to_owned(),
        service_code,
        address: field("address_string"),
        lat: field("lat").and_then(|v| v.parse().ok()),
        long: field("long").and_then(|v| v.parse().ok()),
        attributes: Default::default(),
        description: field("description"),
        media_url: field("media_url"),
        contact: protocol::requests::Contact {
            first_name: field("first_name"),
            last_name: field("last_name"),
            email: field("email"),
            phone: field("phone"),
        },
        // A city's own systems post here with the API key, not residents through the widget.
        consent: None,
    };
    for (key, value) in &fields {
        let Some(code) = key
            .strip_prefix("attribute[")
            .and_then(|k| k.strip_suffix("[]").or(Some(k)))
            .and_then(|k| k.strip_suffix(']'))
        else {
            continue;
        };
        match submission
            .attributes
            .entry(code.to_owned())
            .or_insert_with(|| AttributeAnswer::Many(Vec::new()))
        {
            AttributeAnswer::Many(values) => values.push(value.clone()),
            AttributeAnswer::One(_) => {}
        }
    }
    let index = site.content.index();
    let lang = submission.lang.clone();
    let result = async {
        let form = open311::form(
            &RequestSystem::Local,
            &site.config,
            &index,
            &submission.service_code,
            &lang,
        )
        .await?;
        open311::validate(&form, &submission)?;
        open311::submit(
            &RequestSystem::Local,
            state.store.as_ref(),
            &site.config,
            &form,
            &submission,
            &base_url(&headers),
        )
        .await
    }
    .await;
    match result {
        Ok(receipt) => document(
            format,
            StatusCode::OK,
            "service_requests",
            "request",
            vec![
                json!({"service_request_id": receipt.service_request_id, "service_notice": receipt.service_notice}),
            ],
        ),
        Err(SubmitError::UnknownService(_)) => {
            error(format, StatusCode::BAD_REQUEST, "unknown service_code")
        }
        Err(SubmitError::Invalid(message)) => error(format, StatusCode::BAD_REQUEST, &message),
        Err(e) => {
            tracing::error!(error = %e, "local request not stored");
            error(
                format,
                StatusCode::INTERNAL_SERVER_ERROR,
                "please try again",
            )
        }
    }
}
