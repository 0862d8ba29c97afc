//! The privacy notice and consent on a real server: `GET /api/v1/privacy` in every language of
//! the site with the site's retention periods; a site that requires consent refuses questions
//! without the current notice version (428 `consent_required`, nothing stored), stores the
//! accepted version with the conversation, audits it once and exports it; after the city
//! changes its notice, the old consent is refused until the resident accepts the new one.

mod common;

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use server::store::PrivacyStore as _;

const PRIVACY_URL: &str = "https://www.riverton.example/privacy";

/// The demo config with `[sites.privacy]` (and 30 days of questions), high rate limits.
fn config_text(dir: &std::path::Path, version: &str, required: bool) -> String {
    common::demo_config(dir, &common::repo_root().join("knowledge/demo"))
        + &format!(
            "\n[sites.retention]\nquestions = 30\n\n[sites.privacy]\nnotice_version = \"{version}\"\nrequire_consent = {required}\nurl = \"{PRIVACY_URL}\"\n\n[server.rate_limit]\nburst = 1000\nper_minute = 60000\n"
        )
}

async fn start(version: &str, required: bool) -> common::TestServer {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = common::load_config(dir.path(), &config_text(dir.path(), version, required))
        .expect("config loads");
    common::start_with(dir, config).await
}

async fn restart(server: common::TestServer, version: &str) -> common::TestServer {
    let dir = server.stop_keeping_files().await;
    let config =
        common::load_config(dir.path(), &config_text(dir.path(), version, true)).expect("config");
    common::start_with(dir, config).await
}

