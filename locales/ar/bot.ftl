# كلمات المساعد في ردوده على السكان (جانب الخادم، العربية).
# رقم الهاتف محاط بعلامتَي عزل الاتجاه (U+2066 و U+2069) حتى يُعرض من اليسار إلى اليمين.

bot-answer = إليك ما وجدته.
bot-answer-untranslated = إليك ما وجدته. هذه الإجابة غير متوفرة باللغة العربية بعد، لذا تُعرض بلغتها الأصلية.
bot-choices = وجدتُ بعض الإجابات التي قد تناسب سؤالك. أيّ هذه الإجابات هي المقصودة؟ إن لم تناسبك أيٌّ منها، يمكن لموظفي { $site } مساعدتك.
bot-handoff = عذرًا، ليست لديّ إجابة مناسبة عن ذلك. يمكن لموظفي { $site } مساعدتك.
bot-need-more = هل يمكنك إخباري بمزيد من التفاصيل عمّا تبحث عنه؟

action-form = تعبئة النموذج الإلكتروني
action-report = الإبلاغ هنا، سؤالًا تلو الآخر
action-contact = التواصل مع { $site }
action-chat = التحدث إلى موظف
action-call = الاتصال بالرقم ⁦{ $phone }⁩

transcript-title = محادثتك مع { $site }
transcript-you = أنت
transcript-assistant = المساعد
transcript-joined = انضم { $name } إلى المحادثة.
transcript-joined-department = انضم { $name } من { $department } إلى المحادثة.
transcript-transferred = نُقلت المحادثة إلى { $department }.
transcript-closed = انتهت المحادثة.

status-title = الطلب { $id }
status-state = الحالة
status-open = مفتوح: المدينة تعمل عليه.
status-closed = مغلق: أنهت المدينة هذا الطلب.
status-service = الخدمة
status-agency = الجهة المسؤولة
status-address = الموقع
status-reported = تاريخ البلاغ
status-updated = آخر تحديث
status-expected = الموعد المتوقع
status-notes = ملاحظات المدينة
status-found = إليك آخر المستجدات عن الطلب { $id }.
status-unknown = لم أجد الطلب { $id }. يُرجى التحقق من الرقم أو التواصل مع { $site }.
status-unavailable = لا أستطيع الوصول إلى نظام الطلبات لدى { $site } الآن. يُرجى المحاولة لاحقًا أو التواصل مع { $site }.
status-pending-title = تم استلام الطلب
status-pending = استلمنا طلبك. لم يُخصَّص له رقم متابعة بعد: أعد تحميل هذه الصفحة بعد بضع دقائق.
action-track = متابعة هذا الطلب

help-title = اسأل { $site }
help-intro = اسأل عن خدمات المدينة بكلماتك. تعمل هذه الصفحة دون JavaScript.
help-label = سؤالك
help-submit = اسأل
help-reply = الرد
help-source = الصفحة الرسمية
help-reviewed = آخر مراجعة { $date }
help-choices = أيٌّ من هذه تقصد؟
help-next-steps = الخطوات التالية

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = كيف نتعامل مع أسئلتك
privacy-notice = يتولى { $site } تشغيل هذا المساعد. للرد عليك وتحسين إجاباته، يحفظ المساعد ما تكتبه هنا. تُحذف عناوين البريد الإلكتروني وأرقام الهواتف والبيانات المشابهة قبل حفظ أي شيء. تُحذف أسئلتك بعد { $days } { $days_plural ->
        [zero] يوم
        [one] يوم
        [two] يوم
        [few] أيام
        [many] يومًا
       *[other] يوم
    }.
privacy-notice-chats = إذا تحدثت مع أحد الموظفين، تُحفظ المحادثة لمدة { $chat_days } { $chat_days_plural ->
        [zero] يوم
        [one] يوم
        [two] يوم
        [few] أيام
        [many] يومًا
       *[other] يوم
    }. وتُحفظ الرسالة التي تتركها للموظفين لمدة { $ticket_days } { $ticket_days_plural ->
        [zero] يوم
        [one] يوم
        [two] يوم
        [few] أيام
        [many] يومًا
       *[other] يوم
    }.
privacy-notice-rights = يُرجى عدم كتابة معلومات خاصة، مثل أرقام البطاقات أو المعلومات الصحية. يمكنك أن تطلب من { $site } نسخة من محادثتك، أو أن تطلب حذفها.
