//! `wayfinder serve` replicas as separate processes sharing one PostgreSQL database, and the
//! clients that talk to them: a signed-in staff member and WebSockets by address (so a client
//! can move from one replica to another, as behind a load balancer).
//!
//! A replica is this test binary started again in the `replica_process` role: it loads the
//! configuration file and runs what `wayfinder serve` runs ([`server::AppState::from_config`]
//! then [`server::run`]), printing `LISTENING <address>` once it accepts connections. Being a
//! process of its own, it can be killed with SIGKILL.

#![allow(dead_code)]

use std::io::{BufRead as _, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use futures_util::{SinkExt as _, StreamExt as _};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// The environment variable that turns this test binary into a replica.
pub const CONFIG_VAR: &str = "WAYFINDER_REPLICA_CONFIG";

/// How long a replica may take to index the demo content and start listening.
const START_TIMEOUT: Duration = Duration::from_secs(120);

/// How long a test waits for an expected frame before failing.
pub const FRAME_TIMEOUT: Duration = Duration::from_secs(15);

/// The body of the `replica_process` test: serves until killed when [`CONFIG_VAR`] is set,
/// returns at once otherwise.
pub fn serve_if_asked() {
    let Ok(path) = std::env::var(CONFIG_VAR) else {
        return;
    };
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async move {
        let config = server::config::Config::load(Path::new(&path)).expect("replica config");
        let listen = config.server.listen;
        let state = server::AppState::from_config(config)
            .await
            .expect("replica state builds");
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .expect("replica binds");
        println!("\nLISTENING {}", listener.local_addr().expect("address"));
        server::run(listener, state, std::future::pending())
            .await
            .expect("replica serves");
    });
}

/// A running replica process; killed when dropped.
pub struct Replica {
    /// Where it listens.
    pub addr: SocketAddr,
    child: Child,
    /// Its name in failure messages.
    pub name: String,
}

