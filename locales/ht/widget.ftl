# Widget Wayfinder: tout tèks asistan chat la montre (kreyòl ayisyen).
# Menm idantifyan ak locales/en/widget.ftl.

## Bouton ak fenèt dyalòg

launcher-label = Mande Vil la
dialog-title = Mande Vil la
dialog-description = Poze kesyon sou sèvis vil la ak pwòp mo pa w. Peze touch Escape la pou fèmen.
close-button = Fèmen
log-label = Konvèsasyon
greeting = Bonjou! Poze m kesyon sou sèvis vil la, tankou ranmase fatra, peye bòdwo dlo, oswa jwenn yon pèmi.
input-label = Kesyon ou
send-button = Voye
status-searching = N ap chèche…

## Konvèsasyon

sender-user = Ou te di:
sender-bot = Asistan vil la:
answer-source = Sous:
answer-source-link = paj ofisyèl
answer-reviewed = Dènye revizyon:
answer-simpler = Nan mo ki pi senp
choices-label = Repons ki posib
actions-label = Pwochen etap yo
new-tab = (ap louvri nan yon nouvo onglè)

## Kòmantè

feedback-question = Èske sa te itil ou?
feedback-yes = Wi
feedback-no = Non
feedback-thanks = Mèsi pou kòmantè ou.
feedback-error = Padon, nou pa t ka voye kòmantè ou. Tanpri eseye ankò.

## Erè

error-network = Mwen pa ka kontakte asistan vil la kounye a. Tanpri verifye koneksyon entènèt ou epi eseye ankò.
error-invalid_json = Te gen yon pwoblèm pandan nou t ap voye kesyon ou. Tanpri eseye ankò.
error-unsupported_media_type = Te gen yon pwoblèm pandan nou t ap voye kesyon ou. Tanpri eseye ankò.
error-payload_too_large = Kesyon ou twò long. Tanpri fè l pi kout epi eseye ankò.
error-origin_not_allowed = Asistan an poko konfigire pou sitwèb sa a. Tanpri kontakte vil la yon lòt jan.
error-unknown_site = Asistan an pa byen konfigire. Tanpri kontakte vil la yon lòt jan.
error-empty_question = Tanpri ekri yon kesyon anvan.
error-question_too_long = Kesyon ou twò long. Tanpri pa depase 1000 karaktè.
error-unknown_conversation = Konvèsasyon sa a ekspire. Tanpri poze kesyon ou ankò.
error-unknown_entry = Repons sa a pa disponib ankò. Tanpri poze kesyon ou ankò.
error-invalid_field = Nou pa t ka trete kesyon ou. Tanpri eseye ankò.
error-not_found = Asistan vil la pa disponib kounye a. Tanpri eseye ankò pita.
error-method_not_allowed = Asistan vil la pa disponib kounye a. Tanpri eseye ankò pita.
error-rate_limited = W ap voye kesyon twò vit. Tanpri tann yon ti moman epi eseye ankò.
error-internal = Te gen yon pwoblèm bò kote nou. Tanpri eseye ankò nan yon ti moman.
error-staff_unavailable = Pa gen pèsonn nan vil la ki ka fè chat kounye a. Ou ka kite yon mesaj pito.
error-unknown_chat = Nou pa jwenn chat sa a. Petèt li fini deja. Ou ka poze asistan an kesyon ou ankò.
error-chat_closed = Chat sa a fini, kidonk ou pa ka voye anyen ankò.
error-unknown_service = Ou pa ka mande sèvis sa a isit la. Tanpri itilize sit entènèt vil la oswa rele.
error-unknown_request = Nou pa jwenn nimewo demann sa a. Tanpri verifye li epi eseye ankò.
error-upstream_failed = Sistèm demann vil la pa reponn kounye a. Sa ou te ekri a toujou la: eseye ankò talè, oswa itilize fòm oswa telefòn vil la.

## Lang ak paramèt

language-button = Lang:
language-list = Chwazi yon lang
language-changed = Asistan an pale kreyòl ayisyen kounye a.
prefs-button = Paramèt
help-page = Vèsyon tèks sèlman asistan sa a
pref-larger-text = Tèks pi gwo
pref-high-contrast = Gwo kontras
pref-read-aloud = Li repons yo awotvwa
voice-input = Di kesyon ou a

## Chat an dirèk ak anplwaye vil la

talk-button = Pale ak yon moun
live-checking = N ap tcheke si gen yon moun nan vil la ki ka fè chat…
live-disabled = Pa gen chat an dirèk ak anplwaye vil la isit la. Tanpri kontakte vil la pa telefòn oswa sou sit entènèt li.
live-connecting = N ap konekte w ak yon moun…
live-queue-position = Ou se nimewo { $position } nan liy lan.
live-queue-wait = Ou se nimewo { $position } nan liy lan. Tan pou tann: anviwon { $wait }.
live-minutes = { $minutes } minit
live-joined = { $name } antre nan chat la.
live-joined-department = { $name } nan { $department } antre nan chat la.
live-chatting = W ap pale ak { $name }.
live-typing = { $name } ap ekri…
live-transferred = Yo pase chat ou a bay { $department }. Tanpri tann pwochen moun nan.
live-reconnecting = Koneksyon an koupe. N ap rekonekte…
live-reconnected = Koneksyon an tounen.
live-input-label = Mesaj ou
live-sending = N ap voye l…
live-staff = Anplwaye vil la
live-staff-says = { $name }: { $text }
live-end = Fini chat la
live-ended = Chat la fini.
live-rating-legend = Kijan chat la te ye?
live-stars-1 = 1 etwal (pa bon)
live-stars-2 = 2 etwal
live-stars-3 = 3 etwal
live-stars-4 = 4 etwal
live-stars-5 = 5 etwal (ekselan)
live-rating-comment = Kòmantè (si ou vle)
live-rating-submit = Voye nòt la
live-rating-missing = Tanpri chwazi ant 1 ak 5 etwal.
live-rating-thanks = Mèsi pou nòt ou a.
live-transcript-txt = Telechaje konvèsasyon an (tèks)
live-transcript-html = Telechaje konvèsasyon an (paj wèb)
live-offline = Anplwaye vil la pa disponib pou fè chat kounye a.
live-next-open = Y ap tounen { $day } a { $time }.
live-next-open-today = Y ap tounen jodi a a { $time }.
live-leave-hint = Ou ka kite yon mesaj, epi anplwaye yo ap reponn ou lè yo tounen.
live-leave = Kite yon mesaj
ticket-name = Non ou (si ou vle)
ticket-contact = Imèl oswa telefòn (si ou vle)
ticket-contact-hint = Pou nou ka reponn ou.
ticket-message = Mesaj ou
ticket-message-missing = Tanpri ekri mesaj ou.
ticket-submit = Voye mesaj la
ticket-thanks = Mèsi. Nimewo referans ou se { $reference }.
