//! Static files: the widget (`/widget/...`), its Fluent strings (`/widget/locales/...`) and,
//! when configured, the demo city's home page (`/`).

use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::AppState;

/// The policy the demo page is served with: the strict one a careful city would use, with
/// only `'wasm-unsafe-eval'` added for the widget.
pub const DEMO_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Routes of this feature.
pub fn router(state: &AppState) -> Router<AppState> {
    let server = &state.config.server;
    let cache = SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    let mut router = Router::new()
        .nest_service(
            "/widget/locales",
            ServeDir::new(&server.locales_dir).append_index_html_on_directories(false),
        )
        .nest_service(
            "/widget",
            ServeDir::new(&server.widget_dir).append_index_html_on_directories(false),
        )
        .layer(cache);
    if let Some(demo) = &server.demo_dir {
        let csp = SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEMO_CSP),
        );
        let demo_routes = Router::new()
            .route_service("/", ServeFile::new(demo.join("index.html")))
            .route_service("/demo.css", ServeFile::new(demo.join("demo.css")))
            .route_service("/favicon.svg", ServeFile::new(demo.join("favicon.svg")))
            .layer(csp);
        router = router.merge(demo_routes);
    }
    router
}
