//! Live-chat helpers: staff accounts, a signed-in staff client, and WebSocket clients that
//! wait for the frame a test expects.

use std::time::Duration;

use futures_util::{SinkExt as _, StreamExt as _};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use server::store::StaffStore as _;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use super::TestServer;

/// How long a test waits for an expected frame before failing.
pub const FRAME_TIMEOUT: Duration = Duration::from_secs(10);

/// The password every test account gets.
pub const PASSWORD: &str = "river-otter-lantern-42";

/// Creates a staff account on `site` directly in the server's database.
pub async fn add_staff(server: &TestServer, site: &str, email: &str, name: &str) {
    let store =
        server::store::SqliteStore::connect(&format!("sqlite://{}", server.database().display()))
            .await
            .expect("database opens");
    store
        .add_staff(&server::store::live::StaffAccount {
            id: uuid_like(email),
            site: site.into(),
            email: email.into(),
            name: name.into(),
            role: "staff".into(),
            department: None,
            password_hash: server::auth::hash_password(PASSWORD).expect("hash"),
        })
        .await
        .expect("account added");
}

fn uuid_like(email: &str) -> String {
    format!("staff-{}", email.replace(['@', '.'], "-"))
}

/// A signed-in staff member.
pub struct Staff {
    /// The session cookie (`wf_staff=...`).
    pub cookie: String,
    /// The session's CSRF token.
    pub csrf: String,
    /// HTTP client.
    pub client: Client,
}

impl Staff {
    /// Signs in; panics on failure.
    pub async fn login(server: &TestServer, email: &str) -> Self {
        let client = Client::new();
        let response = client
            .post(server.url("/staff/api/login"))
            .json(&json!({"email": email, "password": PASSWORD}))
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

    /// `GET path` with the session.
    pub async fn get(&self, server: &TestServer, path: &str) -> reqwest::Response {
        self.client
            .get(server.url(path))
            .header("Cookie", &self.cookie)
            .send()
            .await
            .expect("request is sent")
    }

    /// `POST path` with the session, the CSRF token and a JSON body.
    pub async fn post(&self, server: &TestServer, path: &str, body: Value) -> reqwest::Response {
        self.client
            .post(server.url(path))
            .header("Cookie", &self.cookie)
            .header("X-CSRF-Token", &self.csrf)
            .json(&body)
            .send()
            .await
            .expect("request is sent")
    }

    /// Accepts `chat_id` from the queue, asserts it succeeded and returns the chat summary.
    pub async fn accept(&self, server: &TestServer, chat_id: &str) -> Value {
        let path = format!("/staff/api/chats/{chat_id}/accept");
        let response = self.post(server, &path, json!({})).await;
        assert_eq!(response.status(), StatusCode::OK, "accepting {chat_id}");
        response.json().await.expect("a chat summary")
    }

    /// Closes `chat_id` as resolved; panics unless it succeeded.
    pub async fn close(&self, server: &TestServer, chat_id: &str) {
        let path = format!("/staff/api/chats/{chat_id}/close");
        let response = self
            .post(server, &path, json!({"reason": "resolved"}))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "closing {chat_id}");
    }

    /// Opens the console's WebSocket.
    pub async fn socket(&self, server: &TestServer) -> Socket {
        Socket::connect(server, "/staff/api/live", Some(&self.cookie)).await
    }

    /// Opens the console's WebSocket and waits for its first queue snapshot, which the server
    /// sends once the console counts as online: a chat started before then finds no staff.
    pub async fn online(&self, server: &TestServer) -> Socket {
        let mut console = self.socket(server).await;
        console.expect("queue", |f| f["type"] == "queue").await;
        console
    }
}

/// A resident's chat as created by `POST /api/v1/chats`.
pub struct ResidentChat {
    /// Its id.
    pub id: String,
    /// Its token.
    pub token: String,
}

impl ResidentChat {
    /// Asks for a person; panics unless the chat is created.
    pub async fn start(server: &TestServer, body: Value) -> Self {
        let response = Client::new()
            .post(server.url("/api/v1/chats"))
            .json(&body)
            .send()
            .await
            .expect("request is sent");
        assert_eq!(response.status(), StatusCode::CREATED, "chat starts");
        let started: Value = response.json().await.expect("ChatStarted");
        Self {
            id: started["chat_id"].as_str().expect("chat_id").to_owned(),
            token: started["token"].as_str().expect("token").to_owned(),
        }
    }

    /// Connects to the chat's WebSocket, asking for events after `after`.
    pub async fn socket(&self, server: &TestServer, after: u64) -> Socket {
        Socket::connect(
            server,
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
    /// Connects to `path` on the server, with a cookie if given.
    pub async fn connect(server: &TestServer, path: &str, cookie: Option<&str>) -> Self {
        let url = format!("ws://{}{path}", server.addr);
        let mut request = url.into_client_request().expect("a request");
        if let Some(cookie) = cookie {
            request
                .headers_mut()
                .insert("Cookie", HeaderValue::from_str(cookie).expect("cookie"));
        }
        let (inner, _) = tokio_tungstenite::connect_async(request)
            .await
            .unwrap_or_else(|e| panic!("WebSocket {path}: {e}"));
        Self { inner }
    }

    /// Sends a JSON frame.
    pub async fn send(&mut self, frame: Value) {
        self.inner
            .send(Message::Text(frame.to_string().into()))
            .await
            .expect("frame is sent");
    }

    /// The next JSON frame, or `None` when the connection ends or nothing comes in time.
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

    /// Skips frames until one matches `wanted`; panics with what came instead.
    pub async fn expect(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let mut seen = Vec::new();
        loop {
            match self.next().await {
                Some(frame) if wanted(&frame) => return frame,
                Some(frame) => seen.push(frame),
                None => panic!("no {what} frame; got instead: {seen:#?}"),
            }
        }
    }

    /// Collects every frame that arrives until nothing comes for `quiet`.
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

    /// Reads until the server closes the connection; returns its close code and reason.
    pub async fn close_frame(&mut self) -> Option<(u16, String)> {
        loop {
            let message = tokio::time::timeout(FRAME_TIMEOUT, self.inner.next())
                .await
                .ok()??
                .ok()?;
            if let Message::Close(frame) = message {
                return frame.map(|f| (u16::from(f.code), f.reason.to_string()));
            }
        }
    }

    /// Drops the connection without a closing handshake (like a closed laptop lid).
    pub fn drop_abruptly(self) {
        drop(self.inner);
    }
}

/// Whether `frame` is the chat event with `kind`.
pub fn is_event(frame: &Value, kind: &str) -> bool {
    frame["type"] == "event" && frame["event"]["kind"] == kind
}
