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

## 语言和设置

language-button = 语言：
language-list = 选择语言
language-changed = 助手现在使用简体中文。
prefs-button = 设置
pref-larger-text = 放大文字
pref-high-contrast = 高对比度
pref-read-aloud = 朗读回答
voice-input = 说出您的问题
