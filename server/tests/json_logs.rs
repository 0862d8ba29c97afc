//! `wayfinder serve` with `log_format = "json"`: every line on standard error is a JSON
//! object, and none of them carries what residents wrote — their questions, names, e-mail
//! addresses, phone numbers or street addresses — whatever they sent (questions, feedback,
//! a message left for staff, a service request, a malformed body).
//!
//! The real binary runs on 127.0.0.1 with the demo content and a fresh SQLite database.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

/// Words and contacts a resident types: none may reach the log.
const SECRETS: &[&str] = &[
    "Zebulon",
    "Quixotefield",
    "zebulon.quixote",
    "example.org",
    "867 5309",
    "867-5309",
    "Xylophonic",
    "xylophonic",
    "Marmalade",
    "marmalade",
    "Periwinkle",
    "periwinkle",
];

/// The questions asked, each with some of the secrets.
const QUESTIONS: &[&str] = &[
    "My neighbour Zebulon Quixotefield (zebulon.quixote@example.org, +1 555 867 5309) asks when xylophonic trash is picked up",
    "¿Dónde pago el agua de Marmalade? Llame al 555-867-5309",
    "where is my request 4217 for the periwinkle pothole at 4217 Periwinkle Street?",
];

fn config(dir: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    format!(
        r#"[server]
listen = "127.0.0.1:0"
database_url = "sqlite://{db}"
widget_dir = "{root}/target/widget"
locales_dir = "{root}/locales"
log_format = "json"

[[sites]]
id = "riverton"
name = "City of Riverton"
content = "{root}/knowledge/demo"
allowed_origins = ["https://www.riverton.example"]
timezone = "America/Chicago"
contact_url = "https://www.riverton.example/contact"
phone = "(555) 010-0100"

[sites.open311]

[sites.live]
[sites.live.hours]
mon = ["00:00-24:00"]
tue = ["00:00-24:00"]
wed = ["00:00-24:00"]
thu = ["00:00-24:00"]
fri = ["00:00-24:00"]
sat = ["00:00-24:00"]
sun = ["00:00-24:00"]
"#,
        db = dir.join("wayfinder.db").display(),
        root = root.display(),
    )
}

#[test]
fn json_logs_never_carry_resident_text() {
    let dir = tempfile::tempdir().unwrap();
    let config_path = dir.path().join("wayfinder.toml");
    std::fs::write(&config_path, config(dir.path())).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_wayfinder"))
        .args(["serve", "--config"])
        .arg(&config_path)
        .env_remove("WAYFINDER_LOG")
        .env_remove("WAYFINDER_LOG_FORMAT")
        .env_remove("WAYFINDER_LISTEN")
        .env_remove("WAYFINDER_DATABASE_URL")
        .env_remove("DATABASE_URL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let stderr_thread = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).unwrap();
        text
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let base = first
        .trim()
        .strip_prefix("Wayfinder is listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {first:?}"))
        .trim_end_matches('/')
        .to_owned();

    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(talk(&base));

    // SIGTERM: the server shuts down gracefully and logs that it stopped.
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut waited = 0;
    while child.try_wait().unwrap().is_none() {
        assert!(waited < 300, "the server did not stop within 30 s");
        std::thread::sleep(Duration::from_millis(100));
        waited += 1;
    }
    let log = stderr_thread.join().unwrap();

    let mut events = Vec::new();
    for line in log.lines().filter(|l| !l.trim().is_empty()) {
        let event: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}\n--- log:\n{log}"));
        assert!(event.is_object(), "not a JSON object: {line}");
        assert!(event.get("level").is_some(), "no level: {line}");
        for secret in SECRETS {
            assert!(
                !line.contains(secret),
                "the log carries resident text {secret:?}: {line}"
            );
        }
        events.push(event);
    }
    let messages: Vec<&str> = events
        .iter()
        .filter_map(|e| e["message"].as_str())
        .collect();
    for expected in ["listening", "ask", "stopped"] {
        assert!(
            messages.contains(&expected),
            "no {expected:?} event in the log:\n{log}"
        );
    }
    let ask = events
        .iter()
        .find(|e| e["message"] == "ask")
        .expect("an ask event");
    assert_eq!(ask["site"], "riverton", "{ask}");
    assert!(
        ask["lang"].is_string() && ask["outcome"].is_string(),
        "{ask}"
    );
}

/// What residents send: questions, feedback, a malformed body, a message for staff and a
/// service request, each with their own words and contacts.
async fn talk(base: &str) {
    let http = reqwest::Client::new();
    let mut conversation = None;
    let mut message = None;
    for question in QUESTIONS {
        let response = http
            .post(format!("{base}/api/v1/ask"))
            .json(&json!({"site": "riverton", "text": question, "page_lang": "en"}))
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), 200, "{question}");
        let reply: Value = response.json().await.expect("a JSON reply");
        conversation = reply["conversation_id"].as_str().map(str::to_owned);
        message = reply["message_id"].as_str().map(str::to_owned);
    }

    let feedback = http
        .post(format!("{base}/api/v1/feedback"))
        .json(&json!({
            "site": "riverton",
            "conversation_id": conversation,
            "message_id": message,
            "helpful": false,
            "comment": "Zebulon Quixotefield says the xylophonic answer is wrong, call +1 555 867 5309",
        }))
        .send()
        .await
        .expect("the server answers");
    assert!(feedback.status().is_success(), "{}", feedback.status());

    let malformed = http
        .post(format!("{base}/api/v1/ask"))
        .header("content-type", "application/json")
        .body(r#"{"site": "riverton", "text": "Zebulon Quixotefield marmalade", "unknown": 4217"#)
        .send()
        .await
        .expect("the server answers");
    assert!(malformed.status().is_client_error());

    let ticket = http
        .post(format!("{base}/api/v1/tickets"))
        .json(&json!({
            "site": "riverton",
            "lang": "en",
            "name": "Zebulon Quixotefield",
            "contact": "zebulon.quixote@example.org",
            "message": "Please call me about the periwinkle pothole at 4217 Periwinkle Street, +1 555 867 5309",
        }))
        .send()
        .await
        .expect("the server answers");
    assert!(ticket.status().is_success(), "{}", ticket.status());

    let services: Value = http
        .get(format!("{base}/open311/v2/services.json"))
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("a JSON service list");
    let code = services[0]["service_code"]
        .as_str()
        .expect("the demo has services")
        .to_owned();
    let request = http
        .post(format!("{base}/api/v1/requests"))
        .json(&json!({
            "site": "riverton",
            "lang": "en",
            "service_code": code,
            "address": "4217 Periwinkle Street",
            "description": "Xylophonic noise from the marmalade factory, ask Zebulon",
            "contact": {
                "first_name": "Zebulon",
                "last_name": "Quixotefield",
                "email": "zebulon.quixote@example.org",
                "phone": "+1 555 867 5309",
            },
        }))
        .send()
        .await
        .expect("the server answers");
    // Whatever the service asks for, the answer is a reply, not a crash.
    assert!(
        request.status().is_success() || request.status().is_client_error(),
        "{}",
        request.status()
    );
}
