//! The conversation as the server knows it: builds each request and remembers the
//! conversation id between replies, so staff see what the resident asked the bot.

use protocol::live::MAX_CHAT_MESSAGE_CHARS;
use protocol::{
    AskRequest, AskResponse, ChatRequest, FeedbackRequest, MAX_QUESTION_CHARS, TicketRequest,
};

use crate::live_forms::MAX_FIELD_CHARS;

/// What the host page and the browser say about the resident's languages, read afresh for
/// each question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageLanguages {
    /// The page's `<html lang>`, if set.
    pub page_lang: Option<String>,
    /// `navigator.languages`, most preferred first.
    pub languages: Vec<String>,
}

/// One resident's conversation with one site.
#[derive(Debug, Clone)]
pub struct Session {
    site: String,
    conversation_id: Option<String>,
    chosen: Option<String>,
    consent: Option<String>,
}

impl Session {
    /// A new conversation with `site` (the `data-site` of the script tag).
    pub fn new(site: &str) -> Self {
        Self {
            site: site.to_owned(),
            conversation_id: None,
            chosen: None,
            consent: None,
        }
    }

    /// The privacy notice version the resident accepted (sent with every request that
    /// stores something, for sites that require consent).
    pub fn set_consent(&mut self, version: Option<String>) {
        self.consent = version;
    }

    /// The privacy notice version the resident accepted, if any.
    pub fn consent(&self) -> Option<&str> {
        self.consent.as_deref()
    }

    /// Puts the UI language the resident chose first among the languages of later questions,
    /// so replies follow it.
    pub fn choose_language(&mut self, tag: &str) {
        self.chosen = Some(tag.to_owned());
    }

