# The bot's own words in replies to residents (server side).

bot-answer = Here is what I found.
bot-answer-untranslated = Here is what I found. This answer is not available in English yet, so it is shown in its original language.
bot-choices = I found a few answers that might fit. Which one do you mean?
bot-handoff = I'm sorry, I don't have a good answer to that. The staff of { $site } can help you.
bot-need-more = Could you tell me a little more about what you are looking for?

action-form = Fill in the online form
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
