//! The content admin pages in headless Chromium: `tests/browser/admin_gaps.mjs` signs in as an
//! admin, checks the knowledge gaps and trends pages (and the others) with axe-core (WCAG 2.0–2.2
//! A/AA and best practices, zero violations, in light, dark and forced colors, at 320 px), and
//! drafts an entry from a gap with the keyboard. This test starts a real server on a copy of the
//! demo content, asks the questions that make the gaps, runs the script and checks the draft
//! it reports was written.

mod common;

use std::process::Stdio;

use serde_json::json;

const ADMIN_EMAIL: &str = "admin@riverton.example";

/// Checks the browser test can run: its npm packages are installed.
fn check_prerequisites() {
    let modules = common::repo_root().join("tests/browser/node_modules/playwright-core");
    assert!(
        modules.exists(),
        "the browser test's npm packages are missing: run `cargo xtask test` (it installs them) \
         or `npm ci` in tests/browser"
    );
}

/// Runs `node tests/browser/<script> <args>` and fails with its output unless it succeeds and
/// prints `done`; returns what it printed.
async fn run_script(script: &str, args: &[String], done: &str) -> String {
    let root = common::repo_root();
    let output = tokio::process::Command::new("node")
        .arg(root.join("tests/browser").join(script))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .await
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{script} failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
    assert!(stdout.contains(done), "{stdout}\n{stderr}");
    stdout
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_gaps_and_trends_in_chromium_have_no_axe_violations() {
    check_prerequisites();
    let content = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo_root().join("knowledge/demo"), content.path());
    let dir = tempfile::tempdir().expect("temp dir");
    let text = common::demo_config(dir.path(), content.path());
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    common::live::add_staff(&server, "riverton", ADMIN_EMAIL, "Robin").await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", server.database().display()))
        .await
        .expect("database");
    sqlx::query("UPDATE staff SET role = 'admin' WHERE email = ?")
        .bind(ADMIN_EMAIL)
        .execute(&pool)
        .await
        .expect("admin role");

    // Residents' questions: gaps in English and Spanish, answers, feedback.
    let client = reqwest::Client::new();
    for (text, lang) in [
        ("How do I adopt a unicorn?", "en"),
        ("where can I adopt a baby unicorn", "en"),
        ("dragon parking permit", "en"),
        ("when is trash picked up", "en"),
        ("¿dónde adopto un unicornio?", "es"),
        ("¿cómo pago mi factura de agua?", "es"),
    ] {
        let reply: serde_json::Value = client
            .post(server.url("/api/v1/ask"))
            .json(&json!({"site": "riverton", "text": text, "page_lang": lang}))
            .send()
            .await
            .expect("request is sent")
            .json()
            .await
            .expect("a reply");
        if reply["outcome"] == "answer" {
            let sent = client
                .post(server.url("/api/v1/feedback"))
                .json(&json!({
                    "site": "riverton",
                    "conversation_id": reply["conversation_id"],
                    "message_id": reply["message_id"],
                    "helpful": lang == "es",
                    "comment": "<b>not</b> what I asked",
                }))
                .send()
                .await
                .expect("feedback is sent");
            assert!(sent.status().is_success());
        }
    }

    let stdout = run_script(
        "admin_gaps.mjs",
        &[
            "--url".into(),
            server.url(""),
            "--email".into(),
            ADMIN_EMAIL.into(),
            "--password".into(),
            common::live::PASSWORD.into(),
        ],
        "admin pages: ok",
    )
    .await;
    let drafted = stdout
        .lines()
        .find_map(|line| line.strip_prefix("drafted: "))
        .expect("the script names the draft it wrote");
    let file = content.path().join(drafted);
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("the draft {} was not written: {e}", file.display()));
    assert!(text.contains("status = \"draft\""), "{text}");
    server.stop().await;
}
