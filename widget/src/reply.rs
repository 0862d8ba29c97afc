//! Turns an HTTP result into a reply or a failure the resident can be told about.

use protocol::ErrorCode;

use crate::ids;
use crate::json::{self, Fields};
use crate::live_json;

/// Seconds to wait before each new attempt at a question refused with 503
/// `storage_unavailable`: the server stored nothing and asks for a few seconds
/// (`Retry-After: 5`), so the widget sends the same question again twice, after 5 s and then
/// 10 s, before it tells the resident and gives the question back.
pub const RETRY_WAITS_S: [u32; 2] = [5, 10];

/// Why a request did not produce a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The server could not be reached (offline, DNS, CORS, aborted).
    Network,
    /// The server answered with an error.
    Server(ErrorCode),
}

impl Failure {
    /// The Fluent id of the text that explains this failure to the resident.
    pub fn message_id(self) -> String {
        match self {
            Self::Network => ids::ERROR_NETWORK.to_owned(),
            Self::Server(code) => ids::error(code),
        }
    }

    /// Seconds to wait before sending the same request again, after `attempts` earlier
    /// retries: only for a failure that says nothing was stored and that asks to come back
    /// soon (`storage_unavailable`), and only [`RETRY_WAITS_S`] times. Anything else is for
    /// the resident to decide (a network failure may have reached the server, so resending
    /// could store a question twice).
    pub fn retry_after_s(self, attempts: usize) -> Option<u32> {
        match self {
            Self::Server(ErrorCode::StorageUnavailable) => RETRY_WAITS_S.get(attempts).copied(),
            _ => None,
        }
    }
}

/// Reads a response with HTTP `status` and `body`: the reply `read` finds in its JSON on
/// success, otherwise the `{code, message}` error body. A body that does not parse is
/// classified by its status.
pub fn read<T>(
    status: u16,
    body: &str,
    read: impl FnOnce(&json::Value) -> Option<T>,
) -> Result<T, Failure> {
    if (200..300).contains(&status) {
        return json::parse(body)
            .and_then(|value| read(&value))
            .ok_or(Failure::Server(ErrorCode::Internal));
    }
    Err(failure(status, body))
}

/// The failure a non-2xx response with HTTP `status` and `body` stands for: the code of its
/// `{code, message}` body, or one classified by its status.
pub fn failure(status: u16, body: &str) -> Failure {
    let code = json::parse(body).and_then(|error| {
        error.text("message")?;
        live_json::error_code(&error.text("code")?)
    });
    Failure::Server(code.unwrap_or_else(|| code_for_status(status)))
}

/// The error code closest to a bare HTTP status (for proxies that answer without our body).
fn code_for_status(status: u16) -> ErrorCode {
    match status {
        404 => ErrorCode::NotFound,
        405 => ErrorCode::MethodNotAllowed,
        413 => ErrorCode::PayloadTooLarge,
        415 => ErrorCode::UnsupportedMediaType,
        429 => ErrorCode::RateLimited,
        _ => ErrorCode::Internal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{ask_response, feedback_response};
    use protocol::{AskResponse, FeedbackResponse, Outcome};

    fn parse<T>(status: u16, body: &str) -> Result<T, Failure>
    where
        T: Reply,
    {
        read(status, body, T::read)
    }

    trait Reply: Sized {
        fn read(json: &json::Value) -> Option<Self>;
    }

    impl Reply for AskResponse {
        fn read(json: &json::Value) -> Option<Self> {
            ask_response(json)
        }
    }

    impl Reply for FeedbackResponse {
        fn read(json: &json::Value) -> Option<Self> {
            feedback_response(json)
        }
    }

    #[test]
    fn success_parses_the_reply() {
        let body = r#"{"conversation_id":"c","message_id":"m","lang":"es","outcome":"handoff",
            "message":"Lo siento","actions":[{"kind":"human","label":"Llamar","url":"tel:311"}]}"#;
        let reply: AskResponse = parse(200, body).expect("a reply");
        assert_eq!(reply.outcome, Outcome::Handoff);
        assert_eq!(reply.actions.len(), 1);
    }

    #[test]
    fn error_body_gives_its_code() {
        let body = r#"{"code":"rate_limited","message":"slow down"}"#;
        let err = parse::<FeedbackResponse>(429, body).expect_err("an error");
        assert_eq!(err, Failure::Server(ErrorCode::RateLimited));
        assert_eq!(err.message_id(), "error-rate_limited");
    }

    #[test]
    fn an_error_body_needs_a_known_code_and_a_message() {
        let err = parse::<FeedbackResponse>(404, r#"{"code":"unknown_chat"}"#).expect_err("error");
        assert_eq!(err, Failure::Server(ErrorCode::NotFound));
        let body = r#"{"code":"gremlins","message":"?"}"#;
        let err = parse::<FeedbackResponse>(429, body).expect_err("error");
        assert_eq!(err, Failure::Server(ErrorCode::RateLimited));
        for code in ErrorCode::ALL {
            let body = serde_json::to_string(&protocol::ErrorBody {
                code,
                message: "m".into(),
            })
            .expect("serialises");
            assert_eq!(failure(500, &body), Failure::Server(code));
        }
    }

    #[test]
    fn bare_statuses_are_classified() {
        let err = parse::<FeedbackResponse>(413, "<html>too big</html>").expect_err("an error");
        assert_eq!(err, Failure::Server(ErrorCode::PayloadTooLarge));
        let err = parse::<FeedbackResponse>(502, "").expect_err("an error");
        assert_eq!(err, Failure::Server(ErrorCode::Internal));
    }

    #[test]
    fn garbled_success_is_an_internal_error() {
        let err = parse::<AskResponse>(200, "{").expect_err("an error");
        assert_eq!(err, Failure::Server(ErrorCode::Internal));
    }

    #[test]
    fn only_storage_unavailable_is_retried_and_only_twice() {
        let busy = Failure::Server(ErrorCode::StorageUnavailable);
        assert_eq!(busy.retry_after_s(0), Some(5));
        assert_eq!(busy.retry_after_s(1), Some(10));
        assert_eq!(busy.retry_after_s(2), None);
        for code in ErrorCode::ALL {
            if code != ErrorCode::StorageUnavailable {
                assert_eq!(Failure::Server(code).retry_after_s(0), None, "{code:?}");
            }
        }
        assert_eq!(Failure::Network.retry_after_s(0), None);
    }

    #[test]
    fn network_failure_has_its_own_text() {
        assert_eq!(Failure::Network.message_id(), "error-network");
    }
}
