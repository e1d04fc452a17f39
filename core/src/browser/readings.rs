//! [`BrowserReadings`]: what the page's shell read, as JSON, bounded before anything is built
//! from it. A reading that is absent, or that the browser refused (the API is missing, it
//! threw, the page is in a frame), is `None`: unknown, never a guess.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::BrowserError;
use crate::untrusted::plain_word;
use crate::useragent::MAX_USER_AGENT_BYTES;

/// The readings' JSON is refused above this size, before parsing: the largest real one (a
/// long in-app user agent and every capability) is under 3 KiB.
pub const MAX_READINGS_BYTES: usize = 8 * 1024;
/// `ua_platform` and `platform_version`: `"Chromium OS"` and `"10.0.22631"` are the longest
/// real values.
pub const MAX_UA_FIELD_BYTES: usize = 32;
/// WebAuthn Level 3 names fewer than 20 capabilities and extensions.
pub const MAX_CAPABILITIES: usize = 64;
/// `extension:largeBlob`-style keys are under 40 bytes.
pub const MAX_CAPABILITY_KEY_BYTES: usize = 64;

const FIELDS: [&str; 6] = [
    "user_agent",
    "ua_platform",
    "ua_mobile",
    "platform_version",
    "uvpaa",
    "client_capabilities",
];

/// What a page read about its browser. The JSON form has these field names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct BrowserReadings {
    /// `navigator.userAgent`.
    pub user_agent: String,
    /// `navigator.userAgentData.platform` (`"Windows"`, `"Android"`, `"macOS"`…); `None`
    /// where User-Agent Client Hints are missing (Safari, Firefox) or empty (a user agent
    /// overridden without client hints).
    #[serde(default)]
    pub ua_platform: Option<String>,
    /// `navigator.userAgentData.mobile`.
    #[serde(default)]
    pub ua_mobile: Option<bool>,
    /// The high-entropy `platformVersion` from `getHighEntropyValues(["platformVersion"])`:
    /// a dotted number (`"15.0.0"`); empty on Linux, which is `None`.
    #[serde(default)]
    pub platform_version: Option<String>,
    /// `PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()`; `None` when the
    /// API is missing or threw.
    #[serde(default)]
    pub uvpaa: Option<bool>,
    /// `PublicKeyCredential.getClientCapabilities()`: capability name → supported; `None`
    /// when the API is missing or threw.
    #[serde(default)]
    pub client_capabilities: Option<BTreeMap<String, bool>>,
}

impl BrowserReadings {
    /// Parses the JSON form. Every error names the field at fault and quotes no value (a
    /// capability name is echoed in the field only when it is a plain word).
    pub fn from_json(json: &str) -> Result<BrowserReadings, BrowserError> {
        if json.len() > MAX_READINGS_BYTES {
            return Err(BrowserError::new(
                "readings",
                format!("{} bytes; the limit is {MAX_READINGS_BYTES}", json.len()),
            ));
        }
        let value: Value = serde_json::from_str(json)
            .map_err(|_| BrowserError::new("readings", "not a JSON object"))?;
        let Value::Object(object) = value else {
            return Err(BrowserError::new("readings", "not a JSON object"));
        };
        if let Some(key) = object.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            let field = plain_word(key).unwrap_or("readings");
            return Err(BrowserError::new(field, "not a reading this SDK knows"));
        }
        let text = |name: &str| -> Result<Option<String>, BrowserError> {
            match object.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(BrowserError::new(name, "not a string")),
            }
        };
        let flag = |name: &str| -> Result<Option<bool>, BrowserError> {
            match object.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::Bool(b)) => Ok(Some(*b)),
                Some(_) => Err(BrowserError::new(name, "not a boolean")),
            }
        };
        let readings = BrowserReadings {
            user_agent: text("user_agent")?
                .ok_or_else(|| BrowserError::new("user_agent", "missing"))?,
            ua_platform: text("ua_platform")?,
            ua_mobile: flag("ua_mobile")?,
            platform_version: text("platform_version")?,
            uvpaa: flag("uvpaa")?,
            client_capabilities: capabilities(object.get("client_capabilities"))?,
        };
        readings.validate()?;
        Ok(readings)
    }

    /// Bounds and forms, for readings built in code as well as parsed ones.
    pub fn validate(&self) -> Result<(), BrowserError> {
        if self.user_agent.len() > MAX_USER_AGENT_BYTES {
            return Err(BrowserError::new(
                "user_agent",
                format!(
                    "{} bytes; the limit is {MAX_USER_AGENT_BYTES}",
                    self.user_agent.len()
                ),
            ));
        }
        if self.user_agent.trim().is_empty() {
            return Err(BrowserError::new("user_agent", "empty"));
        }
        if let Some(platform) = &self.ua_platform {
            // Client hints are ASCII words ("Chrome OS" has a space); nothing else is one.
            if platform.len() > MAX_UA_FIELD_BYTES
                || !platform
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b' ')
            {
                return Err(BrowserError::new(
                    "ua_platform",
                    format!("not a platform name (ASCII letters, digits and spaces, at most {MAX_UA_FIELD_BYTES} bytes)"),
                ));
            }
        }
        if let Some(version) = &self.platform_version {
            let dotted = version.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && version.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            if version.len() > MAX_UA_FIELD_BYTES || !(version.is_empty() || dotted) {
                return Err(BrowserError::new(
                    "platform_version",
                    format!("not a dotted version number (digits and dots) of at most {MAX_UA_FIELD_BYTES} bytes"),
                ));
            }
        }
        if let Some(capabilities) = &self.client_capabilities {
            if capabilities.len() > MAX_CAPABILITIES {
                return Err(BrowserError::new(
                    "client_capabilities",
                    format!(
                        "{} capabilities; the limit is {MAX_CAPABILITIES}",
                        capabilities.len()
                    ),
                ));
            }
            for key in capabilities.keys() {
                check_capability_key(key)?;
            }
        }
        Ok(())
    }
}

/// `passkeyPlatformAuthenticator`, `extension:credProps`: ASCII letters, digits, `:`, `-`
/// and `_`.
fn check_capability_key(key: &str) -> Result<(), BrowserError> {
    let plain = !key.is_empty()
        && key.len() <= MAX_CAPABILITY_KEY_BYTES
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'-' | b'_'));
    if plain {
        Ok(())
    } else {
        Err(BrowserError::new(
            "client_capabilities",
            format!("a key is not a capability name (ASCII letters, digits, ':', '-', '_', at most {MAX_CAPABILITY_KEY_BYTES} bytes)"),
        ))
    }
}

fn capabilities(value: Option<&Value>) -> Result<Option<BTreeMap<String, bool>>, BrowserError> {
    let object = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(object)) => object,
        Some(_) => {
            return Err(BrowserError::new(
                "client_capabilities",
                "not an object of capability → boolean",
            ))
        }
    };
    if object.len() > MAX_CAPABILITIES {
        return Err(BrowserError::new(
            "client_capabilities",
            format!(
                "{} capabilities; the limit is {MAX_CAPABILITIES}",
                object.len()
            ),
        ));
    }
    let mut out = BTreeMap::new();
    for (key, value) in object {
        check_capability_key(key)?;
        let Value::Bool(supported) = value else {
            return Err(BrowserError::new(
                format!("client_capabilities.{key}"),
                "not a boolean",
            ));
        };
        out.insert(key.clone(), *supported);
    }
    Ok(Some(out))
}
