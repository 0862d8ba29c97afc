//! Running child processes with inherited stdio and clear failure messages.

use std::ffi::OsStr;
use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

use anyhow::{Context, Result, bail};

/// Prints one line saying what xtask is doing.
pub fn say(message: impl AsRef<str>) {
    println!("xtask: {}", message.as_ref());
}

/// Builds a command that runs `program` with `args` in `dir`.
pub fn command<I, S>(program: impl AsRef<OsStr>, args: I, dir: &Path) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(program);
    command.args(args).current_dir(dir);
    command
}

/// The cargo that runs xtask (so children use the same toolchain), or `cargo` from PATH.
pub fn cargo_program() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// Builds a `cargo` command run in `dir`.
pub fn cargo<I, S>(args: I, dir: &Path) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    command(cargo_program(), args, dir)
}

/// Renders a command as a shell-like line for messages.
pub fn display(command: &Command) -> String {
    let program = command.get_program();
    let mut line = if program == cargo_program() {
        "cargo".to_owned()
    } else {
        program.to_string_lossy().into_owned()
    };
    for arg in command.get_args() {
        let arg = arg.to_string_lossy();
        line.push(' ');
        if arg.is_empty() || arg.contains(|c: char| c.is_whitespace() || c == '\'') {
            line.push_str(&format!("'{}'", arg.replace('\'', r"'\''")));
        } else {
            line.push_str(&arg);
        }
    }
    line
}

/// Starts `command` with inherited stdio and waits for it; returns its exit status.
pub fn status(command: &mut Command) -> Result<ExitStatus> {
    command
        .stdin(Stdio::inherit())
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit());
    command
        .status()
        .map_err(|error| spawn_error(command, error))
}

/// Runs `command` with inherited stdio; fails unless it exits successfully.
pub fn run(command: &mut Command) -> Result<()> {
    say(format!("$ {}", display(command)));
    let status = status(command)?;
    if !status.success() {
        bail!("`{}` failed ({status})", display(command));
    }
    Ok(())
}

/// Runs `command` and returns its standard output, or `None` when it cannot start or fails.
pub fn output_if_ok(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs `command` and returns its standard output; fails with its stderr when it fails.
pub fn output(command: &mut Command) -> Result<String> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|error| spawn_error(command, error))?;
    if !output.status.success() {
        bail!(
            "`{}` failed ({}): {}",
            display(command),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    String::from_utf8(output.stdout)
        .with_context(|| format!("`{}` printed non-UTF-8", display(command)))
}

/// Whether xtask runs as root (otherwise system packages are installed through `sudo`).
pub fn is_root() -> bool {
    output_if_ok(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

fn spawn_error(command: &Command, error: std::io::Error) -> anyhow::Error {
    let program = command.get_program().to_string_lossy();
    if error.kind() == ErrorKind::NotFound {
        anyhow::anyhow!("cannot start `{program}`: not found (is it installed and on PATH?)")
    } else {
        anyhow::anyhow!("cannot start `{}`: {error}", display(command))
    }
}
