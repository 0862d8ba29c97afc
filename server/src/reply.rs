//! Turning a [`Decision`] into the reply a resident sees, in the resident's language.

use i18n::Catalog;
use knowledge::{Entry, Kind};
use protocol::{Action, ActionKind, Answer, AskResponse, Choice, Outcome};

use crate::config::SiteConfig;
use crate::decide::Decision;
use crate::html::url_encode;

/// The parts of an [`AskResponse`] that depend on the decision.
#[derive(Debug, Clone)]
pub struct ReplyBody {
    /// Answer, choices or handoff.
    pub outcome: Outcome,
    /// The bot's words.
    pub message: String,
    /// The answer, for `answer`.
    pub answer: Option<Answer>,
    /// The candidates, for `choices`.
    pub choices: Vec<Choice>,
    /// Next steps.
    pub actions: Vec<Action>,
}

impl ReplyBody {
    /// Completes the wire reply.
    pub fn into_response(
        self,
        conversation_id: String,
        message_id: String,
        lang: String,
    ) -> AskResponse {
        AskResponse {
            conversation_id,
            message_id,
            lang,
            outcome: self.outcome,
            message: self.message,
            answer: self.answer,
            choices: self.choices,
            actions: self.actions,
        }
    }
}

/// Builds the reply for `decision` in `lang` (whose bot messages are `bot`). `searched` is
/// false when the question had no searchable words, so the bot asks for more instead of
/// apologising. Choices come with the ways to reach a person, as a handoff does: choices are
/// offered when the base probably has an answer, not certainly (`crate::decide`), and a
/// resident whose question none of them answers should not have to ask again to be told
/// whom to contact. With `live_chat` (the site has live chat, and the reply is shown where
/// it can start: the widget), live chat comes first among those ways.
pub fn build(
    decision: &Decision,
    lang: &str,
    bot: &Catalog,
    site: &SiteConfig,
    searched: bool,
    live_chat: bool,
) -> ReplyBody {
    match decision {
        Decision::Answer(hit) => {
            let entry = &hit.entry;
            let message = if entry.lang == lang {
                bot.format("bot-answer", &[])
            } else {
                bot.format("bot-answer-untranslated", &[])
            };
            ReplyBody {
                outcome: Outcome::Answer,
                message,
                answer: Some(answer(entry)),
                choices: Vec::new(),
                actions: entry_actions(entry, lang, bot, site),
            }
        }
        Decision::Choices(hits) => ReplyBody {
            outcome: Outcome::Choices,
            message: bot.format("bot-choices", &[("site", &site.name)]),
            answer: None,
            choices: hits
                .iter()
                .map(|h| Choice {
                    id: h.entry.id.clone(),
                    title: h.entry.title.clone(),
                    lang: h.entry.lang.clone(),
                })
                .collect(),
            actions: contact_actions(site, bot, live_chat),
        },
        Decision::Handoff => ReplyBody {
            outcome: Outcome::Handoff,
            message: if searched {
                bot.format("bot-handoff", &[("site", &site.name)])
            } else {
                bot.format("bot-need-more", &[])
            },
            answer: None,
            choices: Vec::new(),
            actions: contact_actions(site, bot, live_chat),
        },
    }
}

/// The wire form of an entry.
pub fn answer(entry: &Entry) -> Answer {
    let (short, html) = entry.answer.short_and_html();
    Answer {
        id: entry.id.clone(),
        title: entry.title.clone(),
        html: html.into_owned(),
        short: short.into_owned(),
        plain: entry.plain.as_deref().map(str::to_owned),
        source_url: entry.url.to_string(),
        last_reviewed: entry.last_reviewed.to_string(),
        lang: entry.lang.clone(),
    }
}

/// Next steps that come with an answer about a service: reporting it here, one question at a
/// time, when the site takes service requests; the city's own online form when it has one.
fn entry_actions(entry: &Entry, lang: &str, bot: &Catalog, site: &SiteConfig) -> Vec<Action> {
    if entry.kind != Kind::Service {
        return Vec::new();
    }
    let mut actions = Vec::new();
    if let (Some(code), Some(_)) = (&entry.open311_service_code, &site.open311) {
        actions.push(Action {
            kind: ActionKind::Report,
            label: bot.format("action-report", &[]),
            url: format!(
                "/api/v1/services/{}?site={}&lang={}",
                url_encode(code),
                url_encode(&site.id),
                url_encode(lang)
            ),
        });
    }
    if let Some(form) = &entry.form_url {
        actions.push(Action {
            kind: ActionKind::Form,
            label: bot.format("action-form", &[]),
            url: form.to_string(),
        });
    }
    actions
}

/// Ways to reach a person at the city: live chat first when `live_chat`, then the contact
/// page and the phone.
fn contact_actions(site: &SiteConfig, bot: &Catalog, live_chat: bool) -> Vec<Action> {
    let digits: String = site
        .phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let mut actions = Vec::with_capacity(3);
    if live_chat {
        actions.push(Action {
            kind: ActionKind::Chat,
            label: bot.format("action-chat", &[]),
            url: "/api/v1/chats".into(),
        });
    }
    actions.push(Action {
        kind: ActionKind::Human,
        label: bot.format("action-contact", &[("site", &site.name)]),
        url: site.contact_url.clone(),
    });
    actions.push(Action {
        kind: ActionKind::Human,
        label: bot.format("action-call", &[("phone", &site.phone)]),
        url: format!("tel:{digits}"),
    });
    actions
}
