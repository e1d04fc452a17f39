//! The native library behind the Kotlin and Swift SDKs. The exported API lives in
//! `passkey_ready_core::ffi` (compiled with the core's `uniffi` feature), so that the UniFFI
//! namespace, and with it the generated Kotlin package and Swift module, is a single one.
//! This crate only makes it a `cdylib` (Android, JVM tests) and a `staticlib` (iOS).

pub use passkey_ready_core::ffi::*;
