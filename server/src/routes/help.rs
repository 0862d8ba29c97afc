//! `GET /help?site=…&lang=…&q=…`: the assistant as a plain HTML page that works with JavaScript
//! off (old browsers, locked-down computers, screen readers that struggle with dynamic
//! content). The same search and the same answers as the widget, in the requested language;
//! choices are links; a handoff names the city's contact page and phone. Questions asked here
//! are not stored.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use knowledge::Hit;
use protocol::MAX_QUESTION_CHARS;
use serde::Deserialize;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::decide::Decision;
use crate::html::escape;
use crate::language::{self, Context};
use crate::reply;
use crate::state::{AppState, Site};

/// Routes of this feature.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/help", get(help))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
        ))
}

#[derive(Debug, Deserialize)]
struct HelpQuery {
    site: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    choice: Option<String>,
}

/// The languages of `Accept-Language`, most preferred first.
fn accepted(headers: &HeaderMap) -> Vec<String> {
    let Some(value) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Vec::new();
    };
    let mut tags: Vec<(f32, String)> = value
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse().ok())
                .unwrap_or(1.0);
            (!tag.is_empty() && tag != "*").then(|| (q, tag.to_owned()))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0));
    tags.into_iter().map(|(_, t)| t).collect()
}

async fn help(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HelpQuery>,
) -> Response {
    let Some(site) = state.sites.get(&query.site) else {
        return (StatusCode::NOT_FOUND, "no such site").into_response();
    };
    let searchable = site.content.searchable();
    let index = &searchable.index;
    let browser = accepted(&headers);
    let site_languages: Vec<&str> = index.languages().collect();
    let page_lang = query
        .lang
        .as_deref()
        .map(i18n::normalize_tag)
        .or_else(|| {
            browser
                .iter()
                .map(|t| i18n::normalize_tag(t))
                .find(|t| site_languages.contains(&t.as_str()))
        })
        .unwrap_or_else(|| index.default_language().to_owned());
    let question = query
        .q
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(|q| q.chars().take(MAX_QUESTION_CHARS).collect::<String>());

    let (lang, decision) = if let Some(choice) = &query.choice {
        match index.entry(choice, &page_lang) {
            Some(entry) => (
                page_lang.clone(),
                Some(Decision::Answer(Hit {
                    entry,
                    score: 0.0,
                    coverage: 1.0,
                    similarity: None,
                })),
            ),
            None => (page_lang.clone(), Some(Decision::Handoff)),
        }
    } else if let Some(text) = &question {
        let context = Context {
            page_lang: Some(&page_lang),
            browser: &browser,
            conversation: None,
        };
        let lang = language::resolve(index, text, context);
        match searchable.search_and_decide(&lang, text).await {
            Ok((_, decision)) => (lang, Some(decision)),
            Err(e) => {
                tracing::error!(error = %e, "help page search failed");
                (lang, Some(Decision::Handoff))
            }
        }
    } else {
        (page_lang.clone(), None)
    };
    Html(render(
        &state,
        site,
        &lang,
        question.as_deref(),
        decision.as_ref(),
    ))
    .into_response()
}

