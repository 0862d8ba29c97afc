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
/// Status while waiting to send a question again (the server was briefly unavailable).
pub const RETRYING: &str = "status-retrying";
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
/// A weekday's name by number (0 Sunday … 6 Saturday), for languages the browser cannot
/// format dates in.
pub const DATE_WEEKDAY: &str = "date-weekday";
/// A month's name by number (1 January … 12 December), as it stands in a date.
pub const DATE_MONTH: &str = "date-month";
/// A whole date from its day, month name and year.
pub const DATE_LONG: &str = "date-long";
/// A whole date with its weekday.
pub const DATE_LONG_WEEKDAY: &str = "date-long-weekday";
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
/// Link to the assistant's plain page that works without JavaScript (`/help`).
pub const HELP_PAGE: &str = "help-page";
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

// Live chat with city staff.

/// "Talk to a person", in the dialog's tools (the reply's own label is used in replies).
pub const TALK: &str = "talk-button";
/// Announced while the widget asks whether someone can chat.
pub const LIVE_CHECKING: &str = "live-checking";
/// The site does not offer live chat.
pub const LIVE_DISABLED: &str = "live-disabled";
/// Status until the queue or a staff member answers.
pub const LIVE_CONNECTING: &str = "live-connecting";
/// Place in the queue without an estimate (`$position`).
pub const LIVE_QUEUE_POSITION: &str = "live-queue-position";
/// Place in the queue with the estimated wait (`$position`, `$wait`).
pub const LIVE_QUEUE_WAIT: &str = "live-queue-wait";
/// A number of minutes (`$minutes`), when the browser cannot name the unit in the language.
pub const LIVE_MINUTES: &str = "live-minutes";
/// A staff member took the chat (`$name`).
pub const LIVE_JOINED: &str = "live-joined";
/// A staff member of a department took the chat (`$name`, `$department`).
pub const LIVE_JOINED_DEPARTMENT: &str = "live-joined-department";
/// Status while a staff member answers (`$name`).
pub const LIVE_CHATTING: &str = "live-chatting";
/// Status while the staff member types (`$name`).
pub const LIVE_TYPING: &str = "live-typing";
/// The chat went to another department's queue (`$department`).
pub const LIVE_TRANSFERRED: &str = "live-transferred";
/// Status while the connection is down.
pub const LIVE_RECONNECTING: &str = "live-reconnecting";
/// Announced when the connection is back.
pub const LIVE_RECONNECTED: &str = "live-reconnected";
/// Label of the text input during a chat.
pub const LIVE_INPUT_LABEL: &str = "live-input-label";
/// Shown on a message until the server has it.
pub const LIVE_SENDING: &str = "live-sending";
/// Name of staff whose own name is unknown.
pub const LIVE_STAFF: &str = "live-staff";
/// Announcement of a staff message (`$name`, `$text`).
pub const LIVE_STAFF_SAYS: &str = "live-staff-says";
/// The "End chat" button.
pub const LIVE_END: &str = "live-end";
/// The chat has ended.
pub const LIVE_ENDED: &str = "live-ended";
/// Legend of the stars.
pub const LIVE_RATING_LEGEND: &str = "live-rating-legend";
/// One star.
pub const LIVE_STARS_1: &str = "live-stars-1";
/// Two stars.
pub const LIVE_STARS_2: &str = "live-stars-2";
/// Three stars.
pub const LIVE_STARS_3: &str = "live-stars-3";
/// Four stars.
pub const LIVE_STARS_4: &str = "live-stars-4";
/// Five stars.
pub const LIVE_STARS_5: &str = "live-stars-5";
/// Label of the rating's comment.
pub const LIVE_RATING_COMMENT: &str = "live-rating-comment";
/// Button that sends the rating.
pub const LIVE_RATING_SUBMIT: &str = "live-rating-submit";
/// Error when no star is chosen.
pub const LIVE_RATING_MISSING: &str = "live-rating-missing";
/// Shown once the rating is recorded.
pub const LIVE_RATING_THANKS: &str = "live-rating-thanks";
/// Link to the transcript as text.
pub const LIVE_TRANSCRIPT_TXT: &str = "live-transcript-txt";
/// Link to the transcript as a web page.
pub const LIVE_TRANSCRIPT_HTML: &str = "live-transcript-html";
/// Nobody can chat now.
pub const LIVE_OFFLINE: &str = "live-offline";
/// When staff are back, another day (`$day`, `$time`).
pub const LIVE_NEXT_OPEN: &str = "live-next-open";
/// When staff are back, later today (`$time`).
pub const LIVE_NEXT_OPEN_TODAY: &str = "live-next-open-today";
/// Invitation to leave a message instead.
pub const LIVE_LEAVE_HINT: &str = "live-leave-hint";
/// The "Leave a message" button and the form's title.
pub const LIVE_LEAVE: &str = "live-leave";
/// Label of the optional name.
pub const TICKET_NAME: &str = "ticket-name";
/// Label of the optional contact.
pub const TICKET_CONTACT: &str = "ticket-contact";
/// Why the contact helps.
pub const TICKET_CONTACT_HINT: &str = "ticket-contact-hint";
/// Label of the message.
pub const TICKET_MESSAGE: &str = "ticket-message";
/// Error when the message is empty.
pub const TICKET_MESSAGE_MISSING: &str = "ticket-message-missing";
/// Button that sends the message.
pub const TICKET_SUBMIT: &str = "ticket-submit";
/// Shown once the ticket is stored (`$reference`).
pub const TICKET_THANKS: &str = "ticket-thanks";

