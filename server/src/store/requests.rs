//! Service requests kept by Wayfinder: the whole request in "local queue" mode, or the
//! receipt of one submitted to the city's Open311 system.

use async_trait::async_trait;
use chrono::{DateTime, SubsecRound, Utc};

use crate::open311::georeport::Request;
use crate::store::live::Author;

/// A request to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct NewServiceRequest {
    /// The site.
    pub site: String,
    /// The service.
    pub service_code: String,
    /// The service's name (in the site's default language).
    pub service_name: String,
    /// The resident's language.
    pub lang: String,
    /// The id the city's system gave (upstream mode); `None` in local mode, where the store
    /// assigns one, or while a batch token is unresolved.
    pub upstream_id: Option<String>,
    /// Whether the city's system has the request.
    pub upstream: bool,
    /// The batch token, if the city's system gave one.
    pub token: Option<String>,
    /// Description, redacted.
    pub description: Option<String>,
    /// Address as typed.
    pub address: Option<String>,
    /// Position.
    pub position: Option<(f64, f64)>,
    /// Answers, as JSON.
    pub attributes: serde_json::Value,
    /// Photo URL.
    pub media_url: Option<String>,
    /// Contact the resident chose to give, as JSON.
    pub contact: serde_json::Value,
}

/// A request kept here as staff see it: the standard's fields plus what only staff read.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestRecord {
    /// The request in the standard's form, as residents and `requests/{id}.json` see it.
    pub request: Request,
    /// The resident's language.
    pub lang: String,
    /// Answers to the service's questions: `{code: [values]}`.
    pub attributes: serde_json::Value,
    /// Contact the resident chose to give: `{first_name?, last_name?, email?, phone?}`.
    pub contact: serde_json::Value,
}

/// Which of a site's local requests to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFilter {
    /// `open` or `closed`; `None` for both.
    pub status: Option<String>,
    /// At most this many.
    pub limit: u32,
    /// After skipping this many (newest first).
    pub offset: u32,
}

/// One page of a site's local requests, with the site's counts.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestPage {
    /// The requests, newest first.
    pub requests: Vec<RequestRecord>,
    /// How many of the site's local requests are open.
    pub open: u64,
    /// How many are closed.
    pub closed: u64,
}

/// What a staff member sets on a request: the new state of every field staff edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestChange {
    /// `open` or `closed`.
    pub status: String,
    /// What the resident reads about the status (plain text); `None` for none.
    pub status_notes: Option<String>,
    /// The department or agency handling it; `None` when unassigned.
    pub agency_responsible: Option<String>,
    /// When the city expects to be done, RFC 3339; `None` when unknown.
    pub expected_datetime: Option<String>,
    /// The `updated_datetime` the staff member saw: the change applies only if the request
    /// has not changed since (so two staff members never silently overwrite each other).
    pub if_updated: String,
}

/// What became of a [`RequestChange`].
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeOutcome {
    /// Applied (and audited); the request as it is now.
    Changed(RequestRecord),
    /// Nothing differed from the current state: nothing was written.
    Unchanged(RequestRecord),
    /// The request changed since the staff member read it: nothing was written; the request
    /// as it is now.
    Conflict(RequestRecord),
    /// No such local request on the site.
    NotFound,
}

/// One change staff made to a request, for its history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RequestUpdate {
    /// When, RFC 3339 UTC.
    pub at: String,
    /// The staff member's id.
    pub staff_id: String,
    /// The staff member's name at the time.
    pub staff_name: String,
    /// The status set.
    pub status: String,
    /// The notes set.
    pub status_notes: Option<String>,
    /// The agency set.
    pub agency_responsible: Option<String>,
    /// The expected date set.
    pub expected_datetime: Option<String>,
}

/// Service requests.
#[async_trait]
pub trait RequestStore: Send + Sync {
    /// Keeps a request and returns its id (audit: `service_request`).
    async fn add_request(&self, request: &NewServiceRequest) -> Result<String, sqlx::Error>;

    /// Records the id the city's system assigned to a batch token.
    async fn resolve_request_token(
        &self,
        site: &str,
        token: &str,
        id: &str,
    ) -> Result<(), sqlx::Error>;

    /// The request `id` of `site` in the standard's form, if kept here.
    async fn service_request(&self, site: &str, id: &str) -> Result<Option<Request>, sqlx::Error>;

    /// The id behind a batch token of `site`, if resolved.
    async fn request_for_token(
        &self,
        site: &str,
        token: &str,
    ) -> Result<Option<Option<String>>, sqlx::Error>;

    /// The site's requests kept here (local mode), newest first, at most `limit`.
    async fn service_requests(&self, site: &str, limit: u32) -> Result<Vec<Request>, sqlx::Error>;

    /// A local request of `site` with everything staff see (`None` when there is no such
    /// local request: requests kept by the city's system are not handled here).
    async fn request_record(
        &self,
        site: &str,
        id: &str,
    ) -> Result<Option<RequestRecord>, sqlx::Error>;

    /// A page of the site's local requests, newest first, with the site's open and closed
    /// counts.
    async fn staff_requests(
        &self,
        site: &str,
        filter: &RequestFilter,
    ) -> Result<RequestPage, sqlx::Error>;

    /// Applies a staff member's change to local request `id` of `site` in one transaction,
    /// if the request's `updated_datetime` is still `change.if_updated`: sets the fields and
    /// a new `updated_datetime`, adds the change to the request's history and appends
    /// `service_request_update` to the audit log (the notes by their hash).
    async fn change_request(
        &self,
        site: &str,
        id: &str,
        change: &RequestChange,
        staff: &Author,
    ) -> Result<ChangeOutcome, sqlx::Error>;

    /// The changes staff made to local request `id` of `site`, oldest first.
    async fn request_updates(
        &self,
        site: &str,
        id: &str,
    ) -> Result<Vec<RequestUpdate>, sqlx::Error>;
}

/// The `updated_datetime` of a change made now to a request last changed at `previous`:
/// now, but always later than `previous`, so that every change is told apart by its time
/// (staff send the time they read as `if_updated`, and a change made from an older reading is
/// refused). Times are kept to the millisecond, so now is cut to the millisecond before it is
/// compared: a change in the same millisecond as the one before gets the next one.
pub fn later_than(previous: &str) -> String {
    let at = Utc::now().trunc_subsecs(3);
    let at = match DateTime::parse_from_rfc3339(previous) {
        Ok(p) if p.with_timezone(&Utc) >= at => {
            p.with_timezone(&Utc) + chrono::Duration::milliseconds(1)
        }
        _ => at,
    };
    crate::store::stamp(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::store::stamp;

    #[test]
    fn every_change_gets_a_later_time() {
        let future = stamp(Utc::now() + chrono::Duration::seconds(5));
        assert!(later_than(&future) > future);
        assert!(later_than("2020-01-01T00:00:00.000Z").as_str() > "2020-01-01T00:00:00.000Z");
    }

    /// Changes in quick succession, each from the time of the one before: most fall in the
    /// same millisecond as their predecessor.
    #[test]
    fn a_change_in_the_same_millisecond_gets_the_next_one() {
        let mut previous = stamp(Utc::now());
        for _ in 0..1_000 {
            let next = later_than(&previous);
            assert!(next > previous, "{next} after {previous}");
            previous = next;
        }
    }
}
