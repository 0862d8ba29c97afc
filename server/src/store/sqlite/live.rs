//! [`LiveStore`] and [`StaffStore`] on SQLite. Every change is one transaction on the single
//! writer connection, so event numbers and the audit chain never interleave.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use protocol::{ChatEvent, EventBody};
use sqlx::{Sqlite, Transaction};

use super::{SqliteStore, now};
use crate::audit::{AuditRow, GENESIS, Link, text_hash};
use crate::store::live::{
    AddStaffError, Author, BotTurn, Chat, ChatState, LiveError, LiveStore, NewChat, Posted,
    StaffAccount, StaffStore, Ticket,
};
use crate::store::stamp;

/// A chat row with the staff member's name and the queue preview.
#[derive(sqlx::FromRow)]
struct ChatRow {
    id: String,
    site: String,
    conversation_id: Option<String>,
    lang: String,
    department: Option<String>,
    token_hash: String,
    state: String,
    staff_id: Option<String>,
    staff_name: Option<String>,
    last_seq: i64,
    created_at: String,
    preview: Option<String>,
}

const CHAT_SELECT: &str = "SELECT c.id, c.site, c.conversation_id, c.lang, c.department,
        c.token_hash, c.state, c.staff_id, s.name AS staff_name, c.last_seq, c.created_at,
        COALESCE(
            (SELECT json_extract(e.body, '$.text') FROM chat_events e
              WHERE e.chat_id = c.id AND json_extract(e.body, '$.from') = 'resident'
              ORDER BY e.seq DESC LIMIT 1),
            (SELECT m.text FROM messages m
              WHERE m.conversation_id = c.conversation_id AND m.role = 'resident'
              ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1)
        ) AS preview
    FROM chats c LEFT JOIN staff s ON s.id = c.staff_id";

fn parse_time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

impl From<ChatRow> for Chat {
    fn from(row: ChatRow) -> Self {
        Self {
            id: row.id,
            site: row.site,
            conversation_id: row.conversation_id,
            lang: row.lang,
            department: row.department,
            token_hash: row.token_hash,
            state: ChatState::parse(&row.state).unwrap_or(ChatState::Closed),
            staff_id: row.staff_id,
            staff_name: row.staff_name,
            last_seq: u64::try_from(row.last_seq).unwrap_or_default(),
            created_at: parse_time(&row.created_at),
            preview: row.preview,
        }
    }
}

/// The chat's state, site, owner and last `seq`, inside a transaction.
async fn lock_chat(
    tx: &mut Transaction<'_, Sqlite>,
    chat_id: &str,
) -> Result<(ChatState, String, Option<String>, i64), LiveError> {
    let row: Option<(String, String, Option<String>, i64)> =
        sqlx::query_as("SELECT state, site, staff_id, last_seq FROM chats WHERE id = ?")
            .bind(chat_id)
            .fetch_optional(&mut **tx)
            .await?;
    let (state, site, staff, last_seq) = row.ok_or(LiveError::UnknownChat)?;
    Ok((
        ChatState::parse(&state).unwrap_or(ChatState::Closed),
        site,
        staff,
        last_seq,
    ))
}

/// Appends event `last_seq + 1` to a chat.
async fn append_event(
    tx: &mut Transaction<'_, Sqlite>,
    chat_id: &str,
    last_seq: i64,
    client_id: Option<&str>,
    body: EventBody,
) -> Result<ChatEvent, sqlx::Error> {
    let seq = last_seq + 1;
    let at = now();
    let json = serde_json::to_string(&body).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "INSERT INTO chat_events (chat_id, seq, client_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(chat_id)
    .bind(seq)
    .bind(client_id)
    .bind(json)
    .bind(&at)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE chats SET last_seq = ? WHERE id = ?")
        .bind(seq)
        .bind(chat_id)
        .execute(&mut **tx)
        .await?;
    Ok(ChatEvent {
        seq: u64::try_from(seq).unwrap_or_default(),
        at,
        body,
    })
}

