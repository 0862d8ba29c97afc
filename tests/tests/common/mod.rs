//! Starts the real Wayfinder server on 127.0.0.1:0 with the demo city's content and a fresh
//! SQLite database in a temporary folder.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

pub mod live;
pub mod open311_upstream;

use server::AppState;
use server::config::Config;
use tokio::sync::oneshot;

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the repository")
        .to_owned()
}

/// A running server; stopped when dropped.
pub struct TestServer {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its temporary folder (database, config).
    pub dir: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl TestServer {
    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The text of its `/metrics`.
    pub async fn metrics(&self) -> String {
        reqwest::get(self.url("/metrics"))
            .await
            .expect("metrics are fetched")
            .text()
            .await
            .expect("metrics text")
    }

    /// The SQLite file the server writes to.
    pub fn database(&self) -> PathBuf {
        self.dir.path().join("wayfinder.db")
    }

    /// Stops the server and waits for it to finish, keeping its folder (to start it again).
    pub async fn stop_keeping_files(mut self) -> tempfile::TempDir {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        std::mem::replace(&mut self.dir, tempfile::tempdir().expect("temp dir"))
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The demo configuration, rooted in the repository, with the database in `dir`.
pub fn demo_config(dir: &Path, content: &Path) -> String {
    let root = repo_root();
    let widget_dir = std::env::var("WAYFINDER_WIDGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("target/widget"));
    format!(
        r#"
[server]
listen = "127.0.0.1:0"
database_url = "sqlite://{db}"
widget_dir = "{widget}"
locales_dir = "{locales}"
demo_dir = "{demo}"

[[sites]]
id = "riverton"
name = "City of Riverton"
content = "{content}"
allowed_origins = ["https://www.riverton.example"]
timezone = "America/Chicago"
contact_url = "https://www.riverton.example/contact"
phone = "(555) 010-0100"
{live}"#,
        db = dir.join("wayfinder.db").display(),
        widget = widget_dir.display(),
        locales = root.join("locales").display(),
        demo = root.join("server/assets/demo").display(),
        content = content.display(),
        live = LIVE_ROUND_THE_CLOCK,
    )
}

/// Live chat open every hour of every day, with two departments and canned replies.
pub const LIVE_ROUND_THE_CLOCK: &str = r#"
[sites.live]
max_chats_per_staff = 2

[sites.live.hours]
mon = ["00:00-24:00"]
tue = ["00:00-24:00"]
wed = ["00:00-24:00"]
thu = ["00:00-24:00"]
fri = ["00:00-24:00"]
sat = ["00:00-24:00"]
sun = ["00:00-24:00"]

[[sites.live.departments]]
id = "public-works"
name = "Public Works"
owners = ["Public Works"]

[[sites.live.departments]]
id = "parks"
name = "Parks and Recreation"
owners = ["Parks and Recreation"]

[[sites.live.canned]]
lang = "es"
title = "Saludo"
text = "Hola, ¿en qué puedo ayudarle?"
"#;

/// The demo configuration with live chat closed now: the days around today are holidays,
/// so staff are next in two or more days from now.
pub fn closed_config(dir: &Path, content: &Path) -> String {
    let today = chrono::Utc::now().date_naive();
    let days: Vec<String> = (-1..=1)
        .map(|d| format!("\"{}\"", today + chrono::Duration::days(d)))
        .collect();
    demo_config(dir, content).replace(
        "[sites.live]\n",
        &format!("[sites.live]\nholidays = [{}]\n", days.join(", ")),
    )
}

/// Loads `config_text` the way `wayfinder serve` does (from a file).
pub fn load_config(dir: &Path, config_text: &str) -> Result<Config, server::config::ConfigError> {
    let path = dir.join("wayfinder.toml");
    std::fs::write(&path, config_text).expect("write config");
    Config::load(&path)
}

/// Starts the server with the demo city.
pub async fn start() -> TestServer {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = load_config(
        dir.path(),
        &demo_config(dir.path(), &repo_root().join("knowledge/demo")),
    )
    .expect("demo config loads");
    start_with(dir, config).await
}

/// Starts the server with `config`, keeping `dir` alive as long as it runs.
pub async fn start_with(dir: tempfile::TempDir, config: Config) -> TestServer {
    let state = AppState::from_config(config)
        .await
        .expect("server state builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local addr");
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        server::run(listener, state, async {
            let _ = stopped.await;
        })
        .await
        .expect("server runs");
    });
    TestServer {
        addr,
        dir,
        stop: Some(stop),
        task: Some(task),
    }
}

/// Copies the folder `from` into `to`, recursively (e.g. content to edit in a test).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("content folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            std::fs::create_dir_all(&target).expect("create folder");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The value of the first sample of Prometheus `text` whose line starts with `prefix` (name
/// and labels).
pub fn sample(text: &str, prefix: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}
