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

## اللغة والإعدادات

language-button = اللغة:
language-list = اختر لغة
language-changed = يعمل المساعد الآن باللغة العربية.
prefs-button = الإعدادات
pref-larger-text = نص أكبر
pref-high-contrast = تباين عالٍ
pref-read-aloud = قراءة الإجابات بصوت عالٍ
voice-input = قل سؤالك
