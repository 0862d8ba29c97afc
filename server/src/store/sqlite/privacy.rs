//! [`PrivacyStore`] on SQLite: the purge is one transaction per site; exports are built with
//! SQLite's JSON functions.

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use sqlx::{Sqlite, Transaction};

use super::SqliteStore;
use super::live::audit;
use crate::config::RetentionConfig;
use crate::store::privacy::{DeleteReport, PrivacyStore, PurgeReport};

/// `now - days`, formatted like stored timestamps (so they compare as text).
fn cutoff(now: DateTime<Utc>, days: u32) -> String {
    crate::store::stamp(now - Duration::days(i64::from(days)))
}

/// What a conversation, chat or ticket id leads to.
struct Subject {
    site: String,
    conversation: Option<String>,
    chats: Vec<String>,
    tickets: Vec<String>,
}

async fn resolve(
    tx: &mut Transaction<'_, Sqlite>,
    id: &str,
) -> Result<Option<Subject>, sqlx::Error> {
    let conversation: Option<String> =
        sqlx::query_scalar("SELECT site FROM conversations WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    let (site, conversation, mut chats, mut tickets) = if let Some(site) = conversation {
        (site, Some(id.to_owned()), Vec::new(), Vec::new())
    } else if let Some((site, conv)) = sqlx::query_as::<_, (String, Option<String>)>(
        "SELECT site, conversation_id FROM chats WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    {
        (site, conv, vec![id.to_owned()], Vec::new())
    } else if let Some((site, conv)) = sqlx::query_as::<_, (String, Option<String>)>(
        "SELECT site, conversation_id FROM tickets WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    {
        (site, conv, Vec::new(), vec![id.to_owned()])
    } else {
        return Ok(None);
    };
    if let Some(conv) = &conversation {
        let more: Vec<String> =
            sqlx::query_scalar("SELECT id FROM chats WHERE conversation_id = ?")
                .bind(conv)
                .fetch_all(&mut **tx)
                .await?;
        chats.extend(more);
        let more: Vec<String> =
            sqlx::query_scalar("SELECT id FROM tickets WHERE conversation_id = ?")
                .bind(conv)
                .fetch_all(&mut **tx)
                .await?;
        tickets.extend(more);
    }
    chats.sort();
    chats.dedup();
    tickets.sort();
    tickets.dedup();
    Ok(Some(Subject {
        site,
        conversation,
        chats,
        tickets,
    }))
}

/// Rows of `sql` (one `json_object(...)` column, one `?` for `id`) as JSON values.
async fn json_rows(
    tx: &mut Transaction<'_, Sqlite>,
    sql: &str,
    id: &str,
) -> Result<Vec<Value>, sqlx::Error> {
    let rows: Vec<String> = sqlx::query_scalar(sql)
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
    Ok(rows
        .iter()
        .filter_map(|r| serde_json::from_str(r).ok())
        .collect())
}

