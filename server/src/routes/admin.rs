//! Administration for a site's admins (staff with the `admin` role): reloading content and
//! seeing whether the files on disk are serving (`/admin/reload`, `/admin/api/content`), and
//! what residents' questions teach the content editors: knowledge gaps, feedback, top
//! questions, translation coverage and trends, as JSON under `/admin/api/` and as pages under
//! `/admin` (computed and rendered by [`crate::admin`]); and `/admin/preview`, where an admin
//! asks a question and sees the reply with draft entries included (the page form of
//! `POST /api/v1/ask?preview=1`).
//!
//! Every endpoint needs a staff session (401 `unauthorized`) of an admin (403 `forbidden`)
//! and shows only the admin's own site. The pages answer a missing session with a page that
//! links to the staff console's sign-in, and are served with [`ADMIN_CSP`].

use std::collections::HashMap;

use axum::extract::rejection::FormRejection;
use axum::extract::{DefaultBodyLimit, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use chrono::Utc;
use protocol::ErrorCode;
use serde::Deserialize;
use serde_json::{Value, json};
use tower_http::set_header::SetResponseHeaderLayer;

use super::guard::{ApiJson, same_origin};
use super::staff::StaffSession;
use crate::admin::drafts::{Draft, DraftRequest, write_draft};
use crate::admin::pages::{self, Context, GapsPage, Overview, Page, PreviewPage};
use crate::admin::report::{self, CoverageReport, TOP_QUESTIONS};
use crate::admin::{Window, parse_bounded, parse_days};
use crate::auth;
use crate::error::ApiError;
use crate::state::{AppState, Site};

/// The admin pages' policy: their own stylesheet and script, inline SVG, forms posting to
/// themselves, no framing.
pub const ADMIN_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const ADMIN_CSS: &str = include_str!("../../assets/admin/admin.css");
const ADMIN_JS: &str = include_str!("../../assets/admin/admin.js");

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    let api = Router::new()
        .route("/admin/reload", post(reload))
        .route("/admin/api/content", get(content))
        .route("/admin/api/gaps", get(api_gaps))
        .route("/admin/api/feedback", get(api_feedback))
        .route("/admin/api/top-questions", get(api_top_questions))
        .route("/admin/api/coverage", get(api_coverage))
        .route("/admin/api/trends", get(api_trends))
        .route("/admin/api/drafts", post(api_drafts));
    let pages = Router::new()
        .route("/admin", get(page_overview))
        .route("/admin/", get(page_overview))
        .route("/admin/gaps", get(page_gaps))
        .route("/admin/gaps/draft", post(page_draft))
        .route("/admin/feedback", get(page_feedback))
        .route("/admin/trends", get(page_trends))
        .route("/admin/coverage", get(page_coverage))
        .route("/admin/preview", get(page_preview).post(page_preview_ask))
        .route(
            "/admin/admin.css",
            get(|| async { asset(ADMIN_CSS, "text/css; charset=utf-8") }),
        )
        .route(
            "/admin/admin.js",
            get(|| async { asset(ADMIN_JS, "text/javascript; charset=utf-8") }),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(ADMIN_CSP),
        ));
    Router::new()
        .merge(api)
        .merge(pages)
        .layer(DefaultBodyLimit::max(protocol::MAX_BODY_BYTES))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

fn asset(body: &'static str, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// The admin's site, or 403 `forbidden` for staff without the admin role.
fn admin_site<'a>(state: &'a AppState, session: &StaffSession) -> Result<&'a Site, ApiError> {
    if session.account.role != "admin" {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "this needs an admin account",
        ));
    }
    state.sites.get(&session.account.site).ok_or_else(|| {
        ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "this account's site is not served here",
        )
    })
}

