//! Wayfinder's `/api/v1/ask` against other servers searching the same data, in one run: the
//! perf corpus ×10 (≈15k entries in six languages) and the perf folder's mixed queries
//! (resident questions and short title queries), each server alone on the server core and
//! wrk on the load core at 1, 32 and 64 connections.
//!
//! Wayfinder answers a full turn (language, search, decision, reply, storage); the others do
//! a bare top-10 search for the same query's words: tantivy-cli `serve` (as shipped, and with
//! `TCP_NODELAY` forced by an `LD_PRELOAD` shim), Typesense 0.24, and SQLite FTS5 bm25 behind
//! a minimal axum endpoint.

mod fts5;
mod nodelay;
mod tantivy_cli;
mod typesense;
mod wayfinder_ask;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Result, bail};

use super::support::{self, Server, format_seconds, http, mb};
use super::{corpus, wrk};
use crate::cmd::{self, say};
use crate::install;
use crate::repo::Repo;

/// How many copies of the corpus the comparison searches.
const COPIES: usize = 10;

/// The programs compared.
pub struct Tools {
    /// Wayfinder's release binary.
    pub wayfinder: PathBuf,
    /// tantivy-cli's `tantivy`.
    pub tantivy: PathBuf,
    /// Typesense's server.
    pub typesense: PathBuf,
    /// The FTS5 endpoint (`fts5_search`).
    pub fts5: PathBuf,
    /// The TCP_NODELAY shim to preload.
    pub nodelay: PathBuf,
}

/// What every server is given.
pub struct Inputs {
    /// The folder for indexes, databases, scripts and logs.
    pub work: PathBuf,
    /// The corpus as search documents (JSONL: `id`, `lang`, `title`, `body`).
    pub documents: PathBuf,
    /// The corpus as `wayfinder import` records.
    pub records: PathBuf,
    /// The queries, as residents typed them.
    pub queries: Vec<String>,
    /// The programs.
    pub tools: Tools,
}

/// A started server, ready to be measured.
pub struct Contender {
    name: String,
    server: Server,
    script: PathBuf,
    url: String,
    check: Check,
}

/// One request whose answer must contain `marker` (at least one hit).
struct Check {
    method: &'static str,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
    marker: &'static str,
}

impl Contender {
    /// A server searched with `GET` on each of `paths` in turn, sending `headers`.
    fn get(
        inputs: &Inputs,
        name: &str,
        server: Server,
        paths: Vec<String>,
        headers: &[(&str, &str)],
        marker: &'static str,
    ) -> Result<Self> {
        let check = Check {
            method: "GET",
            path: paths[0].clone(),
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            body: None,
            marker,
        };
        let script = wrk::get_script(&paths, headers);
        Self::with_script(inputs, name, server, &script, "/", check)
    }

    /// A server asked with `POST <path>` and each JSON body in turn.
    fn post_json(
        inputs: &Inputs,
        name: &str,
        server: Server,
        path: &str,
        bodies: Vec<String>,
        marker: &'static str,
    ) -> Result<Self> {
        let check = Check {
            method: "POST",
            path: path.to_owned(),
            headers: vec![("Content-Type".to_owned(), "application/json".to_owned())],
            body: Some(bodies[0].clone()),
            marker,
        };
        let script = wrk::post_json_script(&bodies);
        Self::with_script(inputs, name, server, &script, path, check)
    }

    /// Writes wrk's `script` to the work folder; wrk will load `path` on the server.
    fn with_script(
        inputs: &Inputs,
        name: &str,
        server: Server,
        script: &str,
        path: &str,
        check: Check,
    ) -> Result<Self> {
        let file = inputs.work.join(format!("{}.lua", slug(name)));
        std::fs::write(&file, script)?;
        let url = format!("http://127.0.0.1:{}{path}", server.port);
        Ok(Self {
            name: name.to_owned(),
            server,
            script: file,
            url,
            check,
        })
    }

