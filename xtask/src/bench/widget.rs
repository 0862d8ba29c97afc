//! The widget: its sizes (as `cargo xtask widget` reports them after building it) and the time
//! to a first answer in headless Chromium (`tests/browser/bench_first_answer.mjs`) on the
//! demo page, served by a release server on the server core, the browser on the load core.

use std::path::Path;
use std::process::Stdio;

use anyhow::{Context, Result, bail};

use super::support::{LOAD_CPU, pinned};
use super::wayfinder::{self, DEMO_SITE, DEMO_TIMEZONE, Site};
use crate::cmd::{self, say};
use crate::install;
use crate::repo::Repo;

/// Page loads measured.
const RUNS: u32 = 20;

/// Runs the measurement; returns the report.
pub fn run(repo: &Repo, work: &Path, binary: &Path) -> Result<String> {
    let sizes = sizes(repo)?;
    install::chromium(repo)?;
    install::browser_tests(repo)?;
    let content = wayfinder::demo_content(repo);
    let site = Site {
        id: DEMO_SITE,
        content: &content,
        timezone: DEMO_TIMEZONE,
    };
    let (config, port) = wayfinder::config(repo, work, "widget", &site, true, "")?;
    let mut server = wayfinder::start(binary, &config, port)?;
    server.wait_ready(wayfinder::HEALTH)?;
    say(format!(
        "bench: time to first answer in Chromium, {RUNS} page loads"
    ));
    let output = pinned(LOAD_CPU, "node")
        .arg(repo.browser_tests_dir().join("bench_first_answer.mjs"))
        .args(["--url", &format!("http://127.0.0.1:{port}/")])
        .args(["--runs", &RUNS.to_string()])
        .env("CHROMIUM", install::CHROMIUM)
        .stdin(Stdio::null())
        .output()
        .context("running bench_first_answer.mjs")?;
    drop(server);
    let timings = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        bail!(
            "bench_first_answer.mjs failed ({}): {timings}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(format!("Widget sizes\n\n{sizes}\n{timings}"))
}

/// Builds the widget with `cargo xtask widget` and
/// returns the size table it prints; a widget over its budget is still measured.
fn sizes(repo: &Repo) -> Result<String> {
    say("bench: building the widget (cargo xtask widget)");
    // Through cargo, not this very executable: a concurrent build may have replaced it.
    let output = cmd::cargo(["xtask", "widget"], &repo.root)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .context("running cargo xtask widget")?;
    let printed = String::from_utf8_lossy(&output.stdout);
    let table: Vec<&str> = printed
        .lines()
        .skip_while(|l| !l.starts_with("widget files in"))
        .take_while(|l| !l.starts_with("xtask: ") || l.contains("gzipped for one locale"))
        .collect();
    if table.is_empty() {
        bail!(
            "cargo xtask widget printed no size table ({}): {printed}",
            output.status
        );
    }
    let mut text = table.join("\n");
    text.push('\n');
    if !output.status.success() {
        text.push_str("(the widget is over its size budget: see the table)\n");
    }
    Ok(text)
}
