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
status-retrying = Asistan an pa disponib pou yon ti moman. N ap eseye ankò nan kèk segonn…

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
error-consent_required = Tanpri li epi aksepte avi sou vi prive a anvan ou poze kesyon ou. Li chanje depi dènye fwa ou te aksepte l, oswa ou poko aksepte l.
error-storage_full = Asistan vil la pa ka anrejistre anyen kounye a, kidonk mesaj ou a pa t ale. Tanpri eseye ankò pita, oswa kontakte vil la yon lòt fason.
error-storage_unavailable = Asistan vil la pa disponib pou yon ti moman, kidonk mesaj ou a pa t ale. Tanpri eseye ankò nan yon ti moman.

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

# Rapòte yon pwoblèm ak fòm gide a, yon kesyon apre lòt.
report-loading = N ap louvri fòm nan…
report-step = Etap { $step } sou { $total }
report-required = (obligatwa)
report-optional = (si ou vle)
report-next = Swivan
report-back = Retounen
report-cancel = Anile
report-cancelled = Rapò a anile. Nou pa voye anyen.
report-missing = Tanpri reponn kesyon sa a.
report-missing-choice = Tanpri chwazi yon repons.
report-number = Tanpri ekri yon nimewo, pa egzanp 3.
report-where = Ki kote li ye?
report-address = Adrès oswa kafou ki pi pre a
report-address-hint = Pa egzanp: 120 Main Street, oswa Main Street ak 3rd Avenue.
report-locate = Itilize kote mwen ye a
report-locate-hint = Navigatè ou a ap mande w si ou vle pataje kote ou ye. Nou itilize l pou rapò sa a sèlman.
report-locating = N ap chèche kote ou ye…
report-located = Nou jwenn kote ou ye (presizyon anviwon { $meters } m).
report-locate-failed = Nou pa t ka jwenn kote ou ye. Tanpri ekri yon adrès pito.
report-where-missing = Tanpri ekri yon adrès oswa itilize kote ou ye a.
report-details = Bay vil la plis detay
report-description = Deskripsyon (si ou vle)
report-description-hint = Pa plis pase { $max } karaktè. Tanpri pa mete enfòmasyon pèsonèl ou pa vle pataje.
report-description-long = Deskripsyon an twò long. Tanpri fè l pi kout: pa plis pase { $max } karaktè.
report-photo = Lyen pou yon foto (si ou vle)
report-photo-hint = Yon adrès wèb ki kòmanse ak https://
report-photo-invalid = Tanpri ekri yon adrès wèb ki kòmanse ak https://, oswa kite l vid.
report-contact = Kijan vil la ka kontakte w? (si ou vle)
report-contact-hint = Sèlman si ou vle resevwa nouvèl. Ou ka swiv rapò ou a san sa.
report-first-name = Prenon
report-last-name = Non fanmi
report-email = Imèl
report-phone = Telefòn
report-email-invalid = Tanpri verifye adrès imèl la, pa egzanp non@example.com.
report-review = Verifye rapò ou a
report-where-label = Ki kote
report-my-location = Kote ou ye ({ $lat }, { $long })
report-not-given = Ou pa bay li
report-change = Chanje
report-change-label = Chanje: { $what }
report-submit = Voye rapò a
report-sending = N ap voye rapò ou a…
report-sent = Nou resevwa rapò ou a. Nimewo swivi li se { $id }.
report-sent-pending = Nou resevwa rapò ou a. Vil la ap ba li yon nimewo swivi talè.
report-track = Swiv rapò ou a
report-notice = Vil la di: { $notice }
report-failed = Nou pa t ka voye rapò ou a. Ou pa pèdi anyen nan sa ou te ekri: eseye ankò, rele { $phone }, oswa itilize fòm vil la sou entènèt.
report-form-link = Fòm vil la sou entènèt

# Privacy notice
consent-accept = Mwen dakò
consent-accepted = Mèsi. Tanpri voye kesyon ou an ankò: li toujou nan bwat ki anba a.
consent-policy = Politik konfidansyalite vil la

## Kiosk (a public screen)

kiosk-description = Poze kesyon sou sèvis vil la ak pwòp mo pa w. Sa a se yon ekran piblik: lè ou fini, chwazi “Efase ekran an”.
kiosk-restart = Efase ekran an
kiosk-warning = Ou la toujou? Ekran sa a pral efase nan { $seconds } segonn.
kiosk-keep-going = Kontinye

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] dimanch
    [1] lendi
    [2] madi
    [3] mèkredi
    [4] jedi
    [5] vandredi
   *[6] samdi
}
date-month = { $month ->
    [1] janvye
    [2] fevriye
    [3] mas
    [4] avril
    [5] me
    [6] jen
    [7] jiyè
    [8] out
    [9] septanm
    [10] oktòb
    [11] novanm
   *[12] desanm
}
date-long = { $day } { $month } { $year }
date-long-weekday = { $weekday } { $day } { $month } { $year }
