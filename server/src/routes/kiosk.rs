//! `GET /kiosk?site=…&lang=…&idle=…`: the assistant full screen, for the self-service
//! terminals cities put in libraries and community centres. The page only loads the usual
//! widget loader with `data-mode="kiosk"`: the widget then fills the screen with larger text
//! and targets, stores nothing on the device, and after `idle` seconds without a touch or key
//! (default 120) warns and clears everything about the resident for the next one.
//!
//! Served with the same strict policy as the demo page ([`assets::DEMO_CSP`]): no inline
//! script or style, only `'wasm-unsafe-eval'` added for the widget.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use tower_http::set_header::SetResponseHeaderLayer;

use super::assets;
use crate::html::escape;
use crate::state::AppState;

/// The shortest and longest inactivity, in seconds, a kiosk may be set to.
pub const IDLE_SECONDS: std::ops::RangeInclusive<u32> = 3..=3600;

/// The kiosk page's stylesheet (served at `/kiosk.css`, as inline styles are not allowed).
const CSS: &str = include_str!("../../assets/kiosk/kiosk.css");

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/kiosk", get(kiosk))
        .route("/kiosk.css", get(css))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(assets::DEMO_CSP),
        ))
}

#[derive(Debug, Deserialize)]
struct KioskQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    lang: Option<String>,
    /// Kept as text, so a bad value gets this page's own explanation.
    #[serde(default)]
    idle: Option<String>,
}

async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        CSS,
    )
}

async fn kiosk(State(state): State<AppState>, Query(query): Query<KioskQuery>) -> Response {
    let Some(site) = state.sites.get(&query.site) else {
        return problem(
            StatusCode::NOT_FOUND,
            "No assistant here",
            &format!(
                "There is no site called “{}” on this server. Check the address: it should be \
                 /kiosk?site= followed by the site id the city was given.",
                query.site
            ),
        );
    };
    let idle = match query.idle.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => match text.parse::<u32>() {
            Ok(seconds) if IDLE_SECONDS.contains(&seconds) => Some(seconds),
            _ => {
                return problem(
                    StatusCode::BAD_REQUEST,
                    "Inactivity time out of range",
                    &format!(
                        "idle is the number of seconds without a touch or key before the \
                         screen is cleared: a whole number from {} to {}.",
                        IDLE_SECONDS.start(),
                        IDLE_SECONDS.end()
                    ),
                );
            }
        },
    };
    let index = site.content.index();
    let languages: Vec<&str> = index.languages().collect();
    let lang = query
        .lang
        .as_deref()
        .map(i18n::normalize_tag)
        .filter(|tag| languages.contains(&tag.as_str()))
        .unwrap_or_else(|| index.default_language().to_owned());
    let idle_attr = idle.map_or_else(String::new, |s| format!(" data-idle-seconds=\"{s}\""));
    Html(format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{name}</title>\n<link rel=\"icon\" href=\"data:,\">\n\
         <link rel=\"stylesheet\" href=\"/kiosk.css\">\n</head>\n<body>\n\
         <main>\n<h1 class=\"vh\">{name}</h1>\n\
         <script src=\"/widget/widget.js\" data-site=\"{site}\" data-lang=\"{lang}\" \
         data-mode=\"kiosk\"{idle_attr} async></script>\n</main>\n</body>\n</html>\n",
        lang = escape(&lang),
        dir = i18n::direction(&lang).as_str(),
        name = escape(&site.config.name),
        site = escape(&site.config.id),
    ))
    .into_response()
}

/// A short page explaining what is wrong with the address.
fn problem(status: StatusCode, title: &str, text: &str) -> Response {
    let page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/kiosk.css\">\n</head>\n<body>\n\
         <main class=\"missing\">\n<h1>{title}</h1>\n<p>{text}</p>\n</main>\n</body>\n</html>\n",
        title = escape(title),
        text = escape(text),
    );
    (status, Html(page)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_keep_their_status() {
        let response = problem(StatusCode::NOT_FOUND, "No <site>", "a & b");
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }

    #[test]
    fn the_idle_range_allows_short_tests_and_an_hour() {
        assert!(IDLE_SECONDS.contains(&3) && IDLE_SECONDS.contains(&120));
        assert!(!IDLE_SECONDS.contains(&2) && !IDLE_SECONDS.contains(&3601));
    }
}
