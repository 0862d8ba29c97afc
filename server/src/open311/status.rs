//! "Where is my request 12345?": recognising a question about a service request's status, in
//! the languages residents write, and the request number in it.

use std::sync::LazyLock;

use regex::Regex;

/// Words for "request" (report, case, ticket …) written with spaces between words: matched
/// as whole words.
const REQUEST_WORDS: &str = r"requests?|report|ticket|case|complaint|311|solicitud(?:es)?|reporte|petici[oó]n|queja|caso|demande|signalement|dossier|r[ée]clamation|solicita[cç][aã]o|pedido|protocolo|chamado|y[eê]u c[aầ]u|đơn|b[aá]o c[aá]o|kahilingan|reklamo|ulat|demann|rap[oò]|plent|заявк\w*|обращени\w*|запрос\w*|жалоб\w*";

/// Words for "request" in scripts that attach particles or write without spaces: matched
/// anywhere.
const REQUEST_GLUED: &str =
    r"طلب|بلاغ|شكوى|요청|신고|민원|请求|申请|报告|工单|投诉|請求|申請|報告|工單|投訴";

/// Words asking where something is or how it stands, matched as whole words.
const STATUS_WORDS: &str = r"where|status|track|tracking|check|update|happened|progress|d[oó]nde|estado|seguimiento|pas[oó]|o[uù]|en est|[ée]tat|statut|suivi|onde|situa[cç][aã]o|acompanhar|andamento|đâu|t[iì]nh tr[aạ]ng|theo d[oõ]i|nasaan|kalagayan|kote|estati|sitiyasyon|где|статус|состояни\w*";

/// Status words in scripts without word boundaries, matched anywhere.
const STATUS_GLUED: &str =
    r"أين|حالة|متابعة|어디|상태|진행|조회|在哪|状态|進度|进度|狀態|查询|查詢|怎么样|怎麼樣";

/// What may stand right before or after a request number: anything but a letter or digit,
/// or a character of a script written without spaces ("请求12345在哪里"), where a word
/// boundary (`\b`) finds none.
const NUMBER_EDGE: &str = r"[^\w]|[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}\p{Thai}]";

/// A request number: 4 to 12 digits ([`crate::digits`]), optionally after a short prefix
/// such as `SR-` or `#`.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let digit = crate::digits::class();
    Regex::new(&format!(
        r"(?i)(?:^|{NUMBER_EDGE})(?:#|(?:sr|no\.?|n[º°]|núm\.?|num\.?)\s*-?\s*)?({digit}{{4,12}})(?:$|{NUMBER_EDGE})"
    ))
    .expect("a valid pattern")
});

static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{REQUEST_WORDS})\b|{REQUEST_GLUED}")).expect("a valid pattern")
});

static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{STATUS_WORDS})\b|{STATUS_GLUED}")).expect("a valid pattern")
});

/// A request word right before the number ("request 12345", "solicitud #12345",
/// "заявка № 12345"): asking about that request even without a status word.
static NAMED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let digit = crate::digits::class();
    Regex::new(&format!(
        r"(?i)(?:\b(?:{REQUEST_WORDS})|{REQUEST_GLUED})\s*(?:number|n[uú]mero|num[eé]ro|số|blg\.?|no\.?|#|№|번호|编号|號碼|رقم)?\s*[:#№-]?\s*{digit}{{4,12}}(?:$|{NUMBER_EDGE})"
    ))
    .expect("a valid pattern")
});

/// The request number `text` asks about, when it asks about a request's status, in ASCII
/// digits whatever digits the resident wrote: Arabic-Indic `١٢٣٤٥`, full-width `１２３４５`
/// ([`crate::digits`]). The city's system knows the request as `12345`.
pub fn asked_request(text: &str) -> Option<String> {
    let number = crate::digits::to_ascii(NUMBER.captures(text)?.get(1)?.as_str());
    let about_request = REQUEST.is_match(text);
    let asks_status = STATUS.is_match(text);
    (about_request && (asks_status || NAMED_NUMBER.is_match(text))).then_some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_questions_in_many_languages() {
        for text in [
            "Where is my request 12345?",
            "status of report #48213",
            "what happened to ticket 20261126",
            "¿Dónde está mi solicitud 12345?",
            "estado de mi reporte 12345",
            "Où en est ma demande 12345 ?",
            "Qual é a situação do meu pedido 12345?",
            "Yêu cầu 12345 của tôi đang ở đâu?",
            "Nasaan na ang kahilingan ko 12345?",
            "Kote demann mwen 12345 la ye?",
            "Где моя заявка 12345?",
            "أين طلبي رقم 12345؟",
            "제 민원 12345 진행 상태가 어떻게 되나요?",
            "我的请求 12345 在哪里？",
            "我的申請 12345 進度如何？",
            "request 123456",
            "أين طلبي رقم ١٢٣٤٥؟",
            "我的请求12345在哪里？",
            "我的请求１２３４５在哪里？",
            "申请12345",
        ] {
            let found = asked_request(text);
            assert!(
                found
                    .as_deref()
                    .is_some_and(|n| n.starts_with("12345") || n == "48213" || n == "20261126"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn other_questions_with_numbers_are_left_alone() {
        for text in [
            "I want to report a pothole at 1234 Oak Street",
            "when is trash picked up on 5th street",
            "call (555) 010-0100",
            "where is city hall",
            "is the pool open in 2026",
            "Quiero reportar un bache en la calle 1234",
            "where is my request",
        ] {
            assert_eq!(asked_request(text), None, "{text}");
        }
    }
}
