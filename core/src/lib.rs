//! PasskeyReady core: everything the SDK decides, with no I/O and no platform code.
//!
//! - [`content`]: the guide (ja, en) as typed data, embedded at build time and replaceable at
//!   run time by a validated bundle.

pub mod content;
pub mod diagnose;
pub mod error;
mod json_input;
mod platform;
pub mod readiness;
pub mod session;
pub mod untrusted;
pub mod useragent;

pub use error::PasskeyReadyError;
pub use platform::Platform;

#[cfg(feature = "uniffi")]
pub mod ffi;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();
