//! Several `wayfinder serve` replicas on one PostgreSQL database: a resident on one replica
//! and a staff member on another chat both ways, two staff members on two replicas never
//! accept the same chat, a replica killed with SIGKILL loses no acknowledged message, the
//! audit chain stays linear with concurrent writers, the PostgreSQL store behaves like the
//! SQLite one, and both migration sets define the same tables.
//!
//! Each test starts its own throwaway PostgreSQL cluster (see `common/postgres.rs`); when
//! PostgreSQL cannot start the test fails with the reason: it never skips.

mod common;
#[path = "common/postgres.rs"]
mod postgres;
#[path = "common/replica.rs"]
mod replica;
#[path = "common/store_conformance.rs"]
mod store_conformance;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use postgres::Cluster;
use replica::{Replica, ResidentChat, Staff, is_event};
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::store::{LiveStore as _, PgStore, StaffStore as _};

const PASSWORD: &str = "river-otter-lantern-42";
const ANA: &str = "ana@riverton.example";
const BO: &str = "bo@riverton.example";

/// Not a test: the role of a replica process started by the tests below.
#[test]
#[ignore = "runs only as a replica process started by the other tests"]
fn replica_process() {
    replica::serve_if_asked();
}

/// A PostgreSQL cluster with a migrated database, staff accounts and a configuration file
/// for replicas.
struct Deployment {
    config: PathBuf,
    store: PgStore,
    _dir: tempfile::TempDir,
    // Dropped last: stops PostgreSQL.
    cluster: Cluster,
}

impl Deployment {
    async fn new() -> Self {
        let cluster = Cluster::start().unwrap_or_else(|e| panic!("PostgreSQL cannot start: {e}"));
        let url = cluster
            .create_database("wayfinder")
            .await
            .unwrap_or_else(|e| panic!("{e}\nPostgreSQL's log:\n{}", cluster.log()));
        let store = PgStore::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("the store opens on PostgreSQL: {e}"));
        for (email, name) in [(ANA, "Ana"), (BO, "Bo")] {
            store
                .add_staff(&server::store::live::StaffAccount {
                    id: format!("staff-{name}"),
                    site: "riverton".into(),
                    email: email.into(),
                    name: name.into(),
                    role: "staff".into(),
                    department: None,
                    password_hash: server::auth::hash_password(PASSWORD).expect("hash"),
                })
                .await
                .expect("account added");
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let text = common::demo_config(dir.path(), &common::repo_root().join("knowledge/demo"));
        let sqlite = format!("sqlite://{}", dir.path().join("wayfinder.db").display());
        assert!(text.contains(&sqlite), "the demo config names its database");
        let config = dir.path().join("wayfinder.toml");
        std::fs::write(&config, text.replace(&sqlite, &url)).expect("config written");
        Self {
            config,
            store,
            _dir: dir,
            cluster,
        }
    }

    /// Starts replicas `a` and `b` side by side.
    async fn two_replicas(&self) -> (Replica, Replica) {
        let (a, b) = (self.config.clone(), self.config.clone());
        let (a, b) = tokio::join!(
            tokio::task::spawn_blocking(move || Replica::start("a", &a)),
            tokio::task::spawn_blocking(move || Replica::start("b", &b)),
        );
        (a.expect("replica a"), b.expect("replica b"))
    }
}

