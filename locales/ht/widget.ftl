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

## Lang ak paramèt

language-button = Lang:
language-list = Chwazi yon lang
language-changed = Asistan an pale kreyòl ayisyen kounye a.
prefs-button = Paramèt
pref-larger-text = Tèks pi gwo
pref-high-contrast = Gwo kontras
pref-read-aloud = Li repons yo awotvwa
voice-input = Di kesyon ou a
