//! Service requests in the staff console: a site in "local queue" mode (no Open311
//! `endpoint`) keeps residents' requests itself, and its staff list them, read one, and set
//! its status, the notes residents read, the expected date and the department or agency
//! handling it (see docs/open311.md). Residents see the result wherever they look: the
//! widget's "where is my request …?", `/track/{site}/{id}` and `requests/{id}.json`.
//!
//! Same rules as the rest of the staff API ([`StaffSession`]): a session cookie, the CSRF
//! token on every change, and only the staff member's own site. Changes carry the
//! `updated_datetime` the staff member read; a request changed since is refused with 409
//! `edit_conflict`, so two people never silently overwrite each other.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, SecondsFormat, TimeZone as _, Utc};
use protocol::ErrorCode;
use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize};

use super::guard::ApiJson;
use super::requests::base_url;
use super::staff::StaffSession;
use crate::error::ApiError;
use crate::open311::{self, RequestSystem};
use crate::state::{AppState, Site};
use crate::store::requests::{
    ChangeOutcome, RequestChange, RequestFilter, RequestRecord, RequestUpdate,
};

/// Longest status note, in characters: a few sentences a resident reads on a phone.
pub const MAX_STATUS_NOTES_CHARS: usize = 1000;

/// Longest name of a department or agency.
const MAX_AGENCY_CHARS: usize = 120;

/// Requests listed when the console does not say how many.
const DEFAULT_LIMIT: u32 = 50;

/// Most requests listed at once.
const MAX_LIMIT: u32 = 200;

/// Characters of a description shown in the list.
const PREVIEW_CHARS: usize = 140;

/// The hour of the day, in the city's time zone, a date given without a time stands for.
const END_OF_WORKING_DAY: u32 = 17;

/// Routes of this feature (merged into the staff router, under its limits and headers).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/api/requests", get(list))
        .route("/staff/api/requests/{id}", get(detail))
        .route("/staff/api/requests/{id}/update", post(update))
}

/// How a site takes service requests, as the console needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Mode {
    /// Kept here: staff handle them in the console.
    Local,
    /// Sent to the city's Open311 system: staff handle them there.
    Upstream,
    /// The site takes no service requests.
    None,
}

fn mode(site: &Site) -> Mode {
    match site.open311 {
        Some(RequestSystem::Local) => Mode::Local,
        Some(RequestSystem::Upstream(_)) => Mode::Upstream,
        None => Mode::None,
    }
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidField,
        message,
    )
}

fn unknown_request(id: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::UnknownRequest,
        format!("no request {id:?} is kept for this site"),
    )
}

/// The staff member's site, or 403 `forbidden` when the account's site is not served here.
fn own_site<'a>(state: &'a AppState, session: &StaffSession) -> Result<&'a Site, ApiError> {
    state.sites.get(&session.account.site).ok_or_else(|| {
        ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "this account's site is not served here",
        )
    })
}

/// The staff member's site when it keeps its requests here; 404 `unknown_request` for `id`
/// otherwise (its requests are in the city's own system, or it takes none).
fn local_site<'a>(
    state: &'a AppState,
    session: &StaffSession,
    id: &str,
) -> Result<&'a Site, ApiError> {
    let site = own_site(state, session)?;
    match mode(site) {
        Mode::Local => Ok(site),
        Mode::Upstream => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::UnknownRequest,
            format!("request {id:?}: this site's requests are kept in the city's own system"),
        )),
        Mode::None => Err(unknown_request(id)),
    }
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    limit: Option<String>,
    #[serde(default)]
    offset: Option<String>,
}

/// Open and closed counts of the site's requests.
#[derive(Debug, Default, Serialize)]
struct Counts {
    open: u64,
    closed: u64,
}

/// A request as the console lists it.
#[derive(Debug, Serialize)]
struct Summary {
    service_request_id: String,
    service_code: Option<String>,
    service_name: Option<String>,
    status: String,
    lang: String,
    address: Option<String>,
    lat: Option<f64>,
    long: Option<f64>,
    preview: Option<String>,
    agency_responsible: Option<String>,
    requested_datetime: Option<String>,
    updated_datetime: Option<String>,
    expected_datetime: Option<String>,
}

/// `GET /staff/api/requests`: the answer.
#[derive(Debug, Serialize)]
struct ListAnswer {
    mode: Mode,
    counts: Counts,
    /// Requests matching the filter (all pages).
    total: u64,
    status: Option<String>,
    limit: u32,
    offset: u32,
    requests: Vec<Summary>,
}

