//! A client for a city's Open311 GeoReport v2 endpoint: service definitions, submitting
//! requests (with the API key), resolving batch tokens, and request status.

use std::time::Duration;

use super::georeport::{Created, Error, Request, ServiceDefinition};

/// How long one call to the city's system may take.
const TIMEOUT: Duration = Duration::from_secs(10);

/// Why the city's system did not give what was asked.
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    /// It could not be reached or did not answer in time.
    #[error("the city's request system cannot be reached: {0}")]
    Unreachable(String),
    /// It answered with an error (the standard's `{code, description}` list).
    #[error("the city's request system refused: {status} {}", describe(.errors))]
    Refused {
        /// HTTP status.
        status: u16,
        /// Its errors.
        errors: Vec<Error>,
    },
    /// It answered something that is not GeoReport v2.
    #[error("the city's request system answered unexpectedly: {0}")]
    Invalid(String),
}

impl UpstreamError {
    /// For logs: what went wrong without what the city's system said in its answer, which
    /// may quote what the resident wrote (`refused 400`, `invalid answer`).
    pub fn summary(&self) -> String {
        match self {
            Self::Unreachable(reason) => format!("unreachable: {reason}"),
            Self::Refused { status, .. } => format!("refused {status}"),
            Self::Invalid(_) => "invalid answer".to_owned(),
        }
    }
}

fn describe(errors: &[Error]) -> String {
    errors
        .iter()
        .map(|e| e.description.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// What is sent with `POST requests.json`, as form fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Submission {
    /// `service_code`.
    pub service_code: String,
    /// `lat` and `long`.
    pub position: Option<(f64, f64)>,
    /// `address_string`.
    pub address: Option<String>,
    /// `attribute[code]` (or `attribute[code][]` for several values).
    pub attributes: Vec<(String, Vec<String>)>,
    /// `description` (plain text, ≤ 4,000 characters).
    pub description: Option<String>,
    /// `media_url`.
    pub media_url: Option<String>,
    /// `email`, `first_name`, `last_name`, `phone`.
    pub contact: protocol::requests::Contact,
}

impl Submission {
    /// The form fields in the standard's names.
    pub fn fields(&self) -> Vec<(String, String)> {
        let mut fields = vec![("service_code".to_owned(), self.service_code.clone())];
        if let Some((lat, long)) = self.position {
            fields.push(("lat".into(), lat.to_string()));
            fields.push(("long".into(), long.to_string()));
        }
        let optional = [
            ("address_string", &self.address),
            ("description", &self.description),
            ("media_url", &self.media_url),
            ("email", &self.contact.email),
            ("first_name", &self.contact.first_name),
            ("last_name", &self.contact.last_name),
            ("phone", &self.contact.phone),
        ];
        for (name, value) in optional {
            if let Some(value) = value {
                fields.push((name.to_owned(), value.clone()));
            }
        }
        for (code, values) in &self.attributes {
            if let [one] = values.as_slice() {
                fields.push((format!("attribute[{code}]"), one.clone()));
            } else {
                for value in values {
                    fields.push((format!("attribute[{code}][]"), value.clone()));
                }
            }
        }
        fields
    }
}

/// A city's GeoReport v2 endpoint.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    api_key: Option<String>,
    jurisdiction_id: Option<String>,
}

impl Client {
    /// A client for `base` (the URL that `services.json` is relative to).
    pub fn new(base: &str, api_key: Option<String>, jurisdiction_id: Option<String>) -> Self {
        let base = if base.ends_with('/') {
            base.to_owned()
        } else {
            format!("{base}/")
        };
        Self {
            http: reqwest::Client::builder()
                .timeout(TIMEOUT)
                .build()
                .unwrap_or_default(),
            base,
            api_key,
            jurisdiction_id,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn jurisdiction(&self) -> Vec<(&'static str, String)> {
        self.jurisdiction_id
            .iter()
            .map(|j| ("jurisdiction_id", j.clone()))
            .collect()
    }

    /// Reads an answer: the body as `T` on success, the standard's error list otherwise.
    async fn read<T: serde::de::DeserializeOwned>(
        response: Result<reqwest::Response, reqwest::Error>,
    ) -> Result<T, UpstreamError> {
        let response = response.map_err(|e| UpstreamError::Unreachable(e.to_string()))?;
        let status = response.status();
        let body = response
            .text()
            .await
            .map_err(|e| UpstreamError::Unreachable(e.to_string()))?;
        decode(status.as_u16(), &body)
    }

    /// `GET services/{code}.json`.
    pub async fn definition(&self, code: &str) -> Result<ServiceDefinition, UpstreamError> {
        let response = self
            .http
            .get(self.url(&format!("services/{}.json", encode(code))))
            .query(&self.jurisdiction())
            .send()
            .await;
        Self::read(response).await
    }

    /// `POST requests.json` with the API key.
    pub async fn submit(&self, submission: &Submission) -> Result<Created, UpstreamError> {
        let mut fields = submission.fields();
        fields.extend(
            self.jurisdiction()
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v)),
        );
        if let Some(key) = &self.api_key {
            fields.push(("api_key".into(), key.clone()));
        }
        let response = self
            .http
            .post(self.url("requests.json"))
            .form(&fields)
            .send()
            .await;
        let created: Vec<Created> = Self::read(response).await?;
        created
            .into_iter()
            .next()
            .filter(|c| c.service_request_id.is_some() || c.token.is_some())
            .ok_or_else(|| UpstreamError::Invalid("no service_request_id or token".into()))
    }

