//! Service requests through Open311 GeoReport v2: the service catalog from the knowledge base
//! (`kind = "service"` entries with an `open311_service_code`), forms from the city's service
//! definitions, submitting (to the city's system, or kept here in "local queue" mode), and
//! request status.
//!
//! - [`georeport`]: the standard's documents, JSON and XML.
//! - [`client`]: the client for a city's endpoint.
//! - [`status`]: "where is my request 12345?" in residents' languages.
//! - [`page`]: a request's status in words: the status page and the bot's answer.

pub mod client;
pub mod georeport;
pub mod page;
pub mod status;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use knowledge::{Entry, Kind, SearchIndex};
use protocol::requests::{
    AttributeAnswer, Datatype, FormQuestion, FormValue, MAX_DESCRIPTION_CHARS, RequestReceipt,
    RequestStatus, RequestSubmission, ServiceForm,
};

use crate::config::{Open311Config, SiteConfig};
use crate::redact::redact;
use crate::store::Store;
use crate::store::requests::NewServiceRequest;
use client::{Client, Submission, UpstreamError};
use georeport::{Attribute, Request};

/// Where a site's requests go.
#[derive(Debug, Clone)]
pub enum RequestSystem {
    /// The city's Open311 endpoint.
    Upstream(Client),
    /// Kept by Wayfinder ("local queue" mode).
    Local,
}

impl RequestSystem {
    /// The system configured by `[sites.open311]`; the API key is read from the environment
    /// variable the config names.
    pub fn from_config(config: &Open311Config) -> Self {
        match &config.endpoint {
            Some(endpoint) => Self::Upstream(Client::new(
                endpoint,
                config
                    .api_key_env
                    .as_deref()
                    .and_then(|name| std::env::var(name).ok()),
                config.jurisdiction_id.clone(),
            )),
            None => Self::Local,
        }
    }
}

/// The site's service entries in `lang` (or the default language), one per service code.
pub fn services(index: &SearchIndex, lang: &str) -> Vec<Arc<Entry>> {
    let mut codes: Vec<&str> = index
        .entries()
        .filter(|e| matches!(e.kind, Kind::Service))
        .filter_map(|e| e.open311_service_code.as_deref())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
        .into_iter()
        .filter_map(|code| service(index, code, lang))
        .collect()
}

/// The service entry with `code`, in `lang` when translated.
pub fn service(index: &SearchIndex, code: &str, lang: &str) -> Option<Arc<Entry>> {
    let id = index
        .entries()
        .find(|e| e.open311_service_code.as_deref() == Some(code))?
        .id
        .clone();
    index.entry(&id, lang)
}

