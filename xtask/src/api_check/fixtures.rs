//! What the passes need from the running server, from the `api_check_fixtures` binary of the
//! `e2e` package (`tests/src/bin/api_check_fixtures.rs`): the accounts' sessions, a staff
//! console kept online, and the ids of things filed before the passes.
//!
//! The binary prints `KEY=value` lines and a last line `READY`, then keeps the console online
//! until its standard input is closed.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use super::{SITE, accounts};
use crate::cmd::{self, say};
use crate::repo::Repo;

/// The binary's name.
const BINARY: &str = "api_check_fixtures";

/// How long the binary may take to close the console once its standard input is closed.
const STOP_WAIT: Duration = Duration::from_secs(10);

/// A signed-in session: what a console sends with each request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The session cookie's value.
    pub token: String,
    /// The session's CSRF token.
    pub csrf: String,
}

/// The accounts' sessions.
#[derive(Debug, PartialEq, Eq)]
pub struct Sessions {
    /// The staff member's (its console is the one online).
    pub staff: Session,
    /// The admin's.
    pub admin: Session,
    /// The session the `sign-out` pass ends.
    pub leaving: Session,
}

/// Ids of things filed before the passes, in the order they were filed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Filed {
    /// Chats waiting for staff.
    pub chats: Vec<String>,
    /// Open tickets.
    pub tickets: Vec<String>,
    /// Open service requests.
    pub requests: Vec<String>,
    /// The service requests' `updated_datetime`.
    pub request_times: Vec<String>,
}

/// The running binary and what it reported.
pub struct Fixtures {
    /// The process keeping the staff console online.
    pub console: Console,
    /// The accounts' sessions.
    pub sessions: Sessions,
    /// What it filed.
    pub filed: Filed,
}

/// The process keeping a staff console online; stopped when dropped.
pub struct Console {
    /// The process, until it is stopped.
    child: Option<Child>,
    /// Its standard input: closing it tells it to stop.
    stdin: Option<ChildStdin>,
}

impl Console {
    /// Tells the process to close the console and waits for it; fails when it does not exit
    /// successfully (it could not keep the console online) or in time.
    pub fn stop(&mut self) -> Result<()> {
        match self.finish()? {
            Some(status) if !status.success() => {
                bail!("{BINARY} ended with {status}: the staff console did not stay online")
            }
            _ => Ok(()),
        }
    }

