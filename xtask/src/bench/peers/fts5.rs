//! SQLite FTS5 with bm25 behind a minimal HTTP endpoint (`tests/src/bin/fts5_search.rs`:
//! axum + sqlx): the corpus loaded into a database file first, then served read-only.

use std::process::Command;

use anyhow::{Context, Result, bail};

use super::{Contender, Inputs};
use crate::bench::corpus;
use crate::bench::support::{SERVER_CPU, Server, free_port, pinned, url_encode};

/// Loads the corpus, then starts the endpoint on the server core.
pub fn start(inputs: &Inputs, name: &str) -> Result<Contender> {
    let db = inputs.work.join("fts5.db");
    let output = Command::new(&inputs.tools.fts5)
        .args(["load", "--corpus"])
        .arg(&inputs.documents)
        .arg("--db")
        .arg(&db)
        .output()
        .context("running fts5_search load")?;
    if !output.status.success() {
        bail!(
            "fts5_search load failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let port = free_port()?;
    let mut command = pinned(SERVER_CPU, &inputs.tools.fts5);
    command
        .args(["serve", "--db"])
        .arg(&db)
        .args(["--listen", &format!("127.0.0.1:{port}")]);
    let mut server = Server::start(command, port, &inputs.work.join("fts5.log"))?;
    server.wait_ready("/health")?;
    let paths = inputs
        .queries
        .iter()
        .map(|q| format!("/search?q={}", url_encode(&corpus::words(q))))
        .collect();
    Contender::get(inputs, name, server, paths, &[], "\"score\"")
}
