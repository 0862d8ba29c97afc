//! [`RequestStore`] on PostgreSQL. Local request numbers come from a counter row updated in
//! the request's transaction, so two replicas never hand out the same number.

use async_trait::async_trait;
use serde_json::json;
use sqlx::{Postgres, Transaction};

use super::live::audit;
use super::{PgStore, now};
use crate::audit::text_hash;
use crate::open311::georeport::Request;
use crate::store::live::Author;
use crate::store::requests::{
    ChangeOutcome, NewServiceRequest, RequestChange, RequestFilter, RequestPage, RequestRecord,
    RequestStore, RequestUpdate,
};

/// One `service_requests` row as read.
#[derive(Debug, sqlx::FromRow)]
struct Row {
    id: String,
    service_code: String,
    service_name: String,
    lang: String,
    description: Option<String>,
    address: Option<String>,
    lat: Option<f64>,
    long: Option<f64>,
    attributes: String,
    media_url: Option<String>,
    contact: String,
    status: String,
    status_notes: Option<String>,
    agency_responsible: Option<String>,
    requested_at: String,
    updated_at: String,
    expected_at: Option<String>,
}

const SELECT: &str = "SELECT id, service_code, service_name, lang, description, address, lat, long,
        attributes, media_url, contact, status, status_notes, agency_responsible, requested_at,
        updated_at, expected_at FROM service_requests";

impl Row {
    fn request(&self) -> Request {
        Request {
            service_request_id: self.id.clone(),
            service_code: Some(self.service_code.clone()),
            service_name: Some(self.service_name.clone()),
            description: self.description.clone(),
            address: self.address.clone(),
            lat: self.lat,
            long: self.long,
            media_url: self.media_url.clone(),
            status: self.status.clone(),
            status_notes: self.status_notes.clone(),
            agency_responsible: self.agency_responsible.clone(),
            requested_datetime: Some(self.requested_at.clone()),
            updated_datetime: Some(self.updated_at.clone()),
            expected_datetime: self.expected_at.clone(),
            ..Default::default()
        }
    }

    fn record(self) -> RequestRecord {
        let json = |text: &str| serde_json::from_str(text).unwrap_or_else(|_| json!({}));
        RequestRecord {
            request: self.request(),
            attributes: json(&self.attributes),
            contact: json(&self.contact),
            lang: self.lang,
        }
    }
}

/// The next local request number: a counter that never goes back, so retention removing old
/// requests never makes a number be given twice.
async fn next_local_id(tx: &mut Transaction<'_, Postgres>) -> Result<String, sqlx::Error> {
    let value: i64 = sqlx::query_scalar(
        "UPDATE counters SET value = value + 1 WHERE name = 'local_request' RETURNING value",
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(value.to_string())
}

/// A local request of `site` read inside `tx`.
async fn local_row(
    tx: &mut Transaction<'_, Postgres>,
    site: &str,
    id: &str,
) -> Result<Option<Row>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE site = $1 AND id = $2 AND NOT upstream"
    ))
    .bind(site)
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
}