    /// Closes the process's standard input and waits for it to exit; its exit status, or
    /// `None` when it was already waited for.
    fn finish(&mut self) -> Result<Option<ExitStatus>> {
        drop(self.stdin.take());
        let Some(mut child) = self.child.take() else {
            return Ok(None);
        };
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait()? {
                return Ok(Some(status));
            }
            if started.elapsed() > STOP_WAIT {
                let _ = child.kill();
                let _ = child.wait();
                bail!("{BINARY} did not stop within {STOP_WAIT:?} of being told to");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// Builds the binary; returns its path.
pub fn build(repo: &Repo) -> Result<PathBuf> {
    say(format!("api-check: building {BINARY}"));
    cmd::run(&mut cmd::cargo(
        ["build", "-p", "e2e", "--bin", BINARY],
        &repo.root,
    ))?;
    Ok(repo.target.join("debug").join(BINARY))
}

/// Runs `binary` against the server at `base` and reads what it reports.
pub fn start(binary: &Path, base: &str, root: &Path) -> Result<Fixtures> {
    let mut command = cmd::command(binary, ["--url", base, "--site", SITE], root);
    command
        .env("WAYFINDER_API_CHECK_STAFF_EMAIL", accounts::STAFF.email)
        .env("WAYFINDER_API_CHECK_ADMIN_EMAIL", accounts::ADMIN.email)
        .env("WAYFINDER_API_CHECK_LEAVING_EMAIL", accounts::LEAVING.email)
        .env("WAYFINDER_API_CHECK_PASSWORD", accounts::PASSWORD)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    say(format!("$ {}", cmd::display(&command)));
    let mut child = spawn(&mut command)?;
    let stdout = child.stdout.take();
    let mut console = Console {
        stdin: child.stdin.take(),
        child: Some(child),
    };
    let reported = stdout
        .context("no standard output")
        .and_then(|out| read(std::io::BufReader::new(out)));
    match reported {
        Ok((sessions, filed)) => Ok(Fixtures {
            console,
            sessions,
            filed,
        }),
        Err(error) => {
            let ended = match console.finish() {
                Ok(Some(status)) => format!("{BINARY} ended ({status}) without reporting"),
                Ok(None) => format!("{BINARY} ended without reporting"),
                Err(e) => format!("{e:#}"),
            };
            Err(error.context(ended))
        }
    }
}

/// Starts `command`.
fn spawn(command: &mut Command) -> Result<Child> {
    command
        .spawn()
        .with_context(|| format!("cannot start `{}`", cmd::display(command)))
}

/// The sessions and ids in the binary's `KEY=value` lines, up to its line `READY`.
fn read(reader: impl BufRead) -> Result<(Sessions, Filed)> {
    let mut filed = Filed::default();
    let mut tokens: [[Option<String>; 2]; 3] = Default::default();
    let mut ready = false;
    for line in reader.lines() {
        let line = line.context("reading its output")?;
        if line == "READY" {
            ready = true;
            break;
        }
        let Some((key, value)) = line.split_once('=') else {
            bail!("unexpected line {line:?}");
        };
        if value.is_empty() {
            bail!("{key} is empty");
        }
        let value = value.to_owned();
        let slot = match key {
            "CHAT" => {
                filed.chats.push(value);
                continue;
            }
            "TICKET" => {
                filed.tickets.push(value);
                continue;
            }
            "REQUEST" => {
                filed.requests.push(value);
                continue;
            }
            "REQUEST_TIME" => {
                filed.request_times.push(value);
                continue;
            }
            "STAFF_TOKEN" => &mut tokens[0][0],
            "STAFF_CSRF" => &mut tokens[0][1],
            "ADMIN_TOKEN" => &mut tokens[1][0],
            "ADMIN_CSRF" => &mut tokens[1][1],
            "LEAVING_TOKEN" => &mut tokens[2][0],
            "LEAVING_CSRF" => &mut tokens[2][1],
            _ => bail!("unknown key {key:?}"),
        };
        if slot.replace(value).is_some() {
            bail!("{key} given twice");
        }
    }
    if !ready {
        bail!("its output ended before READY");
    }
    let [staff, admin, leaving] = tokens.map(|[token, csrf]| (token, csrf));
    let session = |name: &str, (token, csrf): (Option<String>, Option<String>)| {
        Ok::<_, anyhow::Error>(Session {
            token: token.with_context(|| format!("no {name}_TOKEN"))?,
            csrf: csrf.with_context(|| format!("no {name}_CSRF"))?,
        })
    };
    Ok((
        Sessions {
            staff: session("STAFF", staff)?,
            admin: session("ADMIN", admin)?,
            leaving: session("LEAVING", leaving)?,
        },
        filed,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "STAFF_TOKEN=s-t\nSTAFF_CSRF=s-c\nADMIN_TOKEN=a-t\nADMIN_CSRF=a-c\n\
        LEAVING_TOKEN=l-t\nLEAVING_CSRF=l=c\nCHAT=c1\nCHAT=c2\nTICKET=T-1\nREQUEST=100001\n\
        REQUEST_TIME=2026-11-26T08:30:45.129Z\nREADY\nignored after READY\n";

    #[test]
    fn sessions_and_ids_are_read_up_to_ready() {
        let (sessions, filed) = read(REPORT.as_bytes()).unwrap();
        assert_eq!(
            sessions.staff,
            Session {
                token: "s-t".into(),
                csrf: "s-c".into()
            }
        );
        assert_eq!(sessions.admin.token, "a-t");
        assert_eq!(sessions.leaving.csrf, "l=c", "only the first = separates");
        assert_eq!(filed.chats, ["c1", "c2"]);
        assert_eq!(filed.tickets, ["T-1"]);
        assert_eq!(filed.requests, ["100001"]);
        assert_eq!(filed.request_times, ["2026-11-26T08:30:45.129Z"]);
    }

    #[test]
    fn incomplete_or_unexpected_reports_are_refused() {
        let cut = &REPORT[..REPORT.find("READY").unwrap()];
        let cases = [
            (cut, "before READY"),
            ("STAFF_TOKEN=s\nREADY\n", "no STAFF_CSRF"),
            ("CHAT=\nREADY\n", "CHAT is empty"),
            ("STAFF_TOKEN=a\nSTAFF_TOKEN=b\nREADY\n", "given twice"),
            ("SECRET=x\nREADY\n", "unknown key"),
            ("hello\nREADY\n", "unexpected line"),
        ];
        for (text, expected) in cases {
            let error = read(text.as_bytes()).unwrap_err().to_string();
            assert!(error.contains(expected), "{text:?}: {error}");
        }
    }
}
