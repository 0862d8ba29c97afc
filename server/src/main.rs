//! The `wayfinder` command: see [`wayfinder_server::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    wayfinder_server::cli::main()
}

/// jemalloc rather than the system allocator: see the note in `server/Cargo.toml`.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
