//! `POST /api/v1/ask`: a resident's question in, an answer, choices or a handoff out.
//!
//! `POST /api/v1/ask?preview=1` is the same question asked by a site's admin, answered from the
//! index that also holds draft entries (see [`crate::content`]): the reply is marked
//! `"preview": true` and names the draft entries it shows in `drafts`. A preview is never
//! stored, never counted in the metrics and never needs consent; without an admin session of
//! the site it is refused (401 `unauthorized`, 403 `forbidden` or `csrf_rejected`), never
//! answered as a resident's question.

use std::borrow::Cow;

use axum::extract::{FromRequestParts as _, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use knowledge::{Hit, SearchIndex};
use protocol::{AskRequest, AskResponse, ErrorCode, MAX_QUESTION_CHARS};
use serde::Serialize;
use uuid::Uuid;

use super::guard::{ApiJson, allowed_site};
use super::staff::StaffSession;
use crate::decide::Decision;
use crate::error::ApiError;
use crate::language::{self, Context};
use crate::meaning::Searchable;
use crate::open311;
use crate::redact::redact;
use crate::reply;
use crate::reply_language::reply_language;
use crate::state::{AppState, Site};
use crate::store::Turn;

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/ask", post(ask))
}

/// Whether `id` looks like a conversation id this server issues (a UUID).
fn valid_conversation_id(id: &str) -> bool {
    Uuid::parse_str(id).is_ok()
}

/// A reply to an admin's preview: the reply a resident would get if the drafts were
/// published, marked as a preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviewResponse {
    /// The reply, as residents would see it.
    #[serde(flatten)]
    pub reply: AskResponse,
    /// Always `true`: this reply came from the preview index and was not stored.
    pub preview: bool,
    /// Ids of the draft entries the reply shows (as its answer or among its choices); empty
    /// when it shows published entries only.
    pub drafts: Vec<String>,
}

/// Whether the query string asks for a preview: `preview=1` or `preview=true`; absent,
/// `0` or `false` is a resident's question; anything else is 400 `invalid_field`.
fn preview_requested(raw: Option<&str>) -> Result<bool, ApiError> {
    let mut preview = false;
    for pair in raw.unwrap_or_default().split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key != "preview" {
            continue;
        }
        preview = match value {
            "1" | "true" => true,
            "0" | "false" => false,
            _ => {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    ErrorCode::InvalidField,
                    "preview must be 1 (or true) or 0 (or false)",
                ));
            }
        };
    }
    Ok(preview)
}

/// 403 `forbidden` unless `session` is an admin of `site`.
fn admin_of(session: &StaffSession, site: &Site) -> Result<(), ApiError> {
    if session.account.role != "admin" {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "previewing drafts needs an admin account",
        ));
    }
    if session.account.site != site.config.id {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "previewing drafts is only for the admins of this site",
        ));
    }
    Ok(())
}

/// Checks the question's text: 400 `empty_question` or `question_too_long`. The text is
/// trimmed and in Unicode NFC, as the content is searched ([`knowledge::words::nfc`]).
fn checked_text(request: &AskRequest) -> Result<Cow<'_, str>, ApiError> {
    let text = request.text.trim();
    if text.is_empty() && request.choice.is_none() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::EmptyQuestion,
            "the question is empty",
        ));
    }
    if text.chars().count() > MAX_QUESTION_CHARS {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::QuestionTooLong,
            format!("questions are limited to {MAX_QUESTION_CHARS} characters"),
        ));
    }
    Ok(knowledge::words::nfc(text))
}

async fn ask(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    mut parts: Parts,
    ApiJson(request): ApiJson<AskRequest>,
) -> Result<Response, ApiError> {
    if preview_requested(raw.as_deref())? {
        // The session first: without one, nothing about the request is looked at.
        let session = StaffSession::from_request_parts(&mut parts, &state).await?;
        let site = allowed_site(&state, &parts.headers, &request.site)?;
        admin_of(&session, site)?;
        let reply = preview(&state, site, &request, &parts.headers).await?;
        return Ok(Json(reply).into_response());
    }
    resident(&state, &parts.headers, &request)
        .await
        .map(|reply| Json(reply).into_response())
}

