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

## Ngôn ngữ và cài đặt

language-button = Ngôn ngữ:
language-list = Chọn ngôn ngữ
language-changed = Trợ lý hiện dùng tiếng Việt.
prefs-button = Cài đặt
pref-larger-text = Chữ lớn hơn
pref-high-contrast = Độ tương phản cao
pref-read-aloud = Đọc to câu trả lời
voice-input = Nói câu hỏi của bạn
