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
status-retrying = Pansamantalang hindi magamit ang katulong. Susubukang muli sa loob ng ilang segundo…

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
error-staff_unavailable = Walang kawani ng lungsod na puwedeng makipag-chat ngayon. Maaari po kayong mag-iwan ng mensahe.
error-unknown_chat = Hindi mahanap ang chat na ito. Baka tapos na ito. Maaari po kayong magtanong ulit sa katuwang.
error-chat_closed = Tapos na ang chat na ito, kaya wala nang maipapadala rito.
error-unknown_service = Hindi maaaring hilingin dito ang serbisyong ito. Pakigamit ang website ng lungsod o tumawag.
error-unknown_request = Hindi nakita ang numerong iyan ng kahilingan. Pakisuri at subukang muli.
error-upstream_failed = Hindi sumasagot ngayon ang sistema ng mga kahilingan ng lungsod. Naka-save ang inilagay ninyo: subukang muli mamaya, o gamitin ang form o telepono ng lungsod.
error-consent_required = Pakibasa at tanggapin ang abiso sa privacy bago kayo magtanong. Nagbago ito mula nang huli ninyo itong tanggapin, o hindi pa ninyo ito natatanggap.
error-storage_full = Hindi makapag-save ngayon ang katulong ng lungsod, kaya hindi naipadala ang inyong mensahe. Pakisubukang muli mamaya, o makipag-ugnayan sa lungsod sa ibang paraan.
error-storage_unavailable = Pansamantalang hindi magamit ang katulong ng lungsod, kaya hindi naipadala ang inyong mensahe. Pakisubukang muli maya-maya.

## Wika at mga setting

language-button = Wika:
language-list = Pumili ng wika
language-changed = Nasa Tagalog na ang assistant.
prefs-button = Mga setting
help-page = Bersyong teksto lamang ng assistant na ito
pref-larger-text = Mas malaking teksto
pref-high-contrast = Mataas na contrast
pref-read-aloud = Basahin nang malakas ang mga sagot
voice-input = Sabihin ang iyong tanong

## Live chat sa mga kawani ng lungsod

talk-button = Makipag-usap sa isang tao
live-checking = Tinitingnan kung may kawani ng lungsod na puwedeng makipag-chat…
live-disabled = Walang live chat sa mga kawani ng lungsod dito. Pakikontak ang lungsod sa telepono o sa website nito.
live-connecting = Ikinokonekta po kayo sa isang tao…
live-queue-position = Pang-{ $position } po kayo sa pila.
live-queue-wait = Pang-{ $position } po kayo sa pila. Tinatayang paghihintay: mga { $wait }.
live-minutes = { $minutes } minuto
live-joined = Sumali na si { $name } sa chat.
live-joined-department = Sumali na sa chat si { $name } mula sa { $department }.
live-chatting = Kausap ninyo si { $name }.
live-typing = Nagta-type si { $name }…
live-transferred = Ipinasa ang chat ninyo sa { $department }. Pakihintay ang susunod na kawani.
live-reconnecting = Naputol ang koneksyon. Kumokonekta ulit…
live-reconnected = Nakakonekta na ulit.
live-input-label = Ang mensahe ninyo
live-sending = Ipinapadala…
live-staff = Kawani ng lungsod
live-staff-says = { $name }: { $text }
live-end = Tapusin ang chat
live-ended = Tapos na ang chat.
live-rating-legend = Kumusta po ang chat ninyo?
live-stars-1 = 1 bituin (hindi maganda)
live-stars-2 = 2 bituin
live-stars-3 = 3 bituin
live-stars-4 = 4 bituin
live-stars-5 = 5 bituin (napakahusay)
live-rating-comment = Komento (hindi kailangan)
live-rating-submit = Ipadala ang marka
live-rating-missing = Pumili po ng 1 hanggang 5 bituin.
live-rating-thanks = Salamat po sa inyong marka.
live-transcript-txt = I-download ang usapan (text)
live-transcript-html = I-download ang usapan (web page)
live-offline = Hindi puwedeng makipag-chat ang mga kawani ng lungsod ngayon.
live-next-open = Babalik sila sa { $day } nang { $time }.
live-next-open-today = Babalik sila ngayong araw nang { $time }.
live-leave-hint = Maaari po kayong mag-iwan ng mensahe, at sasagot ang mga kawani pagbalik nila.
live-leave = Mag-iwan ng mensahe
ticket-name = Ang pangalan ninyo (hindi kailangan)
ticket-contact = Email o telepono (hindi kailangan)
ticket-contact-hint = Para masagot namin kayo.
ticket-message = Ang mensahe ninyo
ticket-message-missing = Pakisulat po ang mensahe ninyo.
ticket-submit = Ipadala ang mensahe
ticket-thanks = Salamat po. Ang reference number ninyo ay { $reference }.

