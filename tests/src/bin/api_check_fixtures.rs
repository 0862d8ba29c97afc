//! What `cargo xtask api-check` needs from the running server before schemathesis starts:
//! signed-in sessions, a staff console online, and things filed whose ids it can offer.
//!
//! `api_check_fixtures --url http://127.0.0.1:PORT --site riverton`
//!
//! The three accounts must exist (`wayfinder staff add`). Their e-mail addresses and password
//! come from the environment, never from the command line: `WAYFINDER_API_CHECK_STAFF_EMAIL`,
//! `WAYFINDER_API_CHECK_ADMIN_EMAIL`, `WAYFINDER_API_CHECK_LEAVING_EMAIL` and
//! `WAYFINDER_API_CHECK_PASSWORD`.
//!
//! Each account signs in (`POST /staff/api/login`), the staff member's console connects to
//! `/staff/api/live` (residents can only start a chat while someone is online), and a
//! conversation, six chats, three tickets and three service requests of the demo site are
//! filed through the public API; each request's `updated_datetime` is read back
//! (`GET /staff/api/requests/{id}`). Then it prints, one `KEY=value` line each:
//!
//! - `STAFF_TOKEN`, `STAFF_CSRF`, `ADMIN_TOKEN`, `ADMIN_CSRF`, `LEAVING_TOKEN`,
//!   `LEAVING_CSRF`: each account's session cookie value and CSRF token;
//! - `CHAT`, `TICKET`, `REQUEST`, `REQUEST_TIME`, once per value: the filed ids and the
//!   requests' `updated_datetime`, in the order they were filed;
//!
//! and a last line `READY`, and keeps the console online until its standard input is closed
//! or it gets SIGTERM or SIGINT. Progress goes to stderr. It exits non-zero with the status
//! and body of any unexpected answer, or when the server closes the console's socket before
//! it is told to stop.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Duration;

use futures_util::StreamExt as _;
use reqwest::header::{ACCEPT, COOKIE, HeaderMap, HeaderValue, SET_COOKIE};
use reqwest::{Client, RequestBuilder, StatusCode};
use serde_json::{Value, json};
use tokio::signal::unix::{SignalKind, signal};
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The staff session cookie's name.
const SESSION_COOKIE: &str = "wf_staff";

/// How long one HTTP request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// How long the console's closing handshake may take once it is told to stop.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(5);

/// The account roles, in output order: the name of the variable holding the e-mail address
/// and the prefix of the output keys.
const ACCOUNTS: [(&str, &str); 3] = [
    ("WAYFINDER_API_CHECK_STAFF_EMAIL", "STAFF"),
    ("WAYFINDER_API_CHECK_ADMIN_EMAIL", "ADMIN"),
    ("WAYFINDER_API_CHECK_LEAVING_EMAIL", "LEAVING"),
];

/// The variable holding the accounts' password.
const PASSWORD_VARIABLE: &str = "WAYFINDER_API_CHECK_PASSWORD";

/// The command line.
struct Args {
    /// The server's base URL, `http://host:port`.
    url: String,
    /// The site the accounts work for and the things are filed on.
    site: String,
}

/// Reads `--url` and `--site`.
fn args() -> Result<Args> {
    let mut map = HashMap::new();
    let mut it = std::env::args().skip(1);
    while let Some(key) = it.next() {
        let Some(name) = key
            .strip_prefix("--")
            .filter(|k| matches!(*k, "url" | "site"))
        else {
            return Err(
                format!("unknown argument {key:?} (expected --url URL --site SITE)").into(),
            );
        };
        let value = it.next().ok_or(format!("{key} needs a value"))?;
        map.insert(name.to_owned(), value);
    }
    let mut get = |k: &str| map.remove(k).ok_or(format!("--{k} is required"));
    Ok(Args {
        url: get("url")?.trim_end_matches('/').to_owned(),
        site: get("site")?,
    })
}

/// The value of environment variable `name`.
fn env(name: &str) -> Result<String> {
    std::env::var(name).map_err(|_| format!("{name} is not set").into())
}

/// An error and its causes, on one line.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// A signed-in session: what a console sends with each request.
struct Session {
    /// The session cookie's value.
    token: String,
    /// The session's CSRF token.
    csrf: String,
}

impl Session {
    /// The `Cookie` header carrying the session.
    fn cookie(&self) -> String {
        format!("{SESSION_COOKIE}={}", self.token)
    }
}

/// The server under test.
struct Server {
    /// The HTTP client (JSON answers accepted, requests time out).
    client: Client,
    /// The base URL.
    url: String,
    /// The site.
    site: String,
}

