//! The staff console: its page at `/staff` and its JSON API under `/staff/api/` (see
//! docs/live-chat.md). Sessions are HttpOnly cookies; every state change needs the session's
//! CSRF token in `X-CSRF-Token`; staff see only their own site.

use std::collections::HashMap;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use futures_util::{SinkExt as _, StreamExt as _};
use protocol::{ChatEvent, Department, ErrorCode, EventBody};
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::broadcast::error::RecvError;
use tower_http::set_header::SetResponseHeaderLayer;

use super::conversation::{checked_message, live_error, post_and_publish};
use super::guard::{ApiJson, same_origin};
use super::relay;
use crate::auth;
use crate::config::{CannedReply, RateLimitConfig};
use crate::error::ApiError;
use crate::live::hub::SiteSignal;
use crate::live::{self, LiveSite};
use crate::state::{AppState, Site};
use crate::store::live::{Author, BotTurn, Chat, StaffAccount, Ticket};

/// The console's own policy: nothing but its own files.
pub const CONSOLE_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; \
    base-uri 'none'; object-src 'none'";

/// Sign-in attempts one address may make: 5 at once, then 5 a minute.
const LOGIN_LIMIT: RateLimitConfig = RateLimitConfig {
    burst: 5,
    per_minute: 5,
};

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    let page = Router::new()
        .route(
            "/staff",
            get(|| asset(INDEX_HTML, "text/html; charset=utf-8")),
        )
        .route(
            "/staff/",
            get(|| asset(INDEX_HTML, "text/html; charset=utf-8")),
        )
        .route(
            "/staff/console.js",
            get(|| asset(CONSOLE_JS, "text/javascript; charset=utf-8")),
        )
        .route(
            "/staff/console.css",
            get(|| asset(CONSOLE_CSS, "text/css; charset=utf-8")),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONSOLE_CSP),
        ));
    let login = Router::new()
        .route("/staff/api/login", post(login))
        .layer(super::limit::layer(LOGIN_LIMIT));
    let api = Router::new()
        .route("/staff/api/logout", post(logout))
        .route("/staff/api/me", get(me))
        .route("/staff/api/queue", get(queue))
        .route("/staff/api/chats/{chat_id}", get(chat_detail))
        .route("/staff/api/chats/{chat_id}/accept", post(accept))
        .route("/staff/api/chats/{chat_id}/messages", post(send_message))
        .route("/staff/api/chats/{chat_id}/transfer", post(transfer))
        .route("/staff/api/chats/{chat_id}/close", post(close))
        .route("/staff/api/canned", get(canned))
        .route("/staff/api/tickets", get(tickets))
        .route("/staff/api/tickets/{ticket_id}/close", post(close_ticket))
        .route("/staff/api/live", get(staff_socket));
    Router::new()
        .merge(page)
        .merge(login)
        .merge(api)
        .merge(super::staff_requests::router())
        .layer(axum::extract::DefaultBodyLimit::max(
            protocol::MAX_BODY_BYTES,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

const INDEX_HTML: &str = include_str!("../../assets/staff/index.html");
const CONSOLE_JS: &str = include_str!("../../assets/staff/console.js");
const CONSOLE_CSS: &str = include_str!("../../assets/staff/console.css");

async fn asset(body: &'static str, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// A signed-in staff member, from the session cookie. Rejects with 401 `unauthorized`
/// without a valid session, and for state-changing methods with 403 `csrf_rejected` without
/// the session's token in `X-CSRF-Token` or 403 `forbidden` from a foreign origin.
#[derive(Debug, Clone)]
pub struct StaffSession {
    /// The account.
    pub account: StaffAccount,
    /// The session's CSRF token.
    pub csrf_token: String,
    /// SHA-256 of the session token.
    pub token_hash: String,
}

impl StaffSession {
    /// The account as a chat participant.
    pub fn author(&self) -> Author {
        Author::Staff {
            id: self.account.id.clone(),
            name: self.account.name.clone(),
        }
    }

    /// The session the request's cookie names, when it is valid now; no origin or CSRF
    /// check (the extractor adds those; forms check their own token).
    pub async fn find(state: &AppState, headers: &HeaderMap) -> Result<Option<Self>, ApiError> {
        let Some(token) = auth::session_token(headers) else {
            return Ok(None);
        };
        let token_hash = auth::token_hash(token);
        let found = state.store.session(&token_hash, Utc::now()).await?;
        Ok(found.map(|(account, csrf_token)| Self {
            account,
            csrf_token,
            token_hash,
        }))
    }
}

fn unauthorized() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthorized,
        "sign in to the staff console first",
    )
}

impl FromRequestParts<AppState> for StaffSession {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let session = Self::find(state, &parts.headers)
            .await?
            .ok_or_else(unauthorized)?;
        if !same_origin(&parts.headers) {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                "staff requests must come from the console's own origin",
            ));
        }
        if parts.method != Method::GET && parts.method != Method::HEAD {
            let sent = parts
                .headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !auth::same_secret(sent, &session.csrf_token) {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    ErrorCode::CsrfRejected,
                    "send the session's CSRF token in the X-CSRF-Token header",
                ));
            }
        }
        Ok(session)
    }
}

