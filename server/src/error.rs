//! [`ApiError`]: every failure a client can see, as an HTTP status plus `{code, message}`.
//!
//! Storage failures are not hidden behind `internal`: when the disk holding the database (or
//! the database's own) is full, the client gets 507 `storage_full`; while the database cannot
//! be reached (PostgreSQL restarting, a lost connection, no free connection in time), 503
//! `storage_unavailable` with `Retry-After`. Either way nothing was stored and the same
//! request may be sent again: see [`StorageFailure`].

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use protocol::{ErrorBody, ErrorCode};

/// Seconds a client is asked to wait (`Retry-After`) before sending again a request refused
/// with 503 `storage_unavailable`.
pub const RETRY_AFTER_SECONDS: u32 = 5;

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

/// A database failure a client is told about, rather than an `internal` error: nothing was
/// stored, and the request may be sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageFailure {
    /// No space left: SQLite's `SQLITE_FULL` (its disk, or `max_page_count`), PostgreSQL's
    /// `disk_full` (SQLSTATE 53100), or an I/O error saying the disk is full.
    Full,
    /// The database cannot be reached or is not taking work now: a lost or refused
    /// connection, no free connection in time, PostgreSQL shutting down or starting up
    /// (SQLSTATE classes 08 and 57, 53 but disk full, 58), SQLite's disk I/O errors or a lock
    /// held too long.
    Unavailable,
}

