//! `cargo xtask api-check`: the real server against its own OpenAPI description, with
//! schemathesis, anonymously and as a signed-in staff member and admin.
//!
//! schemathesis (from PyPI) is installed into a virtual environment under
//! `target/api-check/venv` unless it is there ([`venv`]). The server is built and started on
//! a free port of 127.0.0.1 with the demo configuration (`wayfinder.toml`: the Riverton
//! content, Open311 in local mode, live chat), a fresh SQLite database and a fresh copy of the
//! content (admins' drafts are written there, never into `knowledge/demo`), the rate limits
//! lifted so that generated requests are not refused with 429 ([`server`]).
//!
//! Before the server starts, `wayfinder staff add` creates three accounts in the database: a
//! staff member, an admin and a staff member whose session is signed out last
//! ([`accounts`]). Once it listens, the `api_check_fixtures` binary of the `e2e` package
//! ([`fixtures`]) signs each account in over HTTP (`POST /staff/api/login`), connects a staff
//! console to `/staff/api/live` and keeps it online until the passes are over (residents can
//! only start a chat while someone is), and files a conversation, chats, tickets and service
//! requests through the public API. A schemathesis configuration file
//! (`target/api-check/schemathesis.toml`, [`settings`]) offers, half of the time, values the
//! server knows for the parameters that take them: the filed ids (`chat_id`, `ticket_id`, a
//! request's `id` and its `updated_datetime`), the site, its languages, topics, request
//! statuses and live-chat departments, so that generated requests get past "no such site"
//! and "no such chat" to the handlers' own logic.
//!
//! schemathesis then reads `/openapi.json` and sends generated requests, checking that no
//! response is a server error (5xx), that status codes, content types and bodies are the
//! documented ones, in four passes ([`pass`]):
//!
//! 1. `anonymous`: every operation, without a session (as a resident or a stranger);
//! 2. `staff`: the staff console's API (`/staff/api/`) and the admin API (`/admin/`), with
//!    the staff member's session cookie and CSRF token: admin operations answer 403;
//! 3. `admin`: the same operations and `POST /api/v1/ask` (its `?preview=1`) with the
//!    admin's session;
//! 4. `sign-out`: `POST /staff/api/logout` alone, with the third session.
//!
//! The signed-in passes read the cookie and the CSRF token from the environment through
//! their own configuration file (`schemathesis-signed-in.toml`), so the session is never on a
//! command line, and also run schemathesis' `ignored_auth` check: an operation that answered
//! 2xx must refuse the same request without the session and with a made-up one. Sign-in and
//! sign-out are left out of them, so no generated request ends their session midway; the
//! command also fails when a signed-in pass got a 401, or when an operation of a signed-in
//! pass never answered anything but 401/403 (it was not exercised).
//!
//! A hooks file records every response's status, printed per pass and per operation
//! ([`report`]). Reports and logs are kept in `target/api-check/` (`report/<pass>/`,
//! `<pass>.log`, `server.log`). The command fails when schemathesis finds a failure, or when
//! the staff console did not stay online.

mod accounts;
mod fixtures;
mod pass;
mod report;
mod server;
mod settings;
mod venv;

use anyhow::{Context, Result, bail};

use crate::cmd::say;
use crate::repo::Repo;
use fixtures::Sessions;
use pass::{Pass, Setup};
use report::Outcome;

/// Generated examples per operation by default.
pub const DEFAULT_EXAMPLES: u32 = 50;

/// The demo site the accounts work for.
const SITE: &str = "riverton";

/// Installs schemathesis, starts the server, runs schemathesis with `examples` per operation.
pub fn run(repo: &Repo, examples: u32) -> Result<()> {
    let work = repo.target.join("api-check");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let schemathesis = venv::schemathesis(repo, &work)?;
    let fixtures_binary = fixtures::build(repo)?;
    let server = server::start(repo, &work)?;

    // Signed in first: sign-in attempts have their own limit, which the anonymous pass
    // exhausts. The console stays connected all along, so that residents can start chats.
    let fixtures::Fixtures {
        mut console,
        sessions,
        filed,
    } = fixtures::start(&fixtures_binary, &server.base, &repo.root)?;
    say(format!(
        "api-check: filed {} chats, {} tickets, {} service requests",
        filed.chats.len(),
        filed.tickets.len(),
        filed.requests.len()
    ));
    let files = settings::write(&work, filed, &server.demo, &server.content)?;
    let setup = Setup {
        schemathesis: &schemathesis,
        files: &files,
        base: &server.base,
        examples,
        work: &work,
    };

    let passes = passes(sessions);
    let mut outcomes = Vec::new();
    for pass in &passes {
        say(format!("api-check: pass {:?}", pass.name));
        outcomes.push(pass.run(&setup)?);
    }
    let online = console.stop();
    drop(server);

    report::summarize(&outcomes);
    let mut problems = problems(&passes, &outcomes);
    if let Err(e) = online {
        problems.push(format!("{e:#}"));
    }
    if !problems.is_empty() {
        bail!("api-check failed:\n  {}", problems.join("\n  "));
    }
    Ok(())
}

