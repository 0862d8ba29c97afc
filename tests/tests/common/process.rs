//! Processes a test can kill with SIGKILL at a chosen moment: `wayfinder serve` with its log,
//! and `wayfinder import` reporting each file it wrote.
//!
//! Each is this test binary started again in a role (an ignored test run by its exact name):
//! [`serve_if_asked`] loads the configuration and runs what `wayfinder serve` runs, logging
//! to standard error as the server does (to `<config>.<name>.log` here) and printing
//! `LISTENING <address>` once it accepts connections; [`import_if_asked`] writes JSONL records
//! into a content folder as `wayfinder import --force` does, printing `WROTE <n>` after each
//! file. The test file declares the roles' tests (see `tests/tests/faults.rs`).

#![allow(dead_code)]

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The environment variable that makes the `serve_process` role serve this configuration.
pub const SERVE_CONFIG_VAR: &str = "WAYFINDER_FAULTS_SERVE_CONFIG";

/// The environment variable with the JSONL file the `import_process` role imports.
pub const IMPORT_RECORDS_VAR: &str = "WAYFINDER_FAULTS_IMPORT_RECORDS";

/// The environment variable with the content folder the `import_process` role writes into.
pub const IMPORT_OUT_VAR: &str = "WAYFINDER_FAULTS_IMPORT_OUT";

/// How long a server may take to index its content and start listening.
pub const START_TIMEOUT: Duration = Duration::from_secs(120);

/// The body of the `serve_process` role: serves until killed when [`SERVE_CONFIG_VAR`] is
/// set, returns at once otherwise.
pub fn serve_if_asked() {
    let Ok(path) = std::env::var(SERVE_CONFIG_VAR) else {
        return;
    };
    let config = server::config::Config::load(Path::new(&path)).expect("server config");
    server::telemetry::init_logging(config.server.log_format);
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async move {
        let listen = config.server.listen;
        let state = server::AppState::from_config(config)
            .await
            .expect("server state builds");
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .expect("server binds");
        println!("\nLISTENING {}", listener.local_addr().expect("address"));
        server::run(listener, state, std::future::pending())
            .await
            .expect("server runs");
    });
}

/// The body of the `import_process` role: imports [`IMPORT_RECORDS_VAR`] into
/// [`IMPORT_OUT_VAR`] (replacing files, like `--force`) when both are set, printing
/// `WROTE <n>` after each file; returns at once otherwise.
pub fn import_if_asked() {
    let (Ok(records), Ok(out)) = (
        std::env::var(IMPORT_RECORDS_VAR),
        std::env::var(IMPORT_OUT_VAR),
    ) else {
        return;
    };
    let read = knowledge::jsonl_io::read_rows(Path::new(&records)).expect("records read");
    let mut options = knowledge::writer::ImportOptions::new(
        &out,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date"),
    );
    options.force = true;
    let mut stdout = std::io::stdout();
    let report = knowledge::writer::import_rows(&read, &options, |done, _| {
        let _ = writeln!(stdout, "\nWROTE {done}");
        let _ = stdout.flush();
    })
    .expect("import runs");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    println!("\nIMPORTED {}", report.written.len());
}

/// A process started in a role; killed when dropped.
pub struct RoleProcess {
    child: Child,
    /// Its name in messages.
    pub name: String,
    /// Where its standard error goes.
    pub log: PathBuf,
    lines: mpsc::Receiver<String>,
}

impl RoleProcess {
    /// Starts this test binary's ignored test `role` with `env`; standard error goes to
    /// `log`, standard output lines are kept for [`RoleProcess::wait_for_line`].
    pub fn start(role: &str, name: &str, env: &[(&str, &Path)], log: &Path) -> Self {
        let mut command = Command::new(std::env::current_exe().expect("test binary"));
        command
            .args([
                role,
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("WAYFINDER_LOG", "info,sqlx=warn,tantivy=warn")
            .env("RUST_BACKTRACE", "0")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(log).expect("log file"));
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("process starts");
        let stdout = child.stdout.take().expect("stdout");
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            name: name.to_owned(),
            log: log.to_owned(),
            lines,
        }
    }

    /// The text after `prefix` on the first output line that has it (the test harness may
    /// print the test's name before it on the same line); `None` when the process ends or
    /// `timeout` passes first.
    pub fn wait_for_line(&self, prefix: &str, timeout: Duration) -> Option<String> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let line = self.lines.recv_timeout(left).ok()?;
            if let Some((_, rest)) = line.split_once(prefix) {
                return Some(rest.trim().to_owned());
            }
        }
    }

    /// The log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits until the log has a line containing `needle`; `false` when the process ended or
    /// `timeout` passed first.
    pub fn wait_for_log(&mut self, needle: &str, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if self.log_text().contains(needle) {
                return true;
            }
            if Instant::now() > deadline || self.child.try_wait().ok().flatten().is_some() {
                return self.log_text().contains(needle);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Kills the process at once (SIGKILL: nothing is flushed, closed or said goodbye to)
    /// and waits for it to be gone.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits for the process to end by itself; its exit status.
    pub fn wait(&mut self) -> std::process::ExitStatus {
        self.child.wait().expect("process waited for")
    }
}

impl Drop for RoleProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A `wayfinder serve` process.
pub struct ServerProcess {
    /// The process.
    pub process: RoleProcess,
}

impl ServerProcess {
    /// Starts serving `config` (a file) in the `serve_process` role, without waiting; the log
    /// is `<config>.<name>.log`.
    pub fn spawn(name: &str, config: &Path) -> Self {
        let log = config.with_extension(format!("{name}.log"));
        Self {
            process: RoleProcess::start("serve_process", name, &[(SERVE_CONFIG_VAR, config)], &log),
        }
    }

    /// Waits until it listens; panics with its log when it does not.
    pub fn listening(&self) -> SocketAddr {
        self.process
            .wait_for_line("LISTENING ", START_TIMEOUT)
            .and_then(|addr| addr.parse().ok())
            .unwrap_or_else(|| {
                panic!(
                    "server {} did not start; its log:\n{}",
                    self.process.name,
                    self.process.log_text()
                )
            })
    }
}
