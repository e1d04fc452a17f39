//! `cargo run -p passkey-ready-ffi --features bindgen --bin uniffi-bindgen -- generate …`:
//! the generator of the same UniFFI version as the library, as UniFFI requires.

fn main() {
    uniffi::uniffi_bindgen_main()
}
