//! A request's status in words: the bookmarkable status page (no JavaScript needed) and the
//! bot's answer to "where is my request …?", in the resident's language.

use i18n::Catalog;
use protocol::requests::RequestStatus;

use crate::html::escape;
use crate::state::Site;

/// An ISO 8601 time in the city's time zone, `YYYY-MM-DD HH:MM`; as given if unreadable.
pub fn city_time(site: &Site, iso: &str) -> String {
    let tz: chrono_tz::Tz = site.config.timezone.parse().unwrap_or(chrono_tz::UTC);
    chrono::DateTime::parse_from_rfc3339(iso)
        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| iso.to_owned())
}

/// One sentence on where the request stands.
pub fn summary(bot: &Catalog, status: &RequestStatus) -> String {
    if status.status == "closed" {
        bot.format("status-closed", &[])
    } else {
        bot.format("status-open", &[])
    }
}

/// The status as a definition list (sanitised HTML: every value escaped).
pub fn details_html(bot: &Catalog, site: &Site, status: &RequestStatus) -> String {
    let mut rows = vec![(bot.format("status-state", &[]), summary(bot, status))];
    let mut add = |id: &str, value: &Option<String>, time: bool| {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            let shown = if time {
                city_time(site, v)
            } else {
                v.to_owned()
            };
            rows.push((bot.format(id, &[]), shown));
        }
    };
    add("status-service", &status.service_name, false);
    add("status-agency", &status.agency_responsible, false);
    add("status-address", &status.address, false);
    add("status-reported", &status.requested_datetime, true);
    add("status-updated", &status.updated_datetime, true);
    add("status-expected", &status.expected_datetime, true);
    add("status-notes", &status.status_notes, false);
    let mut html = String::from("<dl>");
    for (term, value) in rows {
        html.push_str(&format!(
            "<dt>{}</dt><dd><bdi>{}</bdi></dd>",
            escape(&term),
            escape(&value)
        ));
    }
    html.push_str("</dl>");
    html
}

fn page(bot: &Catalog, site: &Site, title: &str, body: &str) -> String {
    let lang = bot.lang();
    let dir = i18n::direction(lang).as_str();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} · {site}</title>\n\
         <style>body{{font:1.125rem/1.5 system-ui,sans-serif;max-inline-size:40rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}}\
         dt{{font-weight:bold;margin-block-start:.75rem}}dd{{margin:0}}a{{color:#0b4f9c}}\
         @media (prefers-color-scheme: dark){{body{{color:#f2f2f2;background:#121212}}a{{color:#9cc7ff}}}}</style>\n\
         </head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}\n<p><a href=\"{contact}\">{contact_label}</a></p>\n</main>\n</body>\n</html>\n",
        lang = escape(lang),
        title = escape(title),
        site = escape(&site.config.name),
        contact = escape(&site.config.contact_url),
        contact_label = escape(&bot.format("action-contact", &[("site", &site.config.name)])),
    )
}

/// The status page of a request.
pub fn status(bot: &Catalog, site: &Site, status: &RequestStatus) -> String {
    let title = bot.format("status-title", &[("id", &status.service_request_id)]);
    page(bot, site, &title, &details_html(bot, site, status))
}

/// The page for a number nobody knows.
pub fn not_found(bot: &Catalog, site: &Site, id: &str) -> String {
    let title = bot.format("status-title", &[("id", id)]);
    let text = bot.format("status-unknown", &[("id", id), ("site", &site.config.name)]);
    page(bot, site, &title, &format!("<p>{}</p>", escape(&text)))
}

/// The page when the city's system cannot be reached.
pub fn unavailable(bot: &Catalog, site: &Site, id: &str) -> String {
    let title = bot.format("status-title", &[("id", id)]);
    let text = bot.format("status-unavailable", &[("site", &site.config.name)]);
    page(bot, site, &title, &format!("<p>{}</p>", escape(&text)))
}

/// The page of a request whose number the city has not assigned yet.
pub fn pending(bot: &Catalog, site: &Site) -> String {
    let title = bot.format("status-pending-title", &[]);
    let text = bot.format("status-pending", &[]);
    page(bot, site, &title, &format!("<p>{}</p>", escape(&text)))
}

/// The bot's reply to "where is my request `number`?": the status as an answer with its
/// tracking link, or an honest handoff when the number is unknown or the city's system cannot
/// be reached. Returns the reply and its outcome name for the store.
pub async fn status_reply(
    system: &super::RequestSystem,
    store: &dyn crate::store::Store,
    site: &Site,
    number: &str,
    bot: &Catalog,
    base_url: &str,
) -> (crate::reply::ReplyBody, &'static str) {
    use protocol::{Action, ActionKind, Answer, Outcome};
    let lang = bot.lang().to_owned();
    let found = super::lookup(system, store, &site.config.id, number).await;
    let contact = vec![Action {
        kind: ActionKind::Human,
        label: bot.format("action-contact", &[("site", &site.config.name)]),
        url: site.config.contact_url.clone(),
    }];
    let handoff = |message: String| crate::reply::ReplyBody {
        outcome: Outcome::Handoff,
        message,
        answer: None,
        choices: Vec::new(),
        actions: contact.clone(),
    };
    match found {
        Ok(Some(request)) => {
            let track = super::track_url(base_url, &site.config.id, number, &lang);
            let status = super::wire_status(&request, track.clone());
            let reviewed = status
                .updated_datetime
                .as_deref()
                .or(status.requested_datetime.as_deref())
                .map(|t| city_time(site, t).chars().take(10).collect())
                .unwrap_or_default();
            let body = crate::reply::ReplyBody {
                outcome: Outcome::Answer,
                message: bot.format("status-found", &[("id", number)]),
                answer: Some(Answer {
                    id: "request-status".into(),
                    title: bot.format("status-title", &[("id", number)]),
                    html: details_html(bot, site, &status),
                    short: summary(bot, &status),
                    plain: None,
                    source_url: track.clone(),
                    last_reviewed: reviewed,
                    lang: lang.clone(),
                }),
                choices: Vec::new(),
                actions: vec![Action {
                    kind: ActionKind::Status,
                    label: bot.format("action-track", &[]),
                    url: track,
                }],
            };
            (body, "answer")
        }
        Ok(None) => (
            handoff(bot.format(
                "status-unknown",
                &[("id", number), ("site", &site.config.name)],
            )),
            "handoff",
        ),
        Err(e) => {
            // Never what the city's system answered: it may quote the resident.
            let error = match &e {
                super::SubmitError::Upstream(upstream) => upstream.summary(),
                super::SubmitError::Database(database) => database.to_string(),
                _ => "not available".to_owned(),
            };
            tracing::warn!(site = %site.config.id, %error, "request status unavailable");
            (
                handoff(bot.format("status-unavailable", &[("site", &site.config.name)])),
                "handoff",
            )
        }
    }
}
