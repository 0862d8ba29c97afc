# Wayfinder widget: todos los textos del asistente de chat (español).
# Mismos identificadores que locales/en/widget.ftl.

## Botón y diálogo

launcher-label = Pregunte a la ciudad
dialog-title = Pregunte a la ciudad
dialog-description = Pregunte sobre los servicios de la ciudad con sus propias palabras. Pulse Escape para cerrar.
close-button = Cerrar
log-label = Conversación
greeting = ¡Hola! Pregúnteme sobre los servicios de la ciudad, como la recolección de basura, el pago de la factura del agua o cómo obtener un permiso.
input-label = Su pregunta
send-button = Enviar
status-searching = Buscando…
status-retrying = El asistente no está disponible por un momento. Se volverá a intentar en unos segundos…

## Conversación

sender-user = Usted dijo:
sender-bot = Asistente de la ciudad:
answer-source = Fuente:
answer-source-link = página oficial
answer-reviewed = Última revisión:
answer-simpler = En palabras más sencillas
choices-label = Posibles respuestas
actions-label = Próximos pasos
new-tab = (se abre en una pestaña nueva)

## Opinión

feedback-question = ¿Le resultó útil?
feedback-yes = Sí
feedback-no = No
feedback-thanks = Gracias por su opinión.
feedback-error = No se pudo enviar su opinión. Inténtelo de nuevo.

## Errores

error-network = No puedo comunicarme con el asistente de la ciudad en este momento. Compruebe su conexión a internet e inténtelo de nuevo.
error-invalid_json = Algo salió mal al enviar su pregunta. Inténtelo de nuevo.
error-unsupported_media_type = Algo salió mal al enviar su pregunta. Inténtelo de nuevo.
error-payload_too_large = Su pregunta es demasiado larga. Acórtela e inténtelo de nuevo.
error-origin_not_allowed = El asistente todavía no está configurado para este sitio web. Comuníquese con la ciudad por otro medio.
error-unknown_site = El asistente no está configurado correctamente. Comuníquese con la ciudad por otro medio.
error-empty_question = Primero escriba una pregunta.
error-question_too_long = Su pregunta es demasiado larga. Use menos de 1000 caracteres.
error-unknown_conversation = Esta conversación ha caducado. Vuelva a hacer su pregunta.
error-unknown_entry = Esa respuesta ya no está disponible. Vuelva a hacer su pregunta.
error-invalid_field = No se pudo procesar su pregunta. Inténtelo de nuevo.
error-not_found = El asistente de la ciudad no está disponible en este momento. Inténtelo más tarde.
error-method_not_allowed = El asistente de la ciudad no está disponible en este momento. Inténtelo más tarde.
error-rate_limited = Está enviando preguntas muy rápido. Espere un momento e inténtelo de nuevo.
error-internal = Algo falló de nuestro lado. Inténtelo de nuevo en un momento.
error-staff_unavailable = En este momento nadie de la ciudad puede chatear. Puede dejar un mensaje.
error-unknown_chat = No se encontró este chat. Es posible que haya terminado. Puede volver a preguntarle al asistente.
error-chat_closed = Este chat ha terminado, así que ya no se puede enviar nada.
error-unknown_service = Este servicio no se puede solicitar aquí. Use el sitio web de la ciudad o llame.
error-unknown_request = No se encontró ese número de solicitud. Verifíquelo e inténtelo de nuevo.
error-upstream_failed = El sistema de solicitudes de la ciudad no responde en este momento. Lo que escribió se conserva: inténtelo de nuevo en un momento, o use el formulario o el teléfono de la ciudad.
error-consent_required = Lea y acepte el aviso de privacidad antes de preguntar. Ha cambiado desde que lo aceptó o todavía no lo ha aceptado.
error-storage_full = El asistente de la ciudad no puede guardar nada en este momento, así que su mensaje no se envió. Inténtelo de nuevo más tarde o comuníquese con la ciudad de otra manera.
error-storage_unavailable = El asistente de la ciudad no está disponible por un momento, así que su mensaje no se envió. Inténtelo de nuevo en un momento.

## Idioma y ajustes

language-button = Idioma:
language-list = Elija un idioma
language-changed = El asistente ahora está en español.
prefs-button = Ajustes
help-page = Versión solo texto de este asistente
pref-larger-text = Texto más grande
pref-high-contrast = Alto contraste
pref-read-aloud = Leer las respuestas en voz alta
voice-input = Diga su pregunta

## Chat en vivo con el personal de la ciudad