async fn ask(server: &common::TestServer, body: Value) -> (StatusCode, Value) {
    let response = Client::new()
        .post(server.url("/api/v1/ask"))
        .json(&body)
        .send()
        .await
        .expect("request is sent");
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

async fn notice(server: &common::TestServer, query: &str) -> reqwest::Response {
    Client::new()
        .get(server.url(&format!("/api/v1/privacy{query}")))
        .send()
        .await
        .expect("request is sent")
}

async fn pool(server: &common::TestServer) -> sqlx::SqlitePool {
    sqlx::SqlitePool::connect(&format!("sqlite://{}", server.database().display()))
        .await
        .expect("database")
}

async fn count(pool: &sqlx::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_notice_is_given_in_every_site_language_and_cached() {
    let server = start("2026-11-01", true).await;
    let languages = ["en", "es", "zh-Hans", "vi", "ar", "ko", "tl"];
    let mut texts = std::collections::BTreeSet::new();
    for lang in languages {
        let response = notice(&server, &format!("?site=riverton&lang={lang}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{lang}");
        let cache = response
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(cache.starts_with("public, max-age="), "{lang}: {cache}");
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["lang"], lang, "{body:#}");
        assert_eq!(body["version"], "2026-11-01");
        assert_eq!(body["required"], true);
        assert_eq!(body["url"], PRIVACY_URL);
        let text = body["text"].as_str().expect("text");
        let title = body["title"].as_str().expect("title");
        assert!(!title.is_empty() && !title.contains('{'), "{lang}: {title}");
        assert!(!text.contains('{') && !text.contains('$'), "{lang}: {text}");
        // Questions kept 30 days (the config), chats 90 and tickets 365 (the defaults): the
        // demo has live chat, so all three periods are named.
        for days in ["30", "90", "365"] {
            assert!(text.contains(days), "{lang}: no {days} in {text}");
        }
        assert!(text.contains("City of Riverton"), "{lang}: {text}");
        assert_eq!(text.split("\n\n").count(), 3, "{lang}: {text}");
        texts.insert(text.to_owned());
    }
    assert_eq!(
        texts.len(),
        languages.len(),
        "each language has its own text"
    );

    // Regional tags find their language; unknown ones get the site's default language.
    let body: Value = notice(&server, "?site=riverton&lang=es-MX")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(body["lang"], "es");
    let body: Value = notice(&server, "?site=riverton&lang=xx")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(body["lang"], "en");
    assert!(
        body["text"]
            .as_str()
            .is_some_and(|t| t.contains("30 days") && t.contains("deleted")),
        "{body:#}"
    );

    // Validators: the same notice is not sent twice.
    let first = notice(&server, "?site=riverton&lang=en").await;
    let etag = first
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("an ETag")
        .to_owned();
    let again = Client::new()
        .get(server.url("/api/v1/privacy?site=riverton&lang=en"))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("sent");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    // The usual refusals, with stable codes and no caching.
    let missing = notice(&server, "?lang=en").await;
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        missing
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let body: Value = missing.json().await.expect("json");
    assert_eq!(body["code"], "invalid_field");
    let unknown: Value = notice(&server, "?site=nowhere")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(unknown["code"], "unknown_site");
    let foreign = Client::new()
        .get(server.url("/api/v1/privacy?site=riverton"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .expect("sent");
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
    let body: Value = foreign.json().await.expect("json");
    assert_eq!(body["code"], "origin_not_allowed");
    let allowed = Client::new()
        .get(server.url("/api/v1/privacy?site=riverton&lang=es"))
        .header("origin", "https://www.riverton.example")
        .send()
        .await
        .expect("sent");
    assert_eq!(allowed.status(), StatusCode::OK);
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("https://www.riverton.example")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consent_is_required_stored_audited_exported_and_renewed() {
    let server = start("v1", true).await;
    let db = pool(&server).await;
    let question = |consent: Option<&str>, conversation: Option<&str>| {
        let mut body =
            json!({"site": "riverton", "text": "when is trash picked up", "page_lang": "en"});
        if let Some(c) = consent {
            body["consent"] = json!(c);
        }
        if let Some(c) = conversation {
            body["conversation_id"] = json!(c);
        }
        body
    };

    // Without consent, or with a version the site never had: refused, nothing stored.
    for consent in [None, Some("v0"), Some("")] {
        let (status, body) = ask(&server, question(consent, None)).await;
        assert_eq!(
            status,
            StatusCode::PRECONDITION_REQUIRED,
            "{consent:?}: {body:#}"
        );
        assert_eq!(body["code"], "consent_required", "{body:#}");
    }
    assert_eq!(count(&db, "SELECT COUNT(*) FROM conversations").await, 0);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM messages").await, 0);

    // Accepted: answered, and the version is stored with the conversation.
    let (status, reply) = ask(&server, question(Some("v1"), None)).await;
    assert_eq!(status, StatusCode::OK, "{reply:#}");
    let conversation = reply["conversation_id"].as_str().expect("id").to_owned();
    let stored: (Option<String>, Option<String>) =
        sqlx::query_as("SELECT consent_version, consent_at FROM conversations WHERE id = ?")
            .bind(&conversation)
            .fetch_one(&db)
            .await
            .expect("conversation");
    assert_eq!(stored.0.as_deref(), Some("v1"));
    assert!(stored.1.is_some());
    // A second question in the same conversation: no second audit entry.
    let (status, _) = ask(&server, question(Some("v1"), Some(&conversation))).await;
    assert_eq!(status, StatusCode::OK);
    let consents = |db: sqlx::SqlitePool, subject: String| async move {
        sqlx::query_as::<_, (String, String, Option<String>)>(
            "SELECT actor, subject, detail FROM audit_log WHERE action = 'consent' AND subject = ? ORDER BY seq",
        )
        .bind(subject)
        .fetch_all(&db)
        .await
        .expect("audit")
    };
    let audited = consents(db.clone(), conversation.clone()).await;
    assert_eq!(audited.len(), 1, "{audited:?}");
    assert_eq!(audited[0].0, "resident");
    assert_eq!(audited[0].2.as_deref(), Some(r#"{"version":"v1"}"#));

    // The data request export (what `wayfinder export-conversation` prints) includes it.
    let store =
        server::store::SqliteStore::connect(&format!("sqlite://{}", server.database().display()))
            .await
            .expect("store");
    let exported = store
        .export_conversation(&conversation)
        .await
        .expect("export")
        .expect("kept");
    assert_eq!(
        exported["conversation"]["consent_version"], "v1",
        "{exported:#}"
    );
    assert!(exported["conversation"]["consent_at"].is_string());
    drop(store);
    db.close().await;

    // The city changes its notice: the old consent no longer counts, in the same conversation
    // or a new one, until the resident accepts the new version.
    let server = restart(server, "v2").await;
    let db = pool(&server).await;
    let body: Value = notice(&server, "?site=riverton&lang=en")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(body["version"], "v2");
    for conversation in [Some(conversation.as_str()), None] {
        let (status, body) = ask(&server, question(Some("v1"), conversation)).await;
        assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "{body:#}");
        assert_eq!(body["code"], "consent_required");
        assert!(
            body["message"]
                .as_str()
                .is_some_and(|m| m.contains("changed")),
            "{body:#}"
        );
    }
    let messages = count(&db, "SELECT COUNT(*) FROM messages").await;
    assert_eq!(messages, 4, "only the two accepted questions are stored");
    let (status, reply) = ask(&server, question(Some("v2"), Some(&conversation))).await;
    assert_eq!(status, StatusCode::OK, "{reply:#}");
    assert_eq!(reply["conversation_id"], conversation.as_str());
    let version: Option<String> =
        sqlx::query_scalar("SELECT consent_version FROM conversations WHERE id = ?")
            .bind(&conversation)
            .fetch_one(&db)
            .await
            .expect("conversation");
    assert_eq!(version.as_deref(), Some("v2"));
    let audited = consents(db.clone(), conversation.clone()).await;
    assert_eq!(audited.len(), 2, "{audited:?}");
    assert_eq!(audited[1].2.as_deref(), Some(r#"{"version":"v2"}"#));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_without_required_consent_answers_without_it_and_stores_none() {
    let server = start("2026-11-01", false).await;
    let body: Value = notice(&server, "?site=riverton&lang=es")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(body["required"], false);
    assert_eq!(body["version"], "2026-11-01");
    let (status, reply) = ask(
        &server,
        json!({"site": "riverton", "text": "when is trash picked up"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{reply:#}");
    // An old version sent anyway is ignored, not refused.
    let (status, _) = ask(
        &server,
        json!({"site": "riverton", "text": "when is trash picked up", "consent": "old"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let db = pool(&server).await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM conversations WHERE consent_version IS NOT NULL"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'consent'"
        )
        .await,
        0
    );
}

/// POSTs `body` to `path` and returns the status and the error code, if any.
async fn post(server: &common::TestServer, path: &str, body: Value) -> (StatusCode, Value) {
    let response = Client::new()
        .post(server.url(path))
        .json(&body)
        .send()
        .await
        .expect("request is sent");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chats_messages_and_service_requests_need_consent_too() {
    // Live chat and service requests store what residents write without asking the bot first:
    // they take the same consent as questions.
    let dir = tempfile::tempdir().expect("temp dir");
    let text = config_text(dir.path(), "2026-11-01", true) + "\n[sites.open311]\n";
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    let pool = pool(&server).await;
    let chat = json!({"site": "riverton", "lang": "es"});
    let ticket = json!({"site": "riverton", "lang": "es", "message": "Llámenme por favor"});
    let request = json!({
        "site": "riverton", "lang": "es", "service_code": "pothole",
        "address": "Calle Mayor 120",
        "attributes": {"size": "large"},
        "contact": {"email": "ana@example.com"}
    });
    // With consent, a chat gets past it to the next check (nobody is signed in to take it).
    let cases = [
        (
            "/api/v1/chats",
            chat,
            "SELECT COUNT(*) FROM chats",
            StatusCode::CONFLICT,
            0,
        ),
        (
            "/api/v1/tickets",
            ticket,
            "SELECT COUNT(*) FROM tickets",
            StatusCode::CREATED,
            1,
        ),
        (
            "/api/v1/requests",
            request,
            "SELECT COUNT(*) FROM service_requests",
            StatusCode::CREATED,
            1,
        ),
    ];
    for (path, body, table, then, stored) in &cases {
        for consent in [None, Some("2025-01-01")] {
            let mut sent = body.clone();
            if let Some(version) = consent {
                sent["consent"] = json!(version);
            }
            let (status, error) = post(&server, path, sent).await;
            assert_eq!(
                status,
                StatusCode::PRECONDITION_REQUIRED,
                "{path} {consent:?}: {error}"
            );
            assert_eq!(error["code"], "consent_required", "{path}: {error}");
            assert_eq!(count(&pool, table).await, 0, "{path} stored nothing");
        }
        let mut accepted = body.clone();
        accepted["consent"] = json!("2026-11-01");
        let (status, reply) = post(&server, path, accepted).await;
        assert_eq!(status, *then, "{path}: {reply}");
        assert_ne!(reply["code"], "consent_required", "{path}: {reply}");
        assert_eq!(count(&pool, table).await, *stored, "{path}");
    }
    server.stop().await;
}
