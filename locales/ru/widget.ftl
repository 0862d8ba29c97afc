# Виджет Wayfinder: все тексты чат-помощника (русский язык).
# Идентификаторы те же, что в locales/en/widget.ftl.

## Кнопка и диалоговое окно

launcher-label = Вопрос городу
dialog-title = Вопрос городу
dialog-description = Спросите о городских услугах своими словами. Нажмите Escape, чтобы закрыть.
close-button = Закрыть
log-label = Диалог
greeting = Здравствуйте! Спросите меня о городских услугах, например о вывозе мусора, оплате счёта за воду или получении разрешения.
input-label = Ваш вопрос
send-button = Отправить
status-searching = Идёт поиск…

## Диалог

sender-user = Вы написали:
sender-bot = Городской помощник:
answer-source = Источник:
answer-source-link = официальная страница
answer-reviewed = Последняя проверка:
answer-simpler = Простыми словами
choices-label = Возможные ответы
actions-label = Дальнейшие шаги
new-tab = (откроется в новой вкладке)

## Отзывы

feedback-question = Это было полезно?
feedback-yes = Да
feedback-no = Нет
feedback-thanks = Спасибо за ваш отзыв.
feedback-error = К сожалению, не удалось отправить ваш отзыв. Попробуйте ещё раз.

## Ошибки

error-network = Сейчас не удаётся связаться с городским помощником. Проверьте подключение к интернету и попробуйте ещё раз.
error-invalid_json = При отправке вопроса произошла ошибка. Попробуйте ещё раз.
error-unsupported_media_type = При отправке вопроса произошла ошибка. Попробуйте ещё раз.
error-payload_too_large = Ваш вопрос слишком длинный. Сократите его и попробуйте ещё раз.
error-origin_not_allowed = Помощник ещё не настроен для этого сайта. Свяжитесь с городской администрацией другим способом.
error-unknown_site = Помощник настроен неправильно. Свяжитесь с городской администрацией другим способом.
error-empty_question = Сначала введите вопрос.
error-question_too_long = Ваш вопрос слишком длинный. Он должен быть не длиннее 1000 символов.
error-unknown_conversation = Срок действия этого диалога истёк. Задайте вопрос ещё раз.
error-unknown_entry = Этот ответ больше недоступен. Задайте вопрос ещё раз.
error-invalid_field = Не удалось обработать ваш вопрос. Попробуйте ещё раз.
error-not_found = Городской помощник сейчас недоступен. Попробуйте позже.
error-method_not_allowed = Городской помощник сейчас недоступен. Попробуйте позже.
error-rate_limited = Вы отправляете вопросы слишком часто. Подождите немного и попробуйте ещё раз.
error-internal = На нашей стороне произошла ошибка. Попробуйте ещё раз чуть позже.
error-staff_unavailable = Сейчас никто из сотрудников города не может ответить в чате. Вы можете оставить сообщение.
error-unknown_chat = Этот чат не найден. Возможно, он уже завершён. Вы можете снова задать вопрос помощнику.
error-chat_closed = Этот чат завершён, поэтому в него больше нельзя ничего отправить.
error-unknown_service = Эту услугу нельзя заказать здесь. Воспользуйтесь сайтом города или позвоните.
error-unknown_request = Заявка с таким номером не найдена. Проверьте номер и попробуйте ещё раз.
error-upstream_failed = Система заявок города сейчас не отвечает. Введённое вами сохранено: попробуйте ещё раз чуть позже или воспользуйтесь формой или телефоном города.

## Язык и настройки

language-button = Язык:
language-list = Выберите язык
language-changed = Помощник теперь говорит по-русски.
prefs-button = Настройки
pref-larger-text = Крупный текст
pref-high-contrast = Высокая контрастность
pref-read-aloud = Читать ответы вслух
voice-input = Задать вопрос голосом

## Чат с сотрудниками города

talk-button = Поговорить с сотрудником
live-checking = Проверяем, может ли кто-нибудь из сотрудников города ответить…
live-disabled = Чат с сотрудниками города здесь недоступен. Свяжитесь с городом по телефону или через его сайт.
live-connecting = Соединяем вас с сотрудником…
live-queue-position = Ваш номер в очереди: { $position }.
live-queue-wait = Ваш номер в очереди: { $position }. Примерное время ожидания: { $wait }.
live-minutes = { $minutes } мин.
live-joined = { $name } присоединяется к чату.
live-joined-department = { $name } ({ $department }) присоединяется к чату.
live-chatting = Вы общаетесь с сотрудником: { $name }.
live-typing = { $name } печатает…
live-transferred = Ваш чат передан в отдел «{ $department }». Дождитесь следующего сотрудника.
live-reconnecting = Соединение потеряно. Подключаемся снова…
live-reconnected = Соединение восстановлено.
live-input-label = Ваше сообщение
live-sending = Отправка…
live-staff = Сотрудник города
live-staff-says = { $name }: { $text }
live-end = Завершить чат
live-ended = Чат завершён.
live-rating-legend = Как прошёл ваш чат?
live-stars-1 = 1 звезда (плохо)
live-stars-2 = 2 звезды
live-stars-3 = 3 звезды
live-stars-4 = 4 звезды
live-stars-5 = 5 звёзд (отлично)
live-rating-comment = Комментарий (необязательно)
live-rating-submit = Отправить оценку
live-rating-missing = Выберите от 1 до 5 звёзд.
live-rating-thanks = Спасибо за вашу оценку.
live-transcript-txt = Скачать запись чата (текст)
live-transcript-html = Скачать запись чата (веб-страница)
live-offline = Сейчас сотрудники города не могут ответить в чате.
live-next-open = Следующий приём: { $day }, { $time }.
live-next-open-today = Следующий приём: сегодня, { $time }.
live-leave-hint = Вы можете оставить сообщение, и сотрудники ответят, когда вернутся.
live-leave = Оставить сообщение
ticket-name = Ваше имя (необязательно)
ticket-contact = Эл. почта или телефон (необязательно)
ticket-contact-hint = Чтобы мы могли вам ответить.
ticket-message = Ваше сообщение
ticket-message-missing = Напишите сообщение.
ticket-submit = Отправить сообщение
ticket-thanks = Спасибо. Номер вашего обращения: { $reference }.
