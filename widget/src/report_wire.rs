//! The guided form's JSON: the service's form and the receipt of a sent request, read field
//! by field (see [`crate::json`] for why not serde; the request itself is written by
//! [`crate::report_draft::Draft::request_json`]).

use protocol::requests::{Datatype, FormQuestion, FormValue, RequestReceipt, ServiceForm};

use crate::json::Fields;

/// The form of `GET /api/v1/services/{code}`; `None` when a field is missing or of the wrong
/// kind.
pub fn service_form<F: Fields>(json: &F) -> Option<ServiceForm> {
    Some(ServiceForm {
        service_code: json.text("service_code")?,
        name: json.text("name")?,
        lang: json.text("lang")?,
        questions: json.list("questions", question)?,
        form_url: optional_text(json, "form_url")?,
        phone: json.text("phone")?,
    })
}

fn question<F: Fields>(json: &F) -> Option<FormQuestion> {
    Some(FormQuestion {
        code: json.text("code")?,
        description: json.text("description")?,
        datatype: datatype(&json.text("datatype")?)?,
        required: json.flag("required")?,
        hint: optional_text(json, "hint")?,
        values: json.list("values", |v| {
            Some(FormValue {
                key: v.text("key")?,
                name: v.text("name")?,
            })
        })?,
    })
}

fn datatype(word: &str) -> Option<Datatype> {
    Some(match word {
        "string" => Datatype::String,
        "number" => Datatype::Number,
        "datetime" => Datatype::Datetime,
        "text" => Datatype::Text,
        "singlevaluelist" => Datatype::Singlevaluelist,
        "multivaluelist" => Datatype::Multivaluelist,
        _ => return None,
    })
}

/// Field `key` when it is a string, `Some(None)` when missing, `None` when of another kind.
fn optional_text<F: Fields>(json: &F, key: &str) -> Option<Option<String>> {
    match json.field(key) {
        None => Some(None),
        Some(value) => Some(Some(value.string()?)),
    }
}

/// The reply of `POST /api/v1/requests`.
pub fn receipt<F: Fields>(json: &F) -> Option<RequestReceipt> {
    Some(RequestReceipt {
        service_request_id: optional_text(json, "service_request_id")?,
        track_url: json.text("track_url")?,
        service_notice: optional_text(json, "service_notice")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    fn form() -> ServiceForm {
        ServiceForm {
            service_code: "pothole".into(),
            name: "Reportar un bache".into(),
            lang: "es".into(),
            questions: vec![
                FormQuestion {
                    code: "size".into(),
                    description: "¿Qué tamaño?".into(),
                    datatype: Datatype::Singlevaluelist,
                    required: true,
                    hint: Some("Compárelo.".into()),
                    values: vec![
                        FormValue {
                            key: "s".into(),
                            name: "Pequeño".into(),
                        },
                        FormValue {
                            key: "l".into(),
                            name: "Grande".into(),
                        },
                    ],
                },
                FormQuestion {
                    code: "days".into(),
                    description: "¿Cuántos días?".into(),
                    datatype: Datatype::Number,
                    required: false,
                    hint: None,
                    values: Vec::new(),
                },
            ],
            form_url: Some("https://www.riverton.example/311/pothole".into()),
            phone: "311".into(),
        }
    }

    #[test]
    fn reads_the_form_as_the_server_writes_it() {
        let mut bare = form();
        bare.questions.clear();
        bare.form_url = None;
        for expected in [form(), bare] {
            let text = serde_json::to_string(&expected).expect("json");
            let value = json::parse(&text).expect("parses");
            assert_eq!(service_form(&value), Some(expected), "{text}");
        }
        let mut broken = serde_json::to_value(form()).expect("json");
        broken["questions"][0]["datatype"] = serde_json::json!("colour");
        assert_eq!(service_form(&broken), None);
    }

    #[test]
    fn reads_receipts_with_and_without_a_number() {
        for expected in [
            RequestReceipt {
                service_request_id: Some("1042".into()),
                track_url: "https://x/track/riverton/1042".into(),
                service_notice: Some("Crews fill potholes within 3 days.".into()),
            },
            RequestReceipt {
                service_request_id: None,
                track_url: "https://x/track/riverton/t/abc".into(),
                service_notice: None,
            },
        ] {
            let text = serde_json::to_string(&expected).expect("json");
            assert_eq!(
                receipt(&json::parse(&text).expect("parses")),
                Some(expected)
            );
        }
    }
}
