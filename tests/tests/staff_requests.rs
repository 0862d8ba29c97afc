//! Service requests kept in "local queue" mode, handled in the staff console's API on a real
//! server: listing (filters, counts, pages), one request in full, updates that residents then
//! see (the Open311 documents, the status page, the widget's "where is my request …?"), the
//! audit trail, sessions and CSRF, other sites, concurrent edits (409 `edit_conflict`), bad
//! input (stable codes), and sites whose requests go to the city's own system.

mod common;

use common::live::{Staff, add_staff};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use server::store::LiveStore as _;

const STAFF: &str = "alex@riverton.example";
const OTHER_STAFF: &str = "sam@riverton.example";
const NOTES: &str = "A crew is scheduled for Monday morning.\nThank you for reporting it.";

/// The demo city in local-queue mode (`[sites.open311]` without an endpoint), with live chat,
/// plus `extra` config text; two staff accounts.
async fn local_server(extra: &str) -> common::TestServer {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = common::demo_config(dir.path(), &common::repo_root().join("knowledge/demo"))
        + "\n[sites.open311]\n"
        + extra;
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    add_staff(&server, "riverton", STAFF, "Alex").await;
    add_staff(&server, "riverton", OTHER_STAFF, "Sam").await;
    server
}

/// Files a request through the site's own Open311 endpoint; returns its number.
async fn file_request(server: &common::TestServer, fields: &[(&str, &str)]) -> String {
    let answer: Value = Client::new()
        .post(server.url("/open311/v2/requests.json"))
        .form(fields)
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    answer[0]["service_request_id"]
        .as_str()
        .unwrap_or_else(|| panic!("a request number: {answer}"))
        .to_owned()
}

/// Files a request the way the widget does (in Spanish, with contact details).
async fn file_from_widget(server: &common::TestServer) -> String {
    let response = Client::new()
        .post(server.url("/api/v1/requests"))
        .json(&json!({
            "site": "riverton",
            "lang": "es",
            "service_code": "pothole",
            "address": "Calle Mayor 12",
            "attributes": {"size": "large", "lane": "bike"},
            "description": "Un bache enorme frente a la escuela",
            "contact": {"first_name": "Ana", "email": "ana@example.com"}
        }))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::CREATED);
    let receipt: Value = response.json().await.expect("json");
    receipt["service_request_id"]
        .as_str()
        .expect("a number")
        .to_owned()
}

async fn json_of(response: reqwest::Response, status: StatusCode) -> Value {
    let got = response.status();
    let body = response.text().await.expect("body");
    assert_eq!(got, status, "{body}");
    serde_json::from_str(&body).unwrap_or_else(|_| panic!("JSON: {body}"))
}

/// Sends an update and checks the status and, for errors, the stable code.
async fn update(
    staff: &Staff,
    server: &common::TestServer,
    id: &str,
    body: Value,
    status: StatusCode,
    code: Option<&str>,
) -> Value {
    let path = format!("/staff/api/requests/{id}/update");
    let answer = json_of(staff.post(server, &path, body).await, status).await;
    if let Some(code) = code {
        assert_eq!(answer["code"], code, "{answer}");
        assert!(
            answer["message"].as_str().is_some_and(|m| m.len() > 10),
            "{answer}"
        );
    }
    answer
}

