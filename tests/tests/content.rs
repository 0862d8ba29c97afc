//! Content reloads on a real server: editors' changes are picked up (on request and by the
//! watcher) while residents keep asking, no request fails during a swap, and content with
//! errors keeps the previous content serving and reports every problem with path and line.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use common::live::{Staff, add_staff};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use tokio::sync::Mutex;

const FESTIVAL: &str = "+++
id = \"pumpkin-festival\"
kind = \"faq\"
title = \"When is the pumpkin festival?\"
also_asked = [\"pumpkin festival date\"]
keywords = [\"pumpkin\", \"festival\"]
topic = \"parks\"
status = \"published\"
last_reviewed = 2026-10-01
owner = \"Parks and Recreation\"
url = \"https://www.riverton.example/parks/pumpkin-festival\"
+++
The pumpkin festival is on the last Saturday of October in Riverside Park.
";

/// A server on a copy of the demo content, with an admin and a staff account signed in.
async fn editable() -> (common::TestServer, tempfile::TempDir, Staff) {
    let content = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo_root().join("knowledge/demo"), content.path());
    let dir = tempfile::tempdir().expect("temp dir");
    // Residents' load comes from one address here: lift the per-address limit.
    let text = common::demo_config(dir.path(), content.path())
        + "\n[server.rate_limit]\nburst = 1000000\nper_minute = 60000000\n";
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    add_staff(&server, "riverton", "admin@riverton.example", "Robin").await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", server.database().display()))
        .await
        .expect("database");
    sqlx::query("UPDATE staff SET role = 'admin' WHERE email = 'admin@riverton.example'")
        .execute(&pool)
        .await
        .expect("admin role");
    let admin = Staff::login(&server, "admin@riverton.example").await;
    (server, content, admin)
}

async fn answer_id(client: &Client, server: &common::TestServer, text: &str) -> Option<String> {
    let reply: Value = client
        .post(server.url("/api/v1/ask"))
        .json(&json!({"site": "riverton", "text": text, "page_lang": "en"}))
        .send()
        .await
        .expect("request is sent")
        .json()
        .await
        .expect("a reply");
    reply["answer"]["id"].as_str().map(str::to_owned)
}

async fn content_status(server: &common::TestServer, admin: &Staff) -> Value {
    admin
        .get(server, "/admin/api/content")
        .await
        .json()
        .await
        .expect("status")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reloads_under_load_fail_no_request_and_bad_content_keeps_the_old() {
    let (server, content, admin) = editable().await;
    let entries_before = content_status(&server, &admin).await["content"]["entries"]
        .as_u64()
        .expect("entries");

    // Residents keep asking throughout.
    let stop = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for n in 0..4 {
        let (stop, sent, failed) = (stop.clone(), sent.clone(), failed.clone());
        let url = server.url("/api/v1/ask");
        tasks.push(tokio::spawn(async move {
            let client = Client::new();
            let questions = [
                "when is trash picked up",
                "library hours",
                "pay water bill",
                "¿cómo pago el agua?",
            ];
            while !stop.load(Ordering::Relaxed) {
                let response = client
                    .post(&url)
                    .json(&json!({"site": "riverton", "text": questions[n % questions.len()]}))
                    .send()
                    .await;
                sent.fetch_add(1, Ordering::Relaxed);
                match response {
                    Ok(r) if r.status() == StatusCode::OK => {}
                    Ok(r) => failed.lock().await.push(format!("{}", r.status())),
                    Err(e) => failed.lock().await.push(e.to_string()),
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }));
    }

    // An editor adds an entry and asks for a reload.
    let client = Client::new();
    assert_ne!(
        answer_id(&client, &server, "when is the pumpkin festival")
            .await
            .as_deref(),
        Some("pumpkin-festival")
    );
    std::fs::write(
        content.path().join("en/parks/pumpkin-festival.md"),
        FESTIVAL,
    )
    .expect("write");
    let es = FESTIVAL
        .replace(
            "When is the pumpkin festival?",
            "¿Cuándo es el festival de la calabaza?",
        )
        .replace("pumpkin festival date", "fecha del festival de la calabaza");
    std::fs::write(content.path().join("es/parks/pumpkin-festival.md"), es).expect("write");
    for _ in 0..3 {
        let reloaded = admin.post(&server, "/admin/reload", json!({})).await;
        assert_eq!(reloaded.status(), StatusCode::OK);
    }
    assert_eq!(
        content_status(&server, &admin).await["content"]["entries"].as_u64(),
        Some(entries_before + 2)
    );
    assert_eq!(
        answer_id(&client, &server, "when is the pumpkin festival")
            .await
            .as_deref(),
        Some("pumpkin-festival")
    );

    // A broken save: the reload is refused with path and line, the old content serves.
    let broken = FESTIVAL.replace("status = \"published\"", "status = \"publish\"");
    std::fs::write(content.path().join("en/parks/pumpkin-festival.md"), broken).expect("write");
    let refused = admin.post(&server, "/admin/reload", json!({})).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.expect("body");
    assert_eq!(body["code"], "content_invalid");
    let first = body["content"]["errors"][0].as_str().expect("an error");
    assert!(first.contains("en/parks/pumpkin-festival.md:8:"), "{first}");
    assert_eq!(
        answer_id(&client, &server, "when is the pumpkin festival")
            .await
            .as_deref(),
        Some("pumpkin-festival"),
        "the previous content keeps serving"
    );

    // The editor fixes it; the watcher notices without being asked.
    std::fs::write(
        content.path().join("en/parks/pumpkin-festival.md"),
        FESTIVAL,
    )
    .expect("write");
    let mut healed = false;
    for _ in 0..40 {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let status = content_status(&server, &admin).await;
        if status["content"]["errors"] == json!([]) {
            healed = true;
            break;
        }
    }
    assert!(healed, "the watcher did not reload the fixed content");

    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        task.await.expect("client task");
    }
    let failed = failed.lock().await;
    assert!(
        failed.is_empty(),
        "failed requests during reloads: {failed:?}"
    );
    assert!(sent.load(Ordering::Relaxed) > 100, "the load ran");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_may_reload() {
    let (server, _content, _admin) = editable().await;
    add_staff(&server, "riverton", "alex@riverton.example", "Alex").await;
    let staff = Staff::login(&server, "alex@riverton.example").await;
    let refused = staff.post(&server, "/admin/reload", json!({})).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        staff.get(&server, "/admin/api/content").await.status(),
        StatusCode::FORBIDDEN
    );
    let anonymous = Client::new()
        .post(server.url("/admin/reload"))
        .send()
        .await
        .expect("sent");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    server.stop().await;
}
