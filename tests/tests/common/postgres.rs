//! A throwaway PostgreSQL cluster for tests: `initdb` into a temporary folder, `pg_ctl start`
//! on a free loopback port (never the machine's own PostgreSQL), stopped when dropped.
//!
//! The programs come from `WAYFINDER_PG_BIN` (set by `cargo xtask test`, which installs
//! Debian's `postgresql` when it is missing), else the newest `/usr/lib/postgresql/<version>/bin`,
//! else PATH. PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres`
//! user (Debian's package creates it). Any failure is returned with its reason and the
//! server's log, for the test to fail with: a test needing PostgreSQL never skips.

#![allow(dead_code)]

use std::net::TcpListener;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The database superuser the cluster is created with (trusted on loopback).
pub const USER: &str = "wayfinder";

/// A running cluster.
pub struct Cluster {
    bin: PathBuf,
    dir: tempfile::TempDir,
    /// The loopback port it listens on.
    pub port: u16,
    /// Whether its programs run as the `postgres` user (we are root).
    as_postgres: bool,
}

/// The folder with `initdb` and `pg_ctl`.
pub fn find_bin() -> Result<PathBuf, String> {
    if let Some(bin) = std::env::var_os("WAYFINDER_PG_BIN") {
        let bin = PathBuf::from(bin);
        return if bin.join("initdb").exists() {
            Ok(bin)
        } else {
            Err(format!("WAYFINDER_PG_BIN={} has no initdb", bin.display()))
        };
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    std::env::var_os("PATH")
        .and_then(|path| std::env::split_paths(&path).find(|dir| dir.join("initdb").exists()))
        .ok_or_else(|| {
            "PostgreSQL is not installed: no initdb under /usr/lib/postgresql/*/bin or on PATH \
             (`cargo xtask test` installs Debian's postgresql package)"
                .to_owned()
        })
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

impl Cluster {
    /// Creates and starts a cluster; `Err` says why it could not.
    pub fn start() -> Result<Self, String> {
        let bin = find_bin()?;
        let as_postgres = running_as_root();
        let dir = tempfile::Builder::new()
            .prefix("wayfinder-pg-")
            .tempdir()
            .map_err(|e| format!("no temporary folder: {e}"))?;
        let mut cluster = Self {
            bin,
            dir,
            port: 0,
            as_postgres,
        };
        if as_postgres {
            // The postgres user must reach and own the cluster's folders.
            std::fs::set_permissions(cluster.dir.path(), std::fs::Permissions::from_mode(0o755))
                .map_err(|e| format!("cannot open the temporary folder: {e}"))?;
        }
        for sub in ["data", "socket"] {
            let path = cluster.dir.path().join(sub);
            std::fs::create_dir(&path).map_err(|e| format!("cannot create {sub}: {e}"))?;
            if as_postgres {
                let status = Command::new("chown")
                    .args(["postgres:", &path.display().to_string()])
                    .status()
                    .map_err(|e| format!("chown: {e}"))?;
                if !status.success() {
                    return Err(format!(
                        "cannot give {} to the postgres user (is Debian's postgresql package installed?)",
                        path.display()
                    ));
                }
            }
        }
        let data = cluster.data();
        cluster.run(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
        )?;
        // A port that was free a moment ago may be taken by the time PostgreSQL binds it.
        let mut last_error = String::new();
        for _ in 0..3 {
            cluster.port = free_port()?;
            let options = cluster.server_options();
            match cluster.run(
                "pg_ctl",
                &[
                    "-D",
                    &data,
                    "-l",
                    &cluster.log_path(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    &options,
                    "start",
                ],
            ) {
                Ok(_) => return Ok(cluster),
                Err(e) => last_error = e,
            }
        }
        Err(format!(
            "PostgreSQL did not start: {last_error}\nits log:\n{}",
            cluster.log()
        ))
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn log_path(&self) -> String {
        self.dir
            .path()
            .join("data/server.log")
            .display()
            .to_string()
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    /// The server options the cluster is started with (`pg_ctl -o`): its socket folder, its
    /// port, loopback only, and no waiting on the disk.
    pub fn server_options(&self) -> String {
        format!(
            "-k {} -p {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            self.dir.path().join("socket").display(),
            self.port
        )
    }

    /// Runs one of PostgreSQL's programs (as the postgres user when we are root).
    pub fn run(&self, program: &str, args: &[&str]) -> Result<Output, String> {
        let path = self.bin.join(program);
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        };
        let output = command
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
        if output.status.success() {
            Ok(output)
        } else {
            Err(format!(
                "{program} failed ({}): {}{}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }

    /// The URL of database `name` on this cluster.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://{USER}@127.0.0.1:{}/{name}", self.port)
    }

    /// Creates database `name` and returns its URL.
    pub async fn create_database(&self, name: &str) -> Result<String, String> {
        use sqlx::Connection as _;
        let mut admin = sqlx::PgConnection::connect(&self.url("postgres"))
            .await
            .map_err(|e| format!("cannot connect to the cluster: {e}"))?;
        sqlx::query(&format!("CREATE DATABASE \"{name}\""))
            .execute(&mut admin)
            .await
            .map_err(|e| format!("cannot create database {name}: {e}"))?;
        Ok(self.url(name))
    }

    /// The cluster's folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
    }
}