/// What the console knows about the signed-in staff member.
#[derive(Debug, Serialize)]
struct Me {
    id: String,
    name: String,
    email: String,
    role: String,
    site: String,
    site_name: String,
    departments: Vec<Department>,
    max_chats: u32,
    csrf_token: String,
}

fn me_of(state: &AppState, account: &StaffAccount, csrf_token: &str) -> Me {
    let site = state.sites.get(&account.site);
    let live = site.and_then(|s| s.live.as_ref());
    Me {
        id: account.id.clone(),
        name: account.name.clone(),
        email: account.email.clone(),
        role: account.role.clone(),
        site: account.site.clone(),
        site_name: site.map(|s| s.config.name.clone()).unwrap_or_default(),
        departments: live.map(LiveSite::departments).unwrap_or_default(),
        max_chats: live.map_or(0, |l| l.config.max_chats_per_staff),
        csrf_token: csrf_token.to_owned(),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LoginRequest {
    email: String,
    password: String,
}

async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    if !same_origin(&headers) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "sign in from the console's own page",
        ));
    }
    let account = state.store.staff_by_email(&request.email).await?;
    let hash = account.as_ref().map_or_else(
        || auth::decoy_hash().to_owned(),
        |a| a.password_hash.clone(),
    );
    let password = request.password;
    let matches = tokio::task::spawn_blocking(move || auth::verify_password(&hash, &password))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let Some(account) = account.filter(|_| matches) else {
        tracing::info!("staff sign-in refused");
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidCredentials,
            "wrong e-mail address or password",
        ));
    };
    let token = auth::new_token();
    let csrf_token = auth::new_token();
    let expires = Utc::now() + chrono::Duration::hours(auth::SESSION_HOURS);
    state
        .store
        .create_session(&auth::token_hash(&token), &account.id, &csrf_token, expires)
        .await?;
    tracing::info!(staff = %account.id, site = %account.site, "staff signed in");
    Ok((
        [(header::SET_COOKIE, auth::session_cookie(&token))],
        Json(me_of(&state, &account, &csrf_token)),
    )
        .into_response())
}

async fn logout(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Response, ApiError> {
    state.store.delete_session(&session.token_hash).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, auth::expired_cookie())],
    )
        .into_response())
}

async fn me(State(state): State<AppState>, session: StaffSession) -> Json<Me> {
    Json(me_of(&state, &session.account, &session.csrf_token))
}

/// A chat as the console lists it.
#[derive(Debug, Serialize)]
struct ChatSummary {
    chat_id: String,
    state: &'static str,
    lang: String,
    department: Option<Department>,
    staff_name: Option<String>,
    created_at: String,
    waiting_seconds: i64,
    last_seq: u64,
    preview: Option<String>,
}

fn summary(site: &Site, chat: &Chat) -> ChatSummary {
    ChatSummary {
        chat_id: chat.id.clone(),
        state: chat.state.as_str(),
        lang: chat.lang.clone(),
        department: chat
            .department
            .as_deref()
            .and_then(|d| site.live.as_ref()?.department(d)),
        staff_name: chat.staff_name.clone(),
        created_at: chat
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        waiting_seconds: (Utc::now() - chat.created_at).num_seconds().max(0),
        last_seq: chat.last_seq,
        preview: chat.preview.clone(),
    }
}