    /// `GET tokens/{token}.json`: the request id once the city has assigned one.
    pub async fn resolve_token(&self, token: &str) -> Result<Option<String>, UpstreamError> {
        let response = self
            .http
            .get(self.url(&format!("tokens/{}.json", encode(token))))
            .query(&self.jurisdiction())
            .send()
            .await;
        match Self::read::<Vec<Created>>(response).await {
            Ok(found) => Ok(found.into_iter().find_map(|c| c.service_request_id)),
            Err(UpstreamError::Refused { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `GET requests/{id}.json`: `None` when the city knows no such request.
    pub async fn request(&self, id: &str) -> Result<Option<Request>, UpstreamError> {
        let response = self
            .http
            .get(self.url(&format!("requests/{}.json", encode(id))))
            .query(&self.jurisdiction())
            .send()
            .await;
        match Self::read::<Vec<Request>>(response).await {
            Ok(found) => Ok(found.into_iter().next()),
            Err(UpstreamError::Refused { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Reads a body the city's system answered with HTTP `status`: the body as `T` on success
/// (2xx), the standard's error list otherwise (or the body's start as the one error, when it
/// is not such a list).
pub fn decode<T: serde::de::DeserializeOwned>(status: u16, body: &str) -> Result<T, UpstreamError> {
    if !(200..300).contains(&status) {
        // An empty list explains nothing either: the body's start is then the one error.
        let errors = serde_json::from_str::<Vec<Error>>(body)
            .ok()
            .filter(|errors| !errors.is_empty())
            .unwrap_or_else(|| {
                vec![Error {
                    code: status,
                    description: body.chars().take(200).collect(),
                }]
            });
        return Err(UpstreamError::Refused { status, errors });
    }
    serde_json::from_str(body).map_err(|e| UpstreamError::Invalid(e.to_string()))
}

/// Percent-encodes a path segment.
fn encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_use_the_standards_names() {
        let submission = Submission {
            service_code: "POTHOLE".into(),
            position: Some((41.5, -90.5)),
            attributes: vec![
                ("SIZE".into(), vec!["large".into()]),
                ("WHERE".into(), vec!["lane".into(), "curb".into()]),
            ],
            description: Some("Deep hole".into()),
            contact: protocol::requests::Contact {
                email: Some("ana@example.com".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let fields = submission.fields();
        let has = |k: &str, v: &str| fields.iter().any(|(a, b)| a == k && b == v);
        assert!(has("service_code", "POTHOLE"));
        assert!(has("lat", "41.5") && has("long", "-90.5"));
        assert!(has("attribute[SIZE]", "large"));
        assert!(has("attribute[WHERE][]", "lane") && has("attribute[WHERE][]", "curb"));
        assert!(has("email", "ana@example.com"));
        assert!(!fields.iter().any(|(k, _)| k == "phone"));
    }

    #[test]
    fn answers_are_decoded_by_status() {
        let created: Vec<Created> = decode(201, r#"[{"token":"12345"}]"#).unwrap();
        assert_eq!(created[0].token.as_deref(), Some("12345"));
        match decode::<Vec<Created>>(404, r#"[{"code":"404","description":"No such request"}]"#) {
            Err(UpstreamError::Refused {
                status: 404,
                errors,
            }) => {
                assert_eq!(errors[0].description, "No such request");
            }
            other => panic!("{other:?}"),
        }
        // Not the standard's error list: its start is the one error.
        match decode::<Vec<Created>>(500, "<html>Internal Server Error</html>") {
            Err(UpstreamError::Refused {
                status: 500,
                errors,
            }) => {
                assert_eq!(errors.len(), 1);
                assert_eq!(errors[0].code, 500);
            }
            other => panic!("{other:?}"),
        }
        // Found by the `open311_response` fuzz target: a refusal with an empty error list
        // gave the resident "refused: 500 " and no reason.
        match decode::<Vec<Created>>(500, "[\n ]\n  ") {
            Err(UpstreamError::Refused {
                status: 500,
                errors,
            }) => {
                assert_eq!(errors.len(), 1, "{errors:?}");
                assert_eq!(errors[0].code, 500);
            }
            other => panic!("{other:?}"),
        }
        let invalid = decode::<Vec<Created>>(200, "{\"description\": \"Ana's pothole\"}");
        assert!(
            matches!(invalid, Err(UpstreamError::Invalid(_))),
            "{invalid:?}"
        );
        // Logs get the kind only: the city's text may quote the resident.
        assert_eq!(invalid.unwrap_err().summary(), "invalid answer");
    }

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(encode("SR 12/3"), "SR%2012%2F3");
        assert_eq!(encode("abc-1_2.3~"), "abc-1_2.3~");
    }
}