/// Why a request could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// No such service on the site.
    #[error("no service {0:?} on this site")]
    UnknownService(String),
    /// The submission is incomplete or malformed; the message says what to fix.
    #[error("{0}")]
    Invalid(String),
    /// The city's system failed; the resident's input is kept by the widget to retry.
    #[error(transparent)]
    Upstream(#[from] UpstreamError),
    /// The database failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The form for `code`: questions from the city's service definition (none in local mode),
/// with the service's name in the resident's language.
pub async fn form(
    system: &RequestSystem,
    site: &SiteConfig,
    index: &SearchIndex,
    code: &str,
    lang: &str,
) -> Result<ServiceForm, SubmitError> {
    let entry =
        service(index, code, lang).ok_or_else(|| SubmitError::UnknownService(code.to_owned()))?;
    // The questions come from the city's system, or from the service entry in the site's
    // default language; the entry in the resident's language words them when translated.
    let mut attributes = match system {
        RequestSystem::Upstream(client) => client.definition(code).await?.attributes,
        RequestSystem::Local => service(index, code, index.default_language())
            .map(|default| entry_attributes(&default))
            .unwrap_or_default(),
    };
    attributes.retain(|a| a.variable);
    attributes.sort_by_key(|a| a.order);
    let questions = attributes
        .iter()
        .filter_map(question)
        .map(|q| in_words_of(q, &entry.questions))
        .collect();
    Ok(ServiceForm {
        service_code: code.to_owned(),
        name: entry.title.clone(),
        lang: entry.lang.clone(),
        questions,
        form_url: entry.form_url.as_deref().map(str::to_owned),
        phone: site.phone.clone(),
    })
}

/// The questions editors wrote for a service entry, as the attributes of its Open311 service
/// definition (what a site that keeps requests itself asks).
pub fn entry_attributes(entry: &Entry) -> Vec<Attribute> {
    entry
        .questions
        .iter()
        .zip(1..)
        .map(|(q, order)| Attribute {
            variable: true,
            code: q.code.clone(),
            datatype: q.datatype.word().to_owned(),
            required: q.required,
            datatype_description: q.hint.clone(),
            order,
            description: q.description.clone(),
            values: q
                .values
                .iter()
                .map(|(key, name)| georeport::AttributeValue {
                    key: key.clone(),
                    name: name.clone(),
                })
                .collect(),
        })
        .collect()
}

/// A question of the city's system, worded as the service entry in the resident's language
/// words it (matched by code, and list values by key); as the city wrote it otherwise.
fn in_words_of(mut question: FormQuestion, ours: &[knowledge::Question]) -> FormQuestion {
    let Some(local) = ours.iter().find(|q| q.code == question.code) else {
        return question;
    };
    question.description = local.description.clone();
    if local.hint.is_some() {
        question.hint = local.hint.clone();
    }
    for value in &mut question.values {
        if let Some((_, name)) = local.values.iter().find(|(key, _)| *key == value.key) {
            value.name = name.clone();
        }
    }
    question
}

/// A service-definition attribute as a form question (`None` for unknown datatypes).
fn question(a: &Attribute) -> Option<FormQuestion> {
    let datatype = match a.datatype.as_str() {
        "string" => Datatype::String,
        "number" => Datatype::Number,
        "datetime" => Datatype::Datetime,
        "text" => Datatype::Text,
        "singlevaluelist" => Datatype::Singlevaluelist,
        "multivaluelist" => Datatype::Multivaluelist,
        _ => return None,
    };
    Some(FormQuestion {
        code: a.code.clone(),
        description: a.description.clone(),
        datatype,
        required: a.required,
        hint: a.datatype_description.clone(),
        values: a
            .values
            .iter()
            .map(|v| FormValue {
                key: v.key.clone(),
                name: v.name.clone(),
            })
            .collect(),
    })
}

/// Removes HTML tags: the standard wants plain-text descriptions.
fn plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// Checks a submission against the form; the error names the first problem.
pub fn validate(form: &ServiceForm, request: &RequestSubmission) -> Result<(), SubmitError> {
    let invalid = |m: String| Err(SubmitError::Invalid(m));
    let has_address = request
        .address
        .as_deref()
        .is_some_and(|a| !a.trim().is_empty());
    match (request.lat, request.long) {
        (Some(lat), Some(long)) => {
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&long) {
                return invalid("lat must be within ±90 and long within ±180".into());
            }
        }
        (None, None) if has_address => {}
        (None, None) => return invalid("give an address or a position (lat and long)".into()),
        _ => return invalid("give both lat and long".into()),
    }
    if request
        .description
        .as_deref()
        .is_some_and(|d| d.chars().count() > MAX_DESCRIPTION_CHARS)
    {
        return invalid(format!(
            "descriptions are limited to {MAX_DESCRIPTION_CHARS} characters"
        ));
    }
    if let Some(unknown) = request
        .attributes
        .keys()
        .find(|code| !form.questions.iter().any(|q| &q.code == *code))
    {
        return invalid(format!("this service has no question {unknown:?}"));
    }
    for q in &form.questions {
        let answer = request.attributes.get(&q.code);
        let values: Vec<&str> = match answer {
            Some(AttributeAnswer::One(v)) => vec![v.as_str()],
            Some(AttributeAnswer::Many(vs)) => vs.iter().map(String::as_str).collect(),
            None => Vec::new(),
        };
        let values: Vec<&str> = values
            .into_iter()
            .filter(|v| !v.trim().is_empty())
            .collect();
        if values.is_empty() {
            if q.required {
                return invalid(format!("{:?} needs an answer", q.code));
            }
            continue;
        }
        match q.datatype {
            Datatype::Number if values.iter().any(|v| v.trim().parse::<f64>().is_err()) => {
                return invalid(format!("{:?} needs a number", q.code));
            }
            Datatype::Datetime
                if values
                    .iter()
                    .any(|v| chrono::DateTime::parse_from_rfc3339(v.trim()).is_err()) =>
            {
                return invalid(format!(
                    "{:?} needs a date and time (ISO 8601 with a time zone)",
                    q.code
                ));
            }
            Datatype::Singlevaluelist | Datatype::Multivaluelist => {
                if q.datatype == Datatype::Singlevaluelist && values.len() > 1 {
                    return invalid(format!("{:?} takes one choice", q.code));
                }
                if let Some(bad) = values
                    .iter()
                    .find(|v| !q.values.iter().any(|k| k.key == **v))
                {
                    return invalid(format!("{bad:?} is not a choice of {:?}", q.code));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// How often and how long a batch token is polled before the resident gets a tracking link
/// that resolves it later.
const TOKEN_POLLS: u32 = 3;
const TOKEN_POLL_EVERY: Duration = Duration::from_millis(500);

/// Submits a validated request; returns the receipt. In local mode the request is kept here.
pub async fn submit(
    system: &RequestSystem,
    store: &dyn Store,
    site: &SiteConfig,
    form: &ServiceForm,
    request: &RequestSubmission,
    base_url: &str,
) -> Result<RequestReceipt, SubmitError> {
    let description = request.description.as_deref().map(plain_text);
    let attributes: Vec<(String, Vec<String>)> = request
        .attributes
        .iter()
        .map(|(code, answer)| {
            let values = match answer {
                AttributeAnswer::One(v) => vec![v.clone()],
                AttributeAnswer::Many(vs) => vs.clone(),
            };
            (code.clone(), values)
        })
        .collect();
    let address = request
        .address
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned);
    let position = request.lat.zip(request.long);
    let mut record = NewServiceRequest {
        site: site.id.clone(),
        service_code: form.service_code.clone(),
        service_name: form.name.clone(),
        lang: request.lang.clone(),
        upstream_id: None,
        upstream: false,
        token: None,
        description: description.as_deref().map(redact),
        address: address.clone(),
        position,
        attributes: serde_json::to_value(attributes.iter().cloned().collect::<BTreeMap<_, _>>())
            .unwrap_or_default(),
        media_url: request.media_url.clone(),
        contact: serde_json::to_value(&request.contact).unwrap_or_default(),
    };
    let mut notice = None;
    if let RequestSystem::Upstream(client) = system {
        let created = client
            .submit(&Submission {
                service_code: form.service_code.clone(),
                position,
                address,
                attributes,
                description,
                media_url: request.media_url.clone(),
                contact: request.contact.clone(),
            })
            .await?;
        notice = created.service_notice.clone();
        record.upstream = true;
        record.upstream_id = created.service_request_id.clone();
        record.token = created.token.clone();
        if record.upstream_id.is_none()
            && let Some(token) = &created.token
        {
            for _ in 0..TOKEN_POLLS {
                tokio::time::sleep(TOKEN_POLL_EVERY).await;
                if let Ok(Some(id)) = client.resolve_token(token).await {
                    record.upstream_id = Some(id);
                    break;
                }
            }
        }
    }
    let id = store.add_request(&record).await?;
    let resolved = !id.starts_with("token:");
    let track_url = match (&record.token, resolved) {
        (Some(token), false) => track_url(base_url, &site.id, &format!("t/{token}"), &record.lang),
        _ => track_url(base_url, &site.id, &id, &record.lang),
    };
    Ok(RequestReceipt {
        service_request_id: resolved.then_some(id),
        track_url,
        service_notice: notice,
    })
}

/// The bookmarkable status page of a request.
pub fn track_url(base_url: &str, site: &str, id: &str, lang: &str) -> String {
    format!("{base_url}/track/{site}/{id}?lang={lang}")
}

/// The status of request `id`: from the city's system, or from the store in local mode.
/// `Ok(None)` when nobody knows the number.
pub async fn lookup(
    system: &RequestSystem,
    store: &dyn Store,
    site: &str,
    id: &str,
) -> Result<Option<Request>, SubmitError> {
    match system {
        RequestSystem::Upstream(client) => Ok(client.request(id).await?),
        RequestSystem::Local => Ok(store.service_request(site, id).await?),
    }
}

/// A batch token's request id, asking the city's system when the store does not know it yet.
pub async fn resolve(
    system: &RequestSystem,
    store: &dyn Store,
    site: &str,
    token: &str,
) -> Result<Option<String>, SubmitError> {
    match store.request_for_token(site, token).await? {
        None => Ok(None),
        Some(Some(id)) => Ok(Some(id)),
        Some(None) => {
            let RequestSystem::Upstream(client) = system else {
                return Ok(None);
            };
            let id = client.resolve_token(token).await?;
            if let Some(id) = &id {
                store.resolve_request_token(site, token, id).await?;
            }
            Ok(id)
        }
    }
}

/// The wire form of a request's status.
pub fn wire_status(request: &Request, track_url: String) -> RequestStatus {
    RequestStatus {
        service_request_id: request.service_request_id.clone(),
        status: request.status.clone(),
        status_notes: request.status_notes.clone(),
        service_name: request.service_name.clone(),
        requested_datetime: request.requested_datetime.clone(),
        updated_datetime: request.updated_datetime.clone(),
        expected_datetime: request.expected_datetime.clone(),
        address: request.address.clone(),
        agency_responsible: request.agency_responsible.clone(),
        track_url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ServiceForm {
        ServiceForm {
            service_code: "POTHOLE".into(),
            name: "Report a pothole".into(),
            lang: "en".into(),
            questions: vec![
                FormQuestion {
                    code: "SIZE".into(),
                    description: "How big is it?".into(),
                    datatype: Datatype::Singlevaluelist,
                    required: true,
                    hint: None,
                    values: vec![
                        FormValue {
                            key: "small".into(),
                            name: "Small".into(),
                        },
                        FormValue {
                            key: "large".into(),
                            name: "Large".into(),
                        },
                    ],
                },
                FormQuestion {
                    code: "DEPTH".into(),
                    description: "Depth in cm".into(),
                    datatype: Datatype::Number,
                    required: false,
                    hint: None,
                    values: Vec::new(),
                },
            ],
            form_url: None,
            phone: "1".into(),
        }
    }

    fn submission(attributes: &[(&str, &str)]) -> RequestSubmission {
        RequestSubmission {
            site: "riverton".into(),
            lang: "en".into(),
            service_code: "POTHOLE".into(),
            address: Some("100 Main St".into()),
            lat: None,
            long: None,
            attributes: attributes
                .iter()
                .map(|(k, v)| ((*k).to_owned(), AttributeAnswer::One((*v).to_owned())))
                .collect(),
            description: None,
            media_url: None,
            contact: Default::default(),
            consent: None,
        }
    }

    #[test]
    fn a_complete_submission_passes() {
        assert!(validate(&form(), &submission(&[("SIZE", "large"), ("DEPTH", "12")])).is_ok());
    }

    #[test]
    fn each_problem_is_named() {
        let cases: [(&[(&str, &str)], &str); 4] = [
            (&[], "\"SIZE\" needs an answer"),
            (&[("SIZE", "huge")], "\"huge\" is not a choice"),
            (&[("SIZE", "small"), ("DEPTH", "deep")], "needs a number"),
            (
                &[("SIZE", "small"), ("COLOR", "x")],
                "no question \"COLOR\"",
            ),
        ];
        for (attributes, expected) in cases {
            let err = validate(&form(), &submission(attributes))
                .unwrap_err()
                .to_string();
            assert!(err.contains(expected), "{err}");
        }
        let mut nowhere = submission(&[("SIZE", "small")]);
        nowhere.address = None;
        assert!(
            validate(&form(), &nowhere)
                .unwrap_err()
                .to_string()
                .contains("address")
        );
    }

    #[test]
    fn descriptions_lose_their_tags() {
        assert_eq!(
            plain_text(" <b>Deep</b> hole <script>x</script>"),
            "Deep hole x"
        );
    }
}