talk-button = Hablar con una persona
live-checking = Comprobando si alguien de la ciudad puede chatear…
live-disabled = El chat en vivo con el personal de la ciudad no está disponible aquí. Comuníquese con la ciudad por teléfono o a través de su sitio web.
live-connecting = Conectándole con una persona…
live-queue-position = Usted es el número { $position } en la fila.
live-queue-wait = Usted es el número { $position } en la fila. Tiempo de espera estimado: unos { $wait }.
live-minutes = { $minutes } minutos
live-joined = { $name } se unió al chat.
live-joined-department = { $name }, de { $department }, se unió al chat.
live-chatting = Está chateando con { $name }.
live-typing = { $name } está escribiendo…
live-transferred = Su chat se pasó a { $department }. Espere a la siguiente persona.
live-reconnecting = Se perdió la conexión. Reconectando…
live-reconnected = Conectado de nuevo.
live-input-label = Su mensaje
live-sending = Enviando…
live-staff = Personal de la ciudad
live-staff-says = { $name }: { $text }
live-end = Terminar el chat
live-ended = El chat ha terminado.
live-rating-legend = ¿Qué tal fue su chat?
live-stars-1 = 1 estrella (malo)
live-stars-2 = 2 estrellas
live-stars-3 = 3 estrellas
live-stars-4 = 4 estrellas
live-stars-5 = 5 estrellas (excelente)
live-rating-comment = Comentario (opcional)
live-rating-submit = Enviar calificación
live-rating-missing = Elija de 1 a 5 estrellas.
live-rating-thanks = Gracias por su calificación.
live-transcript-txt = Descargar la conversación (texto)
live-transcript-html = Descargar la conversación (página web)
live-offline = En este momento el personal de la ciudad no está disponible para chatear.
live-next-open = Volverán el { $day } a las { $time }.
live-next-open-today = Volverán hoy a las { $time }.
live-leave-hint = Puede dejar un mensaje y el personal le responderá cuando vuelva.
live-leave = Dejar un mensaje
ticket-name = Su nombre (opcional)
ticket-contact = Correo electrónico o teléfono (opcional)
ticket-contact-hint = Para que podamos responderle.
ticket-message = Su mensaje
ticket-message-missing = Escriba su mensaje.
ticket-submit = Enviar mensaje
ticket-thanks = Gracias. Su número de referencia es { $reference }.

# Reportar un problema con el formulario guiado, una pregunta a la vez.
report-loading = Abriendo el formulario…
report-step = Paso { $step } de { $total }
report-required = (obligatorio)
report-optional = (opcional)
report-next = Siguiente
report-back = Atrás
report-cancel = Cancelar
report-cancelled = Se canceló el reporte. No se envió nada.
report-missing = Por favor, responda esta pregunta.
report-missing-choice = Por favor, elija una respuesta.
report-number = Por favor, escriba un número, por ejemplo 3.
report-where = ¿Dónde está?
report-address = Dirección o cruce de calles más cercano
report-address-hint = Por ejemplo: 120 Main Street, o Main Street y 3rd Avenue.
report-locate = Usar mi ubicación
report-locate-hint = Su navegador le preguntará si quiere compartir su ubicación. Solo se usa para este reporte.
report-locating = Buscando su ubicación…
report-located = Se encontró su ubicación (con una precisión de unos { $meters } m).
report-locate-failed = No se pudo encontrar su ubicación. Por favor, escriba una dirección.
report-where-missing = Por favor, escriba una dirección o use su ubicación.
report-details = Cuéntele más a la ciudad
report-description = Descripción (opcional)
report-description-hint = Hasta { $max } caracteres. Por favor, no incluya datos personales que no quiera compartir.
report-description-long = La descripción es demasiado larga. Por favor, acórtela a { $max } caracteres.
report-photo = Enlace a una foto (opcional)
report-photo-hint = Una dirección web que empiece con https://
report-photo-invalid = Por favor, escriba una dirección web que empiece con https://, o déjelo vacío.
report-contact = ¿Cómo puede contactarle la ciudad? (opcional)
report-contact-hint = Solo si quiere recibir noticias. Puede seguir su reporte sin dar sus datos.
report-first-name = Nombre
report-last-name = Apellido
report-email = Correo electrónico
report-phone = Teléfono
report-email-invalid = Por favor, revise el correo electrónico, por ejemplo nombre@ejemplo.com.
report-review = Revise su reporte
report-where-label = Dónde
report-my-location = Su ubicación ({ $lat }, { $long })
report-not-given = No indicado
report-change = Cambiar
report-change-label = Cambiar: { $what }
report-submit = Enviar reporte
report-sending = Enviando su reporte…
report-sent = Recibimos su reporte. Su número de seguimiento es { $id }.
report-sent-pending = Recibimos su reporte. La ciudad le dará un número de seguimiento en breve.
report-track = Seguir su reporte
report-notice = La ciudad indica: { $notice }
report-failed = No se pudo enviar su reporte. No se perdió nada de lo que escribió: inténtelo de nuevo, llame al { $phone } o use el formulario en línea de la ciudad.
report-form-link = El formulario en línea de la ciudad

# Privacy notice
consent-accept = Acepto
consent-accepted = Gracias. Por favor, envíe su pregunta de nuevo: sigue en el cuadro de abajo.
consent-policy = La política de privacidad de la ciudad

## Kiosk (a public screen)

kiosk-description = Pregunte sobre los servicios de la ciudad con sus propias palabras. Esta es una pantalla pública: cuando termine, elija «Borrar la pantalla».
kiosk-restart = Borrar la pantalla
kiosk-warning = ¿Sigue ahí? Esta pantalla se borrará en { $seconds } segundos.
kiosk-keep-going = Continuar

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] domingo
    [1] lunes
    [2] martes
    [3] miércoles
    [4] jueves
    [5] viernes
   *[6] sábado
}
date-month = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
}
date-long = { $day } de { $month } de { $year }
date-long-weekday = { $weekday }, { $day } de { $month } de { $year }
