# 助手回复居民时使用的文字（服务器端，简体中文）。

bot-answer = 以下是我找到的信息。
bot-answer-untranslated = 以下是我找到的信息。此答案暂无简体中文版本，因此以原文显示。
bot-choices = 我找到了几个可能相关的答案。您指的是哪一个？
bot-handoff = 很抱歉，我无法很好地回答这个问题。{ $site } 的工作人员可以为您提供帮助。
bot-need-more = 能否请您再详细说明一下您要找什么？

action-form = 填写在线表格
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
