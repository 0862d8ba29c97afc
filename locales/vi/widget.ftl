# Wayfinder widget: mọi nội dung mà trợ lý trò chuyện hiển thị (tiếng Việt).
# Cùng mã thông điệp với locales/en/widget.ftl.

## Nút và hộp thoại

launcher-label = Hỏi Thành phố
dialog-title = Hỏi Thành phố
dialog-description = Hãy hỏi về các dịch vụ của thành phố bằng lời lẽ của quý vị. Nhấn phím Escape để đóng.
close-button = Đóng
log-label = Cuộc trò chuyện
greeting = Xin chào! Quý vị có thể hỏi tôi về các dịch vụ của thành phố, chẳng hạn như thu gom rác, thanh toán hóa đơn nước hoặc xin giấy phép.
input-label = Câu hỏi của quý vị
send-button = Gửi
status-searching = Đang tìm kiếm…
status-retrying = Trợ lý tạm thời không hoạt động. Đang thử lại sau vài giây…

## Cuộc trò chuyện

sender-user = Quý vị đã nói:
sender-bot = Trợ lý của thành phố:
answer-source = Nguồn:
answer-source-link = trang chính thức
answer-reviewed = Xem xét lần cuối:
answer-simpler = Cách nói dễ hiểu hơn
choices-label = Các câu trả lời có thể phù hợp
actions-label = Các bước tiếp theo
new-tab = (mở trong thẻ mới)

## Góp ý

feedback-question = Thông tin này có hữu ích không?
feedback-yes = Có
feedback-no = Không
feedback-thanks = Cảm ơn quý vị đã góp ý.
feedback-error = Rất tiếc, không gửi được góp ý của quý vị. Vui lòng thử lại.

## Lỗi

error-network = Hiện tôi không thể kết nối với trợ lý của thành phố. Vui lòng kiểm tra kết nối internet rồi thử lại.
error-invalid_json = Đã xảy ra lỗi khi gửi câu hỏi của quý vị. Vui lòng thử lại.
error-unsupported_media_type = Đã xảy ra lỗi khi gửi câu hỏi của quý vị. Vui lòng thử lại.
error-payload_too_large = Câu hỏi của quý vị quá dài. Vui lòng rút ngắn rồi thử lại.
error-origin_not_allowed = Trợ lý chưa được thiết lập cho trang web này. Vui lòng liên hệ với thành phố bằng cách khác.
error-unknown_site = Trợ lý chưa được thiết lập đúng cách. Vui lòng liên hệ với thành phố bằng cách khác.
error-empty_question = Vui lòng nhập câu hỏi trước.
error-question_too_long = Câu hỏi của quý vị quá dài. Vui lòng viết không quá 1000 ký tự.
error-unknown_conversation = Cuộc trò chuyện này đã hết hạn. Vui lòng đặt lại câu hỏi.
error-unknown_entry = Câu trả lời đó không còn nữa. Vui lòng đặt lại câu hỏi.
error-invalid_field = Không thể xử lý câu hỏi của quý vị. Vui lòng thử lại.
error-not_found = Trợ lý của thành phố hiện không hoạt động. Vui lòng thử lại sau.
error-method_not_allowed = Trợ lý của thành phố hiện không hoạt động. Vui lòng thử lại sau.
error-rate_limited = Quý vị đang gửi câu hỏi quá nhanh. Vui lòng đợi một chút rồi thử lại.
error-internal = Đã xảy ra lỗi từ phía chúng tôi. Vui lòng thử lại sau giây lát.
error-staff_unavailable = Hiện không có nhân viên thành phố nào có thể trò chuyện. Quý vị có thể để lại lời nhắn.
error-unknown_chat = Không tìm thấy cuộc trò chuyện này. Có thể cuộc trò chuyện đã kết thúc. Quý vị có thể hỏi lại trợ lý.
error-chat_closed = Cuộc trò chuyện này đã kết thúc nên không thể gửi thêm gì nữa.
error-unknown_service = Không thể yêu cầu dịch vụ này tại đây. Vui lòng dùng trang web của thành phố hoặc gọi điện.
error-unknown_request = Không tìm thấy số yêu cầu đó. Vui lòng kiểm tra và thử lại.
error-upstream_failed = Hệ thống yêu cầu của thành phố hiện không phản hồi. Thông tin quý vị đã nhập vẫn được giữ: hãy thử lại sau ít phút, hoặc dùng mẫu đơn hay số điện thoại của thành phố.
error-consent_required = Vui lòng đọc và chấp nhận thông báo về quyền riêng tư trước khi đặt câu hỏi. Thông báo đã thay đổi kể từ lần quý vị chấp nhận, hoặc quý vị chưa chấp nhận.
error-storage_full = Trợ lý của thành phố hiện không thể lưu gì, nên tin nhắn của quý vị chưa được gửi. Vui lòng thử lại sau, hoặc liên hệ với thành phố bằng cách khác.
error-storage_unavailable = Trợ lý của thành phố tạm thời không hoạt động, nên tin nhắn của quý vị chưa được gửi. Vui lòng thử lại sau giây lát.