// The privacy notice, for sites that ask residents to accept it.

/// The button that accepts the privacy notice.
pub const CONSENT_ACCEPT: &str = "consent-accept";
/// Shown once the notice is accepted.
pub const CONSENT_ACCEPTED: &str = "consent-accepted";
/// Link to the city's full privacy policy.
pub const CONSENT_POLICY: &str = "consent-policy";
/// The dialog's description on a public kiosk (no Escape; cleared when done or idle).
pub const KIOSK_DESCRIPTION: &str = "kiosk-description";
/// On a kiosk, the button that clears the screen for the next person (instead of Close).
pub const KIOSK_RESTART: &str = "kiosk-restart";
/// On a kiosk, the warning before it clears the screen; `$seconds`.
pub const KIOSK_WARNING: &str = "kiosk-warning";
/// On a kiosk, the button that keeps the screen as it is.
pub const KIOSK_KEEP_GOING: &str = "kiosk-keep-going";

// Reporting a problem through the guided form.

/// "Opening the form…"
pub const REPORT_LOADING: &str = "report-loading";
/// "Step { $step } of { $total }"
pub const REPORT_STEP: &str = "report-step";
/// "(required)"
pub const REPORT_REQUIRED: &str = "report-required";
/// "(optional)"
pub const REPORT_OPTIONAL: &str = "report-optional";
/// "Next"
pub const REPORT_NEXT: &str = "report-next";
/// "Back"
pub const REPORT_BACK: &str = "report-back";
/// "Cancel"
pub const REPORT_CANCEL: &str = "report-cancel";
/// "The report was cancelled. Nothing was sent."
pub const REPORT_CANCELLED: &str = "report-cancelled";
/// "Please answer this question."
pub const REPORT_MISSING: &str = "report-missing";
/// "Please choose an answer."
pub const REPORT_MISSING_CHOICE: &str = "report-missing-choice";
/// "Please enter a number, for example 3."
pub const REPORT_NUMBER: &str = "report-number";
/// "Where is it?"
pub const REPORT_WHERE: &str = "report-where";
/// "Street address or nearest intersection"
pub const REPORT_ADDRESS: &str = "report-address";
/// "For example: 120 Main Street, or Main Street and 3rd Avenue."
pub const REPORT_ADDRESS_HINT: &str = "report-address-hint";
/// "Use my location"
pub const REPORT_LOCATE: &str = "report-locate";
/// "Your browser will ask whether to share your location. It is used for this report only."
pub const REPORT_LOCATE_HINT: &str = "report-locate-hint";
/// "Finding your location…"
pub const REPORT_LOCATING: &str = "report-locating";
/// "Your location was found (accurate to about { $meters } m)."
pub const REPORT_LOCATED: &str = "report-located";
/// "Your location could not be found. Please type an address instead."
pub const REPORT_LOCATE_FAILED: &str = "report-locate-failed";
/// "Please type an address or use your location."
pub const REPORT_WHERE_MISSING: &str = "report-where-missing";
/// "Tell the city more"
pub const REPORT_DETAILS: &str = "report-details";
/// "Description (optional)"
pub const REPORT_DESCRIPTION: &str = "report-description";
/// "Up to { $max } characters. Please leave out personal details you do not want to share."
pub const REPORT_DESCRIPTION_HINT: &str = "report-description-hint";
/// "The description is too long. Please shorten it to { $max } characters."
pub const REPORT_DESCRIPTION_LONG: &str = "report-description-long";
/// "Link to a photo (optional)"
pub const REPORT_PHOTO: &str = "report-photo";
/// "A web address starting with https://"
pub const REPORT_PHOTO_HINT: &str = "report-photo-hint";
/// "Please enter a web address starting with https://, or leave it empty."
pub const REPORT_PHOTO_INVALID: &str = "report-photo-invalid";
/// "How can the city reach you? (optional)"
pub const REPORT_CONTACT: &str = "report-contact";
/// "Only if you want updates. You can track your report without it."
pub const REPORT_CONTACT_HINT: &str = "report-contact-hint";
/// "First name"
pub const REPORT_FIRST_NAME: &str = "report-first-name";
/// "Last name"
pub const REPORT_LAST_NAME: &str = "report-last-name";
/// "E-mail"
pub const REPORT_EMAIL: &str = "report-email";
/// "Phone"
pub const REPORT_PHONE: &str = "report-phone";
/// "Please check the e-mail address, for example name@example.com."
pub const REPORT_EMAIL_INVALID: &str = "report-email-invalid";
/// "Check your report"
pub const REPORT_REVIEW: &str = "report-review";
/// "Where"
pub const REPORT_WHERE_LABEL: &str = "report-where-label";
/// "Your location ({ $lat }, { $long })"
pub const REPORT_MY_LOCATION: &str = "report-my-location";
/// "Not given"
pub const REPORT_NOT_GIVEN: &str = "report-not-given";
/// "Change"
pub const REPORT_CHANGE: &str = "report-change";
/// "Change: { $what }"
pub const REPORT_CHANGE_LABEL: &str = "report-change-label";
/// "Send report"
pub const REPORT_SUBMIT: &str = "report-submit";
/// "Sending your report…"
pub const REPORT_SENDING: &str = "report-sending";
/// "Your report was received. Its tracking number is { $id }."
pub const REPORT_SENT: &str = "report-sent";
/// "Your report was received. The city will give it a tracking number shortly."
pub const REPORT_SENT_PENDING: &str = "report-sent-pending";
/// "Track your report"
pub const REPORT_TRACK: &str = "report-track";
/// "The city says: { $notice }"
pub const REPORT_NOTICE: &str = "report-notice";
/// "Your report could not be sent. Nothing you entered is lost: try again, call { $phone }, or use the city's online form."
pub const REPORT_FAILED: &str = "report-failed";
/// "The city's online form"
pub const REPORT_FORM_LINK: &str = "report-form-link";

