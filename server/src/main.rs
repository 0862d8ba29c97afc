//! The `wayfinder` command: see [`wayfinder_server::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    wayfinder_server::cli::main()
}
