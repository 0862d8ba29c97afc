# 도우미가 주민에게 답할 때 쓰는 문구(서버, 한국어).

bot-answer = 찾은 내용은 다음과 같습니다.
bot-answer-untranslated = 찾은 내용은 다음과 같습니다. 이 답변은 아직 한국어로 제공되지 않아 원래 언어로 표시됩니다.
bot-choices = 관련이 있을 수 있는 답변을 몇 가지 찾았습니다. 어떤 내용을 찾으시나요? 찾으시는 답변이 없으면 { $site } 직원이 도와드릴 수 있습니다.
bot-handoff = 죄송합니다. 이 질문에는 알맞은 답변을 드리기 어렵습니다. { $site } 직원이 도와드릴 수 있습니다.
bot-need-more = 찾으시는 내용에 대해 조금 더 자세히 말씀해 주시겠어요?

action-form = 온라인 양식 작성하기
action-report = 여기에서 질문에 하나씩 답하며 신고하기
action-contact = { $site }에 문의하기
action-chat = 상담원과 대화하기
action-call = { $phone }번으로 전화하기

transcript-title = { $site }와(과)의 대화
transcript-you = 나
transcript-assistant = 도우미
transcript-joined = { $name } 님이 채팅에 참여했습니다.
transcript-joined-department = { $department }의 { $name } 님이 채팅에 참여했습니다.
transcript-transferred = 채팅이 { $department }(으)로 전달되었습니다.
transcript-closed = 채팅이 종료되었습니다.

status-title = 요청 { $id }
status-state = 상태
status-open = 처리 중: 시에서 작업하고 있습니다.
status-closed = 완료: 시에서 이 요청을 처리했습니다.
status-service = 서비스
status-agency = 담당 부서
status-address = 위치
status-reported = 접수일
status-updated = 최근 업데이트
status-expected = 예상 완료일
status-notes = 시의 메모
status-found = 요청 { $id }의 최신 정보입니다.
status-unknown = 요청 { $id }을(를) 찾을 수 없습니다. 번호를 확인하시거나 { $site }에 문의해 주세요.
status-unavailable = 지금은 { $site } 요청 시스템에 연결할 수 없습니다. 나중에 다시 시도하시거나 { $site }에 문의해 주세요.
status-pending-title = 요청 접수됨
status-pending = 요청이 접수되었습니다. 아직 추적 번호가 없습니다. 몇 분 후 이 페이지를 새로 고침해 주세요.
action-track = 이 요청 추적하기

help-title = { $site }에 물어보기
help-intro = 시 서비스에 대해 편하게 물어보세요. 이 페이지는 JavaScript 없이도 작동합니다.
help-label = 질문
help-submit = 묻기
help-reply = 답변
help-source = 공식 페이지
help-reviewed = 최종 검토일 { $date }
help-choices = 다음 중 어느 것을 찾으시나요?
help-next-steps = 다음 단계

# The privacy notice the widget shows (GET /api/v1/privacy): paragraphs, joined by blank lines.
privacy-notice-title = 질문을 처리하는 방법 안내
privacy-notice = 이 도우미는 { $site }에서 운영합니다. 답변을 드리고 답변을 개선하기 위해 여기에 입력하신 내용을 저장합니다. 저장하기 전에 이메일 주소, 전화번호 같은 정보는 지웁니다. 질문은 { $days }{ $days_plural ->
       *[other] 일
    } 후에 삭제됩니다.
privacy-notice-chats = 직원과 채팅하시면 채팅 내용은 { $chat_days }{ $chat_days_plural ->
       *[other] 일
    } 동안 보관됩니다. 직원에게 남기신 메시지는 { $ticket_days }{ $ticket_days_plural ->
       *[other] 일
    } 동안 보관됩니다.
privacy-notice-rights = 카드 번호나 건강 정보 같은 개인적인 정보는 입력하지 마세요. { $site }에 대화 내용의 사본을 요청하거나 대화 삭제를 요청하실 수 있습니다.