/// A resident's question: answered from the published entries only, stored, counted.
async fn resident(
    state: &AppState,
    headers: &HeaderMap,
    request: &AskRequest,
) -> Result<AskResponse, ApiError> {
    let site = allowed_site(state, headers, &request.site)?;
    let text = checked_text(request)?;
    super::privacy::check_consent(site, request.consent.as_deref())?;

    // Continue the conversation when it is ours; an expired or foreign id starts a new one.
    let mut conversation_lang = None;
    let mut conversation_id = None;
    if let Some(id) = &request.conversation_id {
        if !valid_conversation_id(id) {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidField,
                "conversation_id is not a conversation id issued by this server",
            ));
        }
        conversation_lang = state.store.conversation_lang(&site.config.id, id).await?;
        if conversation_lang.is_some() {
            conversation_id = Some(id.clone());
        }
    }
    let conversation_id = conversation_id.unwrap_or_else(crate::store::new_row_id);

    let searchable = site.content.searchable();
    let replied = respond(
        state,
        site,
        &searchable,
        request,
        &text,
        conversation_lang.as_deref(),
        headers,
    )
    .await?;
    let reply = finish(
        state,
        &site.config.id,
        conversation_id.clone(),
        replied.lang,
        replied.body,
        replied.stored,
    )
    .await?;
    if site.config.privacy.require_consent
        && let Some(version) = &request.consent
    {
        state
            .store
            .record_consent(&site.config.id, &conversation_id, version)
            .await?;
    }
    Ok(reply)
}

/// An admin's preview of `request` on `site`: answered from the index with drafts, never
/// stored or counted, with the draft entries it shows named. Pass the admin's question as a
/// resident would send it (`page_lang` and `languages` steer the language as usual).
pub async fn preview(
    state: &AppState,
    site: &Site,
    request: &AskRequest,
    headers: &HeaderMap,
) -> Result<PreviewResponse, ApiError> {
    let text = checked_text(request)?;
    let searchable = site.content.preview_searchable();
    let replied = respond(state, site, &searchable, request, &text, None, headers).await?;
    let drafts = replied
        .shown
        .iter()
        .filter(|h| !h.entry.is_published())
        .map(|h| h.entry.id.clone())
        .collect();
    tracing::info!(site = %site.config.id, lang = %replied.lang, "preview");
    let conversation_id = request
        .conversation_id
        .clone()
        .filter(|id| valid_conversation_id(id))
        .unwrap_or_else(|| Uuid::new_v4().to_string());
    Ok(PreviewResponse {
        reply: replied.body.into_response(
            conversation_id,
            Uuid::new_v4().to_string(),
            replied.lang,
        ),
        preview: true,
        drafts,
    })
}

/// A reply worked out but not yet stored.
struct Replied {
    lang: String,
    body: reply::ReplyBody,
    stored: Stored,
    /// The entries the reply shows (its answer, or its choices).
    shown: Vec<Hit>,
}