## Ngôn ngữ và cài đặt

language-button = Ngôn ngữ:
language-list = Chọn ngôn ngữ
language-changed = Trợ lý hiện dùng tiếng Việt.
prefs-button = Cài đặt
help-page = Phiên bản chỉ có chữ của trợ lý này
pref-larger-text = Chữ lớn hơn
pref-high-contrast = Độ tương phản cao
pref-read-aloud = Đọc to câu trả lời
voice-input = Nói câu hỏi của bạn

## Trò chuyện trực tiếp với nhân viên thành phố

talk-button = Nói chuyện với nhân viên
live-checking = Đang kiểm tra xem có nhân viên thành phố nào có thể trò chuyện không…
live-disabled = Nơi này không có dịch vụ trò chuyện trực tiếp với nhân viên thành phố. Vui lòng liên hệ thành phố qua điện thoại hoặc trang web.
live-connecting = Đang kết nối quý vị với nhân viên…
live-queue-position = Quý vị đang ở vị trí số { $position } trong hàng chờ.
live-queue-wait = Quý vị đang ở vị trí số { $position } trong hàng chờ. Thời gian chờ dự kiến: khoảng { $wait }.
live-minutes = { $minutes } phút
live-joined = { $name } đã tham gia cuộc trò chuyện.
live-joined-department = { $name } của { $department } đã tham gia cuộc trò chuyện.
live-chatting = Quý vị đang trò chuyện với { $name }.
live-typing = { $name } đang nhập…
live-transferred = Cuộc trò chuyện của quý vị đã được chuyển đến { $department }. Vui lòng chờ nhân viên tiếp theo.
live-reconnecting = Mất kết nối. Đang kết nối lại…
live-reconnected = Đã kết nối lại.
live-input-label = Tin nhắn của quý vị
live-sending = Đang gửi…
live-staff = Nhân viên thành phố
live-staff-says = { $name }: { $text }
live-end = Kết thúc trò chuyện
live-ended = Cuộc trò chuyện đã kết thúc.
live-rating-legend = Quý vị thấy cuộc trò chuyện thế nào?
live-stars-1 = 1 sao (kém)
live-stars-2 = 2 sao
live-stars-3 = 3 sao
live-stars-4 = 4 sao
live-stars-5 = 5 sao (xuất sắc)
live-rating-comment = Nhận xét (không bắt buộc)
live-rating-submit = Gửi đánh giá
live-rating-missing = Vui lòng chọn từ 1 đến 5 sao.
live-rating-thanks = Cảm ơn quý vị đã đánh giá.
live-transcript-txt = Tải nội dung trò chuyện (văn bản)
live-transcript-html = Tải nội dung trò chuyện (trang web)
live-offline = Hiện nhân viên thành phố không thể trò chuyện.
live-next-open = Nhân viên sẽ trở lại vào { $day } lúc { $time }.
live-next-open-today = Nhân viên sẽ trở lại hôm nay lúc { $time }.
live-leave-hint = Quý vị có thể để lại lời nhắn, nhân viên sẽ trả lời khi trở lại.
live-leave = Để lại lời nhắn
ticket-name = Tên của quý vị (không bắt buộc)
ticket-contact = Email hoặc số điện thoại (không bắt buộc)
ticket-contact-hint = Để chúng tôi có thể trả lời quý vị.
ticket-message = Lời nhắn của quý vị
ticket-message-missing = Vui lòng viết lời nhắn.
ticket-submit = Gửi lời nhắn
ticket-thanks = Cảm ơn quý vị. Số tham chiếu của quý vị là { $reference }.

