# Ang mga salita ng assistant sa mga sagot nito sa mga residente (server, Tagalog).

bot-answer = Ito po ang aking nahanap.
bot-answer-untranslated = Ito po ang aking nahanap. Wala pa pong bersyong Tagalog ang sagot na ito, kaya ipinapakita ito sa orihinal na wika nito.
bot-choices = May nahanap po akong ilang sagot na maaaring tumugma. Alin po ang ibig ninyong sabihin? Kung wala po rito ang hinahanap ninyo, matutulungan kayo ng mga kawani ng { $site }.
bot-handoff = Paumanhin po, wala akong magandang sagot diyan. Matutulungan kayo ng mga kawani ng { $site }.
bot-need-more = Maaari po ba kayong magbigay ng kaunti pang detalye tungkol sa inyong hinahanap?

action-form = Sagutan ang online na form
action-report = I-report dito, isa-isang tanong
action-contact = Makipag-ugnayan sa { $site }
action-chat = Makipag-usap sa isang tao
action-call = Tumawag sa { $phone }

transcript-title = Ang pag-uusap ninyo ng { $site }
transcript-you = Kayo
transcript-assistant = Assistant
transcript-joined = Sumali sa chat si { $name }.
transcript-joined-department = Sumali sa chat si { $name } mula sa { $department }.
transcript-transferred = Ipinasa ang chat sa { $department }.
transcript-closed = Natapos na ang chat.

status-title = Kahilingan { $id }
status-state = Katayuan
status-open = Bukas: inaasikaso ito ng lungsod.
status-closed = Sarado: natapos na ng lungsod ang kahilingang ito.
status-service = Serbisyo
status-agency = Humahawak
status-address = Lokasyon
status-reported = Iniulat noong
status-updated = Huling update
status-expected = Inaasahang matapos
status-notes = Mga tala ng lungsod
status-found = Narito ang pinakabago tungkol sa kahilingan { $id }.
status-unknown = Hindi ko makita ang kahilingan { $id }. Pakisuri ang numero, o makipag-ugnayan sa { $site }.
status-unavailable = Hindi ko maabot ang sistema ng mga kahilingan ng { $site } ngayon. Pakisubukan muli mamaya, o makipag-ugnayan sa { $site }.
status-pending-title = Natanggap ang kahilingan
status-pending = Natanggap ang inyong kahilingan. Wala pa itong tracking number: i-reload ang pahinang ito pagkalipas ng ilang minuto.
action-track = Subaybayan ang kahilingang ito

help-title = Magtanong sa { $site }
help-intro = Magtanong tungkol sa mga serbisyo ng lungsod sa sarili ninyong salita. Gumagana ang pahinang ito kahit walang JavaScript.
help-label = Ang tanong ninyo
help-submit = Magtanong
help-reply = Sagot
help-source = Opisyal na pahina
help-reviewed = Huling sinuri noong { $date }
help-choices = Alin sa mga ito ang ibig ninyong sabihin?
help-next-steps = Mga susunod na hakbang

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = Paano namin inaalagaan ang inyong mga tanong
privacy-notice = Ang { $site } ang nagpapatakbo ng assistant na ito. Para masagot kayo at mapahusay ang mga sagot nito, sine-save nito ang isinusulat ninyo rito. Inaalis muna ang mga email address, numero ng telepono at katulad na detalye bago mag-save. Binubura ang inyong mga tanong pagkalipas ng { $days } { $days_plural ->
       *[other] araw
    }.
privacy-notice-chats = Kung makikipag-chat kayo sa isang kawani, itinatago ang chat nang { $chat_days } { $chat_days_plural ->
       *[other] araw
    }. Ang mensaheng iiwan ninyo para sa mga kawani ay itinatago nang { $ticket_days } { $ticket_days_plural ->
       *[other] araw
    }.
privacy-notice-rights = Huwag isulat ang pribadong impormasyon, gaya ng numero ng card o detalye tungkol sa kalusugan. Maaari kayong humingi sa { $site } ng kopya ng inyong usapan, o hilinging burahin ito.