fn preview(text: Option<&str>) -> Option<String> {
    let clean = text?.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.is_empty() {
        return None;
    }
    if clean.chars().count() <= PREVIEW_CHARS {
        return Some(clean);
    }
    let cut: String = clean.chars().take(PREVIEW_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!("{}…", cut.trim_end()))
}

/// The service's name in the site's default language (what staff read), else as stored (in
/// the resident's language).
fn service_name(site: &Site, record: &RequestRecord) -> Option<String> {
    let index = site.content.index();
    record
        .request
        .service_code
        .as_deref()
        .and_then(|code| open311::service(&index, code, index.default_language()))
        .map(|e| e.title.clone())
        .or_else(|| record.request.service_name.clone())
}

fn summary(site: &Site, record: &RequestRecord) -> Summary {
    let r = &record.request;
    Summary {
        service_request_id: r.service_request_id.clone(),
        service_code: r.service_code.clone(),
        service_name: service_name(site, record),
        status: r.status.clone(),
        lang: record.lang.clone(),
        address: r.address.clone(),
        lat: r.lat,
        long: r.long,
        preview: preview(r.description.as_deref()),
        agency_responsible: r.agency_responsible.clone(),
        requested_datetime: r.requested_datetime.clone(),
        updated_datetime: r.updated_datetime.clone(),
        expected_datetime: r.expected_datetime.clone(),
    }
}

/// A whole number query parameter in `range`, or `default` when absent.
fn number(
    name: &str,
    value: Option<&str>,
    default: u32,
    range: std::ops::RangeInclusive<u32>,
) -> Result<u32, ApiError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(default);
    };
    value
        .parse::<u32>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            invalid(format!(
                "{name} must be a whole number from {} to {}",
                range.start(),
                range.end()
            ))
        })
}

async fn list(
    State(state): State<AppState>,
    session: StaffSession,
    Query(query): Query<ListQuery>,
) -> Result<Json<ListAnswer>, ApiError> {
    let site = own_site(&state, &session)?;
    let status = match query.status.as_deref().map(str::trim) {
        None | Some("" | "all") => None,
        Some(s @ ("open" | "closed")) => Some(s.to_owned()),
        Some(other) => {
            return Err(invalid(format!(
                "status must be \"open\", \"closed\" or \"all\", not {other:?}"
            )));
        }
    };
    let limit = number(
        "limit",
        query.limit.as_deref(),
        DEFAULT_LIMIT,
        1..=MAX_LIMIT,
    )?;
    let offset = number("offset", query.offset.as_deref(), 0, 0..=1_000_000)?;
    let site_mode = mode(site);
    let mut answer = ListAnswer {
        mode: site_mode,
        counts: Counts::default(),
        total: 0,
        status: status.clone(),
        limit,
        offset,
        requests: Vec::new(),
    };
    if site_mode != Mode::Local {
        return Ok(Json(answer));
    }
    let page = state
        .store
        .staff_requests(
            &site.config.id,
            &RequestFilter {
                status: status.clone(),
                limit,
                offset,
            },
        )
        .await?;
    answer.total = match status.as_deref() {
        Some("open") => page.open,
        Some(_) => page.closed,
        None => page.open + page.closed,
    };
    answer.counts = Counts {
        open: page.open,
        closed: page.closed,
    };
    answer.requests = page.requests.iter().map(|r| summary(site, r)).collect();
    Ok(Json(answer))
}

/// One answer to a service question, with the question's text when the service defines it.
#[derive(Debug, Serialize)]
struct Answer {
    code: String,
    question: Option<String>,
    values: Vec<String>,
}

/// `GET /staff/api/requests/{id}` (and the answer to an update).
#[derive(Debug, Serialize)]
struct Detail {
    service_request_id: String,
    service_code: Option<String>,
    service_name: Option<String>,
    status: String,
    status_notes: Option<String>,
    agency_responsible: Option<String>,
    lang: String,
    description: Option<String>,
    address: Option<String>,
    lat: Option<f64>,
    long: Option<f64>,
    media_url: Option<String>,
    answers: Vec<Answer>,
    contact: BTreeMap<String, String>,
    requested_datetime: Option<String>,
    updated_datetime: Option<String>,
    expected_datetime: Option<String>,
    /// The resident's status page.
    track_url: String,
    /// Changes staff made, oldest first.
    history: Vec<RequestUpdate>,
    /// Departments and agencies the request can be assigned to.
    agencies: Vec<String>,
    /// The service's own department, suggested when the request is unassigned.
    suggested_agency: Option<String>,
    /// Whether the last update changed anything (only in answers to updates).
    #[serde(skip_serializing_if = "Option::is_none")]
    changed: Option<bool>,
}

