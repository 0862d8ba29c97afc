//! Fault tests: real processes killed with SIGKILL, a filesystem that really fills up and a
//! PostgreSQL cluster restarted under load. What each shows is written up in
//! `docs/robustness.md` ("Fault tests"):
//!
//! - `a_server_killed_while_indexing_restarts_on_the_last_good_content`: `wayfinder serve`
//!   killed while it re-indexes changed content, then again while it indexes at start-up;
//!   the next start answers from the files as last saved, whole; content files and the SQLite
//!   database are intact, earlier conversations kept.
//! - `an_import_killed_midway_leaves_every_entry_whole`: `wayfinder import --force` killed
//!   while it writes: every entry file is the old one or the new one, whole, and a server
//!   starts on the folder.
//! - `a_full_disk_refuses_writes_clearly_and_loses_nothing`: the SQLite database on a tmpfs
//!   that fills up: residents and staff get 507 `storage_full`, the server stays up, works
//!   again once space is freed, and the database passes `PRAGMA integrity_check` with every
//!   acknowledged message in it.
//! - `replicas_ride_out_a_postgresql_restart_under_load`: two replicas, a resident and a
//!   staff member chatting across them while PostgreSQL restarts, then crashes and stays down
//!   for a while: requests meanwhile get 503 `storage_unavailable` (never a hang), the
//!   listening connections come back, and every acknowledged message is stored once and
//!   delivered.
//!
//! The roles below (`serve_process`, `import_process`, `replica_process`,
//! `disk_full_in_own_mount_namespace`) are not tests: the tests start this binary again in
//! them (see `common/process.rs`, `common/replica.rs`, `common/small_disk.rs`).

mod common;
#[path = "common/pg_control.rs"]
mod pg_control;
#[path = "common/postgres.rs"]
mod postgres;
#[path = "common/process.rs"]
mod process;
#[path = "common/replica.rs"]
mod replica;
#[path = "common/small_disk.rs"]
mod small_disk;

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use process::{RoleProcess, ServerProcess};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use sqlx::Connection as _;

/// Not a test: the role of a `wayfinder serve` process started by the tests.
#[test]
#[ignore = "runs only as a server process started by the other tests"]
fn serve_process() {
    process::serve_if_asked();
}

/// Not a test: the role of a `wayfinder import` process started by the tests.
#[test]
#[ignore = "runs only as an import process started by the other tests"]
fn import_process() {
    process::import_if_asked();
}

/// Not a test: the role of a replica process started by the tests.
#[test]
#[ignore = "runs only as a replica process started by the other tests"]
fn replica_process() {
    if std::env::var_os(replica::CONFIG_VAR).is_some() {
        // Its log (`<config>.<name>.log`) says what it did about the database.
        server::telemetry::init_logging(server::telemetry::LogFormat::Text);
    }
    replica::serve_if_asked();
}

const ORIGIN: &str = "https://www.riverton.example";

/// Rate limits out of the way: the tests send many requests from one address.
const NO_RATE_LIMIT: &str = "\n[server.rate_limit]\nburst = 100000\nper_minute = 6000000\n";

/// `POST /api/v1/ask` on `addr`: the status and the JSON body.
async fn ask(addr: SocketAddr, text: &str, conversation: Option<&str>) -> (StatusCode, Value) {
    let mut body = json!({"site": "riverton", "text": text, "page_lang": "en"});
    if let Some(id) = conversation {
        body["conversation_id"] = json!(id);
    }
    let response = Client::new()
        .post(format!("http://{addr}/api/v1/ask"))
        .header("Origin", ORIGIN)
        .json(&body)
        .send()
        .await
        .expect("ask is sent");
    let status = response.status();
    (status, response.json().await.unwrap_or_default())
}

/// Every file under `root` with its bytes.
fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.insert(path.clone(), std::fs::read(&path).expect("file"));
            }
        }
    }
    found
}

/// `PRAGMA integrity_check` of the SQLite database at `path`, opened as a restarting
/// server opens it (its WAL is applied).
async fn sqlite_integrity(path: &Path) -> Vec<String> {
    let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("the database opens");
    sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut db)
        .await
        .expect("integrity check runs")
}

// ---------------------------------------------------------------------------------------
// kill -9 while indexing

/// Filler entries per language: enough that indexing takes seconds in a debug build.
const FILLER: usize = 250;

const PARADE_EN: &str = "When is the firefly parade?";
const PARADE_ES: &str = "¿Cuándo es el desfile de luciérnagas?";
const LIBRARY_BOAT: &str = "Where does the library boat stop?";

/// The parade's answer in each version of the content: each a whole sentence, so an answer
/// cut short or mixed shows.
fn parade_answer(version: u32) -> &'static str {
    match version {
        1 => "The firefly parade starts at the old mill on the first Saturday of June, at dusk.",
        _ => {
            "The firefly parade moved to the harbor promenade: the second Saturday of July, at nine."
        }
    }
}

fn entry_text(id: &str, title: &str, also_asked: &[&str], body: &str) -> String {
    let also: Vec<String> = also_asked.iter().map(|a| format!("{a:?}")).collect();
    format!(
        "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = {title:?}\nalso_asked = [{}]\ntopic = \"general\"\n\
         status = \"published\"\nlast_reviewed = 2026-09-08\nowner = \"Public Works\"\n\
         url = \"https://www.riverton.example/{id}\"\n+++\n{body}\n",
        also.join(", ")
    )
}

