//! A small filesystem that really fills up: a tmpfs of a few megabytes, mounted in a mount
//! namespace of the test's own, so nothing of it is seen outside the test and nothing is left
//! mounted when the test ends, however it ends.
//!
//! A test using it runs in two steps: the visible test starts this test binary again under
//! `unshare --mount` ([`run_in_own_mount_namespace`]) to run an ignored test by its exact
//! name; that one ([`inside_own_mount_namespace`] is then true) mounts a [`SmallDisk`] and
//! does the work. As root (as CI runs) `unshare --mount` is enough; otherwise a user namespace
//! mapped to root is asked for too (`--user --map-root-user`), which most Linux kernels allow.

#![allow(dead_code)]

use std::io::Write as _;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Set in the environment of the test started in its own mount namespace.
pub const NAMESPACE_VAR: &str = "WAYFINDER_FAULTS_OWN_MOUNT_NAMESPACE";

/// Whether this process is the one started by [`run_in_own_mount_namespace`].
pub fn inside_own_mount_namespace() -> bool {
    std::env::var_os(NAMESPACE_VAR).is_some()
}

/// Runs this test binary's ignored test `test` in a new mount namespace (mounts made there
/// stay there) and returns its output.
pub fn run_in_own_mount_namespace(test: &str) -> Output {
    let as_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let mut command = Command::new("unshare");
    if !as_root {
        command.args(["--user", "--map-root-user"]);
    }
    command
        .args(["--mount", "--propagation", "private", "--"])
        .arg(std::env::current_exe().expect("test binary"))
        .args([
            test,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(NAMESPACE_VAR, "1")
        .env("RUST_BACKTRACE", "1");
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run unshare (util-linux): {e}"))
}

/// A tmpfs of a fixed size, and a file that fills it.
pub struct SmallDisk {
    /// Where it is mounted.
    pub path: PathBuf,
    filler: PathBuf,
}

impl SmallDisk {
    /// Mounts a tmpfs of `megabytes` at `path` (an existing, empty folder). Only call it in
    /// a process of its own mount namespace.
    pub fn mount(path: &Path, megabytes: u32) -> Self {
        assert!(
            inside_own_mount_namespace(),
            "mount only in the test's own mount namespace"
        );
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o"])
            .arg(format!("size={megabytes}m,mode=0755"))
            .args(["wayfinder-small-disk"])
            .arg(path)
            .output()
            .expect("mount runs");
        assert!(
            output.status.success(),
            "cannot mount a tmpfs at {}: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        Self {
            path: path.to_owned(),
            filler: path.join("filler"),
        }
    }

    /// Fills every byte left with a file; returns how many bytes it took.
    pub fn fill(&self) -> u64 {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.filler)
            .expect("filler file");
        let mut written = 0;
        for chunk in [1 << 20, 4096, 1] {
            let block = vec![0u8; chunk];
            loop {
                match file.write(&block) {
                    Ok(0) => break,
                    Ok(n) => written += n as u64,
                    Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
                    Err(e) => panic!("filling the disk: {e}"),
                }
            }
        }
        let _ = file.sync_all();
        written
    }

    /// Deletes the filler: the space is free again.
    pub fn free(&self) {
        std::fs::remove_file(&self.filler).expect("filler removed");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        // The namespace goes with the process anyway; unmount for tidiness.
        let _ = Command::new("umount")
            .arg("--lazy")
            .arg(&self.path)
            .status();
    }
}
