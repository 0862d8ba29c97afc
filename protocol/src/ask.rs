//! `POST /api/v1/ask`: a resident's question and the bot's reply.

use serde::{Deserialize, Serialize};

/// A resident's question, as the widget sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskRequest {
    /// Site id from the server's config (`data-site` on the script tag), e.g. `riverton`.
    pub site: String,
    /// What the resident typed.
    pub text: String,
    /// The host page's `<html lang>`, a prior for language identification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_lang: Option<String>,
    /// The browser's preferred languages (`navigator.languages`), most preferred first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// The conversation this question continues, as returned by an earlier reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// An entry id the resident picked from an earlier reply's `choices`: answer with that
    /// entry instead of searching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// The version of the site's privacy notice the resident accepted (the `version` from
    /// `GET /api/v1/privacy`). Required when the site requires consent: without it, or with
    /// an older version, the server answers `428` with
    /// [`crate::ErrorCode::ConsentRequired`]. Sites that do not require consent ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<String>,
}

/// What the server decided to do with a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// One entry answers the question with confidence: see [`AskResponse::answer`].
    Answer,
    /// Several entries may fit: the resident picks one of [`AskResponse::choices`], or, when
    /// none fits, one of the ways to reach a person in [`AskResponse::actions`].
    Choices,
    /// The knowledge base has no good answer: the bot says so and offers [`AskResponse::actions`].
    Handoff,
}

/// The bot's reply to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AskResponse {
    /// Conversation id to send with the next question.
    pub conversation_id: String,
    /// Id of this reply, for feedback.
    pub message_id: String,
    /// BCP 47 tag of the language the reply is in (the resolved language of the question).
    pub lang: String,
    /// Answer, choices or handoff.
    pub outcome: Outcome,
    /// The bot's own words for this reply, plain text in `lang` (e.g. "Here is what I found" or
    /// "I'm sorry, I don't have an answer to that").
    pub message: String,
    /// The answer, when `outcome` is `answer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// Up to three candidate entries, when `outcome` is `choices`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// Next steps offered to the resident: with an answer about a service, its form; with
    /// choices and with a handoff, the ways to reach a person (contact page, phone, and live
    /// chat when the site has it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

/// One knowledge-base entry given as an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Entry id (stable across languages).
    pub id: String,
    /// Entry title in `lang`.
    pub title: String,
    /// The full answer as sanitised HTML (safe to insert into the page).
    pub html: String,
    /// The short answer (the entry's first paragraph) as plain text, for announcements and
    /// read-aloud.
    pub short: String,
    /// An easy-read version of the answer as plain text, when the entry has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain: Option<String>,
    /// The city's official page for this topic.
    pub source_url: String,
    /// When the content was last reviewed, `YYYY-MM-DD`.
    pub last_reviewed: String,
    /// BCP 47 tag of the language the entry is written in. Differs from the reply's `lang` only
    /// when the entry has no translation in the resident's language.
    pub lang: String,
}

/// A candidate entry the resident can pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Entry id: send it back as [`AskRequest::choice`].
    pub id: String,
    /// Entry title.
    pub title: String,
    /// Language of the title.
    pub lang: String,
}

/// What kind of next step an [`Action`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// A link to the city's official page on the topic.
    Link,
    /// An online form for a service request.
    Form,
    /// Contact a person at the city (contact page, phone).
    Human,
    /// Look up the status of an earlier request.
    Status,
    /// Chat live with a staff member (see [`crate::live`]); `url` is `/api/v1/chats`.
    Chat,
    /// Report it here, one question at a time (see [`crate::requests`]); `url` is the service's
    /// form, `/api/v1/services/{code}?site=…&lang=…`.
    Report,
}

/// A next step offered with a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// What the action does.
    pub kind: ActionKind,
    /// Label in the reply's language, e.g. "Contact City Hall".
    pub label: String,
    /// Where it goes.
    pub url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_request_parses_with_defaults() {
        let req: AskRequest =
            serde_json::from_str(r#"{"site":"riverton","text":"trash day"}"#).unwrap();
        assert_eq!(req.site, "riverton");
        assert!(req.languages.is_empty());
        assert_eq!(req.conversation_id, None);
    }

    #[test]
    fn unknown_request_fields_are_rejected() {
        let err = serde_json::from_str::<AskRequest>(r#"{"site":"a","text":"b","sitee":"c"}"#);
        assert!(err.is_err());
    }

    #[test]
    fn outcome_is_snake_case_on_the_wire() {
        assert_eq!(
            serde_json::to_string(&Outcome::Handoff).unwrap(),
            "\"handoff\""
        );
        assert_eq!(
            serde_json::to_string(&ActionKind::Human).unwrap(),
            "\"human\""
        );
    }
}