/// Writes version `version` of a large content folder for Riverton: filler entries in
/// English and Spanish, the parade entry (its answer changes with the version) and, from
/// version 2, the library boat. Each file is saved as careful editors' tools save (a new file
/// renamed over the old one).
fn write_content(root: &Path, version: u32) {
    let words = [
        "river", "bridge", "garden", "permit", "meter", "harbor", "ticket", "ferry", "market",
        "tunnel", "orchard", "plaza", "signal", "canal", "bakery", "museum", "stadium", "tram",
    ];
    let save = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        knowledge::writer::write_atomically(&path, text).expect("file saved");
    };
    save(
        "knowledge.toml",
        "site = \"riverton\"\nname = \"City of Riverton\"\nlanguages = [\"en\", \"es\"]\n\
         default_language = \"en\"\n\n[topics.general]\nen = \"General\"\nes = \"General\"\n",
    );
    if version == 1 {
        for lang in ["en", "es"] {
            for i in 0..FILLER {
                let w = |k: usize| words[(i * 7 + k * 5) % words.len()];
                let body: Vec<&str> = (0..80).map(|k| words[(i + k * k) % words.len()]).collect();
                save(
                    &format!("{lang}/general/filler-{i}.md"),
                    &entry_text(
                        &format!("filler-{i}"),
                        &format!("Question {i} about the {} {}", w(1), w(2)),
                        &[&format!("{} {} {i}", w(3), w(4))],
                        &format!("Answer {i}: {}.", body.join(" ")),
                    ),
                );
            }
        }
    }
    save(
        "en/general/firefly-parade.md",
        &entry_text(
            "firefly-parade",
            PARADE_EN,
            &["firefly parade date"],
            parade_answer(version),
        ),
    );
    save(
        "es/general/firefly-parade.md",
        &entry_text(
            "firefly-parade",
            PARADE_ES,
            &["fecha del desfile de luciérnagas"],
            parade_answer(version),
        ),
    );
    if version >= 2 {
        save(
            "en/general/library-boat.md",
            &entry_text(
                "library-boat",
                LIBRARY_BOAT,
                &["library boat stops"],
                "The library boat stops at Pier 4 every Tuesday morning.",
            ),
        );
    }
}

