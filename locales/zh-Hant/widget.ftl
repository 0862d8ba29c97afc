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
status-retrying = 助手暫時無法使用。幾秒鐘後將重試…

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
error-consent_required = 提問前，請閱讀並接受隱私聲明。聲明在您上次接受後已有更改，或者您尚未接受。
error-storage_full = 市政府的助手暫時無法儲存任何內容，因此您的訊息沒有送出。請稍後再試，或透過其他方式聯絡市政府。
error-storage_unavailable = 市政府的助手暫時無法使用，因此您的訊息沒有送出。請稍後再試。

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

# 透過引導式表格通報問題，一次回答一個問題。
report-loading = 正在開啟表格…
report-step = 第 { $step } 步，共 { $total } 步
report-required = （必填）
report-optional = （選填）
report-next = 下一步
report-back = 上一步
report-cancel = 取消
report-cancelled = 已取消通報，沒有傳送任何內容。
report-missing = 請回答這個問題。
report-missing-choice = 請選擇答案。
report-number = 請輸入數字，例如 3。
report-where = 問題在哪裡？
report-address = 街道地址或最近的路口
report-address-hint = 例如：120 Main Street，或 Main Street 與 3rd Avenue 路口。
report-locate = 使用我的位置
report-locate-hint = 瀏覽器會詢問您是否分享位置。您的位置只會用於這次通報。
report-locating = 正在尋找您的位置…
report-located = 已找到您的位置（誤差約 { $meters } 公尺）。
report-locate-failed = 找不到您的位置。請改為輸入地址。
report-where-missing = 請輸入地址或使用您的位置。
report-details = 提供更多資訊給市政府
report-description = 說明（選填）
report-description-hint = 最多 { $max } 個字元。請勿填寫您不想提供的個人資料。
report-description-long = 說明太長。請縮短至 { $max } 個字元以內。
report-photo = 照片連結（選填）
report-photo-hint = 以 https:// 開頭的網址
report-photo-invalid = 請輸入以 https:// 開頭的網址，或保留空白。
report-contact = 市政府要如何與您聯絡？（選填）
report-contact-hint = 想收到處理進度通知再填寫即可。不填寫也可以追蹤您的通報。
report-first-name = 名字
report-last-name = 姓氏
report-email = 電子郵件
report-phone = 電話
report-email-invalid = 請檢查電子郵件地址，例如 name@example.com。
report-review = 確認您的通報內容
report-where-label = 地點
report-my-location = 您的位置（{ $lat }, { $long }）
report-not-given = 未填寫
report-change = 修改
report-change-label = 修改：{ $what }
report-submit = 送出通報
report-sending = 正在送出您的通報…
report-sent = 我們已收到您的通報。追蹤號碼是 { $id }。
report-sent-pending = 我們已收到您的通報。市政府稍後會提供追蹤號碼。
report-track = 追蹤您的通報
report-notice = 市政府說明：{ $notice }
report-failed = 無法送出您的通報。您填寫的內容都還在：請再試一次、撥打 { $phone }，或使用市政府的線上表格。
report-form-link = 市政府的線上表格

# Privacy notice
consent-accept = 我同意
consent-accepted = 謝謝。請再次送出您的問題：它仍在下方的輸入框中。
consent-policy = 市政府的隱私權政策

## Kiosk (a public screen)

kiosk-description = 用您自己的話詢問市政服務。這是公用螢幕：使用完畢後，請選擇「清除螢幕」。
kiosk-restart = 清除螢幕
kiosk-warning = 您還在嗎？此螢幕將在 { $seconds } 秒後清除。
kiosk-keep-going = 繼續使用

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