#[async_trait]
impl RequestStore for PgStore {
    async fn add_request(&self, r: &NewServiceRequest) -> Result<String, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let id = match &r.upstream_id {
            Some(id) => id.clone(),
            None if r.upstream => format!("token:{}", r.token.as_deref().unwrap_or_default()),
            None => next_local_id(&mut tx).await?,
        };
        let at = now();
        sqlx::query(
            "INSERT INTO service_requests (id, site, service_code, service_name, lang, upstream, token,
                description, address, lat, long, attributes, media_url, contact, status,
                requested_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'open', $15, $16)",
        )
        .bind(&id)
        .bind(&r.site)
        .bind(&r.service_code)
        .bind(&r.service_name)
        .bind(&r.lang)
        .bind(r.upstream)
        .bind(&r.token)
        .bind(&r.description)
        .bind(&r.address)
        .bind(r.position.map(|p| p.0))
        .bind(r.position.map(|p| p.1))
        .bind(r.attributes.to_string())
        .bind(&r.media_url)
        .bind(r.contact.to_string())
        .bind(&at)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        audit(
            &mut tx,
            &r.site,
            "resident",
            "service_request",
            &id,
            json!({ "service_code": r.service_code, "upstream": r.upstream, "token": r.token }),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn resolve_request_token(
        &self,
        site: &str,
        token: &str,
        id: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE service_requests SET id = $1, updated_at = $2 WHERE site = $3 AND token = $4",
        )
        .bind(id)
        .bind(now())
        .bind(site)
        .bind(token)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn service_request(&self, site: &str, id: &str) -> Result<Option<Request>, sqlx::Error> {
        let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE site = $1 AND id = $2"))
            .bind(site)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.request()))
    }

    async fn request_for_token(
        &self,
        site: &str,
        token: &str,
    ) -> Result<Option<Option<String>>, sqlx::Error> {
        let id: Option<String> =
            sqlx::query_scalar("SELECT id FROM service_requests WHERE site = $1 AND token = $2")
                .bind(site)
                .bind(token)
                .fetch_optional(&self.pool)
                .await?;
        Ok(id.map(|id| (!id.starts_with("token:")).then_some(id)))
    }

    async fn service_requests(&self, site: &str, limit: u32) -> Result<Vec<Request>, sqlx::Error> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "{SELECT} WHERE site = $1 AND NOT upstream ORDER BY requested_at DESC, id DESC LIMIT $2"
        ))
        .bind(site)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(Row::request).collect())
    }

    async fn request_record(
        &self,
        site: &str,
        id: &str,
    ) -> Result<Option<RequestRecord>, sqlx::Error> {
        let row: Option<Row> = sqlx::query_as(&format!(
            "{SELECT} WHERE site = $1 AND id = $2 AND NOT upstream"
        ))
        .bind(site)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(Row::record))
    }

    async fn staff_requests(
        &self,
        site: &str,
        filter: &RequestFilter,
    ) -> Result<RequestPage, sqlx::Error> {
        // One repeatable-read transaction: the page and the counts agree.
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut *tx)
            .await?;
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "{SELECT} WHERE site = $1 AND NOT upstream AND ($2::text IS NULL OR status = $2)
             ORDER BY requested_at DESC, id DESC LIMIT $3 OFFSET $4"
        ))
        .bind(site)
        .bind(&filter.status)
        .bind(i64::from(filter.limit))
        .bind(i64::from(filter.offset))
        .fetch_all(&mut *tx)
        .await?;
        let counts: Vec<(String, i64)> = sqlx::query_as(
            "SELECT status, COUNT(*) FROM service_requests WHERE site = $1 AND NOT upstream
             GROUP BY status",
        )
        .bind(site)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let count = |status: &str| {
            counts
                .iter()
                .find(|(s, _)| s == status)
                .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0))
        };
        Ok(RequestPage {
            requests: rows.into_iter().map(Row::record).collect(),
            open: count("open"),
            closed: count("closed"),
        })
    }

    async fn change_request(
        &self,
        site: &str,
        id: &str,
        change: &RequestChange,
        staff: &Author,
    ) -> Result<ChangeOutcome, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let Some(current) = local_row(&mut tx, site, id).await? else {
            return Ok(ChangeOutcome::NotFound);
        };
        if current.updated_at != change.if_updated {
            return Ok(ChangeOutcome::Conflict(current.record()));
        }
        if current.status == change.status
            && current.status_notes == change.status_notes
            && current.agency_responsible == change.agency_responsible
            && current.expected_at == change.expected_datetime
        {
            return Ok(ChangeOutcome::Unchanged(current.record()));
        }
        let at = crate::store::requests::later_than(&current.updated_at);
        // Guarded again by the time read, for databases where another writer could slip in
        // between the read and this write.
        let done = sqlx::query(
            "UPDATE service_requests SET status = $1, status_notes = $2, agency_responsible = $3,
                expected_at = $4, updated_at = $5
             WHERE site = $6 AND id = $7 AND NOT upstream AND updated_at = $8",
        )
        .bind(&change.status)
        .bind(&change.status_notes)
        .bind(&change.agency_responsible)
        .bind(&change.expected_datetime)
        .bind(&at)
        .bind(site)
        .bind(id)
        .bind(&current.updated_at)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(ChangeOutcome::Conflict(current.record()));
        }
        let (staff_id, staff_name) = match staff {
            Author::Staff { id, name } => (id.as_str(), name.as_str()),
            _ => ("", ""),
        };
        sqlx::query(
            "INSERT INTO service_request_updates (request_id, site, at, staff_id, staff_name,
                status, status_notes, agency_responsible, expected_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(site)
        .bind(&at)
        .bind(staff_id)
        .bind(staff_name)
        .bind(&change.status)
        .bind(&change.status_notes)
        .bind(&change.agency_responsible)
        .bind(&change.expected_datetime)
        .execute(&mut *tx)
        .await?;
        audit(
            &mut tx,
            site,
            &staff.actor(),
            "service_request_update",
            id,
            json!({
                "status_from": current.status,
                "status": change.status,
                "status_notes_sha256": change.status_notes.as_deref().map(text_hash),
                "agency_responsible": change.agency_responsible,
                "expected_datetime": change.expected_datetime,
                "updated_datetime": at,
            }),
        )
        .await?;
        let now = local_row(&mut tx, site, id).await?;
        tx.commit().await?;
        Ok(match now {
            Some(row) => ChangeOutcome::Changed(row.record()),
            None => ChangeOutcome::NotFound,
        })
    }

    async fn request_updates(
        &self,
        site: &str,
        id: &str,
    ) -> Result<Vec<RequestUpdate>, sqlx::Error> {
        let rows: Vec<(
            String,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        )> = sqlx::query_as(
            "SELECT at, staff_id, staff_name, status, status_notes, agency_responsible, expected_at
             FROM service_request_updates WHERE site = $1 AND request_id = $2 ORDER BY id",
        )
        .bind(site)
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| RequestUpdate {
                at: r.0,
                staff_id: r.1,
                staff_name: r.2,
                status: r.3,
                status_notes: r.4,
                agency_responsible: r.5,
                expected_datetime: r.6,
            })
            .collect())
    }
}
