//! The bot's requests and replies as JSON: each request written with [`crate::json::Object`] into
//! exactly what `serde_json` writes for the wire type, each reply read field by field
//! through [`Fields`] (see [`crate::json`] for why not serde).

use protocol::{
    Action, ActionKind, Answer, AskRequest, AskResponse, ChatRequest, Choice, FeedbackRequest,
    FeedbackResponse, Outcome, RatingRequest, TicketRequest,
};

use crate::json::{Fields, Object, ToJson};

impl ToJson for AskRequest {
    fn to_json(&self) -> String {
        Object::new()
            .text("site", &self.site)
            .text("text", &self.text)
            .maybe_text("page_lang", self.page_lang.as_deref())
            .texts("languages", &self.languages)
            .maybe_text("conversation_id", self.conversation_id.as_deref())
            .maybe_text("choice", self.choice.as_deref())
            .maybe_text("consent", self.consent.as_deref())
            .finish()
    }
}

impl ToJson for FeedbackRequest {
    fn to_json(&self) -> String {
        Object::new()
            .text("site", &self.site)
            .text("conversation_id", &self.conversation_id)
            .text("message_id", &self.message_id)
            .flag("helpful", self.helpful)
            .maybe_text("comment", self.comment.as_deref())
            .finish()
    }
}

impl ToJson for ChatRequest {
    fn to_json(&self) -> String {
        Object::new()
            .text("site", &self.site)
            .maybe_text("conversation_id", self.conversation_id.as_deref())
            .text("lang", &self.lang)
            .maybe_text("department", self.department.as_deref())
            .maybe_text("consent", self.consent.as_deref())
            .finish()
    }
}

impl ToJson for RatingRequest {
    fn to_json(&self) -> String {
        Object::new()
            .text("token", &self.token)
            .number("stars", u64::from(self.stars))
            .maybe_text("comment", self.comment.as_deref())
            .finish()
    }
}

impl ToJson for TicketRequest {
    fn to_json(&self) -> String {
        Object::new()
            .text("site", &self.site)
            .maybe_text("conversation_id", self.conversation_id.as_deref())
            .text("lang", &self.lang)
            .maybe_text("name", self.name.as_deref())
            .maybe_text("contact", self.contact.as_deref())
            .text("message", &self.message)
            .maybe_text("department", self.department.as_deref())
            .maybe_text("consent", self.consent.as_deref())
            .finish()
    }
}

/// The reply of `POST /api/v1/ask`; `None` when a field is missing or of the wrong kind.
pub fn ask_response<F: Fields>(json: &F) -> Option<AskResponse> {
    let answer = match json.field("answer") {
        Some(answer) => Some(self::answer(&answer)?),
        None => None,
    };
    Some(AskResponse {
        conversation_id: json.text("conversation_id")?,
        message_id: json.text("message_id")?,
        lang: json.text("lang")?,
        outcome: outcome(&json.text("outcome")?)?,
        message: json.text("message")?,
        answer,
        choices: json.list("choices", choice)?,
        actions: actions(json)?,
    })
}

fn answer<F: Fields>(json: &F) -> Option<Answer> {
    let plain = match json.field("plain") {
        Some(plain) => Some(plain.string()?),
        None => None,
    };
    Some(Answer {
        id: json.text("id")?,
        title: json.text("title")?,
        html: json.text("html")?,
        short: json.text("short")?,
        plain,
        source_url: json.text("source_url")?,
        last_reviewed: json.text("last_reviewed")?,
        lang: json.text("lang")?,
    })
}

fn choice<F: Fields>(json: &F) -> Option<Choice> {
    Some(Choice {
        id: json.text("id")?,
        title: json.text("title")?,
        lang: json.text("lang")?,
    })
}

