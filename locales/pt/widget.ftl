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

## Idioma e configurações

language-button = Idioma:
language-list = Escolha um idioma
language-changed = O assistente agora está em português.
prefs-button = Configurações
pref-larger-text = Texto maior
pref-high-contrast = Alto contraste
pref-read-aloud = Ler as respostas em voz alta
voice-input = Diga sua pergunta
