//! `cargo xtask demo`: build everything and run the Riverton demo site.

use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::cmd::{self, say};
use crate::install;
use crate::repo::Repo;
use crate::widget;

/// The port the demo listens on according to wayfinder.toml.
pub const DEFAULT_PORT: u16 = 8080;
/// How long to wait for the server to accept connections before saying so.
const STARTUP_WAIT: Duration = Duration::from_secs(60);

/// The demo's staff account (demo database only: the password is public).
const DEMO_STAFF_EMAIL: &str = "staff@riverton.example";
/// Its password.
const DEMO_STAFF_PASSWORD: &str = "riverton-demo-staff";

/// Creates the demo's staff account unless it exists.
fn demo_staff_account(repo: &Repo, binary: &std::path::Path) -> Result<()> {
    let output = Command::new(binary)
        .args([
            "staff",
            "add",
            "--config",
            "wayfinder.toml",
            "--site",
            "riverton",
        ])
        .args([
            "--email",
            DEMO_STAFF_EMAIL,
            "--name",
            "Alex",
            "--role",
            "admin",
        ])
        .env("WAYFINDER_PASSWORD", DEMO_STAFF_PASSWORD)
        .current_dir(&repo.root)
        .output()
        .context("creating the demo staff account")?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.success() || stderr.contains("already exists") {
        Ok(())
    } else {
        bail!("creating the demo staff account failed: {stderr}")
    }
}

/// Builds the widget and the server, then runs the server until it exits or Ctrl-C.
pub fn run(repo: &Repo, port: u16) -> Result<()> {
    let config = repo.root.join("wayfinder.toml");
    if !config.is_file() {
        bail!("the demo configuration is missing: no {}", config.display());
    }
    let tools = install::widget_tools(repo)?;
    install::semantic_model(repo)?;
    widget::build(repo, &tools)?;

    say("server: building wayfinder-server (release)");
    cmd::run(&mut cmd::cargo(
        ["build", "--release", "-p", "wayfinder-server"],
        &repo.root,
    ))?;
    let binary = repo.target.join("release").join("wayfinder");
    if !binary.is_file() {
        bail!("cargo built no {}", binary.display());
    }

    demo_staff_account(repo, &binary)?;

    let mut server = Command::new(&binary);
    server
        .args(["serve", "--config", "wayfinder.toml"])
        .current_dir(&repo.root)
        .env("WAYFINDER_WIDGET_DIR", repo.widget_out());
    if port != DEFAULT_PORT {
        // Overrides the listen address of wayfinder.toml.
        server.env("WAYFINDER_LISTEN", format!("127.0.0.1:{port}"));
    }
    // Own process group: Ctrl-C reaches xtask only, which forwards it once to the server.
    std::os::unix::process::CommandExt::process_group(&mut server, 0);
    say(format!("$ {}", cmd::display(&server)));
    let mut child = server
        .spawn()
        .with_context(|| format!("cannot start {}", binary.display()))?;

    let pid = child.id();
    ctrlc::set_handler(move || interrupt(pid)).context("cannot install the Ctrl-C handler")?;

    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            bail!("the server exited before accepting connections ({status})");
        }
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            println!("Riverton demo: http://127.0.0.1:{port}/");
            println!(
                "Staff console: http://127.0.0.1:{port}/staff (sign in as {DEMO_STAFF_EMAIL}, password {DEMO_STAFF_PASSWORD})"
            );
            break;
        }
        if started.elapsed() > STARTUP_WAIT {
            say(format!(
                "the server is running but does not accept connections on {address} yet"
            ));
            break;
        }
        thread::sleep(Duration::from_millis(200));
    }

    let status = child.wait()?;
    if status.success() {
        say("server stopped");
        Ok(())
    } else {
        bail!("the server exited with {status}")
    }
}

/// Sends SIGINT to the server process so it shuts down gracefully.
fn interrupt(pid: u32) {
    // The shell's builtin `kill` is always available, unlike a separate kill binary.
    let _ = Command::new("sh")
        .args(["-c", "kill -INT \"$1\"", "sh", &pid.to_string()])
        .status();
}