/// `(seq, text)` of the message events among `frames`.
fn messages(frames: &[Value]) -> Vec<(u64, String)> {
    frames
        .iter()
        .filter(|f| is_event(f, "message"))
        .map(|f| {
            (
                f["event"]["seq"].as_u64().unwrap_or_default(),
                f["event"]["text"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resident_and_staff_on_different_replicas_chat_both_ways() {
    let deployment = Deployment::new().await;
    let (a, b) = deployment.two_replicas().await;

    let staff = Staff::login(&b, ANA, PASSWORD).await;
    let mut console = staff.socket(&b).await;
    console.expect("queue", |f| f["type"] == "queue").await;
    // Ana's console is on B; the resident's replica A must know she is there.
    a.wait_until_open().await;

    let chat = ResidentChat::start(&a, "en").await;
    let mut resident = chat.socket(&a, 0).await;
    resident
        .expect("queue place", |f| {
            f["type"] == "queue" && f["position"] == 1
        })
        .await;
    // The chat was created on A: B's console hears of it through PostgreSQL.
    console
        .expect("queue with the chat", |f| {
            f["type"] == "queue" && f["waiting"][0]["chat_id"] == chat.id.as_str()
        })
        .await;

    staff.accept(&b, &chat.id).await;
    let (joined, _) = resident.expect("joined", |f| is_event(f, "joined")).await;
    assert_eq!(joined["event"]["name"], "Ana");

    // Staff (B) → resident (A).
    let response = staff
        .post(
            &b,
            &format!("/staff/api/chats/{}/messages", chat.id),
            json!({"id": "s1", "text": "Hello, this is Ana from the city."}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (message, _) = resident
        .expect("staff message", |f| is_event(f, "message"))
        .await;
    assert_eq!(message["event"]["from"], "staff");
    assert_eq!(
        message["event"]["text"],
        "Hello, this is Ana from the city."
    );

    // Resident (A) → staff (B), with typing first.
    resident
        .send(json!({"type": "typing", "active": true}))
        .await;
    console
        .expect("resident typing", |f| {
            f["type"] == "typing" && f["chat_id"] == chat.id.as_str() && f["active"] == true
        })
        .await;
    resident
        .send(json!({"type": "message", "id": "r1", "text": "My recycling bin was not collected"}))
        .await;
    let (ack, _) = resident.expect("ack", |f| f["type"] == "ack").await;
    assert_eq!(ack["id"], "r1");
    let (event, _) = console
        .expect("resident message", |f| {
            is_event(f, "message") && f["event"]["from"] == "resident"
        })
        .await;
    assert_eq!(event["chat_id"], chat.id.as_str());
    assert_eq!(event["event"]["text"], "My recycling bin was not collected");
    assert_eq!(event["event"]["seq"], ack["seq"]);

    // Staff typing on B reaches the resident on A.
    console
        .send(json!({"type": "typing", "chat_id": chat.id, "active": true}))
        .await;
    resident
        .expect("staff typing", |f| {
            f["type"] == "typing" && f["active"] == true
        })
        .await;

    // A figure: from the staff member's request on B to the frame on the resident's socket
    // on A (store, commit, notification, read on A, send).
    let mut took = Vec::new();
    for n in 0..20 {
        let text = format!("Timed message {n}");
        let started = std::time::Instant::now();
        let response = staff
            .post(
                &b,
                &format!("/staff/api/chats/{}/messages", chat.id),
                json!({"id": format!("t{n}"), "text": text}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        resident
            .expect("timed message", |f| {
                is_event(f, "message") && f["event"]["text"] == text.as_str()
            })
            .await;
        took.push(started.elapsed());
    }
    took.sort();
    println!(
        "staff on B to resident on A: median {:?}, slowest {:?} (20 messages)",
        took[took.len() / 2],
        took[took.len() - 1]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_on_two_replicas_never_accept_the_same_chat() {
    let deployment = Deployment::new().await;
    let (a, b) = deployment.two_replicas().await;
    let ana = Staff::login(&a, ANA, PASSWORD).await;
    let bo = Staff::login(&b, BO, PASSWORD).await;
    let mut console = ana.socket(&a).await;
    console.expect("queue", |f| f["type"] == "queue").await;
    b.wait_until_open().await;

    const CHATS: usize = 8;
    let mut winners = HashMap::new();
    for round in 0..CHATS {
        // Residents arrive on either replica.
        let chat = ResidentChat::start(if round % 2 == 0 { &a } else { &b }, "en").await;
        let path = format!("/staff/api/chats/{}/accept", chat.id);
        let (by_ana, by_bo) = tokio::join!(
            ana.post(&a, &path, json!({})),
            bo.post(&b, &path, json!({}))
        );
        let (ana_status, bo_status) = (by_ana.status(), by_bo.status());
        let (winner, loser, loser_response) = match (ana_status, bo_status) {
            (StatusCode::OK, StatusCode::CONFLICT) => (&ana, "bo", by_bo),
            (StatusCode::CONFLICT, StatusCode::OK) => (&bo, "ana", by_ana),
            other => panic!("chat {round}: exactly one accept must win, got {other:?}"),
        };
        let refusal: Value = loser_response.json().await.expect("error JSON");
        assert_eq!(refusal["code"], "chat_taken", "{loser}: {refusal}");
        *winners
            .entry(if std::ptr::eq(winner, &ana) {
                "ana"
            } else {
                "bo"
            })
            .or_insert(0) += 1;
        // Close it, so the winner stays under the limit of chats at once.
        let replica = if std::ptr::eq(winner, &ana) { &a } else { &b };
        let response = winner
            .post(
                replica,
                &format!("/staff/api/chats/{}/close", chat.id),
                json!({"reason": "answered"}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let events = deployment
            .store
            .events_after(&chat.id, 0)
            .await
            .expect("events");
        let joined = events
            .iter()
            .filter(|e| matches!(e.body, protocol::EventBody::Joined { .. }))
            .count();
        assert_eq!(joined, 1, "chat {round}: {events:?}");
    }
    println!("accepts won: {winners:?}");
    let log = deployment.store.audit_log().await.expect("audit log");
    let accepts = log.iter().filter(|r| r.action == "accept").count();
    assert_eq!(accepts, CHATS);
    server::audit::verify(&log).expect("the audit chain is intact");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_replica_loses_no_acknowledged_message() {
    let deployment = Deployment::new().await;
    let (mut a, b) = deployment.two_replicas().await;
    let staff = Staff::login(&b, ANA, PASSWORD).await;
    let mut console = staff.socket(&b).await;
    console.expect("queue", |f| f["type"] == "queue").await;
    a.wait_until_open().await;

    let chat = ResidentChat::start(&a, "en").await;
    let mut resident = chat.socket(&a, 0).await;
    staff.accept(&b, &chat.id).await;
    let staff_says = |n: usize| {
        let staff = &staff;
        let b = &b;
        let chat = &chat;
        async move {
            let response = staff
                .post(
                    b,
                    &format!("/staff/api/chats/{}/messages", chat.id),
                    json!({"id": format!("s{n}"), "text": format!("staff message {n}")}),
                )
                .await;
            assert_eq!(response.status(), StatusCode::OK, "staff message {n}");
        }
    };

    // Before the crash: messages both ways, every one acknowledged.
    let mut frames = Vec::new();
    for n in 1..=4 {
        staff_says(n).await;
        resident
            .send(json!({"type": "message", "id": format!("r{n}"), "text": format!("resident message {n}")}))
            .await;
        let (_, skipped) = resident
            .expect("ack", |f| f["type"] == "ack" && f["id"] == format!("r{n}"))
            .await;
        frames.extend(skipped);
    }
    frames.extend(resident.drain(Duration::from_millis(20)).await);
    let last_seen = frames
        .iter()
        .filter(|f| f["type"] == "event")
        .filter_map(|f| f["event"]["seq"].as_u64())
        .max()
        .unwrap_or_default();

    a.kill();
    // While the resident is away, staff go on writing on B.
    for n in 5..=6 {
        staff_says(n).await;
    }

    // The resident's widget reconnects to the replica still up and resumes.
    let mut resident = chat.socket(&b, last_seen).await;
    let last_seq = deployment
        .store
        .chat(&chat.id)
        .await
        .expect("chat")
        .expect("the chat exists")
        .last_seq;
    loop {
        let (frame, skipped) = resident.expect("an event", |f| f["type"] == "event").await;
        frames.extend(skipped);
        let seq = frame["event"]["seq"].as_u64().unwrap_or_default();
        frames.push(frame);
        if seq >= last_seq {
            break;
        }
    }
    frames.extend(resident.drain(Duration::from_millis(300)).await);

    let events: Vec<u64> = frames
        .iter()
        .filter(|f| f["type"] == "event")
        .filter_map(|f| f["event"]["seq"].as_u64())
        .collect();
    assert_eq!(
        events,
        (1..=last_seq).collect::<Vec<_>>(),
        "every event once, in order"
    );
    let mut texts: Vec<String> = messages(&frames).into_iter().map(|(_, t)| t).collect();
    texts.sort();
    let mut expected: Vec<String> = (1..=4)
        .map(|n| format!("resident message {n}"))
        .chain((1..=6).map(|n| format!("staff message {n}")))
        .collect();
    expected.sort();
    assert_eq!(texts, expected);

    // The console on B heard every resident message once.
    let console_frames = console.drain(Duration::from_millis(500)).await;
    let mut heard: Vec<String> = messages(&console_frames)
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| t.starts_with("resident"))
        .collect();
    heard.sort();
    assert_eq!(
        heard,
        (1..=4)
            .map(|n| format!("resident message {n}"))
            .collect::<Vec<_>>()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_that_stopped_listening_catches_up() {
    let deployment = Deployment::new().await;
    let (a, b) = deployment.two_replicas().await;
    let staff = Staff::login(&b, ANA, PASSWORD).await;
    let mut console = staff.socket(&b).await;
    console.expect("queue", |f| f["type"] == "queue").await;
    a.wait_until_open().await;
    let chat = ResidentChat::start(&a, "en").await;
    let mut resident = chat.socket(&a, 0).await;
    staff.accept(&b, &chat.id).await;
    resident.expect("joined", |f| is_event(f, "joined")).await;

    // Cut every replica's listening connection and keep them from coming back for a while:
    // what is committed meanwhile sends notifications nobody hears.
    let admin = sqlx::PgPool::connect(&deployment.cluster.url("postgres"))
        .await
        .expect("admin connection");
    sqlx::query("ALTER DATABASE wayfinder WITH ALLOW_CONNECTIONS false")
        .execute(&admin)
        .await
        .expect("connections refused");
    let cut: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
    )
    .bind("wayfinder-listener")
    .fetch_all(&admin)
    .await
    .expect("listeners cut");
    assert_eq!(cut, [true, true], "one listener per replica");
    // Written through a connection opened before (as a replica's pool has them).
    deployment
        .store
        .post_message(
            &chat.id,
            &server::store::live::Author::Staff {
                id: "staff-Ana".into(),
                name: "Ana".into(),
            },
            "s1",
            "Sent while nobody listened",
        )
        .await
        .expect("message stored");
    tokio::time::sleep(Duration::from_millis(500)).await;
    sqlx::query("ALTER DATABASE wayfinder WITH ALLOW_CONNECTIONS true")
        .execute(&admin)
        .await
        .expect("connections allowed");

    // A listens again, reads what it missed from the store and passes it on.
    let (message, _) = resident
        .expect("the message sent during the gap", |f| {
            is_event(f, "message")
        })
        .await;
    assert_eq!(message["event"]["text"], "Sent while nobody listened");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_chain_stays_linear_with_writers_on_two_replicas() {
    let deployment = Deployment::new().await;
    // A second store: another pool, as another replica has.
    let other = PgStore::connect(&deployment.cluster.url("wayfinder"))
        .await
        .expect("second store");
    const PER_STORE: usize = 25;
    let mut tasks = Vec::new();
    for (name, store) in [("a", deployment.store.clone()), ("b", other)] {
        for n in 0..PER_STORE {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                store
                    .create_ticket(&server::store::live::Ticket {
                        ticket_id: format!("T-{name}{n}"),
                        site: "riverton".into(),
                        conversation_id: None,
                        lang: "en".into(),
                        name: None,
                        contact: None,
                        message: "Please call me back".into(),
                        department: None,
                        status: "open".into(),
                        created_at: chrono::Utc::now().to_rfc3339(),
                    })
                    .await
            }));
        }
    }
    for task in tasks {
        task.await.expect("task").expect("ticket stored");
    }
    let log = deployment.store.audit_log().await.expect("audit log");
    assert_eq!(
        server::audit::verify(&log).expect("the chain is intact"),
        2 * PER_STORE
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_postgresql_store_behaves_like_the_sqlite_store() {
    let deployment = Deployment::new().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = server::store::SqliteStore::connect(&format!(
        "sqlite://{}",
        dir.path().join("w.db").display()
    ))
    .await
    .expect("SQLite opens");
    let url = deployment
        .cluster
        .create_database("conformance")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let postgres = PgStore::connect(&url)
        .await
        .expect("PostgreSQL store opens");
    let sqlite_report = store_conformance::run(&sqlite).await;
    let postgres_report = store_conformance::run(&postgres).await;
    assert_eq!(postgres_report, sqlite_report);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_migration_sets_define_the_same_tables_and_columns() {
    let deployment = Deployment::new().await;
    let sqlite = server::store::SqliteStore::connect("sqlite::memory:")
        .await
        .expect("SQLite opens");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
    )
    .fetch_all(sqlite.pool())
    .await
    .expect("SQLite tables");
    let mut in_sqlite = Vec::new();
    for table in &tables {
        let columns: Vec<String> =
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(sqlite.pool())
                .await
                .expect("SQLite columns");
        for column in columns {
            in_sqlite.push(format!("{table}.{column}"));
        }
    }
    in_sqlite.sort();
    let mut in_postgres: Vec<String> = sqlx::query_scalar(
        "SELECT table_name || '.' || column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%'
           AND column_name <> 'rowid'",
    )
    .fetch_all(deployment.store.pool())
    .await
    .expect("PostgreSQL columns");
    in_postgres.sort();
    assert_eq!(in_postgres, in_sqlite);
    assert!(in_sqlite.len() > 50, "{in_sqlite:?}");
    // Every migration of one set has its twin in the other.
    let names = |dir: &str| {
        let mut names: Vec<String> = std::fs::read_dir(common::repo_root().join(dir))
            .expect("migrations folder")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names("server/migrations_pg"), names("server/migrations"));
}
