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

## Langue et paramètres

language-button = Langue :
language-list = Choisissez une langue
language-changed = L’assistant est maintenant en français.
prefs-button = Paramètres
pref-larger-text = Texte plus grand
pref-high-contrast = Contraste élevé
pref-read-aloud = Lire les réponses à voix haute
voice-input = Dites votre question