/// The staff member's site with live chat, or 403 `forbidden`.
fn staff_site<'a>(state: &'a AppState, session: &StaffSession) -> Result<&'a Site, ApiError> {
    state
        .sites
        .get(&session.account.site)
        .filter(|s| s.live.is_some())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                "this account's site has no live chat",
            )
        })
}

/// Waiting chats listed in a console's queue (the oldest; `waiting_total` says how many wait).
const QUEUE_SHOWN: u32 = 50;

/// The queue snapshot: waiting chats, the staff member's own, and who is online.
async fn queue_snapshot(
    state: &AppState,
    site: &Site,
    session: &StaffSession,
) -> Result<serde_json::Value, ApiError> {
    let (waiting, waiting_total) = state.store.waiting(&site.config.id, QUEUE_SHOWN).await?;
    let mine = state.store.active_for(&session.account.id).await?;
    Ok(json!({
        "waiting": waiting.iter().map(|c| summary(site, c)).collect::<Vec<_>>(),
        "waiting_total": waiting_total,
        "mine": mine.iter().map(|c| summary(site, c)).collect::<Vec<_>>(),
        "staff_online": state.hub.online(&site.config.id),
    }))
}

async fn queue(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Json<serde_json::Value>, ApiError> {
    let site = staff_site(&state, &session)?;
    Ok(Json(queue_snapshot(&state, site, &session).await?))
}

/// Chat `chat_id` of the staff member's site: 404 when it does not exist, 403 when it is
/// another site's.
async fn site_chat<'a>(
    state: &'a AppState,
    session: &StaffSession,
    chat_id: &str,
) -> Result<(Chat, &'a Site), ApiError> {
    let site = staff_site(state, session)?;
    let chat = state.store.chat(chat_id).await?.ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::UnknownChat,
            "no such chat",
        )
    })?;
    if chat.site != site.config.id {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "this chat belongs to another site",
        ));
    }
    Ok((chat, site))
}

#[derive(Debug, Deserialize)]
struct AfterQuery {
    #[serde(default)]
    after: u64,
}

#[derive(Debug, Serialize)]
struct ChatDetail {
    chat: ChatSummary,
    bot: Vec<BotTurn>,
    events: Vec<ChatEvent>,
}

async fn chat_detail(
    State(state): State<AppState>,
    session: StaffSession,
    Path(chat_id): Path<String>,
    Query(query): Query<AfterQuery>,
) -> Result<Json<ChatDetail>, ApiError> {
    let (chat, site) = site_chat(&state, &session, &chat_id).await?;
    let bot = match &chat.conversation_id {
        Some(c) => state.store.bot_turns(&chat.site, c).await?,
        None => Vec::new(),
    };
    let events = state.store.events_after(&chat.id, query.after).await?;
    Ok(Json(ChatDetail {
        chat: summary(site, &chat),
        bot,
        events,
    }))
}

async fn accept(
    State(state): State<AppState>,
    session: StaffSession,
    Path(chat_id): Path<String>,
) -> Result<Json<ChatSummary>, ApiError> {
    let (chat, site) = site_chat(&state, &session, &chat_id).await?;
    let live_site = site.live.as_ref().ok_or_else(unauthorized)?;
    // The chat's department, else the staff member's own: "Alex from Public Works".
    let department = chat
        .department
        .as_deref()
        .or(session.account.department.as_deref())
        .and_then(|d| live_site.department(d))
        .map(|d| d.name);
    let event = state
        .store
        .accept(
            &chat.id,
            &session.author(),
            department.as_deref(),
            live_site.config.max_chats_per_staff,
        )
        .await
        .map_err(live_error)?;
    tracing::info!(chat = %chat.id, staff = %session.account.id, "chat accepted");
    crate::telemetry::waited(
        &chat.site,
        (Utc::now() - chat.created_at).num_milliseconds() as f64 / 1000.0,
    );
    // The queue first, so the console knows the chat is its own before the event arrives.
    live::queue_changed(&state, &chat.site).await;
    live::publish(&state, &chat.site, &chat.id, event);
    let chat = state.store.chat(&chat.id).await?.unwrap_or(chat);
    Ok(Json(summary(site, &chat)))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageRequest {
    id: String,
    text: String,
}

async fn send_message(
    State(state): State<AppState>,
    session: StaffSession,
    Path(chat_id): Path<String>,
    ApiJson(request): ApiJson<MessageRequest>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let (chat, _) = site_chat(&state, &session, &chat_id).await?;
    checked_message(&request.id, &request.text)
        .map_err(|(code, message)| ApiError::new(StatusCode::BAD_REQUEST, code, message))?;
    let seq = post_and_publish(&state, &chat, &session.author(), &request.id, &request.text)
        .await
        .map_err(live_error)?;
    Ok(Json(json!({ "seq": seq })))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferRequest {
    department: String,
}

async fn transfer(
    State(state): State<AppState>,
    session: StaffSession,
    Path(chat_id): Path<String>,
    ApiJson(request): ApiJson<TransferRequest>,
) -> Result<Json<ChatSummary>, ApiError> {
    let (chat, site) = site_chat(&state, &session, &chat_id).await?;
    let department = site
        .live
        .as_ref()
        .and_then(|l| l.department(&request.department))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidField,
                format!("no department {:?} on this site", request.department),
            )
        })?;
    let event = state
        .store
        .transfer(
            &chat.id,
            &session.author(),
            &department.id,
            &department.name,
        )
        .await
        .map_err(live_error)?;
    live::publish(&state, &chat.site, &chat.id, event);
    live::queue_changed(&state, &chat.site).await;
    let chat = state.store.chat(&chat.id).await?.unwrap_or(chat);
    Ok(Json(summary(site, &chat)))
}

