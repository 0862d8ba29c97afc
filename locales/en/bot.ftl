# The bot's own words in replies to residents (server side).

bot-answer = Here is what I found.
bot-answer-untranslated = Here is what I found. This answer is not available in English yet, so it is shown in its original language.
bot-choices = I found a few answers that might fit. Which one do you mean? If none of them fits, the staff of { $site } can help you.
bot-handoff = I'm sorry, I don't have a good answer to that. The staff of { $site } can help you.
bot-need-more = Could you tell me a little more about what you are looking for?

action-form = Fill in the online form
action-report = Report it here, one question at a time
action-contact = Contact { $site }
action-chat = Talk to a person
action-call = Call { $phone }

transcript-title = Your conversation with { $site }
transcript-you = You
transcript-assistant = Assistant
transcript-joined = { $name } joined the chat.
transcript-joined-department = { $name } from { $department } joined the chat.
transcript-transferred = The chat was passed to { $department }.
transcript-closed = The chat ended.

status-title = Request { $id }
status-state = Status
status-open = Open: the city is working on it.
status-closed = Closed: the city has finished this request.
status-service = Service
status-agency = Handled by
status-address = Location
status-reported = Reported
status-updated = Last update
status-expected = Expected by
status-notes = Notes from the city
status-found = Here is the latest on request { $id }.
status-unknown = I could not find request { $id }. Please check the number, or contact { $site }.
status-unavailable = I cannot reach the request system of { $site } right now. Please try again later, or contact { $site }.
status-pending-title = Request received
status-pending = Your request was received. Its tracking number is not assigned yet: reload this page in a few minutes.
action-track = Track this request

help-title = Ask { $site }
help-intro = Ask about city services in your own words. This page works without JavaScript.
help-label = Your question
help-submit = Ask
help-reply = Reply
help-source = Official page
help-reviewed = Last reviewed { $date }
help-choices = Which of these do you mean?
help-next-steps = Next steps

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = How we handle your questions
privacy-notice = { $site } runs this assistant. To answer you and to improve its answers, it saves what you type here. E-mail addresses, phone numbers and similar details are removed before anything is saved. Your questions are deleted after { $days } { $days_plural ->
        [one] day
       *[other] days
    }.
privacy-notice-chats = If you chat with a staff member, the chat is kept for { $chat_days } { $chat_days_plural ->
        [one] day
       *[other] days
    }. A message you leave for staff is kept for { $ticket_days } { $ticket_days_plural ->
        [one] day
       *[other] days
    }.
privacy-notice-rights = Please do not type private information, such as card numbers or health details. You can ask { $site } for a copy of your conversation, or ask for it to be deleted.
