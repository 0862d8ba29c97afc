//! `POST /api/v1/ask`: a resident's question in, an answer, choices or a handoff out.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use knowledge::Hit;
use protocol::{Action, ActionKind, AskRequest, AskResponse, ErrorCode, MAX_QUESTION_CHARS};
use uuid::Uuid;

use super::guard::{ApiJson, allowed_site};
use crate::decide::{Decision, search_and_decide};
use crate::error::ApiError;
use crate::language::{self, Context};
use crate::open311;
use crate::redact::redact;
use crate::reply;
use crate::state::AppState;
use crate::store::Turn;

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/ask", post(ask))
}

/// Whether `id` looks like a conversation id this server issues (a UUID).
fn valid_conversation_id(id: &str) -> bool {
    Uuid::parse_str(id).is_ok()
}

async fn ask(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<AskRequest>,
) -> Result<Json<AskResponse>, ApiError> {
    let site = allowed_site(&state, &headers, &request.site)?;
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
    let conversation_id = conversation_id.unwrap_or_else(|| Uuid::new_v4().to_string());

    let index = site.content.index();
    let index = index.as_ref();
    let context = Context {
        page_lang: request.page_lang.as_deref(),
        browser: &request.languages,
        conversation: conversation_lang.as_deref(),
    };
    // "Where is my request 12345?": the request's status, not a search.
    if request.choice.is_none()
        && let Some(system) = &site.open311
        && let Some(number) = open311::status::asked_request(text)
    {
        let lang = language::resolve(index, text, context);
        let (body, outcome) = open311::page::status_reply(
            system,
            state.store.as_ref(),
            site,
            &number,
            state.site_catalog(site, &lang),
            &super::requests::base_url(&headers),
        )
        .await;
        let stored = Stored {
            question: redact(text),
            outcome,
            entry_id: None,
            score: None,
            coverage: None,
        };
        return finish(&state, &site.config.id, conversation_id, lang, body, stored).await;
    }
    let (lang, decision, searched) = match &request.choice {
        Some(choice) => {
            let lang = conversation_lang
                .clone()
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
            };
            (lang, Decision::Answer(hit), true)
        }
        None => {
            let lang = language::resolve(index, text, context);
            let (result, decision) = search_and_decide(index, &lang, text, state.model)
                .map_err(|e| ApiError::Internal(e.into()))?;
            (lang, decision, result.query_terms > 0)
        }
    };

    let bot = state.site_catalog(site, &lang);
    let mut body = reply::build(&decision, &lang, bot, &site.config, searched);
    if matches!(decision, Decision::Handoff) && site.live.is_some() {
        body.actions.insert(
            0,
            Action {
                kind: ActionKind::Chat,
                label: bot.format("action-chat", &[]),
                url: "/api/v1/chats".into(),
            },
        );
    }
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
    finish(&state, &site.config.id, conversation_id, lang, body, stored).await
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
) -> Result<Json<AskResponse>, ApiError> {
    let message_id = Uuid::new_v4().to_string();
    let turn = Turn {
        site: site.to_owned(),
        conversation_id: conversation_id.clone(),
        question_id: Uuid::new_v4().to_string(),
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
    Ok(Json(body.into_response(conversation_id, message_id, lang)))
}
