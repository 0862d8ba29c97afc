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

## 語言和設定

language-button = 語言：
language-list = 選擇語言
language-changed = 助理現在使用繁體中文。
prefs-button = 設定
pref-larger-text = 放大文字
pref-high-contrast = 高對比
pref-read-aloud = 朗讀回答
voice-input = 說出您的問題