impl Server {
    /// Sends `request` (`what` names it in messages) and returns the answer's headers and
    /// JSON body, or an error with the status and body when the status is not `expected`.
    async fn call(
        request: RequestBuilder,
        what: &str,
        expected: StatusCode,
    ) -> Result<(HeaderMap, Value)> {
        let response = request
            .send()
            .await
            .map_err(|e| format!("{what}: {}", chain(&e)))?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .text()
            .await
            .map_err(|e| format!("{what}: reading the answer: {}", chain(&e)))?;
        if status != expected {
            return Err(format!("{what} answered {status} (expected {expected}): {body}").into());
        }
        let json = serde_json::from_str(&body).map_err(|e| {
            format!("{what} answered {status} with a body that is not JSON ({e}): {body}")
        })?;
        Ok((headers, json))
    }

    /// Signs `email` in, as the console does.
    async fn sign_in(&self, email: &str, password: &str) -> Result<Session> {
        let what = format!("POST /staff/api/login ({email})");
        let (headers, me) = Self::call(
            self.client
                .post(format!("{}/staff/api/login", self.url))
                .json(&json!({ "email": email, "password": password })),
            &what,
            StatusCode::OK,
        )
        .await?;
        let token = headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .filter_map(|cookie| cookie.split(';').next())
            .find_map(|pair| pair.trim().strip_prefix(&format!("{SESSION_COOKIE}=")))
            .filter(|token| !token.is_empty())
            .ok_or_else(|| format!("{what} set no {SESSION_COOKIE} cookie"))?
            .to_owned();
        let csrf = string(&me, "csrf_token", &what)?;
        Ok(Session { token, csrf })
    }

    /// Files `body` at `path` (anonymously) and returns the string `field` of the 201 answer.
    async fn file(&self, path: &str, body: Value, field: &str) -> Result<String> {
        let what = format!("POST {path}");
        let (_, answer) = Self::call(
            self.client.post(format!("{}{path}", self.url)).json(&body),
            &what,
            StatusCode::CREATED,
        )
        .await?;
        string(&answer, field, &what)
    }

    /// Files a conversation, chats, tickets and service requests through the public API, and
    /// reads the requests' `updated_datetime` with `staff`'s session.
    async fn file_all(&self, staff: &Session) -> Result<Filed> {
        let site = &self.site;
        let mut filed = Filed::default();
        let what = "POST /api/v1/ask";
        let (_, asked) = Self::call(
            self.client
                .post(format!("{}/api/v1/ask", self.url))
                .json(&json!({
                    "site": site,
                    "text": "How do I pay my water bill?",
                    "page_lang": "en",
                    "languages": ["en"],
                })),
            what,
            StatusCode::OK,
        )
        .await?;
        let conversation = string(&asked, "conversation_id", what)?;

        let extras = [
            Some(("conversation_id", conversation.as_str())),
            Some(("department", "public-works")),
            Some(("department", "city-clerk")),
            None,
            None,
            None,
        ];
        for extra in extras {
            let mut body = json!({ "site": site, "lang": "en" });
            if let Some((key, value)) = extra {
                body[key] = json!(value);
            }
            filed
                .chats
                .push(self.file("/api/v1/chats", body, "chat_id").await?);
        }

        let tickets = [
            ("en", "Please call me back about my parking permit."),
            ("es", "Necesito ayuda con mi factura del agua."),
            (
                "en",
                "The library's opening hours on the website are wrong.",
            ),
        ];
        for (lang, message) in tickets {
            let body = json!({
                "site": site,
                "lang": lang,
                "name": "Resident",
                "contact": "resident@example.com",
                "message": message,
            });
            filed
                .tickets
                .push(self.file("/api/v1/tickets", body, "ticket_id").await?);
        }

        let requests = [
            (
                "pothole",
                "12 Main Street",
                Some(json!({ "size": "large", "lane": "bike" })),
            ),
            ("illegal-dumping", "40 River Road", None),
            ("overgrown-lot", "5 Oak Street", None),
        ];
        for (code, address, attributes) in requests {
            let mut body = json!({
                "site": site,
                "lang": "en",
                "service_code": code,
                "address": address,
                "description": "Reported for the API check.",
            });
            if let Some(attributes) = attributes {
                body["attributes"] = attributes;
            }
            let id = self
                .file("/api/v1/requests", body, "service_request_id")
                .await?;
            let what = format!("GET /staff/api/requests/{id}");
            let (_, detail) = Self::call(
                self.client
                    .get(format!("{}/staff/api/requests/{id}", self.url))
                    .header(COOKIE, staff.cookie())
                    .header("X-CSRF-Token", &staff.csrf),
                &what,
                StatusCode::OK,
            )
            .await?;
            filed
                .request_times
                .push(string(&detail, "updated_datetime", &what)?);
            filed.requests.push(id);
        }
        Ok(filed)
    }
}

