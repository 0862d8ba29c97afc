# Les mots de l'assistant dans ses réponses aux résidents (côté serveur, français).

bot-answer = Voici ce que j'ai trouvé.
bot-answer-untranslated = Voici ce que j'ai trouvé. Cette réponse n'est pas encore disponible en français ; elle s'affiche donc dans sa langue d'origine.
bot-choices = J'ai trouvé quelques réponses qui pourraient correspondre. Laquelle cherchez-vous ? Si aucune ne convient, le personnel de { $site } peut vous aider.
bot-handoff = Désolé, je n'ai pas de bonne réponse à cette question. Le personnel de { $site } peut vous aider.
bot-need-more = Pourriez-vous m'en dire un peu plus sur ce que vous cherchez ?

action-form = Remplir le formulaire en ligne
action-report = Le signaler ici, une question à la fois
action-contact = Contacter { $site }
action-chat = Parler à une personne
action-call = Appeler le { $phone }

transcript-title = Votre conversation avec { $site }
transcript-you = Vous
transcript-assistant = Assistant
transcript-joined = { $name } a rejoint la conversation.
transcript-joined-department = { $name } ({ $department }) a rejoint la conversation.
transcript-transferred = La conversation a été transmise à { $department }.
transcript-closed = La conversation est terminée.

status-title = Demande { $id }
status-state = État
status-open = Ouverte : la ville s’en occupe.
status-closed = Fermée : la ville a terminé cette demande.
status-service = Service
status-agency = Pris en charge par
status-address = Lieu
status-reported = Signalée le
status-updated = Dernière mise à jour
status-expected = Prévue pour le
status-notes = Notes de la ville
status-found = Voici les dernières nouvelles de la demande { $id }.
status-unknown = Je n’ai pas trouvé la demande { $id }. Vérifiez le numéro ou contactez { $site }.
status-unavailable = Je ne peux pas joindre le système de demandes de { $site } pour le moment. Réessayez plus tard ou contactez { $site }.
status-pending-title = Demande reçue
status-pending = Votre demande a été reçue. Son numéro de suivi n’est pas encore attribué : rechargez cette page dans quelques minutes.
action-track = Suivre cette demande

help-title = Posez votre question à { $site }
help-intro = Posez vos questions sur les services de la ville avec vos propres mots. Cette page fonctionne sans JavaScript.
help-label = Votre question
help-submit = Demander
help-reply = Réponse
help-source = Page officielle
help-reviewed = Dernière vérification le { $date }
help-choices = Laquelle de ces questions est la vôtre ?
help-next-steps = Étapes suivantes

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = Ce que nous faisons de vos questions
privacy-notice = Cet assistant est proposé par { $site }. Pour vous répondre et améliorer ses réponses, il enregistre ce que vous écrivez ici. Les adresses e-mail, les numéros de téléphone et les données semblables sont retirés avant tout enregistrement. Vos questions sont effacées au bout de { $days } { $days_plural ->
        [one] jour
       *[other] jours
    }.
privacy-notice-chats = Si vous discutez avec un agent, la discussion est conservée { $chat_days } { $chat_days_plural ->
        [one] jour
       *[other] jours
    }. Un message laissé aux agents est conservé { $ticket_days } { $ticket_days_plural ->
        [one] jour
       *[other] jours
    }.
privacy-notice-rights = N'écrivez pas d'informations privées, comme un numéro de carte ou des données de santé. Vous pouvez demander à { $site } une copie de votre conversation, ou demander qu'elle soit effacée.
