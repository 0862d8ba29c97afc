//! `GET /openapi.json`: the API's OpenAPI 3.1 description (`server/openapi.json`).

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::state::AppState;

/// The description, as committed next to the code it describes.
pub const OPENAPI_JSON: &str = include_str!("../../openapi.json");

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(openapi))
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON)
}

#[cfg(test)]
mod tests {
    use super::OPENAPI_JSON;
    use protocol::ErrorCode;
    use serde_json::Value;

    fn document() -> Value {
        serde_json::from_str(OPENAPI_JSON).expect("openapi.json is JSON")
    }

    #[test]
    fn every_error_code_is_documented_and_no_other() {
        let doc = document();
        let listed: Vec<&str> = doc["components"]["schemas"]["Error"]["properties"]["code"]["enum"]
            .as_array()
            .expect("an enum of codes")
            .iter()
            .map(|v| v.as_str().expect("a code"))
            .collect();
        let actual: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, actual);
    }

    /// What schemathesis (`cargo xtask api-check`) found missing: replies offering to report
    /// a problem here (`report`) used a kind the description did not list.
    #[test]
    fn every_action_kind_is_documented_and_no_other() {
        use protocol::ActionKind;
        let all = [
            ActionKind::Link,
            ActionKind::Form,
            ActionKind::Human,
            ActionKind::Status,
            ActionKind::Chat,
            ActionKind::Report,
        ];
        // A new kind does not compile here until it is listed above.
        for kind in all {
            match kind {
                ActionKind::Link
                | ActionKind::Form
                | ActionKind::Human
                | ActionKind::Status
                | ActionKind::Chat
                | ActionKind::Report => {}
            }
        }
        let doc = document();
        let listed: Vec<&str> =
            doc["components"]["schemas"]["Action"]["properties"]["kind"]["enum"]
                .as_array()
                .expect("an enum of kinds")
                .iter()
                .map(|v| v.as_str().expect("a kind"))
                .collect();
        let actual: Vec<Value> = all
            .iter()
            .map(|k| serde_json::to_value(k).expect("serialises"))
            .collect();
        let actual: Vec<&str> = actual.iter().filter_map(Value::as_str).collect();
        assert_eq!(listed, actual);
    }

    /// What schemathesis found answering undocumented statuses once signed in: the staff
    /// sign-out (204, no body) and the console's WebSocket (101; 400 in plain text for a GET
    /// that is not an upgrade).
    #[test]
    fn staff_sign_out_and_socket_statuses_are_documented() {
        let doc = document();
        let logout = &doc["paths"]["/staff/api/logout"]["post"]["responses"];
        assert!(logout.get("204").is_some() && logout.get("200").is_none());
        let socket = &doc["paths"]["/staff/api/live"]["get"]["responses"];
        assert!(socket.get("101").is_some() && socket.get("200").is_none());
        assert!(socket["400"]["content"].get("text/plain").is_some());
    }

    #[test]
    fn every_api_route_is_documented() {
        let doc = document();
        for path in [
            "/api/v1/ask",
            "/api/v1/feedback",
            "/api/v1/privacy",
            "/healthz",
            "/openapi.json",
            "/api/v1/live/availability",
            "/api/v1/chats",
            "/api/v1/chats/{chat_id}/live",
            "/api/v1/chats/{chat_id}/rating",
            "/api/v1/chats/{chat_id}/transcript",
            "/api/v1/tickets",
            "/staff/api/login",
            "/staff/api/queue",
            "/staff/api/live",
        ] {
            assert!(
                doc["paths"].get(path).is_some(),
                "{path} is not in openapi.json"
            );
        }
    }

    /// What schemathesis (`cargo xtask api-check`) found missing: the refusals axum's
    /// extractors answer before a handler runs.
    #[test]
    fn refusals_of_malformed_requests_are_documented() {
        let doc = document();
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for (method, op) in item.as_object().expect("an operation map") {
                let responses = &op["responses"];
                let has_query = op["parameters"]
                    .as_array()
                    .is_some_and(|p| p.iter().any(|p| p["in"] == "query"));
                if has_query {
                    assert!(responses.get("400").is_some(), "{method} {path}: no 400");
                }
                if op["requestBody"]["content"]
                    .get("application/json")
                    .is_some()
                {
                    // 413: every router limits bodies (`protocol::MAX_BODY_BYTES`); a text
                    // within its documented length can exceed it as JSON escapes.
                    for status in ["400", "413", "415", "422"] {
                        assert!(
                            responses.get(status).is_some(),
                            "{method} {path}: no {status}"
                        );
                    }
                }
                for param in op["parameters"].as_array().into_iter().flatten() {
                    if param["in"] == "path" {
                        let name = param["name"].as_str().expect("a name");
                        assert!(path.contains(&format!("{{{name}}}")), "{path}: {name}");
                    }
                }
                for name in path.split('{').skip(1).filter_map(|s| s.split('}').next()) {
                    let declared = op["parameters"]
                        .as_array()
                        .is_some_and(|p| p.iter().any(|p| p["name"] == name && p["in"] == "path"));
                    assert!(
                        declared,
                        "{method} {path}: path parameter {name} not declared"
                    );
                }
            }
        }
    }

    #[test]
    fn request_schemas_match_the_wire_types() {
        let doc = document();
        let props = |name: &str| -> Vec<String> {
            let mut keys: Vec<String> = doc["components"]["schemas"][name]["properties"]
                .as_object()
                .expect("properties")
                .keys()
                .cloned()
                .collect();
            keys.sort();
            keys
        };
        let full = protocol::AskRequest {
            site: "s".into(),
            text: "t".into(),
            page_lang: Some("en".into()),
            languages: vec!["en".into()],
            conversation_id: Some("c".into()),
            choice: Some("x".into()),
            consent: Some("1".into()),
        };
        let mut wire: Vec<String> = serde_json::to_value(full)
            .expect("serialises")
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect();
        wire.sort();
        assert_eq!(props("AskRequest"), wire);

        let notice = protocol::PrivacyNotice {
            version: "v".into(),
            required: true,
            title: "t".into(),
            text: "x".into(),
            url: Some("https://x.example/privacy".into()),
            lang: "en".into(),
        };
        let mut wire: Vec<String> = serde_json::to_value(notice)
            .expect("serialises")
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect();
        wire.sort();
        assert_eq!(props("PrivacyNotice"), wire);
    }
}
