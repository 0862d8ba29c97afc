# Las palabras del asistente en sus respuestas a los residentes (lado del servidor).

bot-answer = Esto es lo que encontré.
bot-answer-untranslated = Esto es lo que encontré. Esta respuesta todavía no está disponible en español, así que se muestra en su idioma original.
bot-choices = Encontré algunas respuestas que podrían servirle. ¿Cuál busca?
bot-handoff = Lo siento, no tengo una buena respuesta para eso. El personal de { $site } puede ayudarle.
bot-need-more = ¿Podría contarme un poco más sobre lo que busca?

action-form = Llenar el formulario en línea
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
