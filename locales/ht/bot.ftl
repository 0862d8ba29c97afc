# Pawòl asistan an nan repons li bay rezidan yo (sèvè, kreyòl ayisyen).

bot-answer = Men sa m jwenn.
bot-answer-untranslated = Men sa m jwenn. Repons sa a poko disponib an kreyòl, kidonk nou montre l nan lang orijinal li.
bot-choices = M jwenn kèk repons ki ka koresponn ak sa w ap chèche a. Kilès ladan yo ou vle di?
bot-handoff = Mwen regrèt, mwen pa gen yon bon repons pou sa. Anplwaye { $site } ka ede w.
bot-need-more = Èske ou ka di m yon ti kras plis sou sa w ap chèche a?

action-form = Ranpli fòmilè sou entènèt la
action-contact = Kontakte { $site }
action-call = Rele { $phone }
