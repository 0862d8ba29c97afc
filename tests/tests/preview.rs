//! Draft entries on a real server: residents never see them, by search or by picking their id;
//! a site's admin previews them through `POST /api/v1/ask?preview=1` and the admin preview
//! page, with draft answers marked, nothing stored and nothing counted; everyone else's
//! preview is refused, never answered as a resident's question.

mod common;

use common::live::{Staff, add_staff};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

const ADMIN: &str = "admin@riverton.example";
const STAFF: &str = "alex@riverton.example";
const OTHER_ADMIN: &str = "admin@elsewhere.example";

const DRAFT_ID: &str = "backyard-beehive";
const QUESTION: &str = "Can I keep a beehive in my backyard?";

const DRAFT: &str = r#"+++
id = "backyard-beehive"
kind = "faq"
title = "Can I keep bees in my backyard?"
also_asked = ["keep a beehive in my backyard", "backyard beekeeping rules", "register a beehive"]
keywords = ["beehive", "bees", "beekeeping", "hive", "honey"]
topic = "animals"
status = "draft"
last_reviewed = 2026-10-20
owner = "Animal Services"
url = "https://www.riverton.example/animal-services/bees"
+++
Yes. Register each beehive with Animal Services once a year, and keep hives at least 25 feet from the property line.
"#;

/// A server on a copy of the demo content with one draft entry, an admin and a staff member of
/// Riverton, and an admin of another site.
async fn with_draft() -> (common::TestServer, tempfile::TempDir) {
    let content = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo_root().join("knowledge/demo"), content.path());
    std::fs::write(
        content.path().join(format!("en/animals/{DRAFT_ID}.md")),
        DRAFT,
    )
    .expect("draft written");
    let dir = tempfile::tempdir().expect("temp dir");
    let text = common::demo_config(dir.path(), content.path())
        + "\n[server.rate_limit]\nburst = 1000\nper_minute = 60000\n";
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    add_staff(&server, "riverton", ADMIN, "Robin").await;
    add_staff(&server, "riverton", STAFF, "Alex").await;
    add_staff(&server, "elsewhere", OTHER_ADMIN, "Kim").await;
    let pool = pool(&server).await;
    sqlx::query("UPDATE staff SET role = 'admin' WHERE email IN (?, ?)")
        .bind(ADMIN)
        .bind(OTHER_ADMIN)
        .execute(&pool)
        .await
        .expect("admin role");
    (server, content)
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

