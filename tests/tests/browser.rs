//! The widget and the staff console in headless Chromium, keyboard only, with axe-core
//! (WCAG 2.0–2.2 A/AA and best practices) finding zero violations in every state. The flows
//! are scripts in `tests/browser/` (Playwright + axe-core):
//!
//! - `widget_flow.mjs`: questions in English and Spanish, Enter and Escape taken by an input
//!   method, the language menu, preferences;
//! - `widget_states.mjs`: choices, error, offline, handoff, dark, forced colours, 200 % and
//!   400 % zoom, 320 px, right to left;
//! - `widget_loading.mjs`: the launcher while the assistant loads (the wasm held back): keys
//!   typed are kept for the question box, Enter sends them, Escape gives up; a failed load or
//!   a page whose policy refuses WebAssembly leads to the text-only page; a kiosk tries again;
//! - `live_chat.mjs`: the widget's live chat with staff, and leaving a message when staff
//!   are away;
//! - `both_sides.mjs`: a resident in the widget and a staff member in the console talking;
//! - `staff_console.mjs`: the console;
//! - `report_form.mjs`: accepting the privacy notice, then reporting a pothole through the
//!   guided form, in Spanish;
//! - `kiosk.mjs`: kiosk mode — full screen, the inactivity warning, "Keep going", and the
//!   reset that clears the transcript, language, preferences and storage;
//! - `theme.mjs`: a city colour that fails contrast (`data-color="#7fdbff"`) corrected in the
//!   dialog and the launcher, in light and dark schemes, ignored under forced colours;
//! - `storage_retry.mjs`: a question sent while the server's database is locked is refused
//!   with 503 `storage_unavailable`; the widget says it is trying again (visibly and in its
//!   live region, with no axe violation) and, once the database is free, gets the answer
//!   without the resident doing anything;
//! - `locales.mjs`: each of the twelve UI languages on a page of that language served with
//!   exactly `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`: a
//!   question in the language, its own strings and direction, no message id or unformatted
//!   variable shown, dates in the language, no axe violation and no CSP violation.
//!
//! These tests start real servers for them and fail with the script's own explanation.

mod common;

use std::process::Stdio;

use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, BufReader, Lines};
use tokio::process::ChildStdout;

/// Checks the browser tests can run: npm packages installed, widget built.
fn check_prerequisites() {
    let root = common::repo_root();
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
}

/// One Chromium at a time: on a small machine parallel browsers time each other out.
static ONE_BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A browser script running (`node tests/browser/<script> <args>`), holding the one browser
/// turn ([`ONE_BROWSER`]) until it is finished.
struct Script {
    name: String,
    node: tokio::process::Child,
    lines: Lines<BufReader<ChildStdout>>,
    /// What the script printed so far.
    stdout: String,
    /// Everything the script prints on stderr, read beside stdout so neither pipe fills up.
    stderr: tokio::task::JoinHandle<String>,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

impl Script {
    /// Starts `node tests/browser/<script> <args>` once no other browser runs.
    async fn start(script: &str, args: &[String]) -> Self {
        let turn = ONE_BROWSER.lock().await;
        let mut node = tokio::process::Command::new("node")
            .arg(common::repo_root().join("tests/browser").join(script))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("node runs");
        let mut stderr = node.stderr.take().expect("stderr is piped");
        let stderr = tokio::spawn(async move {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text).await;
            text
        });
        let lines = BufReader::new(node.stdout.take().expect("stdout is piped")).lines();
        Self {
            name: script.to_owned(),
            node,
            lines,
            stdout: String::new(),
            stderr,
            _turn: turn,
        }
    }

    /// The script's next line of output; `None` once it has closed its output.
    async fn next_line(&mut self) -> Option<String> {
        let line = self.lines.next_line().await.expect("script output reads")?;
        self.stdout.push_str(&line);
        self.stdout.push('\n');
        Some(line)
    }

    /// Waits for the script to end and fails with its output unless it succeeded and printed
    /// `done`. Returns what it printed.
    async fn finish(mut self, done: &str) -> String {
        while self.next_line().await.is_some() {}
        let status = self.node.wait().await.expect("node finishes");
        let stderr = self.stderr.await.unwrap_or_default();
        let (name, stdout) = (&self.name, &self.stdout);
        assert!(
            status.success(),
            "{name} failed ({status}):\n{stdout}\n{stderr}"
        );
        assert!(stdout.contains(done), "{stdout}\n{stderr}");
        self.stdout
    }
}

