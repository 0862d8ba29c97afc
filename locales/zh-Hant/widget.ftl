# Wayfinder 小工具：聊天助理顯示的所有文字（繁體中文）。
# 訊息 ID 與 locales/en/widget.ftl 相同。

## 按鈕和對話框

launcher-label = 諮詢市政府
dialog-title = 諮詢市政府
dialog-description = 請用您自己的話詢問市政服務。按 Escape 鍵可關閉。
close-button = 關閉
log-label = 對話內容
greeting = 您好！您可以向我詢問市政服務，例如垃圾收集、繳交水費或申請許可證。
input-label = 您的問題
send-button = 傳送
status-searching = 正在搜尋…

## 對話

sender-user = 您說：
sender-bot = 市政助理：
answer-source = 資料來源：
answer-source-link = 官方網頁
answer-reviewed = 最近審核日期：
answer-simpler = 淺白易懂版
choices-label = 可能的答案
actions-label = 後續步驟
new-tab = （在新分頁中開啟）

## 意見回饋

feedback-question = 這對您有幫助嗎？
feedback-yes = 是
feedback-no = 否
feedback-thanks = 感謝您提供意見。
feedback-error = 抱歉，無法傳送您的意見。請再試一次。

## 錯誤

error-network = 目前無法連線到市政助理。請檢查您的網路連線，然後再試一次。
error-invalid_json = 傳送您的問題時發生錯誤。請再試一次。
error-unsupported_media_type = 傳送您的問題時發生錯誤。請再試一次。
error-payload_too_large = 您的問題太長。請縮短後再試一次。
error-origin_not_allowed = 本網站尚未啟用此助理。請透過其他方式聯絡市政府。
error-unknown_site = 此助理的設定不正確。請透過其他方式聯絡市政府。
error-empty_question = 請先輸入問題。
error-question_too_long = 您的問題太長。請勿超過 1000 個字元。
error-unknown_conversation = 此對話已過期。請重新提問。
error-unknown_entry = 該答案已無法提供。請重新提問。
error-invalid_field = 無法處理您的問題。請再試一次。
error-not_found = 市政助理目前無法使用。請稍後再試。
error-method_not_allowed = 市政助理目前無法使用。請稍後再試。
error-rate_limited = 您提問的速度太快了。請稍候片刻再試。
error-internal = 我們這邊出了問題。請稍後再試。
error-staff_unavailable = 目前沒有市政工作人員可以線上交談。您可以留言。
error-unknown_chat = 找不到此對話，它可能已經結束。您可以再次詢問助理。
error-chat_closed = 此對話已結束，無法再傳送任何內容。
error-unknown_service = 此服務無法在這裡申請。請使用市政府網站或致電。
error-unknown_request = 找不到該請求編號。請核對後重試。
error-upstream_failed = 市政府的請求系統暫時沒有回應。您填寫的內容已保留：請稍後重試，或使用市政府的表格或電話。

## 語言和設定

language-button = 語言：
language-list = 選擇語言
language-changed = 助理現在使用繁體中文。
prefs-button = 設定
help-page = 此助理的純文字版本
pref-larger-text = 放大文字
pref-high-contrast = 高對比
pref-read-aloud = 朗讀回答
voice-input = 說出您的問題

## 與市政工作人員線上交談

talk-button = 與工作人員交談
live-checking = 正在查看是否有市政工作人員可以交談…
live-disabled = 此處不提供與市政工作人員的線上交談。請透過電話或市政網站與我們聯絡。
live-connecting = 正在為您連線工作人員…
live-queue-position = 您在佇列中排第 { $position } 位。
live-queue-wait = 您在佇列中排第 { $position } 位。預計等候時間：約 { $wait }。
live-minutes = { $minutes } 分鐘
live-joined = { $name } 已加入對話。
live-joined-department = { $department }的 { $name } 已加入對話。
live-chatting = 您正在與 { $name } 交談。
live-typing = { $name } 正在輸入…
live-transferred = 您的對話已轉給{ $department }。請等候下一位工作人員。
live-reconnecting = 連線已中斷。正在重新連線…
live-reconnected = 已重新連線。
live-input-label = 您的訊息
live-sending = 正在傳送…
live-staff = 市政工作人員
live-staff-says = { $name }：{ $text }
live-end = 結束對話
live-ended = 對話已結束。
live-rating-legend = 您對這次對話滿意嗎？
live-stars-1 = 1 星（差）
live-stars-2 = 2 星
live-stars-3 = 3 星
live-stars-4 = 4 星
live-stars-5 = 5 星（非常好）
live-rating-comment = 意見（選填）
live-rating-submit = 送出評分
live-rating-missing = 請選擇 1 到 5 星。
live-rating-thanks = 感謝您的評分。
live-transcript-txt = 下載對話紀錄（文字）
live-transcript-html = 下載對話紀錄（網頁）
live-offline = 市政工作人員目前無法線上交談。
live-next-open = 工作人員將於{ $day } { $time }回來。
live-next-open-today = 工作人員將於今天 { $time }回來。
live-leave-hint = 您可以留言，工作人員回來後會回覆您。
live-leave = 留言
ticket-name = 您的姓名（選填）
ticket-contact = 電子郵件或電話（選填）
ticket-contact-hint = 以便我們回覆您。
ticket-message = 您的留言
ticket-message-missing = 請填寫您的留言。
ticket-submit = 送出留言
ticket-thanks = 謝謝。您的參考編號是 { $reference }。