impl Replica {
    /// Waits until this replica says a person can take a chat (staff presence reached it).
    pub async fn wait_until_open(&self) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let availability: Value = Client::new()
                .get(self.url("/api/v1/live/availability?site=riverton"))
                .send()
                .await
                .expect("availability")
                .json()
                .await
                .expect("availability JSON");
            if availability["open"] == true {
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "replica {} never heard that staff are online: {availability}",
                self.name
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Starts a replica with the configuration in `config` (a file); its output goes to
    /// `<config>.<name>.log`.
    pub fn start(name: &str, config: &Path) -> Self {
        let log = config.with_extension(format!("{name}.log"));
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "replica_process",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CONFIG_VAR, config)
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).expect("replica log"))
            .env("RUST_BACKTRACE", "0")
            .spawn()
            .expect("replica starts");
        let stdout = child.stdout.take().expect("replica stdout");
        let (found, wait) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // The test harness may have printed the test's name on the same line.
                if let Some((_, addr)) = line.split_once("LISTENING ") {
                    let _ = found.send(addr.trim().parse::<SocketAddr>().ok());
                }
            }
            let _ = found.send(None);
        });
        let addr = match wait.recv_timeout(START_TIMEOUT) {
            Ok(Some(addr)) => addr,
            _ => {
                let _ = child.kill();
                panic!(
                    "replica {name} did not start; its log:\n{}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
        };
        Self {
            addr,
            child,
            name: name.to_owned(),
        }
    }

    /// `http://ADDR` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Kills the process at once (SIGKILL: no shutdown, no goodbye to its sockets).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A signed-in staff member, on one replica (sessions live in the shared database, so any
/// replica accepts them).
pub struct Staff {
    /// The session cookie.
    pub cookie: String,
    /// The session's CSRF token.
    pub csrf: String,
    client: Client,
}

impl Staff {
    /// Signs in on `replica`.
    pub async fn login(replica: &Replica, email: &str, password: &str) -> Self {
        let client = Client::new();
        let response = client
            .post(replica.url("/staff/api/login"))
            .json(&json!({"email": email, "password": password}))
            .send()
            .await
            .expect("login is sent");
        assert_eq!(response.status(), StatusCode::OK, "login of {email}");
        let cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .expect("a session cookie")
            .to_owned();
        let me: Value = response.json().await.expect("me");
        Self {
            cookie,
            csrf: me["csrf_token"].as_str().expect("csrf token").to_owned(),
            client,
        }
    }

    /// `POST path` on `replica` with the session and a JSON body.
    pub async fn post(&self, replica: &Replica, path: &str, body: Value) -> reqwest::Response {
        self.client
            .post(replica.url(path))
            .header("Cookie", &self.cookie)
            .header("X-CSRF-Token", &self.csrf)
            .json(&body)
            .send()
            .await
            .expect("request is sent")
    }

    /// Accepts `chat_id` on `replica`, asserts it succeeded and returns the chat summary.
    pub async fn accept(&self, replica: &Replica, chat_id: &str) -> Value {
        let path = format!("/staff/api/chats/{chat_id}/accept");
        let response = self.post(replica, &path, json!({})).await;
        assert_eq!(response.status(), StatusCode::OK, "accepting {chat_id}");
        response.json().await.expect("a chat summary")
    }

    /// The console's WebSocket on `replica`.
    pub async fn socket(&self, replica: &Replica) -> Socket {
        Socket::connect(replica, "/staff/api/live", Some(&self.cookie)).await
    }
}

/// A resident's chat.
pub struct ResidentChat {
    /// Its id.
    pub id: String,
    /// Its token.
    pub token: String,
}

impl ResidentChat {
    /// Asks for a person on `replica`.
    pub async fn start(replica: &Replica, lang: &str) -> Self {
        let response = Client::new()
            .post(replica.url("/api/v1/chats"))
            .json(&json!({"site": "riverton", "lang": lang}))
            .send()
            .await
            .expect("request is sent");
        let status = response.status();
        let body: Value = response.json().await.unwrap_or_default();
        assert_eq!(status, StatusCode::CREATED, "chat starts: {body}");
        Self {
            id: body["chat_id"].as_str().expect("chat_id").to_owned(),
            token: body["token"].as_str().expect("token").to_owned(),
        }
    }

    /// The chat's WebSocket on `replica`, with the events after `after`.
    pub async fn socket(&self, replica: &Replica, after: u64) -> Socket {
        Socket::connect(
            replica,
            &format!(
                "/api/v1/chats/{}/live?token={}&after={after}",
                self.id, self.token
            ),
            None,
        )
        .await
    }
}

/// A WebSocket client speaking JSON text frames.
pub struct Socket {
    inner: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Socket {
    /// Connects to `path` on `replica`.
    pub async fn connect(replica: &Replica, path: &str, cookie: Option<&str>) -> Self {
        let mut request = format!("ws://{}{path}", replica.addr)
            .into_client_request()
            .expect("a request");
        if let Some(cookie) = cookie {
            request
                .headers_mut()
                .insert("Cookie", HeaderValue::from_str(cookie).expect("cookie"));
        }
        let (inner, _) = tokio_tungstenite::connect_async(request)
            .await
            .unwrap_or_else(|e| panic!("WebSocket {path} on {}: {e}", replica.name));
        Self { inner }
    }

    /// Sends a JSON frame.
    pub async fn send(&mut self, frame: Value) {
        self.inner
            .send(Message::Text(frame.to_string().into()))
            .await
            .expect("frame is sent");
    }

    /// The next JSON frame; `None` when the connection ends or nothing comes in time.
    pub async fn next(&mut self) -> Option<Value> {
        loop {
            let message = tokio::time::timeout(FRAME_TIMEOUT, self.inner.next())
                .await
                .ok()??
                .ok()?;
            match message {
                Message::Text(text) => return serde_json::from_str(&text).ok(),
                Message::Close(_) => return None,
                _ => continue,
            }
        }
    }

    /// Skips frames until one matches `wanted` (returning it with those skipped); panics
    /// with what came instead.
    pub async fn expect(
        &mut self,
        what: &str,
        wanted: impl Fn(&Value) -> bool,
    ) -> (Value, Vec<Value>) {
        let mut seen = Vec::new();
        loop {
            match self.next().await {
                Some(frame) if wanted(&frame) => return (frame, seen),
                Some(frame) => seen.push(frame),
                None => panic!("no {what} frame; got instead: {seen:#?}"),
            }
        }
    }

    /// Every frame until nothing comes for `quiet`.
    pub async fn drain(&mut self, quiet: Duration) -> Vec<Value> {
        let mut frames = Vec::new();
        while let Ok(Some(Ok(message))) = tokio::time::timeout(quiet, self.inner.next()).await {
            if let Message::Text(text) = message
                && let Ok(frame) = serde_json::from_str(&text)
            {
                frames.push(frame);
            }
        }
        frames
    }
}

/// Whether `frame` is the chat event with `kind`.
pub fn is_event(frame: &Value, kind: &str) -> bool {
    frame["type"] == "event" && frame["event"]["kind"] == kind
}
