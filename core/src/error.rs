//! [`PasskeyReadyError`]: the one error every host sees (Kotlin and Swift through UniFFI, web
//! pages through wasm), naming the input at fault (`field`) and why (`reason`), while the core
//! keeps its detailed error types. Every mapping from a core error to its field lives here, so
//! that every host names the same field for the same fault.

use crate::content::{variants, BundleError};
use crate::diagnose::DiagnoseError;
use crate::readiness::{SnapshotError, Version};
use crate::session::SessionError;
use crate::useragent::UserAgentError;

/// The human-readable part is `reason`, not `message`: a Kotlin exception already has a
/// `message`, and one name must serve Kotlin and Swift alike.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum PasskeyReadyError {
    /// A content bundle was refused; the content in use is unchanged.
    #[error("{reason}")]
    InvalidBundle {
        reason: String,
        /// One line per problem, each naming the item (`ja.guides[android]…`).
        problems: Vec<String>,
    },
    /// A device snapshot is malformed or out of bounds; `field` names it.
    #[error("{field}: {reason}")]
    InvalidSnapshot { field: String, reason: String },
    /// A user agent or message is empty or longer than the documented limit.
    #[error("{field}: {reason}")]
    InvalidInput { field: String, reason: String },
}

impl From<BundleError> for PasskeyReadyError {
    fn from(err: BundleError) -> Self {
        // At most MAX_PROBLEMS problems plus one line saying there are more.
        let problems = match &err {
            BundleError::Invalid { problems } => problems.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        };
        PasskeyReadyError::InvalidBundle {
            reason: err.summary(),
            problems,
        }
    }
}

impl From<SnapshotError> for PasskeyReadyError {
    fn from(err: SnapshotError) -> Self {
        let field = match &err {
            SnapshotError::TooLarge { .. } => "snapshot".to_owned(),
            SnapshotError::Malformed { path, .. } | SnapshotError::DuplicateKey { path } => {
                path.clone()
            }
            SnapshotError::UnknownPlatform { .. } => "platform".to_owned(),
            SnapshotError::UnknownSignal { id }
            | SnapshotError::InvalidSignalValue { id, .. }
            | SnapshotError::SignalNotForPlatform { id, .. } => format!("signals.{id}"),
            SnapshotError::TooManySignals { .. } => "signals".to_owned(),
            SnapshotError::InvalidOsVersion => "os_version".to_owned(),
            SnapshotError::UserAgentTooLong { .. } => "user_agent".to_owned(),
            SnapshotError::PlatformConflict { .. } => "user_agent".to_owned(),
        };
        PasskeyReadyError::InvalidSnapshot {
            field,
            reason: err.to_string(),
        }
    }
}

/// A version the host app passes (`17.5`, `14`); refused, naming `os_version`, when it is
/// not one or is longer than a snapshot's `os_version` may be.
pub fn os_version_input(text: &str) -> Result<Version, PasskeyReadyError> {
    variants::parse_os_version(text).map_err(|reason| input_error("os_version", reason))
}

pub fn input_error(field: &str, err: impl std::fmt::Display) -> PasskeyReadyError {
    PasskeyReadyError::InvalidInput {
        field: field.to_owned(),
        reason: err.to_string(),
    }
}

impl From<UserAgentError> for PasskeyReadyError {
    fn from(err: UserAgentError) -> Self {
        input_error("user_agent", err)
    }
}

impl From<DiagnoseError> for PasskeyReadyError {
    fn from(err: DiagnoseError) -> Self {
        input_error("message", err)
    }
}

impl From<SessionError> for PasskeyReadyError {
    fn from(err: SessionError) -> Self {
        match err {
            SessionError::Snapshot(err) => err.into(),
            SessionError::NotForPlatform { check, .. } => PasskeyReadyError::InvalidSnapshot {
                field: format!("signals.{check}"),
                reason: err.to_string(),
            },
            SessionError::OtherPlatform { .. } => PasskeyReadyError::InvalidSnapshot {
                field: "platform".to_owned(),
                reason: err.to_string(),
            },
        }
    }
}
