//! The smallest UniFFI library: the scaffolding and one trivial export.

uniffi::setup_scaffolding!();

/// The one export, so that the library has a function and its checksum like a real one.
#[uniffi::export]
pub fn add(a: u32, b: u32) -> u32 {
    a.wrapping_add(b)
}
