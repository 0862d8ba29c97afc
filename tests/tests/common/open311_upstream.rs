//! A city's Open311 GeoReport v2 system for tests, following the standard's documented
//! behaviour: service list and definitions, `POST requests.json` with an API key (403
//! without), required fields and attributes (400), a `realtime` service answering with an id
//! and a `batch` service answering with a token that resolves on the second look, request
//! status, and the standard's `[{code, description}]` errors. It can be switched off to play
//! an outage (503).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use serde_json::{Value, json};

/// The API key the upstream accepts.
pub const API_KEY: &str = "test-key-5c1e";
/// The realtime service's code.
pub const REALTIME: &str = "PTH-TEST";
/// The batch service's code.
pub const BATCH: &str = "GRF-TEST";

/// What the upstream saw and how it behaves.
#[derive(Default)]
pub struct Upstream {
    /// Answer every call with 503.
    pub down: AtomicBool,
    /// Form fields of every accepted POST.
    pub posted: Mutex<Vec<Vec<(String, String)>>>,
    /// Looks at each token so far.
    pub token_looks: AtomicU32,
    next_id: AtomicU32,
}

/// A running upstream.
pub struct Running {
    /// Its base URL (ends with `/`).
    pub base: String,
    /// Its state.
    pub upstream: Arc<Upstream>,
}

fn errors(status: StatusCode, description: &str) -> Response {
    (
        status,
        Json(json!([{"code": status.as_u16(), "description": description}])),
    )
        .into_response()
}

fn down(up: &Upstream) -> Option<Response> {
    up.down
        .load(Ordering::SeqCst)
        .then(|| errors(StatusCode::SERVICE_UNAVAILABLE, "maintenance"))
}

/// Starts the upstream on 127.0.0.1:0.
pub async fn start() -> Running {
    let upstream = Arc::new(Upstream {
        next_id: AtomicU32::new(638_344),
        ..Default::default()
    });
    let app = Router::new()
        .route("/open311/v2/services.json", get(services))
        .route("/open311/v2/services/{file}", get(definition))
        .route("/open311/v2/requests.json", post(create))
        .route("/open311/v2/tokens/{file}", get(token))
        .route("/open311/v2/requests/{file}", get(request))
        .with_state(upstream.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr: SocketAddr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Running {
        base: format!("http://{addr}/open311/v2/"),
        upstream,
    }
}

async fn services(State(up): State<Arc<Upstream>>) -> Response {
    if let Some(r) = down(&up) {
        return r;
    }
    Json(json!([
        {"service_code": REALTIME, "service_name": "Pothole", "metadata": true, "type": "realtime", "keywords": "pothole, hole", "group": "streets"},
        {"service_code": BATCH, "service_name": "Graffiti", "metadata": false, "type": "batch", "keywords": "graffiti", "group": "streets"}
    ]))
    .into_response()
}

async fn definition(State(up): State<Arc<Upstream>>, Path(file): Path<String>) -> Response {
    if let Some(r) = down(&up) {
        return r;
    }
    match file.as_str() {
        "PTH-TEST.json" => Json(json!({
            "service_code": REALTIME,
            "attributes": [
                {"variable": false, "code": "NOTE", "datatype": "string", "required": false, "order": 0,
                 "description": "Potholes on state highways are not ours."},
                {"variable": true, "code": "DEPTH", "datatype": "number", "required": false, "order": 2,
                 "description": "How deep is it, in inches?"},
                {"variable": true, "code": "SIZE", "datatype": "singlevaluelist", "required": true, "order": 1,
                 "description": "How big is it?", "datatype_description": "Compare it to a car tire.",
                 "values": [{"key": "small", "name": "Smaller than a tire"}, {"key": "large", "name": "Larger than a tire"}]}
            ]
        }))
        .into_response(),
        "GRF-TEST.json" => Json(json!({"service_code": BATCH, "attributes": []})).into_response(),
        _ => errors(StatusCode::NOT_FOUND, "service_code not found"),
    }
}

async fn create(
    State(up): State<Arc<Upstream>>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    if let Some(r) = down(&up) {
        return r;
    }
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if field("api_key") != Some(API_KEY) {
        return errors(StatusCode::FORBIDDEN, "api_key missing or invalid");
    }
    let Some(code) = field("service_code") else {
        return errors(StatusCode::BAD_REQUEST, "service_code is required");
    };
    let located = (field("lat").is_some() && field("long").is_some())
        || field("address_string").is_some()
        || field("address_id").is_some();
    if !located {
        return errors(StatusCode::BAD_REQUEST, "a location is required");
    }
    if field("description").is_some_and(|d| d.chars().count() > 4000) {
        return errors(StatusCode::BAD_REQUEST, "description is too long");
    }
    let answer = match code {
        REALTIME => {
            if field("attribute[SIZE]").is_none() {
                return errors(StatusCode::BAD_REQUEST, "attribute[SIZE] is required");
            }
            let id = up.next_id.fetch_add(1, Ordering::SeqCst);
            json!([{"service_request_id": id.to_string(), "service_notice": "We fix potholes within 5 business days."}])
        }
        BATCH => json!([{"token": "tok-8d2"}]),
        _ => return errors(StatusCode::NOT_FOUND, "service_code not found"),
    };
    up.posted.lock().expect("lock").push(fields.clone());
    Json(answer).into_response()
}

async fn token(State(up): State<Arc<Upstream>>, Path(file): Path<String>) -> Response {
    if let Some(r) = down(&up) {
        return r;
    }
    if file != "tok-8d2.json" {
        return errors(StatusCode::NOT_FOUND, "token not found");
    }
    // The city assigns the id a moment later: the first look finds nothing yet.
    if up.token_looks.fetch_add(1, Ordering::SeqCst) == 0 {
        return Json(Value::Array(Vec::new())).into_response();
    }
    Json(json!([{"service_request_id": "700001", "token": "tok-8d2"}])).into_response()
}

async fn request(State(up): State<Arc<Upstream>>, Path(file): Path<String>) -> Response {
    if let Some(r) = down(&up) {
        return r;
    }
    let Some(id) = file.strip_suffix(".json") else {
        return errors(StatusCode::BAD_REQUEST, "use .json");
    };
    if id != "638344" && id != "700001" {
        return errors(StatusCode::NOT_FOUND, "service_request_id not found");
    }
    Json(json!([{
        "service_request_id": id,
        "status": "open",
        "status_notes": "Crew scheduled for Thursday.",
        "service_name": "Pothole",
        "service_code": REALTIME,
        "requested_datetime": "2026-11-24T09:12:00-06:00",
        "updated_datetime": "2026-11-25T14:30:00-06:00",
        "expected_datetime": "2026-11-27T17:00:00-06:00",
        "address": "100 Main St"
    }]))
    .into_response()
}
