//! The resident's side of live chat: availability, joining the queue, the chat's WebSocket,
//! rating, the transcript and tickets (see docs/live-chat.md).

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use futures_util::{SinkExt as _, StreamExt as _};
use protocol::live::MAX_CHAT_MESSAGE_CHARS;
use protocol::{
    Availability, ChatEvent, ChatRequest, ChatStarted, ClientFrame, Department, ErrorCode,
    FeedbackResponse, RatingRequest, ServerFrame, TicketCreated, TicketRequest,
};
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;

use super::guard::{ApiJson, allowed_site, check_origin};
use super::relay;
use crate::auth::{same_secret, ticket_reference, token_hash};
use crate::error::ApiError;
use crate::live::hub::ChatSignal;
use crate::live::{self, LiveSite};
use crate::redact::redact;
use crate::state::{AppState, Site};
use crate::store::live::{Author, Chat, LiveError, NewChat, Posted, Ticket};
use crate::transcript;

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/live/availability", get(availability))
        .route("/api/v1/chats", post(start_chat))
        .route("/api/v1/chats/{chat_id}/live", get(chat_socket))
        .route("/api/v1/chats/{chat_id}/rating", post(rate_chat))
        .route("/api/v1/chats/{chat_id}/transcript", get(chat_transcript))
        .route("/api/v1/tickets", post(leave_ticket))
}

/// Longest name or contact on a ticket.
const MAX_TICKET_FIELD_CHARS: usize = 200;

/// How often an idle chat socket is pinged, so proxies keep it and dead peers are noticed.
const PING_EVERY: std::time::Duration = std::time::Duration::from_secs(25);

#[derive(Debug, Deserialize)]
struct SiteQuery {
    site: String,
}

async fn availability(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<SiteQuery>,
) -> Result<Json<Availability>, ApiError> {
    let site = allowed_site(&state, &headers, &query.site)?;
    Ok(Json(live::availability(&state, site, chrono::Utc::now())))
}

/// The site's live chat, or 409 `staff_unavailable` when it has none.
fn live_of(site: &Site) -> Result<&LiveSite, ApiError> {
    site.live.as_ref().ok_or_else(|| {
        ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::StaffUnavailable,
            format!("site {:?} has no live chat", site.config.id),
        )
    })
}

/// A resident's language tag, checked for shape (letters, digits and hyphens, ≤ 35).
fn checked_lang(lang: &str) -> Result<String, ApiError> {
    let lang = lang.trim();
    if lang.is_empty()
        || lang.len() > 35
        || !lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidField,
            "lang must be a BCP 47 language tag such as \"es\" or \"zh-Hant\"",
        ));
    }
    Ok(i18n::normalize_tag(lang))
}

/// The department a chat or ticket goes to: the one asked for (which must exist), else the
/// one owning the conversation's last answer, else none.
async fn route_department(
    state: &AppState,
    site: &Site,
    live: &LiveSite,
    asked: Option<&str>,
    conversation_id: Option<&str>,
    lang: &str,
) -> Result<Option<Department>, ApiError> {
    if let Some(id) = asked {
        return live.department(id).map(Some).ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidField,
                format!("no department {id:?} on this site"),
            )
        });
    }
    let Some(conversation) = conversation_id else {
        return Ok(None);
    };
    let entry = state
        .store
        .last_answer(&site.config.id, conversation)
        .await?;
    Ok(entry
        .and_then(|id| site.content.index().entry(&id, lang))
        .and_then(|entry| live.department_for_owner(&entry.owner)))
}

/// Checks a conversation id given with a chat or ticket belongs to the site.
async fn checked_conversation(
    state: &AppState,
    site: &Site,
    id: Option<&str>,
) -> Result<Option<String>, ApiError> {
    let Some(id) = id else { return Ok(None) };
    match state.store.conversation_lang(&site.config.id, id).await? {
        Some(_) => Ok(Some(id.to_owned())),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::UnknownConversation,
            "no such conversation on this site",
        )),
    }
}

async fn start_chat(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<ChatRequest>,
) -> Result<(StatusCode, Json<ChatStarted>), ApiError> {
    let site = allowed_site(&state, &headers, &request.site)?;
    super::privacy::check_consent(site, request.consent.as_deref())?;
    let live_site = live_of(site)?;
    let lang = checked_lang(&request.lang)?;
    let now = chrono::Utc::now();
    let available = live::availability(&state, site, now);
    if !available.open {
        let when = available
            .next_open
            .map(|t| format!("; staff are next available at {t}"))
            .unwrap_or_default();
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::StaffUnavailable,
            format!("no staff can take a chat now{when}; leave a message instead"),
        ));
    }
    let conversation_id =
        checked_conversation(&state, site, request.conversation_id.as_deref()).await?;
    let department = route_department(
        &state,
        site,
        live_site,
        request.department.as_deref(),
        conversation_id.as_deref(),
        &lang,
    )
    .await?;
    let token = crate::auth::new_token();
    let chat = NewChat {
        id: crate::store::new_row_id(),
        site: site.config.id.clone(),
        conversation_id,
        lang,
        department: department.as_ref().map(|d| d.id.clone()),
        token_hash: token_hash(&token),
    };
    state.store.create_chat(&chat).await?;
    tracing::info!(site = %chat.site, chat = %chat.id, lang = %chat.lang, "handoff to staff");
    live::queue_changed(&state, &chat.site).await;
    Ok((
        StatusCode::CREATED,
        Json(ChatStarted {
            chat_id: chat.id,
            token,
            department,
        }),
    ))
}