/// The reply's actions. An action of a kind this widget does not know (from a newer server)
/// is left out; a malformed one spoils the reply, as serde would.
fn actions<F: Fields>(json: &F) -> Option<Vec<Action>> {
    let Some(items) = json.field("actions") else {
        return Some(Vec::new());
    };
    let mut actions = Vec::new();
    for item in items.items()? {
        let kind = item.text("kind")?;
        let (label, url) = (item.text("label")?, item.text("url")?);
        if let Some(kind) = action_kind(&kind) {
            actions.push(Action { kind, label, url });
        }
    }
    Some(actions)
}

fn outcome(word: &str) -> Option<Outcome> {
    match word {
        "answer" => Some(Outcome::Answer),
        "choices" => Some(Outcome::Choices),
        "handoff" => Some(Outcome::Handoff),
        _ => None,
    }
}

fn action_kind(word: &str) -> Option<ActionKind> {
    match word {
        "link" => Some(ActionKind::Link),
        "form" => Some(ActionKind::Form),
        "human" => Some(ActionKind::Human),
        "status" => Some(ActionKind::Status),
        "chat" => Some(ActionKind::Chat),
        "report" => Some(ActionKind::Report),
        _ => None,
    }
}

/// The reply of `POST /api/v1/feedback`.
pub fn feedback_response<F: Fields>(json: &F) -> Option<FeedbackResponse> {
    Some(FeedbackResponse {
        recorded: json.flag("recorded")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    fn read(json: &str) -> Option<AskResponse> {
        ask_response(&json::parse(json)?)
    }

    fn reply(outcome: Outcome) -> AskResponse {
        AskResponse {
            conversation_id: "c-1".into(),
            message_id: "m-2".into(),
            lang: "es".into(),
            outcome,
            message: "Esto encontré".into(),
            answer: None,
            choices: Vec::new(),
            actions: Vec::new(),
        }
    }

    #[test]
    fn reads_every_reply_as_the_wire_types_write_it() {
        let mut answered = reply(Outcome::Answer);
        answered.answer = Some(Answer {
            id: "trash-day".into(),
            title: "Día de basura".into(),
            html: "<p>Los <strong>lunes</strong>.</p>".into(),
            short: "Los lunes.".into(),
            plain: Some("Lunes.".into()),
            source_url: "https://www.riverton.example/trash".into(),
            last_reviewed: "2026-10-01".into(),
            lang: "es".into(),
        });
        answered.actions = vec![
            Action {
                kind: ActionKind::Link,
                label: "Página oficial".into(),
                url: "https://www.riverton.example/trash".into(),
            },
            Action {
                kind: ActionKind::Chat,
                label: "Hablar".into(),
                url: "/api/v1/chats".into(),
            },
        ];
        let mut without_plain = answered.clone();
        if let Some(answer) = without_plain.answer.as_mut() {
            answer.plain = None;
        }
        let mut choices = reply(Outcome::Choices);
        choices.choices = vec![
            Choice {
                id: "a".into(),
                title: "A".into(),
                lang: "es".into(),
            },
            Choice {
                id: "b".into(),
                title: "B".into(),
                lang: "en".into(),
            },
        ];
        let mut handoff = reply(Outcome::Handoff);
        handoff.actions = vec![
            Action {
                kind: ActionKind::Human,
                label: "Llamar".into(),
                url: "tel:311".into(),
            },
            Action {
                kind: ActionKind::Form,
                label: "Formulario".into(),
                url: "https://f".into(),
            },
            Action {
                kind: ActionKind::Status,
                label: "Estado".into(),
                url: "https://s".into(),
            },
        ];
        for expected in [answered, without_plain, choices, handoff] {
            let text = serde_json::to_string(&expected).expect("serialises");
            assert_eq!(read(&text), Some(expected), "{text}");
        }
    }

    #[test]
    fn a_broken_reply_is_no_reply() {
        let good = serde_json::to_value(reply(Outcome::Answer)).expect("serialises");
        assert!(read(&good.to_string()).is_some());
        for (key, bad) in [
            ("outcome", serde_json::json!("shrug")),
            ("message", serde_json::json!(3)),
            ("choices", serde_json::json!("a")),
            ("choices", serde_json::json!([{"id": "a", "title": "A"}])),
            (
                "actions",
                serde_json::json!([{"kind": "link", "label": 1, "url": "y"}]),
            ),
            ("actions", serde_json::json!({"kind": "link"})),
            ("answer", serde_json::json!({"id": "x"})),
        ] {
            let mut broken = good.clone();
            broken[key] = bad;
            assert_eq!(read(&broken.to_string()), None, "{broken}");
        }
        let mut missing = good;
        if let Some(object) = missing.as_object_mut() {
            object.remove("lang");
        }
        assert_eq!(read(&missing.to_string()), None);
        assert_eq!(read("{"), None);
    }

    #[test]
    fn actions_of_unknown_kinds_are_left_out() {
        let mut value = serde_json::to_value(reply(Outcome::Answer)).expect("serialises");
        value["actions"] = serde_json::json!([
            {"kind": "teleport", "label": "Go", "url": "https://x"},
            {"kind": "report", "label": "Report it", "url": "/api/v1/services/pothole?site=r&lang=es"},
        ]);
        let read = read(&value.to_string()).expect("the reply reads");
        assert_eq!(read.actions.len(), 1);
        assert_eq!(read.actions[0].kind, ActionKind::Report);
    }

    #[test]
    fn reads_feedback_as_the_server_writes_it() {
        let text = serde_json::to_string(&FeedbackResponse { recorded: true }).expect("json");
        let value = json::parse(&text).expect("json");
        assert_eq!(
            feedback_response(&value),
            Some(FeedbackResponse { recorded: true })
        );
        assert_eq!(feedback_response(&json::parse("{}").expect("json")), None);
    }

    /// `written` is exactly what serde_json writes for `value`, and reads back as it.
    fn same_as_serde<T>(value: &T)
    where
        T: ToJson + serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let written = value.to_json();
        assert_eq!(
            written,
            serde_json::to_string(value).expect("serialises"),
            "{value:?}"
        );
        assert_eq!(&serde_json::from_str::<T>(&written).expect("parses"), value);
    }

    #[test]
    fn writes_every_request_as_serde_writes_it() {
        let tricky = "Line \"one\"\n\ttab \\ back – ünïcödé 😀 \u{1}";
        for (page_lang, languages, conversation_id, choice) in [
            (None, vec![], None, None),
            (
                Some("es-MX"),
                vec!["es".to_owned(), "en-US".to_owned()],
                Some("c-1"),
                Some("trash-day"),
            ),
        ] {
            same_as_serde(&AskRequest {
                site: "riverton".into(),
                text: tricky.into(),
                page_lang: page_lang.map(str::to_owned),
                languages,
                conversation_id: conversation_id.map(str::to_owned),
                choice: choice.map(str::to_owned),
                consent: choice.map(|_| "2026-11-01".to_owned()),
            });
        }
        for comment in [None, Some(tricky.to_owned())] {
            same_as_serde(&FeedbackRequest {
                site: "riverton".into(),
                conversation_id: "c".into(),
                message_id: "m".into(),
                helpful: comment.is_some(),
                comment: comment.clone(),
            });
            same_as_serde(&RatingRequest {
                token: "t".into(),
                stars: 5,
                comment: comment.clone(),
            });
        }
        for optional in [None, Some("x".to_owned())] {
            same_as_serde(&ChatRequest {
                site: "riverton".into(),
                conversation_id: optional.clone(),
                lang: "ar".into(),
                department: optional.clone(),
                consent: optional.clone(),
            });
            same_as_serde(&TicketRequest {
                site: "riverton".into(),
                conversation_id: optional.clone(),
                lang: "vi".into(),
                name: optional.clone(),
                contact: optional.clone(),
                message: tricky.into(),
                department: optional.clone(),
                consent: optional.clone(),
            });
        }
    }
}
