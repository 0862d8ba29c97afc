//! `cargo xtask`: build the widget, run the Riverton demo, run the whole check suite and
//! measure answer quality.
//!
//! Every command installs what it needs first (the wasm32 target, wasm-bindgen-cli,
//! `wasm-opt` from npm, Chromium, the browser test packages), skipping what is already
//! there and printing one line per step.

mod bench;
mod cmd;
mod demo;
mod eval;
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
    /// Measure /api/v1/ask and live chat under load: throughput, latency, memory (figures
    /// only).
    Bench {
        /// Measure only `ask` (the API under wrk) or only `live` (live chat).
        #[arg(long, value_parser = ["ask", "live"])]
        only: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Repo::locate().and_then(|repo| match cli.command {
        Command::Widget => widget::run(&repo),
        Command::Demo { port } => demo::run(&repo, port),
        Command::Test => test::run(&repo),
        Command::Eval => eval::run(&repo),
        Command::Bench { only } => bench::run(&repo, only.as_deref()),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
