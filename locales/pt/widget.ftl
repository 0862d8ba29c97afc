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
status-retrying = O assistente está indisponível por um momento. Tentando de novo em alguns segundos…

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
error-consent_required = Leia e aceite o aviso de privacidade antes de perguntar. Ele mudou desde que você o aceitou, ou você ainda não o aceitou.
error-storage_full = O assistente da cidade não consegue salvar nada agora, então sua mensagem não foi enviada. Tente de novo mais tarde, ou entre em contato com a cidade de outra forma.
error-storage_unavailable = O assistente da cidade está indisponível por um momento, então sua mensagem não foi enviada. Tente de novo em instantes.

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

# Comunicar um problema pelo formulário guiado, uma pergunta por vez.
report-loading = Abrindo o formulário…
report-step = Etapa { $step } de { $total }
report-required = (obrigatório)
report-optional = (opcional)
report-next = Próximo
report-back = Voltar
report-cancel = Cancelar
report-cancelled = A solicitação foi cancelada. Nada foi enviado.
report-missing = Responda a esta pergunta.
report-missing-choice = Escolha uma resposta.
report-number = Digite um número, por exemplo 3.
report-where = Onde fica?
report-address = Endereço ou cruzamento mais próximo
report-address-hint = Por exemplo: 120 Main Street, ou Main Street com 3rd Avenue.
report-locate = Usar minha localização
report-locate-hint = Seu navegador vai perguntar se você quer compartilhar sua localização. Ela será usada só para esta solicitação.
report-locating = Buscando sua localização…
report-located = Sua localização foi encontrada (com precisão de cerca de { $meters } m).
report-locate-failed = Não foi possível encontrar sua localização. Em vez disso, digite um endereço.
report-where-missing = Digite um endereço ou use sua localização.
report-details = Conte mais à Prefeitura
report-description = Descrição (opcional)
report-description-hint = Até { $max } caracteres. Não inclua dados pessoais que você não queira compartilhar.
report-description-long = A descrição é longa demais. Encurte-a para no máximo { $max } caracteres.
report-photo = Link para uma foto (opcional)
report-photo-hint = Um endereço da web que comece com https://
report-photo-invalid = Digite um endereço da web que comece com https://, ou deixe em branco.
report-contact = Como a Prefeitura pode falar com você? (opcional)
report-contact-hint = Só se você quiser receber atualizações. Você pode acompanhar sua solicitação sem informar esses dados.
report-first-name = Nome
report-last-name = Sobrenome
report-email = E-mail
report-phone = Telefone
report-email-invalid = Confira o endereço de e-mail, por exemplo nome@example.com.
report-review = Revise sua solicitação
report-where-label = Local
report-my-location = Sua localização ({ $lat }, { $long })
report-not-given = Não informado
report-change = Alterar
report-change-label = Alterar: { $what }
report-submit = Enviar solicitação
report-sending = Enviando sua solicitação…
report-sent = Recebemos sua solicitação. O número de acompanhamento é { $id }.
report-sent-pending = Recebemos sua solicitação. A Prefeitura vai informar o número de acompanhamento em breve.
report-track = Acompanhar sua solicitação
report-notice = Aviso da Prefeitura: { $notice }
report-failed = Não foi possível enviar sua solicitação. Nada do que você digitou foi perdido: tente de novo, ligue para { $phone } ou use o formulário on-line da Prefeitura.
report-form-link = O formulário on-line da Prefeitura

# Privacy notice
consent-accept = Concordo
consent-accepted = Obrigado. Envie sua pergunta novamente: ela ainda está na caixa abaixo.
consent-policy = A política de privacidade da Prefeitura

## Kiosk (a public screen)

kiosk-description = Pergunte sobre os serviços da Prefeitura com suas próprias palavras. Esta é uma tela pública: quando terminar, escolha “Limpar a tela”.
kiosk-restart = Limpar a tela
kiosk-warning = Você ainda está aí? Esta tela será limpa em { $seconds } segundos.
kiosk-keep-going = Continuar

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] domingo
    [1] segunda-feira
    [2] terça-feira
    [3] quarta-feira
    [4] quinta-feira
    [5] sexta-feira
   *[6] sábado
}
date-month = { $month ->
    [1] janeiro
    [2] fevereiro
    [3] março
    [4] abril
    [5] maio
    [6] junho
    [7] julho
    [8] agosto
    [9] setembro
    [10] outubro
    [11] novembro
   *[12] dezembro
}
date-long = { $day } de { $month } de { $year }
date-long-weekday = { $weekday }, { $day } de { $month } de { $year }
