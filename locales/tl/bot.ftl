# Ang mga salita ng assistant sa mga sagot nito sa mga residente (server, Tagalog).

bot-answer = Ito po ang aking nahanap.
bot-answer-untranslated = Ito po ang aking nahanap. Wala pa pong bersyong Tagalog ang sagot na ito, kaya ipinapakita ito sa orihinal na wika nito.
bot-choices = May nahanap po akong ilang sagot na maaaring tumugma. Alin po ang ibig ninyong sabihin?
bot-handoff = Paumanhin po, wala akong magandang sagot diyan. Matutulungan kayo ng mga kawani ng { $site }.
bot-need-more = Maaari po ba kayong magbigay ng kaunti pang detalye tungkol sa inyong hinahanap?

action-form = Sagutan ang online na form
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
