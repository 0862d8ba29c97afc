//! Service requests on a real server: forms from a city's Open311 system (a test upstream in
//! `common/open311_upstream.rs`), submitting with the API key, realtime ids and batch tokens,
//! outages that lose nothing, "where is my request …?" in two languages, the status page, and
//! Wayfinder's own GeoReport v2 endpoints in local-queue mode (JSON and XML, the standard's
//! errors).

mod common;

use common::open311_upstream::{self, API_KEY, BATCH, REALTIME};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

/// Service entries for the test services, in English and Spanish.
fn service_entry(id: &str, code: &str, title: &str, also: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\nkind = \"service\"\ntitle = \"{title}\"\nalso_asked = [\"{also}\"]\nkeywords = [\"{also}\"]\ntopic = \"streets\"\nstatus = \"published\"\nlast_reviewed = 2026-11-01\nowner = \"Public Works\"\nurl = \"https://www.riverton.example/streets/{id}\"\nform_url = \"https://www.riverton.example/311/report?service={code}\"\nopen311_service_code = \"{code}\"\n+++\n{body}\n"
    )
}

/// The demo content plus the two test services, and a config whose `[sites.open311]` is
/// `open311` (TOML lines).
async fn server_with(open311: &str) -> (common::TestServer, tempfile::TempDir) {
    let content = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo_root().join("knowledge/demo"), content.path());
    for (lang, title, also, body) in [
        (
            "en",
            "Report a test pothole",
            "test pothole in the road",
            "Report it and the crew fixes it.",
        ),
        (
            "es",
            "Reportar un bache de prueba",
            "bache de prueba en la calle",
            "Repórtelo y la cuadrilla lo arregla.",
        ),
    ] {
        std::fs::write(
            content
                .path()
                .join(format!("{lang}/streets/test-pothole.md")),
            service_entry("test-pothole", REALTIME, title, also, body),
        )
        .expect("write");
        std::fs::write(
            content
                .path()
                .join(format!("{lang}/streets/test-graffiti.md")),
            service_entry(
                "test-graffiti",
                BATCH,
                &format!("{title} (graffiti)"),
                "test graffiti wall",
                body,
            ),
        )
        .expect("write");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let text = common::demo_config(dir.path(), content.path()) + "\n[sites.open311]\n" + open311;
    let config = common::load_config(dir.path(), &text).expect("config loads");
    (common::start_with(dir, config).await, content)
}

/// With the test upstream; the API key comes from the environment as in production.
async fn upstream_server() -> (
    common::TestServer,
    tempfile::TempDir,
    open311_upstream::Running,
) {
    let upstream = open311_upstream::start().await;
    key_in_environment();
    let (server, content) = server_with(&format!(
        "endpoint = \"{}\"\napi_key_env = \"WAYFINDER_TEST_OPEN311_KEY\"\n",
        upstream.base
    ))
    .await;
    (server, content, upstream)
}

/// The key comes from `.cargo/config.toml`'s `[env]`, which cargo sets for test runs.
fn key_in_environment() {
    assert_eq!(
        std::env::var("WAYFINDER_TEST_OPEN311_KEY").as_deref(),
        Ok(API_KEY),
        "WAYFINDER_TEST_OPEN311_KEY is set by .cargo/config.toml for cargo test"
    );
}

async fn post(server: &common::TestServer, path: &str, body: Value) -> reqwest::Response {
    Client::new()
        .post(server.url(path))
        .json(&body)
        .send()
        .await
        .expect("request is sent")
}

/// The bot's reply to `text` asked on the Riverton site.
async fn ask(server: &common::TestServer, text: &str) -> Value {
    post(
        server,
        "/api/v1/ask",
        json!({"site": "riverton", "text": text}),
    )
    .await
    .json()
    .await
    .expect("reply")
}

async fn get(server: &common::TestServer, path: &str) -> reqwest::Response {
    Client::new()
        .get(server.url(path))
        .send()
        .await
        .expect("request is sent")
}

