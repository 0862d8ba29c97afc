//! `cargo xtask`: build the widget, run the Riverton demo, run the whole check suite and
//! measure answer quality.
//!
//! Every command installs what it needs first (the wasm32 target, wasm-bindgen-cli,
//! `wasm-opt` from npm, Chromium, the browser test packages), skipping what is already
//! there and printing one line per step.

mod api_check;
mod bench;
mod cmd;
mod demo;
mod eval;
mod fuzz;
mod install;
mod lockfile;
mod repo;
mod test;
mod widget;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::repo::Repo;

/// Command line of `cargo xtask`.
#[derive(Debug, Parser)]
#[command(
    name = "xtask",
    bin_name = "cargo xtask",
    about = "Wayfinder build, demo and test commands"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The `cargo xtask` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the browser widget into target/widget (wasm-bindgen + wasm-opt) and print its size.
    Widget,
    /// Build the widget and the server, then run the Riverton demo site.
    Demo {
        /// Port the demo listens on. wayfinder.toml says 8080; another port is passed to the
        /// server as WAYFINDER_LISTEN=127.0.0.1:PORT.
        #[arg(long, default_value_t = demo::DEFAULT_PORT)]
        port: u16,
    },
    /// Run formatting, lints (native and wasm32), the widget build and every test.
    Test,
    /// Measure answer quality on the development sets and print a table per language.
    Eval,
    /// Measure /api/v1/ask (demo city, and against other search servers on a 15k-entry
    /// corpus), index builds, the widget and live chat: throughput, latency, memory, sizes
    /// (figures only).
    Bench {
        /// Run only this part.
        #[arg(long, value_enum)]
        only: Option<bench::Part>,
        /// Seconds of each load run (shorter while developing).
        #[arg(long, default_value_t = bench::DEFAULT_SECONDS)]
        seconds: u32,
    },
    /// Run schemathesis against a real demo server's /openapi.json: no server errors, status
    /// codes, content types and bodies as documented.
    ApiCheck {
        /// Generated examples per operation.
        #[arg(long, default_value_t = api_check::DEFAULT_EXAMPLES)]
        examples: u32,
    },
    /// Run the cargo-fuzz targets in fuzz/ for a bounded time each and print executions and
    /// crashes (not part of `test`).
    Fuzz {
        /// Seconds each target runs.
        #[arg(long, default_value_t = fuzz::DEFAULT_SECONDS)]
        seconds: u64,
        /// Run only this target (content_parser, ask_request, open311_response).
        #[arg(long)]
        target: Option<String>,
        /// Sanitizer the targets are built with (as cargo fuzz names it).
        #[arg(long, default_value = "none", value_parser = ["none", "address"])]
        sanitizer: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Repo::locate().and_then(|repo| match cli.command {
        Command::Widget => widget::run(&repo),
        Command::Demo { port } => demo::run(&repo, port),
        Command::Test => test::run(&repo),
        Command::Eval => eval::run(&repo),
        Command::Bench { only, seconds } => bench::run(&repo, only, seconds),
        Command::ApiCheck { examples } => api_check::run(&repo, examples),
        Command::Fuzz {
            seconds,
            target,
            sanitizer,
        } => fuzz::run(&repo, seconds, target.as_deref(), &sanitizer),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
