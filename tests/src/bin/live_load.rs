//! Load generator for live chat, run by `cargo xtask bench`: many residents connected at once,
//! staff answering every one of them, and the delivery latency of each message measured from
//! the moment it is sent to the moment the other side's socket receives it.
//!
//! `live-load --url http://127.0.0.1:PORT --residents 1000 --staff-email-prefix bench
//!  --staff 10 --password ... --rounds 5`
//!
//! Staff accounts `<prefix>-<n>@bench.example` (n from 1) must exist. Prints one line of
//! figures per direction; exits non-zero if any message is lost.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::{Value, json};
use tokio::sync::{Mutex, mpsc};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

struct Args {
    url: String,
    residents: usize,
    staff: usize,
    prefix: String,
    password: String,
    rounds: usize,
}

fn args() -> Result<Args> {
    let mut map = HashMap::new();
    let mut it = std::env::args().skip(1);
    while let Some(key) = it.next() {
        let value = it.next().ok_or(format!("{key} needs a value"))?;
        map.insert(key.trim_start_matches("--").to_owned(), value);
    }
    let get = |k: &str| map.get(k).cloned().ok_or(format!("--{k} is required"));
    Ok(Args {
        url: get("url")?,
        residents: get("residents")?.parse()?,
        staff: get("staff")?.parse()?,
        prefix: get("staff-email-prefix")?,
        password: get("password")?,
        rounds: get("rounds")?.parse()?,
    })
}

/// Latencies in microseconds, with how many were expected.
#[derive(Default)]
struct Samples {
    micros: Vec<u64>,
}

impl Samples {
    fn line(&mut self, what: &str, expected: usize, elapsed: Duration) -> String {
        self.micros.sort_unstable();
        let pick = |q: f64| -> f64 {
            if self.micros.is_empty() {
                return f64::NAN;
            }
            let i = ((self.micros.len() - 1) as f64 * q).round() as usize;
            self.micros[i] as f64 / 1000.0
        };
        format!(
            "{what}: {} of {expected} delivered in {:.1} s; latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            self.micros.len(),
            elapsed.as_secs_f64(),
            pick(0.5),
            pick(0.9),
            pick(0.99),
            pick(1.0),
        )
    }
}

struct StaffMember {
    cookie: String,
    csrf: String,
}

async fn login(client: &reqwest::Client, args: &Args, n: usize) -> Result<StaffMember> {
    let response = client
        .post(format!("{}/staff/api/login", args.url))
        .json(&json!({"email": format!("{}-{n}@bench.example", args.prefix), "password": args.password}))
        .send()
        .await?;
    if !response.status().is_success() {
        return Err(format!("login {n}: {}", response.status()).into());
    }
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .ok_or("no cookie")?
        .to_owned();
    let me: Value = response.json().await?;
    Ok(StaffMember {
        cookie,
        csrf: me["csrf_token"].as_str().ok_or("no csrf")?.to_owned(),
    })
}

/// Reads a socket until it closes, sending the delivery latency (µs) of every message from
/// `sender` whose text is `t=<send time in µs>`.
async fn measure<S>(
    mut stream: S,
    sender: &'static str,
    tx: mpsc::UnboundedSender<u64>,
    now_us: impl Fn() -> u64,
) where
    S: futures_util::Stream<
            Item = std::result::Result<Message, tokio_tungstenite::tungstenite::Error>,
        > + Unpin,
{
    while let Some(Ok(message)) = stream.next().await {
        let Message::Text(text) = message else {
            continue;
        };
        let Ok(frame) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        if frame["type"] == "event"
            && frame["event"]["kind"] == "message"
            && frame["event"]["from"] == sender
            && let Some(sent) = frame["event"]["text"]
                .as_str()
                .and_then(|t| t.strip_prefix("t="))
                .and_then(|t| t.parse::<u64>().ok())
        {
            let _ = tx.send(now_us().saturating_sub(sent));
        }
    }
}

/// A WebSocket connection of the load generator.
type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens a WebSocket with Nagle's algorithm off, as browsers do.
async fn connect(
    request: impl IntoClientRequest + Unpin,
) -> tokio_tungstenite::tungstenite::Result<Socket> {
    let (socket, _) = tokio_tungstenite::connect_async_with_config(request, None, true).await?;
    Ok(socket)
}