/// Longest close reason.
const MAX_REASON_CHARS: usize = 200;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CloseRequest {
    reason: String,
}

async fn close(
    State(state): State<AppState>,
    session: StaffSession,
    Path(chat_id): Path<String>,
    ApiJson(request): ApiJson<CloseRequest>,
) -> Result<Json<ChatSummary>, ApiError> {
    let (chat, site) = site_chat(&state, &session, &chat_id).await?;
    let reason = request.reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidField,
            format!("give a reason of 1 to {MAX_REASON_CHARS} characters"),
        ));
    }
    let event = state
        .store
        .close(&chat.id, &session.author(), Some(reason))
        .await
        .map_err(live_error)?;
    tracing::info!(chat = %chat.id, staff = %session.account.id, "chat closed");
    live::publish(&state, &chat.site, &chat.id, event);
    live::queue_changed(&state, &chat.site).await;
    let chat = state.store.chat(&chat.id).await?.unwrap_or(chat);
    Ok(Json(summary(site, &chat)))
}

#[derive(Debug, Deserialize)]
struct LangQuery {
    #[serde(default)]
    lang: Option<String>,
}

async fn canned(
    State(state): State<AppState>,
    session: StaffSession,
    Query(query): Query<LangQuery>,
) -> Result<Json<Vec<CannedReply>>, ApiError> {
    let site = staff_site(&state, &session)?;
    let all = site
        .live
        .as_ref()
        .map(|l| l.config.canned.clone())
        .unwrap_or_default();
    Ok(Json(match query.lang.as_deref() {
        Some(lang) => {
            let lang = i18n::normalize_tag(lang);
            all.into_iter().filter(|c| c.lang == lang).collect()
        }
        None => all,
    }))
}

async fn tickets(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Json<Vec<Ticket>>, ApiError> {
    let site = staff_site(&state, &session)?;
    Ok(Json(state.store.tickets(&site.config.id).await?))
}

async fn close_ticket(
    State(state): State<AppState>,
    session: StaffSession,
    Path(ticket_id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let site = staff_site(&state, &session)?;
    if !state
        .store
        .close_ticket(&site.config.id, &ticket_id, &session.author())
        .await?
    {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no such open ticket on this site",
        ));
    }
    Ok(Json(json!({ "closed": true })))
}

async fn staff_socket(
    State(state): State<AppState>,
    session: StaffSession,
    upgrade: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    staff_site(&state, &session)?;
    Ok(super::conversation::small_buffers(upgrade)
        .on_upgrade(move |socket| staff_connection(state, socket, session)))
}

/// Frames a console sends on its socket.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum StaffFrame {
    Message {
        chat_id: String,
        id: String,
        text: String,
    },
    Typing {
        chat_id: String,
        active: bool,
    },
}

async fn send_json<S>(sink: &mut S, value: &serde_json::Value) -> bool
where
    S: futures_util::Sink<Message> + Unpin,
{
    sink.send(Message::Text(value.to_string().into()))
        .await
        .is_ok()
}

