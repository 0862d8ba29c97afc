//! `/metrics` on a real server: Prometheus text with requests per route pattern, answers per
//! outcome, the index, the process's memory, and nothing a resident typed.

mod common;

use common::sample;
use reqwest::Client;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_requests_and_answers_without_resident_text() {
    let server = common::start().await;
    let client = Client::new();
    for text in ["when is trash picked up", "zebrafish aquarium tickets"] {
        let response = client
            .post(server.url("/api/v1/ask"))
            .json(&json!({"site": "riverton", "text": text, "page_lang": "en"}))
            .send()
            .await
            .expect("sent");
        assert!(response.status().is_success());
    }
    let response = client
        .get(server.url("/metrics"))
        .send()
        .await
        .expect("sent");
    assert!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/plain"))
    );
    let text = response.text().await.expect("text");
    let asks = sample(
        &text,
        r#"wayfinder_http_requests_total{route="/api/v1/ask",method="POST",status="200"}"#,
    );
    assert_eq!(asks, Some(2.0), "{text}");
    let answered = sample(
        &text,
        r#"wayfinder_answers_total{site="riverton",lang="en",outcome="answer"}"#,
    );
    assert_eq!(answered, Some(1.0), "{text}");
    let handed_off = sample(
        &text,
        r#"wayfinder_answers_total{site="riverton",lang="en",outcome="handoff"}"#,
    );
    assert_eq!(handed_off, Some(1.0), "{text}");
    assert!(
        sample(&text, r#"wayfinder_index_entries{site="riverton"}"#).is_some_and(|n| n > 100.0)
    );
    assert!(text.contains("wayfinder_http_request_duration_seconds_bucket{route=\"/api/v1/ask\""));
    assert!(
        sample(&text, "process_resident_memory_bytes ").is_some_and(|bytes| bytes > 1e6),
        "{text}"
    );
    assert!(!text.contains("zebrafish"), "no resident text in metrics");
    server.stop().await;
}
