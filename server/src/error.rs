//! [`ApiError`]: every failure a client can see, as an HTTP status plus `{code, message}`.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use protocol::{ErrorBody, ErrorCode};

/// An error returned to a client. Internal failures are logged and shown only as
/// `internal`, never with their details.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A client error with a stable code and a message meant for developers.
    #[error("{code:?}: {message}")]
    Client {
        /// HTTP status.
        status: StatusCode,
        /// Stable code.
        code: ErrorCode,
        /// Explanation.
        message: String,
    },
    /// A server-side failure (database, index); the details go to the log only.
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    /// A client error.
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Self::Client {
            status,
            code,
            message: message.into(),
        }
    }

    /// 404 `not_found`.
    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no such endpoint",
        )
    }

    /// 405 `method_not_allowed`.
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::MethodNotAllowed,
            "this method is not allowed on this endpoint",
        )
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        let (status, code) = match &rejection {
            JsonRejection::MissingJsonContentType(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ),
            _ if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
            }
            // Well-formed JSON of the wrong shape (unknown or missing fields, wrong types).
            JsonRejection::JsonDataError(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidJson)
            }
            _ => (StatusCode::BAD_REQUEST, ErrorCode::InvalidJson),
        };
        let message = match code {
            ErrorCode::PayloadTooLarge => format!(
                "the request body is larger than {} bytes",
                protocol::MAX_BODY_BYTES
            ),
            ErrorCode::UnsupportedMediaType => {
                "send the body as JSON with `Content-Type: application/json`".to_owned()
            }
            _ => rejection.body_text(),
        };
        Self::new(status, code, message)
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            Self::Client {
                status,
                code,
                message,
            } => (status, Json(ErrorBody { code, message })).into_response(),
            Self::Internal(error) => {
                tracing::error!(error = %format!("{error:#}"), "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(ErrorBody {
                        code: ErrorCode::Internal,
                        message: "something went wrong on our side; please try again".into(),
                    }),
                )
                    .into_response()
            }
        }
    }
}
