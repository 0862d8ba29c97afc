# Wayfinder 위젯: 채팅 도우미에 표시되는 모든 문구(한국어).
# 메시지 ID는 locales/en/widget.ftl과 같습니다.

## 버튼과 대화 상자

launcher-label = 시에 문의하기
dialog-title = 시에 문의하기
dialog-description = 시 서비스에 대해 편하게 질문해 주세요. 닫으려면 Escape 키를 누르세요.
close-button = 닫기
log-label = 대화 내용
greeting = 안녕하세요! 쓰레기 수거, 수도 요금 납부, 허가 신청 등 시 서비스에 대해 물어보세요.
input-label = 질문
send-button = 보내기
status-searching = 검색 중…
status-retrying = 도우미를 잠시 사용할 수 없습니다. 몇 초 후에 다시 시도합니다…

## 대화

sender-user = 보낸 메시지:
sender-bot = 시 도우미:
answer-source = 출처:
answer-source-link = 공식 페이지
answer-reviewed = 최종 검토일:
answer-simpler = 쉬운 말로 보기
choices-label = 가능한 답변
actions-label = 다음 단계
new-tab = (새 탭에서 열림)

## 의견

feedback-question = 도움이 되었나요?
feedback-yes = 예
feedback-no = 아니요
feedback-thanks = 의견을 보내 주셔서 감사합니다.
feedback-error = 죄송합니다. 의견을 보내지 못했습니다. 다시 시도해 주세요.

## 오류

error-network = 지금은 시 도우미에 연결할 수 없습니다. 인터넷 연결을 확인한 후 다시 시도해 주세요.
error-invalid_json = 질문을 보내는 중에 문제가 발생했습니다. 다시 시도해 주세요.
error-unsupported_media_type = 질문을 보내는 중에 문제가 발생했습니다. 다시 시도해 주세요.
error-payload_too_large = 질문이 너무 깁니다. 질문을 줄여서 다시 시도해 주세요.
error-origin_not_allowed = 이 웹사이트에는 아직 도우미가 설정되지 않았습니다. 다른 방법으로 시에 문의해 주세요.
error-unknown_site = 도우미가 올바르게 설정되지 않았습니다. 다른 방법으로 시에 문의해 주세요.
error-empty_question = 먼저 질문을 입력해 주세요.
error-question_too_long = 질문이 너무 깁니다. 1000자 이내로 입력해 주세요.
error-unknown_conversation = 이 대화는 만료되었습니다. 질문을 다시 입력해 주세요.
error-unknown_entry = 해당 답변은 더 이상 제공되지 않습니다. 질문을 다시 입력해 주세요.
error-invalid_field = 질문을 처리할 수 없습니다. 다시 시도해 주세요.
error-not_found = 지금은 시 도우미를 이용할 수 없습니다. 나중에 다시 시도해 주세요.
error-method_not_allowed = 지금은 시 도우미를 이용할 수 없습니다. 나중에 다시 시도해 주세요.
error-rate_limited = 질문을 너무 빠르게 보내고 계십니다. 잠시 기다린 후 다시 시도해 주세요.
error-internal = 저희 쪽에 문제가 발생했습니다. 잠시 후 다시 시도해 주세요.
error-staff_unavailable = 지금은 채팅할 수 있는 시 직원이 없습니다. 대신 메시지를 남기실 수 있습니다.
error-unknown_chat = 이 채팅을 찾을 수 없습니다. 이미 끝났을 수 있습니다. 도우미에게 다시 질문하실 수 있습니다.
error-chat_closed = 이 채팅은 끝났으므로 더 이상 보낼 수 없습니다.
error-unknown_service = 이 서비스는 여기에서 신청할 수 없습니다. 시 웹사이트를 이용하시거나 전화해 주세요.
error-unknown_request = 해당 요청 번호를 찾을 수 없습니다. 번호를 확인하고 다시 시도해 주세요.
error-upstream_failed = 지금은 시의 요청 시스템이 응답하지 않습니다. 입력하신 내용은 그대로 남아 있습니다. 잠시 후 다시 시도하시거나 시의 양식 또는 전화를 이용해 주세요.
error-consent_required = 질문하시기 전에 개인정보 안내를 읽고 동의해 주세요. 마지막으로 동의하신 뒤 안내가 바뀌었거나 아직 동의하지 않으셨습니다.
error-storage_full = 지금은 시의 도우미가 내용을 저장할 수 없어 메시지가 전송되지 않았습니다. 나중에 다시 시도하시거나 다른 방법으로 시에 연락해 주세요.
error-storage_unavailable = 시의 도우미를 잠시 사용할 수 없어 메시지가 전송되지 않았습니다. 잠시 후 다시 시도해 주세요.

