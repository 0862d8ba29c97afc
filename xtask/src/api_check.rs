//! `cargo xtask api-check`: the real server against its own OpenAPI description, with
//! schemathesis.
//!
//! schemathesis (from PyPI) is installed into a virtual environment under
//! `target/api-check/venv` unless it is there. The server is built and started on a free
//! port of 127.0.0.1 with the demo configuration (`wayfinder.toml`: the Riverton content,
//! Open311 in local mode, live chat) and a fresh SQLite database, the rate limits lifted so
//! that generated requests are not refused with 429. schemathesis then reads
//! `/openapi.json` and sends generated requests to every operation, checking that no
//! response is a server error (5xx), that status codes, content types and bodies are the
//! documented ones. Its report is printed; the server's log is kept in
//! `target/api-check/server.log`. The command fails when schemathesis finds a failure.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::cmd::{self, say};
use crate::repo::Repo;

/// Generated examples per operation by default.
pub const DEFAULT_EXAMPLES: u32 = 50;

/// The schemathesis checks run on every response.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance";

/// How long to wait for the server to accept connections.
const STARTUP_WAIT: Duration = Duration::from_secs(120);

/// Installs schemathesis, starts the server, runs schemathesis with `examples` per operation.
pub fn run(repo: &Repo, examples: u32) -> Result<()> {
    let work = repo.target.join("api-check");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let schemathesis = schemathesis(repo, &work)?;

    say("api-check: building wayfinder-server");
    cmd::run(&mut cmd::cargo(
        ["build", "-p", "wayfinder-server", "--bin", "wayfinder"],
        &repo.root,
    ))?;
    let binary = repo.target.join("debug").join("wayfinder");

    let port = free_port()?;
    let config = work.join("wayfinder.toml");
    let database = work.join("api-check.db");
    for file in ["", "-shm", "-wal"] {
        let _ = std::fs::remove_file(format!("{}{file}", database.display()));
    }
    let demo = std::fs::read_to_string(repo.root.join("wayfinder.toml"))
        .context("reading the demo configuration wayfinder.toml")?;
    std::fs::write(&config, config_text(&repo.root, &demo, &database, port))
        .with_context(|| format!("writing {}", config.display()))?;

    let log_path = work.join("server.log");
    let log = std::fs::File::create(&log_path)?;
    let mut server = Server(
        Command::new(&binary)
            .args(["serve", "--config"])
            .arg(&config)
            .current_dir(&repo.root)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?,
    );
    wait_for(&mut server.0, port)?;
    let base = format!("http://127.0.0.1:{port}");
    say(format!(
        "api-check: server on {base} (log: {})",
        log_path.display()
    ));

    let examples = examples.to_string();
    let mut check = cmd::command(
        &schemathesis,
        [
            "run",
            &format!("{base}/openapi.json"),
            "--url",
            &base,
            "--checks",
            CHECKS,
            "--max-examples",
            &examples,
            "--seed",
            "1",
            "--request-timeout",
            "20",
            "--workers",
            "1",
            "--generation-database",
            "none",
            "--report",
            "junit",
            "--report-dir",
        ],
        &work,
    );
    check.arg(work.join("report"));
    // No anonymous usage reports: nothing leaves the machine.
    check.env("SCHEMATHESIS_TELEMETRY", "false");
    let result = cmd::run(&mut check);
    drop(server);
    result.context("schemathesis found responses that do not match openapi.json")
}

/// Kills the server when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The schemathesis executable in the virtual environment, installed when missing.
fn schemathesis(repo: &Repo, work: &Path) -> Result<PathBuf> {
    let venv = work.join("venv");
    let program = venv.join("bin").join("schemathesis");
    if let Some(version) = cmd::output_if_ok(Command::new(&program).arg("--version")) {
        say(format!(
            "schemathesis: already installed ({})",
            version.trim()
        ));
        return Ok(program);
    }
    say(format!(
        "schemathesis: installing from PyPI into {}",
        venv.display()
    ));
    cmd::run(&mut cmd::command(
        "python3",
        [
            std::ffi::OsStr::new("-m"),
            "venv".as_ref(),
            venv.as_os_str(),
        ],
        &repo.root,
    ))?;
    cmd::run(&mut cmd::command(
        venv.join("bin").join("pip"),
        ["install", "--quiet", "schemathesis"],
        &repo.root,
    ))?;
    Ok(program)
}

/// The demo configuration `demo` for a server on `port` with `database`: paths made
/// absolute (relative ones are relative to the repository, where `wayfinder.toml` is), rate
/// limits lifted.
fn config_text(root: &Path, demo: &str, database: &Path, port: u16) -> String {
    let mut out = String::new();
    for line in demo.lines() {
        let key = line.split('=').next().unwrap_or_default().trim();
        let value = line
            .split_once('=')
            .map(|(_, v)| v.trim().trim_matches('"'))
            .unwrap_or_default();
        let line = match key {
            "listen" => format!("listen = \"127.0.0.1:{port}\""),
            "database_url" => format!("database_url = \"sqlite://{}\"", database.display()),
            "widget_dir" | "locales_dir" | "demo_dir" | "content" if !value.starts_with('/') => {
                format!("{key} = \"{}\"", root.join(value).display())
            }
            "burst" | "per_minute" => format!("{key} = 4000000000"),
            _ => line.to_owned(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A port nobody listens on now.
fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// Waits until the server accepts connections on `port`.
fn wait_for(child: &mut Child, port: u16) -> Result<()> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            bail!("the server exited before accepting connections ({status})");
        }
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        if started.elapsed() > STARTUP_WAIT {
            bail!("the server does not accept connections on {address}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_paths_become_absolute_and_limits_lift() {
        let demo = "[server]\nlisten = \"127.0.0.1:8080\"\ndatabase_url = \"sqlite://data/w.db\"\nwidget_dir = \"target/widget\"\n[server.rate_limit]\nburst = 20\n[[sites]]\ncontent = \"knowledge/demo\"\nid = \"riverton\"\n";
        let text = config_text(Path::new("/repo"), demo, Path::new("/tmp/a.db"), 9000);
        assert!(text.contains("listen = \"127.0.0.1:9000\""), "{text}");
        assert!(
            text.contains("database_url = \"sqlite:///tmp/a.db\""),
            "{text}"
        );
        assert!(
            text.contains("widget_dir = \"/repo/target/widget\""),
            "{text}"
        );
        assert!(
            text.contains("content = \"/repo/knowledge/demo\""),
            "{text}"
        );
        assert!(text.contains("burst = 4000000000"), "{text}");
        assert!(text.contains("id = \"riverton\""), "{text}");
    }
}
