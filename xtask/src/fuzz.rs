//! `cargo xtask fuzz`: run the cargo-fuzz targets in `fuzz/` for a bounded time each and
//! print what they did (executions, speed, corpus size, crashes).
//!
//! The targets are the content parser (`content_parser`), the ask request path
//! (`ask_request`) and the Open311 documents (`open311_response`); `fuzz/` is a cargo project
//! of its own, outside the workspace, so that the ordinary builds, lints and tests never
//! compile it. cargo-fuzz is installed from crates.io when missing. It needs nightly compiler
//! flags; the stable toolchain accepts them with `RUSTC_BOOTSTRAP=1`, set for these builds
//! only.
//!
//! Each target starts from its committed seed corpus (`fuzz/corpus/<target>`: small samples
//! of the demo content, the labelled questions and Open311 documents) and grows a working
//! corpus in `target/fuzz/corpus/<target>`, kept between runs. Crashing inputs are written
//! to `target/fuzz/artifacts/<target>/`, the fuzzer's full output to
//! `target/fuzz/logs/<target>.log`. The fuzzers run one at a time, one job each, at low
//! priority. The command fails when a target crashed.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::cmd::{self, say};
use crate::repo::Repo;

/// The fuzz targets, in the order they run.
pub const TARGETS: &[&str] = &["content_parser", "ask_request", "open311_response"];

/// The target cargo fuzz builds for (its default).
const TRIPLE: &str = "x86_64-unknown-linux-gnu";

/// Seconds each target runs by default.
pub const DEFAULT_SECONDS: u64 = 60;

/// What one target's run did.
#[derive(Debug, Default)]
struct Outcome {
    /// The target's name.
    target: String,
    /// How long the fuzzer ran, as it reported.
    seconds: u64,
    /// Inputs executed.
    execs: u64,
    /// Inputs in the working corpus afterwards.
    corpus: usize,
    /// Crashing (or timing-out, out-of-memory) inputs written.
    crashes: Vec<PathBuf>,
    /// Whether the fuzzer exited successfully.
    passed: bool,
}

