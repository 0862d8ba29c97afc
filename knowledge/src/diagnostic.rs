//! Problems found in content files, located by path and line.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop the content from being served, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something an editor should fix, but the entry still works (e.g. a missing translation).
    Warning,
    /// The file cannot be used as it is.
    Error,
}

/// One problem in one content file, printed as `path:line: error: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as found under the content root.
    pub path: PathBuf,
    /// 1-based line number (1 when the problem is about the file as a whole).
    pub line: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Diagnostic {
    /// An error at `path:line`.
    pub fn error(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Self {
            path: path.as_ref().to_owned(),
            line: line.max(1),
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// A warning at `path:line`.
    pub fn warning(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, line, message)
        }
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}: {kind}: {}",
            self.path.display(),
            self.line,
            self.message
        )
    }
}
