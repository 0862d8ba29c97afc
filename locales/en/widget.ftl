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
status-retrying = The assistant is briefly unavailable. Trying again in a few seconds…

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
error-staff_unavailable = No one from the city can chat right now. You can leave a message instead.
error-unknown_chat = This chat could not be found. It may have ended. You can ask the assistant again.
error-chat_closed = This chat has ended, so nothing more can be sent.
error-unknown_service = This service cannot be requested here. Please use the city's website or call.
error-unknown_request = That request number was not found. Please check it and try again.
error-upstream_failed = The city's request system is not answering right now. What you entered is kept: try again in a moment, or use the city's form or phone.
error-consent_required = Please read and accept the privacy notice before you ask. It has changed since you last accepted it, or you have not accepted it yet.
error-storage_full = The city's assistant cannot save anything right now, so your message was not sent. Please try again later, or contact the city another way.
error-storage_unavailable = The city's assistant is briefly unavailable, so your message was not sent. Please try again in a moment.

## Language and settings

language-button = Language:
language-list = Choose a language
language-changed = The assistant is now in English.
prefs-button = Settings
help-page = Text-only version of this assistant
pref-larger-text = Larger text
pref-high-contrast = High contrast
pref-read-aloud = Read answers aloud
voice-input = Speak your question

## Live chat with city staff

talk-button = Talk to a person
live-checking = Checking whether someone from the city can chat…
live-disabled = Live chat with city staff is not offered here. Please contact the city by phone or through its website.
live-connecting = Connecting you with a person…
live-queue-position = You are number { $position } in line.
live-queue-wait = You are number { $position } in line. Estimated wait: about { $wait }.
live-minutes = { $minutes } minutes
live-joined = { $name } has joined the chat.
live-joined-department = { $name } from { $department } has joined the chat.
live-chatting = You are chatting with { $name }.
live-typing = { $name } is typing…
live-transferred = Your chat was passed to { $department }. Please wait for the next person.
live-reconnecting = Connection lost. Reconnecting…
live-reconnected = Connected again.
live-input-label = Your message
live-sending = Sending…
live-staff = City staff
live-staff-says = { $name }: { $text }
live-end = End chat
live-ended = The chat has ended.
live-rating-legend = How was your chat?
live-stars-1 = 1 star (poor)
live-stars-2 = 2 stars
live-stars-3 = 3 stars
live-stars-4 = 4 stars
live-stars-5 = 5 stars (excellent)
live-rating-comment = Comment (optional)
live-rating-submit = Send rating
live-rating-missing = Please choose from 1 to 5 stars.
live-rating-thanks = Thank you for your rating.
live-transcript-txt = Download transcript (text)
live-transcript-html = Download transcript (web page)
live-offline = City staff are not available to chat right now.
live-next-open = They will be back { $day } at { $time }.
live-next-open-today = They will be back today at { $time }.
live-leave-hint = You can leave a message, and staff will answer when they are back.
live-leave = Leave a message
ticket-name = Your name (optional)
ticket-contact = E-mail or phone (optional)
ticket-contact-hint = So we can reply to you.
ticket-message = Your message
ticket-message-missing = Please write your message.
ticket-submit = Send message
ticket-thanks = Thank you. Your reference is { $reference }.

# Reporting a problem through the guided form, one question at a time.
report-loading = Opening the form…
report-step = Step { $step } of { $total }
report-required = (required)
report-optional = (optional)
report-next = Next
report-back = Back
report-cancel = Cancel
report-cancelled = The report was cancelled. Nothing was sent.
report-missing = Please answer this question.
report-missing-choice = Please choose an answer.
report-number = Please enter a number, for example 3.
report-where = Where is it?
report-address = Street address or nearest intersection
report-address-hint = For example: 120 Main Street, or Main Street and 3rd Avenue.
report-locate = Use my location
report-locate-hint = Your browser will ask whether to share your location. It is used for this report only.
report-locating = Finding your location…
report-located = Your location was found (accurate to about { $meters } m).
report-locate-failed = Your location could not be found. Please type an address instead.
report-where-missing = Please type an address or use your location.
report-details = Tell the city more
report-description = Description (optional)
report-description-hint = Up to { $max } characters. Please leave out personal details you do not want to share.
report-description-long = The description is too long. Please shorten it to { $max } characters.
report-photo = Link to a photo (optional)
report-photo-hint = A web address starting with https://
report-photo-invalid = Please enter a web address starting with https://, or leave it empty.
report-contact = How can the city reach you? (optional)
report-contact-hint = Only if you want updates. You can track your report without it.
report-first-name = First name
report-last-name = Last name
report-email = E-mail
report-phone = Phone
report-email-invalid = Please check the e-mail address, for example name@example.com.
report-review = Check your report
report-where-label = Where
report-my-location = Your location ({ $lat }, { $long })
report-not-given = Not given
report-change = Change
report-change-label = Change: { $what }
report-submit = Send report
report-sending = Sending your report…
report-sent = Your report was received. Its tracking number is { $id }.
report-sent-pending = Your report was received. The city will give it a tracking number shortly.
report-track = Track your report
report-notice = The city says: { $notice }
report-failed = Your report could not be sent. Nothing you entered is lost: try again, call { $phone }, or use the city's online form.
report-form-link = The city's online form

# Privacy notice
consent-accept = I agree
consent-accepted = Thank you. Please send your question again: it is still in the box below.
consent-policy = The city's privacy policy

## Kiosk (a public screen)

kiosk-description = Ask about city services in your own words. This is a public screen: when you are done, choose “Clear the screen”.
kiosk-restart = Clear the screen
kiosk-warning = Are you still there? This screen will be cleared in { $seconds } seconds.
kiosk-keep-going = Keep going

## Dates, only where the browser cannot write them in this language itself

# $weekday is 0 (Sunday) to 6 (Saturday); $month 1 to 12, the month as it stands in a date.
date-weekday = { $weekday ->
    [0] Sunday
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
   *[6] Saturday
}
date-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
date-long = { $month } { $day }, { $year }
date-long-weekday = { $weekday }, { $month } { $day }, { $year }
