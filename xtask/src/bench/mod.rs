//! `cargo xtask bench`: throughput, latency, memory, build times and widget timings, printed
//! as figures (Markdown tables for `docs/performance.md`) — never pass/fail.
//!
//! Servers run pinned to CPU 0 and load generators to CPU 1 (`support`). The parts, each in
//! its own module and selectable with `--only`:
//!
//! - `ask`: `/api/v1/ask` on the demo city at 1, 32 and 64 connections;
//! - `peers`: `/api/v1/ask` on the ≈15k-entry perf corpus against tantivy-cli, Typesense and
//!   SQLite FTS5 searching the same data, in one run;
//! - `index`: building the index for 1k, 10k and 100k entries, time and memory;
//! - `widget`: the widget's sizes and the time to a first answer in headless Chromium;
//! - `live`: live chat with 1,000 residents and five staff.

mod ask;
mod corpus;
mod index_build;
mod json;
mod live;
mod peers;
mod support;
mod wayfinder;
mod widget;
mod wrk;

use std::process::Command;

use anyhow::{Result, bail};

use crate::cmd::{self, say};
use crate::repo::Repo;

/// Seconds each wrk row runs unless `--seconds` says otherwise.
pub const DEFAULT_SECONDS: u32 = 10;

/// One part of the bench.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// `/api/v1/ask` on the demo city.
    Ask,
    /// Wayfinder against other search servers on the perf corpus.
    Peers,
    /// Index build time and memory by content size.
    Index,
    /// Widget sizes and time to first answer in Chromium.
    Widget,
    /// Live chat with many residents and staff.
    Live,
}

impl Part {
    /// Every part, in the order they run.
    const ALL: [Part; 5] = [
        Part::Ask,
        Part::Peers,
        Part::Index,
        Part::Widget,
        Part::Live,
    ];

    fn name(self) -> &'static str {
        match self {
            Part::Ask => "ask",
            Part::Peers => "peers",
            Part::Index => "index",
            Part::Widget => "widget",
            Part::Live => "live",
        }
    }
}

/// Builds what is needed, runs the chosen parts (all without `only`) with wrk rows of
/// `seconds`, then prints every part's figures under one header. A part that fails is
/// reported and the others still run; the command then fails.
pub fn run(repo: &Repo, only: Option<Part>, seconds: u32) -> Result<()> {
    let started = std::time::Instant::now();
    let header = header(repo);
    let work = repo.target.join("bench");
    std::fs::create_dir_all(&work)?;
    let binary = wayfinder::build(repo)?;
    let parts: Vec<Part> = match only {
        Some(part) => vec![part],
        None => Part::ALL.to_vec(),
    };
    let mut sections = Vec::new();
    let mut failed = Vec::new();
    for part in parts {
        let load = support::load_average();
        say(format!("bench: {} (load average {load})", part.name()));
        let result = match part {
            Part::Ask => ask::run(repo, &work, &binary, seconds),
            Part::Peers => peers::run(repo, &work, &binary, seconds),
            Part::Index => index_build::run(repo, &work, &binary),
            Part::Widget => widget::run(repo, &work, &binary),
            Part::Live => live::run(repo, &work, &binary),
        };
        let title = format!("## {} (1-minute load average before: {load})", part.name());
        match result {
            Ok(report) => sections.push(format!("{title}\n\n{report}")),
            Err(e) => {
                sections.push(format!("{title}\n\nFAILED: {e:#}\n"));
                failed.push(part.name());
            }
        }
    }
    println!("\n{header}");
    for section in &sections {
        println!("\n{section}");
    }
    println!(
        "\nbench finished in {:.0} s; 1-minute load average now: {}",
        started.elapsed().as_secs_f64(),
        support::load_average()
    );
    if !failed.is_empty() {
        bail!("bench part(s) failed: {}", failed.join(", "));
    }
    Ok(())
}

/// Date, commit and machine, for the figures' heading.
fn header(repo: &Repo) -> String {
    let run = |program: &str, args: &[&str]| {
        cmd::output_if_ok(Command::new(program).args(args).current_dir(&repo.root))
            .map(|text| text.trim().to_owned())
            .unwrap_or_else(|| "?".to_owned())
    };
    let commit = run("git", &["rev-parse", "--short", "HEAD"]);
    let changed = !run("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty();
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or("?", str::trim)
        .to_owned();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_gib = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or("?".to_owned(), |kb| format!("{:.0} GiB", kb / 1_048_576.0));
    format!(
        "# cargo xtask bench: {} UTC, commit {commit}{}, {} CPU(s) ({cpu}), {memory_gib}, kernel {}",
        run("date", &["-u", "+%Y-%m-%d %H:%M"]),
        if changed { " (with local changes)" } else { "" },
        run("nproc", &[]),
        run("uname", &["-r"]),
    )
}
