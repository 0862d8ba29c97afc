# أداة Wayfinder: جميع النصوص التي يعرضها مساعد المحادثة (العربية).
# المعرّفات نفسها الموجودة في locales/en/widget.ftl.

## الزر ومربع الحوار

launcher-label = اسأل المدينة
dialog-title = اسأل المدينة
dialog-description = اسأل عن خدمات المدينة بكلماتك الخاصة. اضغط على مفتاح Escape للإغلاق.
close-button = إغلاق
log-label = المحادثة
greeting = مرحبًا! اسألني عن خدمات المدينة، مثل جمع النفايات أو دفع فاتورة المياه أو الحصول على تصريح.
input-label = سؤالك
send-button = إرسال
status-searching = جارٍ البحث…
status-retrying = المساعد غير متاح مؤقتًا. ستتم إعادة المحاولة بعد بضع ثوانٍ…

## المحادثة

sender-user = رسالتك:
sender-bot = مساعد المدينة:
answer-source = المصدر:
answer-source-link = الصفحة الرسمية
answer-reviewed = آخر مراجعة:
answer-simpler = بكلمات أبسط
choices-label = إجابات محتملة
actions-label = الخطوات التالية
new-tab = (يُفتح في علامة تبويب جديدة)

## الملاحظات

feedback-question = هل كان هذا مفيدًا؟
feedback-yes = نعم
feedback-no = لا
feedback-thanks = شكرًا على ملاحظاتك.
feedback-error = عذرًا، تعذّر إرسال ملاحظاتك. يُرجى المحاولة مرة أخرى.

## الأخطاء

error-network = لا يمكنني الوصول إلى مساعد المدينة الآن. يُرجى التحقق من اتصالك بالإنترنت والمحاولة مرة أخرى.
error-invalid_json = حدث خطأ أثناء إرسال سؤالك. يُرجى المحاولة مرة أخرى.
error-unsupported_media_type = حدث خطأ أثناء إرسال سؤالك. يُرجى المحاولة مرة أخرى.
error-payload_too_large = سؤالك طويل جدًا. يُرجى اختصاره والمحاولة مرة أخرى.
error-origin_not_allowed = لم يتم إعداد المساعد لهذا الموقع الإلكتروني بعد. يُرجى التواصل مع المدينة بطريقة أخرى.
error-unknown_site = لم يتم إعداد المساعد بشكل صحيح. يُرجى التواصل مع المدينة بطريقة أخرى.
error-empty_question = يُرجى كتابة سؤال أولًا.
error-question_too_long = سؤالك طويل جدًا. يُرجى ألّا يتجاوز 1000 حرف.
error-unknown_conversation = انتهت صلاحية هذه المحادثة. يُرجى طرح سؤالك مرة أخرى.
error-unknown_entry = هذه الإجابة لم تعد متاحة. يُرجى طرح سؤالك مرة أخرى.
error-invalid_field = تعذّرت معالجة سؤالك. يُرجى المحاولة مرة أخرى.
error-not_found = مساعد المدينة غير متاح الآن. يُرجى المحاولة لاحقًا.
error-method_not_allowed = مساعد المدينة غير متاح الآن. يُرجى المحاولة لاحقًا.
error-rate_limited = أنت ترسل الأسئلة بسرعة كبيرة. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
error-internal = حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى بعد قليل.
error-staff_unavailable = لا يتوفر الآن أحد من موظفي المدينة للمحادثة. يمكنك ترك رسالة بدلًا من ذلك.
error-unknown_chat = تعذّر العثور على هذه المحادثة. ربما انتهت. يمكنك أن تسأل المساعد مرة أخرى.
error-chat_closed = انتهت هذه المحادثة، لذا لا يمكن إرسال أي شيء آخر.
error-unknown_service = لا يمكن طلب هذه الخدمة هنا. يُرجى استخدام موقع المدينة أو الاتصال.
error-unknown_request = لم يُعثر على رقم الطلب هذا. يُرجى التحقق منه والمحاولة مرة أخرى.
error-upstream_failed = نظام الطلبات في المدينة لا يستجيب الآن. ما أدخلته محفوظ: حاول مرة أخرى بعد قليل، أو استخدم نموذج المدينة أو هاتفها.
error-consent_required = يرجى قراءة إشعار الخصوصية والموافقة عليه قبل أن تسأل. لقد تغيّر الإشعار منذ موافقتك الأخيرة، أو أنك لم توافق عليه بعد.
error-storage_full = لا يستطيع مساعد المدينة حفظ أي شيء الآن، لذلك لم تُرسل رسالتك. يُرجى المحاولة مرة أخرى لاحقًا، أو التواصل مع المدينة بطريقة أخرى.
error-storage_unavailable = مساعد المدينة غير متاح لفترة قصيرة، لذلك لم تُرسل رسالتك. يُرجى المحاولة مرة أخرى بعد قليل.

