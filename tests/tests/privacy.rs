//! Residents' data over time on a real server: the retention purge removes what is older than
//! the site allows and nothing else, audit entries survive it as hashes, and a resident's
//! data request exports or deletes one whole conversation.

mod common;

use common::live::{ResidentChat, Staff, add_staff};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use server::store::PrivacyStore as _;

async fn ask(server: &common::TestServer, body: Value) -> Value {
    let response = Client::new()
        .post(server.url("/api/v1/ask"))
        .json(&body)
        .send()
        .await
        .expect("request is sent");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("a reply")
}

async fn ticket(server: &common::TestServer, body: Value) -> String {
    let response = Client::new()
        .post(server.url("/api/v1/tickets"))
        .json(&body)
        .send()
        .await
        .expect("request is sent");
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.expect("a ticket");
    created["ticket_id"].as_str().expect("ticket_id").to_owned()
}

async fn store(server: &common::TestServer) -> server::store::SqliteStore {
    server::store::SqliteStore::connect(&format!("sqlite://{}", server.database().display()))
        .await
        .expect("database opens")
}

async fn count(pool: &sqlx::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await
        .expect("count")
}

async fn audit_rows(pool: &sqlx::SqlitePool) -> Vec<server::audit::AuditRow> {
    sqlx::query_as("SELECT * FROM audit_log ORDER BY seq")
        .fetch_all(pool)
        .await
        .expect("audit rows")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_purge_removes_what_is_too_old_and_nothing_else() {
    let server = common::start().await;
    add_staff(&server, "riverton", "alex@riverton.example", "Alex").await;
    let staff = Staff::login(&server, "alex@riverton.example").await;
    let _console = staff.online(&server).await;

    let old = ask(
        &server,
        json!({"site": "riverton", "text": "when is trash picked up"}),
    )
    .await;
    let new = ask(
        &server,
        json!({"site": "riverton", "text": "library hours"}),
    )
    .await;
    let old_chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
    let new_chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
    let old_ticket = ticket(
        &server,
        json!({"site": "riverton", "lang": "en", "message": "old"}),
    )
    .await;
    let new_ticket = ticket(
        &server,
        json!({"site": "riverton", "lang": "en", "message": "new"}),
    )
    .await;

    // Age some of it: past the default retention (90 days; tickets 365; audit 7 years).
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", server.database().display()))
        .await
        .expect("database opens");
    for (sql, id) in [
        (
            "UPDATE conversations SET updated_at = '2020-01-01T00:00:00.000Z' WHERE id = ?",
            old["conversation_id"].as_str().unwrap_or_default(),
        ),
        (
            "UPDATE chats SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?",
            old_chat.id.as_str(),
        ),
        (
            "UPDATE tickets SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?",
            old_ticket.as_str(),
        ),
    ] {
        sqlx::query(sql)
            .bind(id)
            .execute(&pool)
            .await
            .expect("aged");
    }
    let rows_before = audit_rows(&pool).await;
    assert!(rows_before.len() >= 4, "{rows_before:#?}");

    let config =
        server::config::Config::load(&server.dir.path().join("wayfinder.toml")).expect("config");
    let reports = server::retention::purge_all(&config, &store(&server).await)
        .await
        .expect("purge runs");
    let report = reports[0].1;
    assert_eq!(
        (report.conversations, report.chats, report.tickets),
        (1, 1, 1),
        "{report:?}"
    );

    let remaining = |table: &str| format!("SELECT COUNT(*) FROM {table}");
    assert_eq!(count(&pool, &remaining("conversations")).await, 1);
    assert_eq!(
        count(
            &pool,
            &format!(
                "SELECT COUNT(*) FROM conversations WHERE id = '{}'",
                new["conversation_id"].as_str().unwrap_or_default()
            )
        )
        .await,
        1
    );
    assert_eq!(
        count(&pool, &remaining("messages")).await,
        2,
        "only the new conversation's question and reply"
    );
    assert_eq!(
        count(
            &pool,
            &format!("SELECT COUNT(*) FROM chats WHERE id = '{}'", new_chat.id)
        )
        .await,
        1
    );
    assert_eq!(count(&pool, &remaining("chats")).await, 1);
    assert_eq!(
        count(
            &pool,
            &format!("SELECT COUNT(*) FROM tickets WHERE id = '{new_ticket}'")
        )
        .await,
        1
    );
    assert_eq!(count(&pool, &remaining("tickets")).await, 1);

    // The audit log lost nothing and gained the purge; it still verifies.
    let rows = audit_rows(&pool).await;
    assert_eq!(rows.len(), rows_before.len() + 1);
    assert_eq!(rows.last().map(|r| r.action.as_str()), Some("purge"));
    assert_eq!(server::audit::verify(&rows), Ok(rows.len()));

    // A second purge finds nothing more.
    let again = server::retention::purge_all(&config, &store(&server).await)
        .await
        .expect("purge runs");
    assert_eq!(again[0].1, server::store::privacy::PurgeReport::default());
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_details_expire_to_hashes_and_the_chain_still_verifies() {
    let server = common::start().await;
    for n in 0..3 {
        ticket(
            &server,
            json!({"site": "riverton", "lang": "en", "message": format!("m{n}")}),
        )
        .await;
    }
    let store = store(&server).await;
    let retention = server::config::RetentionConfig {
        audit: 0,
        ..Default::default()
    };
    // With zero days, everything written before now is past retention.
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let report = store
        .purge("riverton", &retention, chrono::Utc::now())
        .await
        .expect("purge");
    assert_eq!(report.audit_details, 3);
    let pool = store.pool().clone();
    let rows = audit_rows(&pool).await;
    assert!(
        rows[..3]
            .iter()
            .all(|r| r.detail.is_none() && !r.detail_hash.is_empty())
    );
    assert_eq!(server::audit::verify(&rows), Ok(4));
    // Anything but clearing a detail is still refused.
    let refused = sqlx::query("UPDATE audit_log SET subject = 'x' WHERE seq = 1")
        .execute(&pool)
        .await;
    assert!(refused.is_err());
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_data_request_exports_then_deletes_one_whole_conversation() {
    let server = common::start().await;
    add_staff(&server, "riverton", "alex@riverton.example", "Alex").await;
    let staff = Staff::login(&server, "alex@riverton.example").await;
    let _console = staff.online(&server).await;

    let first = ask(
        &server,
        json!({"site": "riverton", "text": "when is trash picked up"}),
    )
    .await;
    let conversation = first["conversation_id"].as_str().expect("id").to_owned();
    ask(
        &server,
        json!({"site": "riverton", "text": "and recycling?", "conversation_id": conversation}),
    )
    .await;
    let chat = ResidentChat::start(
        &server,
        json!({"site": "riverton", "lang": "en", "conversation_id": conversation}),
    )
    .await;
    let ticket_id = ticket(
        &server,
        json!({"site": "riverton", "lang": "en", "message": "please call", "conversation_id": conversation}),
    )
    .await;
    // Someone else's conversation, which must survive.
    let other = ask(
        &server,
        json!({"site": "riverton", "text": "library hours"}),
    )
    .await;

    let store = store(&server).await;
    let exported = store
        .export_conversation(&chat.id)
        .await
        .expect("export")
        .expect("found by the chat id");
    assert_eq!(exported["conversation"]["id"], conversation.as_str());
    assert_eq!(exported["messages"].as_array().map(Vec::len), Some(4));
    assert_eq!(exported["messages"][0]["text"], "when is trash picked up");
    assert_eq!(exported["chats"][0]["id"], chat.id.as_str());
    assert_eq!(exported["tickets"][0]["id"], ticket_id.as_str());

    let deleted = store
        .delete_conversation(&ticket_id)
        .await
        .expect("delete")
        .expect("found by the ticket id");
    assert_eq!(
        (
            deleted.conversations,
            deleted.messages,
            deleted.chats,
            deleted.tickets
        ),
        (1, 4, 1, 1)
    );
    assert!(
        store
            .export_conversation(&conversation)
            .await
            .expect("export")
            .is_none()
    );
    assert!(
        store
            .export_conversation(&chat.id)
            .await
            .expect("export")
            .is_none()
    );
    let survivor = store
        .export_conversation(other["conversation_id"].as_str().unwrap_or_default())
        .await
        .expect("export");
    assert!(survivor.is_some(), "the other conversation is untouched");

    let rows = audit_rows(store.pool()).await;
    assert_eq!(
        rows.last().map(|r| r.action.as_str()),
        Some("delete_conversation")
    );
    assert_eq!(server::audit::verify(&rows), Ok(rows.len()));
    server.stop().await;
}