/// 404 `unknown_chat`: the same answer for a wrong id and a wrong token.
fn unknown_chat() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::UnknownChat,
        "no such chat, or the token does not match it",
    )
}

/// The chat `chat_id` when `token` is its resident's and the request's origin is allowed for
/// its site.
async fn resident_chat<'a>(
    state: &'a AppState,
    headers: &HeaderMap,
    chat_id: &str,
    token: &str,
) -> Result<(Chat, &'a Site), ApiError> {
    let chat = state
        .store
        .chat(chat_id)
        .await?
        .filter(|c| same_secret(&c.token_hash, &token_hash(token)))
        .ok_or_else(unknown_chat)?;
    let site = state.sites.get(&chat.site).ok_or_else(unknown_chat)?;
    check_origin(headers, &site.config)?;
    Ok((chat, site))
}

/// Maps a refused chat action to its error.
pub fn live_error(e: LiveError) -> ApiError {
    let (status, code, message) = match e {
        LiveError::UnknownChat => return unknown_chat(),
        LiveError::Closed => (
            StatusCode::CONFLICT,
            ErrorCode::ChatClosed,
            "the chat has ended",
        ),
        LiveError::Taken => (
            StatusCode::CONFLICT,
            ErrorCode::ChatTaken,
            "another staff member has this chat",
        ),
        LiveError::TooMany => (
            StatusCode::CONFLICT,
            ErrorCode::TooManyChats,
            "you already have as many chats as this site allows at once",
        ),
        LiveError::StillOpen => (
            StatusCode::CONFLICT,
            ErrorCode::InvalidField,
            "a chat can be rated once it has ended",
        ),
        LiveError::Database(e) => return e.into(),
    };
    ApiError::new(status, code, message)
}

#[derive(Debug, Deserialize)]
struct SocketQuery {
    token: String,
    #[serde(default)]
    after: u64,
}

async fn chat_socket(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(chat_id): Path<String>,
    Query(query): Query<SocketQuery>,
    upgrade: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let (chat, _) = resident_chat(&state, &headers, &chat_id, &query.token).await?;
    Ok(small_buffers(upgrade)
        .on_upgrade(move |socket| resident_socket(state, socket, chat, query.after)))
}

/// Chat frames are small: buffers sized for them keep a thousand open sockets cheap (the
/// defaults reserve 128 KiB each way per socket).
pub fn small_buffers(upgrade: WebSocketUpgrade) -> WebSocketUpgrade {
    upgrade
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_message_size(protocol::MAX_BODY_BYTES)
        .max_frame_size(protocol::MAX_BODY_BYTES)
}

/// The close frame sent when the server shuts down: 1012 "service restart" tells clients to
/// reconnect (to this server once it is back, or to another replica).
pub fn restarting() -> Message {
    Message::Close(Some(axum::extract::ws::CloseFrame {
        code: 1012,
        reason: "restarting".into(),
    }))
}

/// Sends one frame as JSON text.
async fn send<S>(sink: &mut S, frame: &ServerFrame) -> bool
where
    S: futures_util::Sink<Message> + Unpin,
{
    match serde_json::to_string(frame) {
        Ok(json) => sink.send(Message::Text(json.into())).await.is_ok(),
        Err(_) => false,
    }
}

