//! Service requests ("report a pothole") and their status, as the widget sees them. The server
//! speaks Open311 GeoReport v2 to the city's system (or keeps requests itself); these are the
//! widget's side of it.
//!
//! - `GET /api/v1/services/{code}?site=…&lang=…` → [`ServiceForm`]: what to ask, in order.
//! - `POST /api/v1/requests` ([`RequestSubmission`]) → [`RequestReceipt`].
//! - `GET /api/v1/requests/{id}?site=…&lang=…` → [`RequestStatus`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Longest description Open311 accepts, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 4_000;

/// A service's form: the questions to ask one at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceForm {
    /// Open311 service code.
    pub service_code: String,
    /// The service's name in the resident's language (from the knowledge base).
    pub name: String,
    /// Language of `name`.
    pub lang: String,
    /// Questions of the service definition, in order (empty when the service has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<FormQuestion>,
    /// The city's own online form, offered as an alternative and as the fallback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_url: Option<String>,
    /// The city's phone number, the fallback when nothing else works.
    pub phone: String,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Datatype {
    /// One line of text.
    String,
    /// A number.
    Number,
    /// A date and time.
    Datetime,
    /// Several lines of text.
    Text,
    /// One of `values` (radio buttons).
    Singlevaluelist,
    /// Any of `values` (checkboxes).
    Multivaluelist,
}

/// One question of a service form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormQuestion {
    /// Attribute code, the key in [`RequestSubmission::attributes`].
    pub code: String,
    /// The question as the city wrote it.
    pub description: String,
    /// Answer type.
    pub datatype: Datatype,
    /// Whether an answer is needed.
    pub required: bool,
    /// Extra guidance, when the city gives some.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Choices for the list types.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<FormValue>,
}

/// One choice of a list question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormValue {
    /// What is sent.
    pub key: String,
    /// What is shown.
    pub name: String,
}

/// How to reach the resident about the request (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// A filled-in service form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestSubmission {
    /// Site id.
    pub site: String,
    /// The resident's language.
    pub lang: String,
    /// Open311 service code.
    pub service_code: String,
    /// Where, as an address the resident typed (this or `lat` + `long` is required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Latitude (WGS84), from "use my location".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude (WGS84).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long: Option<f64>,
    /// Answers by attribute code: a string, or a list for multi-value questions.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, AttributeAnswer>,
    /// What the resident describes, plain text, at most [`MAX_DESCRIPTION_CHARS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A photo's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
    /// How to reach the resident.
    #[serde(default)]
    pub contact: Contact,
    /// The privacy notice version the resident accepted, for sites that require consent
    /// (see [`crate::privacy`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<String>,
}

/// An answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AttributeAnswer {
    /// One value.
    One(String),
    /// Several values (multi-value lists).
    Many(Vec<String>),
}

/// The request was received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestReceipt {
    /// The city's tracking number, when it gave one at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_request_id: Option<String>,
    /// A page that shows the request's status, to bookmark (no account needed).
    pub track_url: String,
    /// What the city says about requests of this kind, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_notice: Option<String>,
}

/// Where a request is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestStatus {
    /// The tracking number.
    pub service_request_id: String,
    /// `open` or `closed`.
    pub status: String,
    /// The city's notes on the status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_notes: Option<String>,
    /// The service's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// When it was reported, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_datetime: Option<String>,
    /// Last update, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_datetime: Option<String>,
    /// When the city expects to finish, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_datetime: Option<String>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The city department or agency handling it, when the city says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_responsible: Option<String>,
    /// The page to bookmark.
    pub track_url: String,
}