/// Reads the site's content again now: 200 with the new status when it was swapped in, 422
/// `content_invalid` with every `path:line: message` when it has errors (the old content
/// keeps serving).
async fn reload(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let site = admin_site(&state, &session)?;
    let status = site.content.reload(&site.config).await;
    if status.errors.is_empty() {
        Ok((
            StatusCode::OK,
            Json(json!({ "site": site.config.id, "content": status })),
        ))
    } else {
        Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({
                "code": ErrorCode::ContentInvalid,
                "message": format!(
                    "the content has {} error(s); the previous content keeps serving",
                    status.errors.len()
                ),
                "site": site.config.id,
                "content": status,
            })),
        ))
    }
}

/// The site's content status: entries serving, when indexed, errors of the latest load.
async fn content(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Json<Value>, ApiError> {
    let site = admin_site(&state, &session)?;
    Ok(Json(
        json!({ "site": site.config.id, "content": site.content.status() }),
    ))
}

// ---- query strings ---------------------------------------------------------------------------

/// Decodes `%XX` and `+` in a query value.
fn percent_decode(value: &str) -> String {
    let hex = |b: u8| {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    };
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The query string's parameters (the last value wins).
fn query(raw: Option<&str>) -> HashMap<String, String> {
    raw.unwrap_or_default()
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

/// The window `?days=` asks for, in the site's time zone.
fn window_of(site: &Site, params: &HashMap<String, String>) -> Result<Window, ApiError> {
    let days = parse_days(params.get("days").map(String::as_str))?;
    Ok(Window::for_site(days, &site.config.timezone))
}

// ---- JSON ------------------------------------------------------------------------------------

async fn api_gaps(
    State(state): State<AppState>,
    session: StaffSession,
    RawQuery(raw): RawQuery,
) -> Result<Json<report::GapsReport>, ApiError> {
    let site = admin_site(&state, &session)?;
    let window = window_of(site, &query(raw.as_deref()))?;
    Ok(Json(report::gaps(&state, site, &window).await?))
}

async fn api_feedback(
    State(state): State<AppState>,
    session: StaffSession,
    RawQuery(raw): RawQuery,
) -> Result<Json<report::FeedbackReport>, ApiError> {
    let site = admin_site(&state, &session)?;
    let window = window_of(site, &query(raw.as_deref()))?;
    Ok(Json(report::feedback(&state, site, &window).await?))
}

async fn api_top_questions(
    State(state): State<AppState>,
    session: StaffSession,
    RawQuery(raw): RawQuery,
) -> Result<Json<report::TopQuestionsReport>, ApiError> {
    let site = admin_site(&state, &session)?;
    let params = query(raw.as_deref());
    let window = window_of(site, &params)?;
    let limit = parse_bounded(
        params.get("limit").map(String::as_str),
        "limit",
        TOP_QUESTIONS.0,
        TOP_QUESTIONS.1,
    )?;
    Ok(Json(
        report::top_questions(&state, site, &window, limit).await?,
    ))
}

async fn api_coverage(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Json<CoverageReport>, ApiError> {
    let site = admin_site(&state, &session)?;
    Ok(Json(report::coverage(site).await?))
}

async fn api_trends(
    State(state): State<AppState>,
    session: StaffSession,
    RawQuery(raw): RawQuery,
) -> Result<Json<report::TrendsReport>, ApiError> {
    let site = admin_site(&state, &session)?;
    let window = window_of(site, &query(raw.as_deref()))?;
    Ok(Json(report::trends(&state, site, &window).await?))
}

/// Writes the draft off the async runtime.
async fn draft(site: &Site, request: DraftRequest) -> Result<Draft, ApiError> {
    let root = site.config.content.clone();
    let owner = site.config.name.clone();
    let url = site.config.contact_url.clone();
    let today = Utc::now()
        .with_timezone(&site.config.timezone.parse().unwrap_or(chrono_tz::Tz::UTC))
        .date_naive();
    let written =
        tokio::task::spawn_blocking(move || write_draft(&root, &request, today, &owner, &url))
            .await
            .map_err(|e| ApiError::Internal(e.into()))?;
    Ok(written?)
}

/// `POST /admin/api/drafts`: 201 with the draft's path; 409 when the id is taken in that
/// language; 422 `invalid_field` for an unknown language or topic.
async fn api_drafts(
    State(state): State<AppState>,
    session: StaffSession,
    ApiJson(request): ApiJson<DraftRequest>,
) -> Result<(StatusCode, Json<Draft>), ApiError> {
    let site = admin_site(&state, &session)?;
    Ok((StatusCode::CREATED, Json(draft(site, request).await?)))
}

// ---- pages -----------------------------------------------------------------------------------

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A client error as a page; internal errors as the usual JSON 500 (their details only in the
/// log).
fn error_html(error: ApiError, back: &str, back_label: &str) -> Response {
    match error {
        ApiError::Client {
            status, message, ..
        } => html(
            status,
            pages::error_page("This page could not be shown", &message, back, back_label),
        ),
        internal @ ApiError::Internal(_) => internal.into_response(),
    }
}

/// The signed-in admin and their site, or the page to show instead: sign in (401), admins
/// only (403).
fn page_admin<'a>(
    state: &'a AppState,
    session: Result<StaffSession, ApiError>,
    path: &str,
) -> Result<(&'a Site, StaffSession), Box<Response>> {
    let session = match session {
        Ok(session) => session,
        Err(ApiError::Client {
            status: StatusCode::UNAUTHORIZED,
            ..
        }) => {
            return Err(Box::new(html(
                StatusCode::UNAUTHORIZED,
                pages::sign_in_page(path),
            )));
        }
        Err(error) => {
            return Err(Box::new(error_html(
                error,
                "/staff",
                "Back to the staff console",
            )));
        }
    };
    if session.account.role != "admin" {
        return Err(Box::new(html(
            StatusCode::FORBIDDEN,
            pages::forbidden_page(&session.account.name),
        )));
    }
    match admin_site(state, &session) {
        Ok(site) => Ok((site, session)),
        Err(error) => Err(Box::new(error_html(
            error,
            "/staff",
            "Back to the staff console",
        ))),
    }
}

/// Runs `render` for a signed-in admin with the period of the query string.
macro_rules! admin_page {
    ($state:expr, $session:expr, $raw:expr, $page:expr, |$site:ident, $ctx:ident, $params:ident| $render:expr) => {{
        let (site, session) = match page_admin(&$state, $session, $page.path()) {
            Ok(found) => found,
            Err(response) => return *response,
        };
        let $params = query($raw.as_deref());
        let window = match window_of(site, &$params) {
            Ok(window) => window,
            Err(error) => return error_html(error, "/admin", "Back to the content overview"),
        };
        let $ctx = Context {
            site_name: &site.config.name,
            account_name: &session.account.name,
            window: &window,
            csrf_token: &session.csrf_token,
        };
        let $site = site;
        let rendered: Result<String, ApiError> = $render;
        match rendered {
            Ok(body) => html(StatusCode::OK, body),
            Err(error) => error_html(error, "/admin", "Back to the content overview"),
        }
    }};
}

async fn page_overview(
    State(state): State<AppState>,
    session: Result<StaffSession, ApiError>,
    RawQuery(raw): RawQuery,
) -> Response {
    admin_page!(state, session, raw, Page::Overview, |site, ctx, _params| {
        async {
            let trends = report::trends(&state, site, ctx.window).await?;
            let gaps = report::gaps(&state, site, ctx.window).await?;
            let feedback = report::feedback(&state, site, ctx.window).await?;
            let top = report::top_questions(&state, site, ctx.window, 10).await?;
            let coverage = report::coverage(site).await?;
            let content = site.content.status();
            Ok(pages::overview(
                &ctx,
                &Overview {
                    trends: &trends,
                    gaps: &gaps,
                    feedback: &feedback,
                    top: &top,
                    coverage: &coverage,
                    content: &content,
                },
            ))
        }
        .await
    })
}

/// Whether `path` has the shape of a path the draft form redirects with
/// (`<lang>/<topic>/<id>.md`), so a crafted link cannot make the page announce anything else.
fn looks_like_draft_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let plain = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
    };
    matches!(parts.as_slice(), [lang, topic, file]
        if plain(lang) && plain(topic)
            && file.strip_suffix(".md").is_some_and(crate::admin::drafts::valid_id))
}

/// Topic keys of the site's content with their names in the default language, by name.
async fn topics(site: &Site) -> Vec<(String, String)> {
    let path = site.config.content.join("knowledge.toml");
    let Ok(text) = tokio::fs::read_to_string(&path).await else {
        return Vec::new();
    };
    let Ok(config) = toml::from_str::<knowledge::KbConfig>(&text) else {
        return Vec::new();
    };
    let mut topics: Vec<(String, String)> = config
        .topics
        .iter()
        .map(|(key, names)| {
            let name = names
                .get(&config.default_language)
                .or_else(|| names.get("en"))
                .cloned()
                .unwrap_or_else(|| key.clone());
            (key.clone(), name)
        })
        .collect();
    topics.sort_by_key(|a| a.1.to_lowercase());
    topics
}

async fn page_gaps(
    State(state): State<AppState>,
    session: Result<StaffSession, ApiError>,
    RawQuery(raw): RawQuery,
) -> Response {
    admin_page!(state, session, raw, Page::Gaps, |site, ctx, params| {
        async {
            let report = report::gaps(&state, site, ctx.window).await?;
            let topics = topics(site).await;
            let index = site.content.index();
            let entry_topics: HashMap<String, String> = report
                .languages
                .iter()
                .flat_map(|l| l.groups.iter().map(move |g| (l.lang.as_str(), g)))
                .filter_map(|(lang, g)| {
                    let id = g.entry_id.as_deref()?;
                    Some((id.to_owned(), index.entry(id, lang)?.topic.clone()))
                })
                .collect();
            Ok(pages::gaps(
                &ctx,
                &GapsPage {
                    report: &report,
                    topics: &topics,
                    entry_topics: &entry_topics,
                    drafted: params
                        .get("drafted")
                        .map(String::as_str)
                        .filter(|p| looks_like_draft_path(p)),
                },
            ))
        }
        .await
    })
}

async fn page_feedback(
    State(state): State<AppState>,
    session: Result<StaffSession, ApiError>,
    RawQuery(raw): RawQuery,
) -> Response {
    admin_page!(state, session, raw, Page::Feedback, |site, ctx, _params| {
        report::feedback(&state, site, ctx.window)
            .await
            .map(|report| pages::feedback(&ctx, &report))
    })
}

async fn page_trends(
    State(state): State<AppState>,
    session: Result<StaffSession, ApiError>,
    RawQuery(raw): RawQuery,
) -> Response {
    admin_page!(state, session, raw, Page::Trends, |site, ctx, _params| {
        report::trends(&state, site, ctx.window)
            .await
            .map(|report| pages::trends(&ctx, &report))
    })
}

async fn page_coverage(
    State(state): State<AppState>,
    session: Result<StaffSession, ApiError>,
    RawQuery(raw): RawQuery,
) -> Response {
    admin_page!(state, session, raw, Page::Coverage, |site, ctx, _params| {
        report::coverage(site)
            .await
            .map(|report| pages::coverage(&ctx, &report))
    })
}

/// The site's languages as `(tag, name)`, the default first, for the preview form.
fn site_languages(site: &Site) -> Vec<(String, String)> {
    let index = site.content.index();
    let default = index.default_language().to_owned();
    let mut languages: Vec<(String, String)> = index
        .languages()
        .map(|tag| (tag.to_owned(), crate::admin::language_name(tag)))
        .collect();
    languages.sort_by_key(|(tag, name)| (*tag != default, name.clone()));
    languages
}

/// `GET /admin/preview`: the preview form.
async fn page_preview(
    State(state): State<AppState>,
    session: Result<StaffSession, ApiError>,
    RawQuery(raw): RawQuery,
) -> Response {
    admin_page!(state, session, raw, Page::Preview, |site, ctx, _params| {
        let languages = site_languages(site);
        let lang = languages.first().map(|l| l.0.clone()).unwrap_or_default();
        Ok(pages::preview(
            &ctx,
            &PreviewPage {
                languages: &languages,
                drafts: site.content.status().drafts,
                question: "",
                lang: &lang,
                reply: None,
                problem: None,
            },
        ))
    })
}

/// An admin page whose form posts without script, as its error pages name it.
struct AdminForm {
    /// The page the form is on, where "back" leads.
    back: &'static str,
    /// The back link's text.
    back_label: &'static str,
    /// The page, as "reload the … and retry" names it.
    page_name: &'static str,
    /// The error pages' heading: what did not happen.
    not_done: &'static str,
    /// Why a post from another origin is refused.
    foreign: &'static str,
}

/// A form an admin page posts, with the session's CSRF token in it (a form cannot send
/// headers).
trait CsrfForm {
    /// The token the form carried.
    fn csrf_token(&self) -> &str;
}

impl CsrfForm for PreviewForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

impl CsrfForm for DraftForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Checks a form posted to an admin page, in order: a session (else the sign-in page), this
/// site's origin, a complete form, its CSRF token, an admin with a site. Returns the site,
/// session and form, or the page to answer with.
async fn admin_form<'a, F: CsrfForm>(
    state: &'a AppState,
    headers: &HeaderMap,
    form: Result<Form<F>, FormRejection>,
    page: &AdminForm,
) -> Result<(&'a Site, StaffSession, F), Box<Response>> {
    let found = StaffSession::find(state, headers)
        .await
        .map_err(|e| Box::new(e.into_response()))?;
    let Some(session) = found else {
        return Err(Box::new(html(
            StatusCode::UNAUTHORIZED,
            pages::sign_in_page(page.back),
        )));
    };
    let problem = |status: StatusCode, message: &str| {
        Box::new(html(
            status,
            pages::error_page(page.not_done, message, page.back, page.back_label),
        ))
    };
    if !same_origin(headers) {
        return Err(problem(StatusCode::FORBIDDEN, page.foreign));
    }
    let Ok(Form(form)) = form else {
        let message = format!(
            "The form was incomplete: open the {} again and retry.",
            page.page_name
        );
        return Err(problem(StatusCode::UNPROCESSABLE_ENTITY, &message));
    };
    if !auth::same_secret(form.csrf_token(), &session.csrf_token) {
        let message = format!(
            "The form has expired (you may have signed in again since): reload the {} and retry.",
            page.page_name
        );
        return Err(problem(StatusCode::FORBIDDEN, &message));
    }
    let (site, session) = page_admin(state, Ok(session), page.back)?;
    Ok((site, session, form))
}

/// The preview form, as browsers post it.
#[derive(Debug, Deserialize)]
struct PreviewForm {
    csrf_token: String,
    #[serde(default)]
    question: String,
    #[serde(default)]
    lang: String,
}

/// `POST /admin/preview`: the preview form asked. The CSRF token comes in the form; the
/// reply (or why there is none) is shown under the form, filled in again. Nothing is stored.
async fn page_preview_ask(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<PreviewForm>, FormRejection>,
) -> Response {
    const PAGE: AdminForm = AdminForm {
        back: "/admin/preview",
        back_label: "Back to the preview",
        page_name: "preview page",
        not_done: "The question was not previewed",
        foreign: "Previews can only be asked from this site's own admin pages.",
    };
    let (site, session, form) = match admin_form(&state, &headers, form, &PAGE).await {
        Ok(checked) => checked,
        Err(response) => return *response,
    };
    let languages = site_languages(site);
    let mut problem = None;
    let mut reply = None;
    let mut status = StatusCode::OK;
    if !languages.iter().any(|(tag, _)| *tag == form.lang) {
        status = StatusCode::UNPROCESSABLE_ENTITY;
        problem = Some(format!(
            "Choose one of the site's languages (not {:?}).",
            form.lang
        ));
    } else {
        let request = protocol::AskRequest {
            site: site.config.id.clone(),
            text: form.question.clone(),
            page_lang: Some(form.lang.clone()),
            languages: vec![form.lang.clone()],
            conversation_id: None,
            choice: None,
            consent: None,
        };
        match super::ask::preview(&state, site, &request, &headers).await {
            Ok(answered) => reply = Some(answered),
            Err(ApiError::Client {
                status: refused_status,
                code,
                message,
            }) => {
                status = refused_status;
                problem = Some(match code {
                    ErrorCode::EmptyQuestion => "Type a question first.".to_owned(),
                    ErrorCode::QuestionTooLong => format!(
                        "The question is too long: residents can ask at most {} characters.",
                        protocol::MAX_QUESTION_CHARS
                    ),
                    _ => message,
                });
            }
            Err(internal) => return internal.into_response(),
        }
    }
    let window = Window::for_site(crate::admin::DEFAULT_DAYS, &site.config.timezone);
    let ctx = Context {
        site_name: &site.config.name,
        account_name: &session.account.name,
        window: &window,
        csrf_token: &session.csrf_token,
    };
    html(
        status,
        pages::preview(
            &ctx,
            &PreviewPage {
                languages: &languages,
                drafts: site.content.status().drafts,
                question: &form.question,
                lang: &form.lang,
                reply: reply.as_ref(),
                problem: problem.as_deref(),
            },
        ),
    )
}

/// The draft form of the gaps page, as browsers post it without script.
#[derive(Debug, Deserialize)]
struct DraftForm {
    csrf_token: String,
    lang: String,
    question: String,
    topic: String,
    /// Other wordings, one per line.
    #[serde(default)]
    also_asked: String,
    #[serde(default)]
    days: Option<String>,
}

/// `POST /admin/gaps/draft`: the gaps page's form. The CSRF token comes in the form (a form
/// cannot send headers); on success the browser is sent back to the gaps page, which names
/// the file written.
async fn page_draft(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<DraftForm>, FormRejection>,
) -> Response {
    const PAGE: AdminForm = AdminForm {
        back: "/admin/gaps",
        back_label: "Back to the knowledge gaps",
        page_name: "knowledge gaps page",
        not_done: "The draft was not saved",
        foreign: "Drafts can only be written from this site's own admin pages.",
    };
    let (site, _, form) = match admin_form(&state, &headers, form, &PAGE).await {
        Ok(checked) => checked,
        Err(response) => return *response,
    };
    let days = parse_days(form.days.as_deref()).unwrap_or(crate::admin::DEFAULT_DAYS);
    let request = DraftRequest {
        lang: form.lang,
        question: form.question,
        topic: form.topic,
        id: None,
        also_asked: form
            .also_asked
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
    };
    match draft(site, request).await {
        Ok(draft) => Redirect::to(&pages::drafted_location(days, &draft.path)).into_response(),
        Err(ApiError::Client {
            status, message, ..
        }) => html(
            status,
            pages::error_page(
                PAGE.not_done,
                &message,
                &format!("{}?days={days}", PAGE.back),
                PAGE.back_label,
            ),
        ),
        Err(internal) => internal.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_are_decoded() {
        let params = query(Some("days=7&drafted=es%2Ftrash%2Fa+b.md&empty=&x"));
        assert_eq!(params["days"], "7");
        assert_eq!(params["drafted"], "es/trash/a b.md");
        assert_eq!(params["empty"], "");
        assert_eq!(params["x"], "");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        assert!(query(None).is_empty());
    }

    #[test]
    fn only_draft_paths_are_announced() {
        assert!(looks_like_draft_path(
            "es/animals/donde-adopto-un-unicornio.md"
        ));
        assert!(looks_like_draft_path("zh-Hans/trash/draft-0a1b2c3d.md"));
        for bad in [
            "",
            "es/animals",
            "../x/y.md",
            "es/a/b.txt",
            "es/a b/c.md",
            "a/b/C.md",
        ] {
            assert!(!looks_like_draft_path(bad), "{bad}");
        }
    }
}