/// The page: the question form, then the reply when there is one.
fn render(
    state: &AppState,
    site: &Site,
    lang: &str,
    question: Option<&str>,
    decision: Option<&Decision>,
) -> String {
    let bot = state.site_catalog(site, lang);
    let t = |id: &str, args: &[(&str, &str)]| escape(&bot.format(id, args));
    let dir = i18n::direction(lang).as_str();
    let site_id = escape(&site.config.id);
    let mut reply_html = String::new();
    if let Some(decision) = decision {
        // Live chat needs the widget; the page offers the other ways.
        let body = reply::build(decision, lang, bot, &site.config, question.is_some(), false);
        // A short heading to find the reply by; the bot's message (up to three sentences)
        // is its first paragraph.
        reply_html.push_str(&format!(
            "<section aria-labelledby=\"reply\"><h2 id=\"reply\">{}</h2>\n<p class=\"message\">{}</p>\n",
            t("help-reply", &[]),
            escape(&body.message)
        ));
        if let Some(answer) = &body.answer {
            reply_html.push_str(&format!(
                "<article lang=\"{alang}\" dir=\"{adir}\"><h3>{title}</h3>\n{html}\n\
                 <p><a href=\"{url}\">{source}</a> · {reviewed}</p></article>\n",
                alang = escape(&answer.lang),
                adir = i18n::direction(&answer.lang).as_str(),
                title = escape(&answer.title),
                // Sanitised when the content was loaded (pulldown-cmark + ammonia).
                html = answer.html,
                url = escape(&answer.source_url),
                source = t("help-source", &[]),
                reviewed = t("help-reviewed", &[("date", &answer.last_reviewed)]),
            ));
        }
        if !body.choices.is_empty() {
            reply_html.push_str(&format!("<ul aria-label=\"{}\">\n", t("help-choices", &[])));
            for choice in &body.choices {
                reply_html.push_str(&format!(
                    "<li><a href=\"/help?site={site_id}&amp;lang={lang}&amp;choice={id}\" lang=\"{clang}\">{title}</a></li>\n",
                    lang = escape(lang),
                    id = escape(&choice.id),
                    clang = escape(&choice.lang),
                    title = escape(&choice.title),
                ));
            }
            reply_html.push_str("</ul>\n");
        }
        if !body.actions.is_empty() {
            // Under their own heading: with choices, they are what to do when none fits.
            reply_html.push_str(&format!(
                "<h3 id=\"next-steps\">{}</h3>\n<ul aria-labelledby=\"next-steps\">\n",
                t("help-next-steps", &[])
            ));
            for action in &body.actions {
                reply_html.push_str(&format!(
                    "<li><a href=\"{}\">{}</a></li>\n",
                    escape(&action.url),
                    escape(&action.label)
                ));
            }
            reply_html.push_str("</ul>\n");
        }
        reply_html.push_str("</section>\n");
    }
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n\
         <style>body{{font:1.125rem/1.5 system-ui,sans-serif;max-inline-size:42rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}}\
         label{{display:block;font-weight:bold}}input{{font:inherit;inline-size:100%;padding:.5rem;margin-block:.25rem .75rem;box-sizing:border-box;border:2px solid #555}}\
         button{{font:inherit;min-block-size:44px;padding:.5rem 1.25rem;border:2px solid #0b4f9c;background:#0b4f9c;color:#fff}}\
         a{{color:#0b4f9c}}:focus-visible{{outline:3px solid #0b4f9c;outline-offset:2px}}li{{margin-block:.5rem}}.message{{font-size:1.25rem}}\
         @media (prefers-color-scheme: dark){{body{{color:#f2f2f2;background:#121212}}a{{color:#9cc7ff}}input{{background:#1e1e1e;color:#f2f2f2;border-color:#aaa}}}}</style>\n\
         </head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{intro}</p>\n\
         <form method=\"get\" action=\"/help\">\n<input type=\"hidden\" name=\"site\" value=\"{site_id}\">\n\
         <input type=\"hidden\" name=\"lang\" value=\"{lang}\">\n<label for=\"q\">{label}</label>\n\
         <input id=\"q\" name=\"q\" type=\"text\" maxlength=\"{max}\" value=\"{value}\" autocomplete=\"off\">\n\
         <button type=\"submit\">{submit}</button>\n</form>\n{reply_html}</main>\n</body>\n</html>\n",
        lang = escape(lang),
        title = t("help-title", &[("site", &site.config.name)]),
        intro = t("help-intro", &[]),
        label = t("help-label", &[]),
        submit = t("help-submit", &[]),
        max = MAX_QUESTION_CHARS,
        value = escape(question.unwrap_or_default()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_ordered_by_weight() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("en;q=0.5, es-MX, *;q=0.1, vi;q=0.8"),
        );
        assert_eq!(accepted(&headers), ["es-MX", "vi", "en"]);
    }
}
