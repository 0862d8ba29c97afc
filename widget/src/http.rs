//! The requests the widget makes: GET or POST JSON, the reply parsed by the browser (see
//! [`crate::json`]), and GET a text file.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

use crate::json::{self, ToJson};
use crate::reply::{self, Failure};

/// POSTs `body` as JSON to `url`; the reply (or the error) is parsed with the browser's
/// `JSON.parse`.
pub async fn post_json(url: &str, body: &impl ToJson) -> Result<json::Value, Failure> {
    let (status, text) = post(url, body).await?;
    reply::read(status, &text, |value| Some(value.clone()))
}

/// GETs `url`; the reply (or the error) is parsed with the browser's `JSON.parse`.
pub async fn get_json(url: &str) -> Result<json::Value, Failure> {
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    let (status, text) = fetch(url, &init).await.map_err(|_| Failure::Network)?;
    reply::read(status, &text, |value| Some(value.clone()))
}

async fn post(url: &str, body: &impl ToJson) -> Result<(u16, String), Failure> {
    let json = body.to_json();
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
