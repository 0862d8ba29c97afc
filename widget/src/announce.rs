//! Tells screen readers about new messages (the bot's and city staff's) and chat status, once,
//! through a visually hidden live region.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use protocol::AskResponse;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Window};

/// How long the announcer waits for more text before speaking, in milliseconds: a burst of
/// updates (status, then reply) is announced once, as its last text.
pub const DEBOUNCE_MS: i32 = 150;

/// Longest answer excerpt, in characters, read out with a reply; the full text is in the
/// transcript.
pub const MAX_EXCERPT_CHARS: usize = 400;

/// The plain text announced for a reply: the bot's message, then the answer's title and short
/// answer, the candidate titles, or the offered next steps. The ways to reach a person that
/// come with choices are not read out after them: the resident is asked to pick one, and
/// finds those ways in the transcript when none fits.
pub fn announcement(reply: &AskResponse) -> String {
    let mut parts: Vec<String> = vec![reply.message.clone()];
    if let Some(answer) = &reply.answer {
        parts.push(answer.title.clone());
        parts.push(excerpt(&answer.short, MAX_EXCERPT_CHARS));
    }
    parts.extend(reply.choices.iter().map(|choice| choice.title.clone()));
    if reply.answer.is_none() && reply.choices.is_empty() {
        parts.extend(reply.actions.iter().map(|action| action.label.clone()));
    }
    sentences(&parts)
}

/// Joins text pieces into sentences, adding a full stop to pieces that end without
/// punctuation, and skipping blank ones.
pub fn sentences<S: AsRef<str>>(parts: &[S]) -> String {
    let mut out = String::new();
    for part in parts {
        let mut words = part.as_ref().split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let mut last = "";
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
            last = word;
        }
        let ends_a_sentence = last.chars().next_back().is_some_and(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '…' | ':' | ';' | '。' | '！' | '？' | '؟'
            )
        });
        if !ends_a_sentence {
            out.push('.');
        }
    }
    out
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if space > 0 => cut.get(..space).unwrap_or_default(),
        _ => cut.as_str(),
    };
    crate::strings::concat(&[cut.trim_end(), "…"])
}

/// The live region (`#wf-announcer`, `aria-live="polite"`, `aria-atomic="true"`).
///
/// Each call to [`Announcer::say`] clears the region at once and fills it after
/// [`DEBOUNCE_MS`], so the same words said twice are still announced and a burst is announced
/// once, as its last text; [`Announcer::add`] keeps what is waiting and adds to it.
pub struct Announcer {
    region: Element,
    window: Window,
    pending: Rc<RefCell<String>>,
    timer: Cell<Option<i32>>,
    speak: Closure<dyn FnMut()>,
}

impl Announcer {
    /// Uses `region` as the live region.
    pub fn new(window: Window, region: Element) -> Self {
        let pending = Rc::new(RefCell::new(String::new()));
        let speak = {
            let region = region.clone();
            let pending = Rc::clone(&pending);
            Closure::<dyn FnMut()>::new(move || {
                let text = std::mem::take(&mut *pending.borrow_mut());
                region.set_text_content(Some(&text));
            })
        };
        Self {
            region,
            window,
            pending,
            timer: Cell::new(None),
            speak,
        }
    }

    /// Announces `text` (plain text) once, shortly.
    pub fn say(&self, text: &str) {
        if let Some(timer) = self.timer.take() {
            self.window.clear_timeout_with_handle(timer);
        }
        self.region.set_text_content(Some(""));
        *self.pending.borrow_mut() = text.to_owned();
        let timer = self
            .window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                self.speak.as_ref().unchecked_ref(),
                DEBOUNCE_MS,
            )
            .ok();
        self.timer.set(timer);
    }

    /// Announces `text` after whatever is still waiting to be announced, so that a burst of
    /// chat events (say, messages replayed after a reconnect) is heard in full, each once.
    pub fn add(&self, text: &str) {
        let waiting = self.pending.borrow().clone();
        if waiting.is_empty() {
            self.say(text);
        } else {
            self.say(&sentences(&[waiting.as_str(), text]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::{Action, ActionKind, Answer, Choice, Outcome};

    fn reply(outcome: Outcome) -> AskResponse {
        AskResponse {
            conversation_id: "c".into(),
            message_id: "m".into(),
            lang: "en".into(),
            outcome,
            message: "Here is what I found".into(),
            answer: None,
            choices: vec![],
            actions: vec![],
        }
    }

    #[test]
    fn answer_is_message_title_and_short_answer() {
        let mut r = reply(Outcome::Answer);
        r.answer = Some(Answer {
            id: "trash".into(),
            title: "Trash pickup".into(),
            html: "<p>Ignored <b>markup</b></p>".into(),
            short: "Trash is picked up weekly on your street's day.".into(),
            plain: None,
            source_url: "https://city.gov/trash".into(),
            last_reviewed: "2026-03-01".into(),
            lang: "en".into(),
        });
        r.actions = vec![Action {
            kind: ActionKind::Link,
            label: "Official page".into(),
            url: "https://city.gov".into(),
        }];
        assert_eq!(
            announcement(&r),
            "Here is what I found. Trash pickup. Trash is picked up weekly on your street's day."
        );
    }

    #[test]
    fn choices_list_their_titles_not_the_ways_to_reach_a_person() {
        let mut r = reply(Outcome::Choices);
        r.message = "Which one did you mean?".into();
        r.choices = vec![
            Choice {
                id: "a".into(),
                title: "Water bills".into(),
                lang: "en".into(),
            },
            Choice {
                id: "b".into(),
                title: "Water outages".into(),
                lang: "en".into(),
            },
        ];
        r.actions = vec![Action {
            kind: ActionKind::Human,
            label: "Call 311".into(),
            url: "tel:311".into(),
        }];
        assert_eq!(
            announcement(&r),
            "Which one did you mean? Water bills. Water outages."
        );
    }

    #[test]
    fn handoff_names_the_next_steps() {
        let mut r = reply(Outcome::Handoff);
        r.message = "Lo siento, no tengo una respuesta".into();
        r.actions = vec![Action {
            kind: ActionKind::Human,
            label: "Llamar al 311".into(),
            url: "tel:311".into(),
        }];
        assert_eq!(
            announcement(&r),
            "Lo siento, no tengo una respuesta. Llamar al 311."
        );
    }

    #[test]
    fn sentences_skip_blanks_and_squash_white_space() {
        assert_eq!(sentences(&["  a\n b ", "", "c!"]), "a b. c!");
    }

    #[test]
    fn excerpt_cuts_at_a_word() {
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(excerpt("one two three", 9), "one two…");
        assert_eq!(excerpt("abcdefghij", 4), "abcd…");
    }
}