/// The answer's text (its HTML) to `text` on `addr`; panics unless it is an answer.
async fn answer_html(addr: SocketAddr, text: &str) -> String {
    let (status, body) = ask(addr, text, None).await;
    assert_eq!(status, StatusCode::OK, "{text}: {body}");
    assert_eq!(body["outcome"], "answer", "{text}: {body}");
    body["answer"]["html"]
        .as_str()
        .expect("an answer's html")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_while_indexing_restarts_on_the_last_good_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    write_content(&content, 1);
    let config = dir.path().join("wayfinder.toml");
    std::fs::write(
        &config,
        common::demo_config(dir.path(), &content) + NO_RATE_LIMIT,
    )
    .expect("config written");
    let database = dir.path().join("wayfinder.db");

    let first = ServerProcess::spawn("first", &config);
    let addr = first.listening();
    let html = answer_html(addr, PARADE_EN).await;
    assert!(html.contains(parade_answer(1)), "{html}");
    let (status, body) = ask(addr, "How do I get a parking permit?", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let conversation = body["conversation_id"]
        .as_str()
        .expect("a conversation")
        .to_owned();

    // Editors save version 2; the server notices and indexes it again. It is killed while
    // indexing: before the new index replaced the old one.
    write_content(&content, 2);
    let saved = files(&content);
    let mut first = first;
    assert!(
        first
            .process
            .wait_for_log("indexing the content again", Duration::from_secs(30)),
        "no re-indexing began; the log:\n{}",
        first.process.log_text()
    );
    // Meanwhile residents get whole answers from the index serving.
    let html = answer_html(addr, PARADE_EN).await;
    assert!(
        html.contains(parade_answer(1)) || html.contains(parade_answer(2)),
        "{html}"
    );
    first.process.kill();
    assert!(
        !first.process.log_text().contains("content reloaded"),
        "the server finished re-indexing before it was killed: the content is too small for \
         this machine"
    );

    // Killed again while indexing at start-up.
    let mut second = ServerProcess::spawn("second", &config);
    assert!(
        second
            .process
            .wait_for_log("indexing the content", Duration::from_secs(60)),
        "the second start did not begin indexing; its log:\n{}",
        second.process.log_text()
    );
    second.process.kill();
    let log = second.process.log_text();
    assert!(
        !log.contains("content indexed"),
        "the second start finished indexing before it was killed:\n{log}"
    );

    // The third start serves what the files say, whole.
    let third = ServerProcess::spawn("third", &config);
    let addr = third.listening();
    let html = answer_html(addr, PARADE_EN).await;
    assert!(html.contains(parade_answer(2)), "{html}");
    assert!(!html.contains(parade_answer(1)), "{html}");
    let html = answer_html(addr, PARADE_ES).await;
    assert!(html.contains(parade_answer(2)), "{html}");
    let html = answer_html(addr, LIBRARY_BOAT).await;
    assert!(html.contains("Pier 4 every Tuesday"), "{html}");
    // The conversation stored before the kills goes on.
    let (status, body) = ask(addr, "And a residential permit?", Some(&conversation)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["conversation_id"], conversation.as_str());
    drop(third);

    assert_eq!(files(&content), saved, "content files changed");
    assert_eq!(sqlite_integrity(&database).await, ["ok"]);
    let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", database.display()))
        .await
        .expect("database");
    let asked: Vec<String> =
        sqlx::query_scalar("SELECT text FROM messages WHERE role = 'resident' ORDER BY rowid")
            .fetch_all(&mut db)
            .await
            .expect("questions");
    for question in [PARADE_EN, "How do I get a parking permit?", LIBRARY_BOAT] {
        assert!(
            asked.iter().any(|q| q == question),
            "{question} in {asked:?}"
        );
    }
}

/// Records imported in the import test.
const RECORDS: usize = 150;

/// Record `i`'s answer in `version`: long enough that writing a file takes a while.
fn record_answer(i: usize, version: u32) -> String {
    let words = [
        "lantern", "orchard", "ferry", "granite", "willow", "beacon", "meadow",
    ];
    let filler: Vec<&str> = (0..600)
        .map(|k| words[(i + k * (version as usize + 2)) % words.len()])
        .collect();
    format!(
        "Answer {i}, version {version}: {}. End of answer {i}, version {version}.",
        filler.join(" ")
    )
}

fn records_file(path: &Path, version: u32) {
    let lines: Vec<String> = (0..RECORDS)
        .map(|i| {
            json!({
                "id": format!("record-{i}"),
                "lang": "en",
                "topic": "general",
                "question": format!("What about record {i}?"),
                "answer": record_answer(i, version),
                "url": format!("https://www.riverton.example/records/{i}"),
                "owner": "Public Works",
            })
            .to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").expect("records written");
}

/// Imports `records` into `out` in this process, as `wayfinder import --force` does.
fn import_here(records: &Path, out: &Path) {
    let read = knowledge::jsonl_io::read_rows(records).expect("records");
    let mut options = knowledge::writer::ImportOptions::new(
        out,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date"),
    );
    options.force = true;
    let report = knowledge::writer::import_rows(&read, &options, |_, _| {}).expect("import");
    assert_eq!(report.written.len(), RECORDS, "{:?}", report.problems);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_killed_midway_leaves_every_entry_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).expect("content folder");
    std::fs::write(
        content.join("knowledge.toml"),
        "site = \"riverton\"\nname = \"City of Riverton\"\nlanguages = [\"en\"]\n\
         default_language = \"en\"\n\n[topics.general]\nen = \"General\"\n",
    )
    .expect("settings");
    let (old, new) = (dir.path().join("v1.jsonl"), dir.path().join("v2.jsonl"));
    records_file(&old, 1);
    records_file(&new, 2);

    // Killed at several points of its writing: early, midway, late.
    for (round, kill_after) in [3usize, RECORDS / 2, RECORDS - 10].into_iter().enumerate() {
        import_here(&old, &content);
        let mut import = RoleProcess::start(
            "import_process",
            &format!("import-{round}"),
            &[
                (process::IMPORT_RECORDS_VAR, new.as_path()),
                (process::IMPORT_OUT_VAR, content.as_path()),
            ],
            &dir.path().join(format!("import-{round}.log")),
        );
        let prefix = format!("WROTE {kill_after}");
        let wrote = import.wait_for_line(&prefix, Duration::from_secs(60));
        import.kill();
        assert!(
            wrote.is_some_and(|rest| rest.is_empty()),
            "round {round}: the import never reported {prefix}; its log:\n{}",
            import.log_text()
        );

        let (kb, problems) = knowledge::load(&content);
        let errors: Vec<String> = problems
            .iter()
            .filter(|p| p.is_error())
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "round {round}: {errors:#?}");
        let kb = kb.expect("the content loads");
        assert_eq!(kb.entries.len(), RECORDS, "round {round}");
        let mut replaced = 0;
        for entry in &kb.entries {
            let i: usize = entry
                .id
                .strip_prefix("record-")
                .and_then(|n| n.parse().ok())
                .expect("a record id");
            let body = entry.answer.markdown();
            if body == record_answer(i, 2) {
                replaced += 1;
            } else {
                assert_eq!(
                    body,
                    record_answer(i, 1),
                    "round {round}: {} is neither the old answer nor the new one, whole",
                    entry.path.display()
                );
            }
        }
        assert!(
            (kill_after..RECORDS).contains(&replaced),
            "round {round}: {replaced} replaced, killed after {kill_after}"
        );
        // Nothing but entries (hidden temporary files, which loading skips, aside).
        for path in files(&content).keys() {
            let name = path.file_name().expect("a name").to_string_lossy();
            assert!(
                name == "knowledge.toml" || name.ends_with(".md") || name.starts_with('.'),
                "stray file {}",
                path.display()
            );
        }
    }

    // A server starts on what the last killed import left, with every entry.
    let config = common::load_config(
        dir.path(),
        &(common::demo_config(dir.path(), &content) + NO_RATE_LIMIT),
    )
    .expect("config");
    let server = common::start_with(tempfile::tempdir().expect("temp dir"), config).await;
    let health: Value = Client::new()
        .get(server.url("/healthz"))
        .send()
        .await
        .expect("health")
        .json()
        .await
        .expect("health JSON");
    assert_eq!(health["sites"][0]["entries"], RECORDS, "{health}");
    server.stop().await;
}

// ---------------------------------------------------------------------------------------
// Disk full on the SQLite path

#[test]
fn a_full_disk_refuses_writes_clearly_and_loses_nothing() {
    let output = small_disk::run_in_own_mount_namespace("disk_full_in_own_mount_namespace");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "the test on a small disk failed:\n{text}"
    );
    assert!(
        text.contains("disk_full_in_own_mount_namespace ... ok"),
        "the test on a small disk did not run:\n{text}"
    );
}

