//! tantivy-cli's `serve` over the corpus: an index with `title` and `body` as text fields
//! (tantivy's default tokenizer, no stemming), searched with its query parser over both
//! fields, top 10 with their stored documents.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use super::{Contender, Inputs};
use crate::bench::corpus;
use crate::bench::support::{SERVER_CPU, Server, free_port, pinned, url_encode};
use crate::cmd::say;

/// The index's schema in tantivy's `meta.json` form: `title` and `body` indexed with
/// positions and stored, `id` and `lang` stored only.
const META: &str = r#"{
  "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
  "segments": [],
  "schema": [
    {"name": "id", "type": "text", "options": {"indexing": null, "stored": true, "fast": false}},
    {"name": "lang", "type": "text", "options": {"indexing": null, "stored": true, "fast": false}},
    {"name": "title", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": true, "tokenizer": "default"}, "stored": true, "fast": false}},
    {"name": "body", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": true, "tokenizer": "default"}, "stored": true, "fast": false}}
  ],
  "opstamp": 0
}"#;

/// Builds the index with `tantivy index` in `<work>/tantivy-index`.
pub fn build_index(inputs: &Inputs) -> Result<()> {
    let index = inputs.work.join("tantivy-index");
    if index.exists() {
        std::fs::remove_dir_all(&index)?;
    }
    std::fs::create_dir_all(&index)?;
    std::fs::write(index.join("meta.json"), META)?;
    say("bench: indexing the corpus with tantivy-cli");
    let output = Command::new(&inputs.tools.tantivy)
        .args(["index", "-i"])
        .arg(&index)
        .arg("-f")
        .arg(&inputs.documents)
        .output()
        .context("running tantivy index")?;
    let printed = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() || printed.contains("Failed to add document") {
        bail!(
            "tantivy index failed ({}): {printed}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}

/// Starts `tantivy serve` on the server core, with `preload` (the TCP_NODELAY shim) when
/// given.
pub fn start(inputs: &Inputs, name: &str, preload: Option<&Path>) -> Result<Contender> {
    let port = free_port()?;
    let mut command = pinned(SERVER_CPU, &inputs.tools.tantivy);
    command
        .args(["serve", "-i"])
        .arg(inputs.work.join("tantivy-index"))
        .args(["--host", "127.0.0.1", "-p", &port.to_string()]);
    if let Some(library) = preload {
        command.env("LD_PRELOAD", library);
    }
    let log = inputs.work.join(format!("{}.log", name.replace(' ', "-")));
    let mut server = Server::start(command, port, &log)?;
    server.wait_ready("/api/?q=covid")?;
    let paths = inputs
        .queries
        .iter()
        .map(|q| format!("/api/?q={}&nhits=10", url_encode(&corpus::words(q))))
        .collect();
    Contender::get(inputs, name, server, paths, &[], "\"score\"")
}
