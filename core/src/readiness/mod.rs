//! Readiness: what stops a passkey registration on this device, and what to do about it, in
//! the order the customer should do it.

mod action;
mod check;
mod evaluate;
pub(crate) mod os_version;
pub mod rules;
pub(crate) mod snapshot;

pub use action::SettingsAction;
pub use check::CheckId;
pub(crate) use evaluate::same_system;
pub use evaluate::{evaluate, Finding, FindingStatus, Question, ReadinessReport, ReadinessStatus};
pub use os_version::minimum as minimum_os_version;
pub use os_version::Version;
pub use snapshot::{
    DeviceSnapshot, Signal, SnapshotError, MAX_OS_VERSION_BYTES, MAX_SIGNALS, MAX_SNAPSHOT_BYTES,
};