# Pag-report ng problema gamit ang may-gabay na form, isa-isang tanong.
report-loading = Binubuksan ang form…
report-step = Hakbang { $step } ng { $total }
report-required = (kailangan)
report-optional = (hindi kailangan)
report-next = Susunod
report-back = Bumalik
report-cancel = Kanselahin
report-cancelled = Kinansela ang report. Walang naipadala.
report-missing = Pakisagot po ang tanong na ito.
report-missing-choice = Pumili po ng sagot.
report-number = Maglagay po ng numero, halimbawa 3.
report-where = Saan po ito?
report-address = Address o pinakamalapit na interseksyon
report-address-hint = Halimbawa: 120 Main Street, o Main Street at 3rd Avenue.
report-locate = Gamitin ang aking lokasyon
report-locate-hint = Tatanungin kayo ng inyong browser kung ibabahagi ang inyong lokasyon. Gagamitin lang ito para sa report na ito.
report-locating = Hinahanap ang inyong lokasyon…
report-located = Nakita na ang inyong lokasyon (tumpak sa loob ng mga { $meters } m).
report-locate-failed = Hindi mahanap ang inyong lokasyon. Mag-type na lang po ng address.
report-where-missing = Mag-type po ng address o gamitin ang inyong lokasyon.
report-details = Magbigay ng iba pang detalye sa lungsod
report-description = Paglalarawan (hindi kailangan)
report-description-hint = Hanggang { $max } character. Huwag na pong isama ang mga personal na detalyeng ayaw ninyong ibahagi.
report-description-long = Masyado pong mahaba ang paglalarawan. Paikliin ito nang hanggang { $max } character.
report-photo = Link sa litrato (hindi kailangan)
report-photo-hint = Web address na nagsisimula sa https://
report-photo-invalid = Maglagay po ng web address na nagsisimula sa https://, o iwanan itong blangko.
report-contact = Paano kayo makokontak ng lungsod? (hindi kailangan)
report-contact-hint = Kung gusto lang po ninyo ng mga update. Masusubaybayan pa rin ninyo ang inyong report kahit wala nito.
report-first-name = Pangalan
report-last-name = Apelyido
report-email = Email
report-phone = Telepono
report-email-invalid = Pakisuri po ang email address, halimbawa name@example.com.
report-review = Suriin ang inyong report
report-where-label = Saan
report-my-location = Ang inyong lokasyon ({ $lat }, { $long })
report-not-given = Hindi ibinigay
report-change = Baguhin
report-change-label = Baguhin: { $what }
report-submit = Ipadala ang report
report-sending = Ipinapadala ang inyong report…
report-sent = Natanggap na po ang inyong report. Ang tracking number nito ay { $id }.
report-sent-pending = Natanggap na po ang inyong report. Bibigyan ito ng lungsod ng tracking number sa lalong madaling panahon.
report-track = Subaybayan ang inyong report
report-notice = Mensahe ng lungsod: { $notice }
report-failed = Hindi naipadala ang inyong report. Walang nawala sa inyong inilagay: subukang muli, tumawag sa { $phone }, o gamitin ang online na form ng lungsod.
report-form-link = Ang online na form ng lungsod

# Privacy notice
consent-accept = Sumasang-ayon ako
consent-accepted = Salamat. Pakipadala muli ang inyong tanong: nasa kahon pa rin ito sa ibaba.
consent-policy = Ang patakaran sa privacy ng lungsod

## Kiosk (a public screen)

kiosk-description = Magtanong tungkol sa mga serbisyo ng lungsod sa sarili ninyong salita. Pampublikong screen ito: kapag tapos na kayo, piliin ang “Burahin ang screen”.
kiosk-restart = Burahin ang screen
kiosk-warning = Nandiyan pa ba kayo? Mabubura ang screen na ito sa loob ng { $seconds } segundo.
kiosk-keep-going = Magpatuloy

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] Linggo
    [1] Lunes
    [2] Martes
    [3] Miyerkules
    [4] Huwebes
    [5] Biyernes
   *[6] Sabado
}
date-month = { $month ->
    [1] Enero
    [2] Pebrero
    [3] Marso
    [4] Abril
    [5] Mayo
    [6] Hunyo
    [7] Hulyo
    [8] Agosto
    [9] Setyembre
    [10] Oktubre
    [11] Nobyembre
   *[12] Disyembre
}
date-long = { $month } { $day }, { $year }
date-long-weekday = { $weekday }, { $month } { $day }, { $year }
