//! PasskeyReady core: everything the SDK decides, with no I/O and no platform code.
//!
//! - [`content`]: the guide (ja, en) as typed data, embedded at build time and replaceable at
//!   run time by a validated bundle.

pub mod content;
pub mod readiness;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();
