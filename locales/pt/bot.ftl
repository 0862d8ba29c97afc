# As palavras do assistente nas respostas aos moradores (lado do servidor, português).

bot-answer = Aqui está o que encontrei.
bot-answer-untranslated = Aqui está o que encontrei. Esta resposta ainda não está disponível em português, por isso é exibida no idioma original.
bot-choices = Encontrei algumas respostas que podem servir. Qual delas você procura?
bot-handoff = Sinto muito, não tenho uma boa resposta para isso. A equipe de { $site } pode ajudar você.
bot-need-more = Você poderia me contar um pouco mais sobre o que está procurando?

action-form = Preencher o formulário on-line
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