/// Appends a row to the audit log, chained to the last one.
pub(super) async fn audit(
    tx: &mut Transaction<'_, Sqlite>,
    site: &str,
    actor: &str,
    action: &str,
    subject: &str,
    detail: serde_json::Value,
) -> Result<(), sqlx::Error> {
    let last: Option<(i64, String)> =
        sqlx::query_as("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut **tx)
            .await?;
    let (seq, prev) = last.map_or((1, GENESIS.to_owned()), |(s, h)| (s + 1, h));
    let at = now();
    let detail = detail.to_string();
    let detail_hash = text_hash(&detail);
    let hash = Link {
        seq,
        at: &at,
        site,
        actor,
        action,
        subject,
        detail_hash: &detail_hash,
    }
    .hash(&prev);
    sqlx::query(
        "INSERT INTO audit_log (seq, at, site, actor, action, subject, detail, detail_hash, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(seq)
    .bind(&at)
    .bind(site)
    .bind(actor)
    .bind(action)
    .bind(subject)
    .bind(&detail)
    .bind(&detail_hash)
    .bind(&prev)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn event_from_row(seq: i64, body: &str, at: String) -> Result<ChatEvent, sqlx::Error> {
    Ok(ChatEvent {
        seq: u64::try_from(seq).unwrap_or_default(),
        at,
        body: serde_json::from_str(body).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
    })
}

#[async_trait]
impl LiveStore for SqliteStore {
    async fn create_chat(&self, chat: &NewChat) -> Result<(), sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        sqlx::query(
            "INSERT INTO chats (id, site, conversation_id, lang, department, token_hash, state, created_at)
             VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?)",
        )
        .bind(&chat.id)
        .bind(&chat.site)
        .bind(&chat.conversation_id)
        .bind(&chat.lang)
        .bind(&chat.department)
        .bind(&chat.token_hash)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        audit(
            &mut tx,
            &chat.site,
            "resident",
            "handoff",
            &chat.id,
            serde_json::json!({ "lang": chat.lang, "department": chat.department }),
        )
        .await?;
        tx.commit().await
    }

    async fn chat(&self, id: &str) -> Result<Option<Chat>, sqlx::Error> {
        let row: Option<ChatRow> = sqlx::query_as(&format!("{CHAT_SELECT} WHERE c.id = ?"))
            .bind(id)
            .fetch_optional(&self.reader)
            .await?;
        Ok(row.map(Chat::from))
    }

    async fn post_message(
        &self,
        chat_id: &str,
        author: &Author,
        client_id: &str,
        text: &str,
    ) -> Result<Posted, LiveError> {
        let mut tx = self.writer.begin().await?;
        let (state, site, owner, last_seq) = lock_chat(&mut tx, chat_id).await?;
        let earlier: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT seq, body, created_at FROM chat_events WHERE chat_id = ? AND client_id = ?",
        )
        .bind(chat_id)
        .bind(client_id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((seq, body, at)) = earlier {
            return Ok(Posted::Duplicate(event_from_row(seq, &body, at)?));
        }
        if state == ChatState::Closed {
            return Err(LiveError::Closed);
        }
        let name = match author {
            Author::Staff { id, name } => {
                if owner.as_deref() != Some(id.as_str()) {
                    return Err(LiveError::Taken);
                }
                Some(name.clone())
            }
            _ => None,
        };
        let body = EventBody::Message {
            from: author.party(),
            name,
            text: text.to_owned(),
        };
        let event = append_event(&mut tx, chat_id, last_seq, Some(client_id), body).await?;
        if let Author::Staff { .. } = author {
            audit(
                &mut tx,
                &site,
                &author.actor(),
                "staff_message",
                chat_id,
                serde_json::json!({ "seq": event.seq, "text_sha256": text_hash(text) }),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Posted::New(event))
    }

    async fn accept(
        &self,
        chat_id: &str,
        staff: &Author,
        department_name: Option<&str>,
        max_chats: u32,
    ) -> Result<ChatEvent, LiveError> {
        let Author::Staff { id, name } = staff else {
            return Err(LiveError::Taken);
        };
        let mut tx = self.writer.begin().await?;
        let (state, site, _, last_seq) = lock_chat(&mut tx, chat_id).await?;
        match state {
            ChatState::Closed => return Err(LiveError::Closed),
            ChatState::Active => return Err(LiveError::Taken),
            ChatState::Waiting => {}
        }
        let mine: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM chats WHERE staff_id = ? AND state = 'active'",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if mine >= i64::from(max_chats) {
            return Err(LiveError::TooMany);
        }
        sqlx::query(
            "UPDATE chats SET state = 'active', staff_id = ?, accepted_at = ? WHERE id = ?",
        )
        .bind(id)
        .bind(now())
        .bind(chat_id)
        .execute(&mut *tx)
        .await?;
        let body = EventBody::Joined {
            name: name.clone(),
            department: department_name.map(str::to_owned),
        };
        let event = append_event(&mut tx, chat_id, last_seq, None, body).await?;
        audit(
            &mut tx,
            &site,
            &staff.actor(),
            "accept",
            chat_id,
            serde_json::json!({ "seq": event.seq }),
        )
        .await?;
        tx.commit().await?;
        Ok(event)
    }

    async fn transfer(
        &self,
        chat_id: &str,
        staff: &Author,
        department_id: &str,
        department_name: &str,
    ) -> Result<ChatEvent, LiveError> {
        let Author::Staff { id, .. } = staff else {
            return Err(LiveError::Taken);
        };
        let mut tx = self.writer.begin().await?;
        let (state, site, owner, last_seq) = lock_chat(&mut tx, chat_id).await?;
        if state == ChatState::Closed {
            return Err(LiveError::Closed);
        }
        if state != ChatState::Active || owner.as_deref() != Some(id.as_str()) {
            return Err(LiveError::Taken);
        }
        sqlx::query(
            "UPDATE chats SET state = 'waiting', staff_id = NULL, accepted_at = NULL, department = ?
             WHERE id = ?",
        )
        .bind(department_id)
        .bind(chat_id)
        .execute(&mut *tx)
        .await?;
        let body = EventBody::Transferred {
            department: department_name.to_owned(),
        };
        let event = append_event(&mut tx, chat_id, last_seq, None, body).await?;
        audit(
            &mut tx,
            &site,
            &staff.actor(),
            "transfer",
            chat_id,
            serde_json::json!({ "seq": event.seq, "department": department_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(event)
    }

    async fn close(
        &self,
        chat_id: &str,
        by: &Author,
        reason: Option<&str>,
    ) -> Result<ChatEvent, LiveError> {
        let mut tx = self.writer.begin().await?;
        let (state, site, owner, last_seq) = lock_chat(&mut tx, chat_id).await?;
        if state == ChatState::Closed {
            return Err(LiveError::Closed);
        }
        if let Author::Staff { id, .. } = by
            && state == ChatState::Active
            && owner.as_deref() != Some(id.as_str())
        {
            return Err(LiveError::Taken);
        }
        sqlx::query(
            "UPDATE chats SET state = 'closed', closed_at = ?, close_reason = ? WHERE id = ?",
        )
        .bind(now())
        .bind(reason)
        .bind(chat_id)
        .execute(&mut *tx)
        .await?;
        let body = EventBody::Closed { by: by.party() };
        let event = append_event(&mut tx, chat_id, last_seq, None, body).await?;
        audit(
            &mut tx,
            &site,
            &by.actor(),
            "close",
            chat_id,
            serde_json::json!({ "seq": event.seq, "reason": reason }),
        )
        .await?;
        tx.commit().await?;
        Ok(event)
    }

    async fn events_after(&self, chat_id: &str, after: u64) -> Result<Vec<ChatEvent>, sqlx::Error> {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT seq, body, created_at FROM chat_events WHERE chat_id = ? AND seq > ? ORDER BY seq",
        )
        .bind(chat_id)
        .bind(i64::try_from(after).unwrap_or(i64::MAX))
        .fetch_all(&self.reader)
        .await?;
        rows.into_iter()
            .map(|(seq, body, at)| event_from_row(seq, &body, at))
            .collect()
    }

    async fn waiting(&self, site: &str, limit: u32) -> Result<(Vec<Chat>, u64), sqlx::Error> {
        let rows: Vec<ChatRow> = sqlx::query_as(&format!(
            "{CHAT_SELECT} WHERE c.site = ? AND c.state = 'waiting' ORDER BY c.created_at, c.rowid LIMIT ?"
        ))
        .bind(site)
        .bind(limit)
        .fetch_all(&self.reader)
        .await?;
        let total: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM chats WHERE site = ? AND state = 'waiting'")
                .bind(site)
                .fetch_one(&self.reader)
                .await?;
        Ok((
            rows.into_iter().map(Chat::from).collect(),
            u64::try_from(total).unwrap_or_default(),
        ))
    }

    async fn waiting_ids(&self, site: &str) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT id FROM chats WHERE site = ? AND state = 'waiting' ORDER BY created_at, rowid",
        )
        .bind(site)
        .fetch_all(&self.reader)
        .await
    }

    async fn active_for(&self, staff_id: &str) -> Result<Vec<Chat>, sqlx::Error> {
        let rows: Vec<ChatRow> = sqlx::query_as(&format!(
            "{CHAT_SELECT} WHERE c.staff_id = ? AND c.state = 'active' ORDER BY c.accepted_at"
        ))
        .bind(staff_id)
        .fetch_all(&self.reader)
        .await?;
        Ok(rows.into_iter().map(Chat::from).collect())
    }

    async fn recent_waits(&self, site: &str, limit: u32) -> Result<Vec<i64>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT CAST(ROUND((julianday(accepted_at) - julianday(created_at)) * 86400) AS INTEGER)
             FROM chats WHERE site = ? AND accepted_at IS NOT NULL
             ORDER BY accepted_at DESC LIMIT ?",
        )
        .bind(site)
        .bind(limit)
        .fetch_all(&self.reader)
        .await
    }

    async fn rate(&self, chat_id: &str, stars: u8, comment: Option<&str>) -> Result<(), LiveError> {
        let done = sqlx::query(
            "UPDATE chats SET rating = ?, rating_comment = ? WHERE id = ? AND state = 'closed'",
        )
        .bind(stars)
        .bind(comment)
        .bind(chat_id)
        .execute(&self.writer)
        .await?;
        if done.rows_affected() == 0 {
            // Exists but still open: rating comes at the end.
            return match self.chat(chat_id).await? {
                Some(_) => Err(LiveError::StillOpen),
                None => Err(LiveError::UnknownChat),
            };
        }
        Ok(())
    }

    async fn create_ticket(&self, ticket: &Ticket) -> Result<(), sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        sqlx::query(
            "INSERT INTO tickets (id, site, conversation_id, lang, name, contact, message, department, status, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
        )
        .bind(&ticket.ticket_id)
        .bind(&ticket.site)
        .bind(&ticket.conversation_id)
        .bind(&ticket.lang)
        .bind(&ticket.name)
        .bind(&ticket.contact)
        .bind(&ticket.message)
        .bind(&ticket.department)
        .bind(&ticket.created_at)
        .execute(&mut *tx)
        .await?;
        audit(
            &mut tx,
            &ticket.site,
            "resident",
            "ticket",
            &ticket.ticket_id,
            serde_json::json!({ "lang": ticket.lang, "department": ticket.department }),
        )
        .await?;
        tx.commit().await
    }

    async fn tickets(&self, site: &str) -> Result<Vec<Ticket>, sqlx::Error> {
        type Row = (
            String,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            String,
            Option<String>,
            String,
            String,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, conversation_id, lang, name, contact, message, department, status, created_at
             FROM tickets WHERE site = ? ORDER BY status = 'done', created_at DESC",
        )
        .bind(site)
        .fetch_all(&self.reader)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(
                    ticket_id,
                    conversation_id,
                    lang,
                    name,
                    contact,
                    message,
                    department,
                    status,
                    created_at,
                )| Ticket {
                    ticket_id,
                    site: site.to_owned(),
                    conversation_id,
                    lang,
                    name,
                    contact,
                    message,
                    department,
                    status,
                    created_at,
                },
            )
            .collect())
    }

    async fn close_ticket(
        &self,
        site: &str,
        id: &str,
        staff: &Author,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let done = sqlx::query(
            "UPDATE tickets SET status = 'done', closed_at = ?, closed_by = ?
             WHERE id = ? AND site = ? AND status = 'open'",
        )
        .bind(now())
        .bind(staff.actor())
        .bind(id)
        .bind(site)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        audit(
            &mut tx,
            site,
            &staff.actor(),
            "ticket_done",
            id,
            serde_json::json!({}),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn bot_turns(
        &self,
        site: &str,
        conversation_id: &str,
    ) -> Result<Vec<BotTurn>, sqlx::Error> {
        sqlx::query_as(
            "SELECT m.role, m.text, m.created_at AS at FROM messages m
             JOIN conversations c ON c.id = m.conversation_id
             WHERE m.conversation_id = ? AND c.site = ? ORDER BY m.created_at, m.rowid",
        )
        .bind(conversation_id)
        .bind(site)
        .fetch_all(&self.reader)
        .await
    }

    async fn audit_log(&self) -> Result<Vec<AuditRow>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM audit_log ORDER BY seq")
            .fetch_all(&self.reader)
            .await
    }
}

