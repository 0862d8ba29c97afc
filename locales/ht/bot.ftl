# Pawòl asistan an nan repons li bay rezidan yo (sèvè, kreyòl ayisyen).

bot-answer = Men sa m jwenn.
bot-answer-untranslated = Men sa m jwenn. Repons sa a poko disponib an kreyòl, kidonk nou montre l nan lang orijinal li.
bot-choices = M jwenn kèk repons ki ka koresponn ak sa w ap chèche a. Kilès ladan yo ou vle di? Si okenn pa koresponn, anplwaye { $site } ka ede w.
bot-handoff = Mwen regrèt, mwen pa gen yon bon repons pou sa. Anplwaye { $site } ka ede w.
bot-need-more = Èske ou ka di m yon ti kras plis sou sa w ap chèche a?

action-form = Ranpli fòmilè sou entènèt la
action-report = Rapòte l isit la, yon kesyon apre lòt
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

status-title = Demann { $id }
status-state = Estati
status-open = Louvri: vil la ap travay sou li.
status-closed = Fèmen: vil la fini demann sa a.
status-service = Sèvis
status-agency = Sèvis ki okipe l
status-address = Kote
status-reported = Rapòte
status-updated = Dènye mizajou
status-expected = Prevwa pou
status-notes = Nòt vil la
status-found = Men dènye nouvèl sou demann { $id }.
status-unknown = Mwen pa jwenn demann { $id }. Tanpri verifye nimewo a, oswa kontakte { $site }.
status-unavailable = Mwen pa ka rive jwenn sistèm demann { $site } kounye a. Tanpri eseye ankò pita, oswa kontakte { $site }.
status-pending-title = Demann resevwa
status-pending = Nou resevwa demann ou. Li poko gen nimewo swivi: rechaje paj sa a nan kèk minit.
action-track = Swiv demann sa a

help-title = Poze { $site } yon kesyon
help-intro = Poze kesyon sou sèvis vil la ak pwòp mo pa ou. Paj sa a mache san JavaScript.
help-label = Kesyon ou
help-submit = Mande
help-reply = Repons
help-source = Paj ofisyèl
help-reviewed = Dènye revizyon { $date }
help-choices = Kiyès nan sa yo ou vle di?
help-next-steps = Pwochen etap yo

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = Kijan nou jere kesyon ou yo
privacy-notice = Se { $site } ki fè asistan sa a mache. Pou l ka reponn ou epi amelyore repons li yo, li kenbe sa ou ekri isit la. Nou retire adrès imel, nimewo telefòn ak lòt enfòmasyon konsa anvan nou kenbe anyen. Kesyon ou yo efase apre { $days } { $days_plural ->
       *[other] jou
    }.
privacy-notice-chats = Si ou pale ak yon anplwaye nan chat, nou kenbe chat la pandan { $chat_days } { $chat_days_plural ->
       *[other] jou
    }. Yon mesaj ou kite pou anplwaye yo, nou kenbe l pandan { $ticket_days } { $ticket_days_plural ->
       *[other] jou
    }.
privacy-notice-rights = Pa ekri enfòmasyon prive, tankou nimewo kat ou oswa enfòmasyon sou sante ou. Ou ka mande { $site } yon kopi konvèsasyon ou, oswa mande pou yo efase l.