/// Checks a chat message's id and text; the error says what is wrong.
pub fn checked_message(id: &str, text: &str) -> Result<(), (ErrorCode, String)> {
    if id.is_empty() || id.len() > 64 {
        return Err((
            ErrorCode::InvalidField,
            "a message needs an id of 1 to 64 characters".into(),
        ));
    }
    if text.trim().is_empty() {
        return Err((ErrorCode::EmptyQuestion, "the message is empty".into()));
    }
    if text.chars().count() > MAX_CHAT_MESSAGE_CHARS {
        return Err((
            ErrorCode::QuestionTooLong,
            format!("messages are limited to {MAX_CHAT_MESSAGE_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Stores a message (redacted) and tells everyone in the chat (as typed).
pub async fn post_and_publish(
    state: &AppState,
    chat: &Chat,
    author: &Author,
    client_id: &str,
    text: &str,
) -> Result<u64, LiveError> {
    let text = text.trim();
    let posted = state
        .store
        .post_message(&chat.id, author, client_id, &redact(text))
        .await?;
    if let Posted::New(event) = &posted {
        let mut live_event = event.clone();
        if let protocol::EventBody::Message { text: shown, .. } = &mut live_event.body {
            text.clone_into(shown);
        }
        live::publish(state, &chat.site, &chat.id, live_event);
    }
    Ok(posted.event().seq)
}

/// The resident's connection: replays what they missed, then relays both ways until either
/// side goes away.
async fn resident_socket(state: AppState, socket: WebSocket, chat: Chat, after: u64) {
    let _open = crate::telemetry::OpenSocket::new("resident");
    // Subscribed first, so a shutdown that starts while this socket is set up is not missed.
    let mut closing = state.hub.closing();
    let mut signals = state.hub.subscribe_chat(&chat.id);
    let (mut sink, mut stream) = socket.split();
    if *closing.borrow() {
        let _ = sink.send(restarting()).await;
        return;
    }
    let mut last = after;
    if !relay::catch_up(&state, &chat.id, &mut last, &mut sink, resident_event).await {
        return;
    }
    if let Ok(Some((position, wait_seconds))) =
        live::place_in_queue(&state, &chat.site, &chat.id).await
        && !send(
            &mut sink,
            &ServerFrame::Queue {
                position,
                wait_seconds,
            },
        )
        .await
    {
        return;
    }
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.tick().await;
    loop {
        tokio::select! {
            _ = closing.changed() => {
                let _ = sink.send(restarting()).await;
                break;
            }
            incoming = stream.next() => {
                let text = match incoming {
                    Some(Ok(Message::Text(text))) => text,
                    Some(Ok(Message::Close(_)) | Err(_)) | None => break,
                    Some(Ok(_)) => continue,
                };
                let reply = resident_frame(&state, &chat, &text).await;
                for frame in reply {
                    if !send(&mut sink, &frame).await {
                        return;
                    }
                }
            }
            signal = signals.recv() => {
                let ok = match signal {
                    Ok(ChatSignal::Event(event)) => {
                        relay::deliver(&state, &chat.id, event, &mut last, &mut sink, resident_event).await
                    }
                    Ok(ChatSignal::Queue { position, wait_seconds }) => {
                        send(&mut sink, &ServerFrame::Queue { position, wait_seconds }).await
                    }
                    Ok(ChatSignal::Typing { from: protocol::Party::Staff, active }) => {
                        send(&mut sink, &ServerFrame::Typing { active }).await
                    }
                    Ok(ChatSignal::Typing { .. }) => true,
                    Err(RecvError::Lagged(_)) => relay::catch_up(&state, &chat.id, &mut last, &mut sink, resident_event).await,
                    Err(RecvError::Closed) => false,
                };
                if !ok {
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

/// A resident's event frame.
fn resident_event(_chat_id: &str, event: ChatEvent) -> String {
    serde_json::to_string(&ServerFrame::Event { event }).unwrap_or_default()
}

/// Handles one frame from the resident; returns the frames to answer with.
async fn resident_frame(state: &AppState, chat: &Chat, text: &str) -> Vec<ServerFrame> {
    let error = |code: ErrorCode, message: String| vec![ServerFrame::Error { code, message }];
    let frame: ClientFrame = match serde_json::from_str(text) {
        Ok(frame) => frame,
        Err(e) => return error(ErrorCode::InvalidJson, e.to_string()),
    };
    match frame {
        ClientFrame::Message { id, text } => {
            if let Err((code, message)) = checked_message(&id, &text) {
                return error(code, message);
            }
            match post_and_publish(state, chat, &Author::Resident, &id, &text).await {
                // Its event reaches this socket like every other, through the hub.
                Ok(seq) => vec![ServerFrame::Ack { id, seq }],
                Err(e) => live_error_frame(e),
            }
        }
        ClientFrame::Typing { active } => {
            state.hub.to_site(
                &chat.site,
                crate::live::hub::SiteSignal::Typing {
                    chat_id: chat.id.clone(),
                    active,
                },
            );
            Vec::new()
        }
        ClientFrame::Close => match state.store.close(&chat.id, &Author::Resident, None).await {
            Ok(event) => {
                live::publish(state, &chat.site, &chat.id, event);
                live::queue_changed(state, &chat.site).await;
                Vec::new()
            }
            Err(e) => live_error_frame(e),
        },
    }
}

fn live_error_frame(e: LiveError) -> Vec<ServerFrame> {
    match live_error(e) {
        ApiError::Client { code, message, .. } => vec![ServerFrame::Error { code, message }],
        ApiError::Internal(e) => {
            tracing::error!(error = %format!("{e:#}"), "chat frame failed");
            vec![ServerFrame::Error {
                code: ErrorCode::Internal,
                message: "something went wrong on our side; please try again".into(),
            }]
        }
    }
}

async fn rate_chat(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(chat_id): Path<String>,
    ApiJson(request): ApiJson<RatingRequest>,
) -> Result<Json<FeedbackResponse>, ApiError> {
    let (chat, _) = resident_chat(&state, &headers, &chat_id, &request.token).await?;
    if !(1..=5).contains(&request.stars) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidField,
            "stars must be 1 to 5",
        ));
    }
    let comment = request
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.chars().count() > protocol::MAX_COMMENT_CHARS) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidField,
            format!(
                "comments are limited to {} characters",
                protocol::MAX_COMMENT_CHARS
            ),
        ));
    }
    state
        .store
        .rate(&chat.id, request.stars, comment.map(redact).as_deref())
        .await
        .map_err(live_error)?;
    Ok(Json(FeedbackResponse { recorded: true }))
}

#[derive(Debug, Deserialize)]
struct TranscriptQuery {
    token: String,
    #[serde(default)]
    format: Option<String>,
}

async fn chat_transcript(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(chat_id): Path<String>,
    Query(query): Query<TranscriptQuery>,
) -> Result<Response, ApiError> {
    let (chat, site) = resident_chat(&state, &headers, &chat_id, &query.token).await?;
    let html = match query.format.as_deref().unwrap_or("txt") {
        "txt" => false,
        "html" => true,
        other => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidField,
                format!("format {other:?}: use txt or html"),
            ));
        }
    };
    let bot_turns = match &chat.conversation_id {
        Some(c) => state.store.bot_turns(&chat.site, c).await?,
        None => Vec::new(),
    };
    let events = state.store.events_after(&chat.id, 0).await?;
    let catalog = state.site_catalog(site, &chat.lang);
    let transcript = transcript::Transcript {
        site_name: &site.config.name,
        lang: &chat.lang,
        timezone: site
            .live
            .as_ref()
            .map_or(chrono_tz::UTC, |live| live.hours.timezone()),
        bot: &bot_turns,
        events: &events,
        catalog,
    };
    let (body, content_type, extension) = if html {
        (transcript.html(), "text/html; charset=utf-8", "html")
    } else {
        (transcript.text(), "text/plain; charset=utf-8", "txt")
    };
    let date = chat.created_at.format("%Y-%m-%d");
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"chat-{date}.{extension}\""),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'".to_owned(),
            ),
        ],
        body,
    )
        .into_response())
}

