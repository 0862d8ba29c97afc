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
status-retrying = Помощник ненадолго недоступен. Повторная попытка через несколько секунд…

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
error-consent_required = Прежде чем задать вопрос, прочитайте уведомление о конфиденциальности и примите его. Оно изменилось с тех пор, как вы его приняли, или вы ещё его не приняли.
error-storage_full = Помощник города сейчас не может ничего сохранить, поэтому ваше сообщение не отправлено. Попробуйте ещё раз позже или свяжитесь с городом другим способом.
error-storage_unavailable = Помощник города ненадолго недоступен, поэтому ваше сообщение не отправлено. Попробуйте ещё раз чуть позже.

## Язык и настройки

language-button = Язык:
language-list = Выберите язык
language-changed = Помощник теперь говорит по-русски.
prefs-button = Настройки
help-page = Текстовая версия помощника
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

# Сообщение о проблеме через пошаговую форму, по одному вопросу.
report-loading = Открываем форму…
report-step = Шаг { $step } из { $total }
report-required = (обязательно)
report-optional = (необязательно)
report-next = Далее
report-back = Назад
report-cancel = Отмена
report-cancelled = Заявка отменена. Ничего не отправлено.
report-missing = Ответьте на этот вопрос.
report-missing-choice = Выберите ответ.
report-number = Введите число, например 3.
report-where = Где это?
report-address = Адрес или ближайший перекрёсток
report-address-hint = Например: 120 Main Street или Main Street и 3rd Avenue.
report-locate = Использовать моё местоположение
report-locate-hint = Браузер спросит, разрешаете ли вы передать своё местоположение. Оно будет использовано только для этой заявки.
report-locating = Определяем ваше местоположение…
report-located = Местоположение определено (с точностью около { $meters } м).
report-locate-failed = Не удалось определить ваше местоположение. Введите, пожалуйста, адрес.
report-where-missing = Введите адрес или используйте своё местоположение.
report-details = Расскажите городу подробнее
report-description = Описание (необязательно)
report-description-hint = Максимум символов: { $max }. Не указывайте личные данные, которыми не хотите делиться.
report-description-long = Описание слишком длинное. Сократите его (максимум символов: { $max }).
report-photo = Ссылка на фото (необязательно)
report-photo-hint = Веб-адрес, начинающийся с https://
report-photo-invalid = Введите веб-адрес, начинающийся с https://, или оставьте поле пустым.
report-contact = Как городу связаться с вами? (необязательно)
report-contact-hint = Только если хотите получать новости по заявке. Следить за заявкой можно и без этого.
report-first-name = Имя
report-last-name = Фамилия
report-email = Электронная почта
report-phone = Телефон
report-email-invalid = Проверьте адрес электронной почты, например name@example.com.
report-review = Проверьте заявку
report-where-label = Место
report-my-location = Ваше местоположение ({ $lat }, { $long })
report-not-given = Не указано
report-change = Изменить
report-change-label = Изменить: { $what }
report-submit = Отправить заявку
report-sending = Отправляем заявку…
report-sent = Ваша заявка принята. Номер для отслеживания: { $id }.
report-sent-pending = Ваша заявка принята. Город скоро присвоит ей номер для отслеживания.
report-track = Следить за заявкой
report-notice = Сообщение от города: { $notice }
report-failed = Не удалось отправить заявку. Всё, что вы ввели, сохранено: попробуйте ещё раз, позвоните по номеру { $phone } или воспользуйтесь онлайн-формой города.
report-form-link = Онлайн-форма города

# Privacy notice
consent-accept = Я согласен(на)
consent-accepted = Спасибо. Отправьте вопрос ещё раз: он остался в поле ниже.
consent-policy = Политика конфиденциальности города

## Kiosk (a public screen)

kiosk-description = Задайте вопрос о городских услугах своими словами. Это общественный экран: когда закончите, нажмите «Очистить экран».
kiosk-restart = Очистить экран
kiosk-warning = Вы ещё здесь? Этот экран будет очищен через { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
        [many] { $seconds } секунд
       *[other] { $seconds } секунды
    }.
kiosk-keep-going = Продолжить

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] воскресенье
    [1] понедельник
    [2] вторник
    [3] среда
    [4] четверг
    [5] пятница
   *[6] суббота
}
date-month = { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
}
date-long = { $day } { $month } { $year } г.
date-long-weekday = { $weekday }, { $day } { $month } { $year } г.
