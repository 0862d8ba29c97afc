//! One scenario through every part of the [`Store`] trait, for any implementation: it checks
//! what must hold everywhere and returns what it observed (times replaced by `<time>`), so two
//! stores can be compared: the PostgreSQL store must behave exactly like the SQLite one.

#![allow(dead_code)]

use chrono::{Duration, Utc};
use serde_json::{Value, json};
use server::audit::verify;
use server::config::RetentionConfig;
use server::store::insights::QuestionScope;
use server::store::live::{
    AddStaffError, Author, LiveError, NewChat, Posted, StaffAccount, Ticket,
};
use server::store::requests::{
    ChangeOutcome, NewServiceRequest, RequestChange, RequestFilter, RequestRecord,
};
use server::store::{Feedback, FeedbackError, Store, Turn};

/// Replaces every RFC 3339 time in `value` by `<time>`.
fn untimed(value: Value) -> Value {
    match value {
        Value::String(s) if chrono::DateTime::parse_from_rfc3339(&s).is_ok() => {
            Value::String("<time>".into())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(untimed).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, untimed(v))).collect())
        }
        other => other,
    }
}

fn turn(conversation: &str, n: u32, question: &str, outcome: &'static str) -> Turn {
    Turn {
        site: "riverton".into(),
        conversation_id: conversation.into(),
        question_id: format!("q-{conversation}-{n}"),
        question: question.into(),
        reply_id: format!("r-{conversation}-{n}"),
        reply: "Here is what I found.".into(),
        lang: "en".into(),
        outcome,
        entry_id: (outcome == "answer").then(|| "trash-collection-day".into()),
        score: (outcome != "handoff").then_some(5.0),
        coverage: (outcome != "handoff").then_some(0.4),
    }
}

fn staff(id: &str, name: &str) -> Author {
    Author::Staff {
        id: id.into(),
        name: name.into(),
    }
}

fn live_error(e: LiveError) -> &'static str {
    match e {
        LiveError::UnknownChat => "unknown_chat",
        LiveError::Closed => "closed",
        LiveError::Taken => "taken",
        LiveError::TooMany => "too_many",
        LiveError::StillOpen => "still_open",
        LiveError::Database(e) => panic!("database error: {e}"),
    }
}

fn record(r: &RequestRecord) -> Value {
    json!({
        "request": serde_json::to_value(&r.request).expect("request JSON"),
        "lang": r.lang,
        "attributes": r.attributes,
        "contact": r.contact,
    })
}