#[async_trait]
impl StaffStore for SqliteStore {
    async fn add_staff(&self, account: &StaffAccount) -> Result<(), AddStaffError> {
        let result = sqlx::query(
            "INSERT INTO staff (id, site, email, name, role, department, password_hash, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&account.id)
        .bind(&account.site)
        .bind(account.email.to_lowercase())
        .bind(&account.name)
        .bind(&account.role)
        .bind(&account.department)
        .bind(&account.password_hash)
        .bind(now())
        .execute(&self.writer)
        .await;
        match result {
            Ok(_) => Ok(()),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(AddStaffError::Exists),
            Err(e) => Err(e.into()),
        }
    }

    async fn staff_by_email(&self, email: &str) -> Result<Option<StaffAccount>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, site, email, name, role, department, password_hash FROM staff WHERE email = ?",
        )
        .bind(email.trim().to_lowercase())
        .fetch_optional(&self.reader)
        .await
    }

    async fn create_session(
        &self,
        token_hash: &str,
        staff_id: &str,
        csrf_token: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let at = now();
        sqlx::query("DELETE FROM staff_sessions WHERE expires_at < ?")
            .bind(&at)
            .execute(&self.writer)
            .await?;
        sqlx::query(
            "INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(staff_id)
        .bind(csrf_token)
        .bind(&at)
        .bind(stamp(expires_at))
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    async fn session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(StaffAccount, String)>, sqlx::Error> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            account: StaffAccount,
            csrf_token: String,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT s.id, s.site, s.email, s.name, s.role, s.department, s.password_hash, x.csrf_token
             FROM staff_sessions x JOIN staff s ON s.id = x.staff_id
             WHERE x.token_hash = ? AND x.expires_at > ?",
        )
        .bind(token_hash)
        .bind(stamp(now))
        .fetch_optional(&self.reader)
        .await?;
        Ok(row.map(|r| (r.account, r.csrf_token)))
    }

    async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM staff_sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.writer)
            .await?;
        Ok(())
    }
}
