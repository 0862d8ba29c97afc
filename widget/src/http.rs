//! The two kinds of request the widget makes: POST JSON to the API, GET a text file.

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
    let (status, text) = fetch(url, &init).await.map_err(|_| Failure::Network)?;
    reply::parse(status, &text)
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
