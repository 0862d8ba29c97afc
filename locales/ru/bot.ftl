# Слова помощника в ответах жителям (сервер, русский язык).

bot-answer = Вот что удалось найти.
bot-answer-untranslated = Вот что удалось найти. Этот ответ пока недоступен на русском языке, поэтому он показан на языке оригинала.
bot-choices = Нашлось несколько ответов, которые могут подойти. Какой из них вы имеете в виду? Если ни один не подходит, вам могут помочь сотрудники { $site }.
bot-handoff = К сожалению, у меня нет хорошего ответа на этот вопрос. Вам могут помочь сотрудники { $site }.
bot-need-more = Не могли бы вы чуть подробнее рассказать, что вы ищете?

action-form = Заполнить онлайн-форму
action-report = Подать заявку здесь, отвечая на вопросы по очереди
action-contact = Связаться с { $site }
action-chat = Поговорить с сотрудником
action-call = Позвонить по номеру { $phone }

transcript-title = Ваш разговор с { $site }
transcript-you = Вы
transcript-assistant = Помощник
transcript-joined = { $name } присоединяется к чату.
transcript-joined-department = { $name } ({ $department }) присоединяется к чату.
transcript-transferred = Чат передан в отдел: { $department }.
transcript-closed = Чат завершён.

status-title = Заявка { $id }
status-state = Статус
status-open = Открыта: город над ней работает.
status-closed = Закрыта: город выполнил эту заявку.
status-service = Услуга
status-agency = Ответственная служба
status-address = Место
status-reported = Подана
status-updated = Последнее обновление
status-expected = Ожидаемый срок
status-notes = Примечания города
status-found = Вот последние сведения по заявке { $id }.
status-unknown = Я не нашёл заявку { $id }. Проверьте номер или свяжитесь с { $site }.
status-unavailable = Сейчас нет связи с системой заявок { $site }. Попробуйте позже или свяжитесь с { $site }.
status-pending-title = Заявка получена
status-pending = Ваша заявка получена. Номер для отслеживания ещё не присвоен: обновите страницу через несколько минут.
action-track = Следить за заявкой

help-title = Спросите { $site }
help-intro = Спрашивайте об услугах города своими словами. Эта страница работает без JavaScript.
help-label = Ваш вопрос
help-submit = Спросить
help-reply = Ответ
help-source = Официальная страница
help-reviewed = Последняя проверка: { $date }
help-choices = Что из этого вы имеете в виду?
help-next-steps = Дальнейшие шаги

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = Как мы обращаемся с вашими вопросами
privacy-notice = Этого помощника предоставляет { $site }. Чтобы отвечать вам и улучшать ответы, он сохраняет то, что вы здесь пишете. Адреса электронной почты, номера телефонов и похожие данные удаляются до сохранения. Ваши вопросы удаляются через { $days } { $days_plural ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }.
privacy-notice-chats = Если вы переписываетесь с сотрудником, переписка хранится { $chat_days } { $chat_days_plural ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }. Сообщение, оставленное для сотрудников, хранится { $ticket_days } { $ticket_days_plural ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }.
privacy-notice-rights = Не пишите личные данные, например номер карты или сведения о здоровье. Вы можете попросить { $site } прислать копию вашего разговора или удалить его.
