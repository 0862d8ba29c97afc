# 助手回复居民时使用的文字（服务器端，简体中文）。

bot-answer = 以下是我找到的信息。
bot-answer-untranslated = 以下是我找到的信息。此答案暂无简体中文版本，因此以原文显示。
bot-choices = 我找到了几个可能相关的答案。您指的是哪一个？如果都不是，{ $site } 的工作人员可以为您提供帮助。
bot-handoff = 很抱歉，我无法很好地回答这个问题。{ $site } 的工作人员可以为您提供帮助。
bot-need-more = 能否请您再详细说明一下您要找什么？

action-form = 填写在线表格
action-report = 在这里报告，一次回答一个问题
action-contact = 联系 { $site }
action-chat = 与工作人员交谈
action-call = 拨打 { $phone }

transcript-title = 您与{ $site }的对话
transcript-you = 您
transcript-assistant = 助手
transcript-joined = { $name } 已加入聊天。
transcript-joined-department = { $department }的 { $name } 已加入聊天。
transcript-transferred = 聊天已转给{ $department }。
transcript-closed = 聊天已结束。

status-title = 请求 { $id }
status-state = 状态
status-open = 处理中：市政府正在处理。
status-closed = 已关闭：市政府已完成此请求。
status-service = 服务
status-agency = 负责部门
status-address = 地点
status-reported = 提交时间
status-updated = 最近更新
status-expected = 预计完成
status-notes = 市政府备注
status-found = 以下是请求 { $id } 的最新情况。
status-unknown = 找不到请求 { $id }。请核对号码，或联系{ $site }。
status-unavailable = 目前无法连接{ $site }的请求系统。请稍后再试，或联系{ $site }。
status-pending-title = 已收到请求
status-pending = 我们已收到您的请求。跟踪号码尚未分配：请几分钟后刷新此页面。
action-track = 跟踪此请求

help-title = 向{ $site }提问
help-intro = 用您自己的话询问市政服务。此页面无需 JavaScript 即可使用。
help-label = 您的问题
help-submit = 提问
help-reply = 回复
help-source = 官方页面
help-reviewed = 最近审核：{ $date }
help-choices = 您指的是以下哪一项？
help-next-steps = 后续步骤

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = 我们如何处理您的问题
privacy-notice = 本助手由 { $site } 运营。为了回答您并改进回答，它会保存您在这里输入的内容。保存之前，会先删除电子邮件地址、电话号码等类似信息。您的问题将在 { $days } { $days_plural ->
       *[other] 天
    }后删除。
privacy-notice-chats = 如果您与工作人员聊天，聊天记录会保存 { $chat_days } { $chat_days_plural ->
       *[other] 天
    }。您留给工作人员的留言会保存 { $ticket_days } { $ticket_days_plural ->
       *[other] 天
    }。
privacy-notice-rights = 请不要输入卡号、健康状况等私人信息。您可以请 { $site } 提供您的对话副本，或要求删除对话。