# Báo sự cố bằng mẫu đơn có hướng dẫn, lần lượt từng câu hỏi.
report-loading = Đang mở mẫu đơn…
report-step = Bước { $step } trong số { $total }
report-required = (bắt buộc)
report-optional = (không bắt buộc)
report-next = Tiếp theo
report-back = Quay lại
report-cancel = Hủy
report-cancelled = Đã hủy báo cáo. Chưa có thông tin nào được gửi đi.
report-missing = Vui lòng trả lời câu hỏi này.
report-missing-choice = Vui lòng chọn câu trả lời.
report-number = Vui lòng nhập một con số, ví dụ 3.
report-where = Sự cố ở đâu?
report-address = Địa chỉ hoặc giao lộ gần nhất
report-address-hint = Ví dụ: 120 Main Street, hoặc Main Street và 3rd Avenue.
report-locate = Dùng vị trí của tôi
report-locate-hint = Trình duyệt sẽ hỏi quý vị có muốn chia sẻ vị trí hay không. Vị trí chỉ được dùng cho báo cáo này.
report-locating = Đang tìm vị trí của quý vị…
report-located = Đã tìm thấy vị trí của quý vị (chính xác trong khoảng { $meters } m).
report-locate-failed = Không tìm được vị trí của quý vị. Vui lòng nhập địa chỉ thay thế.
report-where-missing = Vui lòng nhập địa chỉ hoặc dùng vị trí của quý vị.
report-details = Cho thành phố biết thêm chi tiết
report-description = Mô tả (không bắt buộc)
report-description-hint = Tối đa { $max } ký tự. Xin đừng ghi những thông tin cá nhân mà quý vị không muốn chia sẻ.
report-description-long = Phần mô tả quá dài. Vui lòng rút ngắn còn tối đa { $max } ký tự.
report-photo = Đường dẫn đến hình (không bắt buộc)
report-photo-hint = Địa chỉ web bắt đầu bằng https://
report-photo-invalid = Vui lòng nhập địa chỉ web bắt đầu bằng https://, hoặc để trống.
report-contact = Thành phố có thể liên lạc với quý vị bằng cách nào? (không bắt buộc)
report-contact-hint = Chỉ điền nếu quý vị muốn nhận thông tin cập nhật. Quý vị vẫn có thể theo dõi báo cáo mà không cần phần này.
report-first-name = Tên
report-last-name = Họ
report-email = Email
report-phone = Điện thoại
report-email-invalid = Vui lòng kiểm tra lại địa chỉ email, ví dụ ten@example.com.
report-review = Kiểm tra lại báo cáo
report-where-label = Địa điểm
report-my-location = Vị trí của quý vị ({ $lat }, { $long })
report-not-given = Không cung cấp
report-change = Sửa
report-change-label = Sửa: { $what }
report-submit = Gửi báo cáo
report-sending = Đang gửi báo cáo của quý vị…
report-sent = Chúng tôi đã nhận được báo cáo của quý vị. Mã theo dõi là { $id }.
report-sent-pending = Chúng tôi đã nhận được báo cáo của quý vị. Thành phố sẽ sớm cấp mã theo dõi.
report-track = Theo dõi báo cáo
report-notice = Thông báo của thành phố: { $notice }
report-failed = Không gửi được báo cáo của quý vị. Thông tin quý vị đã nhập vẫn còn nguyên: hãy thử lại, gọi số { $phone }, hoặc dùng mẫu đơn trực tuyến của thành phố.
report-form-link = Mẫu đơn trực tuyến của thành phố

# Privacy notice
consent-accept = Tôi đồng ý
consent-accepted = Cảm ơn quý vị. Vui lòng gửi lại câu hỏi: câu hỏi vẫn còn trong ô bên dưới.
consent-policy = Chính sách quyền riêng tư của thành phố

## Kiosk (a public screen)

kiosk-description = Hãy hỏi về các dịch vụ của thành phố bằng lời của quý vị. Đây là màn hình công cộng: khi xong, xin chọn “Xóa màn hình”.
kiosk-restart = Xóa màn hình
kiosk-warning = Quý vị vẫn còn ở đây chứ? Màn hình này sẽ được xóa sau { $seconds } giây.
kiosk-keep-going = Tiếp tục

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] Chủ Nhật
    [1] Thứ Hai
    [2] Thứ Ba
    [3] Thứ Tư
    [4] Thứ Năm
    [5] Thứ Sáu
   *[6] Thứ Bảy
}
date-month = { $month ->
    [1] tháng 1
    [2] tháng 2
    [3] tháng 3
    [4] tháng 4
    [5] tháng 5
    [6] tháng 6
    [7] tháng 7
    [8] tháng 8
    [9] tháng 9
    [10] tháng 10
    [11] tháng 11
   *[12] tháng 12
}
date-long = ngày { $day } { $month } năm { $year }
date-long-weekday = { $weekday }, ngày { $day } { $month } năm { $year }
