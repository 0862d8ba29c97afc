//! The content editors' admin pages on a real server: residents ask questions (answered,
//! offered choices, handed off; in English and Spanish) and leave feedback, then every
//! `/admin/api/...` figure is checked exactly, similar questions are grouped, a draft entry is
//! written once and refused the second time, and everyone but the site's admins is refused.

mod common;

use common::live::{Staff, add_staff};
use reqwest::{Client, StatusCode, redirect};
use serde_json::{Value, json};

const ADMIN: &str = "admin@riverton.example";
const STAFF: &str = "alex@riverton.example";
const OTHER_ADMIN: &str = "admin@elsewhere.example";

/// A server on a copy of the demo content, with an admin and a staff account of Riverton and
/// an admin of a site this server does not serve.
async fn editable() -> (common::TestServer, tempfile::TempDir) {
    let content = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo_root().join("knowledge/demo"), content.path());
    let dir = tempfile::tempdir().expect("temp dir");
    let text = common::demo_config(dir.path(), content.path())
        + "\n[server.rate_limit]\nburst = 1000\nper_minute = 60000\n";
    let config = common::load_config(dir.path(), &text).expect("config loads");
    let server = common::start_with(dir, config).await;
    add_staff(&server, "riverton", ADMIN, "Robin").await;
    add_staff(&server, "riverton", STAFF, "Alex").await;
    add_staff(&server, "elsewhere", OTHER_ADMIN, "Kim").await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", server.database().display()))
        .await
        .expect("database");
    sqlx::query("UPDATE staff SET role = 'admin' WHERE email IN (?, ?)")
        .bind(ADMIN)
        .bind(OTHER_ADMIN)
        .execute(&pool)
        .await
        .expect("admin role");
    (server, content)
}

/// Asks `text` on a page in `lang`; returns the reply after checking its outcome.
async fn ask(
    client: &Client,
    server: &common::TestServer,
    text: &str,
    lang: &str,
    outcome: &str,
) -> Value {
    let reply: Value = client
        .post(server.url("/api/v1/ask"))
        .json(&json!({"site": "riverton", "text": text, "page_lang": lang}))
        .send()
        .await
        .expect("request is sent")
        .json()
        .await
        .expect("a reply");
    assert_eq!(reply["outcome"], outcome, "{text:?}: {reply:#}");
    assert_eq!(reply["lang"], lang, "{text:?}: {reply:#}");
    reply
}

async fn feedback(
    client: &Client,
    server: &common::TestServer,
    reply: &Value,
    helpful: bool,
    comment: Option<&str>,
) {
    let response = client
        .post(server.url("/api/v1/feedback"))
        .json(&json!({
            "site": "riverton",
            "conversation_id": reply["conversation_id"],
            "message_id": reply["message_id"],
            "helpful": helpful,
            "comment": comment,
        }))
        .send()
        .await
        .expect("request is sent");
    assert_eq!(response.status(), StatusCode::OK);
}