/// Not a test by itself: the body of `a_full_disk_refuses_writes_clearly_and_loses_nothing`,
/// run in a mount namespace of its own.
#[test]
#[ignore = "runs only in its own mount namespace, started by a_full_disk_refuses_writes_clearly_and_loses_nothing"]
fn disk_full_in_own_mount_namespace() {
    if !small_disk::inside_own_mount_namespace() {
        return;
    }
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(disk_full());
}

const STAFF: &str = "alex@riverton.example";

/// What was acknowledged: asked questions, and chat messages by client id.
#[derive(Default, Clone)]
struct Acknowledged {
    questions: Vec<String>,
    chat_messages: Vec<String>,
}

/// Sends `attempt(n)` until it is refused with 507 `storage_full` (every other answer must be
/// a success, kept in `acknowledged`); panics when the disk never seems full.
async fn until_full<F, Fut>(what: &str, mut attempt: F) -> Value
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = (StatusCode, Value)>,
{
    for n in 0..400 {
        let (status, body) = attempt(n).await;
        match status {
            StatusCode::INSUFFICIENT_STORAGE => return body,
            s if s.is_success() => continue,
            other => panic!("{what} on a full disk: {other} {body}"),
        }
    }
    panic!("{what}: never refused on a full disk");
}

async fn disk_full() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The server's folder, with its database, is the small disk.
    let data = tempfile::tempdir().expect("temp dir");
    let disk = small_disk::SmallDisk::mount(data.path(), 6);
    let config = common::load_config(
        dir.path(),
        &(common::demo_config(data.path(), &common::repo_root().join("knowledge/demo"))
            + NO_RATE_LIMIT),
    )
    .expect("config");
    let server = common::start_with(data, config).await;
    let database = server.database();
    common::live::add_staff(&server, "riverton", STAFF, "Alex").await;
    let staff = common::live::Staff::login(&server, STAFF).await;
    let _console = staff.online(&server).await;
    let chat =
        common::live::ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
    let mut resident = chat.socket(&server, 0).await;
    staff.accept(&server, &chat.id).await;
    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));

    let ask_and_keep = |n: usize, phase: &'static str| {
        let acknowledged = Arc::clone(&acknowledged);
        let addr = server.addr;
        async move {
            let question = format!("Where do I recycle batteries, {phase} {n}?");
            let (status, body) = ask(addr, &question, None).await;
            if status == StatusCode::OK {
                acknowledged.lock().expect("lock").questions.push(question);
            }
            (status, body)
        }
    };
    let staff_says = |id: String| {
        let acknowledged = Arc::clone(&acknowledged);
        let staff = &staff;
        let server = &server;
        let chat_id = chat.id.clone();
        async move {
            let response = staff
                .post(
                    server,
                    &format!("/staff/api/chats/{chat_id}/messages"),
                    json!({"id": id, "text": format!("Staff message {id}")}),
                )
                .await;
            let status = response.status();
            let body: Value = response.json().await.unwrap_or_default();
            if status == StatusCode::OK {
                acknowledged.lock().expect("lock").chat_messages.push(id);
            }
            (status, body)
        }
    };

    // Before: everything is stored.
    for n in 0..3 {
        let (status, body) = ask_and_keep(n, "before").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, body) = staff_says(format!("s-before-{n}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    let filled = disk.fill();
    assert!(filled > 0, "nothing could be written to fill the disk");

    // Residents asking: 507 storage_full, with a message.
    let refusal = until_full("a question", |n| ask_and_keep(n, "full")).await;
    assert_eq!(refusal["code"], "storage_full", "{refusal}");
    assert!(
        refusal["message"]
            .as_str()
            .is_some_and(|m| m.contains("storage is full")),
        "{refusal}"
    );
    // Staff actions too.
    let refusal = until_full("a staff message", |n| staff_says(format!("s-full-{n}"))).await;
    assert_eq!(refusal["code"], "storage_full", "{refusal}");
    // A resident's chat message: an error frame, never an acknowledgement of what was not
    // stored.
    let mut refused_id = None;
    for n in 0..40 {
        let id = format!("r-full-{n}");
        resident
            .send(json!({"type": "message", "id": id, "text": format!("Resident message {id}")}))
            .await;
        let frame = resident
            .expect("ack or error", |f| {
                f["type"] == "ack" || f["type"] == "error"
            })
            .await;
        if frame["type"] == "ack" {
            assert_eq!(frame["id"], id.as_str());
            acknowledged.lock().expect("lock").chat_messages.push(id);
        } else {
            assert_eq!(frame["code"], "storage_full", "{frame}");
            refused_id = Some(id);
            break;
        }
    }
    // Signing in stores a session: refused the same way when it cannot be stored.
    let login = Client::new()
        .post(server.url("/staff/api/login"))
        .json(&json!({"email": STAFF, "password": common::live::PASSWORD}))
        .send()
        .await
        .expect("login");
    let status = login.status();
    let body: Value = login.json().await.unwrap_or_default();
    assert!(
        status == StatusCode::OK
            || (status == StatusCode::INSUFFICIENT_STORAGE && body["code"] == "storage_full"),
        "sign-in on a full disk: {status} {body}"
    );
    // The server stays up: it still answers what needs no writing.
    let health = Client::new()
        .get(server.url("/healthz"))
        .send()
        .await
        .expect("health");
    assert_eq!(health.status(), StatusCode::OK);
    let transcript = staff
        .get(&server, &format!("/staff/api/chats/{}", chat.id))
        .await;
    assert_eq!(transcript.status(), StatusCode::OK);

    // Space freed: everything works again, and what was refused can be sent again.
    disk.free();
    for n in 0..3 {
        let (status, body) = ask_and_keep(n, "after").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, body) = staff_says(format!("s-after-{n}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    if let Some(id) = &refused_id {
        resident
            .send(json!({"type": "message", "id": id, "text": format!("Resident message {id}")}))
            .await;
        let ack = resident
            .expect("ack", |f| f["type"] == "ack" || f["type"] == "error")
            .await;
        assert_eq!(ack["type"], "ack", "{ack}");
        acknowledged
            .lock()
            .expect("lock")
            .chat_messages
            .push(id.clone());
    }
    common::live::Staff::login(&server, STAFF).await;
    let data = server.stop_keeping_files().await;

    // Intact, with everything acknowledged in it, once.
    assert_eq!(sqlite_integrity(&database).await, ["ok"]);
    let store = server::store::SqliteStore::connect(&format!("sqlite://{}", database.display()))
        .await
        .expect("store");
    let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", database.display()))
        .await
        .expect("database");
    let asked: Vec<String> =
        sqlx::query_scalar("SELECT text FROM messages WHERE role = 'resident'")
            .fetch_all(&mut db)
            .await
            .expect("questions");
    let acknowledged = acknowledged.lock().expect("lock").clone();
    assert!(acknowledged.questions.len() >= 6);
    for question in &acknowledged.questions {
        assert_eq!(
            asked.iter().filter(|q| *q == question).count(),
            1,
            "acknowledged, so stored once: {question:?}"
        );
    }
    let client_ids: Vec<String> = sqlx::query_scalar(
        "SELECT client_id FROM chat_events WHERE chat_id = ? AND client_id IS NOT NULL",
    )
    .bind(&chat.id)
    .fetch_all(&mut db)
    .await
    .expect("chat events");
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for id in &client_ids {
        *counts.entry(id.as_str()).or_default() += 1;
    }
    for id in &acknowledged.chat_messages {
        assert_eq!(
            counts.get(id.as_str()),
            Some(&1),
            "acknowledged, so stored once: {id} (stored: {client_ids:?})"
        );
    }
    assert!(
        refused_id.is_some(),
        "every resident message was acknowledged on a full disk"
    );
    let log = server::store::LiveStore::audit_log(&store)
        .await
        .expect("audit log");
    server::audit::verify(&log).expect("the audit chain is intact");
    drop(disk);
    drop(data);
}

// ---------------------------------------------------------------------------------------
// PostgreSQL restarted under load

const ANA: &str = "ana@riverton.example";

/// A throwaway cluster with a migrated database (commits acknowledged only once written to
/// the WAL, as in production), a staff account, and a configuration for replicas.
struct PgDeployment {
    config: PathBuf,
    store: server::store::PgStore,
    _dir: tempfile::TempDir,
    // Dropped last: stops PostgreSQL.
    cluster: postgres::Cluster,
}

impl PgDeployment {
    async fn new() -> Self {
        let cluster =
            postgres::Cluster::start().unwrap_or_else(|e| panic!("PostgreSQL cannot start: {e}"));
        let url = cluster
            .create_database("wayfinder")
            .await
            .unwrap_or_else(|e| panic!("{e}\nPostgreSQL's log:\n{}", cluster.log()));
        // The throwaway cluster runs with synchronous_commit off for speed; here a commit must
        // be in the WAL before it is acknowledged, as with PostgreSQL's defaults.
        let mut admin = sqlx::PgConnection::connect(&cluster.url("postgres"))
            .await
            .expect("admin connection");
        sqlx::query("ALTER DATABASE wayfinder SET synchronous_commit = on")
            .execute(&mut admin)
            .await
            .expect("synchronous commits");
        let store = server::store::PgStore::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("the store opens on PostgreSQL: {e}"));
        server::store::StaffStore::add_staff(
            &store,
            &server::store::live::StaffAccount {
                id: "staff-ana".into(),
                site: "riverton".into(),
                email: ANA.into(),
                name: "Ana".into(),
                role: "staff".into(),
                department: None,
                password_hash: server::auth::hash_password(common::live::PASSWORD).expect("hash"),
            },
        )
        .await
        .expect("account added");
        let dir = tempfile::tempdir().expect("temp dir");
        let text = common::demo_config(dir.path(), &common::repo_root().join("knowledge/demo"));
        let sqlite = format!("sqlite://{}", dir.path().join("wayfinder.db").display());
        assert!(text.contains(&sqlite), "the demo config names its database");
        let config = dir.path().join("wayfinder.toml");
        std::fs::write(&config, text.replace(&sqlite, &url) + NO_RATE_LIMIT)
            .expect("config written");
        Self {
            config,
            store,
            _dir: dir,
            cluster,
        }
    }

    async fn two_replicas(&self) -> (replica::Replica, replica::Replica) {
        let (a, b) = (self.config.clone(), self.config.clone());
        let (a, b) = tokio::join!(
            tokio::task::spawn_blocking(move || replica::Replica::start("a", &a)),
            tokio::task::spawn_blocking(move || replica::Replica::start("b", &b)),
        );
        (a.expect("replica a"), b.expect("replica b"))
    }

    /// Replica `name`'s log so far.
    fn log(&self, name: &str) -> String {
        std::fs::read_to_string(self.config.with_extension(format!("{name}.log")))
            .unwrap_or_default()
    }

    /// Runs `pg_ctl` off the runtime.
    async fn pg_ctl(&self, what: impl FnOnce(&postgres::Cluster) -> Result<(), String>) {
        tokio::task::block_in_place(|| what(&self.cluster)).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// The longest any single request may take, outage or not: beyond it, it hangs.
const HANG: Duration = Duration::from_secs(30);

/// A resident's WebSocket that may fail to connect or drop (the replica's database is away).
struct LiveSocket {
    inner: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
}

/// What came on a [`LiveSocket`].
enum Next {
    Frame(Value),
    Quiet,
    Closed,
}

impl LiveSocket {
    async fn connect(url: &str) -> Result<Self, String> {
        match tokio::time::timeout(HANG, tokio_tungstenite::connect_async(url)).await {
            Ok(Ok((inner, _))) => Ok(Self { inner }),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => panic!("connecting {url} hung"),
        }
    }

    async fn send(&mut self, frame: Value) -> bool {
        use futures_util::SinkExt as _;
        self.inner
            .send(tokio_tungstenite::tungstenite::Message::Text(
                frame.to_string().into(),
            ))
            .await
            .is_ok()
    }

    async fn next(&mut self, wait: Duration) -> Next {
        use futures_util::StreamExt as _;
        use tokio_tungstenite::tungstenite::Message;
        loop {
            match tokio::time::timeout(wait, self.inner.next()).await {
                Err(_) => return Next::Quiet,
                Ok(Some(Ok(Message::Text(text)))) => {
                    if let Ok(frame) = serde_json::from_str(&text) {
                        return Next::Frame(frame);
                    }
                }
                Ok(Some(Ok(Message::Close(_)) | Err(_)) | None) => return Next::Closed,
                Ok(Some(Ok(_))) => {}
            }
        }
    }
}

/// What the chatting resident and staff member saw.
#[derive(Default, Clone)]
struct Chatting {
    /// Client ids of the resident's messages acknowledged.
    resident_acked: Vec<String>,
    /// Client ids of the staff member's messages acknowledged.
    staff_acked: Vec<String>,
    /// Refusals: who and the error's code.
    refusals: Vec<(&'static str, String)>,
    /// Times the resident's socket dropped or could not connect.
    resident_reconnects: usize,
    /// Event numbers the resident's sockets received, in order of arrival.
    resident_seqs: Vec<u64>,
    /// Questions answered (and so stored) by either replica.
    asked: Vec<String>,
}

impl Chatting {
    fn acked(&self) -> (usize, usize) {
        (self.resident_acked.len(), self.staff_acked.len())
    }
}

/// The resident on `a`: sends a message, waits for its acknowledgement (sending it again
/// under the same id after an error or a lost connection, as the widget does), and so on
/// until `stop`; reconnects with `after=` the last event it has.
async fn resident_chats(
    url: String,
    chatting: Arc<Mutex<Chatting>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
) {
    use std::sync::atomic::Ordering;
    let mut socket: Option<LiveSocket> = None;
    let mut last = 0;
    let mut n = 0;
    let mut sent = false;
    while !stop.load(Ordering::Relaxed) {
        let Some(live) = socket.as_mut() else {
            match LiveSocket::connect(&format!("{url}&after={last}")).await {
                Ok(live) => {
                    socket = Some(live);
                    sent = false;
                }
                Err(_) => {
                    chatting.lock().expect("lock").resident_reconnects += 1;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
            continue;
        };
        let id = format!("r{n}");
        if !sent {
            let frame =
                json!({"type": "message", "id": id, "text": format!("Resident message {n}")});
            if !live.send(frame).await {
                socket = None;
                continue;
            }
            sent = true;
        }
        match live.next(HANG).await {
            Next::Frame(frame) if frame["type"] == "event" => {
                let seq = frame["event"]["seq"].as_u64().expect("an event number");
                assert_eq!(seq, last + 1, "events in order, once: {frame}");
                last = seq;
                chatting.lock().expect("lock").resident_seqs.push(seq);
            }
            Next::Frame(frame) if frame["type"] == "ack" && frame["id"] == id.as_str() => {
                chatting.lock().expect("lock").resident_acked.push(id);
                n += 1;
                sent = false;
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Next::Frame(frame) if frame["type"] == "error" => {
                let code = frame["code"].as_str().unwrap_or_default().to_owned();
                assert_eq!(code, "storage_unavailable", "{frame}");
                chatting
                    .lock()
                    .expect("lock")
                    .refusals
                    .push(("resident", code));
                sent = false;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Next::Frame(_) => {}
            Next::Quiet => {
                panic!("the resident's message {id} was neither acknowledged nor refused")
            }
            Next::Closed => {
                chatting.lock().expect("lock").resident_reconnects += 1;
                socket = None;
            }
        }
    }
}

/// The staff member on `b`: sends messages one after the other, each again under the same id
/// after a refusal, until `stop`.
async fn staff_chats(
    url: String,
    staff: Arc<replica::Staff>,
    chatting: Arc<Mutex<Chatting>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
) {
    use std::sync::atomic::Ordering;
    let client = Client::builder().timeout(HANG).build().expect("client");
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        let id = format!("s{n}");
        let response = client
            .post(&url)
            .header("Cookie", &staff.cookie)
            .header("X-CSRF-Token", &staff.csrf)
            .json(&json!({"id": id, "text": format!("Staff message {n}")}))
            .send()
            .await
            .unwrap_or_else(|e| panic!("staff message {id}: {e} (a hang?)"));
        let status = response.status();
        let retry_after = response.headers().get("retry-after").cloned();
        let body: Value = response.json().await.unwrap_or_default();
        match status {
            StatusCode::OK => {
                chatting.lock().expect("lock").staff_acked.push(id);
                n += 1;
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(body["code"], "storage_unavailable", "{body}");
                assert!(retry_after.is_some(), "503 without Retry-After");
                chatting
                    .lock()
                    .expect("lock")
                    .refusals
                    .push(("staff", "storage_unavailable".into()));
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            other => panic!("staff message {id}: {other} {body}"),
        }
    }
}

/// Residents asking the bot on either replica, one question after the other, until `stop`:
/// each is answered or refused with 503 `storage_unavailable`, never left hanging.
async fn residents_ask(
    replicas: [SocketAddr; 2],
    chatting: Arc<Mutex<Chatting>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
) {
    use std::sync::atomic::Ordering;
    let client = Client::builder().timeout(HANG).build().expect("client");
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        let text = format!("Where do I take old paint, question {n}?");
        let response = client
            .post(format!("http://{}/api/v1/ask", replicas[n % 2]))
            .header("Origin", ORIGIN)
            .json(&json!({"site": "riverton", "text": text}))
            .send()
            .await
            .unwrap_or_else(|e| panic!("question {n}: {e} (a hang?)"));
        let status = response.status();
        let body: Value = response.json().await.unwrap_or_default();
        match status {
            StatusCode::OK => chatting.lock().expect("lock").asked.push(text),
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(body["code"], "storage_unavailable", "{body}");
                chatting
                    .lock()
                    .expect("lock")
                    .refusals
                    .push(("asker", "storage_unavailable".into()));
            }
            other => panic!("question {n}: {other} {body}"),
        }
        n += 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until both have had `more` more messages acknowledged than `since`; panics with what
/// happened when they do not within a minute.
async fn until_acked(chatting: &Mutex<Chatting>, since: (usize, usize), more: usize, what: &str) {
    for _ in 0..1200 {
        let (resident, staff) = chatting.lock().expect("lock").acked();
        if resident >= since.0 + more && staff >= since.1 + more {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let chatting = chatting.lock().expect("lock");
    panic!(
        "{what}: no progress; acknowledged {:?}, refusals {:?}",
        chatting.acked(),
        chatting.refusals
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_ride_out_a_postgresql_restart_under_load() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let deployment = PgDeployment::new().await;
    let (a, b) = deployment.two_replicas().await;
    let staff = Arc::new(replica::Staff::login(&b, ANA, common::live::PASSWORD).await);
    let mut console = staff.socket(&b).await;
    console.expect("queue", |f| f["type"] == "queue").await;
    a.wait_until_open().await;
    let chat = replica::ResidentChat::start(&a, "en").await;
    staff.accept(&b, &chat.id).await;
    drop(console);

    let chatting = Arc::new(Mutex::new(Chatting::default()));
    let stop = Arc::new(AtomicBool::new(false));
    let resident = tokio::spawn(resident_chats(
        format!(
            "ws://{}/api/v1/chats/{}/live?token={}",
            a.addr, chat.id, chat.token
        ),
        Arc::clone(&chatting),
        Arc::clone(&stop),
    ));
    let staff_task = tokio::spawn(staff_chats(
        b.url(&format!("/staff/api/chats/{}/messages", chat.id)),
        Arc::clone(&staff),
        Arc::clone(&chatting),
        Arc::clone(&stop),
    ));
    let asker = tokio::spawn(residents_ask(
        [a.addr, b.addr],
        Arc::clone(&chatting),
        Arc::clone(&stop),
    ));
    let acked = |c: &Mutex<Chatting>| c.lock().expect("lock").acked();

    // Chatting across the replicas; then PostgreSQL restarts (fast: sessions are ended).
    until_acked(&chatting, (0, 0), 3, "before the restart").await;
    deployment
        .pg_ctl(|c| pg_control::restart(c, pg_control::Mode::Fast))
        .await;
    until_acked(&chatting, acked(&chatting), 3, "after the restart").await;

    // Then it crashes and stays away for longer than a request waits for a connection.
    deployment
        .pg_ctl(|c| pg_control::stop(c, pg_control::Mode::Immediate))
        .await;
    let down = acked(&chatting);
    let client = Client::builder().timeout(HANG).build().expect("client");
    let (question, health, detail) = tokio::join!(
        client
            .post(a.url("/api/v1/ask"))
            .header("Origin", ORIGIN)
            .json(&json!({"site": "riverton", "text": "When is trash picked up?"}))
            .send(),
        client.get(b.url("/healthz")).send(),
        client
            .get(a.url(&format!("/staff/api/chats/{}", chat.id)))
            .header("Cookie", &staff.cookie)
            .send(),
    );
    let question = question.expect("a question during the outage is answered, not left hanging");
    assert_eq!(question.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(question.headers()["retry-after"], "5");
    let body: Value = question.json().await.expect("error JSON");
    assert_eq!(body["code"], "storage_unavailable", "{body}");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("cannot reach its database")),
        "{body}"
    );
    let health = health.expect("health during the outage");
    assert_eq!(health.status(), StatusCode::SERVICE_UNAVAILABLE);
    let detail = detail.expect("a staff read during the outage");
    assert_eq!(detail.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = detail.json().await.expect("error JSON");
    assert_eq!(body["code"], "storage_unavailable", "{body}");
    // Both sides have been refused (or lost their socket) at least once by now.
    let both_refused = |c: &Chatting| {
        c.refusals.iter().any(|(who, _)| *who == "staff")
            && (c.refusals.iter().any(|(who, _)| *who == "resident") || c.resident_reconnects > 0)
    };
    for _ in 0..600 {
        if both_refused(&chatting.lock().expect("lock")) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        both_refused(&chatting.lock().expect("lock")),
        "the resident and the staff member were not both refused while PostgreSQL was down"
    );
    deployment.pg_ctl(pg_control::start).await;
    until_acked(&chatting, down, 3, "after the outage").await;
    stop.store(true, Ordering::Relaxed);
    resident.await.expect("the resident's task");
    staff_task.await.expect("the staff member's task");
    asker.await.expect("the residents' questions");

    // Both replicas listen again: what happens on one reaches the other live.
    let mut listeners = 0i64;
    for _ in 0..300 {
        listeners = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'wayfinder-listener'",
        )
        .fetch_one(deployment.store.pool())
        .await
        .expect("listeners");
        if listeners == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        listeners,
        2,
        "one listening connection per replica; replica a's log:\n{}\nreplica b's log:\n{}",
        deployment.log("a"),
        deployment.log("b")
    );
    let last_seen = chatting
        .lock()
        .expect("lock")
        .resident_seqs
        .last()
        .copied()
        .unwrap_or_default();
    let mut socket = LiveSocket::connect(&format!(
        "ws://{}/api/v1/chats/{}/live?token={}&after={last_seen}",
        a.addr, chat.id, chat.token
    ))
    .await
    .expect("the resident reconnects");
    let mut console = staff.socket(&b).await;
    console.expect("queue", |f| f["type"] == "queue").await;
    let mut seqs = chatting.lock().expect("lock").resident_seqs.clone();
    // What the resident missed comes first, from the store.
    loop {
        match socket.next(Duration::from_millis(500)).await {
            Next::Frame(frame) if frame["type"] == "event" => {
                seqs.push(frame["event"]["seq"].as_u64().expect("seq"));
            }
            Next::Frame(_) => {}
            Next::Quiet => break,
            Next::Closed => panic!("the resident's socket closed"),
        }
    }
    let response = staff
        .post(
            &b,
            &format!("/staff/api/chats/{}/messages", chat.id),
            json!({"id": "s-final", "text": "Staff message after it all"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    loop {
        match socket.next(replica::FRAME_TIMEOUT).await {
            Next::Frame(frame) if frame["type"] == "event" => {
                seqs.push(frame["event"]["seq"].as_u64().expect("seq"));
                if frame["event"]["text"] == "Staff message after it all" {
                    break;
                }
            }
            Next::Frame(_) => {}
            Next::Quiet | Next::Closed => {
                panic!("a staff message on B did not reach the resident on A after the outage")
            }
        }
    }
    assert!(
        socket
            .send(
                json!({"type": "message", "id": "r-final", "text": "Resident message after it all"})
            )
            .await
    );
    console
        .expect("the resident's message on A, live on B", |f| {
            replica::is_event(f, "message") && f["event"]["text"] == "Resident message after it all"
        })
        .await;

    // Every acknowledged message stored once; the resident got every event once, in order.
    let chatting = chatting.lock().expect("lock").clone();
    let stored: Vec<Option<String>> =
        sqlx::query_scalar("SELECT client_id FROM chat_events WHERE chat_id = $1 ORDER BY seq")
            .bind(&chat.id)
            .fetch_all(deployment.store.pool())
            .await
            .expect("events");
    let stored: Vec<String> = stored.into_iter().flatten().collect();
    for id in chatting
        .resident_acked
        .iter()
        .chain(&chatting.staff_acked)
        .map(String::as_str)
        .chain(["s-final"])
    {
        assert_eq!(
            stored.iter().filter(|s| *s == id).count(),
            1,
            "acknowledged, so stored once: {id}"
        );
    }
    let questions: Vec<String> =
        sqlx::query_scalar("SELECT text FROM messages WHERE role = 'resident'")
            .fetch_all(deployment.store.pool())
            .await
            .expect("questions");
    assert!(!chatting.asked.is_empty());
    for text in &chatting.asked {
        assert_eq!(
            questions.iter().filter(|q| *q == text).count(),
            1,
            "answered, so stored once: {text}"
        );
    }
    let last_seq = server::store::LiveStore::chat(&deployment.store, &chat.id)
        .await
        .expect("chat")
        .expect("the chat exists")
        .last_seq;
    // All but the resident's last message, sent after the staff member's last.
    assert_eq!(
        seqs,
        (1..last_seq).collect::<Vec<_>>(),
        "every event once, in order"
    );
    // Staff read the whole chat from either replica.
    for replica in [&a, &b] {
        let detail: Value = Client::new()
            .get(replica.url(&format!("/staff/api/chats/{}", chat.id)))
            .header("Cookie", &staff.cookie)
            .send()
            .await
            .expect("chat detail")
            .json()
            .await
            .expect("chat detail JSON");
        let texts: Vec<&str> = detail["events"]
            .as_array()
            .expect("events")
            .iter()
            .filter_map(|e| e["text"].as_str())
            .collect();
        for n in 0..chatting.staff_acked.len() {
            let text = format!("Staff message {n}");
            assert_eq!(texts.iter().filter(|t| **t == text).count(), 1, "{text}");
        }
        for n in 0..chatting.resident_acked.len() {
            let text = format!("Resident message {n}");
            assert_eq!(texts.iter().filter(|t| **t == text).count(), 1, "{text}");
        }
    }
    println!(
        "acknowledged: {} resident and {} staff messages, {} questions; refusals: {}; \
         resident reconnects: {}",
        chatting.resident_acked.len(),
        chatting.staff_acked.len(),
        chatting.asked.len(),
        chatting.refusals.len(),
        chatting.resident_reconnects
    );
}
