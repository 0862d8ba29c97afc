# Las palabras del asistente en sus respuestas a los residentes (lado del servidor).

bot-answer = Esto es lo que encontré.
bot-answer-untranslated = Esto es lo que encontré. Esta respuesta todavía no está disponible en español, así que se muestra en su idioma original.
bot-choices = Encontré algunas respuestas que podrían servirle. ¿Cuál busca? Si ninguna le sirve, el personal de { $site } puede ayudarle.
bot-handoff = Lo siento, no tengo una buena respuesta para eso. El personal de { $site } puede ayudarle.
bot-need-more = ¿Podría contarme un poco más sobre lo que busca?

action-form = Llenar el formulario en línea
action-report = Reportarlo aquí, una pregunta a la vez
action-contact = Comunicarse con { $site }
action-chat = Hablar con una persona
action-call = Llamar al { $phone }

transcript-title = Su conversación con { $site }
transcript-you = Usted
transcript-assistant = Asistente
transcript-joined = { $name } se unió al chat.
transcript-joined-department = { $name } de { $department } se unió al chat.
transcript-transferred = El chat se pasó a { $department }.
transcript-closed = El chat terminó.

status-title = Solicitud { $id }
status-state = Estado
status-open = Abierta: la ciudad está trabajando en ella.
status-closed = Cerrada: la ciudad terminó esta solicitud.
status-service = Servicio
status-agency = A cargo de
status-address = Ubicación
status-reported = Reportada
status-updated = Última actualización
status-expected = Fecha prevista
status-notes = Notas de la ciudad
status-found = Esto es lo más reciente sobre la solicitud { $id }.
status-unknown = No encontré la solicitud { $id }. Verifique el número o comuníquese con { $site }.
status-unavailable = No puedo comunicarme con el sistema de solicitudes de { $site } en este momento. Inténtelo más tarde o comuníquese con { $site }.
status-pending-title = Solicitud recibida
status-pending = Recibimos su solicitud. Todavía no tiene número de seguimiento: vuelva a cargar esta página en unos minutos.
action-track = Seguir esta solicitud

help-title = Pregunte a { $site }
help-intro = Pregunte sobre los servicios de la ciudad con sus propias palabras. Esta página funciona sin JavaScript.
help-label = Su pregunta
help-submit = Preguntar
help-reply = Respuesta
help-source = Página oficial
help-reviewed = Revisado por última vez el { $date }
help-choices = ¿Cuál de estas busca?
help-next-steps = Próximos pasos

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = Cómo tratamos sus preguntas
privacy-notice = { $site } ofrece este asistente. Para responderle y mejorar sus respuestas, guarda lo que usted escribe aquí. Antes de guardar nada, se quitan los correos electrónicos, los números de teléfono y datos parecidos. Sus preguntas se borran después de { $days } { $days_plural ->
        [one] día
       *[other] días
    }.
privacy-notice-chats = Si chatea con una persona del personal, el chat se guarda { $chat_days } { $chat_days_plural ->
        [one] día
       *[other] días
    }. Un mensaje que deje para el personal se guarda { $ticket_days } { $ticket_days_plural ->
        [one] día
       *[other] días
    }.
privacy-notice-rights = No escriba información privada, como números de tarjeta o datos de salud. Puede pedir a { $site } una copia de su conversación, o pedir que se borre.
