//! Values across the boundary. In: a JS value becomes the JSON text the core reads (the same
//! reader, bounds and error fields as the CLI's and the native SDKs'). Out: a core value
//! becomes the plain object its JSON describes. Errors become a thrown `Error` whose `field`
//! and `reason` say which input was wrong and why.

use passkey_ready_core::error::input_error;
use passkey_ready_core::PasskeyReadyError;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// A JS value as JSON text; `field` names it when it has no JSON form (a function, a BigInt,
/// a cycle, `undefined`).
pub fn json_of(value: &JsValue, field: &str) -> Result<String, JsValue> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| thrown(input_error(field, "not a JSON value")))
}

/// A string argument, or an error naming `field`.
pub fn string_of(value: &JsValue, field: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| thrown(input_error(field, "not a string")))
}

/// `null` or `undefined` → `None`; otherwise a string, or an error naming `field`.
pub fn optional_string_of(value: &JsValue, field: &str) -> Result<Option<String>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    string_of(value, field).map(Some)
}

pub fn bool_of(value: &JsValue, field: &str) -> Result<bool, JsValue> {
    value
        .as_bool()
        .ok_or_else(|| thrown(input_error(field, "not a boolean")))
}

/// The plain JS object of `value`'s JSON form.
pub fn js_of(value: &impl Serialize) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| thrown(input_error("result", e)))?;
    js_sys::JSON::parse(&text)
}

/// The thrown form of an error: an `Error` named `PasskeyReadyError`, with `kind`
/// (`invalid_input`, `invalid_snapshot`, `invalid_bundle`), `field` and `reason`.
pub fn thrown(err: PasskeyReadyError) -> JsValue {
    let (kind, field, reason) = match &err {
        PasskeyReadyError::InvalidInput { field, reason } => ("invalid_input", field, reason),
        PasskeyReadyError::InvalidSnapshot { field, reason } => ("invalid_snapshot", field, reason),
        PasskeyReadyError::InvalidBundle { reason, .. } => {
            // The embedded content, which the build validated; kept for completeness.
            return error_object("invalid_bundle", "content", reason, &err.to_string());
        }
    };
    error_object(kind, field, reason, &err.to_string())
}

fn error_object(kind: &str, field: &str, reason: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("PasskeyReadyError");
    let object: &js_sys::Object = error.unchecked_ref();
    for (key, value) in [("kind", kind), ("field", field), ("reason", reason)] {
        // Setting a property on a fresh Error cannot fail; nothing to report if it did.
        let _ = js_sys::Reflect::set(object, &key.into(), &value.into());
    }
    error.into()
}

/// A core result as the export's result: the value's JS object, or the thrown error.
pub fn returned<T: Serialize>(result: Result<T, PasskeyReadyError>) -> Result<JsValue, JsValue> {
    js_of(&result.map_err(thrown)?)
}
