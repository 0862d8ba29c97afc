//! The requests the widget makes: POST JSON to the API, GET a text file, and for live chat
//! GET or POST with the reply parsed by the browser (see [`crate::live_json`]).

use protocol::ErrorCode;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

use crate::reply::{self, Failure};

/// POSTs `body` as JSON to `url` and reads the reply (or the error) as JSON.
pub async fn post_json<B: Serialize, T: DeserializeOwned>(
    url: &str,
    body: &B,
) -> Result<T, Failure> {
    let (status, text) = post(url, body).await?;
    reply::parse(status, &text)
}

/// POSTs `body` as JSON to `url`; the reply is parsed with the browser's `JSON.parse`.
pub async fn post_js<B: Serialize>(url: &str, body: &B) -> Result<JsValue, Failure> {
    let (status, text) = post(url, body).await?;
    parse_js(status, &text)
}

/// GETs `url`; the reply is parsed with the browser's `JSON.parse`.
pub async fn get_js(url: &str) -> Result<JsValue, Failure> {
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    let (status, text) = fetch(url, &init).await.map_err(|_| Failure::Network)?;
    parse_js(status, &text)
}

fn parse_js(status: u16, text: &str) -> Result<JsValue, Failure> {
    if (200..300).contains(&status) {
        js_sys::JSON::parse(text).map_err(|_| Failure::Server(ErrorCode::Internal))
    } else {
        Err(reply::failure(status, text))
    }
}

async fn post<B: Serialize>(url: &str, body: &B) -> Result<(u16, String), Failure> {
    let json = serde_json::to_string(body).map_err(|_| Failure::Network)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_credentials(RequestCredentials::Omit);
    let headers = js_sys::Object::new();
    js_sys::Reflect::set(
        &headers,
        &JsValue::from_str("content-type"),
        &JsValue::from_str("application/json"),
    )
    .map_err(|_| Failure::Network)?;
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&json));
    fetch(url, &init).await.map_err(|_| Failure::Network)
}

/// GETs `url` as text; `None` unless the server answers 2xx.
pub async fn get_text(url: &str) -> Option<String> {
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    match fetch(url, &init).await {
        Ok((status, text)) if (200..300).contains(&status) => Some(text),
        _ => None,
    }
}

async fn fetch(url: &str, init: &RequestInit) -> Result<(u16, String), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await?
        .dyn_into()?;
    let text = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    Ok((response.status(), text))
}