/// Runs the scenario on a fresh `store`; returns what it observed.
pub async fn run(store: &dyn Store) -> Vec<Value> {
    let mut seen = Vec::new();
    let mut note = |label: &str, value: Value| seen.push(json!({ label: untimed(value) }));

    // Bot conversations and feedback.
    store.ping().await.expect("ping");
    store
        .record_turn(&turn("c1", 1, "Unicorn permit?", "handoff"))
        .await
        .expect("turn");
    store
        .record_turn(&turn("c1", 2, "unicorn permit? ", "handoff"))
        .await
        .expect("turn");
    store
        .record_turn(&turn("c2", 1, "trash day", "answer"))
        .await
        .expect("turn");
    note(
        "conversation_lang",
        json!([
            store
                .conversation_lang("riverton", "c1")
                .await
                .expect("lang"),
            store
                .conversation_lang("elsewhere", "c1")
                .await
                .expect("lang"),
        ]),
    );
    note(
        "last_answer",
        json!([
            store.last_answer("riverton", "c2").await.expect("answer"),
            store.last_answer("riverton", "c1").await.expect("answer"),
        ]),
    );
    store
        .record_feedback(&Feedback {
            site: "riverton".into(),
            conversation_id: "c2".into(),
            message_id: "r-c2-1".into(),
            helpful: false,
            comment: Some("wrong day".into()),
        })
        .await
        .expect("feedback");
    note(
        "record_consent",
        json!([
            store
                .record_consent("riverton", "c1", "v1")
                .await
                .expect("consent"),
            store
                .record_consent("riverton", "c1", "v1")
                .await
                .expect("consent"),
            store
                .record_consent("elsewhere", "c1", "v2")
                .await
                .expect("consent"),
        ]),
    );
    let foreign = store
        .record_feedback(&Feedback {
            site: "riverton".into(),
            conversation_id: "c1".into(),
            message_id: "q-c1-1".into(),
            helpful: true,
            comment: None,
        })
        .await;
    assert!(matches!(foreign, Err(FeedbackError::UnknownMessage)));

    // Insights.
    let since = Utc::now() - Duration::days(1);
    let gaps = store
        .question_tallies(
            "riverton",
            since,
            QuestionScope::Gaps { low_coverage: 0.5 },
            10,
        )
        .await
        .expect("tallies");
    note("gaps", serde_json::to_value(&gaps).expect("JSON"));
    let all = store
        .question_tallies("riverton", since, QuestionScope::All, 10)
        .await
        .expect("tallies");
    note("all", serde_json::to_value(&all).expect("JSON"));
    note(
        "feedback_by_entry",
        serde_json::to_value(
            store
                .feedback_by_entry("riverton", since)
                .await
                .expect("fb"),
        )
        .expect("JSON"),
    );
    note(
        "feedback_comments",
        serde_json::to_value(
            store
                .feedback_comments("riverton", since, 3)
                .await
                .expect("comments"),
        )
        .expect("JSON"),
    );
    let hours = store
        .question_hours("riverton", since)
        .await
        .expect("hours");
    note(
        "question_hours",
        json!(
            hours
                .iter()
                .map(|h| (&h.lang, &h.outcome, h.count))
                .collect::<Vec<_>>()
        ),
    );
    let fb_hours = store
        .feedback_hours("riverton", since)
        .await
        .expect("hours");
    note(
        "feedback_hours",
        json!(
            fb_hours
                .iter()
                .map(|h| (h.helpful, h.not_helpful))
                .collect::<Vec<_>>()
        ),
    );

    // Staff accounts and sessions.
    for (id, name) in [("s-ana", "Ana"), ("s-bo", "Bo")] {
        store
            .add_staff(&StaffAccount {
                id: id.into(),
                site: "riverton".into(),
                email: format!("{name}@Riverton.example"),
                name: name.into(),
                role: "staff".into(),
                department: None,
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
            })
            .await
            .expect("staff");
    }
    let again = store
        .add_staff(&StaffAccount {
            id: "s-ana2".into(),
            site: "riverton".into(),
            email: "ana@riverton.example".into(),
            name: "Ana".into(),
            role: "staff".into(),
            department: None,
            password_hash: "x".into(),
        })
        .await;
    assert!(matches!(again, Err(AddStaffError::Exists)));
    let ana = store
        .staff_by_email(" ANA@riverton.example ")
        .await
        .expect("by email")
        .expect("Ana's account");
    note("staff_by_email", json!([ana.id, ana.email, ana.name]));
    let now = Utc::now();
    store
        .create_session("tok", "s-ana", "csrf", now + Duration::hours(1))
        .await
        .expect("session");
    note(
        "session",
        json!([
            store
                .session("tok", now)
                .await
                .expect("session")
                .map(|(a, c)| (a.id, c)),
            store
                .session("tok", now + Duration::hours(2))
                .await
                .expect("session")
                .map(|(a, c)| (a.id, c)),
        ]),
    );
    store.delete_session("tok").await.expect("delete session");
    assert!(store.session("tok", now).await.expect("session").is_none());

    // Live chats.
    for id in ["chat-1", "chat-2", "chat-3"] {
        store
            .create_chat(&NewChat {
                id: id.into(),
                site: "riverton".into(),
                conversation_id: (id == "chat-1").then(|| "c1".into()),
                lang: "en".into(),
                department: None,
                token_hash: format!("hash-{id}"),
            })
            .await
            .expect("chat");
    }
    let (first, total) = store.waiting("riverton", 2).await.expect("waiting");
    note(
        "waiting",
        json!([
            first
                .iter()
                .map(|c| (&c.id, &c.preview, c.last_seq))
                .collect::<Vec<_>>(),
            total
        ]),
    );
    note(
        "waiting_ids",
        json!(store.waiting_ids("riverton").await.expect("ids")),
    );
    let posted = store
        .post_message("chat-1", &Author::Resident, "m1", "Is the pool open?")
        .await
        .expect("posted");
    assert!(matches!(posted, Posted::New(_)));
    let resent = store
        .post_message("chat-1", &Author::Resident, "m1", "Is the pool open?")
        .await
        .expect("resent");
    assert!(matches!(&resent, Posted::Duplicate(e) if e.seq == posted.event().seq));
    let ana = staff("s-ana", "Ana");
    let bo = staff("s-bo", "Bo");
    let joined = store
        .accept("chat-1", &ana, Some("Parks"), 1)
        .await
        .expect("accept");
    note("joined", serde_json::to_value(&joined).expect("JSON"));
    let mut refusals = vec![
        store.accept("chat-1", &bo, None, 2).await.map(|_| ()),
        store.accept("chat-2", &ana, None, 1).await.map(|_| ()),
        store
            .post_message("chat-1", &bo, "x", "not mine")
            .await
            .map(|_| ()),
        store.accept("nope", &bo, None, 2).await.map(|_| ()),
        store.rate("chat-1", 5, None).await,
        store.rate("nope", 5, None).await,
    ]
    .into_iter()
    .map(|r| r.err().map(live_error))
    .collect::<Vec<_>>();
    store
        .post_message("chat-1", &ana, "m2", "Yes, until 8 pm.")
        .await
        .expect("staff message");
    store
        .transfer("chat-1", &ana, "public-works", "Public Works")
        .await
        .expect("transfer");
    store
        .accept("chat-1", &bo, None, 2)
        .await
        .expect("accepted after transfer");
    note(
        "active_for",
        json!([
            store
                .active_for("s-bo")
                .await
                .expect("active")
                .iter()
                .map(|c| (&c.id, c.state.as_str(), &c.staff_name, &c.department))
                .collect::<Vec<_>>(),
            store.active_for("s-ana").await.expect("active").len(),
        ]),
    );
    store
        .close("chat-1", &bo, Some("answered"))
        .await
        .expect("close");
    refusals.push(
        store
            .post_message("chat-1", &Author::Resident, "m3", "late")
            .await
            .err()
            .map(live_error),
    );
    refusals.push(store.close("chat-1", &bo, None).await.err().map(live_error));
    note("refusals", json!(refusals));
    store
        .rate("chat-1", 4, Some("quick"))
        .await
        .expect("rating");
    note(
        "events",
        serde_json::to_value(store.events_after("chat-1", 1).await.expect("events")).expect("JSON"),
    );
    let chat = store.chat("chat-1").await.expect("chat").expect("chat-1");
    note(
        "chat",
        json!([
            chat.state.as_str(),
            chat.last_seq,
            chat.staff_id,
            chat.preview
        ]),
    );
    note(
        "recent_waits",
        json!(
            store
                .recent_waits("riverton", 10)
                .await
                .expect("waits")
                .len()
        ),
    );
    note(
        "bot_turns",
        serde_json::to_value(store.bot_turns("riverton", "c1").await.expect("turns"))
            .expect("JSON"),
    );

    // Tickets.
    for n in 1..=2 {
        store
            .create_ticket(&Ticket {
                ticket_id: format!("T-{n}"),
                site: "riverton".into(),
                conversation_id: Some("c2".into()),
                lang: "en".into(),
                name: Some("Sam".into()),
                contact: None,
                message: format!("Call me back {n}"),
                department: None,
                status: "open".into(),
                created_at: (Utc::now() + Duration::seconds(n)).to_rfc3339(),
            })
            .await
            .expect("ticket");
    }
    note(
        "close_ticket",
        json!([
            store
                .close_ticket("riverton", "T-1", &ana)
                .await
                .expect("close"),
            store
                .close_ticket("riverton", "T-1", &ana)
                .await
                .expect("close"),
        ]),
    );
    note(
        "tickets",
        json!(
            store
                .tickets("riverton")
                .await
                .expect("tickets")
                .iter()
                .map(|t| (&t.ticket_id, &t.status))
                .collect::<Vec<_>>()
        ),
    );

    // Service requests.
    let new_request = |upstream_id: Option<&str>, token: Option<&str>| NewServiceRequest {
        site: "riverton".into(),
        service_code: "pothole".into(),
        service_name: "Pothole".into(),
        lang: "es".into(),
        upstream_id: upstream_id.map(str::to_owned),
        upstream: upstream_id.is_some() || token.is_some(),
        token: token.map(str::to_owned),
        description: Some("A deep hole".into()),
        address: Some("1 Main St".into()),
        position: Some((41.5, -90.25)),
        attributes: json!({"size": ["large"]}),
        media_url: None,
        contact: json!({"email": "[email]"}),
    };
    let local_1 = store
        .add_request(&new_request(None, None))
        .await
        .expect("request");
    let local_2 = store
        .add_request(&new_request(None, None))
        .await
        .expect("request");
    let upstream = store
        .add_request(&new_request(None, Some("tk-9")))
        .await
        .expect("request");
    note("request_ids", json!([local_1, local_2, upstream]));
    note(
        "token_before",
        json!(
            store
                .request_for_token("riverton", "tk-9")
                .await
                .expect("token")
        ),
    );
    store
        .resolve_request_token("riverton", "tk-9", "city-77")
        .await
        .expect("resolve");
    note(
        "token_after",
        json!(
            store
                .request_for_token("riverton", "tk-9")
                .await
                .expect("token")
        ),
    );
    note(
        "service_request",
        serde_json::to_value(
            store
                .service_request("riverton", &local_1)
                .await
                .expect("request"),
        )
        .expect("JSON"),
    );
    note(
        "service_requests",
        json!(
            store
                .service_requests("riverton", 10)
                .await
                .expect("requests")
                .len()
        ),
    );
    let current = store
        .request_record("riverton", &local_1)
        .await
        .expect("record")
        .expect("local request");
    note("request_record", record(&current));
    let change = RequestChange {
        status: "closed".into(),
        status_notes: Some("Filled on Monday".into()),
        agency_responsible: Some("Public Works".into()),
        expected_datetime: None,
        if_updated: current
            .request
            .updated_datetime
            .clone()
            .expect("updated time"),
    };
    let outcomes = [
        store
            .change_request("riverton", &local_1, &change, &ana)
            .await
            .expect("change"),
        store
            .change_request("riverton", &local_1, &change, &ana)
            .await
            .expect("change"),
        store
            .change_request("riverton", "999", &change, &ana)
            .await
            .expect("change"),
    ];
    note(
        "change_request",
        json!(
            outcomes
                .iter()
                .map(|o| match o {
                    ChangeOutcome::Changed(r) => json!(["changed", record(r)]),
                    ChangeOutcome::Unchanged(r) => json!(["unchanged", record(r)]),
                    ChangeOutcome::Conflict(r) => json!(["conflict", record(r)]),
                    ChangeOutcome::NotFound => json!("not_found"),
                })
                .collect::<Vec<_>>()
        ),
    );
    let page = store
        .staff_requests(
            "riverton",
            &RequestFilter {
                status: Some("open".into()),
                limit: 10,
                offset: 0,
            },
        )
        .await
        .expect("page");
    note(
        "staff_requests",
        json!([
            page.requests
                .iter()
                .map(|r| &r.request.service_request_id)
                .collect::<Vec<_>>(),
            page.open,
            page.closed
        ]),
    );
    note(
        "request_updates",
        serde_json::to_value(
            store
                .request_updates("riverton", &local_1)
                .await
                .expect("updates"),
        )
        .expect("JSON"),
    );

    // Residents' data requests and retention.
    let export = store
        .export_conversation("chat-1")
        .await
        .expect("export")
        .expect("something kept");
    note("export", export);
    note(
        "delete",
        serde_json::to_value(
            store
                .delete_conversation("c2")
                .await
                .expect("delete")
                .expect("something kept"),
        )
        .expect("JSON"),
    );
    assert!(
        store
            .export_conversation("c2")
            .await
            .expect("export")
            .is_none()
    );
    let purged = store
        .purge(
            "riverton",
            &RetentionConfig::default(),
            Utc::now() + Duration::days(400),
        )
        .await
        .expect("purge");
    note("purge", serde_json::to_value(purged).expect("JSON"));

    // The audit log: every change above, one unbroken chain.
    let log = store.audit_log().await.expect("audit log");
    verify(&log).expect("the audit chain is intact");
    note(
        "audit",
        json!(
            log.iter()
                .map(|r| format!("{} {} {}", r.actor, r.action, r.subject))
                .collect::<Vec<_>>()
        ),
    );
    seen
}
