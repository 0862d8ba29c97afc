# Widget Wayfinder: todos os textos do assistente de chat (português).
# Mesmos identificadores de locales/en/widget.ftl.

## Botão e janela

launcher-label = Pergunte à Prefeitura
dialog-title = Pergunte à Prefeitura
dialog-description = Pergunte sobre os serviços municipais com suas próprias palavras. Pressione a tecla Escape para fechar.
close-button = Fechar
log-label = Conversa
greeting = Olá! Faça perguntas sobre os serviços municipais, como coleta de lixo, pagamento da conta de água ou como obter uma licença.
input-label = Sua pergunta
send-button = Enviar
status-searching = Buscando…

## Conversa

sender-user = Você disse:
sender-bot = Assistente da Prefeitura:
answer-source = Fonte:
answer-source-link = página oficial
answer-reviewed = Última revisão:
answer-simpler = Em palavras mais simples
choices-label = Respostas possíveis
actions-label = Próximos passos
new-tab = (abre em uma nova aba)

## Opinião

feedback-question = Isso foi útil?
feedback-yes = Sim
feedback-no = Não
feedback-thanks = Agradecemos sua opinião.
feedback-error = Desculpe, não foi possível enviar sua opinião. Tente novamente.

## Erros

error-network = Não consigo me conectar ao assistente da Prefeitura agora. Verifique sua conexão com a internet e tente novamente.
error-invalid_json = Ocorreu um erro ao enviar sua pergunta. Tente novamente.
error-unsupported_media_type = Ocorreu um erro ao enviar sua pergunta. Tente novamente.
error-payload_too_large = Sua pergunta é longa demais. Encurte-a e tente novamente.
error-origin_not_allowed = O assistente ainda não está configurado para este site. Entre em contato com a Prefeitura de outra forma.
error-unknown_site = O assistente não está configurado corretamente. Entre em contato com a Prefeitura de outra forma.
error-empty_question = Digite uma pergunta primeiro.
error-question_too_long = Sua pergunta é longa demais. Use no máximo 1000 caracteres.
error-unknown_conversation = Esta conversa expirou. Faça sua pergunta novamente.
error-unknown_entry = Essa resposta não está mais disponível. Faça sua pergunta novamente.
error-invalid_field = Não foi possível processar sua pergunta. Tente novamente.
error-not_found = O assistente da Prefeitura não está disponível no momento. Tente novamente mais tarde.
error-method_not_allowed = O assistente da Prefeitura não está disponível no momento. Tente novamente mais tarde.
error-rate_limited = Você está enviando perguntas muito rápido. Aguarde um momento e tente novamente.
error-internal = Ocorreu um erro do nosso lado. Tente novamente em instantes.
error-staff_unavailable = Ninguém da Prefeitura pode conversar agora. Você pode deixar uma mensagem.
error-unknown_chat = Não foi possível encontrar esta conversa. Talvez ela já tenha terminado. Você pode perguntar ao assistente de novo.
error-chat_closed = Esta conversa terminou, então não é possível enviar mais nada.
error-unknown_service = Este serviço não pode ser solicitado aqui. Use o site da cidade ou ligue.
error-unknown_request = Esse número de solicitação não foi encontrado. Confira e tente de novo.
error-upstream_failed = O sistema de solicitações da cidade não está respondendo agora. O que você digitou foi mantido: tente de novo em instantes, ou use o formulário ou o telefone da cidade.

## Idioma e configurações

language-button = Idioma:
language-list = Escolha um idioma
language-changed = O assistente agora está em português.
prefs-button = Configurações
help-page = Versão só de texto deste assistente
pref-larger-text = Texto maior
pref-high-contrast = Alto contraste
pref-read-aloud = Ler as respostas em voz alta
voice-input = Diga sua pergunta

## Conversa ao vivo com a equipe da Prefeitura

talk-button = Falar com uma pessoa
live-checking = Verificando se alguém da Prefeitura pode conversar…
live-disabled = A conversa ao vivo com a equipe da Prefeitura não está disponível aqui. Entre em contato com a Prefeitura por telefone ou pelo site.
live-connecting = Conectando você a uma pessoa…
live-queue-position = Você é o número { $position } na fila.
live-queue-wait = Você é o número { $position } na fila. Espera estimada: cerca de { $wait }.
live-minutes = { $minutes } minutos
live-joined = { $name } entrou na conversa.
live-joined-department = { $name }, de { $department }, entrou na conversa.
live-chatting = Você está conversando com { $name }.
live-typing = { $name } está digitando…
live-transferred = Sua conversa foi passada para { $department }. Aguarde a próxima pessoa.
live-reconnecting = A conexão caiu. Reconectando…
live-reconnected = Conectado novamente.
live-input-label = Sua mensagem
live-sending = Enviando…
live-staff = Equipe da Prefeitura
live-staff-says = { $name }: { $text }
live-end = Encerrar conversa
live-ended = A conversa terminou.
live-rating-legend = Como foi a sua conversa?
live-stars-1 = 1 estrela (ruim)
live-stars-2 = 2 estrelas
live-stars-3 = 3 estrelas
live-stars-4 = 4 estrelas
live-stars-5 = 5 estrelas (excelente)
live-rating-comment = Comentário (opcional)
live-rating-submit = Enviar avaliação
live-rating-missing = Escolha de 1 a 5 estrelas.
live-rating-thanks = Obrigado pela sua avaliação.
live-transcript-txt = Baixar a conversa (texto)
live-transcript-html = Baixar a conversa (página da web)
live-offline = A equipe da Prefeitura não está disponível para conversar agora.
live-next-open = Próximo atendimento: { $day }, às { $time }.
live-next-open-today = Próximo atendimento: hoje, às { $time }.
live-leave-hint = Você pode deixar uma mensagem, e a equipe responderá quando voltar.
live-leave = Deixar uma mensagem
ticket-name = Seu nome (opcional)
ticket-contact = E-mail ou telefone (opcional)
ticket-contact-hint = Para que possamos responder.
ticket-message = Sua mensagem
ticket-message-missing = Escreva sua mensagem.
ticket-submit = Enviar mensagem
ticket-thanks = Obrigado. O número de referência é { $reference }.
