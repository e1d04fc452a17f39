//! `evaluate`: a snapshot and the guide in the customer's language → a readiness report.

use serde::Serialize;

use super::action::SettingsAction;
use super::check::CheckId;
use super::os_version::{self, Version};
use super::rules::{self, Rule, WindowsRoute};
use super::snapshot::{DeviceSnapshot, Signal, SnapshotError};
use crate::content::{placeholder, Guide};
use crate::useragent::{Browser, UserAgentInfo};
use crate::Platform;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Question {
    pub check: CheckId,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
///
/// The OS version is the snapshot's, else the user agent's when it states a real one. A
/// user agent from another system than the snapshot's platform is an error.
pub fn evaluate(
    snapshot: &DeviceSnapshot,
    guide: &Guide,
) -> Result<ReadinessReport, SnapshotError> {
    let browser = snapshot.validated_browser()?;
    let platform = snapshot.platform;
    let ua_platform = browser.as_ref().and_then(|b| b.platform);
    let version = snapshot
        .os_version
        .as_deref()
        .and_then(Version::parse)
        .or_else(|| {
            // A Mac user agent on an iPad says nothing about iPadOS's version.
            let same = ua_platform.is_some_and(|p| same_system(platform, p));
            browser
                .as_ref()
                .filter(|_| same)
                .and_then(|b| b.os_version.as_deref())
                .and_then(Version::parse)
        });
    let already = snapshot.signal(CheckId::AlreadyUsesPasskeys) == Signal::Yes;
    let hello = snapshot.signal(CheckId::WindowsHello);

    let signal = |rule: &Rule| -> Signal {
        let given = snapshot.signal(rule.check);
        if given != Signal::Unknown {
            return given;
        }
        match rule.check {
            CheckId::OsVersion => {
                Signal::from_bool(version.and_then(|v| os_version::support(platform, v)))
            }
            CheckId::StandardBrowser => {
                Signal::from_bool(browser.as_ref().and_then(|b| browser_verdict(platform, b)))
            }
            _ => Signal::Unknown,
        }
    };

    let all = rules::for_platform(platform);
    let signals: Vec<Signal> = all.iter().map(signal).collect();
    let windows_route =
        (platform == Platform::Windows).then(|| choose_route(all, &signals, browser.as_ref()));
    let texts = Texts {
        guide,
        platform,
        version,
        browser: browser.as_ref(),
    };

    let mut findings = Vec::with_capacity(all.len());
    for (rule, signal) in all.iter().zip(&signals) {
        let observed = match signal {
            Signal::Yes => FindingStatus::Pass,
            Signal::No => FindingStatus::Fail,
            Signal::Unknown => FindingStatus::Unknown,
        };
        let why_not = not_needed(rule, observed, platform, already, hello, windows_route);
        let status = if why_not.is_some() {
            FindingStatus::NotApplicable
        } else {
            observed
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
            reason: why_not.map_or_else(|| texts.reason(rule.check, status), |why| why.text(guide)),
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
    let questions = match status {
        // Nothing to ask: an answer cannot change an unsupported OS or a ready device.
        ReadinessStatus::Unsupported | ReadinessStatus::Ready => Vec::new(),
        ReadinessStatus::ActionRequired | ReadinessStatus::NeedsConfirmation => findings
            .iter()
            .filter(|f| f.status == FindingStatus::Unknown)
            .filter(|f| f.required || f.check == CheckId::AlreadyUsesPasskeys)
            // The device password matters only to set Windows Hello up (the guide names it
            // when ⑥① cannot be clicked): asked once Windows Hello is known to be missing.
            .filter(|f| f.check != CheckId::DevicePassword || hello == Signal::No)
            .map(|f| Question {
                check: f.check,
                text: texts.question(f.check),
            })
            .collect(),
    };
    // "The device is set up" only when every setting is known to be.
    let browser_only = required().all(|f| match f.status {
        FindingStatus::Fail => f.check == CheckId::StandardBrowser,
        FindingStatus::Unknown => false,
        FindingStatus::Pass | FindingStatus::NotApplicable => true,
    });
    let summary = match status {
        ReadinessStatus::Ready if already => guide.report.already_uses_passkeys.clone(),
        ReadinessStatus::Ready => guide.report.ready.clone(),
        ReadinessStatus::ActionRequired if browser_only => guide.report.browser_only.clone(),
        ReadinessStatus::ActionRequired => guide.report.action_required.clone(),
        ReadinessStatus::NeedsConfirmation => guide.report.needs_confirmation.clone(),
        ReadinessStatus::Unsupported => texts.unsupported(),
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

/// Whether the page can register in this browser. `can_register` is also false below the
/// minimum OS, which the OS finding reports: the browser finding then judges the browser
/// alone, so that an old OS is not blamed on Safari.
fn browser_verdict(platform: Platform, browser: &UserAgentInfo) -> Option<bool> {
    let os_too_old = browser
        .platform
        .zip(browser.os_version.as_deref())
        .and_then(|(p, v)| Version::parse(v).and_then(|v| os_version::support(p, v)))
        == Some(false);
    if !os_too_old {
        return browser.can_register;
    }
    match browser.standard_browser {
        Some(true) => Some(true),
        Some(false) if platform.is_mobile() => Some(false),
        _ => None,
    }
}

/// iOS and iPadOS share versions, and an iPad app may run an iPhone user agent.
pub(crate) fn same_system(a: Platform, b: Platform) -> bool {
    let family = |p| match p {
        Platform::Ipados => Platform::Ios,
        other => other,
    };
    family(a) == family(b)
}

/// An iPad, or an iPhone asking for desktop sites, sends a Mac's user agent.
pub(super) fn compatible(platform: Platform, user_agent: Platform) -> bool {
    same_system(platform, user_agent)
        || (user_agent == Platform::Macos && matches!(platform, Platform::Ios | Platform::Ipados))
}

/// Why a finding is not needed on this device.
#[derive(Clone, Copy)]
enum NotNeeded {
    /// The customer already uses passkeys here.
    AlreadyUsesPasskeys,
    /// It belongs to the other Windows guide.
    OtherRoute(WindowsRoute),
    /// The device password once Windows Hello is set.
    Implied,
}

impl NotNeeded {
    fn text(self, guide: &Guide) -> String {
        let r = &guide.report;
        match self {
            NotNeeded::AlreadyUsesPasskeys => r.not_needed_already_uses_passkeys.clone(),
            NotNeeded::OtherRoute(WindowsRoute::Hello) => r.not_needed_windows_hello_route.clone(),
            NotNeeded::OtherRoute(WindowsRoute::Chrome) => r.not_needed_chrome_route.clone(),
            NotNeeded::Implied => r.not_applicable.clone(),
        }
    }
}

fn not_needed(
    rule: &Rule,
    observed: FindingStatus,
    platform: Platform,
    already: bool,
    hello: Signal,
    route: Option<WindowsRoute>,
) -> Option<NotNeeded> {
    // Using passkeys already proves every setting, but not that this OS or this page can
    // register: a known old OS, or a smartphone's in-app browser, still fails.
    let still_fails = observed == FindingStatus::Fail
        && (rule.check == CheckId::OsVersion
            || (rule.check == CheckId::StandardBrowser && platform.is_mobile()));
    if already && rule.check != CheckId::AlreadyUsesPasskeys && !still_fails {
        return Some(NotNeeded::AlreadyUsesPasskeys);
    }
    if let (Some(own), Some(chosen)) = (rule.route, route) {
        if own != chosen {
            return Some(NotNeeded::OtherRoute(chosen));
        }
    }
    // Once Windows Hello is set (a passwordless Microsoft account may even have no
    // password), the device password no longer matters.
    (rule.check == CheckId::DevicePassword && hello == Signal::Yes).then_some(NotNeeded::Implied)
}

/// Windows: Edge and Firefox store passkeys with Windows Hello only; in Chrome either guide
/// works. The Chrome guide is chosen only when the user agent says Chrome: an unknown
/// browser may be Edge, where a "ready" Chrome route would end at the security-key prompt.
/// Where either works, the one nearer to done is shown, Windows Hello on a tie (the
/// guide's first).
fn choose_route(all: &[Rule], signals: &[Signal], browser: Option<&UserAgentInfo>) -> WindowsRoute {
    let chrome = browser.is_some_and(|b| b.browser == Some(Browser::Chrome) && b.in_app.is_none());
    if !chrome {
        return WindowsRoute::Hello;
    }
    let hello = signal_of(all, signals, CheckId::WindowsHello);
    let missing = |route: WindowsRoute| -> usize {
        all.iter()
            .zip(signals)
            .filter(|(r, s)| r.required && r.route == Some(route) && **s != Signal::Yes)
            // The device password only matters while Windows Hello is missing.
            .filter(|(r, _)| r.check != CheckId::DevicePassword || hello == Signal::No)
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

/// What the texts of a report are made from. Versions are shown by the name built from the
/// parsed numbers, never as the text a shell or user agent sent.
struct Texts<'a> {
    guide: &'a Guide,
    platform: Platform,
    version: Option<Version>,
    browser: Option<&'a UserAgentInfo>,
}

impl Texts<'_> {
    fn reason(&self, check: CheckId, status: FindingStatus) -> String {
        let report = &self.guide.report;
        match (check, status) {
            (CheckId::OsVersion, FindingStatus::Fail) => return self.unsupported(),
            (CheckId::OsVersion, FindingStatus::Pass) => {
                if let Some(v) = self
                    .version
                    .filter(|v| os_version::is_windows_10(self.platform, *v))
                {
                    let name = os_version::display(self.platform, v);
                    return placeholder::fill(&report.windows_10_note, &[("os_version", &name)]);
                }
            }
            (CheckId::StandardBrowser, FindingStatus::Fail) if !self.platform.is_mobile() => {
                return report.pc_browser_fail.clone();
            }
            (CheckId::StandardBrowser, FindingStatus::Unknown) if !self.platform.is_mobile() => {
                let named = self
                    .browser
                    .filter(|b| b.in_app.is_none())
                    .and_then(|b| b.browser)
                    .and_then(Browser::brand);
                if let Some(brand) = named {
                    return placeholder::fill(&report.pc_browser_note, &[("browser", brand)]);
                }
            }
            _ => {}
        }
        let Some(texts) = self.guide.check(check.as_str()) else {
            return check.as_str().to_owned();
        };
        match status {
            FindingStatus::Pass => texts.pass.clone(),
            FindingStatus::Fail => texts.fail.clone(),
            FindingStatus::Unknown => texts.unknown.clone(),
            FindingStatus::NotApplicable => report.not_applicable.clone(),
        }
    }

    fn question(&self, check: CheckId) -> String {
        let text = self
            .guide
            .check(check.as_str())
            .map(|c| c.question.as_str())
            .unwrap_or_default();
        placeholder::fill(text, &[("min_version", os_version::minimum(self.platform))])
    }

    fn unsupported(&self) -> String {
        let min = os_version::minimum(self.platform);
        match self.version {
            Some(v) => placeholder::fill(
                &self.guide.report.unsupported,
                &[
                    ("os_version", &os_version::display(self.platform, v)),
                    ("min_version", min),
                ],
            ),
            None => placeholder::fill(
                &self.guide.report.unsupported_unknown_version,
                &[("min_version", min)],
            ),
        }
    }
}
