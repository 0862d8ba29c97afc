//! Open311 GeoReport v2 documents as the standard defines them (JSON form), for talking to a
//! city's system and for serving Wayfinder's own endpoints.

use serde::{Deserialize, Serialize};

/// One entry of `services.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    /// Stable code.
    pub service_code: String,
    /// Name.
    pub service_name: String,
    /// What it is for.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether a service definition with attributes exists.
    #[serde(default)]
    pub metadata: bool,
    /// `realtime`, `batch` or `blackbox`.
    #[serde(rename = "type", default = "realtime")]
    pub kind: String,
    /// Comma-separated synonyms.
    #[serde(default)]
    pub keywords: Option<String>,
    /// Category.
    #[serde(default)]
    pub group: Option<String>,
}

fn realtime() -> String {
    "realtime".into()
}

/// `services/{code}.json`: a service's attributes (its form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDefinition {
    /// The service.
    pub service_code: String,
    /// Its attributes.
    #[serde(default)]
    pub attributes: Vec<Attribute>,
}

/// One attribute of a service definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    /// `false` for information-only attributes (nothing to answer).
    #[serde(default = "yes")]
    pub variable: bool,
    /// Code, sent as `attribute[code]`.
    pub code: String,
    /// `string`, `number`, `datetime`, `text`, `singlevaluelist`, `multivaluelist`.
    pub datatype: String,
    /// Whether an answer is needed.
    #[serde(default)]
    pub required: bool,
    /// Guidance on the answer.
    #[serde(default)]
    pub datatype_description: Option<String>,
    /// Position in the form.
    #[serde(default)]
    pub order: u32,
    /// The question.
    pub description: String,
    /// Choices of list attributes.
    #[serde(default)]
    pub values: Vec<AttributeValue>,
}

fn yes() -> bool {
    true
}

/// One choice of a list attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeValue {
    /// What is sent.
    pub key: String,
    /// What is shown.
    pub name: String,
}

/// One element of the answer to `POST requests.json` (and of `tokens/{token}.json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    /// The request's id, when the service is `realtime`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_request_id: Option<String>,
    /// A token to resolve later, when the service is `batch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// What the city says about such requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_notice: Option<String>,
    /// The account the request was filed under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// One request as `requests/{id}.json` describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Its id.
    pub service_request_id: String,
    /// `open` or `closed`.
    pub status: String,
    /// Notes on the status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_notes: Option<String>,
    /// Service name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// Service code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_code: Option<String>,
    /// The resident's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who handles it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_responsible: Option<String>,
    /// Notice about the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_notice: Option<String>,
    /// When it was filed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_datetime: Option<String>,
    /// Last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_datetime: Option<String>,
    /// Expected completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_datetime: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// ZIP code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zipcode: Option<String>,
    /// Latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "long")]
    pub long: Option<f64>,
    /// Photo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
}

/// One element of an error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Error {
    /// HTTP status (some systems send it as a string).
    #[serde(deserialize_with = "number_or_string")]
    pub code: u16,
    /// What went wrong, human-readable.
    pub description: String,
}

fn number_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Code {
        Number(u16),
        Text(String),
    }
    Ok(match Code::deserialize(d)? {
        Code::Number(n) => n,
        Code::Text(t) => t.trim().parse().unwrap_or(0),
    })
}

/// XML for a list of GeoReport elements, as the standard requires alongside JSON: `root`
/// wraps one `item` element per object, each field an element of its own.
pub fn to_xml(root: &str, item: &str, objects: &[serde_json::Value]) -> String {
    let mut out = format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<{root}>");
    for object in objects {
        out.push_str(&format!("<{item}>"));
        write_fields(&mut out, object);
        out.push_str(&format!("</{item}>"));
    }
    out.push_str(&format!("</{root}>\n"));
    out
}

/// XML for one GeoReport object (e.g. a service definition): `root` holds its fields.
pub fn object_xml(root: &str, object: &serde_json::Value) -> String {
    let mut out = format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<{root}>");
    write_fields(&mut out, object);
    out.push_str(&format!("</{root}>\n"));
    out
}

fn write_fields(out: &mut String, value: &serde_json::Value) {
    let serde_json::Value::Object(map) = value else {
        out.push_str(&escape(&plain(value)));
        return;
    };
    for (key, value) in map {
        match value {
            serde_json::Value::Null => {}
            serde_json::Value::Array(items) => {
                out.push_str(&format!("<{key}>"));
                // `attributes` holds `attribute`s, `values` holds `value`s.
                let singular = key.strip_suffix('s').unwrap_or(key);
                for item in items {
                    out.push_str(&format!("<{singular}>"));
                    write_fields(out, item);
                    out.push_str(&format!("</{singular}>"));
                }
                out.push_str(&format!("</{key}>"));
            }
            other => {
                out.push_str(&format!("<{key}>"));
                write_fields(out, other);
                out.push_str(&format!("</{key}>"));
            }
        }
    }
}

fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Escapes `text` for XML, leaving out the characters XML 1.0 does not allow anywhere (C0
/// controls other than tab, line feed and carriage return; U+FFFE, U+FFFF): a resident's
/// description pasted with one would otherwise make the whole document unreadable.
fn escape(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_parse_with_the_standards_field_names() {
        let json = r#"[{"service_code":"001","service_name":"Cans left out 24x7","description":"Garbage cans","metadata":true,"type":"realtime","keywords":"lorem, ipsum","group":"sanitation"}]"#;
        let services: Vec<Service> = serde_json::from_str(json).unwrap();
        assert_eq!(services[0].kind, "realtime");
        assert!(services[0].metadata);
    }

    #[test]
    fn lists_wrap_each_item() {
        let xml = to_xml(
            "service_requests",
            "request",
            &[serde_json::json!({"service_request_id": "1", "status": "open", "lat": null})],
        );
        assert!(
            xml.ends_with("<service_requests><request><service_request_id>1</service_request_id><status>open</status></request></service_requests>\n"),
            "{xml}"
        );
    }

    #[test]
    fn error_codes_may_be_strings() {
        let errors: Vec<Error> =
            serde_json::from_str(r#"[{"code":"403","description":"Invalid api_key"}]"#).unwrap();
        assert_eq!(errors[0].code, 403);
    }

    #[test]
    fn xml_leaves_out_characters_xml_does_not_allow() {
        // Found by the `open311_response` fuzz target: a control character in a field made
        // the document malformed.
        let xml = to_xml(
            "services",
            "service",
            &[serde_json::json!({"service_code": "a\u{1}b", "service_name": "tab\there\u{ffff}"})],
        );
        assert!(xml.contains("<service_code>ab</service_code>"), "{xml}");
        assert!(
            xml.contains("<service_name>tab\there</service_name>"),
            "{xml}"
        );
    }

    #[test]
    fn xml_nests_lists_and_escapes() {
        let xml = object_xml(
            "service_definition",
            &serde_json::json!({"service_code": "A&B", "attributes": [{"code": "x", "values": [{"key": "1", "name": "<one>"}]}]}),
        );
        assert!(
            xml.contains("<service_code>A&amp;B</service_code>"),
            "{xml}"
        );
        assert!(
            xml.contains("<attributes><attribute><code>x</code><values><value><key>1</key><name>&lt;one&gt;</name></value></values></attribute></attributes>"),
            "{xml}"
        );
    }
}
