//! `/kiosk`: the assistant full screen for public terminals, on a real server — its page
//! under the strict policy, the widget loaded in kiosk mode, and clear errors for an unknown
//! site or a bad inactivity time.

mod common;

use reqwest::{Client, StatusCode};

async fn page(server: &common::TestServer, query: &str) -> (StatusCode, String, String) {
    let response = Client::new()
        .get(server.url(&format!("/kiosk?{query}")))
        .send()
        .await
        .expect("sent");
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
async fn the_kiosk_page_loads_the_widget_in_kiosk_mode_under_a_strict_policy() {
    let server = common::start().await;

    let (status, csp, html) = page(&server, "site=riverton&lang=es&idle=45").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'") && csp.contains("style-src 'self'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(html.contains("<html lang=\"es\""), "{html}");
    assert!(
        html.contains("src=\"/widget/widget.js\" data-site=\"riverton\" data-lang=\"es\" data-mode=\"kiosk\" data-idle-seconds=\"45\""),
        "{html}"
    );
    assert!(html.contains("<main>") && html.contains("<h1"), "{html}");
    assert!(
        !html.contains("<style") && !html.contains(" style="),
        "no inline styles"
    );
    assert_eq!(
        html.matches("<script").count(),
        html.matches("<script src=").count(),
        "no inline scripts"
    );

    // Without lang and idle: the site's default language, the widget's default time.
    let (status, _, html) = page(&server, "site=riverton").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"en\""), "{html}");
    assert!(!html.contains("data-idle-seconds"), "{html}");

    // Its stylesheet is served under the same policy.
    let css = Client::new()
        .get(server.url("/kiosk.css"))
        .send()
        .await
        .expect("sent");
    assert_eq!(css.status(), StatusCode::OK);
    assert!(
        css.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .expect("text")
            .starts_with("text/css")
    );

    // An unknown site: a page saying so, escaped.
    let (status, csp, html) = page(&server, "site=%3Cnowhere%3E").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(html.contains("No assistant here"), "{html}");
    assert!(
        html.contains("&lt;nowhere&gt;") && !html.contains("<nowhere>"),
        "{html}"
    );
    let (status, _, _) = page(&server, "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Inactivity times outside 3 s to an hour are refused with an explanation.
    for idle in ["2", "3601", "soon", "-5"] {
        let (status, _, html) = page(&server, &format!("site=riverton&idle={idle}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{idle}");
        assert!(html.contains("from 3 to 3600"), "{html}");
    }
    server.stop().await;
}
