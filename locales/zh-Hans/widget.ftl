# Wayfinder 小部件：聊天助手显示的所有文字（简体中文）。
# 消息 ID 与 locales/en/widget.ftl 相同。

## 按钮和对话框

launcher-label = 咨询市政府
dialog-title = 咨询市政府
dialog-description = 请用您自己的话询问市政服务。按 Escape 键可关闭。
close-button = 关闭
log-label = 对话记录
greeting = 您好！您可以向我询问市政服务，例如垃圾收集、缴纳水费或申请许可证。
input-label = 您的问题
send-button = 发送
status-searching = 正在搜索…
status-retrying = 助手暂时不可用。几秒钟后将重试…

## 对话

sender-user = 您说：
sender-bot = 市政助手：
answer-source = 来源：
answer-source-link = 官方网页
answer-reviewed = 最近审核日期：
answer-simpler = 简明易懂版
choices-label = 可能的答案
actions-label = 后续步骤
new-tab = （在新标签页中打开）

## 反馈

feedback-question = 这对您有帮助吗？
feedback-yes = 是
feedback-no = 否
feedback-thanks = 感谢您的反馈。
feedback-error = 抱歉，您的反馈未能发送。请重试。

## 错误

error-network = 目前无法连接市政助手。请检查您的网络连接，然后重试。
error-invalid_json = 发送您的问题时出错。请重试。
error-unsupported_media_type = 发送您的问题时出错。请重试。
error-payload_too_large = 您的问题太长。请缩短后重试。
error-origin_not_allowed = 本网站尚未开通此助手。请通过其他方式联系市政府。
error-unknown_site = 此助手的设置有误。请通过其他方式联系市政府。
error-empty_question = 请先输入问题。
error-question_too_long = 您的问题太长。请勿超过 1000 个字符。
error-unknown_conversation = 此对话已过期。请重新提问。
error-unknown_entry = 该答案已不再提供。请重新提问。
error-invalid_field = 无法处理您的问题。请重试。
error-not_found = 市政助手目前无法使用。请稍后再试。
error-method_not_allowed = 市政助手目前无法使用。请稍后再试。
error-rate_limited = 您提问的速度太快了。请稍等片刻再试。
error-internal = 我们这边出了问题。请稍后再试。
error-staff_unavailable = 目前没有市政工作人员可以在线交谈。您可以留言。
error-unknown_chat = 找不到此对话，它可能已经结束。您可以再次询问助手。
error-chat_closed = 此对话已结束，无法再发送任何内容。
error-unknown_service = 此服务无法在这里申请。请使用市政府网站或致电。
error-unknown_request = 找不到该请求编号。请核对后重试。
error-upstream_failed = 市政府的请求系统暂时没有响应。您填写的内容已保留：请稍后重试，或使用市政府的表格或电话。
error-consent_required = 提问前，请阅读并接受隐私声明。声明在您上次接受后已有更改，或者您尚未接受。
error-storage_full = 市政府的助手暂时无法保存任何内容，因此您的消息没有发送。请稍后再试，或通过其他方式联系市政府。
error-storage_unavailable = 市政府的助手暂时不可用，因此您的消息没有发送。请稍后再试。

## 语言和设置

language-button = 语言：
language-list = 选择语言
language-changed = 助手现在使用简体中文。
prefs-button = 设置
help-page = 此助手的纯文本版本
pref-larger-text = 放大文字
pref-high-contrast = 高对比度
pref-read-aloud = 朗读回答
voice-input = 说出您的问题

## 与市政工作人员在线交谈