## 언어 및 설정

language-button = 언어:
language-list = 언어 선택
language-changed = 이제 도우미가 한국어로 안내합니다.
prefs-button = 설정
help-page = 이 도우미의 텍스트 전용 버전
pref-larger-text = 글자 크게
pref-high-contrast = 고대비
pref-read-aloud = 답변 소리 내어 읽기
voice-input = 음성으로 질문하기

## 시 직원과 실시간 채팅

talk-button = 직원과 대화하기
live-checking = 채팅할 수 있는 시 직원이 있는지 확인하고 있습니다…
live-disabled = 이곳에서는 시 직원과의 실시간 채팅을 제공하지 않습니다. 전화나 시 웹사이트로 문의해 주세요.
live-connecting = 직원과 연결하고 있습니다…
live-queue-position = 대기 순서는 { $position }번입니다.
live-queue-wait = 대기 순서는 { $position }번입니다. 예상 대기 시간: 약 { $wait }.
live-minutes = { $minutes }분
live-joined = { $name } 님이 채팅에 참여했습니다.
live-joined-department = { $department }의 { $name } 님이 채팅에 참여했습니다.
live-chatting = { $name } 님과 채팅 중입니다.
live-typing = { $name } 님이 입력 중입니다…
live-transferred = 채팅이 { $department }(으)로 넘겨졌습니다. 다음 직원을 기다려 주세요.
live-reconnecting = 연결이 끊어졌습니다. 다시 연결하는 중입니다…
live-reconnected = 다시 연결되었습니다.
live-input-label = 메시지
live-sending = 보내는 중…
live-staff = 시 직원
live-staff-says = { $name }: { $text }
live-end = 채팅 끝내기
live-ended = 채팅이 끝났습니다.
live-rating-legend = 채팅은 어떠셨나요?
live-stars-1 = 별 1개 (나쁨)
live-stars-2 = 별 2개
live-stars-3 = 별 3개
live-stars-4 = 별 4개
live-stars-5 = 별 5개 (아주 좋음)
live-rating-comment = 의견 (선택 사항)
live-rating-submit = 평가 보내기
live-rating-missing = 별을 1개에서 5개까지 골라 주세요.
live-rating-thanks = 평가해 주셔서 감사합니다.
live-transcript-txt = 대화 내용 내려받기 (텍스트)
live-transcript-html = 대화 내용 내려받기 (웹 페이지)
live-offline = 지금은 시 직원과 채팅할 수 없습니다.
live-next-open = 직원은 { $day } { $time }에 돌아옵니다.
live-next-open-today = 직원은 오늘 { $time }에 돌아옵니다.
live-leave-hint = 메시지를 남기시면 직원이 돌아와서 답변해 드립니다.
live-leave = 메시지 남기기
ticket-name = 이름 (선택 사항)
ticket-contact = 이메일 또는 전화번호 (선택 사항)
ticket-contact-hint = 답변을 드릴 수 있도록 적어 주세요.
ticket-message = 메시지
ticket-message-missing = 메시지를 적어 주세요.
ticket-submit = 메시지 보내기
ticket-thanks = 감사합니다. 접수 번호는 { $reference }입니다.

