# As palavras do assistente nas respostas aos moradores (lado do servidor, português).

bot-answer = Aqui está o que encontrei.
bot-answer-untranslated = Aqui está o que encontrei. Esta resposta ainda não está disponível em português, por isso é exibida no idioma original.
bot-choices = Encontrei algumas respostas que podem servir. Qual delas você procura? Se nenhuma servir, a equipe de { $site } pode ajudar você.
bot-handoff = Sinto muito, não tenho uma boa resposta para isso. A equipe de { $site } pode ajudar você.
bot-need-more = Você poderia me contar um pouco mais sobre o que está procurando?

action-form = Preencher o formulário on-line
action-report = Fazer a solicitação aqui, uma pergunta por vez
action-contact = Entrar em contato com { $site }
action-chat = Falar com uma pessoa
action-call = Ligar para { $phone }

transcript-title = Sua conversa com { $site }
transcript-you = Você
transcript-assistant = Assistente
transcript-joined = { $name } entrou no chat.
transcript-joined-department = { $name }, de { $department }, entrou no chat.
transcript-transferred = O chat foi transferido para { $department }.
transcript-closed = O chat terminou.

status-title = Solicitação { $id }
status-state = Situação
status-open = Aberta: a cidade está cuidando dela.
status-closed = Fechada: a cidade concluiu esta solicitação.
status-service = Serviço
status-agency = Responsável
status-address = Local
status-reported = Registrada em
status-updated = Última atualização
status-expected = Previsão
status-notes = Observações da cidade
status-found = Estas são as informações mais recentes da solicitação { $id }.
status-unknown = Não encontrei a solicitação { $id }. Confira o número ou entre em contato com { $site }.
status-unavailable = Não consigo acessar o sistema de solicitações de { $site } agora. Tente mais tarde ou entre em contato com { $site }.
status-pending-title = Solicitação recebida
status-pending = Recebemos sua solicitação. O número de acompanhamento ainda não foi atribuído: recarregue esta página em alguns minutos.
action-track = Acompanhar esta solicitação

help-title = Pergunte a { $site }
help-intro = Pergunte sobre os serviços da cidade com suas próprias palavras. Esta página funciona sem JavaScript.
help-label = Sua pergunta
help-submit = Perguntar
help-reply = Resposta
help-source = Página oficial
help-reviewed = Revisado pela última vez em { $date }
help-choices = Qual destas você procura?
help-next-steps = Próximos passos

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = Como tratamos suas perguntas
privacy-notice = Este assistente é oferecido por { $site }. Para responder e melhorar as respostas, ele guarda o que você escreve aqui. E-mails, números de telefone e dados parecidos são removidos antes de qualquer coisa ser guardada. Suas perguntas são apagadas depois de { $days } { $days_plural ->
        [one] dia
       *[other] dias
    }.
privacy-notice-chats = Se você conversar com um atendente, a conversa fica guardada por { $chat_days } { $chat_days_plural ->
        [one] dia
       *[other] dias
    }. Uma mensagem deixada para os atendentes fica guardada por { $ticket_days } { $ticket_days_plural ->
        [one] dia
       *[other] dias
    }.
privacy-notice-rights = Não escreva informações pessoais, como número de cartão ou dados de saúde. Você pode pedir a { $site } uma cópia da sua conversa, ou pedir que ela seja apagada.
