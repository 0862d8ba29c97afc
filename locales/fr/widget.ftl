# Widget Wayfinder : tous les textes de l'assistant de discussion (français).
# Mêmes identifiants que locales/en/widget.ftl.

## Bouton et boîte de dialogue

launcher-label = Demandez à la Ville
dialog-title = Demandez à la Ville
dialog-description = Posez vos questions sur les services municipaux avec vos propres mots. Appuyez sur la touche Échap (Esc) pour fermer.
close-button = Fermer
log-label = Conversation
greeting = Bonjour ! Posez-moi vos questions sur les services municipaux, comme la collecte des ordures, le paiement de la facture d'eau ou l'obtention d'un permis.
input-label = Votre question
send-button = Envoyer
status-searching = Recherche en cours…
status-retrying = L'assistant est momentanément indisponible. Nouvel essai dans quelques secondes…

## Conversation

sender-user = Vous avez dit :
sender-bot = Assistant de la Ville :
answer-source = Source :
answer-source-link = page officielle
answer-reviewed = Dernière révision :
answer-simpler = En termes plus simples
choices-label = Réponses possibles
actions-label = Étapes suivantes
new-tab = (s'ouvre dans un nouvel onglet)

## Avis

feedback-question = Cette réponse vous a-t-elle été utile ?
feedback-yes = Oui
feedback-no = Non
feedback-thanks = Merci de votre avis.
feedback-error = Désolé, votre avis n'a pas pu être envoyé. Veuillez réessayer.

## Erreurs

error-network = Je ne parviens pas à joindre l'assistant de la Ville pour le moment. Vérifiez votre connexion Internet, puis réessayez.
error-invalid_json = Un problème est survenu lors de l'envoi de votre question. Veuillez réessayer.
error-unsupported_media_type = Un problème est survenu lors de l'envoi de votre question. Veuillez réessayer.
error-payload_too_large = Votre question est trop longue. Raccourcissez-la, puis réessayez.
error-origin_not_allowed = L'assistant n'est pas encore configuré pour ce site Web. Veuillez contacter la Ville par un autre moyen.
error-unknown_site = L'assistant n'est pas configuré correctement. Veuillez contacter la Ville par un autre moyen.
error-empty_question = Veuillez d'abord saisir une question.
error-question_too_long = Votre question est trop longue. Elle ne doit pas dépasser 1000 caractères.
error-unknown_conversation = Cette conversation a expiré. Veuillez poser à nouveau votre question.
error-unknown_entry = Cette réponse n'est plus disponible. Veuillez poser à nouveau votre question.
error-invalid_field = Votre question n'a pas pu être traitée. Veuillez réessayer.
error-not_found = L'assistant de la Ville n'est pas disponible pour le moment. Veuillez réessayer plus tard.
error-method_not_allowed = L'assistant de la Ville n'est pas disponible pour le moment. Veuillez réessayer plus tard.
error-rate_limited = Vous envoyez des questions très rapidement. Veuillez patienter un instant, puis réessayer.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer dans un instant.
error-staff_unavailable = Personne à la Ville ne peut discuter pour le moment. Vous pouvez laisser un message.
error-unknown_chat = Cette discussion est introuvable. Elle est peut-être terminée. Vous pouvez de nouveau poser votre question à l'assistant.
error-chat_closed = Cette discussion est terminée : plus rien ne peut y être envoyé.
error-unknown_service = Ce service ne peut pas être demandé ici. Utilisez le site de la ville ou appelez.
error-unknown_request = Ce numéro de demande est introuvable. Vérifiez-le et réessayez.
error-upstream_failed = Le système de demandes de la ville ne répond pas pour le moment. Ce que vous avez saisi est conservé : réessayez dans un instant, ou utilisez le formulaire ou le téléphone de la ville.
error-consent_required = Veuillez lire et accepter l'avis de confidentialité avant de poser votre question. Il a changé depuis votre dernier accord, ou vous ne l'avez pas encore accepté.
error-storage_full = L'assistant de la ville ne peut rien enregistrer pour le moment : votre message n'a pas été envoyé. Réessayez plus tard, ou contactez la ville autrement.
error-storage_unavailable = L'assistant de la ville est momentanément indisponible : votre message n'a pas été envoyé. Réessayez dans un instant.

## Langue et paramètres

language-button = Langue :
language-list = Choisissez une langue
language-changed = L’assistant est maintenant en français.
prefs-button = Paramètres
help-page = Version texte seul de cet assistant
pref-larger-text = Texte plus grand
pref-high-contrast = Contraste élevé
pref-read-aloud = Lire les réponses à voix haute
voice-input = Dites votre question

## Discussion en direct avec le personnel de la Ville

talk-button = Parler à une personne
live-checking = Nous vérifions si quelqu'un de la Ville peut discuter…
live-disabled = La discussion en direct avec le personnel de la Ville n'est pas proposée ici. Veuillez contacter la Ville par téléphone ou sur son site web.
live-connecting = Mise en relation avec une personne…
live-queue-position = Vous êtes numéro { $position } dans la file d'attente.
live-queue-wait = Vous êtes numéro { $position } dans la file d'attente. Attente estimée : environ { $wait }.
live-minutes = { $minutes } minutes
live-joined = { $name } a rejoint la discussion.
live-joined-department = { $name } ({ $department }) a rejoint la discussion.
live-chatting = Vous discutez avec { $name }.
live-typing = { $name } est en train d'écrire…
live-transferred = Votre discussion a été transmise au service { $department }. Veuillez patienter jusqu'à la prochaine personne disponible.
live-reconnecting = Connexion perdue. Reconnexion en cours…
live-reconnected = Connexion rétablie.
live-input-label = Votre message
live-sending = Envoi en cours…
live-staff = Personnel de la Ville
live-staff-says = { $name } : { $text }
live-end = Terminer la discussion
live-ended = La discussion est terminée.
live-rating-legend = Comment s'est passée votre discussion ?
live-stars-1 = 1 étoile (mauvais)
live-stars-2 = 2 étoiles
live-stars-3 = 3 étoiles
live-stars-4 = 4 étoiles
live-stars-5 = 5 étoiles (excellent)
live-rating-comment = Commentaire (facultatif)
live-rating-submit = Envoyer la note
live-rating-missing = Veuillez choisir de 1 à 5 étoiles.
live-rating-thanks = Merci pour votre note.
live-transcript-txt = Télécharger la discussion (texte)
live-transcript-html = Télécharger la discussion (page web)
live-offline = Le personnel de la Ville n'est pas disponible pour discuter en ce moment.
live-next-open = Il sera de retour { $day } à { $time }.
live-next-open-today = Il sera de retour aujourd'hui à { $time }.
live-leave-hint = Vous pouvez laisser un message : le personnel vous répondra à son retour.
live-leave = Laisser un message
ticket-name = Votre nom (facultatif)
ticket-contact = Courriel ou téléphone (facultatif)
ticket-contact-hint = Pour que nous puissions vous répondre.
ticket-message = Votre message
ticket-message-missing = Veuillez écrire votre message.
ticket-submit = Envoyer le message
ticket-thanks = Merci. Votre numéro de référence est { $reference }.

# Signaler un problème avec le formulaire guidé, une question à la fois.
report-loading = Ouverture du formulaire…
report-step = Étape { $step } sur { $total }
report-required = (obligatoire)
report-optional = (facultatif)
report-next = Suivant
report-back = Retour
report-cancel = Annuler
report-cancelled = Le signalement a été annulé. Rien n'a été envoyé.
report-missing = Veuillez répondre à cette question.
report-missing-choice = Veuillez choisir une réponse.
report-number = Veuillez saisir un nombre, par exemple 3.
report-where = Où se trouve le problème ?
report-address = Adresse ou intersection la plus proche
report-address-hint = Par exemple : 120 Main Street, ou Main Street et 3rd Avenue.
report-locate = Utiliser ma position
report-locate-hint = Votre navigateur vous demandera si vous acceptez de partager votre position. Elle ne sert qu'à ce signalement.
report-locating = Recherche de votre position…
report-located = Votre position a été trouvée (précision d'environ { $meters } m).
report-locate-failed = Votre position n'a pas pu être trouvée. Veuillez plutôt saisir une adresse.
report-where-missing = Veuillez saisir une adresse ou utiliser votre position.
report-details = Dites-en plus à la Ville
report-description = Description (facultatif)
report-description-hint = { $max } caractères au maximum. Veuillez ne pas inclure de renseignements personnels que vous ne souhaitez pas communiquer.
report-description-long = La description est trop longue. Veuillez la raccourcir à { $max } caractères.
report-photo = Lien vers une photo (facultatif)
report-photo-hint = Une adresse web commençant par https://
report-photo-invalid = Veuillez saisir une adresse web commençant par https://, ou laisser ce champ vide.
report-contact = Comment la Ville peut-elle vous joindre ? (facultatif)
report-contact-hint = Seulement si vous souhaitez recevoir des nouvelles. Vous pouvez suivre votre signalement sans ces renseignements.
report-first-name = Prénom
report-last-name = Nom
report-email = Courriel
report-phone = Téléphone
report-email-invalid = Veuillez vérifier l'adresse courriel, par exemple nom@example.com.
report-review = Vérifiez votre signalement
report-where-label = Lieu
report-my-location = Votre position ({ $lat }, { $long })
report-not-given = Non indiqué
report-change = Modifier
report-change-label = Modifier : { $what }
report-submit = Envoyer le signalement
report-sending = Envoi de votre signalement…
report-sent = Votre signalement a bien été reçu. Son numéro de suivi est { $id }.
report-sent-pending = Votre signalement a bien été reçu. La Ville lui attribuera un numéro de suivi sous peu.
report-track = Suivre votre signalement
report-notice = Message de la Ville : { $notice }
report-failed = Votre signalement n'a pas pu être envoyé. Rien de ce que vous avez saisi n'est perdu : réessayez, appelez le { $phone } ou utilisez le formulaire en ligne de la Ville.
report-form-link = Le formulaire en ligne de la Ville

# Privacy notice
consent-accept = J'accepte
consent-accepted = Merci. Veuillez envoyer à nouveau votre question : elle est toujours dans la zone ci-dessous.
consent-policy = La politique de confidentialité de la ville

## Kiosk (a public screen)

kiosk-description = Posez vos questions sur les services de la ville avec vos propres mots. Cet écran est public : quand vous avez terminé, choisissez « Effacer l'écran ».
kiosk-restart = Effacer l'écran
kiosk-warning = Êtes-vous toujours là ? Cet écran sera effacé dans { $seconds } secondes.
kiosk-keep-going = Continuer

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] dimanche
    [1] lundi
    [2] mardi
    [3] mercredi
    [4] jeudi
    [5] vendredi
   *[6] samedi
}
date-month = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}
date-long = { $day } { $month } { $year }
date-long-weekday = { $weekday } { $day } { $month } { $year }