    /// Checks one answer, warms the server up, runs wrk at each connection count and reads
    /// the server's peak memory and its memory after the runs. The server keeps running.
    fn measure(&self, seconds: u32) -> Result<Measured> {
        let check = &self.check;
        let headers: Vec<(&str, &str)> = check
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let (status, body) = http(
            self.server.port,
            check.method,
            &check.path,
            &headers,
            check.body.as_deref().map(str::as_bytes),
        )?;
        if status != 200 || !body.contains(check.marker) {
            bail!(
                "{}: the first query got {status} without {}: {}",
                self.name,
                check.marker,
                body.chars().take(500).collect::<String>()
            );
        }
        wrk::warm_up(&self.script, &self.url)?;
        let mut runs = Vec::new();
        for &connections in wrk::CONNECTIONS {
            say(format!(
                "bench: {}, {connections} connection(s) for {seconds} s",
                self.name
            ));
            runs.push(self.run(connections, seconds)?);
        }
        Ok(Measured {
            peak_kb: self.server.peak_rss_kb()?,
            after_kb: self.server.rss_kb()?,
            name: self.name.clone(),
            runs,
            ready: Duration::ZERO,
        })
    }

    /// One wrk run, with the server's CPU time per request over it.
    fn run(&self, connections: u32, seconds: u32) -> Result<Run> {
        let before = self.server.cpu_seconds()?;
        let wrk = wrk::run(&self.script, &self.url, connections, seconds)?;
        let used = self.server.cpu_seconds()? - before;
        Ok(Run {
            cpu_us: used * 1e6 / wrk.requests.max(1) as f64,
            wrk,
        })
    }
}

/// One wrk run against one server.
struct Run {
    wrk: wrk::Figures,
    /// The server's CPU time (all threads, user and system) per completed request, in µs.
    cpu_us: f64,
}

/// One server's figures.
struct Measured {
    name: String,
    runs: Vec<Run>,
    peak_kb: u64,
    /// Resident memory when the last run ended: what serving costs, without the start.
    after_kb: u64,
    /// From nothing to answering: importing, indexing or loading the corpus, and starting.
    ready: Duration,
}

/// Rounds of [`in_turns`].
const ROUNDS: usize = 20;

/// Length of each run of [`in_turns`] in seconds (shorter when every row is): short runs in
/// many rounds put the two servers' runs of a pair close together in time.
const TURN_SECONDS: u32 = 3;

/// Connections in the rounds of [`in_turns`]: the goal's figure.
const TURN_CONNECTIONS: u32 = 32;

/// `ours` and `theirs` measured in turns, [`ROUNDS`] runs each of `seconds` at
/// [`TURN_CONNECTIONS`] connections, the one not measured paused: ours first in the first
/// round and every other one after it, theirs first in the others. Measured one after the
/// other, a slow spell of the machine (other programs, the core's clock) falls on one
/// server's rows and not the other's; in turns it falls on both, and the ratio of each pair
/// of runs, taken seconds apart, is what can be compared.
/// Returns each round's pair, ours first; both are left paused.
fn in_turns(ours: &Contender, theirs: &Contender, seconds: u32) -> Result<Vec<[Run; 2]>> {
    let mut rounds = Vec::with_capacity(ROUNDS);
    say(format!(
        "bench: {} and {} in turns, {ROUNDS} rounds of {seconds} s each",
        ours.name, theirs.name
    ));
    for round in 0..ROUNDS {
        let run = |contender: &Contender, other: &Contender| -> Result<Run> {
            other.server.pause()?;
            contender.server.resume()?;
            contender.run(TURN_CONNECTIONS, seconds)
        };
        let pair = if round % 2 == 0 {
            let a = run(ours, theirs)?;
            [a, run(theirs, ours)?]
        } else {
            let b = run(theirs, ours)?;
            [run(ours, theirs)?, b]
        };
        rounds.push(pair);
    }
    ours.server.pause()?;
    theirs.server.pause()?;
    Ok(rounds)
}

