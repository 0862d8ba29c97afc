# Lời của trợ lý khi trả lời cư dân (phía máy chủ, tiếng Việt).

bot-answer = Đây là thông tin tôi tìm được.
bot-answer-untranslated = Đây là thông tin tôi tìm được. Câu trả lời này chưa có bằng tiếng Việt, nên được hiển thị bằng ngôn ngữ gốc.
bot-choices = Tôi tìm thấy một vài câu trả lời có thể phù hợp. Quý vị muốn hỏi về câu nào? Nếu không có câu nào phù hợp, nhân viên của { $site } có thể giúp quý vị.
bot-handoff = Rất tiếc, tôi không có câu trả lời phù hợp cho câu hỏi này. Nhân viên của { $site } có thể giúp quý vị.
bot-need-more = Quý vị có thể cho tôi biết thêm một chút về điều quý vị đang tìm không?

action-form = Điền mẫu đơn trực tuyến
action-report = Báo sự cố tại đây, lần lượt từng câu hỏi
action-contact = Liên hệ với { $site }
action-chat = Nói chuyện với nhân viên
action-call = Gọi số { $phone }

transcript-title = Cuộc trò chuyện của quý vị với { $site }
transcript-you = Quý vị
transcript-assistant = Trợ lý
transcript-joined = { $name } đã tham gia cuộc trò chuyện.
transcript-joined-department = { $name } từ { $department } đã tham gia cuộc trò chuyện.
transcript-transferred = Cuộc trò chuyện đã được chuyển đến { $department }.
transcript-closed = Cuộc trò chuyện đã kết thúc.

status-title = Yêu cầu { $id }
status-state = Tình trạng
status-open = Đang mở: thành phố đang xử lý.
status-closed = Đã đóng: thành phố đã hoàn tất yêu cầu này.
status-service = Dịch vụ
status-agency = Đơn vị phụ trách
status-address = Địa điểm
status-reported = Ngày báo
status-updated = Cập nhật gần nhất
status-expected = Dự kiến xong
status-notes = Ghi chú của thành phố
status-found = Đây là thông tin mới nhất về yêu cầu { $id }.
status-unknown = Tôi không tìm thấy yêu cầu { $id }. Vui lòng kiểm tra lại số, hoặc liên hệ { $site }.
status-unavailable = Hiện không kết nối được với hệ thống yêu cầu của { $site }. Vui lòng thử lại sau, hoặc liên hệ { $site }.
status-pending-title = Đã nhận yêu cầu
status-pending = Chúng tôi đã nhận yêu cầu của quý vị. Mã theo dõi chưa được cấp: vui lòng tải lại trang này sau vài phút.
action-track = Theo dõi yêu cầu này

help-title = Hỏi { $site }
help-intro = Hỏi về các dịch vụ của thành phố bằng lời của quý vị. Trang này hoạt động không cần JavaScript.
help-label = Câu hỏi của quý vị
help-submit = Hỏi
help-reply = Câu trả lời
help-source = Trang chính thức
help-reviewed = Xem lại lần cuối { $date }
help-choices = Quý vị muốn hỏi điều nào?
help-next-steps = Các bước tiếp theo

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = Cách chúng tôi xử lý câu hỏi của quý vị
privacy-notice = Trợ lý này do { $site } vận hành. Để trả lời và cải thiện câu trả lời, trợ lý lưu lại những gì quý vị nhập ở đây. Địa chỉ email, số điện thoại và các thông tin tương tự được xóa trước khi lưu. Câu hỏi của quý vị sẽ được xóa sau { $days } { $days_plural ->
       *[other] ngày
    }.
privacy-notice-chats = Nếu quý vị trò chuyện với nhân viên, cuộc trò chuyện được lưu trong { $chat_days } { $chat_days_plural ->
       *[other] ngày
    }. Tin nhắn quý vị để lại cho nhân viên được lưu trong { $ticket_days } { $ticket_days_plural ->
       *[other] ngày
    }.
privacy-notice-rights = Xin đừng nhập thông tin riêng tư như số thẻ hoặc thông tin sức khỏe. Quý vị có thể yêu cầu { $site } gửi bản sao cuộc trò chuyện, hoặc yêu cầu xóa cuộc trò chuyện.
