//! [`RequestStore`] on SQLite.

use async_trait::async_trait;
use serde_json::json;

use super::live::audit;
use super::{SqliteStore, now};
use crate::open311::georeport::Request;
use crate::store::requests::{NewServiceRequest, RequestStore};

/// First number of locally assigned request ids (so they never look like small counts).
const FIRST_LOCAL_ID: i64 = 100_001;

type Row = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<f64>,
    Option<f64>,
    Option<String>,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
);

const SELECT: &str =
    "SELECT id, service_code, service_name, description, address, lat, long, media_url,
        status, status_notes, requested_at, updated_at, expected_at FROM service_requests";

fn from_row(r: Row) -> Request {
    Request {
        service_request_id: r.0,
        service_code: Some(r.1),
        service_name: Some(r.2),
        description: r.3,
        address: r.4,
        lat: r.5,
        long: r.6,
        media_url: r.7,
        status: r.8,
        status_notes: r.9,
        requested_datetime: Some(r.10),
        updated_datetime: Some(r.11),
        expected_datetime: r.12,
        ..Default::default()
    }
}

#[async_trait]
impl RequestStore for SqliteStore {
    async fn add_request(&self, r: &NewServiceRequest) -> Result<String, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let id = match &r.upstream_id {
            Some(id) => id.clone(),
            None if r.upstream => format!("token:{}", r.token.as_deref().unwrap_or_default()),
            None => {
                let count: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM service_requests WHERE upstream = 0")
                        .fetch_one(&mut *tx)
                        .await?;
                (FIRST_LOCAL_ID + count).to_string()
            }
        };
        let at = now();
        sqlx::query(
            "INSERT INTO service_requests (id, site, service_code, service_name, lang, upstream, token,
                description, address, lat, long, attributes, media_url, contact, status,
                requested_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
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
            "UPDATE service_requests SET id = ?, updated_at = ? WHERE site = ? AND token = ?",
        )
        .bind(id)
        .bind(now())
        .bind(site)
        .bind(token)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    async fn service_request(&self, site: &str, id: &str) -> Result<Option<Request>, sqlx::Error> {
        let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE site = ? AND id = ?"))
            .bind(site)
            .bind(id)
            .fetch_optional(&self.reader)
            .await?;
        Ok(row.map(from_row))
    }

    async fn request_for_token(
        &self,
        site: &str,
        token: &str,
    ) -> Result<Option<Option<String>>, sqlx::Error> {
        let id: Option<String> =
            sqlx::query_scalar("SELECT id FROM service_requests WHERE site = ? AND token = ?")
                .bind(site)
                .bind(token)
                .fetch_optional(&self.reader)
                .await?;
        Ok(id.map(|id| (!id.starts_with("token:")).then_some(id)))
    }

    async fn service_requests(&self, site: &str, limit: u32) -> Result<Vec<Request>, sqlx::Error> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "{SELECT} WHERE site = ? AND upstream = 0 ORDER BY requested_at DESC LIMIT ?"
        ))
        .bind(site)
        .bind(limit)
        .fetch_all(&self.reader)
        .await?;
        Ok(rows.into_iter().map(from_row).collect())
    }
}