/// Asks as a resident; returns the status and the body.
async fn resident_ask(server: &common::TestServer, body: Value) -> (StatusCode, Value) {
    let response = Client::new()
        .post(server.url("/api/v1/ask"))
        .json(&body)
        .send()
        .await
        .expect("request is sent");
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

/// Asks `?preview=1` with the given session cookie and CSRF token (either may be absent).
async fn preview_ask(
    server: &common::TestServer,
    query: &str,
    session: Option<&Staff>,
    csrf: bool,
    body: Value,
) -> (StatusCode, Value) {
    let mut request = Client::new()
        .post(server.url(&format!("/api/v1/ask{query}")))
        .json(&body);
    if let Some(staff) = session {
        request = request.header("cookie", &staff.cookie);
        if csrf {
            request = request.header("x-csrf-token", &staff.csrf);
        }
    }
    let response = request.send().await.expect("request is sent");
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

/// The `wayfinder_answers_total` lines of `/metrics`.
async fn answer_counters(server: &common::TestServer) -> Vec<String> {
    server
        .metrics()
        .await
        .lines()
        .filter(|l| l.starts_with("wayfinder_answers_total"))
        .map(str::to_owned)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn residents_never_see_drafts_and_admins_preview_them() {
    let (server, _content) = with_draft().await;
    let question = json!({"site": "riverton", "text": QUESTION, "page_lang": "en"});

    // Residents: the draft is neither found nor pickable.
    let (status, reply) = resident_ask(&server, question.clone()).await;
    assert_eq!(status, StatusCode::OK, "{reply:#}");
    assert!(!reply.to_string().contains(DRAFT_ID), "{reply:#}");
    assert!(reply.get("preview").is_none(), "{reply:#}");
    let (status, reply) = resident_ask(
        &server,
        json!({"site": "riverton", "text": "", "choice": DRAFT_ID}),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{reply:#}");
    assert_eq!(reply["code"], "unknown_entry");
    let (status, reply) = resident_ask(
        &server,
        json!({"site": "riverton", "text": "backyard beekeeping rules beehive"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!reply.to_string().contains(DRAFT_ID), "{reply:#}");

    // What residents' questions left behind, before any preview.
    let db = pool(&server).await;
    let conversations = count(&db, "SELECT COUNT(*) FROM conversations").await;
    let messages = count(&db, "SELECT COUNT(*) FROM messages").await;
    let counters = answer_counters(&server).await;

    // Refused previews: never answered as a resident's question.
    let (status, body) = preview_ask(&server, "?preview=1", None, false, question.clone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body:#}");
    assert_eq!(body["code"], "unauthorized");
    assert!(body.get("outcome").is_none(), "{body:#}");
    let staff = Staff::login(&server, STAFF).await;
    let (status, body) =
        preview_ask(&server, "?preview=1", Some(&staff), true, question.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body:#}");
    assert_eq!(body["code"], "forbidden");
    let other = Staff::login(&server, OTHER_ADMIN).await;
    let (status, body) =
        preview_ask(&server, "?preview=1", Some(&other), true, question.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body:#}");
    assert_eq!(body["code"], "forbidden");
    let admin = Staff::login(&server, ADMIN).await;
    let (status, body) =
        preview_ask(&server, "?preview=1", Some(&admin), false, question.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body:#}");
    assert_eq!(body["code"], "csrf_rejected");
    let (status, body) = preview_ask(
        &server,
        "?preview=yes",
        Some(&admin),
        true,
        question.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body:#}");
    assert_eq!(body["code"], "invalid_field");

    // The admin's preview answers with the draft, marked.
    let (status, body) =
        preview_ask(&server, "?preview=1", Some(&admin), true, question.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert_eq!(body["preview"], true, "{body:#}");
    assert_eq!(body["outcome"], "answer", "{body:#}");
    assert_eq!(body["answer"]["id"], DRAFT_ID, "{body:#}");
    assert_eq!(body["drafts"], json!([DRAFT_ID]), "{body:#}");
    assert_eq!(body["lang"], "en");
    // Picking the draft works in a preview too; published answers carry no draft mark.
    let (status, body) = preview_ask(
        &server,
        "?preview=1",
        Some(&admin),
        true,
        json!({"site": "riverton", "text": "", "choice": DRAFT_ID}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert_eq!(body["answer"]["id"], DRAFT_ID);
    let (status, body) = preview_ask(
        &server,
        "?preview=1",
        Some(&admin),
        true,
        json!({"site": "riverton", "text": "when is trash picked up", "page_lang": "en"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert_eq!(body["preview"], true);
    assert_eq!(body["drafts"], json!([]), "{body:#}");
    // `preview=0` is a resident's question, whoever asks.
    let (status, body) =
        preview_ask(&server, "?preview=0", Some(&admin), true, question.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert!(body.get("preview").is_none(), "{body:#}");
    assert!(!body.to_string().contains(DRAFT_ID), "{body:#}");

    // Previews left nothing behind: only the `preview=0` question was stored and counted.
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM conversations").await,
        conversations + 1
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM messages").await,
        messages + 2
    );
    let after = answer_counters(&server).await;
    let total = |lines: &[String]| -> f64 {
        lines
            .iter()
            .filter(|l| l.contains("site=\"riverton\""))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum()
    };
    assert_eq!(
        total(&after),
        total(&counters) + 1.0,
        "{counters:?} {after:?}"
    );

    // The content status counts the draft apart from what residents are served.
    let content: Value = admin
        .client
        .get(server.url("/admin/api/content"))
        .header("cookie", &admin.cookie)
        .send()
        .await
        .expect("content status")
        .json()
        .await
        .expect("json");
    assert_eq!(content["content"]["drafts"], 1, "{content:#}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_preview_page_shows_the_draft_marked() {
    let (server, _content) = with_draft().await;
    let client = Client::new();

    let page = client
        .get(server.url("/admin/preview"))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::UNAUTHORIZED);

    let admin = Staff::login(&server, ADMIN).await;
    let page = client
        .get(server.url("/admin/preview"))
        .header("cookie", &admin.cookie)
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    let html = page.text().await.expect("html");
    assert!(html.contains(r#"<form class="preview-form" method="post" action="/admin/preview">"#));
    assert!(html.contains(r#"<label for="preview-question">"#));
    assert!(html.contains(r#"<option value="es""#), "{html}");
    assert!(html.contains("1 draft entry"), "{html}");
    assert!(html.contains(r#"<a href="/admin/preview" aria-current="page">"#));

    let form = format!(
        "csrf_token={}&lang=en&question={}",
        admin.csrf, "Can+I+keep+a+beehive+in+my+backyard%3F"
    );
    let post = |body: String| {
        client
            .post(server.url("/admin/preview"))
            .header("cookie", &admin.cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let answered = post(form.clone()).await.expect("preview");
    assert_eq!(answered.status(), StatusCode::OK);
    let html = answered.text().await.expect("html");
    assert!(html.contains("Can I keep bees in my backyard?"), "{html}");
    assert!(
        html.contains("Draft: residents do not see this yet"),
        "{html}"
    );
    assert!(html.contains("Register each beehive"), "{html}");
    assert!(html.contains("Can I keep a beehive in my backyard?</textarea>"));
    assert_eq!(html.matches("<h1>").count(), 1);

    let expired = post(form.replace(&admin.csrf, "wrong"))
        .await
        .expect("sent");
    assert_eq!(expired.status(), StatusCode::FORBIDDEN);
    let foreign = client
        .post(server.url("/admin/preview"))
        .header("cookie", &admin.cookie)
        .header("origin", "https://elsewhere.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form.clone())
        .send()
        .await
        .expect("sent");
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
    let html = foreign.text().await.expect("html");
    assert!(
        html.contains("this site&#39;s own admin pages")
            || html.contains("this site's own admin pages"),
        "{html}"
    );
    let incomplete = post("lang=en&question=hi".to_owned()).await.expect("sent");
    assert_eq!(incomplete.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = incomplete.text().await.expect("html");
    assert!(html.contains("open the preview page again"), "{html}");
    let empty = post(format!("csrf_token={}&lang=en&question=+", admin.csrf))
        .await
        .expect("sent");
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    let html = empty.text().await.expect("html");
    assert!(html.contains(r#"role="alert""#) && html.contains("Type a question first"));
    let unknown = post(format!("csrf_token={}&lang=xx&question=hi", admin.csrf))
        .await
        .expect("sent");
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Nothing asked on the page was stored.
    let db = pool(&server).await;
    assert_eq!(count(&db, "SELECT COUNT(*) FROM conversations").await, 0);
}