/// Departments and agencies requests of `site` can be assigned to: the live-chat departments
/// and the owners of the site's service entries, each once, sorted.
fn agencies(site: &Site) -> Vec<String> {
    let mut names: Vec<String> = site
        .live
        .as_ref()
        .map(|l| l.departments().into_iter().map(|d| d.name).collect())
        .unwrap_or_default();
    let index = site.content.index();
    names.extend(
        open311::services(&index, index.default_language())
            .iter()
            .map(|e| e.owner.trim().to_owned())
            .filter(|o| !o.is_empty()),
    );
    names.sort_by_key(|n| n.to_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

/// The answers of `record` with the questions' text (and choice names) from the service's
/// entry in the site's default language; the codes alone when the service no longer has them.
fn answers(site: &Site, record: &RequestRecord) -> Vec<Answer> {
    let index = site.content.index();
    let entry = record
        .request
        .service_code
        .as_deref()
        .and_then(|code| open311::service(&index, code, index.default_language()));
    let Some(map) = record.attributes.as_object() else {
        return Vec::new();
    };
    let mut answers: Vec<(usize, Answer)> = map
        .iter()
        .map(|(code, value)| {
            let question = entry
                .as_ref()
                .and_then(|e| e.questions.iter().position(|q| &q.code == code))
                .and_then(|i| Some((i, entry.as_ref()?.questions.get(i)?)));
            let raw: Vec<String> = match value {
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect(),
                serde_json::Value::String(s) => vec![s.clone()],
                other => vec![other.to_string()],
            };
            let values = raw
                .into_iter()
                .map(|v| {
                    question
                        .and_then(|(_, q)| q.values.iter().find(|(key, _)| *key == v))
                        .map_or(v.clone(), |(_, name)| name.clone())
                })
                .collect();
            (
                question.map_or(usize::MAX, |(i, _)| i),
                Answer {
                    code: code.clone(),
                    question: question.map(|(_, q)| q.description.clone()),
                    values,
                },
            )
        })
        .collect();
    answers.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.code.cmp(&b.1.code)));
    answers.into_iter().map(|(_, a)| a).collect()
}

async fn detail_of(
    state: &AppState,
    site: &Site,
    headers: &HeaderMap,
    record: RequestRecord,
    changed: Option<bool>,
) -> Result<Detail, ApiError> {
    let id = record.request.service_request_id.clone();
    let history = state.store.request_updates(&site.config.id, &id).await?;
    let answers = answers(site, &record);
    let index = site.content.index();
    let suggested_agency = record
        .request
        .service_code
        .as_deref()
        .and_then(|code| open311::service(&index, code, index.default_language()))
        .map(|e| e.owner.trim().to_owned())
        .filter(|o| !o.is_empty());
    let contact = record
        .contact
        .as_object()
        .map(|c| {
            c.iter()
                .filter_map(|(k, v)| {
                    let v = v.as_str()?.trim();
                    (!v.is_empty()).then(|| (k.clone(), v.to_owned()))
                })
                .collect()
        })
        .unwrap_or_default();
    let name = service_name(site, &record);
    let r = record.request;
    Ok(Detail {
        track_url: open311::track_url(&base_url(headers), &site.config.id, &id, &record.lang),
        service_request_id: id,
        service_code: r.service_code,
        service_name: name,
        status: r.status,
        status_notes: r.status_notes,
        agency_responsible: r.agency_responsible,
        lang: record.lang,
        description: r.description,
        address: r.address,
        lat: r.lat,
        long: r.long,
        media_url: r.media_url,
        answers,
        contact,
        requested_datetime: r.requested_datetime,
        updated_datetime: r.updated_datetime,
        expected_datetime: r.expected_datetime,
        history,
        agencies: agencies(site),
        suggested_agency,
        changed,
    })
}

async fn detail(
    State(state): State<AppState>,
    session: StaffSession,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<Detail>, ApiError> {
    let site = local_site(&state, &session, &id)?;
    let record = state
        .store
        .request_record(&site.config.id, &id)
        .await?
        .ok_or_else(|| unknown_request(&id))?;
    Ok(Json(detail_of(&state, site, &headers, record, None).await?))
}

/// `Some(value)` for a field that is present, even `null`: tells "clear it" from "leave it".
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// `POST /staff/api/requests/{id}/update`. Fields left out stay as they are; `null` (or an
/// empty string) clears notes, agency and expected date.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UpdateBody {
    /// The request's `updated_datetime` as the staff member read it.
    if_updated_datetime: String,
    #[serde(default)]
    status: Option<String>,
    #[serde(default, deserialize_with = "present")]
    status_notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    agency_responsible: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    expected_datetime: Option<Option<String>>,
}