/// The string `key` of the JSON object `answer` to `what`.
fn string(answer: &Value, key: &str, what: &str) -> Result<String> {
    answer[key]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("{what}: no string {key:?} in the answer: {answer}").into())
}

/// Ids of things filed, in the order they were filed.
#[derive(Default)]
struct Filed {
    /// Chats waiting for staff.
    chats: Vec<String>,
    /// Open tickets.
    tickets: Vec<String>,
    /// Open service requests.
    requests: Vec<String>,
    /// The service requests' `updated_datetime`.
    request_times: Vec<String>,
}

/// The staff console's WebSocket.
type Console =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Connects `session`'s console to `GET /staff/api/live`.
async fn connect_console(url: &str, session: &Session) -> Result<Console> {
    let what = "the staff console's WebSocket (GET /staff/api/live)";
    let address = format!("{}/staff/api/live", url.replacen("http", "ws", 1));
    let mut request = address
        .into_client_request()
        .map_err(|e| format!("{what}: {e}"))?;
    request
        .headers_mut()
        .insert(COOKIE, HeaderValue::from_str(&session.cookie())?);
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(socket),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            let body = response
                .body()
                .as_deref()
                .map(String::from_utf8_lossy)
                .unwrap_or_default();
            Err(format!(
                "{what} answered {} (expected 101): {body}",
                response.status()
            )
            .into())
        }
        Err(e) => Err(format!("{what}: {}", chain(&e)).into()),
    }
}

/// One `KEY=value` line; refuses a value that would not stay on one line.
fn line(key: &str, value: &str) -> Result<String> {
    if value.is_empty() || value.contains(['\n', '\r']) {
        return Err(format!("{key}: {value:?} cannot be printed on one line").into());
    }
    Ok(format!("{key}={value}\n"))
}

/// Resolves when standard input is closed (or fails), or on SIGTERM or SIGINT.
async fn told_to_stop() -> Result<()> {
    let (closed, stdin_closed) = tokio::sync::oneshot::channel();
    // A plain thread: a blocking read in the runtime's pool would hold up its shutdown.
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
        let _ = closed.send(());
    });
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    tokio::select! {
        _ = stdin_closed => {}
        _ = terminate.recv() => {}
        _ = interrupt.recv() => {}
    }
    Ok(())
}

/// Keeps `console` online, reading and dropping its frames (and answering pings), until
/// told to stop; fails when the server closes it first.
async fn stay_online(mut console: Console) -> Result<()> {
    let stop = told_to_stop();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            stopped = &mut stop => {
                stopped?;
                let _ = tokio::time::timeout(CLOSE_TIMEOUT, console.close(None)).await;
                return Ok(());
            }
            frame = console.next() => match frame {
                Some(Ok(_)) => {}
                Some(Err(e)) => {
                    return Err(format!("the staff console's WebSocket failed: {}", chain(&e)).into());
                }
                None => return Err("the server closed the staff console's WebSocket".into()),
            },
        }
    }
}

/// Signs in, files, prints, stays online.
async fn run() -> Result<()> {
    let args = args()?;
    let password = env(PASSWORD_VARIABLE)?;
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    let server = Server {
        client: Client::builder()
            .default_headers(headers)
            .timeout(REQUEST_TIMEOUT)
            .build()?,
        url: args.url,
        site: args.site,
    };

    let mut out = String::new();
    let mut sessions = Vec::new();
    for (variable, key) in ACCOUNTS {
        let email = env(variable)?;
        let session = server.sign_in(&email, &password).await?;
        eprintln!("api_check_fixtures: signed in {email}");
        out.push_str(&line(&format!("{key}_TOKEN"), &session.token)?);
        out.push_str(&line(&format!("{key}_CSRF"), &session.csrf)?);
        sessions.push(session);
    }
    let staff = &sessions[0];
    let console = connect_console(&server.url, staff).await?;
    eprintln!("api_check_fixtures: a staff console is online");

    let filed = server.file_all(staff).await?;
    for (key, values) in [
        ("CHAT", &filed.chats),
        ("TICKET", &filed.tickets),
        ("REQUEST", &filed.requests),
        ("REQUEST_TIME", &filed.request_times),
    ] {
        for value in values {
            out.push_str(&line(key, value)?);
        }
    }
    out.push_str("READY\n");
    {
        use std::io::Write as _;
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(out.as_bytes())?;
        stdout.flush()?;
    }
    stay_online(console).await
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("api_check_fixtures: {e}");
            ExitCode::FAILURE
        }
    }
}
