//! The HTTP API of a real server on 127.0.0.1, as a resident's browser and others see it.

mod common;

use protocol::{ActionKind, AskResponse, ErrorBody, ErrorCode, Outcome};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

const ALLOWED_ORIGIN: &str = "https://www.riverton.example";

async fn ask(client: &Client, server: &common::TestServer, body: Value) -> reqwest::Response {
    client
        .post(server.url("/api/v1/ask"))
        .header("Origin", ALLOWED_ORIGIN)
        .json(&body)
        .send()
        .await
        .expect("request is sent")
}

async fn ask_ok(client: &Client, server: &common::TestServer, body: Value) -> AskResponse {
    let response = ask(client, server, body).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("an AskResponse")
}

async fn error_of(response: reqwest::Response) -> (StatusCode, ErrorBody) {
    let status = response.status();
    let body: ErrorBody = response.json().await.expect("an ErrorBody");
    (status, body)
}

#[tokio::test]
async fn english_question_gets_the_right_answer_with_its_source() {
    let server = common::start().await;
    let client = Client::new();
    let reply = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "when is trash picked up", "page_lang": "en"}),
    )
    .await;
    assert_eq!(reply.outcome, Outcome::Answer);
    assert_eq!(reply.lang, "en");
    let answer = reply.answer.expect("an answer");
    assert_eq!(answer.id, "trash-collection-day");
    assert_eq!(answer.lang, "en");
    assert!(
        answer
            .source_url
            .starts_with("https://www.riverton.example/")
    );
    assert_eq!(answer.last_reviewed.len(), 10, "{}", answer.last_reviewed);
    assert!(!answer.short.is_empty() && !answer.html.is_empty());
    assert!(!reply.message.is_empty());
}

#[tokio::test]
async fn spanish_question_on_an_english_page_is_answered_in_spanish() {
    let server = common::start().await;
    let client = Client::new();
    let reply = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "¿cómo pago mi factura de agua?", "page_lang": "en", "languages": ["en-US"]}),
    )
    .await;
    assert_eq!(reply.outcome, Outcome::Answer);
    assert_eq!(reply.lang, "es");
    let answer = reply.answer.expect("an answer");
    assert_eq!(answer.id, "pay-water-bill");
    assert_eq!(answer.lang, "es");
    assert_eq!(reply.message, "Esto es lo que encontré.");
}

#[tokio::test]
async fn french_after_spanish_on_an_english_page_is_answered_in_french() {
    let server = common::start().await;
    let client = Client::new();
    let spanish = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "¿Cuándo abre la biblioteca?", "page_lang": "en"}),
    )
    .await;
    assert_eq!(spanish.lang, "es");
    // The city has no French content and the bot speaks French: French, not Spanish.
    let french = ask_ok(
        &client,
        &server,
        json!({
            "site": "riverton",
            "text": "Quand la bibliothèque est-elle ouverte ?",
            "page_lang": "en",
            "conversation_id": spanish.conversation_id,
        }),
    )
    .await;
    assert_eq!(french.lang, "fr", "{}", french.message);
    assert_eq!(french.conversation_id, spanish.conversation_id);
    assert!(!french.message.is_empty());
    assert_ne!(french.message, spanish.message);
}

#[tokio::test]
async fn accents_typed_as_combining_marks_find_the_same_answer() {
    use unicode_normalization::UnicodeNormalization as _;
    let server = common::start().await;
    let client = Client::new();
    // Vietnamese with its tone marks as separate characters, as some keyboards type it, and
    // Korean typed as separate jamo: the content is written with precomposed characters.
    for (text, lang, id) in [
        ("khi nào thu gom rác", "vi", "trash-collection-day"),
        ("도서관 운영 시간", "ko", "library-hours"),
    ] {
        let decomposed: String = text.nfd().collect();
        assert_ne!(decomposed, text, "{text} has characters to decompose");
        let reply = ask_ok(
            &client,
            &server,
            json!({"site": "riverton", "text": decomposed, "page_lang": "en"}),
        )
        .await;
        assert_eq!(reply.outcome, Outcome::Answer, "{text}: {reply:?}");
        assert_eq!(reply.lang, lang, "{text}");
        let answer = reply.answer.expect("an answer");
        assert_eq!((answer.id.as_str(), answer.lang.as_str()), (id, lang));
    }
}