/// Runs `node tests/browser/<script> <args>` and fails with its output unless it succeeds and
/// prints `done`.
async fn run_script(script: &str, args: &[String], done: &str) {
    Script::start(script, args).await.finish(done).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_keyboard_flow_in_chromium_has_no_axe_violations() {
    check_prerequisites();
    let server = common::start().await;
    run_script(
        "widget_flow.mjs",
        &["--url".into(), server.url("/")],
        "widget flow: ok",
    )
    .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_widget_state_has_no_axe_violations() {
    check_prerequisites();
    let server = common::start().await;
    run_script(
        "widget_states.mjs",
        &["--url".into(), server.url("/")],
        "widget states: ok",
    )
    .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_launcher_keeps_what_is_typed_while_loading_and_falls_back_to_the_text_page() {
    check_prerequisites();
    let server = common::start().await;
    run_script(
        "widget_loading.mjs",
        &["--url".into(), server.url("/")],
        "widget loading: ok",
    )
    .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reporting_a_pothole_in_spanish_by_keyboard_has_no_axe_violations() {
    check_prerequisites();
    // The demo city keeping service requests itself ("local queue" mode), and asking
    // residents to accept its privacy notice first.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = common::demo_config(dir.path(), &common::repo_root().join("knowledge/demo"));
    text.push_str("\n[sites.open311]\n");
    text.push_str("\n[sites.privacy]\nnotice_version = \"2026-11-01\"\nrequire_consent = true\nurl = \"https://www.riverton.example/privacy\"\n");
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    run_script(
        "report_form.mjs",
        &["--url".into(), server.url("/")],
        "report form: ok",
    )
    .await;
    server.stop().await;
}

const STAFF_EMAIL: &str = "alex@riverton.example";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_chat_from_the_widget_to_staff_and_back_in_chromium() {
    check_prerequisites();
    let server = common::start().await;
    common::live::add_staff(&server, "riverton", STAFF_EMAIL, "Alex").await;
    // A second city desk that is closed now, for the leave-a-message path.
    let dir = tempfile::tempdir().expect("temp dir");
    let text = common::closed_config(dir.path(), &common::repo_root().join("knowledge/demo"));
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let closed = common::start_with(dir, config).await;
    run_script(
        "live_chat.mjs",
        &[
            "--url".into(),
            server.url("/"),
            "--email".into(),
            STAFF_EMAIL.into(),
            "--password".into(),
            common::live::PASSWORD.into(),
            "--closed-url".into(),
            closed.url("/"),
        ],
        "live chat: ok",
    )
    .await;
    closed.stop().await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_console_by_keyboard_in_chromium_has_no_axe_violations() {
    check_prerequisites();
    let server = common::start().await;
    common::live::add_staff(&server, "riverton", STAFF_EMAIL, "Alex").await;
    run_script(
        "staff_console.mjs",
        &[
            "--url".into(),
            server.url(""),
            "--email".into(),
            STAFF_EMAIL.into(),
            "--password".into(),
            common::live::PASSWORD.into(),
        ],
        "staff console: ok",
    )
    .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_in_the_widget_and_staff_in_the_console_talk_in_chromium() {
    check_prerequisites();
    let server = common::start().await;
    common::live::add_staff(&server, "riverton", STAFF_EMAIL, "Alex").await;
    run_script(
        "both_sides.mjs",
        &[
            "--url".into(),
            server.url(""),
            "--email".into(),
            STAFF_EMAIL.into(),
            "--password".into(),
            common::live::PASSWORD.into(),
        ],
        "both sides: ok",
    )
    .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kiosk_mode_warns_keeps_going_and_clears_everything_in_chromium() {
    check_prerequisites();
    let server = common::start().await;
    run_script(
        "kiosk.mjs",
        &["--url".into(), server.url("/kiosk?site=riverton&idle=5")],
        "kiosk: ok",
    )
    .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_city_colour_that_fails_contrast_is_corrected_in_chromium() {
    check_prerequisites();
    let server = common::start().await;
    run_script("theme.mjs", &["--url".into(), server.url("/")], "theme: ok").await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_ui_language_under_a_strict_content_security_policy_in_chromium() {
    check_prerequisites();
    let server = common::start().await;
    run_script(
        "locales.mjs",
        &["--url".into(), server.url("/")],
        "locales: ok",
    )
    .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_refused_while_the_database_is_locked_is_sent_again_by_the_widget() {
    use sqlx::{Connection as _, Executor as _};

    check_prerequisites();
    let server = common::start().await;
    // Another connection holds the write lock: the server's writes wait out their busy
    // timeout and the question is refused with 503 `storage_unavailable`.
    let url = format!("sqlite://{}", server.database().display());
    let mut lock = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("the test opens the database");
    lock.execute("BEGIN IMMEDIATE")
        .await
        .expect("the test takes the write lock");

    let mut script = Script::start("storage_retry.mjs", &["--url".into(), server.url("/")]).await;
    let mut freed = false;
    while let Some(line) = script.next_line().await {
        if line == "retrying shown" && !freed {
            lock.execute("ROLLBACK")
                .await
                .expect("the test frees the database");
            freed = true;
        }
    }
    let stdout = script.finish("storage retry: ok").await;
    assert!(
        freed,
        "the script never said the widget was waiting:\n{stdout}"
    );
    // The question is stored once: the refused attempt left nothing behind.
    let stored: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM messages WHERE role = 'resident' AND text = 'When is the library open?'",
    )
    .fetch_one(&mut lock)
    .await
    .expect("the test reads the database");
    assert_eq!(stored, 1);
    lock.close().await.expect("the test closes its connection");
    server.stop().await;
}
