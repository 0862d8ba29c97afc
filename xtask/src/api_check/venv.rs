//! schemathesis, installed from PyPI into a virtual environment of its own.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;

use crate::cmd::{self, say};
use crate::repo::Repo;

/// The schemathesis executable in the virtual environment `<work>/venv`, installed when
/// missing.
pub fn schemathesis(repo: &Repo, work: &Path) -> Result<PathBuf> {
    let venv = work.join("venv");
    let program = venv.join("bin").join("schemathesis");
    if let Some(version) = cmd::output_if_ok(Command::new(&program).arg("--version")) {
        say(format!(
            "schemathesis: already installed ({})",
            version.trim()
        ));
        return Ok(program);
    }
    say(format!(
        "schemathesis: installing from PyPI into {}",
        venv.display()
    ));
    cmd::run(&mut cmd::command(
        "python3",
        [
            std::ffi::OsStr::new("-m"),
            "venv".as_ref(),
            venv.as_os_str(),
        ],
        &repo.root,
    ))?;
    cmd::run(&mut cmd::command(
        venv.join("bin").join("pip"),
        ["install", "--quiet", "schemathesis"],
        &repo.root,
    ))?;
    Ok(program)
}