/// The middle value of `values` (the mean of the two middle ones for an even count).
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// A file-name-friendly form of a server's name.
fn slug(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Installs and builds what is missing, prepares the data, measures every server; returns
/// the report (a server that fails is reported as such, the others still run).
pub fn run(repo: &Repo, work: &Path, wayfinder: &Path, seconds: u32) -> Result<String> {
    install::wrk(repo)?;
    install::gcc(repo)?;
    let tantivy = install::tantivy_cli(repo)?;
    let typesense = install::typesense(repo)?;
    say("bench: building the FTS5 search endpoint (release)");
    cmd::run(&mut cmd::cargo(
        ["build", "--release", "-p", "e2e", "--bin", "fts5_search"],
        &repo.root,
    ))?;
    let work = work.join("peers");
    std::fs::create_dir_all(&work)?;
    let tools = Tools {
        wayfinder: wayfinder.to_owned(),
        tantivy,
        typesense,
        fts5: repo.target.join("release").join("fts5_search"),
        nodelay: nodelay::build(&work)?,
    };
    let source = corpus::read(repo)?;
    let entries = corpus::replicate(&source, source.len() * COPIES);
    let documents = work.join("documents.jsonl");
    let records = work.join("records.jsonl");
    corpus::write_documents(&documents, &entries)?;
    corpus::write_import_records(&records, &entries)?;
    let inputs = Inputs {
        work: work.clone(),
        documents,
        records,
        queries: corpus::queries(repo)?,
        tools,
    };

    let tantivy_name = format!("tantivy-cli {}", install::TANTIVY_CLI_VERSION);
    let plain_tantivy = format!("{tantivy_name} (as shipped)");
    let fast_tantivy = format!("{tantivy_name} + TCP_NODELAY");
    let typesense_name = format!("Typesense {}", install::TYPESENSE_VERSION);
    let fts5_name = "SQLite FTS5 bm25 (axum + sqlx)".to_owned();
    let wayfinder_name = "Wayfinder /api/v1/ask".to_owned();
    let mut measured = Vec::new();
    let mut failures = String::new();
    // Each server is left paused after its rows, so that those kept for the rounds in turns
    // take no CPU from the others.
    let mut attempt = |name: &str, start: &dyn Fn() -> Result<Contender>| -> Option<Contender> {
        say(format!("bench: starting {name}"));
        let started = Instant::now();
        let result = start().and_then(|c| {
            let ready = started.elapsed();
            let m = c.measure(seconds)?;
            c.server.pause()?;
            Ok((c, Measured { ready, ..m }))
        });
        match result {
            Ok((c, m)) => {
                measured.push(m);
                Some(c)
            }
            Err(e) => {
                say(format!("bench: {name} failed: {e:#}"));
                let _ = writeln!(failures, "{name}: not measured: {e:#}");
                None
            }
        }
    };
    let ours = attempt(&wayfinder_name, &|| {
        wayfinder_ask::start(repo, &inputs, &wayfinder_name)
    });
    drop(attempt(&plain_tantivy, &|| {
        tantivy_cli::build_index(&inputs)?;
        tantivy_cli::start(&inputs, &plain_tantivy, None)
    }));
    let theirs = attempt(&fast_tantivy, &|| {
        tantivy_cli::start(&inputs, &fast_tantivy, Some(&inputs.tools.nodelay))
    });
    let turns = match (&ours, &theirs) {
        (Some(ours), Some(theirs)) => {
            let seconds = seconds.min(TURN_SECONDS);
            match in_turns(ours, theirs, seconds) {
                Ok(rounds) => render_turns(&ours.name, &theirs.name, &rounds, seconds),
                Err(e) => {
                    say(format!("bench: the rounds in turns failed: {e:#}"));
                    format!("Rounds in turns: not measured: {e:#}\n")
                }
            }
        }
        _ => String::new(),
    };
    drop((ours, theirs));
    drop(attempt(&typesense_name, &|| {
        typesense::start(&inputs, &typesense_name)
    }));
    drop(attempt(&fts5_name, &|| fts5::start(&inputs, &fts5_name)));

    let mut report = render(&measured, &failures, entries.len(), &inputs, seconds);
    if !turns.is_empty() {
        report.push('\n');
        report.push_str(&turns);
    }
    for big in [
        "documents.jsonl",
        "records.jsonl",
        "fts5.db",
        "tantivy-index",
        "typesense-data",
        "perf",
    ] {
        let path = work.join(big);
        let _ = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
    }
    Ok(report)
}

/// The comparison table, each figure also as a ratio of Wayfinder's to the server's.
fn render(
    measured: &[Measured],
    failures: &str,
    entries: usize,
    inputs: &Inputs,
    seconds: u32,
) -> String {
    let mut out = format!(
        "Search servers on the same data: {entries} entries (perf corpus ×{COPIES}), {} queries \
         (perf/queries_mixed_clean.txt); each server alone on CPU {}, wrk on CPU {}, {seconds} s \
         per row, the others paused. Wayfinder: full /api/v1/ask turn; the others: bare top-10 \
         search for the query's words. CPU is the server's CPU time (all threads, user and \
         system) per request. Ratios are Wayfinder's figure divided by the server's.\n\n\
         | server | connections | q/s | p50 | p99 | CPU | errors | peak RSS | RSS after | q/s ratio | p99 ratio | CPU ratio | RSS ratio (peak / after) |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
        inputs.queries.len(),
        support::SERVER_CPU,
        support::LOAD_CPU,
    );
    let reference = measured.first().filter(|m| m.name.starts_with("Wayfinder"));
    for m in measured {
        for run in &m.runs {
            let base = reference.filter(|r| !std::ptr::eq(*r, m)).and_then(|r| {
                r.runs
                    .iter()
                    .find(|b| b.wrk.connections == run.wrk.connections)
            });
            let ratio = |ours: f64, theirs: f64| match base {
                Some(_) if theirs > 0.0 => format!("{:.2}", ours / theirs),
                _ => "—".to_owned(),
            };
            let (q_ratio, p99_ratio, cpu_ratio, rss_ratio) = match (base, reference) {
                (Some(b), Some(r)) => (
                    ratio(b.wrk.per_second, run.wrk.per_second),
                    ratio(b.wrk.p99_ms, run.wrk.p99_ms),
                    ratio(b.cpu_us, run.cpu_us),
                    format!(
                        "{} / {}",
                        ratio(r.peak_kb as f64, m.peak_kb as f64),
                        ratio(r.after_kb as f64, m.after_kb as f64)
                    ),
                ),
                _ => (
                    "—".to_owned(),
                    "—".to_owned(),
                    "—".to_owned(),
                    "—".to_owned(),
                ),
            };
            let wrk = &run.wrk;
            let _ = writeln!(
                out,
                "| {} | {} | {:.0} | {:.2} ms | {:.2} ms | {:.0} µs | {} | {} | {} | {q_ratio} | {p99_ratio} | {cpu_ratio} | {rss_ratio} |",
                m.name,
                wrk.connections,
                wrk.per_second,
                wrk.p50_ms,
                wrk.p99_ms,
                run.cpu_us,
                wrk.errors,
                mb(m.peak_kb),
                mb(m.after_kb),
            );
        }
    }
    out.push_str(
        "\nPeak RSS (VmHWM) of Wayfinder and Typesense includes loading and indexing the corpus \
         in the server process; tantivy-cli's and FTS5's indexes were built by a separate \
         process before the server started. RSS after is the resident memory when the last run \
         ended.\n\nFrom nothing to answering (import, index or load, \
         then start):",
    );
    for m in measured {
        let _ = write!(out, " {} {};", m.name, format_seconds(m.ready));
    }
    out.pop();
    out.push_str(".\n");
    if !failures.is_empty() {
        out.push('\n');
        out.push_str(failures);
    }
    out
}

/// The rounds of [`in_turns`] as a table: each round's figures of both servers and their
/// ratios, then the median of each ratio.
fn render_turns(ours: &str, theirs: &str, rounds: &[[Run; 2]], seconds: u32) -> String {
    let mut out = format!(
        "{ours} and {theirs} in turns: {} rounds of {seconds} s at {TURN_CONNECTIONS} \
         connections, each server measured while the other is paused, ours first in rounds 1, \
         3, 5, ... The ratio of each round compares runs seconds apart, whatever else the \
         machine did meanwhile.\n\n\
         | round | {ours} q/s | CPU | p99 | {theirs} q/s | CPU | p99 | q/s ratio | CPU ratio |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
        rounds.len(),
    );
    let mut q_ratios = Vec::new();
    let mut cpu_ratios = Vec::new();
    for (i, [a, b]) in rounds.iter().enumerate() {
        let q_ratio = a.wrk.per_second / b.wrk.per_second;
        let cpu_ratio = a.cpu_us / b.cpu_us;
        q_ratios.push(q_ratio);
        cpu_ratios.push(cpu_ratio);
        let _ = writeln!(
            out,
            "| {} | {:.0} | {:.0} µs | {:.2} ms | {:.0} | {:.0} µs | {:.2} ms | {q_ratio:.2} | {cpu_ratio:.2} |",
            i + 1,
            a.wrk.per_second,
            a.cpu_us,
            a.wrk.p99_ms,
            b.wrk.per_second,
            b.cpu_us,
            b.wrk.p99_ms,
        );
    }
    let _ = writeln!(
        out,
        "\nMedian ratios: q/s {:.2}, CPU per request {:.2} ({ours}'s divided by {theirs}'s).",
        median(q_ratios),
        median(cpu_ratios),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(per_second: f64, p99_ms: f64, cpu_us: f64) -> Run {
        Run {
            wrk: wrk::Figures {
                connections: 32,
                per_second,
                requests: (per_second * 10.0) as u64,
                p50_ms: 1.0,
                p90_ms: 2.0,
                p99_ms,
                errors: 0,
            },
            cpu_us,
        }
    }

    fn measured(
        name: &str,
        per_second: f64,
        p99_ms: f64,
        cpu_us: f64,
        peak_kb: u64,
        after_kb: u64,
    ) -> Measured {
        Measured {
            name: name.to_owned(),
            runs: vec![run(per_second, p99_ms, cpu_us)],
            peak_kb,
            after_kb,
            ready: Duration::from_millis(1500),
        }
    }

    fn inputs() -> Inputs {
        let none = PathBuf::new;
        Inputs {
            work: none(),
            documents: none(),
            records: none(),
            queries: vec!["library hours".to_owned(), "pay a ticket".to_owned()],
            tools: Tools {
                wayfinder: none(),
                tantivy: none(),
                typesense: none(),
                fts5: none(),
                nodelay: none(),
            },
        }
    }

    #[test]
    fn each_server_is_compared_with_wayfinder_on_speed_cpu_and_both_memories() {
        let measured = [
            measured(
                "Wayfinder /api/v1/ask",
                3000.0,
                12.0,
                250.0,
                102_400,
                81_920,
            ),
            measured("tantivy-cli", 1500.0, 4.0, 500.0, 30_720, 20_480),
        ];
        let report = render(&measured, "", 14850, &inputs(), 10);
        assert!(report.contains("| peak RSS | RSS after |"), "{report}");
        assert!(
            report.contains(
                "| Wayfinder /api/v1/ask | 32 | 3000 | 1.00 ms | 12.00 ms | 250 µs | 0 | 100.0 MB | 80.0 MB | — | — | — | — |"
            ),
            "{report}"
        );
        assert!(
            report.contains(
                "| tantivy-cli | 32 | 1500 | 1.00 ms | 4.00 ms | 500 µs | 0 | 30.0 MB | 20.0 MB | 2.00 | 3.00 | 0.50 | 3.33 / 4.00 |"
            ),
            "{report}"
        );
        assert!(report.contains("2 queries"), "{report}");
    }

    #[test]
    fn rounds_in_turns_give_each_rounds_ratios_and_their_medians() {
        let rounds = [
            [run(3000.0, 10.0, 300.0), run(1500.0, 9.0, 600.0)],
            [run(2000.0, 14.0, 320.0), run(2000.0, 8.0, 640.0)],
            [run(3300.0, 11.0, 290.0), run(1100.0, 12.0, 900.0)],
        ];
        let report = render_turns("Wayfinder", "tantivy-cli", &rounds, 10);
        assert!(
            report.contains("3 rounds of 10 s at 32 connections"),
            "{report}"
        );
        assert!(
            report.contains(
                "| 1 | 3000 | 300 µs | 10.00 ms | 1500 | 600 µs | 9.00 ms | 2.00 | 0.50 |"
            ),
            "{report}"
        );
        assert!(
            report.contains(
                "| 2 | 2000 | 320 µs | 14.00 ms | 2000 | 640 µs | 8.00 ms | 1.00 | 0.50 |"
            ),
            "{report}"
        );
        assert!(
            report.contains(
                "| 3 | 3300 | 290 µs | 11.00 ms | 1100 | 900 µs | 12.00 ms | 3.00 | 0.32 |"
            ),
            "{report}"
        );
        // q/s ratios 2, 1, 3 → 2; CPU ratios 0.5, 0.5, 0.32 → 0.5.
        assert!(
            report.contains("Median ratios: q/s 2.00, CPU per request 0.50"),
            "{report}"
        );
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(vec![5.0, 1.0, 3.0]), 3.0);
        assert!(median(Vec::new()).is_nan());
    }
}
