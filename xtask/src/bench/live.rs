//! Live chat: a fresh server on the server core, and the load generator
//! (`tests/src/bin/live_load.rs`) on the load core connecting 1,000 residents over WebSockets,
//! five staff consoles accepting all their chats, and five rounds of messages both ways; it
//! prints the delivery latency per direction, and the server's peak memory is read after.

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use super::support::{self, LOAD_CPU, pinned};
use super::wayfinder::{self, DEMO_SITE, DEMO_TIMEZONE, Site};
use crate::cmd::{self, say};
use crate::repo::Repo;

/// Residents connected at once.
const RESIDENTS: u32 = 1000;
/// Staff consoles answering them (sign-in is rate-limited to 5 at once per address).
const STAFF: u32 = 5;
/// Messages each way per chat.
const ROUNDS: u32 = 5;
/// Password of the bench's staff accounts.
const PASSWORD: &str = "bench-password-not-secret";

/// Live chat open round the clock (the bench runs at any hour), each staff member taking
/// their share of the chats.
fn live_config() -> String {
    let per_staff = RESIDENTS.div_ceil(STAFF);
    let mut text =
        format!("\n[sites.live]\nmax_chats_per_staff = {per_staff}\n[sites.live.hours]\n");
    for day in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
        text.push_str(&format!("{day} = [\"00:00-24:00\"]\n"));
    }
    text
}

/// Runs the measurement; returns the report.
pub fn run(repo: &Repo, work: &Path, binary: &Path) -> Result<String> {
    say("bench: building the live-chat load generator (release)");
    cmd::run(&mut cmd::cargo(
        ["build", "--release", "-p", "e2e", "--bin", "live_load"],
        &repo.root,
    ))?;
    let content = wayfinder::demo_content(repo);
    let site = Site {
        id: DEMO_SITE,
        content: &content,
        timezone: DEMO_TIMEZONE,
    };
    let (config, port) = wayfinder::config(repo, work, "live", &site, false, &live_config())?;
    for n in 1..=STAFF {
        let status = Command::new(binary)
            .args(["staff", "add", "--config"])
            .arg(&config)
            .args(["--site", DEMO_SITE, "--name", &format!("Agent {n}")])
            .args(["--email", &format!("bench-{n}@bench.example")])
            .env("WAYFINDER_PASSWORD", PASSWORD)
            .stdout(Stdio::null())
            .status()?;
        if !status.success() {
            bail!("creating the bench's staff accounts failed");
        }
    }
    let mut server = wayfinder::start(binary, &config, port)?;
    server.wait_ready(wayfinder::HEALTH)?;
    say(format!(
        "bench: live chat, {RESIDENTS} residents and {STAFF} staff"
    ));
    let output = pinned(LOAD_CPU, repo.target.join("release").join("live_load"))
        .args(["--url", &format!("http://127.0.0.1:{port}")])
        .args(["--residents", &RESIDENTS.to_string()])
        .args(["--staff", &STAFF.to_string()])
        .args(["--staff-email-prefix", "bench"])
        .args(["--password", PASSWORD])
        .args(["--rounds", &ROUNDS.to_string()])
        .output()
        .context("running the load generator")?;
    let figures = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        bail!(
            "the live-chat load failed: {figures}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let peak = server.peak_rss_kb()?;
    drop(server);
    Ok(format!(
        "Live chat: {RESIDENTS} residents connected at once, {STAFF} staff, {ROUNDS} rounds \
         (server on CPU {}, load on CPU {LOAD_CPU})\n\n{figures}server peak memory (VmHWM): {}\n",
        support::SERVER_CPU,
        support::mb(peak)
    ))
}