# 안내에 따라 한 번에 한 질문씩 답하며 문제를 신고하는 양식입니다.
report-loading = 양식을 여는 중…
report-step = { $total }단계 중 { $step }단계
report-required = (필수)
report-optional = (선택 사항)
report-next = 다음
report-back = 이전
report-cancel = 취소
report-cancelled = 신고를 취소했습니다. 아무것도 보내지 않았습니다.
report-missing = 이 질문에 답해 주세요.
report-missing-choice = 답을 골라 주세요.
report-number = 숫자를 입력해 주세요. 예: 3
report-where = 어디에 있나요?
report-address = 주소 또는 가장 가까운 교차로
report-address-hint = 예: 120 Main Street 또는 Main Street와 3rd Avenue 교차로
report-locate = 내 위치 사용
report-locate-hint = 브라우저에서 위치를 공유할지 묻습니다. 위치는 이 신고에만 사용됩니다.
report-locating = 위치를 찾는 중…
report-located = 위치를 찾았습니다. (오차 약 { $meters }m)
report-locate-failed = 위치를 찾지 못했습니다. 대신 주소를 입력해 주세요.
report-where-missing = 주소를 입력하시거나 내 위치를 사용해 주세요.
report-details = 시에 자세히 알려 주세요
report-description = 설명 (선택 사항)
report-description-hint = 최대 { $max }자까지 쓸 수 있습니다. 알리고 싶지 않은 개인 정보는 적지 마세요.
report-description-long = 설명이 너무 깁니다. { $max }자 이내로 줄여 주세요.
report-photo = 사진 링크 (선택 사항)
report-photo-hint = https://로 시작하는 웹 주소
report-photo-invalid = https://로 시작하는 웹 주소를 입력하시거나 비워 두세요.
report-contact = 시에서 어떻게 연락드리면 될까요? (선택 사항)
report-contact-hint = 진행 상황을 받아 보고 싶을 때만 적어 주세요. 적지 않아도 신고 처리 상황을 확인할 수 있습니다.
report-first-name = 이름
report-last-name = 성
report-email = 이메일
report-phone = 전화번호
report-email-invalid = 이메일 주소를 확인해 주세요. 예: name@example.com
report-review = 신고 내용 확인
report-where-label = 위치
report-my-location = 내 위치 ({ $lat }, { $long })
report-not-given = 입력하지 않음
report-change = 수정
report-change-label = 수정: { $what }
report-submit = 신고 보내기
report-sending = 신고를 보내는 중…
report-sent = 신고가 접수되었습니다. 추적 번호는 { $id }입니다.
report-sent-pending = 신고가 접수되었습니다. 곧 시에서 추적 번호를 알려 드립니다.
report-track = 신고 처리 상황 확인
report-notice = 시 안내: { $notice }
report-failed = 신고를 보내지 못했습니다. 입력하신 내용은 그대로 남아 있습니다. 다시 시도하시거나, { $phone }번으로 전화하시거나, 시 온라인 양식을 이용해 주세요.
report-form-link = 시 온라인 양식

# Privacy notice
consent-accept = 동의합니다
consent-accepted = 감사합니다. 질문을 다시 보내 주세요. 질문은 아래 입력란에 그대로 있습니다.
consent-policy = 시의 개인정보 처리방침

## Kiosk (a public screen)

kiosk-description = 시 서비스에 대해 편하게 질문하세요. 이 화면은 여러 사람이 함께 쓰는 공용 화면입니다. 다 쓰신 후에는 ‘화면 지우기’를 눌러 주세요.
kiosk-restart = 화면 지우기
kiosk-warning = 아직 계신가요? { $seconds }초 후에 이 화면이 지워집니다.
kiosk-keep-going = 계속 사용하기

## Dates (only where the browser cannot write dates in this language)

date-weekday = { $weekday ->
    [0] 일요일
    [1] 월요일
    [2] 화요일
    [3] 수요일
    [4] 목요일
    [5] 금요일
   *[6] 토요일
}
date-month = { $month ->
    [1] 1월
    [2] 2월
    [3] 3월
    [4] 4월
    [5] 5월
    [6] 6월
    [7] 7월
    [8] 8월
    [9] 9월
    [10] 10월
    [11] 11월
   *[12] 12월
}
date-long = { $year }년 { $month } { $day }일
date-long-weekday = { $year }년 { $month } { $day }일 { $weekday }
