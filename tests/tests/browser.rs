//! The widget in headless Chromium on the demo page: keyboard only, questions in English and
//! Spanish, and axe-core (WCAG 2.0–2.2 A/AA) with zero violations in every state. The flow
//! itself is `tests/browser/widget_flow.mjs` (Playwright + axe-core); this test starts the
//! real server for it and fails with the script's own explanation.

mod common;

use std::process::Stdio;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_keyboard_flow_in_chromium_has_no_axe_violations() {
    let root = common::repo_root();
    let script = root.join("tests/browser/widget_flow.mjs");
    let modules = root.join("tests/browser/node_modules/playwright-core");
    assert!(
        modules.exists(),
        "the browser test's npm packages are missing: run `cargo xtask test` (it installs them) \
         or `npm ci` in tests/browser"
    );
    let widget_dir = std::env::var("WAYFINDER_WIDGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| root.join("target/widget"));
    assert!(
        widget_dir.join("wayfinder_widget_bg.wasm").exists(),
        "the widget is not built in {}: run `cargo xtask widget` (or `cargo xtask test`)",
        widget_dir.display()
    );

    let server = common::start().await;
    let output = tokio::process::Command::new("node")
        .arg(&script)
        .arg("--url")
        .arg(server.url("/"))
        .stdin(Stdio::null())
        .output()
        .await
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    server.stop().await;
    assert!(
        output.status.success(),
        "widget flow failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
    assert!(stdout.contains("widget flow: ok"), "{stdout}\n{stderr}");
}
