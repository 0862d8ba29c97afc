# Wayfinder widget: every string the chat widget shows (English, the reference locale).
# Other locales define the same message ids. Error texts are `error-<code>`, one per stable
# API error code, plus `error-network`.

## Launcher and dialog

launcher-label = Ask the City
dialog-title = Ask the City
dialog-description = Ask about city services in your own words. Press Escape to close.
close-button = Close
log-label = Conversation
greeting = Hello! Ask me about city services, like trash pickup, paying a water bill or getting a permit.
input-label = Your question
send-button = Send
status-searching = Searching…

## Transcript

sender-user = You said:
sender-bot = City assistant:
answer-source = Source:
answer-source-link = official page
answer-reviewed = Last reviewed
answer-simpler = Simpler words
choices-label = Possible answers
actions-label = Next steps
new-tab = (opens in a new tab)

## Feedback

feedback-question = Was this helpful?
feedback-yes = Yes
feedback-no = No
feedback-thanks = Thank you for your feedback.
feedback-error = Sorry, your feedback could not be sent. Please try again.

## Errors

error-network = I can't reach the city's assistant right now. Please check your internet connection and try again.
error-invalid_json = Something went wrong sending your question. Please try again.
error-unsupported_media_type = Something went wrong sending your question. Please try again.
error-payload_too_large = Your question is too long. Please shorten it and try again.
error-origin_not_allowed = The assistant is not set up for this website yet. Please contact the city another way.
error-unknown_site = The assistant is not set up correctly. Please contact the city another way.
error-empty_question = Please type a question first.
error-question_too_long = Your question is too long. Please keep it under 1000 characters.
error-unknown_conversation = This conversation has expired. Please ask your question again.
error-unknown_entry = That answer is no longer available. Please ask your question again.
error-invalid_field = Your question could not be processed. Please try again.
error-not_found = The city's assistant is not available right now. Please try again later.
error-method_not_allowed = The city's assistant is not available right now. Please try again later.
error-rate_limited = You are sending questions very quickly. Please wait a moment and try again.
error-internal = Something went wrong on our side. Please try again in a moment.

## Language and settings

language-button = Language:
language-list = Choose a language
language-changed = The assistant is now in English.
prefs-button = Settings
pref-larger-text = Larger text
pref-high-contrast = High contrast
pref-read-aloud = Read answers aloud
voice-input = Speak your question