/// Works out the reply to `request` (whose trimmed text is `text`) from `searchable`.
async fn respond(
    state: &AppState,
    site: &Site,
    searchable: &Searchable,
    request: &AskRequest,
    text: &str,
    conversation_lang: Option<&str>,
    headers: &HeaderMap,
) -> Result<Replied, ApiError> {
    let index: &SearchIndex = &searchable.index;
    let context = Context {
        page_lang: request.page_lang.as_deref(),
        browser: &request.languages,
        conversation: conversation_lang,
    };
    // "Where is my request 12345?": the request's status, not a search.
    if request.choice.is_none()
        && let Some(system) = &site.open311
        && let Some(number) = open311::status::asked_request(text)
    {
        let searched = language::resolve(index, text, context);
        let lang = reply_language(index, text, context, &searched, None, &|tag| {
            state.bot.contains_key(tag)
        });
        let (body, outcome) = open311::page::status_reply(
            system,
            state.store.as_ref(),
            site,
            &number,
            state.site_catalog(site, &lang),
            &super::requests::base_url(headers),
        )
        .await;
        let stored = Stored {
            question: redact(text),
            outcome,
            entry_id: None,
            score: None,
            coverage: None,
        };
        return Ok(Replied {
            lang,
            body,
            stored,
            shown: Vec::new(),
        });
    }
    // `vocabulary`: how much of the question is the searched language's vocabulary, when the
    // search worked it out in that language (see `reply_language`).
    let (lang, decision, searched, vocabulary) = match &request.choice {
        Some(choice) => {
            let lang = conversation_lang
                .map(str::to_owned)
                .unwrap_or_else(|| language::resolve(index, text, context));
            let entry = index.entry(choice, &lang).ok_or_else(|| {
                ApiError::new(
                    StatusCode::NOT_FOUND,
                    ErrorCode::UnknownEntry,
                    format!("no entry {choice:?} on site {:?}", site.config.id),
                )
            })?;
            let hit = Hit {
                entry,
                score: 0.0,
                coverage: 1.0,
                similarity: None,
            };
            (lang, Decision::Answer(hit), true, None)
        }
        None => {
            let lang = language::resolve(index, text, context);
            let (result, decision) = searchable
                .search_and_decide(&lang, text)
                .await
                .map_err(|e| ApiError::Internal(e.into()))?;
            let vocabulary = result.vocabulary.filter(|_| result.lang == lang);
            (lang, decision, result.query_terms > 0, vocabulary)
        }
    };

    // The bot speaks the resident's language even where the city has no content in it; the
    // answer then says it is in another language.
    let lang = reply_language(index, text, context, &lang, vocabulary, &|tag| {
        state.bot.contains_key(tag)
    });
    let bot = state.site_catalog(site, &lang);
    let body = reply::build(
        &decision,
        &lang,
        bot,
        &site.config,
        searched,
        site.live.is_some(),
    );
    let top = match &decision {
        Decision::Answer(hit) => Some(hit),
        Decision::Choices(hits) => hits.first(),
        Decision::Handoff => None,
    };
    let question = match &request.choice {
        Some(choice) if text.is_empty() => format!("[choice {choice}]"),
        _ => redact(text),
    };
    let stored = Stored {
        question,
        outcome: decision.outcome(),
        entry_id: match &decision {
            Decision::Answer(hit) => Some(hit.entry.id.clone()),
            _ => None,
        },
        score: top.map(|h| h.score),
        coverage: top.map(|h| h.coverage),
    };
    let shown = match decision {
        Decision::Answer(hit) => vec![hit],
        Decision::Choices(hits) => hits,
        Decision::Handoff => Vec::new(),
    };
    Ok(Replied {
        lang,
        body,
        stored,
        shown,
    })
}

/// What is stored of a turn besides the reply.
struct Stored {
    question: String,
    outcome: &'static str,
    entry_id: Option<String>,
    score: Option<f32>,
    coverage: Option<f32>,
}

/// Stores the turn and completes the reply.
async fn finish(
    state: &AppState,
    site: &str,
    conversation_id: String,
    lang: String,
    body: reply::ReplyBody,
    stored: Stored,
) -> Result<AskResponse, ApiError> {
    let message_id = crate::store::new_row_id();
    let turn = Turn {
        site: site.to_owned(),
        conversation_id: conversation_id.clone(),
        question_id: crate::store::new_row_id(),
        question: stored.question,
        reply_id: message_id.clone(),
        reply: body.message.clone(),
        lang: lang.clone(),
        outcome: stored.outcome,
        entry_id: stored.entry_id,
        score: stored.score,
        coverage: stored.coverage,
    };
    state.store.record_turn(&turn).await?;
    crate::telemetry::answered(&turn.site, &turn.lang, turn.outcome);
    tracing::info!(
        site = %turn.site,
        lang = %turn.lang,
        outcome = turn.outcome,
        entry = turn.entry_id.as_deref().unwrap_or("-"),
        "ask"
    );
    Ok(body.into_response(conversation_id, message_id, lang))
}