/// A console's connection: queue snapshots on every change, events of its own chats, and
/// messages and typing from the staff member.
async fn staff_connection(state: AppState, socket: WebSocket, session: StaffSession) {
    let Some(site) = state.sites.get(&session.account.site) else {
        return;
    };
    let site_id = site.config.id.clone();
    let _open = crate::telemetry::OpenSocket::new("staff");
    // Subscribed first, so a shutdown that starts while this socket is set up is not missed.
    let mut closing = state.hub.closing();
    let mut signals = state.hub.subscribe_site(&site_id);
    let _online = state.hub.staff_online(&site_id);
    // Residents waiting learn a person is here (and their estimate changes).
    live::queue_changed(&state, &site_id).await;
    let (mut sink, mut stream) = socket.split();
    // The staff member's chats, each with the last event `seq` sent on this connection.
    let mut mine: HashMap<String, u64> = HashMap::new();
    if !refresh(
        &state,
        site,
        &session,
        &mut mine,
        &mut sink,
        Joining::Connected,
    )
    .await
    {
        return;
    }
    let mut ping = tokio::time::interval(std::time::Duration::from_secs(25));
    ping.tick().await;
    // Queue changes come in bursts (many residents at once): refresh at most every
    // `REFRESH_EVERY`, or at once when an event for a chat we may just have taken arrives.
    let mut refresh_due: Option<tokio::time::Instant> = None;
    if *closing.borrow() {
        let _ = sink.send(super::conversation::restarting()).await;
        return;
    }
    loop {
        let due = refresh_due;
        tokio::select! {
            _ = closing.changed() => {
                let _ = sink.send(super::conversation::restarting()).await;
                break;
            }
            incoming = stream.next() => {
                let text = match incoming {
                    Some(Ok(Message::Text(text))) => text,
                    Some(Ok(Message::Close(_)) | Err(_)) | None => break,
                    Some(Ok(_)) => continue,
                };
                if let Some(reply) = staff_frame(&state, &session, &mine, &text).await
                    && !send_json(&mut sink, &reply).await
                {
                    break;
                }
            }
            signal = signals.recv() => {
                let ok = match signal {
                    Ok(SiteSignal::QueueChanged) => {
                        refresh_due.get_or_insert_with(|| tokio::time::Instant::now() + REFRESH_EVERY);
                        true
                    }
                    Ok(SiteSignal::Event { chat_id, event }) => {
                        let mut ok = true;
                        if !mine.contains_key(&chat_id) && refresh_due.take().is_some() {
                            ok = refresh(&state, site, &session, &mut mine, &mut sink, Joining::Taken).await;
                        }
                        if ok && let Some(last) = mine.get_mut(&chat_id) {
                            ok = relay::deliver(&state, &chat_id, event, last, &mut sink, console_event).await;
                        }
                        ok
                    }
                    Ok(SiteSignal::Typing { chat_id, active }) if mine.contains_key(&chat_id) => {
                        send_json(&mut sink, &json!({ "type": "typing", "chat_id": chat_id, "active": active })).await
                    }
                    Ok(_) => true,
                    // Missed signals: read what this console's chats missed from the store.
                    Err(RecvError::Lagged(_)) => {
                        let mut ok = true;
                        for (chat_id, last) in &mut mine {
                            ok = ok && relay::catch_up(&state, chat_id, last, &mut sink, console_event).await;
                        }
                        ok
                    }
                    Err(RecvError::Closed) => false,
                };
                if !ok {
                    break;
                }
            }
            () = async {
                match due {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            } => {
                refresh_due = None;
                if !refresh(&state, site, &session, &mut mine, &mut sink, Joining::Taken).await {
                    break;
                }
            }
            _ = ping.tick() => {
                if sink.send(Message::Ping(Default::default())).await.is_err() {
                    break;
                }
            }
        }
    }
}

/// A console's event frame: the event with its chat.
fn console_event(chat_id: &str, event: ChatEvent) -> String {
    json!({ "type": "event", "chat_id": chat_id, "event": event }).to_string()
}

/// Shortest time between two queue snapshots sent to one console.
const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

/// How a chat came to be new to a console connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joining {
    /// It was the staff member's when the connection opened: the console reads its history
    /// from `GET /staff/api/chats/{id}`, so relaying starts at its current last event.
    Connected,
    /// It was taken while the connection was open. Events since the staff member joined may
    /// already have been signalled before this connection knew the chat was its own, so
    /// they are sent from the store at once (the console drops any it already has, by `seq`).
    /// Those come as stored, redacted, like every event a console reads back; from then on
    /// the resident's messages come live, as typed.
    Taken,
}

