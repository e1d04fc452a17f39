//! What a shell observed on the device, and its JSON form (what `passkey-ready check` reads).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::check::CheckId;
use super::rules;
use crate::json_input::{self, InputError};
use crate::useragent::{classify_user_agent, UserAgentInfo, MAX_USER_AGENT_BYTES};
use crate::Platform;

/// A snapshot's JSON is refused above this size, before parsing.
pub const MAX_SNAPSHOT_BYTES: usize = 16 * 1024;
/// More signals than there are check ids cannot be a real snapshot.
pub const MAX_SIGNALS: usize = CheckId::ALL.len();
/// Longer than any real OS version string.
pub const MAX_OS_VERSION_BYTES: usize = 64;

/// A tri-state observation. `Unknown` is what a shell reports when the OS does not let an
/// app read the setting: it becomes a question for the customer, never a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Signal {
    Yes,
    No,
    Unknown,
}

impl Signal {
    pub fn from_bool(value: Option<bool>) -> Signal {
        match value {
            Some(true) => Signal::Yes,
            Some(false) => Signal::No,
            None => Signal::Unknown,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct DeviceSnapshot {
    pub platform: Platform,
    /// As the OS reports it (`14`, `17.4.1`, `10.0.22631`): ASCII digits and dots only;
    /// `None` when not known.
    #[serde(default)]
    pub os_version: Option<String>,
    /// The browser the registration page is opened in, when known.
    #[serde(default)]
    pub user_agent: Option<String>,
    /// Check id → observation. A check that is absent is `Unknown`.
    #[serde(default)]
    // Any subset of the check ids: TypeScript's `Record` alone would require every one.
    #[cfg_attr(feature = "wasm", tsify(type = "Partial<Record<CheckId, Signal>>"))]
    pub signals: HashMap<CheckId, Signal>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("snapshot is {size} bytes; the limit is {max} bytes")]
    TooLarge { size: usize, max: usize },
    #[error("snapshot is not valid JSON: {path}: {message}")]
    Malformed { path: String, message: String },
    /// A key that appears twice in one object (`path` names it).
    #[error("snapshot is not valid: {path}: the key appears more than once in its object")]
    DuplicateKey { path: String },
    /// `value` is the value only when it is a plain word (a typo such as `andriod`): a
    /// snapshot may carry what it should not (an e-mail address), which is never echoed.
    #[error("platform: {}not one of android, ios, ipados, macos, windows", value.as_deref().map(|v| format!("{} is ", crate::untrusted::quote(v))).unwrap_or_default())]
    UnknownPlatform { value: Option<String> },
    /// `id` is a plain `lower_snake_case` key (others are refused as malformed).
    #[error("signals.{id}: not a check id")]
    UnknownSignal { id: String },
    /// The value is not echoed (see [`SnapshotError::UnknownPlatform`]).
    #[error("signals.{id}: the value is not \"yes\", \"no\" or \"unknown\"")]
    InvalidSignalValue { id: String },
    #[error("signals.{id}: this check does not apply to {platform}")]
    SignalNotForPlatform { id: String, platform: Platform },
    #[error("signals: {count} signals; the limit is {max}")]
    TooManySignals { count: usize, max: usize },
    /// Longer than [`MAX_OS_VERSION_BYTES`], or not a dotted number (ASCII digits and dots,
    /// starting with a digit: `14`, `17.4.1`). The value is not echoed.
    #[error("os_version: not a dotted version number (digits and dots) of at most {MAX_OS_VERSION_BYTES} bytes")]
    InvalidOsVersion,
    #[error("user_agent: {len} bytes; the limit is {max}")]
    UserAgentTooLong { len: usize, max: usize },
    /// The user agent names another system than `platform` (an iPad or iPhone asking for
    /// desktop sites sends a Mac's, and an Android tablet a Linux one: neither conflicts).
    #[error("user_agent: the user agent is from {user_agent}, but platform is {platform}")]
    PlatformConflict {
        platform: Platform,
        user_agent: Platform,
    },
}

/// The JSON form, read loosely so that each problem gets an error of its own kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSnapshot {
    platform: String,
    #[serde(default)]
    os_version: Option<String>,
    #[serde(default)]
    user_agent: Option<String>,
    #[serde(default)]
    signals: serde_json::Map<String, serde_json::Value>,
    /// What [`DeviceSnapshot::to_json`] writes instead of the user agent; read and ignored.
    #[serde(default)]
    #[allow(dead_code)]
    browser_info: Option<serde::de::IgnoredAny>,
}

/// `14`, `17.4.1`: ASCII digits and dots, starting with a digit.
fn is_dotted_number(version: &str) -> bool {
    version.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && version.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

impl From<InputError> for SnapshotError {
    fn from(err: InputError) -> Self {
        match err {
            InputError::Malformed { path, message } => SnapshotError::Malformed { path, message },
            InputError::DuplicateKey { path } => SnapshotError::DuplicateKey { path },
            InputError::OverLimit { path, max, unit } => SnapshotError::Malformed {
                path,
                message: format!("more than {max} {unit}"),
            },
        }
    }
}

impl DeviceSnapshot {
    pub fn new(platform: Platform) -> DeviceSnapshot {
        DeviceSnapshot {
            platform,
            os_version: None,
            user_agent: None,
            signals: HashMap::new(),
        }
    }

    /// Parses the JSON form; the error names the field at fault, never quoting a value that
    /// could be personal. A leading UTF-8 byte order mark is skipped; a key repeated in an
    /// object, or one that is not a `lower_snake_case` name, is refused.
    pub fn from_json(json: &str) -> Result<DeviceSnapshot, SnapshotError> {
        if json.len() > MAX_SNAPSHOT_BYTES {
            return Err(SnapshotError::TooLarge {
                size: json.len(),
                max: MAX_SNAPSHOT_BYTES,
            });
        }
        let json = json_input::without_bom(json);
        json_input::check(json, None).map_err(SnapshotError::from)?;
        let raw: RawSnapshot = json_input::parse(json).map_err(SnapshotError::from)?;
        let platform =
            Platform::parse(&raw.platform).ok_or_else(|| SnapshotError::UnknownPlatform {
                value: crate::untrusted::plain_word(&raw.platform).map(str::to_owned),
            })?;
        if raw.signals.len() > MAX_SIGNALS {
            return Err(SnapshotError::TooManySignals {
                count: raw.signals.len(),
                max: MAX_SIGNALS,
            });
        }
        let mut signals = HashMap::new();
        for (id, value) in &raw.signals {
            let check = CheckId::parse(id)
                .ok_or_else(|| SnapshotError::UnknownSignal { id: id.clone() })?;
            let signal = match value.as_str() {
                Some("yes") => Signal::Yes,
                Some("no") => Signal::No,
                Some("unknown") => Signal::Unknown,
                _ => return Err(SnapshotError::InvalidSignalValue { id: id.clone() }),
            };
            signals.insert(check, signal);
        }
        let snapshot = DeviceSnapshot {
            platform,
            os_version: raw.os_version,
            user_agent: raw.user_agent,
            signals,
        };
        snapshot.validate()?;
        Ok(snapshot)
    }

    /// Bounds and consistency, for snapshots built in code as well as parsed ones.
    pub fn validate(&self) -> Result<(), SnapshotError> {
        self.validated_browser().map(|_| ())
    }

    /// [`Self::validate`], returning what the user agent told (classified once, for the
    /// consistency check and for [`super::evaluate`] alike).
    pub(super) fn validated_browser(&self) -> Result<Option<UserAgentInfo>, SnapshotError> {
        if self.signals.len() > MAX_SIGNALS {
            return Err(SnapshotError::TooManySignals {
                count: self.signals.len(),
                max: MAX_SIGNALS,
            });
        }
        for check in self.signals.keys() {
            if !rules::applies(self.platform, *check) {
                return Err(SnapshotError::SignalNotForPlatform {
                    id: check.as_str().to_owned(),
                    platform: self.platform,
                });
            }
        }
        if let Some(version) = &self.os_version {
            // What shells send (`14`, `17.4.1`, `10.0.22631`) and nothing else: `14\u{0}`
            // must not pass as 14 with the NUL kept, nor `8 (taro@…)` as 8 with the address.
            if version.len() > MAX_OS_VERSION_BYTES
                || !is_dotted_number(version)
                || super::os_version::Version::parse(version).is_none()
            {
                return Err(SnapshotError::InvalidOsVersion);
            }
        }
        if let Some(ua) = &self.user_agent {
            if ua.len() > MAX_USER_AGENT_BYTES {
                return Err(SnapshotError::UserAgentTooLong {
                    len: ua.len(),
                    max: MAX_USER_AGENT_BYTES,
                });
            }
            // A user agent from another system: one of the two is wrong, and a report would
            // follow the wrong one. Checked here so that a parsed snapshot always evaluates.
            let browser = classify_user_agent(ua).ok();
            if let Some(user_agent) = browser.as_ref().and_then(|b| b.platform) {
                if !super::evaluate::compatible(self.platform, user_agent) {
                    return Err(SnapshotError::PlatformConflict {
                        platform: self.platform,
                        user_agent,
                    });
                }
            }
            return Ok(browser);
        }
        Ok(None)
    }

    /// The snapshot with the customer's answer to the question about `check`.
    pub fn answered(&self, check: CheckId, yes: bool) -> Result<DeviceSnapshot, SnapshotError> {
        if !rules::applies(self.platform, check) {
            return Err(SnapshotError::SignalNotForPlatform {
                id: check.as_str().to_owned(),
                platform: self.platform,
            });
        }
        let mut next = self.clone();
        next.signals.insert(check, Signal::from_bool(Some(yes)));
        Ok(next)
    }

    pub fn signal(&self, check: CheckId) -> Signal {
        self.signals.get(&check).copied().unwrap_or(Signal::Unknown)
    }

    /// JSON with signals in check-id order, so that the same snapshot prints the same way:
    /// the form exported for support. The user agent, which can carry device and account
    /// details, is written only as its classification (`browser_info`, what the report
    /// uses); [`DeviceSnapshot::from_json`] reads it back without a user agent.
    pub fn to_json(&self) -> String {
        let signals: std::collections::BTreeMap<&str, Signal> = self
            .signals
            .iter()
            .map(|(check, signal)| (check.as_str(), *signal))
            .collect();
        serde_json::json!({
            "platform": self.platform,
            "os_version": self.os_version,
            "browser_info": self
                .user_agent
                .as_deref()
                .and_then(|ua| classify_user_agent(ua).ok()),
            "signals": signals,
        })
        .to_string()
    }
}