/// An HTML tag: status notes are plain text.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<\s*/?\s*[A-Za-z!][^>]*>").expect("a valid pattern"));

/// Status notes as stored: line breaks kept, other control characters removed, trimmed;
/// `None` when empty.
pub fn checked_notes(notes: &str) -> Result<Option<String>, String> {
    let clean: String = notes
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        return Ok(None);
    }
    if clean.chars().count() > MAX_STATUS_NOTES_CHARS {
        return Err(format!(
            "status_notes are limited to {MAX_STATUS_NOTES_CHARS} characters"
        ));
    }
    if TAG.is_match(clean) {
        return Err("status_notes are plain text: remove the HTML tags".into());
    }
    Ok(Some(clean.to_owned()))
}

/// An agency as stored: one of `known` (spelled as listed) when the site lists some;
/// `None` when empty.
fn checked_agency(agency: &str, known: &[String]) -> Result<Option<String>, String> {
    let agency = agency.split_whitespace().collect::<Vec<_>>().join(" ");
    if agency.is_empty() {
        return Ok(None);
    }
    if agency.chars().count() > MAX_AGENCY_CHARS {
        return Err(format!(
            "agency_responsible is limited to {MAX_AGENCY_CHARS} characters"
        ));
    }
    if known.is_empty() {
        return Ok(Some(agency));
    }
    known
        .iter()
        .find(|k| k.eq_ignore_ascii_case(&agency))
        .cloned()
        .map(Some)
        .ok_or_else(|| {
            format!(
                "no department or agency {agency:?} on this site; choose one of: {}",
                known.join(", ")
            )
        })
}

/// An expected completion time as stored (RFC 3339 UTC, seconds): from RFC 3339 with a time
/// zone, or from a date (`YYYY-MM-DD`, meaning 17:00 that day in the city's time zone). It
/// may not be before the request was made, nor more than ten years ahead. `None` when empty.
pub fn checked_expected(
    value: &str,
    timezone: &str,
    requested: Option<&str>,
) -> Result<Option<String>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let at = if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        t.with_timezone(&Utc)
    } else if let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        let tz: chrono_tz::Tz = timezone.parse().unwrap_or(chrono_tz::UTC);
        let local = date
            .and_hms_opt(END_OF_WORKING_DAY, 0, 0)
            .ok_or_else(|| "expected_datetime is not a valid date".to_owned())?;
        tz.from_local_datetime(&local)
            .earliest()
            .ok_or_else(|| "expected_datetime does not exist in the city's time zone".to_owned())?
            .with_timezone(&Utc)
    } else {
        return Err(
            "expected_datetime must be a date (YYYY-MM-DD) or a date and time with a time zone \
             (ISO 8601, e.g. 2026-12-01T17:00:00Z)"
                .into(),
        );
    };
    if let Some(requested) = requested.and_then(|r| DateTime::parse_from_rfc3339(r).ok())
        && at.date_naive() < requested.with_timezone(&Utc).date_naive()
    {
        return Err("expected_datetime cannot be before the request was made".into());
    }
    if at > Utc::now() + chrono::Duration::days(3653) {
        return Err("expected_datetime cannot be more than ten years ahead".into());
    }
    Ok(Some(at.to_rfc3339_opts(SecondsFormat::Secs, true)))
}

