//! Readiness: what stops a passkey registration on this device, and what to do about it.

mod check;

pub use check::CheckId;
