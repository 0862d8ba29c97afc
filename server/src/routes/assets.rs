//! Static files: the widget (`/widget/...`), its strings (`/widget/locales/...`), the list of
//! both with sizes and hashes (`/widget/manifest.json`) and, when configured, the demo city's
//! home page (`/`).
//!
//! The widget formats its strings without a Fluent parser: each `locales/<tag>/widget.ftl` is
//! compiled once, when the server starts, into the compact JSON the widget reads
//! (`/widget/locales/<tag>/widget.json`, see `i18n::compact`). The `.ftl` files stay
//! available beside it.
//!
//! The manifest lists every file of the widget folder and every compiled strings file with
//! its size, its size gzipped (level 9) and its Subresource Integrity hash, read at start-up,
//! so a city can pin exactly what its pages load (`<script integrity="sha384-...">`).
//! Widget responses are gzipped for clients that accept it.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::routing::get;
use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha384};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::AppState;

/// The policy the demo page is served with: the strict one a careful city would use, with
/// only `'wasm-unsafe-eval'` added for the widget.
pub const DEMO_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// How long browsers and proxies may keep widget files.
const WIDGET_CACHE: &str = "public, max-age=300";

/// Routes of this feature.
pub fn router(state: &AppState) -> Router<AppState> {
    let server = &state.config.server;
    let cache = SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static(WIDGET_CACHE),
    );
    let locales = compile_locales(&server.locales_dir);
    let manifest = Manifest::read(&server.widget_dir, &locales);
    let mut router = Router::new().route("/widget/manifest.json", json_route(manifest.to_json()));
    for (tag, json) in locales {
        router = router.route(&strings_path(&tag), json_route(json));
    }
    let mut router = router
        .nest_service(
            "/widget/locales",
            ServeDir::new(&server.locales_dir).append_index_html_on_directories(false),
        )
        .nest_service(
            "/widget",
            ServeDir::new(&server.widget_dir).append_index_html_on_directories(false),
        )
        .layer(cache)
        .layer(CompressionLayer::new().quality(CompressionLevel::Best));
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

/// Where the compiled strings of locale `tag` are served.
pub fn strings_path(tag: &str) -> String {
    format!("/widget/locales/{tag}/widget.json")
}

/// A `GET` route answering with a fixed JSON body.
fn json_route(body: Bytes) -> axum::routing::MethodRouter<AppState> {
    get(move || {
        let body = body.clone();
        async move {
            (
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )],
                body,
            )
        }
    })
}

/// Each `<locales_dir>/<tag>/widget.ftl` compiled for the widget, by tag. A locale whose
/// strings do not compile is left out (the widget then shows English) and logged.
fn compile_locales(locales_dir: &Path) -> Vec<(String, Bytes)> {
    let Ok(entries) = std::fs::read_dir(locales_dir) else {
        tracing::warn!(dir = %locales_dir.display(), "no locales folder: the widget shows English");
        return Vec::new();
    };
    let mut tags: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("widget.ftl").is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    tags.sort();
    let mut compiled = Vec::with_capacity(tags.len());
    for tag in tags {
        let path = locales_dir.join(&tag).join("widget.ftl");
        let result = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|source| {
                i18n::compile(&tag, &path.display().to_string(), &source).map_err(|e| e.to_string())
            });
        match result {
            Ok(json) => compiled.push((tag, Bytes::from(json))),
            Err(error) => {
                tracing::warn!(%error, locale = %tag, "widget strings not served: the widget shows English");
            }
        }
    }
    compiled
}

/// `/widget/manifest.json`: every widget asset a page may load.
#[derive(Debug, Serialize)]
struct Manifest {
    files: Vec<ManifestFile>,
}

/// One file of the manifest.
#[derive(Debug, Serialize)]
struct ManifestFile {
    /// Its path on this server, e.g. `/widget/widget.js`.
    path: String,
    /// Its size.
    bytes: u64,
    /// Its size gzipped at level 9.
    gzip_bytes: u64,
    /// Its Subresource Integrity hash, `sha384-<base64>`.
    sha384: String,
}

impl Manifest {
    /// The files of `widget_dir` (all of them, in sub-folders too) and the compiled strings.
    fn read(widget_dir: &Path, locales: &[(String, Bytes)]) -> Self {
        let mut files = Vec::new();
        let mut found = Vec::new();
        walk(widget_dir, &mut found);
        for path in found {
            let Ok(relative) = path.strip_prefix(widget_dir) else {
                continue;
            };
            let url: Vec<String> = relative
                .components()
                .map(|part| part.as_os_str().to_string_lossy().into_owned())
                .collect();
            match std::fs::read(&path) {
                Ok(bytes) => files.push(ManifestFile::new(
                    format!("/widget/{}", url.join("/")),
                    &bytes,
                )),
                Err(error) => {
                    tracing::warn!(%error, file = %path.display(), "widget file left out of the manifest");
                }
            }
        }
        if files.is_empty() {
            tracing::warn!(dir = %widget_dir.display(), "no widget files: build them with `cargo xtask widget`");
        }
        for (tag, json) in locales {
            files.push(ManifestFile::new(strings_path(tag), json));
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Self { files }
    }

    fn to_json(&self) -> Bytes {
        Bytes::from(serde_json::to_vec_pretty(self).unwrap_or_default())
    }
}

impl ManifestFile {
    fn new(path: String, bytes: &[u8]) -> Self {
        Self {
            path,
            bytes: bytes.len() as u64,
            gzip_bytes: gzip_len(bytes),
            sha384: integrity(bytes),
        }
    }
}

/// The files under `dir`, recursively.
fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|entry| entry.ok()) {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found);
        } else if path.is_file() {
            found.push(path);
        }
    }
}

/// The Subresource Integrity value of `bytes`: `sha384-` and the base64 of their SHA-384.
pub fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The size of `bytes` gzipped at level 9.
fn gzip_len(bytes: &[u8]) -> u64 {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let compressed = encoder.write_all(bytes).and_then(|()| encoder.finish());
    compressed.map_or(bytes.len() as u64, |out| out.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_sri_sha384() {
        // SHA-384("abc"), from FIPS 180-2, in base64.
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn gzip_shrinks_repetitive_text() {
        let text = "widget ".repeat(1000);
        let len = gzip_len(text.as_bytes());
        assert!(len > 18 && len < 200, "{len}");
    }

    #[test]
    fn every_locale_folder_compiles() {
        let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
        let compiled = compile_locales(&locales);
        let tags: Vec<&str> = compiled.iter().map(|(tag, _)| tag.as_str()).collect();
        assert!(
            tags.contains(&"en") && tags.contains(&"zh-Hant"),
            "{tags:?}"
        );
        for (tag, json) in &compiled {
            let value: serde_json::Value = serde_json::from_slice(json).expect("JSON");
            assert_eq!(value["lang"], tag.as_str());
            assert!(value["messages"]["send-button"].is_string(), "{tag}");
        }
    }

    #[test]
    fn the_manifest_lists_files_and_strings() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("widget.js"), "console.log(1)").expect("write");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        std::fs::write(dir.path().join("sub/a.txt"), "a").expect("write");
        let locales = vec![("es".to_owned(), Bytes::from_static(b"{}"))];
        let manifest = Manifest::read(dir.path(), &locales);
        let paths: Vec<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/widget/locales/es/widget.json",
                "/widget/sub/a.txt",
                "/widget/widget.js"
            ]
        );
        assert_eq!(manifest.files[2].bytes, 14);
        assert_eq!(manifest.files[0].sha384, integrity(b"{}"));
    }
}
