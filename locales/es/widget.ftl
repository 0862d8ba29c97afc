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

## Idioma y ajustes

language-button = Idioma:
language-list = Elija un idioma
language-changed = El asistente ahora está en español.
prefs-button = Ajustes
pref-larger-text = Texto más grande
pref-high-contrast = Alto contraste
pref-read-aloud = Leer las respuestas en voz alta
voice-input = Diga su pregunta
