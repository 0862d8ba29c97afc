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

## 언어 및 설정

language-button = 언어:
language-list = 언어 선택
language-changed = 이제 도우미가 한국어로 안내합니다.
prefs-button = 설정
pref-larger-text = 글자 크게
pref-high-contrast = 고대비
pref-read-aloud = 답변 소리 내어 읽기
voice-input = 음성으로 질문하기
