//! One schemathesis run over some of the operations, with or without a session: its command
//! line, its output shown and kept, and its figures read from that output.

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result};

use super::fixtures::Session;
use super::report::{self, Outcome};
use super::settings::{self, Files};
use crate::cmd::{self, say};

/// The schemathesis checks run on every response.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance";

/// The check added in the signed-in passes: an operation that answered 2xx with the session
/// must refuse the same request without it, and with a made-up one.
const AUTH_CHECK: &str = "ignored_auth";

/// One schemathesis run over some of the operations.
pub struct Pass {
    /// Short name, used for its report folder and log.
    pub name: &'static str,
    /// The session its requests carry, if any.
    pub session: Option<Session>,
    /// schemathesis options selecting its operations.
    pub filters: Vec<String>,
    /// The path prefix of the operations that must answer something but 401/403 at least
    /// once, and never 401, if they must.
    pub must_be_authorised: Option<&'static str>,
}

/// What every pass shares.
pub struct Setup<'a> {
    /// The schemathesis executable.
    pub schemathesis: &'a Path,
    /// Its configuration and hooks files.
    pub files: &'a Files,
    /// The server's base URL.
    pub base: &'a str,
    /// Generated examples per operation.
    pub examples: u32,
    /// Where reports, logs and tallies go.
    pub work: &'a Path,
}

impl Pass {
    /// Runs schemathesis for this pass, printing its output as it comes and keeping it in
    /// `<work>/<name>.log`, the responses' statuses in `<work>/<name>.tsv`.
    pub fn run(&self, setup: &Setup<'_>) -> Result<Outcome> {
        let work = setup.work;
        let mut check = cmd::command(
            setup.schemathesis,
            [
                std::ffi::OsStr::new("--config-file"),
                if self.session.is_some() {
                    setup.files.signed_in.as_os_str()
                } else {
                    setup.files.anonymous.as_os_str()
                },
                "run".as_ref(),
                format!("{}/openapi.json", setup.base).as_ref(),
                "--url".as_ref(),
                setup.base.as_ref(),
                "--checks".as_ref(),
                if self.session.is_some() {
                    format!("{CHECKS},{AUTH_CHECK}")
                } else {
                    CHECKS.to_owned()
                }
                .as_ref(),
                "--max-examples".as_ref(),
                setup.examples.to_string().as_ref(),
                "--seed".as_ref(),
                "1".as_ref(),
                "--request-timeout".as_ref(),
                "20".as_ref(),
                "--workers".as_ref(),
                "1".as_ref(),
                "--generation-database".as_ref(),
                "none".as_ref(),
                "--report".as_ref(),
                "junit".as_ref(),
                "--report-dir".as_ref(),
                work.join("report").join(self.name).as_os_str(),
            ],
            work,
        );
        if let Some(session) = &self.session {
            check
                .env(settings::SESSION_VARIABLE, &session.token)
                .env(settings::CSRF_VARIABLE, &session.csrf)
                // The cookie comes from the headers, not from generated security parameters.
                .args(["--generation-with-security-parameters", "false"]);
        }
        check.args(&self.filters);
        let tally = work.join(format!("{}.tsv", self.name));
        let _ = std::fs::remove_file(&tally);
        check
            .env("SCHEMATHESIS_HOOKS", &setup.files.hooks)
            .env(settings::TALLY_VARIABLE, &tally)
            // No anonymous usage reports: nothing leaves the machine.
            .env("SCHEMATHESIS_TELEMETRY", "false");
        let mut outcome = run_logged(&mut check, &work.join(format!("{}.log", self.name)))?;
        outcome.name = self.name;
        outcome.tally = report::read_tally(&tally)?;
        Ok(outcome)
    }
}

/// Runs `check`, printing its output as it comes and keeping it in `log`.
fn run_logged(check: &mut Command, log: &Path) -> Result<Outcome> {
    say(format!("$ {}", cmd::display(check)));
    let started = Instant::now();
    let mut child = check
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("cannot start `{}`", cmd::display(check)))?;
    let mut kept =
        std::fs::File::create(log).with_context(|| format!("creating {}", log.display()))?;
    let mut figures = Figures::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line?;
            println!("{line}");
            writeln!(kept, "{line}")?;
            figures.read(&line);
        }
    }
    Ok(Outcome {
        operations: figures.operations,
        cases: figures.cases,
        passed: child.wait()?.success(),
        seconds: started.elapsed().as_secs_f64(),
        ..Outcome::default()
    })
}

/// The figures of schemathesis' summary, read line by line.
#[derive(Debug, Default)]
struct Figures {
    /// After `Tested:`.
    operations: Option<String>,
    /// The line after `Test cases:`, e.g. `1234 generated, 1234 passed`.
    cases: Option<String>,
    /// Whether the previous line was `Test cases:`.
    cases_next: bool,
}

impl Figures {
    /// Takes in one line of output.
    fn read(&mut self, line: &str) {
        let trimmed = line.trim();
        if let Some(tested) = trimmed.strip_prefix("Tested:") {
            self.operations = Some(tested.trim().to_owned());
        }
        if self.cases_next && trimmed.contains("generated") {
            self.cases = Some(trimmed.to_owned());
        }
        self.cases_next = trimmed == "Test cases:";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_come_from_the_summary() {
        let output = "API Operations:\n  Selected: 49/49\n  Tested: 49\n\nTest cases:\n  \
                      3703 generated, 3703 passed\n\nSeed: 1\n";
        let mut figures = Figures::default();
        output.lines().for_each(|line| figures.read(line));
        assert_eq!(figures.operations.as_deref(), Some("49"));
        assert_eq!(
            figures.cases.as_deref(),
            Some("3703 generated, 3703 passed")
        );
    }
}