/// Runs `target` (or every target) for `seconds` each; `sanitizer` as cargo fuzz names it.
pub fn run(repo: &Repo, seconds: u64, target: Option<&str>, sanitizer: &str) -> Result<()> {
    let targets: Vec<&str> = match target {
        Some(name) if TARGETS.contains(&name) => vec![name],
        Some(name) => bail!("no fuzz target {name:?} (targets: {})", TARGETS.join(", ")),
        None => TARGETS.to_vec(),
    };
    cargo_fuzz(repo)?;
    let fuzz_dir = repo.root.join("fuzz");
    let work = repo.target.join("fuzz");

    say(format!(
        "fuzz: building the targets (sanitizer: {sanitizer})"
    ));
    let mut build = fuzz_command(repo);
    build
        .args(["build", "--sanitizer", sanitizer])
        .args(fuzz_dir_args(repo, &work));
    cmd::run(&mut build)?;

    let mut outcomes = Vec::new();
    for target in &targets {
        outcomes.push(run_target(repo, &fuzz_dir, &work, target, seconds)?);
    }

    println!(
        "\n{:<18} {:>8} {:>12} {:>10} {:>8} {:>8}",
        "target", "seconds", "execs", "execs/s", "corpus", "crashes"
    );
    for o in &outcomes {
        println!(
            "{:<18} {:>8} {:>12} {:>10} {:>8} {:>8}",
            o.target,
            o.seconds,
            o.execs,
            o.execs / o.seconds.max(1),
            o.corpus,
            o.crashes.len()
        );
    }
    let failed: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| !o.passed || !o.crashes.is_empty())
        .collect();
    if failed.is_empty() {
        return Ok(());
    }
    for o in &failed {
        for crash in &o.crashes {
            println!(
                "{}: crash input {} (reproduce: {} {})",
                o.target,
                crash.display(),
                work.join(TRIPLE).join("release").join(&o.target).display(),
                crash.display()
            );
        }
    }
    bail!(
        "{} fuzz target(s) failed: {}",
        failed.len(),
        failed
            .iter()
            .map(|o| o.target.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Installs cargo-fuzz from crates.io unless `cargo fuzz` already runs.
fn cargo_fuzz(repo: &Repo) -> Result<()> {
    if let Some(version) = cmd::output_if_ok(&mut cmd::cargo(["fuzz", "--version"], &repo.root)) {
        say(format!(
            "cargo-fuzz: already installed ({})",
            version.trim()
        ));
        return Ok(());
    }
    say("cargo-fuzz: installing with cargo install (this takes a few minutes)");
    cmd::run(&mut cmd::cargo(
        ["install", "cargo-fuzz", "--locked"],
        &repo.root,
    ))
}

/// `nice cargo fuzz`, stable accepting the nightly flags. Callers add the subcommand, then
/// [`fuzz_dir_args`].
fn fuzz_command(repo: &Repo) -> Command {
    let mut command = cmd::command("nice", ["-n", "10"], &repo.root);
    command
        .arg(cmd::cargo_program())
        .arg("fuzz")
        .env("RUSTC_BOOTSTRAP", "1");
    command
}

/// The options every `cargo fuzz` subcommand takes for this project.
fn fuzz_dir_args(repo: &Repo, work: &Path) -> Vec<String> {
    vec![
        "--fuzz-dir".into(),
        repo.root.join("fuzz").display().to_string(),
        "--target-dir".into(),
        work.display().to_string(),
    ]
}

/// Runs one target for `seconds` from its seed and working corpora.
fn run_target(
    repo: &Repo,
    fuzz_dir: &Path,
    work: &Path,
    target: &str,
    seconds: u64,
) -> Result<Outcome> {
    let corpus = work.join("corpus").join(target);
    let artifacts = work.join("artifacts").join(target);
    let logs = work.join("logs");
    for dir in [&corpus, &artifacts, &logs] {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let seeds = fuzz_dir.join("corpus").join(target);
    let before: Vec<PathBuf> = list(&artifacts);

    // The binary `cargo fuzz build` made, run as it is: `cargo fuzz run` would rebuild it
    // whenever a source file changed since, in the middle of a run of several targets.
    let binary = work.join(TRIPLE).join("release").join(target);
    if !binary.is_file() {
        bail!("cargo fuzz built no {}", binary.display());
    }
    let mut command = cmd::command("nice", ["-n", "10"], &repo.root);
    command
        .arg(&binary)
        .arg(&corpus)
        .arg(&seeds)
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg("-print_final_stats=1")
        .arg("-timeout=10")
        .arg("-rss_limit_mb=4096");
    say(format!("fuzz: {target} for {seconds} s"));
    say(format!("$ {}", cmd::display(&command)));
    let log_path = logs.join(format!("{target}.log"));
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start cargo fuzz for {target}"))?;
    let stdout = child.stdout.take().context("no stdout")?;
    let out_thread = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    let stderr = child.stderr.take().context("no stderr")?;
    let mut log = String::new();
    let mut execs = 0;
    let mut reported_seconds = None;
    let mut last_progress = Instant::now();
    for line in BufReader::new(stderr).lines().map_while(Result::ok) {
        if let Some(n) = final_stat(&line, "stat::number_of_executed_units:") {
            execs = n;
        }
        if let Some((runs, secs)) = done_line(&line) {
            execs = execs.max(runs);
            reported_seconds = Some(secs);
        }
        // libFuzzer's status lines: show one every ten seconds, and everything unusual.
        let status_line = line.starts_with('#');
        if !status_line || last_progress.elapsed().as_secs() >= 10 {
            if status_line {
                last_progress = Instant::now();
            }
            if status_line || is_notable(&line) {
                println!("  {target}: {line}");
            }
        }
        log.push_str(&line);
        log.push('\n');
    }
    let status = child.wait()?;
    for line in out_thread.join().unwrap_or_default() {
        log.push_str(&line);
        log.push('\n');
    }
    fs::write(&log_path, &log).with_context(|| format!("writing {}", log_path.display()))?;
    let crashes: Vec<PathBuf> = list(&artifacts)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    let outcome = Outcome {
        target: target.to_owned(),
        seconds: reported_seconds.unwrap_or_else(|| started.elapsed().as_secs()),
        execs,
        corpus: list(&corpus).len(),
        crashes,
        passed: status.success(),
    };
    say(format!(
        "fuzz: {target}: {} execs in {} s, {} crash(es), corpus {} (log: {})",
        outcome.execs,
        outcome.seconds,
        outcome.crashes.len(),
        outcome.corpus,
        log_path.display()
    ));
    Ok(outcome)
}

/// Lines of the fuzzer's output worth showing besides status lines.
fn is_notable(line: &str) -> bool {
    [
        "ERROR",
        "panicked",
        "crash",
        "Test unit written",
        "Done ",
        "deadly",
        "SUMMARY",
    ]
    .iter()
    .any(|word| line.contains(word))
}

/// The number after `key` on a `-print_final_stats` line.
fn final_stat(line: &str, key: &str) -> Option<u64> {
    line.trim().strip_prefix(key)?.trim().parse().ok()
}

/// `Done 123456 runs in 60 second(s)`: runs and seconds.
fn done_line(line: &str) -> Option<(u64, u64)> {
    let rest = line.trim().strip_prefix("Done ")?;
    let mut words = rest.split_whitespace();
    let runs = words.next()?.parse().ok()?;
    let secs = words.nth(2)?.parse().ok()?;
    Some((runs, secs))
}

/// Files in `dir`, sorted (none when it does not exist).
fn list(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzers_summary() {
        assert_eq!(
            done_line("Done 1234567 runs in 61 second(s)"),
            Some((1_234_567, 61))
        );
        assert_eq!(
            final_stat(
                "stat::number_of_executed_units: 98765",
                "stat::number_of_executed_units:"
            ),
            Some(98_765)
        );
        assert_eq!(done_line("#1024 pulse cov: 10"), None);
    }
}