/// The four passes, with the accounts' `sessions`.
fn passes(sessions: Sessions) -> [Pass; 4] {
    let signed_in_operations = "^/(staff/api|admin)/";
    let no_sign_in_or_out = "^/staff/api/log(in|out)$";
    [
        Pass {
            name: "anonymous",
            session: None,
            filters: Vec::new(),
            must_be_authorised: None,
        },
        Pass {
            name: "staff",
            session: Some(sessions.staff),
            filters: vec![
                "--include-path-regex".into(),
                signed_in_operations.into(),
                "--exclude-path-regex".into(),
                no_sign_in_or_out.into(),
            ],
            must_be_authorised: Some("/staff/api/"),
        },
        Pass {
            name: "admin",
            session: Some(sessions.admin),
            filters: vec![
                "--include-path-regex".into(),
                format!("{signed_in_operations}|^/api/v1/ask$"),
                "--exclude-path-regex".into(),
                no_sign_in_or_out.into(),
            ],
            must_be_authorised: Some("/"),
        },
        Pass {
            name: "sign-out",
            session: Some(sessions.leaving),
            filters: vec!["--include-path".into(), "/staff/api/logout".into()],
            must_be_authorised: None,
        },
    ]
}

/// What fails the command: a pass in which schemathesis found failures; in a pass whose
/// operations must be authorised, a 401 (the session was lost) or an operation under its
/// prefix that answered only 401/403 (not exercised signed in).
fn problems(passes: &[Pass], outcomes: &[Outcome]) -> Vec<String> {
    let mut problems = Vec::new();
    for (pass, outcome) in passes.iter().zip(outcomes) {
        if !outcome.passed {
            problems.push(format!(
                "pass {:?}: schemathesis found responses that do not match openapi.json",
                pass.name
            ));
        }
        let Some(prefix) = pass.must_be_authorised else {
            continue;
        };
        for (operation, statuses) in &outcome.tally.operations {
            if statuses.contains_key(&401) {
                problems.push(format!(
                    "pass {:?}: {operation} answered 401 {} time(s): the session was lost",
                    pass.name, statuses[&401]
                ));
            }
            let path = operation.split_once(' ').map_or("", |(_, path)| path);
            if path.starts_with(prefix) && statuses.keys().all(|s| matches!(s, 401 | 403)) {
                problems.push(format!(
                    "pass {:?}: {operation} answered only 401/403: not exercised signed in",
                    pass.name
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use report::{Statuses, Tally};

    fn outcome(passed: bool, operations: &[(&str, &[(u16, u64)])]) -> Outcome {
        Outcome {
            passed,
            tally: Tally {
                operations: operations
                    .iter()
                    .map(|(op, statuses)| {
                        (
                            op.to_string(),
                            statuses.iter().copied().collect::<Statuses>(),
                        )
                    })
                    .collect(),
                other_methods: Statuses::new(),
            },
            ..Outcome::default()
        }
    }

    #[test]
    fn lost_sessions_and_unexercised_operations_fail_signed_in_passes() {
        let session = || fixtures::Session {
            token: "t".into(),
            csrf: "c".into(),
        };
        let passes = passes(Sessions {
            staff: session(),
            admin: session(),
            leaving: session(),
        });
        let outcomes = [
            outcome(true, &[("GET /staff/api/me", &[(401, 5)])]),
            outcome(
                true,
                &[
                    ("GET /staff/api/me", &[(200, 3), (401, 1)]),
                    ("GET /staff/api/queue", &[(403, 2)]),
                    ("POST /admin/reload", &[(403, 4)]),
                ],
            ),
            outcome(false, &[("POST /api/v1/ask", &[(200, 9)])]),
            outcome(true, &[("POST /staff/api/logout", &[(204, 1), (401, 2)])]),
        ];
        let problems = problems(&passes, &outcomes);
        assert_eq!(
            problems,
            [
                "pass \"staff\": GET /staff/api/me answered 401 1 time(s): the session was lost",
                "pass \"staff\": GET /staff/api/queue answered only 401/403: not exercised signed in",
                "pass \"admin\": schemathesis found responses that do not match openapi.json",
            ]
        );
    }
}
