//! Wayfinder itself in the bench: the release binary, a configuration per measurement, the
//! import of JSONL records into a knowledge base, and the server pinned to the server core.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use super::corpus::DEFAULT_URL;
use super::support::{SERVER_CPU, Server, free_port, pinned};
use crate::cmd::{self, say};
use crate::repo::Repo;

/// The path the server answers once it is ready.
pub const HEALTH: &str = "/healthz";

/// Builds the release server; returns the `wayfinder` binary.
pub fn build(repo: &Repo) -> Result<PathBuf> {
    say("bench: building wayfinder-server (release)");
    cmd::run(&mut cmd::cargo(
        ["build", "--release", "-p", "wayfinder-server"],
        &repo.root,
    ))?;
    Ok(repo.target.join("release").join("wayfinder"))
}

/// The site a bench configuration serves.
pub struct Site<'a> {
    /// Site id; must be the `site` in the content's `knowledge.toml`.
    pub id: &'a str,
    /// The knowledge-base folder.
    pub content: &'a Path,
    /// The city's IANA time zone.
    pub timezone: &'a str,
}

/// Id of the demo city's site.
pub const DEMO_SITE: &str = "riverton";
/// Time zone of the demo city.
pub const DEMO_TIMEZONE: &str = "America/Chicago";

/// The demo city's content folder.
pub fn demo_content(repo: &Repo) -> PathBuf {
    repo.root.join("knowledge/demo")
}

/// Writes `<work>/<name>.toml` for one server on a free port with a fresh SQLite database
/// `<work>/<name>.db`, rate limits lifted, and the demo page at `/` when `demo_page`; returns
/// the file and the port. `extra` is appended (further `[sites.*]` tables).
pub fn config(
    repo: &Repo,
    work: &Path,
    name: &str,
    site: &Site<'_>,
    demo_page: bool,
    extra: &str,
) -> Result<(PathBuf, u16)> {
    let port = free_port()?;
    let db = work.join(format!("{name}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let root = repo.root.display();
    let demo = if demo_page {
        format!("demo_dir = \"{root}/server/assets/demo\"\n")
    } else {
        String::new()
    };
    let text = format!(
        r#"[server]
listen = "127.0.0.1:{port}"
database_url = "sqlite://{db}"
widget_dir = "{widget}"
locales_dir = "{root}/locales"
{demo}
[server.rate_limit]
burst = 4000000000
per_minute = 4000000000

[[sites]]
id = "{id}"
name = "Bench {id}"
content = "{content}"
timezone = "{timezone}"
contact_url = "https://www.riverton.example/contact"
phone = "(555) 010-0100"
{extra}"#,
        db = db.display(),
        widget = repo.widget_out().display(),
        id = site.id,
        content = site.content.display(),
        timezone = site.timezone,
    );
    let path = work.join(format!("{name}.toml"));
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    Ok((path, port))
}

/// Imports JSONL `records` with `wayfinder import` into a fresh knowledge base at `out`
/// (whose folder name is the site id); returns how long it took.
pub fn import(binary: &Path, records: &Path, out: &Path) -> Result<Duration> {
    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("clearing {}", out.display()))?;
    }
    let started = Instant::now();
    let output = Command::new(binary)
        .arg("import")
        .arg("--jsonl")
        .arg(records)
        .arg("--out")
        .arg(out)
        .args(["--url", DEFAULT_URL])
        .output()
        .context("running wayfinder import")?;
    let elapsed = started.elapsed();
    if !output.status.success() {
        bail!(
            "wayfinder import failed ({}): {}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(elapsed)
}

/// Starts `wayfinder serve --config <config>` on the server core, logging warnings to
/// `<config>.log`.
pub fn start(binary: &Path, config: &Path, port: u16) -> Result<Server> {
    let mut command = pinned(SERVER_CPU, binary);
    command
        .arg("serve")
        .arg("--config")
        .arg(config)
        .env("WAYFINDER_LOG", "warn");
    Server::start(command, port, &config.with_extension("log"))
}
