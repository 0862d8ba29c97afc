//! The guided form's JSON: the service's form read field by field, the filled-in request
//! written into exactly what `serde_json` writes for [`RequestSubmission`], and the receipt
//! read back (see [`crate::json`] for why not serde).

use protocol::requests::{
    AttributeAnswer, Datatype, FormQuestion, FormValue, RequestReceipt, RequestSubmission,
    ServiceForm,
};

use crate::json::{Fields, Object, ToJson};

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

impl ToJson for RequestSubmission {
    fn to_json(&self) -> String {
        let mut object = Object::new()
            .text("site", &self.site)
            .text("lang", &self.lang)
            .text("service_code", &self.service_code)
            .maybe_text("address", self.address.as_deref());
        if let Some(lat) = self.lat {
            object = object.float("lat", lat);
        }
        if let Some(long) = self.long {
            object = object.float("long", long);
        }
        if !self.attributes.is_empty() {
            let mut answers = Object::new();
            for (code, answer) in &self.attributes {
                answers = match answer {
                    AttributeAnswer::One(value) => answers.text(code, value),
                    AttributeAnswer::Many(values) => answers.list(code, values),
                };
            }
            object = object.raw("attributes", &answers.finish());
        }
        let contact = &self.contact;
        let contact = Object::new()
            .maybe_text("first_name", contact.first_name.as_deref())
            .maybe_text("last_name", contact.last_name.as_deref())
            .maybe_text("email", contact.email.as_deref())
            .maybe_text("phone", contact.phone.as_deref())
            .finish();
        object
            .maybe_text("description", self.description.as_deref())
            .maybe_text("media_url", self.media_url.as_deref())
            .raw("contact", &contact)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use protocol::requests::Contact;

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

    #[test]
    fn writes_submissions_as_serde_writes_them() {
        let tricky = "Línea \"uno\"\n\tbarra \\ 😀";
        let full = RequestSubmission {
            site: "riverton".into(),
            lang: "es".into(),
            service_code: "pothole".into(),
            address: Some(tricky.into()),
            lat: Some(40.7128),
            long: Some(-74.006),
            attributes: BTreeMap::from([
                ("size".to_owned(), AttributeAnswer::One("l".into())),
                (
                    "carts".to_owned(),
                    AttributeAnswer::Many(vec!["trash".into(), "yard".into()]),
                ),
            ]),
            description: Some(tricky.into()),
            media_url: Some("https://example.com/p.jpg".into()),
            contact: Contact {
                first_name: Some("Ana".into()),
                last_name: None,
                email: Some("ana@example.com".into()),
                phone: Some("+1 555 0100".into()),
            },
        };
        let bare = RequestSubmission {
            site: "riverton".into(),
            lang: "en".into(),
            service_code: "graffiti".into(),
            address: None,
            lat: Some(41.0),
            long: Some(-73.5),
            attributes: BTreeMap::new(),
            description: None,
            media_url: None,
            contact: Contact::default(),
        };
        for submission in [full, bare] {
            let written = submission.to_json();
            assert_eq!(
                written,
                serde_json::to_string(&submission).expect("json"),
                "{submission:?}"
            );
            let read: RequestSubmission = serde_json::from_str(&written).expect("parses");
            assert_eq!(read, submission);
        }
    }
}