#[tokio::test]
async fn question_the_city_cannot_answer_is_handed_off_not_guessed() {
    let server = common::start().await;
    let client = Client::new();
    let reply = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "what is the capital of Mongolia"}),
    )
    .await;
    assert_eq!(reply.outcome, Outcome::Handoff);
    assert!(reply.answer.is_none());
    assert!(
        reply
            .actions
            .iter()
            .any(|a| a.url == "https://www.riverton.example/contact"),
        "{:?}",
        reply.actions
    );
    assert!(
        reply.actions.iter().any(|a| a.url == "tel:5550100100"),
        "{:?}",
        reply.actions
    );
}

#[tokio::test]
async fn choices_come_with_the_ways_to_reach_a_person() {
    let server = common::start().await;
    let client = Client::new();
    // One word that several entries are about: the bot asks which one is meant, and a
    // resident whose question none of them answers can reach staff from the same reply.
    let reply = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "water", "page_lang": "en"}),
    )
    .await;
    assert_eq!(reply.outcome, Outcome::Choices, "{reply:?}");
    assert!(reply.choices.len() >= 2, "{:?}", reply.choices);
    // The message says so, naming the city (screen readers hear it, not the actions).
    assert!(
        reply.message.contains("If none of them fits")
            && reply.message.contains("City of Riverton"),
        "{}",
        reply.message
    );
    let kinds_and_urls: Vec<(ActionKind, &str)> = reply
        .actions
        .iter()
        .map(|a| (a.kind, a.url.as_str()))
        .collect();
    for expected in [
        (ActionKind::Chat, "/api/v1/chats"),
        (ActionKind::Human, "https://www.riverton.example/contact"),
        (ActionKind::Human, "tel:5550100100"),
    ] {
        assert!(kinds_and_urls.contains(&expected), "{kinds_and_urls:?}");
    }
}

#[tokio::test]
async fn conversation_continues_and_choices_can_be_picked() {
    let server = common::start().await;
    let client = Client::new();
    let first = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "basura"}),
    )
    .await;
    assert_eq!(first.lang, "es");
    let second = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "", "choice": "pay-water-bill", "conversation_id": first.conversation_id}),
    )
    .await;
    assert_eq!(second.conversation_id, first.conversation_id);
    assert_eq!(second.outcome, Outcome::Answer);
    let answer = second.answer.expect("the picked entry");
    assert_eq!(
        (answer.id.as_str(), answer.lang.as_str()),
        ("pay-water-bill", "es")
    );

    let response = ask(
        &client,
        &server,
        json!({"site": "riverton", "text": "", "choice": "no-such-entry", "conversation_id": first.conversation_id}),
    )
    .await;
    let (status, body) = error_of(response).await;
    assert_eq!(
        (status, body.code),
        (StatusCode::NOT_FOUND, ErrorCode::UnknownEntry)
    );
}