impl StorageFailure {
    /// What `error` means for a client; `None` when it is a failure of another kind (a bug,
    /// a broken constraint), which stays `internal`.
    pub fn of(error: &sqlx::Error) -> Option<Self> {
        match error {
            sqlx::Error::Database(db) => {
                if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                    // Extended result codes: the primary code is the low byte.
                    let code = db.code().and_then(|c| c.parse::<i32>().ok()).unwrap_or(0);
                    return match code & 0xff {
                        // SQLITE_FULL
                        13 => Some(Self::Full),
                        // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN
                        5 | 6 | 10 | 14 => Some(Self::Unavailable),
                        _ => None,
                    };
                }
                let state = db.code()?;
                match state.as_ref() {
                    "53100" => Some(Self::Full),
                    s if ["08", "53", "57", "58"]
                        .iter()
                        .any(|class| s.starts_with(class)) =>
                    {
                        Some(Self::Unavailable)
                    }
                    // A read-only standby answering after a fail-over.
                    "25006" => Some(Self::Unavailable),
                    _ => None,
                }
            }
            sqlx::Error::Io(e) => Some(Self::of_io(e)),
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed
            | sqlx::Error::Tls(_) => Some(Self::Unavailable),
            _ => None,
        }
    }

    /// What an I/O error of the storage means: [`StorageFailure::Full`] when the disk or a
    /// quota is full, else [`StorageFailure::Unavailable`].
    pub fn of_io(error: &std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Self::Full,
            _ => Self::Unavailable,
        }
    }

    /// The first storage failure among `error`'s causes: a database error, or an I/O error
    /// saying the disk is full.
    pub fn in_chain(error: &anyhow::Error) -> Option<Self> {
        error.chain().find_map(|cause| {
            if let Some(e) = cause.downcast_ref::<sqlx::Error>() {
                Self::of(e)
            } else {
                cause
                    .downcast_ref::<std::io::Error>()
                    .map(Self::of_io)
                    .filter(|f| *f == Self::Full)
            }
        })
    }

    /// The error a client gets for it.
    pub fn api_error(self) -> ApiError {
        match self {
            Self::Full => ApiError::new(
                StatusCode::INSUFFICIENT_STORAGE,
                ErrorCode::StorageFull,
                "the server's storage is full: nothing was stored; try again later",
            ),
            Self::Unavailable => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::StorageUnavailable,
                "the server cannot reach its database right now: nothing was stored; \
                 try again in a moment",
            ),
        }
    }

    /// Logs `error` (with its details, which the client never sees) as this failure.
    fn log(self, error: &dyn std::fmt::Display) {
        match self {
            Self::Full => tracing::error!(error = %error, "storage full: nothing stored"),
            Self::Unavailable => {
                tracing::warn!(error = %error, "database unavailable: nothing stored");
            }
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        match StorageFailure::of(&e) {
            Some(failure) => {
                failure.log(&e);
                failure.api_error()
            }
            None => Self::Internal(e.into()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            Self::Client {
                status,
                code,
                message,
            } => {
                let mut response = (status, Json(ErrorBody { code, message })).into_response();
                if code == ErrorCode::StorageUnavailable {
                    response
                        .headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
                }
                response
            }
            Self::Internal(error) => {
                if let Some(failure) = StorageFailure::in_chain(&error) {
                    failure.log(&format!("{error:#}"));
                    return failure.api_error().into_response();
                }
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

#[cfg(test)]
mod tests {
    use sqlx::Connection as _;

    use super::*;

    fn status_and_code(error: ApiError) -> (StatusCode, Option<HeaderValue>, ErrorCode) {
        let response = error.into_response();
        let retry = response.headers().get(header::RETRY_AFTER).cloned();
        let code = match response.status() {
            StatusCode::INSUFFICIENT_STORAGE => ErrorCode::StorageFull,
            StatusCode::SERVICE_UNAVAILABLE => ErrorCode::StorageUnavailable,
            StatusCode::INTERNAL_SERVER_ERROR => ErrorCode::Internal,
            other => panic!("unexpected status {other}"),
        };
        (response.status(), retry, code)
    }

    #[tokio::test]
    async fn a_full_sqlite_database_is_storage_full() {
        let mut db = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .unwrap();
        sqlx::query("CREATE TABLE t (x TEXT)")
            .execute(&mut db)
            .await
            .unwrap();
        // The same SQLITE_FULL a full disk gives.
        sqlx::query("PRAGMA max_page_count = 8")
            .execute(&mut db)
            .await
            .unwrap();
        let mut failed = None;
        for _ in 0..100 {
            if let Err(e) = sqlx::query("INSERT INTO t VALUES (?)")
                .bind("x".repeat(2000))
                .execute(&mut db)
                .await
            {
                failed = Some(e);
                break;
            }
        }
        let error = failed.expect("the database filled up");
        assert_eq!(StorageFailure::of(&error), Some(StorageFailure::Full));
        let (status, retry, _) = status_and_code(error.into());
        assert_eq!(status, StatusCode::INSUFFICIENT_STORAGE);
        assert!(retry.is_none());
    }

    #[test]
    fn lost_connections_are_unavailable_and_bugs_stay_internal() {
        let refused = || std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        let full = || std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(
            StorageFailure::of(&sqlx::Error::PoolTimedOut),
            Some(StorageFailure::Unavailable)
        );
        assert_eq!(
            StorageFailure::of(&sqlx::Error::Io(refused())),
            Some(StorageFailure::Unavailable)
        );
        assert_eq!(
            StorageFailure::of(&sqlx::Error::Io(full())),
            Some(StorageFailure::Full)
        );
        assert_eq!(StorageFailure::of(&sqlx::Error::RowNotFound), None);

        let (status, retry, code) = status_and_code(sqlx::Error::PoolTimedOut.into());
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(code, ErrorCode::StorageUnavailable);
        assert_eq!(retry, Some(HeaderValue::from(RETRY_AFTER_SECONDS)));

        // Wrapped in context on the way up, as handlers using anyhow do.
        let wrapped = anyhow::Error::new(sqlx::Error::Io(refused())).context("reading a chat");
        let (status, _, _) = status_and_code(ApiError::Internal(wrapped));
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        let wrapped = anyhow::Error::new(full()).context("writing a draft");
        let (status, _, _) = status_and_code(ApiError::Internal(wrapped));
        assert_eq!(status, StatusCode::INSUFFICIENT_STORAGE);
        // Any other I/O error of a handler is not about the database.
        let (status, _, _) = status_and_code(ApiError::Internal(refused().into()));
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        let (status, _, _) = status_and_code(sqlx::Error::RowNotFound.into());
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    }
}