talk-button = 与工作人员交谈
live-checking = 正在查看是否有市政工作人员可以交谈…
live-disabled = 此处不提供与市政工作人员的在线交谈。请通过电话或市政网站联系我们。
live-connecting = 正在为您连接工作人员…
live-queue-position = 您在队列中排第 { $position } 位。
live-queue-wait = 您在队列中排第 { $position } 位。预计等待时间：约 { $wait }。
live-minutes = { $minutes } 分钟
live-joined = { $name } 已加入对话。
live-joined-department = { $department }的 { $name } 已加入对话。
live-chatting = 您正在与 { $name } 交谈。
live-typing = { $name } 正在输入…
live-transferred = 您的对话已转给{ $department }。请等待下一位工作人员。
live-reconnecting = 连接已中断。正在重新连接…
live-reconnected = 已重新连接。
live-input-label = 您的消息
live-sending = 正在发送…
live-staff = 市政工作人员
live-staff-says = { $name }：{ $text }
live-end = 结束对话
live-ended = 对话已结束。
live-rating-legend = 您对这次对话满意吗？
live-stars-1 = 1 星（差）
live-stars-2 = 2 星
live-stars-3 = 3 星
live-stars-4 = 4 星
live-stars-5 = 5 星（非常好）
live-rating-comment = 意见（可选）
live-rating-submit = 提交评分
live-rating-missing = 请选择 1 到 5 星。
live-rating-thanks = 感谢您的评分。
live-transcript-txt = 下载对话记录（文本）
live-transcript-html = 下载对话记录（网页）
live-offline = 市政工作人员目前无法在线交谈。
live-next-open = 工作人员将于{ $day } { $time }回来。
live-next-open-today = 工作人员将于今天 { $time }回来。
live-leave-hint = 您可以留言，工作人员回来后会答复您。
live-leave = 留言
ticket-name = 您的姓名（可选）
ticket-contact = 电子邮件或电话（可选）
ticket-contact-hint = 以便我们回复您。
ticket-message = 您的留言
ticket-message-missing = 请填写您的留言。
ticket-submit = 发送留言
ticket-thanks = 谢谢。您的参考编号是 { $reference }。

# 通过引导式表格报告问题，一次回答一个问题。
report-loading = 正在打开表格…
report-step = 第 { $step } 步，共 { $total } 步
report-required = （必填）
report-optional = （可选）
report-next = 下一步
report-back = 上一步
report-cancel = 取消
report-cancelled = 报告已取消，没有发送任何内容。
report-missing = 请回答这个问题。
report-missing-choice = 请选择答案。
report-number = 请输入数字，例如 3。
report-where = 问题在哪里？
report-address = 街道地址或最近的十字路口
report-address-hint = 例如：120 Main Street，或 Main Street 与 3rd Avenue 的十字路口。
report-locate = 使用我的位置
report-locate-hint = 浏览器会询问您是否共享位置。您的位置只用于这次报告。
report-locating = 正在查找您的位置…
report-located = 已找到您的位置（误差约 { $meters } 米）。
report-locate-failed = 无法找到您的位置。请改为输入地址。
report-where-missing = 请输入地址或使用您的位置。
report-details = 向市政府提供更多信息
report-description = 描述（可选）
report-description-hint = 最多 { $max } 个字符。请不要填写您不想透露的个人信息。
report-description-long = 描述太长。请缩短到 { $max } 个字符以内。
report-photo = 照片链接（可选）
report-photo-hint = 以 https:// 开头的网址
report-photo-invalid = 请输入以 https:// 开头的网址，或留空。
report-contact = 市政府如何联系您？（可选）
report-contact-hint = 仅在您希望收到进展通知时填写。不填写也可以跟踪您的报告。
report-first-name = 名
report-last-name = 姓
report-email = 电子邮件
report-phone = 电话
report-email-invalid = 请检查电子邮件地址，例如 name@example.com。
report-review = 核对您的报告
report-where-label = 地点
report-my-location = 您的位置（{ $lat }, { $long }）
report-not-given = 未填写
report-change = 修改
report-change-label = 修改：{ $what }
report-submit = 提交报告
report-sending = 正在提交您的报告…
report-sent = 我们已收到您的报告。跟踪号码是 { $id }。
report-sent-pending = 我们已收到您的报告。市政府很快会为它分配跟踪号码。
report-track = 跟踪您的报告
report-notice = 市政府提示：{ $notice }
report-failed = 您的报告未能提交。您填写的内容都没有丢失：请重试、拨打 { $phone }，或使用市政府的在线表格。
report-form-link = 市政府的在线表格

# Privacy notice
consent-accept = 我同意
consent-accepted = 谢谢。请再次发送您的问题：它仍在下方的输入框中。
consent-policy = 市政府的隐私政策

## Kiosk (a public screen)

kiosk-description = 用您自己的话询问市政服务。这是公共屏幕：使用完毕后，请选择“清除屏幕”。
kiosk-restart = 清除屏幕
kiosk-warning = 您还在吗？此屏幕将在 { $seconds } 秒后清除。
kiosk-keep-going = 继续使用

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] 星期日
    [1] 星期一
    [2] 星期二
    [3] 星期三
    [4] 星期四
    [5] 星期五
   *[6] 星期六
}
date-month = { $month ->
    [1] 1月
    [2] 2月
    [3] 3月
    [4] 4月
    [5] 5月
    [6] 6月
    [7] 7月
    [8] 8月
    [9] 9月
    [10] 10月
    [11] 11月
   *[12] 12月
}
date-long = { $year }年{ $month }{ $day }日
date-long-weekday = { $year }年{ $month }{ $day }日{ $weekday }
