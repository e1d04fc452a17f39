//! `evaluate`: a snapshot and the guide in the customer's language → a readiness report.

use serde::Serialize;

use super::action::SettingsAction;
use super::check::CheckId;
use super::os_version::{self, Version};
use super::rules::{self, Rule, WindowsRoute};
use super::snapshot::{DeviceSnapshot, Signal, SnapshotError};
use crate::content::{placeholder, Guide};
use crate::useragent::{classify_user_agent, Browser, UserAgentInfo};
use crate::Platform;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ReadinessStatus {
    /// Nothing stops a registration.
    Ready,
    /// At least one required setting is missing.
    ActionRequired,
    /// Nothing is known to be missing, but some settings could not be read: ask.
    NeedsConfirmation,
    /// The OS is too old for passkeys.
    Unsupported,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum FindingStatus {
    Pass,
    Fail,
    Unknown,
    /// Not needed on this device (the other Windows guide is in use, or implied by another).
    NotApplicable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Finding {
    pub check: CheckId,
    pub status: FindingStatus,
    /// Informational findings (biometrics) never change the report's status.
    pub required: bool,
    pub label: String,
    /// One line for the customer, in the guide's language.
    pub reason: String,
    /// The guide item (part or FAQ id) whose steps fix it.
    pub section: Option<String>,
    pub action: SettingsAction,
}

/// Asked for each required check the device could not read; "yes" means it passes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Question {
    pub check: CheckId,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReadinessReport {
    pub status: ReadinessStatus,
    pub platform: Platform,
    /// The device guide that applies (on Windows, the one the findings follow).
    pub guide: String,
    /// The status in one line, in the guide's language.
    pub summary: String,
    /// In the order the customer should fix them.
    pub findings: Vec<Finding>,
    pub questions: Vec<Question>,
    /// What the user agent told, when the snapshot had one.
    pub browser: Option<UserAgentInfo>,
}

/// Evaluates a snapshot. `guide` should have its service name filled in
/// ([`Guide::with_service`]). Deterministic: the same inputs give the same report.
pub fn evaluate(
    snapshot: &DeviceSnapshot,
    guide: &Guide,
) -> Result<ReadinessReport, SnapshotError> {
    snapshot.validate()?;
    let platform = snapshot.platform;
    let version = snapshot.os_version.as_deref().and_then(Version::parse);
    let browser = snapshot
        .user_agent
        .as_deref()
        .and_then(|ua| classify_user_agent(ua).ok());

    let signal = |rule: &Rule| -> Signal {
        let given = snapshot.signal(rule.check);
        if given != Signal::Unknown {
            return given;
        }
        match rule.check {
            CheckId::OsVersion => {
                Signal::from_bool(version.map(|v| os_version::is_supported(platform, v)))
            }
            CheckId::StandardBrowser => {
                Signal::from_bool(browser.as_ref().and_then(|b| b.can_register))
            }
            _ => Signal::Unknown,
        }
    };

    let all = rules::for_platform(platform);
    let signals: Vec<Signal> = all.iter().map(signal).collect();
    let windows_route =
        (platform == Platform::Windows).then(|| choose_route(all, &signals, browser.as_ref()));

    let mut findings = Vec::with_capacity(all.len());
    for (rule, signal) in all.iter().zip(&signals) {
        let applicable = match (rule.route, windows_route) {
            (Some(route), Some(chosen)) => route == chosen,
            _ => true,
        };
        // The device password is only needed to set Windows Hello up; once it is set (a
        // passwordless Microsoft account may even have none), it no longer matters.
        let implied = rule.check == CheckId::DevicePassword
            && snapshot.signal(CheckId::WindowsHello) == Signal::Yes;
        let status = match signal {
            _ if !applicable || implied => FindingStatus::NotApplicable,
            Signal::Yes => FindingStatus::Pass,
            Signal::No => FindingStatus::Fail,
            Signal::Unknown => FindingStatus::Unknown,
        };
        let action = match rule.check {
            // Android 14 moved passkey providers to "Passwords, passkeys & accounts".
            CheckId::GoogleAutofill if version.is_some_and(|v| v >= ANDROID_14) => {
                SettingsAction::CredentialProviderSettings
            }
            _ => rule.action,
        };
        findings.push(Finding {
            check: rule.check,
            status,
            required: rule.required,
            label: guide
                .check(rule.check.as_str())
                .map(|c| c.label.clone())
                .unwrap_or_else(|| rule.check.as_str().to_owned()),
            reason: reason(guide, rule.check, status, platform, snapshot),
            section: rule.section.map(str::to_owned),
            action,
        });
    }

    let required = || findings.iter().filter(|f| f.required);
    let has = |status| required().any(|f| f.status == status);
    let os_fails =
        required().any(|f| f.check == CheckId::OsVersion && f.status == FindingStatus::Fail);
    let status = if os_fails {
        ReadinessStatus::Unsupported
    } else if has(FindingStatus::Fail) {
        ReadinessStatus::ActionRequired
    } else if has(FindingStatus::Unknown) {
        ReadinessStatus::NeedsConfirmation
    } else {
        ReadinessStatus::Ready
    };
    let questions = required()
        .filter(|f| f.status == FindingStatus::Unknown)
        .map(|f| Question {
            check: f.check,
            text: guide
                .check(f.check.as_str())
                .map(|c| c.question.clone())
                .unwrap_or_default(),
        })
        .collect();
    let summary = match status {
        ReadinessStatus::Ready => guide.report.ready.clone(),
        ReadinessStatus::ActionRequired => guide.report.action_required.clone(),
        ReadinessStatus::NeedsConfirmation => guide.report.needs_confirmation.clone(),
        ReadinessStatus::Unsupported => unsupported(guide, platform, snapshot),
    };
    Ok(ReadinessReport {
        status,
        platform,
        guide: windows_route
            .map_or_else(|| rules::guide(platform), WindowsRoute::guide)
            .to_owned(),
        summary,
        findings,
        questions,
        browser,
    })
}

const ANDROID_14: Version = Version::new(14, 0, 0);

/// Windows: Edge and Firefox store passkeys with Windows Hello only; in Chrome either guide
/// works, and so does an unknown browser (the browser question covers it). Where either
/// works, the one nearer to done is shown, Windows Hello on a tie (the guide's first).
fn choose_route(all: &[Rule], signals: &[Signal], browser: Option<&UserAgentInfo>) -> WindowsRoute {
    let either = match browser.and_then(|b| b.browser) {
        None | Some(Browser::Chrome) => true,
        Some(_) => false,
    };
    if !either {
        return WindowsRoute::Hello;
    }
    let missing = |route: WindowsRoute| -> usize {
        all.iter()
            .zip(signals)
            .filter(|(r, s)| r.required && r.route == Some(route) && **s != Signal::Yes)
            .filter(|(r, _)| {
                // The device password only matters while Windows Hello is missing.
                !(r.check == CheckId::DevicePassword
                    && signal_of(all, signals, CheckId::WindowsHello) == Signal::Yes)
            })
            .count()
    };
    if missing(WindowsRoute::Chrome) < missing(WindowsRoute::Hello) {
        WindowsRoute::Chrome
    } else {
        WindowsRoute::Hello
    }
}

fn signal_of(all: &[Rule], signals: &[Signal], check: CheckId) -> Signal {
    all.iter()
        .zip(signals)
        .find(|(r, _)| r.check == check)
        .map_or(Signal::Unknown, |(_, s)| *s)
}

fn reason(
    guide: &Guide,
    check: CheckId,
    status: FindingStatus,
    platform: Platform,
    snapshot: &DeviceSnapshot,
) -> String {
    if check == CheckId::OsVersion && status == FindingStatus::Fail {
        return unsupported(guide, platform, snapshot);
    }
    let Some(texts) = guide.check(check.as_str()) else {
        return check.as_str().to_owned();
    };
    match status {
        FindingStatus::Pass => texts.pass.clone(),
        FindingStatus::Fail => texts.fail.clone(),
        FindingStatus::Unknown => texts.unknown.clone(),
        FindingStatus::NotApplicable => guide.report.not_applicable.clone(),
    }
}

fn unsupported(guide: &Guide, platform: Platform, snapshot: &DeviceSnapshot) -> String {
    let version = snapshot.os_version.as_deref().unwrap_or("?");
    placeholder::fill(
        &guide.report.unsupported,
        &[
            ("os_version", version),
            ("min_version", os_version::minimum(platform)),
        ],
    )
}
