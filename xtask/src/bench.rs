//! `cargo xtask bench`: throughput and latency of a full `POST /api/v1/ask` turn (language,
//! search, decision, storage) on the demo city, printed as figures — never pass/fail.
//!
//! The release server runs pinned to CPU 0 with the demo content and a throw-away SQLite
//! database (rate limits lifted); Debian's `wrk` runs pinned to CPU 1 and cycles through the
//! labelled demo and short questions (440 questions in 7 languages) at 1, 32 and 64
//! connections for 10 seconds each. Afterwards the server's peak memory (VmHWM) is read from
//! `/proc`.
//!
//! Then live chat: a fresh server on CPU 0, and the load generator (`tests/src/bin/live_load.rs`)
//! on CPU 1 connecting 1,000 residents over WebSockets, five staff consoles accepting all
//! their chats, and five rounds of messages both ways; it prints the delivery latency per
//! direction, and the server's peak memory is read as before.

use std::fmt::Write as _;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::cmd::{self, say};
use crate::install;
use crate::repo::Repo;

/// Connection counts measured.
const CONCURRENCY: &[u32] = &[1, 32, 64];
/// Length of each measurement.
const SECONDS: u32 = 10;

/// Builds the server, runs the measurements (`only`: `ask` or `live`) and prints the figures.
pub fn run(repo: &Repo, only: Option<&str>) -> Result<()> {
    say("bench: building wayfinder-server (release)");
    cmd::run(&mut cmd::cargo(
        ["build", "--release", "-p", "wayfinder-server"],
        &repo.root,
    ))?;
    let work = repo.target.join("bench");
    std::fs::create_dir_all(&work)?;
    let binary = repo.target.join("release").join("wayfinder");
    if only != Some("live") {
        ask(repo, &work, &binary)?;
    }
    if only != Some("ask") {
        let live = live_chat(repo, &work, &binary)?;
        println!(
            "\nLive chat: {LIVE_RESIDENTS} residents connected at once, {LIVE_STAFF} staff, {LIVE_ROUNDS} rounds (server on CPU 0, load on CPU 1)\n"
        );
        print!("{live}");
    }
    Ok(())
}

/// `/api/v1/ask` under wrk at each concurrency.
fn ask(repo: &Repo, work: &std::path::Path, binary: &std::path::Path) -> Result<()> {
    install::wrk(repo)?;
    let port = free_port()?;
    let config = work.join("wayfinder.toml");
    std::fs::write(&config, config_text(repo, work, port))?;
    let script = work.join("ask.lua");
    std::fs::write(&script, lua_script(repo)?)?;

    let mut server = Command::new("taskset");
    server
        .args(["-c", "0"])
        .arg(binary)
        .arg("serve")
        .arg("--config")
        .arg(&config)
        .env("WAYFINDER_LOG", "warn")
        .stdout(Stdio::null());
    let server = ServerGuard(server.spawn().context("starting the server")?);
    wait_for(port)?;

    let url = format!("http://127.0.0.1:{port}/api/v1/ask");
    let mut table = String::from(
        "| connections | requests/s | p50 | p90 | p99 | errors |\n|---:|---:|---:|---:|---:|---:|\n",
    );
    for connections in CONCURRENCY {
        say(format!(
            "bench: {connections} connection(s) for {SECONDS} s"
        ));
        let output = Command::new("taskset")
            .args(["-c", "1", install::WRK])
            .args(["-t", "1", "-c", &connections.to_string()])
            .args(["-d", &format!("{SECONDS}s"), "--latency", "-s"])
            .arg(&script)
            .arg(&url)
            .output()
            .context("running wrk")?;
        let text = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            bail!(
                "wrk failed: {text}{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let field = |prefix: &str| -> String {
            text.lines()
                .map(str::trim)
                .find(|l| l.starts_with(prefix))
                .and_then(|l| l.split_whitespace().nth(1))
                .unwrap_or("?")
                .to_owned()
        };
        let errors = text
            .lines()
            .find(|l| l.contains("Non-2xx or 3xx responses"))
            .and_then(|l| l.split(':').nth(1))
            .map_or("0".to_owned(), |n| n.trim().to_owned());
        let _ = writeln!(
            table,
            "| {connections} | {} | {} | {} | {} | {errors} |",
            field("Requests/sec:"),
            field("50%"),
            field("90%"),
            field("99%"),
        );
    }
    let rss = peak_rss_kb(server.0.id())?;
    drop(server);
    println!("\n/api/v1/ask on the demo city (server on CPU 0, wrk on CPU 1)\n");
    print!("{table}");
    println!("server peak memory (VmHWM): {:.1} MB", rss as f64 / 1024.0);
    Ok(())
}

/// Residents connected at once in the live-chat measurement.
const LIVE_RESIDENTS: u32 = 1000;
/// Staff consoles answering them (sign-in is rate-limited to 5 at once per address).
const LIVE_STAFF: u32 = 5;
/// Messages each way per chat.
const LIVE_ROUNDS: u32 = 5;
/// Password of the bench's staff accounts.
const LIVE_PASSWORD: &str = "bench-password-not-secret";