#[async_trait]
impl PrivacyStore for SqliteStore {
    async fn purge(
        &self,
        site: &str,
        retention: &RetentionConfig,
        now: DateTime<Utc>,
    ) -> Result<PurgeReport, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let conversations =
            sqlx::query("DELETE FROM conversations WHERE site = ? AND updated_at < ?")
                .bind(site)
                .bind(cutoff(now, retention.questions))
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let chats =
            sqlx::query("DELETE FROM chats WHERE site = ? AND COALESCE(closed_at, created_at) < ?")
                .bind(site)
                .bind(cutoff(now, retention.transcripts))
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let tickets = sqlx::query("DELETE FROM tickets WHERE site = ? AND created_at < ?")
            .bind(site)
            .bind(cutoff(now, retention.tickets))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let requests =
            sqlx::query("DELETE FROM service_requests WHERE site = ? AND requested_at < ?")
                .bind(site)
                .bind(cutoff(now, retention.tickets))
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let audit_details = sqlx::query(
            "UPDATE audit_log SET detail = NULL WHERE site = ? AND at < ? AND detail IS NOT NULL",
        )
        .bind(site)
        .bind(cutoff(now, retention.audit))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let report = PurgeReport {
            conversations,
            chats,
            tickets,
            requests,
            audit_details,
        };
        if report != PurgeReport::default() {
            audit(&mut tx, site, "system", "purge", site, json!(report)).await?;
        }
        tx.commit().await?;
        Ok(report)
    }

    async fn export_conversation(&self, id: &str) -> Result<Option<Value>, sqlx::Error> {
        // A read transaction on the writer: one consistent view.
        let mut tx = self.writer.begin().await?;
        let Some(subject) = resolve(&mut tx, id).await? else {
            return Ok(None);
        };
        let mut conversation = Value::Null;
        let mut messages = Vec::new();
        let mut feedback = Vec::new();
        if let Some(conv) = &subject.conversation {
            conversation = json_rows(
                &mut tx,
                "SELECT json_object('id', id, 'site', site, 'lang', lang, 'created_at', created_at, 'updated_at', updated_at,
                        'consent_version', consent_version, 'consent_at', consent_at)
                 FROM conversations WHERE id = ?",
                conv,
            )
            .await?
            .pop()
            .unwrap_or(Value::Null);
            messages = json_rows(
                &mut tx,
                "SELECT json_object('id', id, 'role', role, 'text', text, 'lang', lang, 'outcome', outcome,
                        'entry_id', entry_id, 'created_at', created_at)
                 FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid",
                conv,
            )
            .await?;
            feedback = json_rows(
                &mut tx,
                "SELECT json_object('message_id', message_id, 'helpful', json(CASE helpful WHEN 1 THEN 'true' ELSE 'false' END),
                        'comment', comment, 'created_at', created_at)
                 FROM feedback WHERE conversation_id = ? ORDER BY created_at",
                conv,
            )
            .await?;
        }
        let mut chats = Vec::new();
        for chat in &subject.chats {
            let mut row = json_rows(
                &mut tx,
                "SELECT json_object('id', id, 'lang', lang, 'department', department, 'state', state,
                        'created_at', created_at, 'accepted_at', accepted_at, 'closed_at', closed_at,
                        'close_reason', close_reason, 'rating', rating, 'rating_comment', rating_comment)
                 FROM chats WHERE id = ?",
                chat,
            )
            .await?
            .pop()
            .unwrap_or(Value::Null);
            let events = json_rows(
                &mut tx,
                "SELECT json_patch(body, json_object('seq', seq, 'at', created_at))
                 FROM chat_events WHERE chat_id = ? ORDER BY seq",
                chat,
            )
            .await?;
            row["events"] = Value::Array(events);
            chats.push(row);
        }
        let mut tickets = Vec::new();
        for ticket in &subject.tickets {
            tickets.extend(
                json_rows(
                    &mut tx,
                    "SELECT json_object('id', id, 'lang', lang, 'name', name, 'contact', contact,
                            'message', message, 'department', department, 'status', status,
                            'created_at', created_at)
                     FROM tickets WHERE id = ?",
                    ticket,
                )
                .await?,
            );
        }
        tx.commit().await?;
        Ok(Some(json!({
            "site": subject.site,
            "conversation": conversation,
            "messages": messages,
            "feedback": feedback,
            "chats": chats,
            "tickets": tickets,
        })))
    }

    async fn delete_conversation(&self, id: &str) -> Result<Option<DeleteReport>, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let Some(subject) = resolve(&mut tx, id).await? else {
            return Ok(None);
        };
        let mut report = DeleteReport::default();
        if let Some(conv) = &subject.conversation {
            report.messages = sqlx::query("DELETE FROM messages WHERE conversation_id = ?")
                .bind(conv)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            report.conversations = sqlx::query("DELETE FROM conversations WHERE id = ?")
                .bind(conv)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        for chat in &subject.chats {
            report.chats += sqlx::query("DELETE FROM chats WHERE id = ?")
                .bind(chat)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        for ticket in &subject.tickets {
            report.tickets += sqlx::query("DELETE FROM tickets WHERE id = ?")
                .bind(ticket)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        audit(
            &mut tx,
            &subject.site,
            "system",
            "delete_conversation",
            id,
            json!(report),
        )
        .await?;
        tx.commit().await?;
        Ok(Some(report))
    }
}