## اللغة والإعدادات

language-button = اللغة:
language-list = اختر لغة
language-changed = يعمل المساعد الآن باللغة العربية.
prefs-button = الإعدادات
help-page = نسخة نصية فقط من هذا المساعد
pref-larger-text = نص أكبر
pref-high-contrast = تباين عالٍ
pref-read-aloud = قراءة الإجابات بصوت عالٍ
voice-input = قل سؤالك

## المحادثة المباشرة مع موظفي المدينة

talk-button = التحدث إلى موظف
live-checking = جارٍ التحقق مما إذا كان أحد موظفي المدينة متاحًا للمحادثة…
live-disabled = المحادثة المباشرة مع موظفي المدينة غير متاحة هنا. يُرجى التواصل مع المدينة عبر الهاتف أو موقعها الإلكتروني.
live-connecting = جارٍ توصيلك بموظف…
live-queue-position = ترتيبك في قائمة الانتظار: { $position }.
live-queue-wait = ترتيبك في قائمة الانتظار: { $position }. مدة الانتظار المتوقعة: نحو { $wait }.
live-minutes = { $minutes } دقيقة
live-joined = انضم { $name } إلى المحادثة.
live-joined-department = انضم { $name } من { $department } إلى المحادثة.
live-chatting = أنت تتحدث مع { $name }.
live-typing = { $name } يكتب الآن…
live-transferred = حُوّلت محادثتك إلى { $department }. يُرجى انتظار الموظف التالي.
live-reconnecting = انقطع الاتصال. جارٍ إعادة الاتصال…
live-reconnected = عاد الاتصال.
live-input-label = رسالتك
live-sending = جارٍ الإرسال…
live-staff = موظف المدينة
live-staff-says = { $name }: { $text }
live-end = إنهاء المحادثة
live-ended = انتهت المحادثة.
live-rating-legend = كيف كانت محادثتك؟
live-stars-1 = نجمة واحدة (سيئة)
live-stars-2 = نجمتان
live-stars-3 = 3 نجوم
live-stars-4 = 4 نجوم
live-stars-5 = 5 نجوم (ممتازة)
live-rating-comment = تعليق (اختياري)
live-rating-submit = إرسال التقييم
live-rating-missing = يُرجى اختيار من نجمة واحدة إلى 5 نجوم.
live-rating-thanks = شكرًا لك على تقييمك.
live-transcript-txt = تنزيل نص المحادثة (نص)
live-transcript-html = تنزيل نص المحادثة (صفحة ويب)
live-offline = موظفو المدينة غير متاحين للمحادثة الآن.
live-next-open = سيعود الموظفون يوم { $day } الساعة { $time }.
live-next-open-today = سيعود الموظفون اليوم الساعة { $time }.
live-leave-hint = يمكنك ترك رسالة، وسيرد عليك الموظفون عند عودتهم.
live-leave = ترك رسالة
ticket-name = اسمك (اختياري)
ticket-contact = البريد الإلكتروني أو الهاتف (اختياري)
ticket-contact-hint = حتى نتمكن من الرد عليك.
ticket-message = رسالتك
ticket-message-missing = يُرجى كتابة رسالتك.
ticket-submit = إرسال الرسالة
ticket-thanks = شكرًا لك. رقمك المرجعي هو { $reference }.