async fn leave_ticket(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<TicketRequest>,
) -> Result<(StatusCode, Json<TicketCreated>), ApiError> {
    let site = allowed_site(&state, &headers, &request.site)?;
    super::privacy::check_consent(site, request.consent.as_deref())?;
    let live_site = live_of(site)?;
    let lang = checked_lang(&request.lang)?;
    let message = request.message.trim();
    if message.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::EmptyQuestion,
            "the message is empty",
        ));
    }
    if message.chars().count() > MAX_CHAT_MESSAGE_CHARS {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::QuestionTooLong,
            format!("messages are limited to {MAX_CHAT_MESSAGE_CHARS} characters"),
        ));
    }
    let optional = |field: &Option<String>, name: &str| -> Result<Option<String>, ApiError> {
        let value = field.as_deref().map(str::trim).filter(|v| !v.is_empty());
        if value.is_some_and(|v| v.chars().count() > MAX_TICKET_FIELD_CHARS) {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidField,
                format!("{name} is limited to {MAX_TICKET_FIELD_CHARS} characters"),
            ));
        }
        Ok(value.map(str::to_owned))
    };
    let name = optional(&request.name, "name")?;
    let contact = optional(&request.contact, "contact")?;
    let conversation_id =
        checked_conversation(&state, site, request.conversation_id.as_deref()).await?;
    let department = route_department(
        &state,
        site,
        live_site,
        request.department.as_deref(),
        conversation_id.as_deref(),
        &lang,
    )
    .await?;
    let ticket = Ticket {
        ticket_id: ticket_reference(),
        site: site.config.id.clone(),
        conversation_id,
        lang,
        name,
        contact,
        message: redact(message),
        department: department.map(|d| d.id),
        status: "open".into(),
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    };
    state.store.create_ticket(&ticket).await?;
    tracing::info!(site = %ticket.site, ticket = %ticket.ticket_id, "ticket left");
    state
        .hub
        .to_site(&ticket.site, crate::live::hub::SiteSignal::QueueChanged);
    Ok((
        StatusCode::CREATED,
        Json(TicketCreated {
            ticket_id: ticket.ticket_id,
        }),
    ))
}