    /// The request for a typed question, or `None` when there is nothing to send (only white
    /// space). Text longer than the server accepts is cut at [`MAX_QUESTION_CHARS`].
    pub fn question(&self, text: &str, page: &PageLanguages) -> Option<AskRequest> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let text: String = text.chars().take(MAX_QUESTION_CHARS).collect();
        Some(self.request(text, None, page))
    }

    /// The request for a candidate the resident picked from a `choices` reply; `title` is
    /// what the transcript shows as the resident's words.
    pub fn pick(&self, id: &str, title: &str, page: &PageLanguages) -> AskRequest {
        self.request(title.to_owned(), Some(id.to_owned()), page)
    }

    /// Remembers the conversation id of a reply for the next question.
    pub fn remember(&mut self, reply: &AskResponse) {
        self.conversation_id = Some(reply.conversation_id.clone());
    }

    /// Starts over, after the server forgot the conversation.
    pub fn forget(&mut self) {
        self.conversation_id = None;
    }

    /// The feedback on reply `message_id` of conversation `conversation_id`.
    pub fn feedback(
        &self,
        conversation_id: &str,
        message_id: &str,
        helpful: bool,
    ) -> FeedbackRequest {
        FeedbackRequest {
            site: self.site.clone(),
            conversation_id: conversation_id.to_owned(),
            message_id: message_id.to_owned(),
            helpful,
            comment: None,
        }
    }

    /// "Talk to a person": joins the queue in `lang` (the UI language), with the conversation
    /// so far.
    pub fn chat_request(&self, lang: &str) -> ChatRequest {
        ChatRequest {
            site: self.site.clone(),
            conversation_id: self.conversation_id.clone(),
            lang: lang.to_owned(),
            department: None,
            consent: self.consent.clone(),
        }
    }

    /// "Leave a message" in `lang`, or `None` when the message is blank. Blank name or contact
    /// are left out; each field is trimmed and cut to what the server accepts.
    pub fn ticket_request(
        &self,
        lang: &str,
        name: &str,
        contact: &str,
        message: &str,
    ) -> Option<TicketRequest> {
        let cut = |text: &str, max: usize| -> Option<String> {
            let text = text.trim();
            (!text.is_empty()).then(|| text.chars().take(max).collect())
        };
        Some(TicketRequest {
            site: self.site.clone(),
            conversation_id: self.conversation_id.clone(),
            lang: lang.to_owned(),
            name: cut(name, MAX_FIELD_CHARS),
            contact: cut(contact, MAX_FIELD_CHARS),
            message: cut(message, MAX_CHAT_MESSAGE_CHARS)?,
            department: None,
            consent: self.consent.clone(),
        })
    }

    fn request(&self, text: String, choice: Option<String>, page: &PageLanguages) -> AskRequest {
        AskRequest {
            site: self.site.clone(),
            text,
            page_lang: page
                .page_lang
                .as_deref()
                .map(str::trim)
                .filter(|tag| !tag.is_empty())
                .map(str::to_owned),
            languages: self
                .chosen
                .iter()
                .chain(page.languages.iter().filter(|tag| {
                    !tag.trim().is_empty() && self.chosen.as_deref() != Some(tag.as_str())
                }))
                .cloned()
                .collect(),
            conversation_id: self.conversation_id.clone(),
            choice,
            consent: self.consent.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::Outcome;

    fn page() -> PageLanguages {
        PageLanguages {
            page_lang: Some("en-US".into()),
            languages: vec!["es-MX".into(), "".into(), "en".into()],
        }
    }

    fn reply(conversation_id: &str) -> AskResponse {
        AskResponse {
            conversation_id: conversation_id.into(),
            message_id: "m1".into(),
            lang: "en".into(),
            outcome: Outcome::Handoff,
            message: "Sorry".into(),
            answer: None,
            choices: vec![],
            actions: vec![],
        }
    }

    #[test]
    fn blank_questions_are_not_sent() {
        let session = Session::new("riverton");
        assert_eq!(session.question("  \n ", &page()), None);
    }

    #[test]
    fn question_carries_site_languages_and_trimmed_text() {
        let session = Session::new("riverton");
        let req = session
            .question("  trash day \n", &page())
            .expect("a request");
        assert_eq!(req.site, "riverton");
        assert_eq!(req.text, "trash day");
        assert_eq!(req.page_lang.as_deref(), Some("en-US"));
        assert_eq!(req.languages, vec!["es-MX", "en"]);
        assert_eq!(req.conversation_id, None);
        assert_eq!(req.choice, None);
    }

    #[test]
    fn empty_page_lang_is_left_out() {
        let session = Session::new("riverton");
        let page = PageLanguages {
            page_lang: Some(" ".into()),
            languages: vec![],
        };
        let req = session.question("hi", &page).expect("a request");
        assert_eq!(req.page_lang, None);
    }

    #[test]
    fn long_questions_are_cut_to_the_limit() {
        let session = Session::new("riverton");
        let long = "é".repeat(MAX_QUESTION_CHARS + 5);
        let req = session.question(&long, &page()).expect("a request");
        assert_eq!(req.text.chars().count(), MAX_QUESTION_CHARS);
    }

    #[test]
    fn conversation_id_is_kept_until_forgotten() {
        let mut session = Session::new("riverton");
        session.remember(&reply("c-42"));
        let req = session.pick("trash-pickup", "Trash pickup", &page());
        assert_eq!(req.conversation_id.as_deref(), Some("c-42"));
        assert_eq!(req.choice.as_deref(), Some("trash-pickup"));
        assert_eq!(req.text, "Trash pickup");
        session.forget();
        let req = session.question("again", &page()).expect("a request");
        assert_eq!(req.conversation_id, None);
    }

    #[test]
    fn chosen_language_comes_first_once() {
        let mut session = Session::new("riverton");
        session.choose_language("en");
        let req = session.question("hola", &page()).expect("a request");
        assert_eq!(req.languages, vec!["en", "es-MX"]);
        session.choose_language("ko");
        let req = session.pick("trash", "Trash", &page());
        assert_eq!(req.languages, vec!["ko", "es-MX", "en"]);
    }

    #[test]
    fn chat_request_carries_the_conversation_and_language() {
        let mut session = Session::new("riverton");
        let req = session.chat_request("es");
        assert_eq!(req.conversation_id, None);
        session.remember(&reply("c-7"));
        let req = session.chat_request("es");
        assert_eq!(req.site, "riverton");
        assert_eq!(req.conversation_id.as_deref(), Some("c-7"));
        assert_eq!(req.lang, "es");
        assert_eq!(req.department, None);
    }

    #[test]
    fn ticket_needs_a_message_and_leaves_out_blank_fields() {
        let mut session = Session::new("riverton");
        session.remember(&reply("c-7"));
        assert_eq!(
            session.ticket_request("en", "Ana", "ana@x.org", " \n "),
            None
        );
        let req = session
            .ticket_request("en", "  ", " 555-0100 ", " Bin not emptied ")
            .expect("a ticket");
        assert_eq!(req.name, None);
        assert_eq!(req.contact.as_deref(), Some("555-0100"));
        assert_eq!(req.message, "Bin not emptied");
        assert_eq!(req.conversation_id.as_deref(), Some("c-7"));
        let long = "x".repeat(MAX_CHAT_MESSAGE_CHARS + 1);
        let req = session
            .ticket_request("en", "", "", &long)
            .expect("a ticket");
        assert_eq!(req.message.chars().count(), MAX_CHAT_MESSAGE_CHARS);
    }

    #[test]
    fn feedback_names_the_reply() {
        let session = Session::new("riverton");
        let fb = session.feedback("c-1", "m-9", false);
        assert_eq!(fb.site, "riverton");
        assert_eq!(fb.conversation_id, "c-1");
        assert_eq!(fb.message_id, "m-9");
        assert!(!fb.helpful);
        assert_eq!(fb.comment, None);
    }
}
