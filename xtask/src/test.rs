//! `cargo xtask test`: the whole check suite, failing fast at the first broken step.

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::cmd::{self, say};
use crate::install::{self, CHROMEDRIVER, CHROMIUM, WASM_TARGET};
use crate::repo::Repo;
use crate::widget;

/// Crates that must also build (and pass clippy) for the browser.
const WASM_CRATES: &[&str] = &["wayfinder-widget", "wayfinder-protocol", "wayfinder-i18n"];

/// Installs what is missing, then runs formatting, lints, the widget build and all tests.
pub fn run(repo: &Repo) -> Result<()> {
    let started = Instant::now();
    let result = steps(repo);
    let elapsed = format_duration(started.elapsed());
    match &result {
        Ok(()) => println!("xtask test: all steps passed in {elapsed}"),
        Err(_) => println!("xtask test: FAILED after {elapsed}"),
    }
    result
}

fn steps(repo: &Repo) -> Result<()> {
    let tools = install::widget_tools(repo)?;
    install::chromium(repo)?;
    install::browser_tests(repo)?;
    let postgresql = install::postgresql(repo)?;
    let semantic_model = install::semantic_model(repo)?;

    step("formatting (cargo fmt --check)", || {
        cmd::run(&mut cmd::cargo(
            ["fmt", "--all", "--", "--check"],
            &repo.root,
        ))
    })?;
    step("clippy (native)", || {
        cmd::run(&mut cmd::cargo(
            [
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
            &repo.root,
        ))
    })?;
    step("clippy (wasm32)", || {
        let mut args = vec!["clippy"];
        for package in WASM_CRATES {
            args.extend(["-p", package]);
        }
        args.extend(["--target", WASM_TARGET, "--", "-D", "warnings"]);
        cmd::run(&mut cmd::cargo(args, &repo.root))
    })?;
    step("widget build", || widget::build(repo, &tools))?;
    step("tests (cargo test --workspace)", || {
        let mut test = cmd::cargo(["test", "--workspace"], &repo.root);
        test_env(repo, &mut test);
        test.env("WAYFINDER_PG_BIN", &postgresql);
        test.env("WAYFINDER_SEMANTIC_MODEL", &semantic_model);
        cmd::run(&mut test)
    })
}

/// Environment the test binaries read: the built widget, the browser and an artifacts folder.
fn test_env(repo: &Repo, command: &mut Command) {
    command
        .env("WAYFINDER_WIDGET_DIR", repo.widget_out())
        .env("CHROMIUM", CHROMIUM)
        .env("CHROMEDRIVER", CHROMEDRIVER);
    if std::env::var_os("WAYFINDER_ARTIFACTS").is_none() {
        command.env("WAYFINDER_ARTIFACTS", repo.target.join("test-artifacts"));
    }
}

/// Runs one named step, prefixing its failure with the step's name.
fn step(name: &str, run: impl FnOnce() -> Result<()>) -> Result<()> {
    say(format!("step: {name}"));
    run().with_context(|| format!("step `{name}` failed"))
}

fn format_duration(duration: Duration) -> String {
    let seconds = duration.as_secs();
    format!("{}m {:02}s", seconds / 60, seconds % 60)
}