/// Sends a fresh queue snapshot and updates which chats are the staff member's; a chat new
/// to this connection starts as `joining` says.
async fn refresh<S>(
    state: &AppState,
    site: &Site,
    session: &StaffSession,
    mine: &mut HashMap<String, u64>,
    sink: &mut S,
    joining: Joining,
) -> bool
where
    S: futures_util::Sink<Message> + Unpin,
{
    let Ok(mut snapshot) = queue_snapshot(state, site, session).await else {
        return false;
    };
    let current: HashMap<String, u64> = snapshot["mine"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| Some((c["chat_id"].as_str()?.to_owned(), c["last_seq"].as_u64()?)))
        .collect();
    mine.retain(|id, _| current.contains_key(id));
    snapshot["type"] = json!("queue");
    if !send_json(sink, &snapshot).await {
        return false;
    }
    for (id, last) in current {
        if mine.contains_key(&id) {
            continue;
        }
        if joining == Joining::Connected {
            mine.insert(id, last);
            continue;
        }
        let Some(events) = since_joined(state, &id).await else {
            return false;
        };
        let last = mine.entry(id.clone()).or_insert(0);
        if !relay::send_all(&id, events, last, sink, console_event).await {
            return false;
        }
    }
    true
}

/// The chat's events from its latest `joined` event (where a staff member took it) on, read
/// once from the store; `None` when the store cannot be read.
async fn since_joined(state: &AppState, chat_id: &str) -> Option<Vec<ChatEvent>> {
    let mut events = relay::stored_after(state, chat_id, 0).await?;
    let joined = events
        .iter()
        .rposition(|e| matches!(e.body, EventBody::Joined { .. }))
        .unwrap_or(0);
    Some(events.split_off(joined))
}

/// Handles one frame from a console; returns the answer to send, if any.
async fn staff_frame(
    state: &AppState,
    session: &StaffSession,
    mine: &HashMap<String, u64>,
    text: &str,
) -> Option<serde_json::Value> {
    let error = |code: ErrorCode, message: String| {
        Some(json!({ "type": "error", "code": code, "message": message }))
    };
    let frame: StaffFrame = match serde_json::from_str(text) {
        Ok(frame) => frame,
        Err(e) => return error(ErrorCode::InvalidJson, e.to_string()),
    };
    match frame {
        StaffFrame::Message { chat_id, id, text } => {
            if let Err((code, message)) = checked_message(&id, &text) {
                return error(code, message);
            }
            let chat = match state.store.chat(&chat_id).await {
                Ok(Some(chat)) if chat.site == session.account.site => chat,
                Ok(_) => return error(ErrorCode::UnknownChat, "no such chat".into()),
                Err(e) => {
                    tracing::error!(error = %e, "staff message not stored");
                    // A full or unreachable database has its own codes.
                    return match ApiError::from(e) {
                        ApiError::Client { code, message, .. } => error(code, message),
                        ApiError::Internal(_) => {
                            error(ErrorCode::Internal, "please try again".into())
                        }
                    };
                }
            };
            match post_and_publish(state, &chat, &session.author(), &id, &text).await {
                Ok(seq) => Some(json!({ "type": "ack", "id": id, "seq": seq })),
                Err(e) => match live_error(e) {
                    ApiError::Client { code, message, .. } => error(code, message),
                    ApiError::Internal(e) => {
                        tracing::error!(error = %format!("{e:#}"), "staff message not stored");
                        error(ErrorCode::Internal, "please try again".into())
                    }
                },
            }
        }
        StaffFrame::Typing { chat_id, active } => {
            if mine.contains_key(&chat_id) {
                state.hub.to_chat(
                    &chat_id,
                    crate::live::hub::ChatSignal::Typing {
                        from: protocol::Party::Staff,
                        active,
                    },
                );
            }
            None
        }
    }
}
