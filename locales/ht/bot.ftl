# Pawòl asistan an nan repons li bay rezidan yo (sèvè, kreyòl ayisyen).

bot-answer = Men sa m jwenn.
bot-answer-untranslated = Men sa m jwenn. Repons sa a poko disponib an kreyòl, kidonk nou montre l nan lang orijinal li.
bot-choices = M jwenn kèk repons ki ka koresponn ak sa w ap chèche a. Kilès ladan yo ou vle di?
bot-handoff = Mwen regrèt, mwen pa gen yon bon repons pou sa. Anplwaye { $site } ka ede w.
bot-need-more = Èske ou ka di m yon ti kras plis sou sa w ap chèche a?

action-form = Ranpli fòmilè sou entènèt la
action-contact = Kontakte { $site }
action-chat = Pale ak yon moun
action-call = Rele { $phone }

transcript-title = Konvèsasyon ou ak { $site }
transcript-you = Ou
transcript-assistant = Asistan
transcript-joined = { $name } antre nan chat la.
transcript-joined-department = { $name } nan { $department } antre nan chat la.
transcript-transferred = Chat la pase bay { $department }.
transcript-closed = Chat la fini.