#[tokio::test]
async fn unknown_origin_is_refused_and_allowed_origin_gets_cors() {
    let server = common::start().await;
    let client = Client::new();
    let response = client
        .post(server.url("/api/v1/ask"))
        .header("Origin", "https://evil.example")
        .json(&json!({"site": "riverton", "text": "trash"}))
        .send()
        .await
        .unwrap();
    let (status, body) = error_of(response).await;
    assert_eq!(
        (status, body.code),
        (StatusCode::FORBIDDEN, ErrorCode::OriginNotAllowed)
    );

    let preflight = client
        .request(reqwest::Method::OPTIONS, server.url("/api/v1/ask"))
        .header("Origin", ALLOWED_ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    assert_eq!(
        preflight.headers()["access-control-allow-origin"],
        ALLOWED_ORIGIN
    );
    let evil_preflight = client
        .request(reqwest::Method::OPTIONS, server.url("/api/v1/ask"))
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    assert!(
        evil_preflight
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}

/// Posts `body` to `url` with `content_type` (none when `None`).
async fn post_raw(
    client: &Client,
    url: &str,
    content_type: Option<&str>,
    body: String,
) -> reqwest::Response {
    let mut request = client.post(url).body(body);
    if let Some(content_type) = content_type {
        request = request.header("Content-Type", content_type);
    }
    request.send().await.expect("request is sent")
}

#[tokio::test]
async fn bad_requests_get_stable_codes() {
    let server = common::start().await;
    let client = Client::new();
    let url = server.url("/api/v1/ask");
    let json = Some("application/json");
    let huge = "a".repeat(protocol::MAX_BODY_BYTES + 10);
    let long = "trash ".repeat(protocol::MAX_QUESTION_CHARS / 5);
    let cases: Vec<(&str, Option<&str>, String, StatusCode, ErrorCode)> = vec![
        (
            "oversized body",
            json,
            format!(r#"{{"site":"riverton","text":"{huge}"}}"#),
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::PayloadTooLarge,
        ),
        (
            "truncated JSON",
            json,
            r#"{"site": "riverton", "text": "#.into(),
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidJson,
        ),
        (
            "unknown field",
            json,
            r#"{"site": "riverton", "question": "trash"}"#.into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidJson,
        ),
        (
            "form body",
            None,
            "text=trash".into(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
        ),
        (
            "blank question",
            json,
            json!({"site": "riverton", "text": "   "}).to_string(),
            StatusCode::BAD_REQUEST,
            ErrorCode::EmptyQuestion,
        ),
        (
            "long question",
            json,
            json!({"site": "riverton", "text": long}).to_string(),
            StatusCode::BAD_REQUEST,
            ErrorCode::QuestionTooLong,
        ),
        (
            "unknown site",
            json,
            json!({"site": "springfield", "text": "trash"}).to_string(),
            StatusCode::NOT_FOUND,
            ErrorCode::UnknownSite,
        ),
        (
            "bad conversation id",
            json,
            json!({"site": "riverton", "text": "trash", "conversation_id": "../../etc"})
                .to_string(),
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidField,
        ),
    ];
    for (case, content_type, body, status, code) in cases {
        let (got_status, got) = error_of(post_raw(&client, &url, content_type, body).await).await;
        assert_eq!(
            (got_status, got.code),
            (status, code),
            "{case}: {}",
            got.message
        );
    }

    let (status, body) =
        error_of(client.get(server.url("/api/v1/nope")).send().await.unwrap()).await;
    assert_eq!(
        (status, body.code),
        (StatusCode::NOT_FOUND, ErrorCode::NotFound)
    );
    let (status, body) = error_of(client.get(&url).send().await.unwrap()).await;
    assert_eq!(
        (status, body.code),
        (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed)
    );
}

#[tokio::test]
async fn personal_data_is_redacted_before_it_is_stored() {
    let server = common::start().await;
    let client = Client::new();
    let text = "my water bill is wrong, email me at ana.perez@example.org or call 555-123-4567, account 00123456789";
    let reply = ask_ok(&client, &server, json!({"site": "riverton", "text": text})).await;

    let store =
        server::store::SqliteStore::connect(&format!("sqlite://{}", server.database().display()))
            .await
            .expect("open the server's database");
    let stored = store.resident_texts(&reply.conversation_id).await.unwrap();
    assert_eq!(stored.len(), 1, "{stored:?}");
    let stored = &stored[0];
    assert!(!stored.contains("ana.perez"), "{stored}");
    assert!(!stored.contains("4567"), "{stored}");
    assert!(!stored.contains("00123456789"), "{stored}");
    assert!(
        stored.contains("[email]") && stored.contains("[phone]") && stored.contains("[number]"),
        "{stored}"
    );
    assert!(stored.starts_with("my water bill is wrong"), "{stored}");
}

#[tokio::test]
async fn feedback_is_recorded_for_real_replies_only() {
    let server = common::start().await;
    let client = Client::new();
    let reply = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "library hours"}),
    )
    .await;
    let response = client
        .post(server.url("/api/v1/feedback"))
        .header("Origin", ALLOWED_ORIGIN)
        .json(&json!({"site": "riverton", "conversation_id": reply.conversation_id, "message_id": reply.message_id, "helpful": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<Value>().await.unwrap()["recorded"], true);

    let response = client
        .post(server.url("/api/v1/feedback"))
        .json(&json!({"site": "riverton", "conversation_id": reply.conversation_id, "message_id": "not-a-reply", "helpful": false}))
        .send()
        .await
        .unwrap();
    let (status, body) = error_of(response).await;
    assert_eq!(
        (status, body.code),
        (StatusCode::NOT_FOUND, ErrorCode::UnknownConversation)
    );
}

#[tokio::test]
async fn health_demo_page_and_widget_locales_are_served() {
    let server = common::start().await;
    let client = Client::new();
    let health: Value = client
        .get(server.url("/healthz"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["sites"][0]["id"], "riverton");
    assert!(health["sites"][0]["entries"].as_u64().unwrap() >= 80);

    let page = client.get(server.url("/")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains(r#"<script src="/widget/widget.js" data-site="riverton" async></script>"#),
        "the demo page embeds the widget with the one-line snippet"
    );

    let ftl = client
        .get(server.url("/widget/locales/es/widget.ftl"))
        .send()
        .await
        .unwrap();
    assert_eq!(ftl.status(), StatusCode::OK);
    assert!(!ftl.text().await.unwrap().is_empty());
}

#[tokio::test]
async fn content_errors_stop_the_server_with_path_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&common::repo_root().join("knowledge/demo"), &content);
    let broken = content.join("en/trash/trash-collection-day.md");
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(
        &broken,
        text.replacen("kind = \"faq\"", "kind = \"faq\"\ncolour = \"blue\"", 1),
    )
    .unwrap();
    let config =
        common::load_config(dir.path(), &common::demo_config(dir.path(), &content)).unwrap();
    let error = server::AppState::from_config(config)
        .await
        .err()
        .expect("broken content is refused");
    let message = format!("{error:#}");
    assert!(
        message.contains("en/trash/trash-collection-day.md:4: error: unknown key `colour`"),
        "{message}"
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create the copy's folder");
    for item in std::fs::read_dir(from).expect("read the content folder") {
        let item = item.expect("read a folder entry");
        let target = to.join(item.file_name());
        if item.path().is_dir() {
            copy_dir(&item.path(), &target);
        } else {
            std::fs::copy(item.path(), target).expect("copy a content file");
        }
    }
}

#[tokio::test]
async fn one_client_flooding_the_api_is_slowed_down() {
    let dir = tempfile::tempdir().unwrap();
    let config_text = common::demo_config(dir.path(), &common::repo_root().join("knowledge/demo"))
        + "\n[server.rate_limit]\nburst = 2\nper_minute = 1\n";
    let config = common::load_config(dir.path(), &config_text).unwrap();
    let server = common::start_with(dir, config).await;
    let client = Client::new();
    let body = json!({"site": "riverton", "text": "library hours"});
    for _ in 0..2 {
        assert_eq!(
            ask(&client, &server, body.clone()).await.status(),
            StatusCode::OK
        );
    }
    let response = ask(&client, &server, body).await;
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    let (status, error) = error_of(response).await;
    assert_eq!(
        (status, error.code),
        (StatusCode::TOO_MANY_REQUESTS, ErrorCode::RateLimited)
    );
    // Other endpoints (health, assets) are not limited.
    let health = client.get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_site_can_reword_the_bots_messages() {
    let content = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo_root().join("knowledge/demo"), content.path());
    std::fs::create_dir_all(content.path().join("messages")).expect("folder");
    std::fs::write(
        content.path().join("messages/es.ftl"),
        "bot-handoff = Nuestro equipo 311 de { $site } le atiende de lunes a viernes.\n",
    )
    .expect("write");
    let dir = tempfile::tempdir().expect("temp dir");
    let text = common::demo_config(dir.path(), content.path());
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    let client = Client::new();
    let spanish = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "¿dónde compro entradas para el acuario de cebras?", "page_lang": "es"}),
    )
    .await;
    assert_eq!(spanish.outcome, Outcome::Handoff);
    assert_eq!(
        spanish.message,
        "Nuestro equipo 311 de City of Riverton le atiende de lunes a viernes."
    );
    let english = ask_ok(
        &client,
        &server,
        json!({"site": "riverton", "text": "zebrafish aquarium tickets", "page_lang": "en"}),
    )
    .await;
    assert_eq!(english.outcome, Outcome::Handoff);
    assert!(
        english.message.starts_with("I'm sorry"),
        "other languages keep the bot's words: {}",
        english.message
    );
    server.stop().await;
}

/// The server's own OpenAPI description.
async fn description(server: &common::TestServer) -> Value {
    Client::new()
        .get(server.url("/openapi.json"))
        .send()
        .await
        .expect("request is sent")
        .json()
        .await
        .expect("the description is JSON")
}

/// `cargo xtask api-check` found replies whose `report` action the description did not list.
#[tokio::test]
async fn replies_offering_to_report_here_use_documented_action_kinds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = common::demo_config(dir.path(), &common::repo_root().join("knowledge/demo"))
        + "\n[sites.open311]\n";
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    let response = ask(
        &Client::new(),
        &server,
        json!({"site": "riverton", "text": "my landlord does not fix the heat, report unsafe conditions", "page_lang": "en"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let reply: Value = response.json().await.expect("a reply");
    let kinds: Vec<&str> = reply["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| a["kind"].as_str().expect("a kind"))
        .collect();
    assert!(kinds.contains(&"report"), "{reply:#}");
    let doc = description(&server).await;
    let documented = doc["components"]["schemas"]["Action"]["properties"]["kind"]["enum"]
        .as_array()
        .expect("an enum of kinds");
    for kind in kinds {
        assert!(
            documented.iter().any(|k| k == kind),
            "{kind} is not documented"
        );
    }
    server.stop().await;
}

/// `cargo xtask api-check` found the staff sign-out (204) and the console's WebSocket refusing
/// a plain GET (400, plain text) answering with statuses the description did not list.
#[tokio::test]
async fn signing_out_and_the_consoles_socket_answer_as_documented() {
    let server = common::start().await;
    common::live::add_staff(&server, "riverton", "alex@riverton.example", "Alex").await;
    let staff = common::live::Staff::login(&server, "alex@riverton.example").await;
    let doc = description(&server).await;

    let socket = &doc["paths"]["/staff/api/live"]["get"]["responses"];
    assert!(
        socket.get("101").is_some() && socket.get("200").is_none(),
        "{socket}"
    );
    let plain = staff.get(&server, "/staff/api/live").await;
    assert_eq!(plain.status(), StatusCode::BAD_REQUEST);
    let content_type = plain
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    assert!(
        socket["400"]["content"].get("text/plain").is_some(),
        "{socket}"
    );
    let mut console = staff.socket(&server).await;
    assert_eq!(
        console.next().await.expect("a queue snapshot")["type"],
        "queue"
    );

    let sign_out = &doc["paths"]["/staff/api/logout"]["post"]["responses"];
    assert!(
        sign_out.get("204").is_some() && sign_out.get("200").is_none(),
        "{sign_out}"
    );
    let out = staff.post(&server, "/staff/api/logout", json!({})).await;
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        staff.get(&server, "/staff/api/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
    server.stop().await;
}

/// The description now says what the server always checked: a staff message's id has 1 to
/// 64 characters, its text is not empty, and no other field is accepted.
#[tokio::test]
async fn staff_messages_are_checked_as_documented() {
    let server = common::start().await;
    common::live::add_staff(&server, "riverton", "alex@riverton.example", "Alex").await;
    let staff = common::live::Staff::login(&server, "alex@riverton.example").await;
    let _console = staff.online(&server).await;
    let chat =
        common::live::ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
    staff.accept(&server, &chat.id).await;

    let doc = description(&server).await;
    let schema = &doc["paths"]["/staff/api/chats/{chat_id}/messages"]["post"]["requestBody"]["content"]
        ["application/json"]["schema"];
    assert_eq!(schema["additionalProperties"], false, "{schema}");
    assert_eq!(schema["properties"]["id"]["minLength"], 1, "{schema}");
    assert_eq!(schema["properties"]["id"]["maxLength"], 64, "{schema}");
    assert_eq!(schema["properties"]["text"]["minLength"], 1, "{schema}");

    let path = format!("/staff/api/chats/{}/messages", chat.id);
    for (body, status, code) in [
        (
            json!({"id": "m".repeat(65), "text": "Hello"}),
            StatusCode::BAD_REQUEST,
            Some("invalid_field"),
        ),
        (
            json!({"id": "", "text": "Hello"}),
            StatusCode::BAD_REQUEST,
            Some("invalid_field"),
        ),
        (
            json!({"id": "m-0", "text": "  "}),
            StatusCode::BAD_REQUEST,
            Some("empty_question"),
        ),
        (
            json!({"id": "m-1", "text": "Hello", "extra": 1}),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        (
            json!({"id": "m".repeat(64), "text": "Hello"}),
            StatusCode::OK,
            None,
        ),
    ] {
        let response = staff.post(&server, &path, body.clone()).await;
        let got = response.status();
        let answer: Value = response.json().await.expect("JSON");
        assert_eq!(got, status, "{body}: {answer}");
        if let Some(code) = code {
            assert_eq!(answer["code"], code, "{body}: {answer}");
        }
    }
    server.stop().await;
}

/// `cargo xtask api-check` found a staff message within its documented 4,000 characters
/// refused with 413 (written with JSON escapes, it exceeds the body limit) where the
/// description listed no 413: every operation with a JSON body now lists it.
#[tokio::test]
async fn oversized_bodies_are_refused_as_documented() {
    let server = common::start().await;
    common::live::add_staff(&server, "riverton", "alex@riverton.example", "Alex").await;
    let staff = common::live::Staff::login(&server, "alex@riverton.example").await;
    let doc = description(&server).await;
    // 4,000 characters, each sent as a six-byte JSON escape.
    let text = "\\u00e7".repeat(protocol::live::MAX_CHAT_MESSAGE_CHARS);
    let body = format!(r#"{{"id": "m-1", "text": "{text}"}}"#);
    let response = staff
        .client
        .post(server.url("/staff/api/chats/any/messages"))
        .header("Cookie", &staff.cookie)
        .header("X-CSRF-Token", &staff.csrf)
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .expect("request is sent");
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let (_, error) = error_of(response).await;
    assert_eq!(error.code, ErrorCode::PayloadTooLarge);
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("operations") {
            if op["requestBody"]["content"]
                .get("application/json")
                .is_some()
            {
                assert!(
                    op["responses"].get("413").is_some(),
                    "{method} {path}: no 413"
                );
            }
        }
    }
    server.stop().await;
}