# الإبلاغ عن مشكلة عبر النموذج الموجَّه، سؤالًا تلو الآخر.
report-loading = جارٍ فتح النموذج…
report-step = الخطوة { $step } من { $total }
report-required = (مطلوب)
report-optional = (اختياري)
report-next = التالي
report-back = رجوع
report-cancel = إلغاء
report-cancelled = أُلغي البلاغ. لم يُرسَل أي شيء.
report-missing = يُرجى الإجابة عن هذا السؤال.
report-missing-choice = يُرجى اختيار إجابة.
report-number = يُرجى إدخال رقم، مثل 3.
report-where = أين تقع المشكلة؟
report-address = عنوان الشارع أو أقرب تقاطع
report-address-hint = مثال: 120 Main Street، أو تقاطع Main Street مع 3rd Avenue.
report-locate = استخدام موقعي
report-locate-hint = سيسألك المتصفح إن كنت تريد مشاركة موقعك. لن يُستخدم موقعك إلا لهذا البلاغ.
report-locating = جارٍ تحديد موقعك…
report-located = تم تحديد موقعك (بدقة تقارب { $meters } م).
report-locate-failed = تعذّر تحديد موقعك. يُرجى كتابة العنوان بدلًا من ذلك.
report-where-missing = يُرجى كتابة عنوان أو استخدام موقعك.
report-details = أخبر المدينة بالمزيد
report-description = الوصف (اختياري)
report-description-hint = بحد أقصى { $max } حرف. يُرجى عدم ذكر أي بيانات شخصية لا تريد مشاركتها.
report-description-long = الوصف طويل جدًا. يُرجى اختصاره بحيث لا يتجاوز { $max } حرف.
report-photo = رابط صورة (اختياري)
report-photo-hint = عنوان ويب يبدأ بـ https://
report-photo-invalid = يُرجى إدخال عنوان ويب يبدأ بـ https://، أو ترك الحقل فارغًا.
report-contact = كيف يمكن للمدينة التواصل معك؟ (اختياري)
report-contact-hint = فقط إذا كنت تريد تلقّي المستجدات. يمكنك متابعة بلاغك من دون ذلك.
report-first-name = الاسم الأول
report-last-name = اسم العائلة
report-email = البريد الإلكتروني
report-phone = الهاتف
report-email-invalid = يُرجى التحقق من عنوان البريد الإلكتروني، مثل name@example.com.
report-review = راجع بلاغك
report-where-label = المكان
report-my-location = موقعك ({ $lat }، { $long })
report-not-given = لم يُذكر
report-change = تعديل
report-change-label = تعديل: { $what }
report-submit = إرسال البلاغ
report-sending = جارٍ إرسال بلاغك…
report-sent = تم استلام بلاغك. رقم المتابعة هو { $id }.
report-sent-pending = تم استلام بلاغك. ستخصص له المدينة رقم متابعة قريبًا.
report-track = متابعة بلاغك
report-notice = رسالة من المدينة: { $notice }
report-failed = تعذّر إرسال بلاغك. لم يضِع شيء مما أدخلته: حاول مرة أخرى، أو اتصل بالرقم { $phone }، أو استخدم النموذج الإلكتروني للمدينة.
report-form-link = النموذج الإلكتروني للمدينة

# Privacy notice
consent-accept = أوافق
consent-accepted = شكرًا لك. يُرجى إرسال سؤالك مرة أخرى: ما زال في المربع أدناه.
consent-policy = سياسة الخصوصية الخاصة بالمدينة

## Kiosk (a public screen)

kiosk-description = اسأل عن خدمات المدينة بكلماتك الخاصة. هذه شاشة عامة: عند الانتهاء، اختر «مسح الشاشة».
kiosk-restart = مسح الشاشة
kiosk-warning = هل ما زلت هنا؟ ستُمسح هذه الشاشة بعد { $seconds ->
        [few] { $seconds } ثوانٍ
       *[other] { $seconds } ثانية
    }.
kiosk-keep-going = متابعة

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] الأحد
    [1] الاثنين
    [2] الثلاثاء
    [3] الأربعاء
    [4] الخميس
    [5] الجمعة
   *[6] السبت
}
date-month = { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
}
date-long = { $day } { $month } { $year }
date-long-weekday = { $weekday }، { $day } { $month } { $year }
