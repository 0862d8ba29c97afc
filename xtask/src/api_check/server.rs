//! The server under test: built, configured with the demo site on a fresh database and a
//! fresh copy of its content, its accounts created, started and waited for.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use super::accounts;
use crate::cmd::{self, say};
use crate::repo::Repo;

/// How long to wait for the server to accept connections.
const STARTUP_WAIT: Duration = Duration::from_secs(120);

/// The running server; killed when dropped.
pub struct Server {
    /// Its process.
    process: Child,
    /// Its base URL, `http://127.0.0.1:<port>`.
    pub base: String,
    /// The demo configuration it was configured from (`wayfinder.toml`).
    pub demo: String,
    /// The copy of the site's content it serves.
    pub content: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Builds the server, writes its configuration into `work`, creates the accounts and starts
/// it on a free port, its log in `<work>/server.log`; returns once it accepts connections.
pub fn start(repo: &Repo, work: &Path) -> Result<Server> {
    say("api-check: building wayfinder-server");
    cmd::run(&mut cmd::cargo(
        ["build", "-p", "wayfinder-server", "--bin", "wayfinder"],
        &repo.root,
    ))?;
    let binary = repo.target.join("debug").join("wayfinder");

    let port = free_port()?;
    let config = work.join("wayfinder.toml");
    let database = work.join("api-check.db");
    for file in ["", "-shm", "-wal"] {
        let _ = std::fs::remove_file(format!("{}{file}", database.display()));
    }
    let content = work.join("content");
    if content.exists() {
        std::fs::remove_dir_all(&content)
            .with_context(|| format!("removing {}", content.display()))?;
    }
    copy_dir(&repo.root.join("knowledge").join("demo"), &content)?;
    let demo = std::fs::read_to_string(repo.root.join("wayfinder.toml"))
        .context("reading the demo configuration wayfinder.toml")?;
    std::fs::write(
        &config,
        config_text(&repo.root, &demo, &database, &content, port),
    )
    .with_context(|| format!("writing {}", config.display()))?;

    for account in accounts::ALL {
        accounts::add(&binary, &config, &repo.root, account)?;
    }

    let log_path = work.join("server.log");
    let log = std::fs::File::create(&log_path)
        .with_context(|| format!("creating {}", log_path.display()))?;
    let mut server = Server {
        process: Command::new(&binary)
            .args(["serve", "--config"])
            .arg(&config)
            .current_dir(&repo.root)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?,
        base: format!("http://127.0.0.1:{port}"),
        demo,
        content,
    };
    wait_for(&mut server.process, port)?;
    say(format!(
        "api-check: server on {} (log: {})",
        server.base,
        log_path.display()
    ));
    Ok(server)
}

/// The demo configuration `demo` for a server on `port` with `database` and the site's
/// content in `content`: other paths made absolute (relative ones are relative to the
/// repository, where `wayfinder.toml` is), rate limits lifted.
fn config_text(root: &Path, demo: &str, database: &Path, content: &Path, port: u16) -> String {
    let mut out = String::new();
    for line in demo.lines() {
        let key = line.split('=').next().unwrap_or_default().trim();
        let value = line
            .split_once('=')
            .map(|(_, v)| v.trim().trim_matches('"'))
            .unwrap_or_default();
        let line = match key {
            "listen" => format!("listen = \"127.0.0.1:{port}\""),
            "database_url" => format!("database_url = \"sqlite://{}\"", database.display()),
            "content" => format!("content = \"{}\"", content.display()),
            "widget_dir" | "locales_dir" | "demo_dir" if !value.starts_with('/') => {
                format!("{key} = \"{}\"", root.join(value).display())
            }
            "burst" | "per_minute" => format!("{key} = 4000000000"),
            _ => line.to_owned(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Copies the folder `from` to `to`, recursively.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// A port nobody listens on now.
fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// Waits until the server accepts connections on `port`.
fn wait_for(child: &mut Child, port: u16) -> Result<()> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            bail!("the server exited before accepting connections ({status})");
        }
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        if started.elapsed() > STARTUP_WAIT {
            bail!("the server does not accept connections on {address}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_paths_become_absolute_and_limits_lift() {
        let demo = "[server]\nlisten = \"127.0.0.1:8080\"\ndatabase_url = \"sqlite://data/w.db\"\nwidget_dir = \"target/widget\"\n[server.rate_limit]\nburst = 20\n[[sites]]\ncontent = \"knowledge/demo\"\nid = \"riverton\"\n";
        let text = config_text(
            Path::new("/repo"),
            demo,
            Path::new("/tmp/a.db"),
            Path::new("/tmp/content"),
            9000,
        );
        assert!(text.contains("listen = \"127.0.0.1:9000\""), "{text}");
        assert!(
            text.contains("database_url = \"sqlite:///tmp/a.db\""),
            "{text}"
        );
        assert!(
            text.contains("widget_dir = \"/repo/target/widget\""),
            "{text}"
        );
        assert!(text.contains("content = \"/tmp/content\""), "{text}");
        assert!(text.contains("burst = 4000000000"), "{text}");
        assert!(text.contains("id = \"riverton\""), "{text}");
    }
}