async fn get_json(admin: &Staff, server: &common::TestServer, path: &str) -> Value {
    let response = admin.get(server, path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    response.json().await.expect("JSON")
}

/// The residents' side of the test: 10 questions (4 answered, 1 with choices, 5 handed off;
/// 7 in English, 3 in Spanish), one pick of an offered choice, and 4 votes.
async fn residents_ask(server: &common::TestServer) {
    let client = Client::new();
    // Knowledge gaps in English: one question in three wordings, and one offered choices.
    ask(
        &client,
        server,
        "How do I adopt a unicorn?",
        "en",
        "handoff",
    )
    .await;
    ask(
        &client,
        server,
        "where can I adopt a baby unicorn",
        "en",
        "handoff",
    )
    .await;
    ask(&client, server, "how do I adopt a unicorn", "en", "handoff").await;
    let choices = ask(&client, server, "dragon parking permit", "en", "choices").await;
    // Picking one of the choices is a follow-up, not another question.
    let first = &choices["choices"][0];
    let picked: Value = client
        .post(server.url("/api/v1/ask"))
        .json(&json!({
            "site": "riverton",
            "text": first["title"],
            "choice": first["id"],
            "conversation_id": choices["conversation_id"],
        }))
        .send()
        .await
        .expect("request is sent")
        .json()
        .await
        .expect("a reply");
    assert_eq!(picked["outcome"], "answer", "{picked:#}");
    // Answered in English, with feedback.
    let trash = ask(&client, server, "when is trash picked up", "en", "answer").await;
    assert_eq!(trash["answer"]["id"], "trash-collection-day");
    feedback(
        &client,
        server,
        &trash,
        false,
        Some("Wrong day for my street, call me at 555-010-4477"),
    )
    .await;
    let again = ask(&client, server, "When is trash picked up?", "en", "answer").await;
    feedback(&client, server, &again, true, None).await;
    ask(&client, server, "library hours", "en", "answer").await;
    // Spanish: a gap in two wordings (with "not helpful" on the handoff) and an answer.
    let unicorn = ask(
        &client,
        server,
        "¿dónde adopto un unicornio?",
        "es",
        "handoff",
    )
    .await;
    feedback(&client, server, &unicorn, false, Some("no sirve")).await;
    ask(
        &client,
        server,
        "quiero adoptar un unicornio",
        "es",
        "handoff",
    )
    .await;
    let water = ask(
        &client,
        server,
        "¿cómo pago mi factura de agua?",
        "es",
        "answer",
    )
    .await;
    assert_eq!(water["answer"]["id"], "pay-water-bill");
    feedback(&client, server, &water, true, None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_figures_match_what_residents_asked() {
    let (server, content) = editable().await;
    residents_ask(&server).await;
    let admin = Staff::login(&server, ADMIN).await;

    // Trends: per day and in total.
    let trends = get_json(&admin, &server, "/admin/api/trends").await;
    let totals = &trends["totals"];
    assert_eq!(totals["questions"], 10, "{totals:#}");
    assert_eq!(totals["by_language"], json!({"en": 7, "es": 3}));
    assert_eq!(
        (&totals["answered"], &totals["choices"], &totals["handoff"]),
        (&json!(4), &json!(1), &json!(5))
    );
    assert_eq!(totals["share_answered"], 0.4);
    assert_eq!(totals["share_handoff"], 0.5);
    assert_eq!(
        (&totals["helpful"], &totals["not_helpful"]),
        (&json!(2), &json!(2))
    );
    assert_eq!(trends["languages"], json!(["en", "es"]));
    assert_eq!(trends["timezone"], "America/Chicago");
    let daily = trends["daily"].as_array().expect("daily");
    assert_eq!(daily.len(), 30);
    let today = daily.last().expect("today");
    assert_eq!(today["questions"], 10, "{today:#}");
    assert_eq!(today["by_language"], json!({"en": 7, "es": 3}));
    assert_eq!(today["helpful"], 2);
    assert_eq!(today["share_answered"], 0.4);
    assert_eq!(daily[0]["share_answered"], Value::Null);
    assert!(daily[..29].iter().all(|d| d["questions"] == 0));
    let week = get_json(&admin, &server, "/admin/api/trends?days=7").await;
    assert_eq!(week["daily"].as_array().expect("daily").len(), 7);
    assert_eq!(week["totals"]["questions"], 10);
    for bad in ["0", "366", "week"] {
        let response = admin
            .get(&server, &format!("/admin/api/trends?days={bad}"))
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        let body: Value = response.json().await.expect("error");
        assert_eq!(body["code"], "invalid_field");
    }

    // Gaps: handoffs and choices only, similar wordings grouped per language.
    let gaps = get_json(&admin, &server, "/admin/api/gaps").await;
    assert_eq!(gaps["questions"], 6, "{gaps:#}");
    assert_eq!(gaps["low_coverage"], 0.5);
    let languages = gaps["languages"].as_array().expect("languages");
    assert_eq!(languages.len(), 2);
    let en = &languages[0];
    assert_eq!((&en["lang"], &en["questions"]), (&json!("en"), &json!(4)));
    let groups = en["groups"].as_array().expect("groups");
    assert_eq!(groups.len(), 2, "{groups:#?}");
    let unicorn = &groups[0];
    assert_eq!(unicorn["count"], 3);
    assert_eq!(unicorn["handoff"], 3);
    assert_eq!(
        unicorn["representative"]
            .as_str()
            .expect("text")
            .to_lowercase()
            .trim_end_matches('?'),
        "how do i adopt a unicorn"
    );
    assert_eq!(
        unicorn["examples"],
        json!(["where can I adopt a baby unicorn"])
    );
    assert_eq!(groups[1]["representative"], "dragon parking permit");
    assert_eq!(
        (&groups[1]["count"], &groups[1]["choices"]),
        (&json!(1), &json!(1))
    );
    let es = &languages[1];
    assert_eq!((&es["lang"], &es["questions"]), (&json!("es"), &json!(2)));
    let es_groups = es["groups"].as_array().expect("groups");
    assert_eq!(es_groups.len(), 1, "{es_groups:#?}");
    assert_eq!(es_groups[0]["count"], 2);

    // Top questions: all questions, similar wordings together, with the entry given.
    let top = get_json(&admin, &server, "/admin/api/top-questions").await;
    assert_eq!(top["total"], 10);
    let questions = top["questions"].as_array().expect("questions");
    assert_eq!(questions.len(), 6, "{questions:#?}");
    assert_eq!(
        questions
            .iter()
            .map(|q| &q["count"])
            .map(|c| c.as_u64().expect("a count"))
            .sum::<u64>(),
        10
    );
    assert_eq!(questions[0]["count"], 3);
    let trash = questions
        .iter()
        .find(|q| q["entry_id"] == "trash-collection-day")
        .expect("the trash question");
    assert_eq!(
        (&trash["count"], &trash["answered"]),
        (&json!(2), &json!(2))
    );
    assert_eq!(trash["entry_title"], "When is my trash picked up?");
    let two = get_json(&admin, &server, "/admin/api/top-questions?limit=2").await;
    assert_eq!(two["questions"].as_array().expect("questions").len(), 2);

    // Feedback per entry and language, least helpful first, comments redacted.
    let fb = get_json(&admin, &server, "/admin/api/feedback").await;
    assert_eq!((&fb["helpful"], &fb["not_helpful"]), (&json!(2), &json!(2)));
    let entries = fb["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 3, "{entries:#?}");
    assert_eq!(entries[0]["entry_id"], "trash-collection-day");
    assert_eq!(entries[0]["lang"], "en");
    assert_eq!(
        (&entries[0]["helpful"], &entries[0]["not_helpful"]),
        (&json!(1), &json!(1))
    );
    assert_eq!(entries[0]["title"], "When is my trash picked up?");
    let comment = entries[0]["comments"][0]["text"].as_str().expect("comment");
    assert!(comment.starts_with("Wrong day for my street"), "{comment}");
    assert!(
        !comment.contains("4477"),
        "the phone number is masked: {comment}"
    );
    assert_eq!(entries[1]["entry_id"], Value::Null);
    assert_eq!(
        (&entries[1]["lang"], &entries[1]["not_helpful"]),
        (&json!("es"), &json!(1))
    );
    assert_eq!(entries[1]["comments"][0]["text"], "no sirve");
    assert_eq!(entries[2]["entry_id"], "pay-water-bill");
    assert_eq!(
        (&entries[2]["lang"], &entries[2]["helpful"]),
        (&json!("es"), &json!(1))
    );

    // Coverage: against the files.
    let (kb, _) = knowledge::load(content.path());
    let kb = kb.expect("content loads");
    let published = |lang: &str| kb.published().filter(|e| e.lang == lang).count();
    let coverage = get_json(&admin, &server, "/admin/api/coverage").await;
    assert_eq!(coverage["default_language"], "en");
    let langs = coverage["languages"].as_array().expect("languages");
    assert_eq!(langs[0]["lang"], "en");
    assert_eq!(langs[0]["entries"], published("en"));
    let es_cov = langs.iter().find(|l| l["lang"] == "es").expect("es");
    assert_eq!(es_cov["entries"], published("es"));
    assert_eq!(es_cov["missing"], json!([]));
    let zh = langs
        .iter()
        .find(|l| l["lang"] == "zh-Hans")
        .expect("zh-Hans");
    assert_eq!(zh["complete"], false);
    let missing = zh["missing"].as_array().expect("missing").len();
    assert_eq!(missing + published("zh-Hans"), published("en"));
    assert!(missing > 0);

    // Pages render the same figures.
    let page = admin.get(&server, "/admin/gaps").await;
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .expect("csp")
        .to_owned();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
    let html = page.text().await.expect("html");
    assert!(html.contains("where can I adopt a baby unicorn"));
    assert_eq!(html.matches(r#"<form class="draft-form""#).count(), 3);
    for path in [
        "/admin",
        "/admin/feedback",
        "/admin/trends",
        "/admin/coverage",
    ] {
        let response = admin.get(&server, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let html = response.text().await.expect("html");
        assert_eq!(html.matches("<h1>").count(), 1, "{path}");
        if path == "/admin" {
            // Questions without an answer say what residents got instead.
            let row = |question: &str| {
                let at = html
                    .find(question)
                    .unwrap_or_else(|| panic!("{question}: {html}"));
                let end = html[at..].find("</tr>").expect("the row ends") + at;
                html[at..end].to_owned()
            };
            let choices = row("dragon parking permit");
            assert!(choices.contains("No answer; choices offered"), "{choices}");
            let handoff = row("quiero adoptar un unicornio");
            assert!(handoff.contains("No answer; handed off"), "{handoff}");
        }
    }
    let trends_page = admin
        .get(&server, "/admin/trends")
        .await
        .text()
        .await
        .expect("html");
    assert_eq!(trends_page.matches(r#"role="img""#).count(), 3);
    assert!(trends_page.contains("English: 7 in total"));

    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_is_written_once_in_the_content_format_and_never_served() {
    let (server, content) = editable().await;
    let admin = Staff::login(&server, ADMIN).await;
    let entries_before =
        get_json(&admin, &server, "/admin/api/content").await["content"]["entries"].clone();

    let request = json!({
        "lang": "en",
        "question": "How do I adopt a unicorn?",
        "topic": "animals",
        "also_asked": ["where can I adopt a baby unicorn"],
    });
    let response = admin
        .post(&server, "/admin/api/drafts", request.clone())
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let draft: Value = response.json().await.expect("draft");
    assert_eq!(draft["path"], "en/animals/how-do-i-adopt-a-unicorn.md");
    assert_eq!(draft["status"], "draft");
    let file = content
        .path()
        .join("en/animals/how-do-i-adopt-a-unicorn.md");
    let text = std::fs::read_to_string(&file).expect("the draft file");
    assert!(
        text.starts_with("+++\nid = \"how-do-i-adopt-a-unicorn\"\n"),
        "{text}"
    );
    assert!(text.contains("status = \"draft\""));

    // It passes the check, as a draft.
    let (kb, problems) = knowledge::load(content.path());
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let entry = kb
        .expect("content")
        .get("how-do-i-adopt-a-unicorn", "en")
        .cloned()
        .expect("the draft parses");
    assert_eq!(entry.status, knowledge::Status::Draft);
    assert_eq!(entry.title, "How do I adopt a unicorn?");
    assert_eq!(*entry.also_asked, ["where can I adopt a baby unicorn"]);

    // Written once: the second time is refused and the file is unchanged.
    let again = admin.post(&server, "/admin/api/drafts", request).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let body: Value = again.json().await.expect("error");
    assert_eq!(body["code"], "invalid_field");
    assert_eq!(std::fs::read_to_string(&file).expect("file"), text);

    // Wrong language or topic: 422 invalid_field, nothing written.
    for (lang, topic) in [("fr", "animals"), ("en", "unicorns"), ("en", "../animals")] {
        let response = admin
            .post(
                &server,
                "/admin/api/drafts",
                json!({"lang": lang, "question": "Unicorn permits?", "topic": topic}),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{lang} {topic}"
        );
        let body: Value = response.json().await.expect("error");
        assert_eq!(body["code"], "invalid_field", "{body:#}");
    }
    assert!(!content.path().join("en/unicorns").exists());

    // Reloading keeps the draft out of the index: residents never get it.
    let reloaded = admin.post(&server, "/admin/reload", json!({})).await;
    assert_eq!(reloaded.status(), StatusCode::OK);
    let status = get_json(&admin, &server, "/admin/api/content").await;
    assert_eq!(status["content"]["entries"], entries_before);
    assert!(
        status["content"]["errors"]
            .as_array()
            .expect("errors")
            .is_empty()
    );
    let reply = ask(
        &Client::new(),
        &server,
        "how do I adopt a unicorn",
        "en",
        "handoff",
    )
    .await;
    assert_eq!(reply["answer"], Value::Null);

    // The page's form (no script): the token comes in the form; success redirects back.
    let client = Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .expect("client");
    let form = |token: &str| {
        format!(
            "csrf_token={token}&lang=es&question=%C2%BFd%C3%B3nde+adopto+un+unicornio%3F&topic=animals&also_asked=&days=7"
        )
    };
    let post_form = |body: String| {
        client
            .post(server.url("/admin/gaps/draft"))
            .header("Cookie", &admin.cookie)
            .header("Origin", server.url(""))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let refused = post_form(form("not-the-token")).await.expect("sent");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(
        !content
            .path()
            .join("es/animals/donde-adopto-un-unicornio.md")
            .exists()
    );
    let posted = post_form(form(&admin.csrf)).await.expect("sent");
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let location = posted.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert_eq!(
        location,
        "/admin/gaps?days=7&drafted=es/animals/donde-adopto-un-unicornio.md#drafted"
    );
    assert!(
        content
            .path()
            .join("es/animals/donde-adopto-un-unicornio.md")
            .exists()
    );
    let page = admin
        .get(&server, &location)
        .await
        .text()
        .await
        .expect("html");
    assert!(page.contains("Draft saved as <code>es/animals/donde-adopto-un-unicornio.md</code>"));
    let twice = post_form(form(&admin.csrf)).await.expect("sent");
    assert_eq!(twice.status(), StatusCode::CONFLICT);

    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_pages_refuse_everyone_but_the_sites_admins() {
    let (server, _content) = editable().await;
    let staff = Staff::login(&server, STAFF).await;
    let other = Staff::login(&server, OTHER_ADMIN).await;
    let admin = Staff::login(&server, ADMIN).await;
    assert!(admin.cookie.starts_with("wf_staff="));

    let anonymous = Client::new();
    let draft = json!({"lang": "en", "question": "unicorn permits", "topic": "animals"});
    for path in [
        "/admin/api/gaps",
        "/admin/api/feedback",
        "/admin/api/top-questions",
        "/admin/api/coverage",
        "/admin/api/trends",
        "/admin/api/content",
    ] {
        let response = anonymous.get(server.url(path)).send().await.expect("sent");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
        let body: Value = response.json().await.expect("error");
        assert_eq!(body["code"], "unauthorized", "{path}");
        for (who, account) in [("staff", &staff), ("another site's admin", &other)] {
            let response = account.get(&server, path).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{who} {path}");
            let body: Value = response.json().await.expect("error");
            assert_eq!(body["code"], "forbidden", "{who} {path}");
        }
    }
    let response = anonymous
        .post(server.url("/admin/api/drafts"))
        .json(&draft)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let response = staff
        .post(&server, "/admin/api/drafts", draft.clone())
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body: Value = response.json().await.expect("error");
    assert_eq!(body["code"], "forbidden");
    // An admin's POST still needs the CSRF token.
    let response = admin
        .client
        .post(server.url("/admin/api/drafts"))
        .header("Cookie", &admin.cookie)
        .json(&draft)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body: Value = response.json().await.expect("error");
    assert_eq!(body["code"], "csrf_rejected");

    // Pages: a sign-in link without a session, a refusal for staff.
    for path in [
        "/admin",
        "/admin/gaps",
        "/admin/feedback",
        "/admin/trends",
        "/admin/coverage",
    ] {
        let response = anonymous.get(server.url(path)).send().await.expect("sent");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
        let html = response.text().await.expect("html");
        assert!(html.contains(r#"href="/staff""#), "{path}: {html}");
        assert!(!html.contains("draft-form"));
        let response = staff.get(&server, path).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        let html = response.text().await.expect("html");
        assert!(html.contains("This page is for admins"), "{path}");
    }
    server.stop().await;
}

/// Whether `reply` satisfies `schema` as far as the description's reply schemas decide it:
/// `$ref`, `allOf`, `not`, `required` and `const` properties.
fn satisfies(doc: &Value, schema: &Value, reply: &Value) -> bool {
    if let Some(name) = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()) {
        return satisfies(doc, &doc["components"]["schemas"][name], reply);
    }
    let required = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|key| key.as_str().is_some_and(|k| reply.get(k).is_some()));
    let all_of = schema["allOf"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|part| satisfies(doc, part, reply));
    let not = schema
        .get("not")
        .is_none_or(|part| !satisfies(doc, part, reply));
    let constants =
        schema["properties"]
            .as_object()
            .into_iter()
            .flatten()
            .all(|(key, property)| {
                property
                    .get("const")
                    .is_none_or(|c| reply.get(key).is_none_or(|value| value == c))
            });
    required && all_of && not && constants
}

/// `cargo xtask api-check` found an admin's preview matching both alternatives of the
/// description's `oneOf` for `POST /api/v1/ask` (a PreviewResponse is also an AskResponse):
/// a resident's reply and a preview now each match exactly one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn previews_and_residents_replies_each_match_one_documented_shape() {
    let (server, _content) = editable().await;
    let admin = Staff::login(&server, ADMIN).await;
    let question =
        json!({"site": "riverton", "text": "when is trash picked up", "page_lang": "en"});
    let response = admin
        .post(&server, "/api/v1/ask?preview=1", question.clone())
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let preview: Value = response.json().await.expect("a preview");
    assert_eq!(preview["preview"], true, "{preview:#}");
    let resident = ask(
        &Client::new(),
        &server,
        "when is trash picked up",
        "en",
        "answer",
    )
    .await;
    assert!(resident.get("preview").is_none(), "{resident:#}");

    let doc: Value = Client::new()
        .get(server.url("/openapi.json"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("the description");
    let alternatives = doc["paths"]["/api/v1/ask"]["post"]["responses"]["200"]["content"]
        ["application/json"]["schema"]["oneOf"]
        .as_array()
        .expect("oneOf");
    let matching = |reply: &Value| -> Vec<usize> {
        (0..alternatives.len())
            .filter(|&i| satisfies(&doc, &alternatives[i], reply))
            .collect()
    };
    assert_eq!(matching(&resident), [0], "{resident:#}");
    assert_eq!(matching(&preview), [1], "{preview:#}");
    server.stop().await;
}
