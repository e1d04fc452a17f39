//! The package's functions. Each takes `JsValue`s (typed in the .d.ts) so that a wrong
//! argument from untyped JavaScript is a `PasskeyReadyError` naming it, never a panic.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::api;
use crate::js_values::{json_of, optional_string_of, returned, string_of};

/// Platform, browser and in-app browser from a user agent (`navigator.userAgent`).
#[wasm_bindgen(js_name = classifyUserAgent, unchecked_return_type = "UserAgentInfo")]
pub fn classify_user_agent(
    #[wasm_bindgen(js_name = userAgent, unchecked_param_type = "string")] user_agent: JsValue,
) -> Result<JsValue, JsValue> {
    let user_agent = string_of(&user_agent, "user_agent")?;
    returned(api::classify_user_agent(&user_agent))
}

/// What stops a passkey registration on this device, in fixing order, in `lang`.
#[wasm_bindgen(unchecked_return_type = "ReadinessReport")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "DeviceSnapshot")] snapshot: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Locale")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    let snapshot = json_of(&snapshot, "snapshot")?;
    let lang = string_of(&lang, "lang")?;
    returned(api::evaluate(&snapshot, &lang))
}

/// Ranked troubleshooting answers for what the customer saw (a message, a DOMException
/// name, an error code), each with the content's words in `lang`.
#[wasm_bindgen(unchecked_return_type = "DiagnosisAnswer[]")]
pub fn diagnose(
    #[wasm_bindgen(unchecked_param_type = "string")] message: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Platform | null")] platform: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Locale")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    let message = string_of(&message, "message")?;
    let platform = optional_string_of(&platform, "platform")?;
    let lang = string_of(&lang, "lang")?;
    returned(api::diagnose(&message, platform.as_deref(), &lang))
}

/// The guide page: every device's guide, or `device`'s (`android`, `ios`, `mac`,
/// `windows_hello`, `windows_chrome`) with the steps for `osVersion` when given.
#[wasm_bindgen(unchecked_return_type = "GuidePage")]
pub fn guide(
    #[wasm_bindgen(unchecked_param_type = "Locale")] lang: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null")] device: JsValue,
    #[wasm_bindgen(js_name = osVersion, unchecked_param_type = "string | null")]
    os_version: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = string_of(&lang, "lang")?;
    let device = optional_string_of(&device, "device")?;
    let os_version = optional_string_of(&os_version, "os_version")?;
    returned(api::guide(&lang, device.as_deref(), os_version.as_deref()))
}
