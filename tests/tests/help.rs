//! `/help`: the assistant as a plain HTML page without JavaScript, on a real server.

mod common;

use reqwest::{Client, StatusCode};

async fn page(
    server: &common::TestServer,
    query: &str,
    accept: Option<&str>,
) -> (StatusCode, String, String) {
    let mut request = Client::new().get(server.url(&format!("/help?{query}")));
    if let Some(accept) = accept {
        request = request.header("Accept-Language", accept);
    }
    let response = request.send().await.expect("sent");
    let status = response.status();
    let csp = response
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, csp, response.text().await.expect("text"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_help_page_answers_without_javascript() {
    let server = common::start().await;

    let (status, csp, html) = page(&server, "site=riverton&q=when+is+trash+picked+up", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(!html.contains("<script"), "no script at all");
    // An empty icon of its own, which the policy allows: browsers do not ask for a
    // /favicon.ico that does not exist.
    assert!(
        html.contains("<link rel=\"icon\" href=\"data:,\">"),
        "{html}"
    );
    assert!(csp.contains("img-src data:"), "{csp}");
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("When is my trash picked up?"), "{html}");
    // A short heading to find the reply by, the bot's message as its first paragraph.
    assert!(
        html.contains(
            "<h2 id=\"reply\">Reply</h2>\n<p class=\"message\">Here is what I found.</p>"
        ),
        "{html}"
    );
    assert!(
        html.contains("href=\"https://www.riverton.example/"),
        "the official source is linked"
    );
    assert!(
        html.contains("<label for=\"q\">"),
        "the question box is labelled"
    );

    // Spanish from the browser's languages, and choices as links.
    let (_, _, html) = page(
        &server,
        "site=riverton&q=pagar",
        Some("es-MX,es;q=0.9,en;q=0.5"),
    )
    .await;
    assert!(html.contains("<html lang=\"es\""), "{html}");
    assert!(
        html.contains("<ul aria-label=\"¿Cuál de estas busca?\">"),
        "the choices are a named list: {html}"
    );
    // With choices, the ways to reach a person, under their own heading, in case none fits.
    let next_steps = html
        .split("<h3 id=\"next-steps\">Próximos pasos</h3>")
        .nth(1)
        .expect("a next-steps heading after the choices");
    assert!(
        next_steps.contains("href=\"tel:5550100100\"")
            && next_steps.contains("href=\"https://www.riverton.example/contact\""),
        "{next_steps}"
    );
    assert!(
        !html.contains("/api/v1/chats"),
        "live chat needs the widget: the page offers the other ways"
    );
    let link = html
        .split("href=\"")
        .find(|part| part.starts_with("/help?site=riverton&amp;lang=es&amp;choice="))
        .and_then(|part| part.split('"').next())
        .expect("choices are links")
        .replace("&amp;", "&");
    let (status, _, chosen) = page(&server, link.trim_start_matches("/help?"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(chosen.contains("<article lang=\"es\""), "{chosen}");

    // What the resident typed comes back escaped.
    let (_, _, html) = page(
        &server,
        "site=riverton&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        None,
    )
    .await;
    assert!(
        html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""),
        "{html}"
    );
    assert!(!html.contains("<script>alert"));

    let (status, _, _) = page(&server, "site=nowhere", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    server.stop().await;
}
