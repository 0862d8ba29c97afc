//! Fluent message ids of every UI string, as defined in `locales/<tag>/widget.ftl`.
//!
//! All Rust code takes its ids from here, so a test can check that each one exists in every
//! locale.

use protocol::ErrorCode;

/// Text of the launcher button.
pub const LAUNCHER: &str = "launcher-label";
/// Heading of the dialog.
pub const TITLE: &str = "dialog-title";
/// Description of the dialog (what it is for, how to close it).
pub const DESCRIPTION: &str = "dialog-description";
/// Accessible name of the close button.
pub const CLOSE: &str = "close-button";
/// Accessible name of the transcript.
pub const LOG_LABEL: &str = "log-label";
/// The bot's first message.
pub const GREETING: &str = "greeting";
/// Label of the text input.
pub const INPUT_LABEL: &str = "input-label";
/// Text of the send button.
pub const SEND: &str = "send-button";
/// Status while waiting for a reply.
pub const SEARCHING: &str = "status-searching";
/// Hidden sender label before the resident's messages.
pub const SENDER_USER: &str = "sender-user";
/// Hidden sender label before the bot's messages.
pub const SENDER_BOT: &str = "sender-bot";
/// Text before the source link of an answer.
pub const SOURCE: &str = "answer-source";
/// Text of the source link of an answer.
pub const SOURCE_LINK: &str = "answer-source-link";
/// Text before the last-reviewed date of an answer.
pub const REVIEWED: &str = "answer-reviewed";
/// Button that shows the easy-read version of an answer.
pub const SIMPLER: &str = "answer-simpler";
/// Accessible name of the list of candidate answers.
pub const CHOICES_LABEL: &str = "choices-label";
/// Accessible name of the list of next steps.
pub const ACTIONS_LABEL: &str = "actions-label";
/// Hidden note after links that open in a new tab.
pub const NEW_TAB: &str = "new-tab";
/// "Was this helpful?"
pub const FEEDBACK_QUESTION: &str = "feedback-question";
/// Feedback button: helpful.
pub const FEEDBACK_YES: &str = "feedback-yes";
/// Feedback button: not helpful.
pub const FEEDBACK_NO: &str = "feedback-no";
/// Shown once feedback is recorded.
pub const FEEDBACK_THANKS: &str = "feedback-thanks";
/// Shown when feedback could not be sent.
pub const FEEDBACK_ERROR: &str = "feedback-error";
/// Hidden start of the language button's name, before the language's own name.
pub const LANGUAGE_BUTTON: &str = "language-button";
/// Accessible name of the list of languages.
pub const LANGUAGE_LIST: &str = "language-list";
/// Announced after the resident picks a UI language (in that language).
pub const LANGUAGE_CHANGED: &str = "language-changed";
/// The display preferences button.
pub const PREFS_BUTTON: &str = "prefs-button";
/// Toggle: larger text.
pub const PREF_LARGER_TEXT: &str = "pref-larger-text";
/// Toggle: high contrast.
pub const PREF_HIGH_CONTRAST: &str = "pref-high-contrast";
/// Toggle: read answers aloud.
pub const PREF_READ_ALOUD: &str = "pref-read-aloud";
/// Accessible name of the microphone button.
pub const VOICE_INPUT: &str = "voice-input";
/// The server could not be reached at all.
pub const ERROR_NETWORK: &str = "error-network";

/// Every id above, for tests.
pub const ALL: &[&str] = &[
    LAUNCHER,
    TITLE,
    DESCRIPTION,
    CLOSE,
    LOG_LABEL,
    GREETING,
    INPUT_LABEL,
    SEND,
    SEARCHING,
    SENDER_USER,
    SENDER_BOT,
    SOURCE,
    SOURCE_LINK,
    REVIEWED,
    SIMPLER,
    CHOICES_LABEL,
    ACTIONS_LABEL,
    NEW_TAB,
    FEEDBACK_QUESTION,
    FEEDBACK_YES,
    FEEDBACK_NO,
    FEEDBACK_THANKS,
    FEEDBACK_ERROR,
    LANGUAGE_BUTTON,
    LANGUAGE_LIST,
    LANGUAGE_CHANGED,
    PREFS_BUTTON,
    PREF_LARGER_TEXT,
    PREF_HIGH_CONTRAST,
    PREF_READ_ALOUD,
    VOICE_INPUT,
    ERROR_NETWORK,
];

/// The id of the localised text for a server error code: `error-<code>`, e.g.
/// `error-rate_limited`.
pub fn error(code: ErrorCode) -> String {
    format!("error-{}", code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_ids_use_the_wire_code() {
        assert_eq!(error(ErrorCode::RateLimited), "error-rate_limited");
    }
}
