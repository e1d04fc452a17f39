//! PasskeyReady for web pages: the core through wasm-bindgen, for the npm package
//! `passkey-ready` (built by `cargo xtask web`).
//!
//! Two layers, so that everything the page relies on is tested in Rust on the host too:
//! - [`api`]: plain Rust, JSON text in and serde values out, every error a
//!   [`PasskeyReadyError`](passkey_ready_core::PasskeyReadyError) naming the field (the same
//!   mapping the Kotlin and Swift SDKs use).
//! - [`exports`] and [`session`]: the JavaScript functions and the `ReadinessSession` class,
//!   which only move values across ([`js_values`]). Objects cross as plain JS objects with
//!   the field names of the CLI's JSON; the TypeScript types come from the core's `wasm`
//!   feature (tsify) and [`typescript`].

pub mod api;
mod content;
mod exports;
mod js_values;
pub mod session;
mod typescript;