async fn detail(staff: &Staff, server: &common::TestServer, id: &str) -> Value {
    json_of(
        staff
            .get(server, &format!("/staff/api/requests/{id}"))
            .await,
        StatusCode::OK,
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_handle_a_local_request_and_residents_see_it() {
    let server = local_server("").await;
    let first = file_request(
        &server,
        &[
            ("service_code", "illegal-dumping"),
            ("lat", "41.51"),
            ("long", "-90.57"),
            ("description", "Dark corner"),
        ],
    )
    .await;
    let pothole = file_from_widget(&server).await;
    let third = file_request(
        &server,
        &[
            ("service_code", "overgrown-lot"),
            ("address_string", "5 Oak St"),
            ("phone", "555-010-0199"),
        ],
    )
    .await;
    let staff = Staff::login(&server, STAFF).await;

    // The list: newest first, with counts, the preview and where.
    let list = json_of(
        staff.get(&server, "/staff/api/requests?status=open").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["mode"], "local");
    assert_eq!(list["counts"], json!({"open": 3, "closed": 0}));
    assert_eq!(list["total"], 3);
    let ids: Vec<&str> = list["requests"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|r| r["service_request_id"].as_str())
        .collect();
    assert_eq!(ids, [third.as_str(), pothole.as_str(), first.as_str()]);
    let listed = &list["requests"][1];
    assert_eq!(listed["service_name"], "Report a pothole");
    assert_eq!(listed["lang"], "es");
    assert_eq!(listed["address"], "Calle Mayor 12");
    assert_eq!(listed["preview"], "Un bache enorme frente a la escuela");
    assert_eq!(list["requests"][2]["lat"], 41.51);

    // Pages.
    let page = json_of(
        staff
            .get(&server, "/staff/api/requests?status=all&limit=2&offset=2")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["total"], 3);
    assert_eq!(page["requests"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["requests"][0]["service_request_id"], first.as_str());

    // One request in full.
    let before = detail(&staff, &server, &pothole).await;
    assert_eq!(before["status"], "open");
    assert_eq!(before["lang"], "es");
    assert_eq!(before["description"], "Un bache enorme frente a la escuela");
    assert_eq!(
        before["contact"],
        json!({"first_name": "Ana", "email": "ana@example.com"})
    );
    assert_eq!(before["history"], json!([]));
    // The answers, with the questions in the site's language and the choices' names.
    assert_eq!(
        before["answers"],
        json!([
            {"code": "size", "question": "How big is the pothole?", "values": ["Larger than a car tire"]},
            {"code": "lane", "question": "Where on the street is it?", "values": ["In a bike lane"]}
        ])
    );
    assert_eq!(before["suggested_agency"], "Public Works");
    let agencies: Vec<&str> = before["agencies"]
        .as_array()
        .expect("agencies")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        agencies.contains(&"Public Works") && agencies.contains(&"Water Utilities"),
        "{agencies:?}"
    );
    assert!(
        before["track_url"]
            .as_str()
            .is_some_and(|u| u.ends_with(&format!("/track/riverton/{pothole}?lang=es"))),
        "{before}"
    );
    let read_at = before["updated_datetime"]
        .as_str()
        .expect("a time")
        .to_owned();

    // The update.
    let after = update(
        &staff,
        &server,
        &pothole,
        json!({
            "if_updated_datetime": read_at,
            "status": "closed",
            "status_notes": format!("  {NOTES}  "),
            "agency_responsible": "public works",
            "expected_datetime": "2099-01-01T12:00:00Z"
        }),
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("invalid_field"),
    )
    .await;
    assert!(
        after["message"]
            .as_str()
            .is_some_and(|m| m.contains("expected_datetime"))
    );
    let expected_day = (chrono::Utc::now() + chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
    let after = update(
        &staff,
        &server,
        &pothole,
        json!({
            "if_updated_datetime": read_at,
            "status": "closed",
            "status_notes": format!("  {NOTES}  "),
            "agency_responsible": "public works",
            "expected_datetime": expected_day
        }),
        StatusCode::OK,
        None,
    )
    .await;
    assert_eq!(after["changed"], true);
    assert_eq!(after["status"], "closed");
    assert_eq!(after["status_notes"], NOTES);
    assert_eq!(after["agency_responsible"], "Public Works");
    let expected = after["expected_datetime"]
        .as_str()
        .expect("a date")
        .to_owned();
    assert!(
        expected.starts_with(&expected_day) && expected.ends_with(":00:00Z"),
        "5 pm in Chicago is 22:00 or 23:00 UTC: {expected}"
    );
    let updated = after["updated_datetime"]
        .as_str()
        .expect("a time")
        .to_owned();
    assert!(updated > read_at, "{updated} after {read_at}");
    assert_eq!(after["history"][0]["staff_name"], "Alex");
    assert_eq!(after["history"][0]["status"], "closed");
    assert_eq!(after["history"][0]["status_notes"], NOTES);

    // The same values again change nothing.
    let again = update(
        &staff,
        &server,
        &pothole,
        json!({"if_updated_datetime": updated, "status": "closed"}),
        StatusCode::OK,
        None,
    )
    .await;
    assert_eq!(again["changed"], false);
    assert_eq!(again["updated_datetime"], updated.as_str());

    // The list follows.
    let open = json_of(
        staff.get(&server, "/staff/api/requests?status=open").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(open["counts"], json!({"open": 2, "closed": 1}));
    assert_eq!(open["total"], 2);
    let closed = json_of(
        staff
            .get(&server, "/staff/api/requests?status=closed")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        closed["requests"][0]["service_request_id"],
        pothole.as_str()
    );
    assert_eq!(closed["requests"][0]["agency_responsible"], "Public Works");

    // Residents: the Open311 document …
    let one: Value = Client::new()
        .get(server.url(&format!("/open311/v2/requests/{pothole}.json")))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(one[0]["status"], "closed");
    assert_eq!(one[0]["status_notes"], NOTES);
    assert_eq!(one[0]["agency_responsible"], "Public Works");
    assert_eq!(one[0]["expected_datetime"], expected.as_str());
    assert_eq!(one[0]["updated_datetime"], updated.as_str());
    let xml = Client::new()
        .get(server.url(&format!("/open311/v2/requests/{pothole}.xml")))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("xml");
    assert!(
        xml.contains("<agency_responsible>Public Works</agency_responsible>"),
        "{xml}"
    );
    let closed_list: Value = Client::new()
        .get(server.url("/open311/v2/requests.json?status=closed"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(closed_list[0]["service_request_id"], pothole.as_str());

    // … the widget's status call …
    let status: Value = json_of(
        Client::new()
            .get(server.url(&format!("/api/v1/requests/{pothole}?site=riverton&lang=es")))
            .send()
            .await
            .expect("sent"),
        StatusCode::OK,
    )
    .await;
    assert_eq!(status["status"], "closed");
    assert_eq!(status["status_notes"], NOTES);
    assert_eq!(status["expected_datetime"], expected.as_str());
    assert_eq!(status["updated_datetime"], updated.as_str());
    assert_eq!(status["agency_responsible"], "Public Works");

    // … the status page …
    let page = Client::new()
        .get(server.url(&format!("/track/riverton/{pothole}?lang=en")))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("html");
    assert!(
        page.contains("A crew is scheduled for Monday morning."),
        "{page}"
    );
    assert!(page.contains(&expected_day), "{page}");
    assert!(
        page.contains("<dt>Handled by</dt><dd><bdi>Public Works</bdi></dd>"),
        "{page}"
    );

    // … and "where is my request …?" in the widget.
    let reply: Value = json_of(
        Client::new()
            .post(server.url("/api/v1/ask"))
            .json(&json!({
                "site": "riverton",
                "text": format!("Where is my request {pothole}?"),
                "page_lang": "en"
            }))
            .send()
            .await
            .expect("sent"),
        StatusCode::OK,
    )
    .await;
    let html = reply["answer"]["html"].as_str().unwrap_or_default();
    assert!(
        html.contains("A crew is scheduled for Monday morning."),
        "{reply}"
    );

    // The audit log: who changed what, the notes by their hash only, the chain intact.
    let store =
        server::store::SqliteStore::connect(&format!("sqlite://{}", server.database().display()))
            .await
            .expect("database opens");
    let log = store.audit_log().await.expect("audit log");
    let row = log
        .iter()
        .find(|r| r.action == "service_request_update" && r.subject == pothole)
        .expect("an audit row for the update");
    assert_eq!(row.actor, "staff:staff-alex-riverton-example");
    let detail_text = row.detail.as_deref().unwrap_or_default();
    let detail: Value = serde_json::from_str(detail_text).expect("detail JSON");
    assert_eq!(detail["status_from"], "open");
    assert_eq!(detail["status"], "closed");
    assert_eq!(
        detail["status_notes_sha256"],
        server::audit::text_hash(NOTES).as_str()
    );
    assert!(!detail_text.contains("crew"), "{detail_text}");
    assert_eq!(
        log.iter()
            .filter(|r| r.action == "service_request_update")
            .count(),
        1,
        "the unchanged save is not audited"
    );
    server::audit::verify(&log).expect("the audit chain verifies");

    // Reopening clears what no longer holds.
    let reopened = update(
        &staff,
        &server,
        &pothole,
        json!({
            "if_updated_datetime": updated,
            "status": "open",
            "status_notes": null,
            "expected_datetime": "",
            "agency_responsible": null
        }),
        StatusCode::OK,
        None,
    )
    .await;
    assert_eq!(reopened["status"], "open");
    assert_eq!(reopened["status_notes"], Value::Null);
    assert_eq!(reopened["expected_datetime"], Value::Null);
    assert_eq!(reopened["agency_responsible"], Value::Null);
    assert_eq!(reopened["history"].as_array().map(Vec::len), Some(2));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_staff_members_never_overwrite_each_other() {
    let server = local_server("").await;
    let id = file_request(
        &server,
        &[
            ("service_code", "pothole"),
            ("attribute[size]", "small"),
            ("address_string", "1 Elm St"),
        ],
    )
    .await;
    let alex = Staff::login(&server, STAFF).await;
    let sam = Staff::login(&server, OTHER_STAFF).await;
    let read_at = detail(&alex, &server, &id).await["updated_datetime"]
        .as_str()
        .expect("a time")
        .to_owned();
    assert_eq!(
        detail(&sam, &server, &id).await["updated_datetime"],
        read_at.as_str()
    );

    // Alex saves first; Sam's save from the same reading is refused and changes nothing.
    update(
        &alex,
        &server,
        &id,
        json!({"if_updated_datetime": read_at, "status_notes": "Crew sent."}),
        StatusCode::OK,
        None,
    )
    .await;
    update(
        &sam,
        &server,
        &id,
        json!({"if_updated_datetime": read_at, "status": "closed", "status_notes": "Duplicate."}),
        StatusCode::CONFLICT,
        Some("edit_conflict"),
    )
    .await;
    let now = detail(&sam, &server, &id).await;
    assert_eq!(now["status"], "open");
    assert_eq!(now["status_notes"], "Crew sent.");
    assert_eq!(now["history"].as_array().map(Vec::len), Some(1));

    // Having read again, Sam can save.
    let saved = update(
        &sam,
        &server,
        &id,
        json!({"if_updated_datetime": now["updated_datetime"], "status": "closed"}),
        StatusCode::OK,
        None,
    )
    .await;
    assert_eq!(saved["status"], "closed");
    assert_eq!(saved["status_notes"], "Crew sent.");

    // Both at once from the same reading: exactly one wins.
    let read_at = saved["updated_datetime"]
        .as_str()
        .expect("a time")
        .to_owned();
    let path = format!("/staff/api/requests/{id}/update");
    let (a, b) = tokio::join!(
        alex.post(
            &server,
            &path,
            json!({"if_updated_datetime": read_at, "status_notes": "From Alex."})
        ),
        sam.post(
            &server,
            &path,
            json!({"if_updated_datetime": read_at, "status_notes": "From Sam."})
        ),
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let last = detail(&alex, &server, &id).await;
    assert_eq!(last["history"].as_array().map(Vec::len), Some(3));
    let winner = if a.status() == StatusCode::OK {
        "From Alex."
    } else {
        "From Sam."
    };
    assert_eq!(last["status_notes"], winner);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_refused_with_stable_codes_and_changes_nothing() {
    let server = local_server("").await;
    let id = file_request(
        &server,
        &[
            ("service_code", "pothole"),
            ("attribute[size]", "small"),
            ("address_string", "1 Elm St"),
        ],
    )
    .await;
    let staff = Staff::login(&server, STAFF).await;
    let read_at = detail(&staff, &server, &id).await["updated_datetime"]
        .as_str()
        .expect("a time")
        .to_owned();
    let with = |extra: Value| {
        let mut body = json!({"if_updated_datetime": read_at});
        for (k, v) in extra.as_object().expect("an object") {
            body[k] = v.clone();
        }
        body
    };
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    for (body, code, mentions) in [
        (
            with(json!({"status": "pending"})),
            "invalid_field",
            "status",
        ),
        (
            with(json!({"status_notes": "x".repeat(1001)})),
            "invalid_field",
            "1000",
        ),
        (
            with(json!({"status_notes": "<script>alert(1)</script>"})),
            "invalid_field",
            "plain text",
        ),
        (
            with(json!({"expected_datetime": "next tuesday"})),
            "invalid_field",
            "expected_datetime",
        ),
        (
            with(json!({"expected_datetime": "2001-01-01"})),
            "invalid_field",
            "before the request",
        ),
        (
            with(json!({"agency_responsible": "Dragon Control"})),
            "invalid_field",
            "Public Works",
        ),
        (with(json!({})), "invalid_field", "nothing to change"),
        (json!({"status": "closed"}), "invalid_json", "if_updated"),
        (with(json!({"colour": "red"})), "invalid_json", "colour"),
        (with(json!({"status": 3})), "invalid_json", "status"),
    ] {
        let answer = update(
            &staff,
            &server,
            &id,
            body.clone(),
            unprocessable,
            Some(code),
        )
        .await;
        assert!(
            answer["message"]
                .as_str()
                .is_some_and(|m| m.contains(mentions)),
            "{body} → {answer}"
        );
    }
    // Not JSON at all.
    let broken = staff
        .client
        .post(server.url(&format!("/staff/api/requests/{id}/update")))
        .header("Cookie", &staff.cookie)
        .header("X-CSRF-Token", &staff.csrf)
        .header("Content-Type", "application/json")
        .body("{\"status\": ")
        .send()
        .await
        .expect("sent");
    let answer = json_of(broken, StatusCode::BAD_REQUEST).await;
    assert_eq!(answer["code"], "invalid_json");
    // Unknown requests.
    for missing in ["999999", "token:abc"] {
        update(
            &staff,
            &server,
            missing,
            json!({"if_updated_datetime": read_at, "status": "closed"}),
            StatusCode::NOT_FOUND,
            Some("unknown_request"),
        )
        .await;
        let answer = json_of(
            staff
                .get(&server, &format!("/staff/api/requests/{missing}"))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(answer["code"], "unknown_request");
    }
    // Bad list filters.
    for query in ["status=pending", "limit=0", "limit=1000", "offset=-1"] {
        let answer = json_of(
            staff
                .get(&server, &format!("/staff/api/requests?{query}"))
                .await,
            unprocessable,
        )
        .await;
        assert_eq!(answer["code"], "invalid_field", "{query}: {answer}");
    }
    // Nothing changed.
    let now = detail(&staff, &server, &id).await;
    assert_eq!(now["updated_datetime"], read_at.as_str());
    assert_eq!(now["status"], "open");
    assert_eq!(now["history"], json!([]));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_signed_in_staff_of_the_site_with_the_csrf_token_get_in() {
    // A second site in local-queue mode, with its own staff and its own copy of the content.
    let content = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo_root().join("knowledge/demo"), content.path());
    let toml = content.path().join("knowledge.toml");
    let text = std::fs::read_to_string(&toml).expect("knowledge.toml");
    std::fs::write(
        &toml,
        text.replacen("site = \"riverton\"", "site = \"lakeside\"", 1),
    )
    .expect("write knowledge.toml");
    let lakeside = r#"
[[sites]]
id = "lakeside"
name = "Town of Lakeside"
content = "CONTENT"
allowed_origins = ["https://www.lakeside.example"]
timezone = "America/New_York"
contact_url = "https://www.lakeside.example/contact"
phone = "(555) 010-0200"

[sites.open311]
"#
    .replace("CONTENT", &content.path().display().to_string());
    let server = local_server(&lakeside).await;
    add_staff(&server, "lakeside", "kim@lakeside.example", "Kim").await;
    let id = file_request(
        &server,
        &[
            ("jurisdiction_id", "riverton"),
            ("service_code", "pothole"),
            ("attribute[size]", "small"),
            ("address_string", "1 Elm St"),
        ],
    )
    .await;
    let staff = Staff::login(&server, STAFF).await;
    let read_at = detail(&staff, &server, &id).await["updated_datetime"]
        .as_str()
        .expect("a time")
        .to_owned();
    let body = json!({"if_updated_datetime": read_at, "status": "closed"});
    let client = Client::new();
    let path = format!("/staff/api/requests/{id}/update");

    // No session.
    for response in [
        client
            .get(server.url("/staff/api/requests"))
            .send()
            .await
            .expect("sent"),
        client
            .get(server.url(&format!("/staff/api/requests/{id}")))
            .send()
            .await
            .expect("sent"),
        client
            .post(server.url(&path))
            .json(&body)
            .send()
            .await
            .expect("sent"),
    ] {
        let answer = json_of(response, StatusCode::UNAUTHORIZED).await;
        assert_eq!(answer["code"], "unauthorized");
    }
    // A session without the CSRF token, or with another one.
    for token in [None, Some("not-the-token")] {
        let mut request = client
            .post(server.url(&path))
            .header("Cookie", &staff.cookie)
            .json(&body);
        if let Some(token) = token {
            request = request.header("X-CSRF-Token", token);
        }
        let answer = json_of(request.send().await.expect("sent"), StatusCode::FORBIDDEN).await;
        assert_eq!(answer["code"], "csrf_rejected");
    }
    // From another origin.
    let foreign = client
        .post(server.url(&path))
        .header("Cookie", &staff.cookie)
        .header("X-CSRF-Token", &staff.csrf)
        .header("Origin", "https://evil.example")
        .json(&body)
        .send()
        .await
        .expect("sent");
    assert_eq!(
        json_of(foreign, StatusCode::FORBIDDEN).await["code"],
        "forbidden"
    );
    // Staff of another site neither see nor change it.
    let kim = Staff::login(&server, "kim@lakeside.example").await;
    let theirs = json_of(
        kim.get(&server, "/staff/api/requests?status=all").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(theirs["mode"], "local");
    assert_eq!(theirs["total"], 0);
    let answer = json_of(
        kim.get(&server, &format!("/staff/api/requests/{id}")).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(answer["code"], "unknown_request");
    update(
        &kim,
        &server,
        &id,
        body.clone(),
        StatusCode::NOT_FOUND,
        Some("unknown_request"),
    )
    .await;
    // Still open.
    assert_eq!(detail(&staff, &server, &id).await["status"], "open");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sites_without_a_local_queue_say_where_requests_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = common::demo_config(dir.path(), &common::repo_root().join("knowledge/demo"))
        + "\n[sites.open311]\nendpoint = \"http://127.0.0.1:9/open311/v2/\"\n";
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let upstream = common::start_with(dir, config).await;
    add_staff(&upstream, "riverton", STAFF, "Alex").await;
    let staff = Staff::login(&upstream, STAFF).await;
    let list = json_of(
        staff.get(&upstream, "/staff/api/requests").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["mode"], "upstream");
    assert_eq!(list["requests"], json!([]));
    let answer = json_of(
        staff.get(&upstream, "/staff/api/requests/100001").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(answer["code"], "unknown_request");
    assert!(
        answer["message"]
            .as_str()
            .is_some_and(|m| m.contains("city's own system")),
        "{answer}"
    );
    upstream.stop().await;

    let plain = common::start().await;
    add_staff(&plain, "riverton", STAFF, "Alex").await;
    let staff = Staff::login(&plain, STAFF).await;
    let list = json_of(
        staff.get(&plain, "/staff/api/requests").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["mode"], "none");
    plain.stop().await;
}