/// The star choices, 1 to 5, in order.
pub const LIVE_STARS: [&str; 5] = [
    LIVE_STARS_1,
    LIVE_STARS_2,
    LIVE_STARS_3,
    LIVE_STARS_4,
    LIVE_STARS_5,
];

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
    RETRYING,
    SENDER_USER,
    SENDER_BOT,
    SOURCE,
    SOURCE_LINK,
    REVIEWED,
    DATE_WEEKDAY,
    DATE_MONTH,
    DATE_LONG,
    DATE_LONG_WEEKDAY,
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
    HELP_PAGE,
    PREF_LARGER_TEXT,
    PREF_HIGH_CONTRAST,
    PREF_READ_ALOUD,
    VOICE_INPUT,
    ERROR_NETWORK,
    TALK,
    LIVE_CHECKING,
    LIVE_DISABLED,
    LIVE_CONNECTING,
    LIVE_QUEUE_POSITION,
    LIVE_QUEUE_WAIT,
    LIVE_MINUTES,
    LIVE_JOINED,
    LIVE_JOINED_DEPARTMENT,
    LIVE_CHATTING,
    LIVE_TYPING,
    LIVE_TRANSFERRED,
    LIVE_RECONNECTING,
    LIVE_RECONNECTED,
    LIVE_INPUT_LABEL,
    LIVE_SENDING,
    LIVE_STAFF,
    LIVE_STAFF_SAYS,
    LIVE_END,
    LIVE_ENDED,
    LIVE_RATING_LEGEND,
    LIVE_STARS_1,
    LIVE_STARS_2,
    LIVE_STARS_3,
    LIVE_STARS_4,
    LIVE_STARS_5,
    LIVE_RATING_COMMENT,
    LIVE_RATING_SUBMIT,
    LIVE_RATING_MISSING,
    LIVE_RATING_THANKS,
    LIVE_TRANSCRIPT_TXT,
    LIVE_TRANSCRIPT_HTML,
    LIVE_OFFLINE,
    LIVE_NEXT_OPEN,
    LIVE_NEXT_OPEN_TODAY,
    LIVE_LEAVE_HINT,
    LIVE_LEAVE,
    TICKET_NAME,
    TICKET_CONTACT,
    TICKET_CONTACT_HINT,
    TICKET_MESSAGE,
    TICKET_MESSAGE_MISSING,
    TICKET_SUBMIT,
    TICKET_THANKS,
    CONSENT_ACCEPT,
    CONSENT_ACCEPTED,
    CONSENT_POLICY,
    KIOSK_DESCRIPTION,
    KIOSK_RESTART,
    KIOSK_WARNING,
    KIOSK_KEEP_GOING,
    REPORT_LOADING,
    REPORT_STEP,
    REPORT_REQUIRED,
    REPORT_OPTIONAL,
    REPORT_NEXT,
    REPORT_BACK,
    REPORT_CANCEL,
    REPORT_CANCELLED,
    REPORT_MISSING,
    REPORT_MISSING_CHOICE,
    REPORT_NUMBER,
    REPORT_WHERE,
    REPORT_ADDRESS,
    REPORT_ADDRESS_HINT,
    REPORT_LOCATE,
    REPORT_LOCATE_HINT,
    REPORT_LOCATING,
    REPORT_LOCATED,
    REPORT_LOCATE_FAILED,
    REPORT_WHERE_MISSING,
    REPORT_DETAILS,
    REPORT_DESCRIPTION,
    REPORT_DESCRIPTION_HINT,
    REPORT_DESCRIPTION_LONG,
    REPORT_PHOTO,
    REPORT_PHOTO_HINT,
    REPORT_PHOTO_INVALID,
    REPORT_CONTACT,
    REPORT_CONTACT_HINT,
    REPORT_FIRST_NAME,
    REPORT_LAST_NAME,
    REPORT_EMAIL,
    REPORT_PHONE,
    REPORT_EMAIL_INVALID,
    REPORT_REVIEW,
    REPORT_WHERE_LABEL,
    REPORT_MY_LOCATION,
    REPORT_NOT_GIVEN,
    REPORT_CHANGE,
    REPORT_CHANGE_LABEL,
    REPORT_SUBMIT,
    REPORT_SENDING,
    REPORT_SENT,
    REPORT_SENT_PENDING,
    REPORT_TRACK,
    REPORT_NOTICE,
    REPORT_FAILED,
    REPORT_FORM_LINK,
];

/// The id of the localised text for a server error code: `error-<code>`, e.g.
/// `error-rate_limited`.
pub fn error(code: ErrorCode) -> String {
    crate::strings::concat(&["error-", code.as_str()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_ids_use_the_wire_code() {
        assert_eq!(error(ErrorCode::RateLimited), "error-rate_limited");
    }
}