async fn update(
    State(state): State<AppState>,
    session: StaffSession,
    headers: HeaderMap,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateBody>,
) -> Result<Json<Detail>, ApiError> {
    let site = local_site(&state, &session, &id)?;
    if body.status.is_none()
        && body.status_notes.is_none()
        && body.agency_responsible.is_none()
        && body.expected_datetime.is_none()
    {
        return Err(invalid(
            "nothing to change: give status, status_notes, agency_responsible or expected_datetime",
        ));
    }
    let current = state
        .store
        .request_record(&site.config.id, &id)
        .await?
        .ok_or_else(|| unknown_request(&id))?;
    let now = &current.request;
    let status = match body.status.as_deref().map(str::trim) {
        None => now.status.clone(),
        Some(s @ ("open" | "closed")) => s.to_owned(),
        Some(other) => {
            return Err(invalid(format!(
                "status must be \"open\" or \"closed\", not {other:?}"
            )));
        }
    };
    let status_notes = match &body.status_notes {
        None => now.status_notes.clone(),
        Some(notes) => checked_notes(notes.as_deref().unwrap_or_default()).map_err(invalid)?,
    };
    let agency_responsible = match &body.agency_responsible {
        None => now.agency_responsible.clone(),
        Some(agency) => checked_agency(agency.as_deref().unwrap_or_default(), &agencies(site))
            .map_err(invalid)?,
    };
    let expected_datetime = match &body.expected_datetime {
        None => now.expected_datetime.clone(),
        Some(expected) => checked_expected(
            expected.as_deref().unwrap_or_default(),
            &site.config.timezone,
            now.requested_datetime.as_deref(),
        )
        .map_err(invalid)?,
    };
    let change = RequestChange {
        status,
        status_notes,
        agency_responsible,
        expected_datetime,
        if_updated: body.if_updated_datetime.trim().to_owned(),
    };
    let outcome = state
        .store
        .change_request(&site.config.id, &id, &change, &session.author())
        .await?;
    let (record, changed) = match outcome {
        ChangeOutcome::Changed(record) => {
            tracing::info!(
                site = %site.config.id,
                request = %id,
                staff = %session.account.id,
                status = %record.request.status,
                "service request updated"
            );
            (record, true)
        }
        ChangeOutcome::Unchanged(record) => (record, false),
        ChangeOutcome::Conflict(record) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::EditConflict,
                format!(
                    "request {id} was changed by someone else (updated {}) since you read it \
                     (updated {}); nothing was saved: read it again, then save your change",
                    record.request.updated_datetime.as_deref().unwrap_or("?"),
                    change.if_updated,
                ),
            ));
        }
        ChangeOutcome::NotFound => return Err(unknown_request(&id)),
    };
    Ok(Json(
        detail_of(&state, site, &headers, record, Some(changed)).await?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_plain_text_of_limited_length() {
        assert_eq!(checked_notes("  \n "), Ok(None));
        assert_eq!(
            checked_notes(" Crew sent.\r\nBack on Monday.\u{7} "),
            Ok(Some("Crew sent.\nBack on Monday.".to_owned()))
        );
        assert_eq!(
            checked_notes("Fixed in < 3 days"),
            Ok(Some("Fixed in < 3 days".to_owned()))
        );
        assert!(checked_notes("<b>done</b>").is_err());
        assert!(checked_notes(&"x".repeat(MAX_STATUS_NOTES_CHARS)).is_ok());
        assert!(checked_notes(&"x".repeat(MAX_STATUS_NOTES_CHARS + 1)).is_err());
    }

    #[test]
    fn agencies_come_from_the_list_when_there_is_one() {
        let known = vec!["Public Works".to_owned(), "Water Utilities".to_owned()];
        assert_eq!(
            checked_agency("  public   works ", &known),
            Ok(Some("Public Works".to_owned()))
        );
        assert_eq!(checked_agency("", &known), Ok(None));
        assert!(checked_agency("Dragon Control", &known).is_err());
        assert_eq!(
            checked_agency("Dragon Control", &[]),
            Ok(Some("Dragon Control".to_owned()))
        );
    }

    #[test]
    fn expected_dates_are_read_in_the_city_time_zone() {
        let requested = Some("2026-11-20T10:00:00.000Z");
        assert_eq!(
            checked_expected("2026-12-01", "America/Chicago", requested),
            Ok(Some("2026-12-01T23:00:00Z".to_owned()))
        );
        assert_eq!(
            checked_expected("2026-12-01T09:30:00+01:00", "America/Chicago", requested),
            Ok(Some("2026-12-01T08:30:00Z".to_owned()))
        );
        assert_eq!(
            checked_expected(" ", "America/Chicago", requested),
            Ok(None)
        );
        for bad in [
            "next week",
            "2026-13-01",
            "2026-12-01T09:30:00",
            "2026-11-19",
        ] {
            assert!(
                checked_expected(bad, "America/Chicago", requested).is_err(),
                "{bad}"
            );
        }
        assert!(checked_expected("2099-01-01", "UTC", requested).is_err());
    }

    #[test]
    fn previews_are_cut_at_a_word() {
        assert_eq!(preview(Some("  a   b ")).as_deref(), Some("a b"));
        assert_eq!(preview(Some("   ")), None);
        let long = "word ".repeat(60);
        let cut = preview(Some(&long)).unwrap_or_default();
        assert!(cut.ends_with("word…") && cut.chars().count() <= PREVIEW_CHARS + 1);
    }
}
