# كلمات المساعد في ردوده على السكان (جانب الخادم، العربية).
# رقم الهاتف محاط بعلامتَي عزل الاتجاه (U+2066 و U+2069) حتى يُعرض من اليسار إلى اليمين.

bot-answer = إليك ما وجدته.
bot-answer-untranslated = إليك ما وجدته. هذه الإجابة غير متوفرة باللغة العربية بعد، لذا تُعرض بلغتها الأصلية.
bot-choices = وجدتُ بعض الإجابات التي قد تناسب سؤالك. أيّ هذه الإجابات هي المقصودة؟
bot-handoff = عذرًا، ليست لديّ إجابة مناسبة عن ذلك. يمكن لموظفي { $site } مساعدتك.
bot-need-more = هل يمكنك إخباري بمزيد من التفاصيل عمّا تبحث عنه؟

action-form = تعبئة النموذج الإلكتروني
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