fn pothole(attributes: Value) -> Value {
    json!({
        "site": "riverton",
        "lang": "es",
        "service_code": REALTIME,
        "address": "100 Main St",
        "attributes": attributes,
        "description": "Un <b>bache</b> enorme frente a la escuela",
        "contact": {"email": "ana@example.com"}
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_goes_to_the_city_and_its_status_comes_back() {
    let (server, _content, upstream) = upstream_server().await;

    let form: Value = get(
        &server,
        &format!("/api/v1/services/{REALTIME}?site=riverton&lang=es"),
    )
    .await
    .json()
    .await
    .expect("a form");
    assert_eq!(form["name"], "Reportar un bache de prueba");
    let codes: Vec<&str> = form["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .filter_map(|q| q["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        ["SIZE", "DEPTH"],
        "in order, information-only attributes left out"
    );
    assert_eq!(form["questions"][0]["datatype"], "singlevaluelist");
    assert_eq!(form["questions"][0]["required"], true);

    // Checked here before bothering the city.
    let missing = post(&server, "/api/v1/requests", pothole(json!({}))).await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = missing.json().await.expect("error");
    assert_eq!(body["code"], "invalid_field");
    assert!(
        body["message"]
            .as_str()
            .unwrap_or_default()
            .contains("SIZE"),
        "{body}"
    );
    assert!(upstream.upstream.posted.lock().expect("lock").is_empty());

    let created = post(
        &server,
        "/api/v1/requests",
        pothole(json!({"SIZE": "large", "DEPTH": "4"})),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let receipt: Value = created.json().await.expect("receipt");
    assert_eq!(receipt["service_request_id"], "638344");
    assert_eq!(
        receipt["service_notice"],
        "We fix potholes within 5 business days."
    );
    let track = receipt["track_url"].as_str().expect("track url");
    assert!(track.ends_with("/track/riverton/638344?lang=es"), "{track}");
    {
        let posted = upstream.upstream.posted.lock().expect("lock");
        let fields = &posted[0];
        let has = |k: &str, v: &str| fields.iter().any(|(a, b)| a == k && b == v);
        assert!(has("api_key", API_KEY));
        assert!(has("attribute[SIZE]", "large") && has("attribute[DEPTH]", "4"));
        assert!(has("address_string", "100 Main St"));
        assert!(
            has("description", "Un bache enorme frente a la escuela"),
            "HTML removed: {fields:?}"
        );
        assert!(has("email", "ana@example.com"));
    }

    let status: Value = get(&server, "/api/v1/requests/638344?site=riverton&lang=es")
        .await
        .json()
        .await
        .expect("status");
    assert_eq!(status["status"], "open");
    assert_eq!(status["status_notes"], "Crew scheduled for Thursday.");

    // Asking the bot, in Spanish and in English.
    let reply = ask(&server, "¿Dónde está mi solicitud 638344?").await;
    assert_eq!(reply["outcome"], "answer", "{reply:#}");
    assert_eq!(reply["lang"], "es");
    assert_eq!(reply["answer"]["id"], "request-status");
    let html = reply["answer"]["html"].as_str().unwrap_or_default();
    assert!(html.contains("Crew scheduled for Thursday."), "{html}");
    assert!(html.contains("2026-11-25 14:30"), "in city time: {html}");
    assert_eq!(reply["actions"][0]["kind"], "status");
    // In Arabic, with the number in Arabic-Indic digits.
    let reply = ask(&server, "أين طلبي رقم ٦٣٨٣٤٤؟").await;
    assert_eq!(reply["lang"], "ar", "{reply:#}");
    assert_eq!(reply["answer"]["id"], "request-status", "{reply:#}");
    let html = reply["answer"]["html"].as_str().unwrap_or_default();
    assert!(html.contains("Crew scheduled for Thursday."), "{html}");
    let unknown = ask(&server, "where is my request 999999?").await;
    assert_eq!(unknown["outcome"], "handoff");
    assert!(
        unknown["message"]
            .as_str()
            .unwrap_or_default()
            .contains("999999"),
        "{unknown:#}"
    );

    // The bookmarkable page, without JavaScript.
    let page = get(&server, "/track/riverton/638344?lang=es").await;
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    let html = page.text().await.expect("page");
    assert!(
        html.contains("<html lang=\"es\" dir=\"ltr\">") && html.contains("Solicitud 638344"),
        "{html}"
    );
    assert_eq!(
        get(&server, "/track/riverton/999999").await.status(),
        StatusCode::NOT_FOUND
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_token_is_resolved_to_a_tracking_number() {
    let (server, _content, upstream) = upstream_server().await;
    let created = post(
        &server,
        "/api/v1/requests",
        json!({"site": "riverton", "lang": "en", "service_code": BATCH, "lat": 41.51, "long": -90.57}),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let receipt: Value = created.json().await.expect("receipt");
    assert_eq!(receipt["service_request_id"], "700001", "{receipt:#}");
    assert!(
        upstream
            .upstream
            .token_looks
            .load(std::sync::atomic::Ordering::SeqCst)
            >= 2
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_is_explained_and_the_same_request_can_be_sent_again() {
    let (server, _content, upstream) = upstream_server().await;
    upstream
        .upstream
        .down
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let request = pothole(json!({"SIZE": "small"}));
    let failed = post(&server, "/api/v1/requests", request.clone()).await;
    assert_eq!(failed.status(), StatusCode::BAD_GATEWAY);
    let body: Value = failed.json().await.expect("error");
    assert_eq!(body["code"], "upstream_failed");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("(555) 010-0100"),
        "the fallback is named: {message}"
    );

    let reply = ask(&server, "status of my request 638344").await;
    assert_eq!(
        reply["outcome"], "handoff",
        "honest when the city's system is down"
    );

    upstream
        .upstream
        .down
        .store(false, std::sync::atomic::Ordering::SeqCst);
    let retried = post(&server, "/api/v1/requests", request).await;
    assert_eq!(retried.status(), StatusCode::CREATED);
    assert_eq!(upstream.upstream.posted.lock().expect("lock").len(), 1);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_api_key_is_reported_as_an_upstream_failure() {
    let upstream = open311_upstream::start().await;
    let (server, _content) = server_with(&format!(
        "endpoint = \"{}\"\napi_key_env = \"WAYFINDER_TEST_OPEN311_NO_SUCH_KEY\"\n",
        upstream.base
    ))
    .await;
    let failed = post(
        &server,
        "/api/v1/requests",
        pothole(json!({"SIZE": "small"})),
    )
    .await;
    assert_eq!(failed.status(), StatusCode::BAD_GATEWAY);
    let body: Value = failed.json().await.expect("error");
    assert!(
        body["message"]
            .as_str()
            .unwrap_or_default()
            .contains("api_key"),
        "{body}"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_queue_mode_serves_the_georeport_documents() {
    let (server, _content) = server_with("").await;
    let client = Client::new();

    let discovery: Value = get(&server, "/open311/v2/discovery.json")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        discovery["endpoints"][0]["specification"],
        "http://wiki.open311.org/GeoReport_v2"
    );
    let services: Value = get(&server, "/open311/v2/services.json")
        .await
        .json()
        .await
        .expect("json");
    let codes: Vec<&str> = services
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|s| s["service_code"].as_str())
        .collect();
    assert!(
        codes.contains(&REALTIME) && codes.contains(&BATCH),
        "{codes:?}"
    );
    let xml = get(&server, "/open311/v2/services.xml")
        .await
        .text()
        .await
        .expect("xml");
    assert!(
        xml.starts_with("<?xml") && xml.contains("<services><service>"),
        "{xml}"
    );
    assert!(
        xml.contains(&format!("<service_code>{BATCH}</service_code>")),
        "{xml}"
    );
    let definition = get(&server, &format!("/open311/v2/services/{REALTIME}.xml"))
        .await
        .text()
        .await
        .expect("xml");
    assert!(
        definition.contains("<service_definition>")
            && definition.contains(&format!("<service_code>{REALTIME}</service_code>")),
        "{definition}"
    );

    // The standard's errors, with its statuses.
    let missing = client
        .post(server.url("/open311/v2/requests.json"))
        .form(&[("address_string", "100 Main St")])
        .send()
        .await
        .expect("sent");
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    let errors: Value = missing.json().await.expect("json");
    assert_eq!(errors[0]["code"], 400);
    let nowhere = client
        .post(server.url("/open311/v2/requests.xml"))
        .form(&[("service_code", REALTIME)])
        .send()
        .await
        .expect("sent");
    assert_eq!(nowhere.status(), StatusCode::BAD_REQUEST);
    let xml = nowhere.text().await.expect("xml");
    assert!(xml.contains("<errors><error><code>400</code>"), "{xml}");

    let created: Value = client
        .post(server.url("/open311/v2/requests.json"))
        .form(&[
            ("service_code", REALTIME),
            ("lat", "41.51"),
            ("long", "-90.57"),
            ("description", "Deep hole"),
            ("email", "ana@example.com"),
        ])
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    let id = created[0]["service_request_id"]
        .as_str()
        .expect("an id")
        .to_owned();
    assert_eq!(id, "100001");

    let one: Value = get(&server, &format!("/open311/v2/requests/{id}.json"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(one[0]["status"], "open");
    assert_eq!(one[0]["description"], "Deep hole");
    assert_eq!(one[0]["lat"], 41.51);
    let listed: Value = get(&server, "/open311/v2/requests.json?status=open")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    let closed: Value = get(&server, "/open311/v2/requests.json?status=closed")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(closed, json!([]));
    let xml = get(&server, &format!("/open311/v2/requests/{id}.xml"))
        .await
        .text()
        .await
        .expect("xml");
    assert!(xml.contains("<service_requests><request>"), "{xml}");
    assert!(
        xml.contains(&format!("<service_request_id>{id}</service_request_id>")),
        "{xml}"
    );
    let unknown = get(&server, "/open311/v2/requests/424242.json").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // Residents' widget path in local mode, and the bot's answer about it.
    let receipt: Value = post(
        &server,
        "/api/v1/requests",
        json!({"site": "riverton", "lang": "en", "service_code": REALTIME, "address": "5 Elm St"}),
    )
    .await
    .json()
    .await
    .expect("receipt");
    assert_eq!(receipt["service_request_id"], "100002");
    let reply = ask(&server, "where is my request 100002?").await;
    assert_eq!(reply["answer"]["id"], "request-status", "{reply:#}");
    server.stop().await;
}
