//! The staff console's "Service requests" section in headless Chromium:
//! `tests/browser/staff_requests.mjs` signs in, lists the requests the demo city keeps itself
//! (local-queue mode), opens one, saves a status with notes and an assignee, is refused for HTML
//! in the notes and for a change someone else made first, all with the keyboard only, and
//! axe-core (WCAG 2.0–2.2 A/AA and best practices) finds zero violations in every state, at
//! 320 px, in dark mode and in forced colours.

mod common;

use std::process::Stdio;

const STAFF_EMAIL: &str = "alex@riverton.example";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_requests_in_the_console_by_keyboard_have_no_axe_violations() {
    let root = common::repo_root();
    assert!(
        root.join("tests/browser/node_modules/playwright-core")
            .exists(),
        "the browser test's npm packages are missing: run `cargo xtask test` (it installs them) \
         or `npm ci` in tests/browser"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let text =
        common::demo_config(dir.path(), &root.join("knowledge/demo")) + "\n[sites.open311]\n";
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    common::live::add_staff(&server, "riverton", STAFF_EMAIL, "Alex").await;
    let output = tokio::process::Command::new("node")
        .arg(root.join("tests/browser/staff_requests.mjs"))
        .args([
            "--url",
            &server.url(""),
            "--email",
            STAFF_EMAIL,
            "--password",
            common::live::PASSWORD,
        ])
        .stdin(Stdio::null())
        .output()
        .await
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.contains("staff requests: ok"),
        "staff_requests.mjs failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
    server.stop().await;
}
