# Wayfinder widget: lahat ng tekstong ipinapakita ng chat assistant (Tagalog).
# Kapareho ng mga ID sa locales/en/widget.ftl.

## Button at dialog

launcher-label = Magtanong sa Lungsod
dialog-title = Magtanong sa Lungsod
dialog-description = Magtanong po tungkol sa mga serbisyo ng lungsod gamit ang sarili ninyong mga salita. Pindutin ang Escape para isara.
close-button = Isara
log-label = Usapan
greeting = Kumusta po! Magtanong po kayo tungkol sa mga serbisyo ng lungsod, gaya ng pangongolekta ng basura, pagbabayad ng bill sa tubig, o pagkuha ng permit.
input-label = Ang inyong tanong
send-button = Ipadala
status-searching = Naghahanap…

## Usapan

sender-user = Sinabi ninyo:
sender-bot = Katuwang ng lungsod:
answer-source = Pinagmulan:
answer-source-link = opisyal na pahina
answer-reviewed = Huling sinuri:
answer-simpler = Sa mas simpleng salita
choices-label = Mga posibleng sagot
actions-label = Mga susunod na hakbang
new-tab = (magbubukas sa bagong tab)

## Puna

feedback-question = Nakatulong po ba ito?
feedback-yes = Oo
feedback-no = Hindi
feedback-thanks = Salamat po sa inyong puna.
feedback-error = Paumanhin po, hindi naipadala ang inyong puna. Pakisubukang muli.

## Mga error

error-network = Hindi po makakonekta sa katuwang ng lungsod sa ngayon. Pakitingnan ang inyong koneksyon sa internet at subukang muli.
error-invalid_json = Nagkaproblema po sa pagpapadala ng inyong tanong. Pakisubukang muli.
error-unsupported_media_type = Nagkaproblema po sa pagpapadala ng inyong tanong. Pakisubukang muli.
error-payload_too_large = Masyado pong mahaba ang inyong tanong. Pakiikliin ito at subukang muli.
error-origin_not_allowed = Hindi pa naka-set up ang katuwang para sa website na ito. Makipag-ugnayan po sa lungsod sa ibang paraan.
error-unknown_site = Hindi tama ang pagkaka-set up ng katuwang. Makipag-ugnayan po sa lungsod sa ibang paraan.
error-empty_question = Mag-type po muna ng tanong.
error-question_too_long = Masyado pong mahaba ang inyong tanong. Gumamit po ng hindi hihigit sa 1000 character.
error-unknown_conversation = Nag-expire na po ang usapang ito. Pakiulit po ang inyong tanong.
error-unknown_entry = Hindi na po available ang sagot na iyon. Pakiulit po ang inyong tanong.
error-invalid_field = Hindi po maproseso ang inyong tanong. Pakisubukang muli.
error-not_found = Hindi available ang katuwang ng lungsod sa ngayon. Pakisubukang muli mamaya.
error-method_not_allowed = Hindi available ang katuwang ng lungsod sa ngayon. Pakisubukang muli mamaya.
error-rate_limited = Napakabilis po ng pagpapadala ninyo ng mga tanong. Maghintay po sandali at subukang muli.
error-internal = Nagkaproblema po sa aming panig. Pakisubukang muli maya-maya.

## Wika at mga setting

language-button = Wika:
language-list = Pumili ng wika
language-changed = Nasa Tagalog na ang assistant.
prefs-button = Mga setting
pref-larger-text = Mas malaking teksto
pref-high-contrast = Mataas na contrast
pref-read-aloud = Basahin nang malakas ang mga sagot
voice-input = Sabihin ang iyong tanong
