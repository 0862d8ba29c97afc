//! Stopping, starting and restarting the throwaway PostgreSQL cluster of `postgres.rs` while
//! replicas use it, with `pg_ctl` (as the `postgres` user when the tests run as root, as the
//! cluster itself does).

#![allow(dead_code)]

use std::os::unix::fs::MetadataExt as _;
use std::process::Command;

use crate::postgres::{Cluster, find_bin};

/// How `pg_ctl` stops the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Rolls back open transactions, ends every session, writes a checkpoint.
    Fast,
    /// Stops every process at once, as a crash does (recovery replays the WAL at the next
    /// start).
    Immediate,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Self::Fast => "fast",
            Self::Immediate => "immediate",
        }
    }
}

fn data(cluster: &Cluster) -> String {
    cluster.path().join("data").display().to_string()
}

fn log(cluster: &Cluster) -> String {
    cluster.path().join("data/server.log").display().to_string()
}

/// Runs `pg_ctl` with `args` on `cluster`; `Err` with its output when it fails.
fn pg_ctl(cluster: &Cluster, args: &[&str]) -> Result<(), String> {
    let path = find_bin()?.join("pg_ctl");
    let as_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let mut command = if as_root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(&path);
        c
    } else {
        Command::new(&path)
    };
    let output = command
        .args(args)
        .current_dir(cluster.path())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "pg_ctl {args:?} failed ({}): {}{}\nPostgreSQL's log:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            cluster.log()
        ))
    }
}

/// Stops the cluster and waits until it is down.
pub fn stop(cluster: &Cluster, mode: Mode) -> Result<(), String> {
    pg_ctl(
        cluster,
        &["-D", &data(cluster), "-m", mode.name(), "-w", "stop"],
    )
}

/// Starts the stopped cluster again on its port and waits until it takes connections.
pub fn start(cluster: &Cluster) -> Result<(), String> {
    // The options `Cluster::start` gave it.
    let options = format!(
        "-k {} -p {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        cluster.path().join("socket").display(),
        cluster.port
    );
    pg_ctl(
        cluster,
        &[
            "-D",
            &data(cluster),
            "-l",
            &log(cluster),
            "-w",
            "-t",
            "60",
            "-o",
            &options,
            "start",
        ],
    )
}

/// `pg_ctl restart`: stops the cluster and starts it again with the same options.
pub fn restart(cluster: &Cluster, mode: Mode) -> Result<(), String> {
    pg_ctl(
        cluster,
        &[
            "-D",
            &data(cluster),
            "-l",
            &log(cluster),
            "-m",
            mode.name(),
            "-w",
            "-t",
            "60",
            "restart",
        ],
    )
}
