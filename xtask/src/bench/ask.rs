//! `/api/v1/ask` on the demo city: a full turn (language, search, decision, reply, storage)
//! under wrk at 1, 32 and 64 connections, cycling through the labelled demo and short
//! questions (440 questions in several languages); once ranked by words alone, once by
//! meaning (the sentence encoder; entry vectors kept in the bench folder, so only the first
//! run encodes the entries).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

use super::wayfinder::{self, DEMO_SITE, DEMO_TIMEZONE, Site};
use super::{json, support, wrk};
use crate::cmd::say;
use crate::install;
use crate::repo::Repo;

/// The labelled question files in `tests/data`.
const QUESTION_FILES: &[&str] = &["riverton-queries.jsonl", "short-queries.jsonl"];

/// Runs the measurement, ranked by words alone and then by meaning; returns the report.
pub fn run(repo: &Repo, work: &Path, binary: &Path, seconds: u32) -> Result<String> {
    let model = install::semantic_model(repo)?;
    let bodies = bodies(repo)?;
    let script = work.join("ask.lua");
    std::fs::write(&script, wrk::post_json_script(&bodies))?;
    let mut report = String::new();
    for meaning in [false, true] {
        let (heading, extra) = if meaning {
            (
                "ranked by meaning (`[search] semantic_model`)",
                format!(
                    "\n[search]\nsemantic_model = \"{}\"\nvector_cache = \"{}\"\n",
                    model.display(),
                    work.join("vectors").display()
                ),
            )
        } else {
            ("ranked by words alone", String::new())
        };
        let _ = write!(
            report,
            "{}/api/v1/ask on the demo city, {heading} ({} questions; server on CPU {}, wrk on \
             CPU {}, {seconds} s per row)\n\n",
            if meaning { "\n" } else { "" },
            bodies.len(),
            support::SERVER_CPU,
            support::LOAD_CPU,
        );
        report.push_str(&measure(
            repo, work, binary, &script, seconds, meaning, &extra,
        )?);
    }
    Ok(report)
}

/// One server, ranked by meaning or not, under wrk at each number of connections.
fn measure(
    repo: &Repo,
    work: &Path,
    binary: &Path,
    script: &Path,
    seconds: u32,
    meaning: bool,
    extra: &str,
) -> Result<String> {
    let content = wayfinder::demo_content(repo);
    let site = Site {
        id: DEMO_SITE,
        content: &content,
        timezone: DEMO_TIMEZONE,
    };
    let name = if meaning { "ask-meaning" } else { "ask" };
    let (config, port) = wayfinder::config(repo, work, name, &site, false, extra)?;
    let mut server = wayfinder::start(binary, &config, port)?;
    server.wait_ready(wayfinder::HEALTH)?;
    let url = format!("http://127.0.0.1:{port}/api/v1/ask");
    wrk::warm_up(script, &url)?;
    let mut runs = Vec::new();
    for &connections in wrk::CONNECTIONS {
        say(format!(
            "bench: ask on the demo city{}, {connections} connection(s) for {seconds} s",
            if meaning { " ranked by meaning" } else { "" }
        ));
        runs.push(wrk::run(script, &url, connections, seconds)?);
    }
    let peak = server.peak_rss_kb()?;
    drop(server);

    let mut report = String::from(
        "| connections | requests/s | p50 | p90 | p99 | errors |\n|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in &runs {
        let _ = writeln!(
            report,
            "| {} | {:.0} | {:.2} ms | {:.2} ms | {:.2} ms | {} |",
            r.connections, r.per_second, r.p50_ms, r.p90_ms, r.p99_ms, r.errors
        );
    }
    let _ = writeln!(
        report,
        "\nserver peak memory (VmHWM): {}",
        support::mb(peak)
    );
    Ok(report)
}

/// One `/api/v1/ask` body per labelled question.
fn bodies(repo: &Repo) -> Result<Vec<String>> {
    let mut bodies = Vec::new();
    for file in QUESTION_FILES {
        let path = repo.root.join("tests/data").join(file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let text = json::fields(line)
                .and_then(|fields| fields.into_iter().find(|(k, _)| k == "text"))
                .map(|(_, value)| value)
                .with_context(|| format!("{}:{}: no \"text\"", path.display(), n + 1))?;
            bodies.push(format!(r#"{{"site":"{DEMO_SITE}","text":{text}}}"#));
        }
    }
    Ok(bodies)
}
