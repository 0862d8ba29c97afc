//! Stopping, starting and restarting the throwaway PostgreSQL cluster of `postgres.rs` while
//! replicas use it, with `pg_ctl` (as the `postgres` user when the tests run as root, as the
//! cluster itself does).

#![allow(dead_code)]

use crate::postgres::Cluster;

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

/// Runs `pg_ctl` with `args` on `cluster`; `Err` with its output and the server's log when
/// it fails.
fn pg_ctl(cluster: &Cluster, args: &[&str]) -> Result<(), String> {
    cluster
        .run("pg_ctl", args)
        .map(drop)
        .map_err(|e| format!("{e}\nPostgreSQL's log:\n{}", cluster.log()))
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
    let options = cluster.server_options();
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
