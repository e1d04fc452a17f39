//! Declarations the Rust types cannot derive: the thrown error's shape.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPE: &str = r#"
/** What every function and method of this package throws on a bad input. */
export interface PasskeyReadyError extends Error {
    name: "PasskeyReadyError";
    kind: "invalid_input" | "invalid_snapshot" | "invalid_bundle";
    /** The input at fault, as the core names it: `user_agent`, `lang`, `signals.screen_lock`… */
    field: string;
    /** Why, in English, without quoting the input. */
    reason: string;
}
"#;