fn ws_url(http: &str, path: &str) -> String {
    format!("{}{path}", http.replacen("http", "ws", 1))
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Arc::new(args()?);
    let client = reqwest::Client::new();
    let start = Instant::now();
    let now_us = move || start.elapsed().as_micros() as u64;

    // Staff sign in and open their consoles (which makes them "online").
    let mut staff = Vec::new();
    let (staff_tx, mut staff_rx) = mpsc::unbounded_channel::<u64>();
    let mut staff_sinks = Vec::new();
    for n in 1..=args.staff {
        let member = login(&client, &args, n).await?;
        let mut request = ws_url(&args.url, "/staff/api/live").into_client_request()?;
        request
            .headers_mut()
            .insert("Cookie", HeaderValue::from_str(&member.cookie)?);
        let socket = connect(request).await?;
        let (sink, stream) = socket.split();
        staff_sinks.push(Arc::new(Mutex::new(sink)));
        let tx = staff_tx.clone();
        tokio::spawn(measure(stream, "resident", tx, now_us));
        staff.push(member);
    }

    // Residents ask for a person and connect.
    println!(
        "live-load: {} residents, {} staff, {} round(s)",
        args.residents, args.staff, args.rounds
    );
    let connecting = Instant::now();
    let (resident_tx, mut resident_rx) = mpsc::unbounded_channel::<u64>();
    let mut chats = Vec::new();
    let mut resident_sinks = Vec::new();
    for _ in 0..args.residents {
        let started: Value = client
            .post(format!("{}/api/v1/chats", args.url))
            .json(&json!({"site": "riverton", "lang": "en"}))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let id = started["chat_id"].as_str().ok_or("no chat id")?.to_owned();
        let token = started["token"].as_str().ok_or("no token")?.to_owned();
        let socket = connect(ws_url(
            &args.url,
            &format!("/api/v1/chats/{id}/live?token={token}&after=0"),
        ))
        .await?;
        let (sink, stream) = socket.split();
        resident_sinks.push(Arc::new(Mutex::new(sink)));
        let tx = resident_tx.clone();
        tokio::spawn(measure(stream, "staff", tx, now_us));
        chats.push(id);
    }
    println!(
        "live-load: {} chats created and connected in {:.1} s",
        chats.len(),
        connecting.elapsed().as_secs_f64()
    );

    // Staff accept the chats in turn.
    let accepting = Instant::now();
    for (i, id) in chats.iter().enumerate() {
        let member = &staff[i % staff.len()];
        client
            .post(format!("{}/staff/api/chats/{id}/accept", args.url))
            .header("Cookie", &member.cookie)
            .header("X-CSRF-Token", &member.csrf)
            .send()
            .await?
            .error_for_status()?;
    }
    println!(
        "live-load: {} chats accepted in {:.1} s",
        chats.len(),
        accepting.elapsed().as_secs_f64()
    );
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Rounds: every staff member writes to each of their chats, every resident answers;
    // sends are spread over one second per round.
    let mut to_residents = Samples::default();
    let mut to_staff = Samples::default();
    let spacing = Duration::from_secs(1) / u32::try_from(chats.len().max(1)).unwrap_or(1);
    let exchanging = Instant::now();
    for round in 0..args.rounds {
        for (i, id) in chats.iter().enumerate() {
            let sink = Arc::clone(&staff_sinks[i % staff_sinks.len()]);
            let frame = json!({"type": "message", "chat_id": id, "id": format!("s{round}-{i}"), "text": format!("t={}", now_us())});
            sink.lock()
                .await
                .send(Message::Text(frame.to_string().into()))
                .await?;
            let frame = json!({"type": "message", "id": format!("r{round}-{i}"), "text": format!("t={}", now_us())});
            resident_sinks[i]
                .lock()
                .await
                .send(Message::Text(frame.to_string().into()))
                .await?;
            tokio::time::sleep(spacing).await;
        }
    }
    let expected = chats.len() * args.rounds;
    let deadline = Instant::now() + Duration::from_secs(30);
    while (to_residents.micros.len() < expected || to_staff.micros.len() < expected)
        && Instant::now() < deadline
    {
        tokio::select! {
            Some(us) = resident_rx.recv() => to_residents.micros.push(us),
            Some(us) = staff_rx.recv() => to_staff.micros.push(us),
            () = tokio::time::sleep(Duration::from_millis(100)) => {}
        }
    }
    let elapsed = exchanging.elapsed();
    println!(
        "{}",
        to_residents.line("staff → resident", expected, elapsed)
    );
    println!("{}", to_staff.line("resident → staff", expected, elapsed));
    if to_residents.micros.len() < expected || to_staff.micros.len() < expected {
        return Err("messages were lost".into());
    }
    Ok(())
}