/// Runs the live-chat load against a fresh server; returns the load generator's figures and
/// the server's peak memory.
fn live_chat(repo: &Repo, work: &std::path::Path, binary: &std::path::Path) -> Result<String> {
    say("bench: building the live-chat load generator (release)");
    cmd::run(&mut cmd::cargo(
        ["build", "--release", "-p", "e2e", "--bin", "live_load"],
        &repo.root,
    ))?;
    let port = free_port()?;
    let config = work.join("live.toml");
    let per_staff = LIVE_RESIDENTS.div_ceil(LIVE_STAFF);
    let text = config_text(repo, work, port).replace("bench.db", "live.db")
        + &LIVE_CONFIG.replace(
            "[sites.live]\n",
            &format!("[sites.live]\nmax_chats_per_staff = {per_staff}\n"),
        );
    let _ = std::fs::remove_file(work.join("live.db"));
    std::fs::write(&config, text)?;
    for n in 1..=LIVE_STAFF {
        let status = Command::new(binary)
            .args(["staff", "add", "--config"])
            .arg(&config)
            .args(["--site", "riverton", "--name", &format!("Agent {n}")])
            .args(["--email", &format!("bench-{n}@bench.example")])
            .env("WAYFINDER_PASSWORD", LIVE_PASSWORD)
            .stdout(Stdio::null())
            .status()?;
        if !status.success() {
            bail!("creating the bench's staff accounts failed");
        }
    }
    let mut server = Command::new("taskset");
    server
        .args(["-c", "0"])
        .arg(binary)
        .arg("serve")
        .arg("--config")
        .arg(&config)
        .env("WAYFINDER_LOG", "warn")
        .stdout(Stdio::null());
    let server = ServerGuard(server.spawn().context("starting the server")?);
    wait_for(port)?;
    say(format!(
        "bench: live chat, {LIVE_RESIDENTS} residents and {LIVE_STAFF} staff"
    ));
    let output = Command::new("taskset")
        .args(["-c", "1"])
        .arg(repo.target.join("release").join("live_load"))
        .args(["--url", &format!("http://127.0.0.1:{port}")])
        .args(["--residents", &LIVE_RESIDENTS.to_string()])
        .args(["--staff", &LIVE_STAFF.to_string()])
        .args(["--staff-email-prefix", "bench"])
        .args(["--password", LIVE_PASSWORD])
        .args(["--rounds", &LIVE_ROUNDS.to_string()])
        .output()
        .context("running the load generator")?;
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        bail!(
            "the live-chat load failed: {report}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let rss = peak_rss_kb(server.0.id())?;
    drop(server);
    Ok(format!(
        "{report}server peak memory (VmHWM): {:.1} MB\n",
        rss as f64 / 1024.0
    ))
}

/// Live chat open round the clock (the bench runs at any hour).
const LIVE_CONFIG: &str = r#"
[sites.live]
[sites.live.hours]
mon = ["00:00-24:00"]
tue = ["00:00-24:00"]
wed = ["00:00-24:00"]
thu = ["00:00-24:00"]
fri = ["00:00-24:00"]
sat = ["00:00-24:00"]
sun = ["00:00-24:00"]
"#;

/// Kills the server when dropped, whatever happens.
struct ServerGuard(Child);

impl Drop for ServerGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

fn wait_for(port: u16) -> Result<()> {
    let started = Instant::now();
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    while started.elapsed() < Duration::from_secs(60) {
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    bail!("the server did not accept connections on port {port} within 60 s")
}

fn config_text(repo: &Repo, work: &std::path::Path, port: u16) -> String {
    let root = repo.root.display();
    let db = work.join("bench.db");
    let _ = std::fs::remove_file(&db);
    format!(
        r#"[server]
listen = "127.0.0.1:{port}"
database_url = "sqlite://{db}"
widget_dir = "{root}/target/widget"
locales_dir = "{root}/locales"

[server.rate_limit]
burst = 4000000000
per_minute = 4000000000

[[sites]]
id = "riverton"
name = "City of Riverton"
content = "{root}/knowledge/demo"
timezone = "America/Chicago"
contact_url = "https://www.riverton.example/contact"
phone = "(555) 010-0100"
"#,
        db = db.display()
    )
}

/// A wrk script that posts the labelled demo questions in turn.
fn lua_script(repo: &Repo) -> Result<String> {
    let mut bodies = Vec::new();
    for file in ["riverton-queries.jsonl", "short-queries.jsonl"] {
        let path = repo.root.join("tests/data").join(file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let text = json_string_field(line, "text")
                .with_context(|| format!("{}: a line without \"text\"", path.display()))?;
            bodies.push(format!(r#"{{"site":"riverton","text":{text}}}"#));
        }
    }
    let mut lua = String::from("local bodies = {\n");
    for body in &bodies {
        // Lua long brackets need no escaping unless the text contains "]==]".
        let _ = writeln!(lua, "  [==[{body}]==],");
    }
    lua.push_str(
        "}\nlocal i = 0\nwrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n\
         request = function()\n  i = i % #bodies + 1\n  return wrk.format(nil, nil, nil, bodies[i])\nend\n",
    );
    Ok(lua)
}

/// The raw JSON string value (with its quotes and escapes) of `field` in a one-line object.
fn json_string_field(line: &str, field: &str) -> Option<String> {
    let key = format!("\"{field}\":");
    let start = line.find(&key)? + key.len();
    let rest = line[start..].trim_start();
    if !rest.starts_with('"') {
        return None;
    }
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(rest[..=i].to_owned()),
            _ => escaped = false,
        }
    }
    None
}

fn peak_rss_kb(pid: u32) -> Result<u64> {
    // `taskset` execs the server, so the child's pid is the server's.
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse().ok())
        .context("no VmHWM in /proc/<pid>/status")
}

#[cfg(test)]
mod tests {
    use super::json_string_field;

    #[test]
    fn string_fields_are_read_with_their_escapes() {
        let line = r#"{"qid": "x", "text": "say \"hi\" ¿qué?", "lang": "es"}"#;
        assert_eq!(
            json_string_field(line, "text").as_deref(),
            Some(r#""say \"hi\" ¿qué?""#)
        );
        assert_eq!(json_string_field(line, "missing"), None);
    }
}
