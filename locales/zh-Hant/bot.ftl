# 助理回覆居民時使用的文字（伺服器端，繁體中文）。

bot-answer = 以下是我找到的資訊。
bot-answer-untranslated = 以下是我找到的資訊。此答案目前尚無繁體中文版本，因此以原文顯示。
bot-choices = 我找到幾個可能相關的答案。請問您指的是哪一個？如果都不是，{ $site } 的工作人員可以為您提供協助。
bot-handoff = 很抱歉，我無法妥善回答這個問題。{ $site } 的工作人員可以為您提供協助。
bot-need-more = 可以請您再詳細說明一下您要找的內容嗎？

action-form = 填寫線上表格
action-report = 在這裡通報，一次回答一個問題
action-contact = 聯絡 { $site }
action-chat = 與工作人員交談
action-call = 撥打 { $phone }

transcript-title = 您與{ $site }的對話
transcript-you = 您
transcript-assistant = 助理
transcript-joined = { $name } 已加入聊天。
transcript-joined-department = { $department }的 { $name } 已加入聊天。
transcript-transferred = 聊天已轉給{ $department }。
transcript-closed = 聊天已結束。

status-title = 請求 { $id }
status-state = 狀態
status-open = 處理中：市政府正在處理。
status-closed = 已結案：市政府已完成此請求。
status-service = 服務
status-agency = 負責部門
status-address = 地點
status-reported = 提交時間
status-updated = 最近更新
status-expected = 預計完成
status-notes = 市政府備註
status-found = 以下是請求 { $id } 的最新情況。
status-unknown = 找不到請求 { $id }。請核對號碼，或聯絡{ $site }。
status-unavailable = 目前無法連線到{ $site }的請求系統。請稍後再試，或聯絡{ $site }。
status-pending-title = 已收到請求
status-pending = 我們已收到您的請求。追蹤號碼尚未分配：請幾分鐘後重新整理此頁面。
action-track = 追蹤此請求

help-title = 向{ $site }提問
help-intro = 用您自己的話詢問市政服務。此頁面無需 JavaScript 即可使用。
help-label = 您的問題
help-submit = 提問
help-reply = 回覆
help-source = 官方頁面
help-reviewed = 最近審核：{ $date }
help-choices = 您指的是以下哪一項？
help-next-steps = 後續步驟

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = 我們如何處理您的問題
privacy-notice = 本助理由 { $site } 營運。為了回答您並改進回答，它會儲存您在這裡輸入的內容。儲存之前，會先刪除電子郵件地址、電話號碼等類似資訊。您的問題將在 { $days } { $days_plural ->
       *[other] 天
    }後刪除。
privacy-notice-chats = 如果您與工作人員聊天，聊天記錄會保存 { $chat_days } { $chat_days_plural ->
       *[other] 天
    }。您留給工作人員的留言會保存 { $ticket_days } { $ticket_days_plural ->
       *[other] 天
    }。
privacy-notice-rights = 請不要輸入卡號、健康狀況等私人資訊。您可以請 { $site } 提供您的對話副本，或要求刪除對話。
