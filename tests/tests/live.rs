//! Live chat between residents and staff on a real server, over real WebSockets: messages
//! both ways, queue positions, dropped connections and restarts without loss or duplicates,
//! the outside-hours path, access control, and the audit chain.

mod common;

use std::time::Duration;

use common::live::{ResidentChat, Staff, add_staff, is_event};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

const STAFF: &str = "alex@riverton.example";

/// A server with one staff member signed in and their console connected.
async fn staffed() -> (common::TestServer, Staff, common::live::Socket) {
    let server = common::start().await;
    add_staff(&server, "riverton", STAFF, "Alex").await;
    let staff = Staff::login(&server, STAFF).await;
    let console = staff.online(&server).await;
    (server, staff, console)
}

/// Texts of the message events among `frames`, in order.
fn messages(frames: &[Value]) -> Vec<String> {
    frames
        .iter()
        .filter(|f| is_event(f, "message"))
        .map(|f| f["event"]["text"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resident_and_staff_exchange_messages() {
    let (server, staff, mut console) = staffed().await;
    let availability: Value = Client::new()
        .get(server.url("/api/v1/live/availability?site=riverton"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(availability["enabled"], true);
    assert_eq!(availability["open"], true, "{availability}");

    let chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "es"})).await;
    let mut resident = chat.socket(&server, 0).await;
    let queue = resident.expect("queue", |f| f["type"] == "queue").await;
    assert_eq!(queue["position"], 1);
    let waiting = console
        .expect("queue with the chat", |f| {
            f["type"] == "queue" && f["waiting"][0]["chat_id"] == chat.id.as_str()
        })
        .await;
    assert_eq!(waiting["waiting"][0]["lang"], "es");

    let summary = staff.accept(&server, &chat.id).await;
    assert_eq!(summary["state"], "active");
    let joined = resident.expect("joined", |f| is_event(f, "joined")).await;
    assert_eq!(joined["event"]["name"], "Alex");
    assert_eq!(joined["event"]["seq"], 1);
    // The console knows the chat is its own once the join reaches it; from then on the
    // resident's words come live, as typed. (Written earlier, they come from the store,
    // redacted: see `a_message_written_as_the_chat_is_taken_reaches_the_console`.)
    console
        .expect("joined on the console", |f| {
            is_event(f, "joined") && f["chat_id"] == chat.id.as_str()
        })
        .await;

    // Resident → staff, as typed; stored redacted.
    resident
        .send(json!({"type": "message", "id": "m1", "text": "Hola, soy ana@example.com"}))
        .await;
    let ack = resident.expect("ack", |f| f["type"] == "ack").await;
    assert_eq!(ack, json!({"type": "ack", "id": "m1", "seq": 2}));
    let relayed = console
        .expect("resident message", |f| is_event(f, "message"))
        .await;
    assert_eq!(relayed["chat_id"], chat.id.as_str());
    assert_eq!(relayed["event"]["text"], "Hola, soy ana@example.com");
    assert_eq!(relayed["event"]["from"], "resident");

    // Typing reaches the other side.
    resident
        .send(json!({"type": "typing", "active": true}))
        .await;
    let typing = console.expect("typing", |f| f["type"] == "typing").await;
    assert_eq!(typing["active"], true);

    // Staff → resident over the console's socket.
    console
        .send(json!({"type": "message", "chat_id": chat.id, "id": "s1", "text": "¿En qué calle vive?"}))
        .await;
    let ack = console.expect("ack", |f| f["type"] == "ack").await;
    assert_eq!(ack["seq"], 3);
    let reply = resident
        .expect("staff message", |f| {
            is_event(f, "message") && f["event"]["from"] == "staff"
        })
        .await;
    assert_eq!(reply["event"]["text"], "¿En qué calle vive?");
    assert_eq!(reply["event"]["name"], "Alex");

    // What is stored is redacted; what the staff console reads back too.
    let detail: Value = staff
        .get(&server, &format!("/staff/api/chats/{}", chat.id))
        .await
        .json()
        .await
        .unwrap();
    let stored = messages(
        &detail["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| json!({"type": "event", "event": e}))
            .collect::<Vec<_>>(),
    );
    assert_eq!(stored.len(), 2);
    assert!(!stored[0].contains("ana@example.com"), "{stored:?}");

    // The resident ends the chat, rates it and downloads the transcript.
    resident.send(json!({"type": "close"})).await;
    let closed = resident.expect("closed", |f| is_event(f, "closed")).await;
    assert_eq!(closed["event"]["by"], "resident");
    let rating = Client::new()
        .post(server.url(&format!("/api/v1/chats/{}/rating", chat.id)))
        .json(&json!({"token": chat.token, "stars": 5}))
        .send()
        .await
        .unwrap();
    assert_eq!(rating.status(), StatusCode::OK);
    let transcript = Client::new()
        .get(server.url(&format!(
            "/api/v1/chats/{}/transcript?token={}&format=html",
            chat.id, chat.token
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(transcript.status(), StatusCode::OK);
    assert!(
        transcript
            .headers()
            .get("content-disposition")
            .is_some_and(|v| v.to_str().unwrap_or_default().starts_with("attachment"))
    );
    let html = transcript.text().await.unwrap();
    assert!(html.contains("lang=\"es\""), "{html}");
    assert!(html.contains("Alex se unió al chat"), "{html}");
    assert!(html.contains("¿En qué calle vive?"), "{html}");
    server.stop().await;
}

/// A resident who writes the moment a person joins races the console learning that the chat
/// is now its staff member's: the message must reach the console all the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_written_as_the_chat_is_taken_reaches_the_console() {
    let (server, staff, mut console) = staffed().await;
    for round in 0..8 {
        let chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
        let mut resident = chat.socket(&server, 0).await;
        resident.expect("queue", |f| f["type"] == "queue").await;
        let text = format!("Hello, it is about my bin ({round})");
        let write_on_join = async {
            resident.expect("joined", |f| is_event(f, "joined")).await;
            resident
                .send(json!({"type": "message", "id": "m1", "text": text}))
                .await;
            resident.expect("ack", |f| f["type"] == "ack").await
        };
        let (_, ack) = tokio::join!(staff.accept(&server, &chat.id), write_on_join);
        assert_eq!(ack["seq"], 2, "{ack}");
        let relayed = console
            .expect("the resident's message", |f| {
                is_event(f, "message") && f["chat_id"] == chat.id.as_str()
            })
            .await;
        assert_eq!(relayed["event"]["text"], text.as_str());
        staff.close(&server, &chat.id).await;
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queue_positions_move_up_as_chats_are_taken() {
    let (server, staff, _console) = staffed().await;
    let mut chats = Vec::new();
    for _ in 0..3 {
        let chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
        let socket = chat.socket(&server, 0).await;
        chats.push((chat, socket));
    }
    for (place, (_, socket)) in chats.iter_mut().enumerate() {
        let expected = place + 1;
        socket
            .expect("own place", |f| {
                f["type"] == "queue" && f["position"] == expected
            })
            .await;
    }
    staff.accept(&server, &chats[0].0.id).await;
    chats[1]
        .1
        .expect("moved to first", |f| {
            f["type"] == "queue" && f["position"] == 1
        })
        .await;
    chats[2]
        .1
        .expect("moved to second", |f| {
            f["type"] == "queue" && f["position"] == 2
        })
        .await;
    // At the site's limit (2) a third chat is refused, clearly.
    staff.accept(&server, &chats[1].0.id).await;
    let refused = staff
        .post(
            &server,
            &format!("/staff/api/chats/{}/accept", chats[2].0.id),
            json!({}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["code"], "too_many_chats");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_connection_resumes_with_nothing_lost_or_duplicated() {
    let (server, staff, mut console) = staffed().await;
    let chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
    let mut resident = chat.socket(&server, 0).await;
    staff.accept(&server, &chat.id).await;
    resident.expect("joined", |f| is_event(f, "joined")).await;

    // The resident sends, and the connection dies before the ack is read: once the server
    // has stored the message (it reaches the console), since a reset connection can lose a
    // frame the server has not read yet, and the resend below would then be the first copy.
    resident
        .send(json!({"type": "message", "id": "r-1", "text": "My bin was not emptied"}))
        .await;
    console
        .expect("the resident's message", |f| {
            is_event(f, "message") && f["event"]["text"] == "My bin was not emptied"
        })
        .await;
    resident.drop_abruptly();

    // Staff keep writing while the resident is away.
    for (id, text) in [("s-1", "Which street?"), ("s-2", "Is it the green bin?")] {
        let response = staff
            .post(
                &server,
                &format!("/staff/api/chats/{}/messages", chat.id),
                json!({"id": id, "text": text}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    // A resend of a staff message changes nothing.
    let again: Value = staff
        .post(
            &server,
            &format!("/staff/api/chats/{}/messages", chat.id),
            json!({"id": "s-1", "text": "Which street?"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["seq"], 3);

    // The resident comes back having seen only event 1, and resends the unacknowledged
    // message, as the widget does.
    let mut resident = chat.socket(&server, 1).await;
    resident
        .send(json!({"type": "message", "id": "r-1", "text": "My bin was not emptied"}))
        .await;
    let frames = resident.drain(Duration::from_millis(800)).await;
    let seqs: Vec<u64> = frames
        .iter()
        .filter(|f| f["type"] == "event")
        .filter_map(|f| f["event"]["seq"].as_u64())
        .collect();
    assert_eq!(seqs, vec![2, 3, 4], "{frames:#?}");
    assert_eq!(
        messages(&frames),
        vec![
            "My bin was not emptied",
            "Which street?",
            "Is it the green bin?"
        ]
    );
    let acks: Vec<&Value> = frames.iter().filter(|f| f["type"] == "ack").collect();
    assert_eq!(acks, vec![&json!({"type": "ack", "id": "r-1", "seq": 2})]);

    let detail: Value = staff
        .get(&server, &format!("/staff/api/chats/{}", chat.id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["events"].as_array().unwrap().len(), 4, "{detail:#}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_restart_loses_nothing() {
    let (server, staff, console) = staffed().await;
    let chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
    let mut resident = chat.socket(&server, 0).await;
    staff.accept(&server, &chat.id).await;
    resident.expect("joined", |f| is_event(f, "joined")).await;
    resident
        .send(json!({"type": "message", "id": "r-1", "text": "Hello?"}))
        .await;
    resident.expect("ack", |f| f["type"] == "ack").await;
    drop(resident);
    drop(console);

    let config_path = server.dir.path().join("wayfinder.toml");
    let dir = server.stop_keeping_files().await;
    let config = server::config::Config::load(&config_path).expect("config loads again");
    let server = common::start_with(dir, config).await;

    // The session survived (it is in the database); the staff member reconnects and writes.
    let mut console = staff.socket(&server).await;
    let queue = console.expect("queue", |f| f["type"] == "queue").await;
    assert_eq!(queue["mine"][0]["chat_id"], chat.id.as_str(), "{queue:#}");
    console
        .send(
            json!({"type": "message", "chat_id": chat.id, "id": "s-1", "text": "Yes, I am here."}),
        )
        .await;
    console
        .expect("ack", |f| f["type"] == "ack" && f["seq"] == 3)
        .await;

    // The resident resumes after event 2 and gets exactly what it missed.
    let mut resident = chat.socket(&server, 2).await;
    let missed = resident
        .expect("missed message", |f| is_event(f, "message"))
        .await;
    assert_eq!(missed["event"]["seq"], 3);
    assert_eq!(missed["event"]["text"], "Yes, I am here.");
    resident
        .send(json!({"type": "message", "id": "r-2", "text": "Thanks"}))
        .await;
    let ack = resident.expect("ack", |f| f["type"] == "ack").await;
    assert_eq!(ack["seq"], 4);
    console
        .expect("resident's message", |f| {
            is_event(f, "message") && f["event"]["text"] == "Thanks"
        })
        .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outside_office_hours_a_message_becomes_a_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let text = common::closed_config(dir.path(), &common::repo_root().join("knowledge/demo"));
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    add_staff(&server, "riverton", STAFF, "Alex").await;
    let staff = Staff::login(&server, STAFF).await;
    let _console = staff.online(&server).await;
    let client = Client::new();

    let availability: Value = client
        .get(server.url("/api/v1/live/availability?site=riverton"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(availability["open"], false, "{availability}");
    assert_eq!(availability["office_hours"], false);
    let next = availability["next_open"].as_str().expect("next_open");
    assert!(
        next.ends_with("T00:00:00-06:00") || next.ends_with("T00:00:00-05:00"),
        "{next}"
    );

    let refused = client
        .post(server.url("/api/v1/chats"))
        .json(&json!({"site": "riverton", "lang": "es"}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["code"], "staff_unavailable");

    let empty = client
        .post(server.url("/api/v1/tickets"))
        .json(&json!({"site": "riverton", "lang": "es", "message": "  "}))
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);

    let created = client
        .post(server.url("/api/v1/tickets"))
        .json(&json!({
            "site": "riverton",
            "lang": "es",
            "name": "Ana",
            "contact": "ana@example.com",
            "message": "Mi contenedor no se vació. Llámeme al 555-010-0199.",
            "department": "public-works"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let ticket_id = created.json::<Value>().await.unwrap()["ticket_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(ticket_id.starts_with("T-"), "{ticket_id}");

    let tickets: Value = staff
        .get(&server, "/staff/api/tickets")
        .await
        .json()
        .await
        .unwrap();
    let ticket = &tickets[0];
    assert_eq!(ticket["ticket_id"], ticket_id.as_str());
    assert_eq!(
        ticket["contact"], "ana@example.com",
        "the chosen contact is kept"
    );
    assert_eq!(ticket["department"], "public-works");
    let message = ticket["message"].as_str().unwrap();
    assert!(
        message.contains("contenedor") && !message.contains("555-010-0199"),
        "{message}"
    );

    let done = staff
        .post(
            &server,
            &format!("/staff/api/tickets/{ticket_id}/close"),
            json!({}),
        )
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    let again = staff
        .post(
            &server,
            &format!("/staff/api/tickets/{ticket_id}/close"),
            json!({}),
        )
        .await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_access_is_refused_without_session_csrf_or_right_site() {
    let dir = tempfile::tempdir().unwrap();
    let content = common::repo_root().join("knowledge/demo");
    // A second site whose staff must not see Riverton's chats (same content, other id).
    let other = tempfile::tempdir().unwrap();
    common::copy_dir(&content, other.path());
    let toml = std::fs::read_to_string(other.path().join("knowledge.toml")).unwrap();
    std::fs::write(
        other.path().join("knowledge.toml"),
        toml.replacen("site = \"riverton\"", "site = \"lakeside\"", 1),
    )
    .unwrap();
    let mut text = common::demo_config(dir.path(), &content);
    text.push_str(&format!(
        "\n[[sites]]\nid = \"lakeside\"\nname = \"Lakeside\"\ncontent = \"{}\"\ntimezone = \"America/Denver\"\ncontact_url = \"https://lakeside.example/\"\nphone = \"1\"\n{}",
        other.path().display(),
        common::LIVE_ROUND_THE_CLOCK
    ));
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    add_staff(&server, "riverton", STAFF, "Alex").await;
    add_staff(&server, "lakeside", "sam@lakeside.example", "Sam").await;
    let client = Client::new();

    // No session.
    let anonymous = client
        .get(server.url("/staff/api/queue"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        anonymous.json::<Value>().await.unwrap()["code"],
        "unauthorized"
    );
    let forged = client
        .get(server.url("/staff/api/queue"))
        .header("Cookie", "wf_staff=0000")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);

    // Wrong password.
    let wrong = client
        .post(server.url("/staff/api/login"))
        .json(&json!({"email": STAFF, "password": "guess-guess-guess"}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        wrong.json::<Value>().await.unwrap()["code"],
        "invalid_credentials"
    );

    let alex = Staff::login(&server, STAFF).await;
    let _alex_console = alex.online(&server).await;
    let chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;

    // A state change without the CSRF token.
    let no_csrf = client
        .post(server.url(&format!("/staff/api/chats/{}/accept", chat.id)))
        .header("Cookie", &alex.cookie)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(no_csrf.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        no_csrf.json::<Value>().await.unwrap()["code"],
        "csrf_rejected"
    );

    // From a foreign page.
    let foreign = client
        .post(server.url(&format!("/staff/api/chats/{}/accept", chat.id)))
        .header("Cookie", &alex.cookie)
        .header("X-CSRF-Token", &alex.csrf)
        .header("Origin", "https://evil.example")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);

    // Another site's staff.
    let sam = Staff::login(&server, "sam@lakeside.example").await;
    let peek = sam
        .get(&server, &format!("/staff/api/chats/{}", chat.id))
        .await;
    assert_eq!(peek.status(), StatusCode::FORBIDDEN);
    let take = sam
        .post(
            &server,
            &format!("/staff/api/chats/{}/accept", chat.id),
            json!({}),
        )
        .await;
    assert_eq!(take.status(), StatusCode::FORBIDDEN);
    let sam_queue: Value = sam
        .get(&server, "/staff/api/queue")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(sam_queue["waiting"], json!([]), "{sam_queue:#}");

    // A resident with a wrong token gets nothing.
    let stranger = client
        .get(server.url(&format!(
            "/api/v1/chats/{}/transcript?token={}",
            chat.id,
            "f".repeat(64)
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status(), StatusCode::NOT_FOUND);

    // Signing out ends the session.
    let out = alex.post(&server, "/staff/api/logout", json!({})).await;
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        alex.get(&server, "/staff/api/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_chain_records_every_step_and_detects_tampering() {
    let (server, staff, mut console) = staffed().await;
    let chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
    staff.accept(&server, &chat.id).await;
    console
        .send(json!({"type": "message", "chat_id": chat.id, "id": "s-1", "text": "Hello"}))
        .await;
    console.expect("ack", |f| f["type"] == "ack").await;
    let response = staff
        .post(
            &server,
            &format!("/staff/api/chats/{}/transfer", chat.id),
            json!({"department": "parks"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    staff.accept(&server, &chat.id).await;
    staff.close(&server, &chat.id).await;

    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", server.database().display()))
        .await
        .unwrap();
    let actions: Vec<String> = sqlx::query_scalar("SELECT action FROM audit_log ORDER BY seq")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(
        actions,
        [
            "handoff",
            "accept",
            "staff_message",
            "transfer",
            "accept",
            "close"
        ]
    );
    let rows: Vec<server::audit::AuditRow> = sqlx::query_as("SELECT * FROM audit_log ORDER BY seq")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(server::audit::verify(&rows), Ok(6));
    assert!(
        rows.iter()
            .all(|r| !r.detail.as_deref().unwrap_or_default().contains("Hello")),
        "no message text in the audit log"
    );

    // The table refuses changes; someone who removes that protection is still caught.
    let refused = sqlx::query("UPDATE audit_log SET detail = '{}' WHERE seq = 3")
        .execute(&pool)
        .await;
    assert!(refused.is_err());
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET actor = 'staff:someone-else' WHERE seq = 3")
        .execute(&pool)
        .await
        .unwrap();
    let rows: Vec<server::audit::AuditRow> = sqlx::query_as("SELECT * FROM audit_log ORDER BY seq")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(
        server::audit::verify(&rows),
        Err(server::audit::ChainError::Altered { seq: 3 })
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutting_down_tells_open_sockets_to_reconnect() {
    let (server, staff, mut console) = staffed().await;
    let chat = ResidentChat::start(&server, json!({"site": "riverton", "lang": "en"})).await;
    let mut resident = chat.socket(&server, 0).await;
    resident.expect("queue", |f| f["type"] == "queue").await;
    drop(staff);
    let stopping = tokio::spawn(server.stop());
    assert_eq!(
        resident.close_frame().await,
        Some((1012, "restarting".to_owned())),
        "the resident is told the server restarts"
    );
    assert_eq!(
        console.close_frame().await.map(|(code, _)| code),
        Some(1012)
    );
    stopping.await.expect("the server stops");
}
