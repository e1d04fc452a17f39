//! [`HelpScreen`]: what a help screen shows for one report, in order, with every label.

use serde::Serialize;

use super::section::HelpSection;
use crate::content::{Guide, Locale};
use crate::readiness::{
    same_system, CheckId, DeviceSnapshot, Finding, FindingStatus, ReadinessReport, ReadinessStatus,
    SettingsAction, Version,
};
use crate::Platform;

/// A help screen, top to bottom: the banner, the "already using passkeys" question, the
/// findings (each with its button or question and its guide steps), the troubleshooting
/// answers. Every text is in the report's language and shown as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpScreen {
    pub locale: Locale,
    pub platform: Platform,
    /// The screen's title (the guide's).
    pub title: String,
    pub banner: HelpBanner,
    /// Whether the customer already uses passkeys on this device (the guide's first note:
    /// then no setting is needed), shown before the findings: asked, or answered; absent
    /// when it is neither (nothing is asked of a ready device).
    pub already_using: Option<HelpRow>,
    /// Heads `rows`.
    pub findings_heading: String,
    /// One row per finding of the report except `already_uses_passkeys`, in fixing order.
    pub rows: Vec<HelpRow>,
    pub troubleshooting: HelpTroubleshooting,
}

/// The banner's three looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum BannerKind {
    Ready,
    /// A setting is missing, the browser cannot register, or the OS is too old.
    NotReady,
    /// Nothing is known to be missing, but questions are open.
    NeedsAnswers,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpBanner {
    pub kind: BannerKind,
    /// The report's status, for a renderer or host app that tells `unsupported` apart.
    pub status: ReadinessStatus,
    pub heading: String,
    /// The report's summary.
    pub text: String,
}

/// How a row looks, decided here so that every renderer agrees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Set up.
    Done,
    /// Missing: the customer must fix it.
    ToFix,
    /// The device cannot tell: the row asks the customer.
    ToAnswer,
    /// Not needed on this device.
    NotNeeded,
    /// Not required (biometrics), or not known and not asked: information only.
    Information,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpRow {
    pub check: CheckId,
    pub kind: RowKind,
    pub status: FindingStatus,
    /// The check's label ("画面ロック").
    pub title: String,
    /// The status in words ("設定が必要"): never convey it by colour or icon alone.
    pub status_label: String,
    /// One line for the customer, from the report.
    pub reason: String,
    /// What opens the screen that fixes it; absent when there is nothing to open (the
    /// guide's steps are the way, or nothing is to be done).
    pub button: Option<HelpButton>,
    /// Asked when the device cannot tell; absent otherwise.
    pub question: Option<HelpQuestion>,
    /// The guide's steps for this device and OS version, for a row with something to do.
    pub section: Option<HelpSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpButton {
    pub label: String,
    /// What the shell opens (its targets are the shell's, per platform).
    pub action: SettingsAction,
    /// The guide item a shell falls back to when no screen opens.
    pub section: Option<String>,
}

/// "Yes" means the check passes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpQuestion {
    pub check: CheckId,
    pub text: String,
    pub yes_label: String,
    pub no_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpTroubleshooting {
    pub heading: String,
    pub faqs: Vec<HelpFaq>,
}

/// One troubleshooting question and its answer (Q1/A1 of the page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpFaq {
    /// The FAQ's id (`faq.in_app_browser`), as readiness sections name it.
    pub id: String,
    pub question: String,
    pub answer: String,
}

/// The OS version a report was made for: the snapshot's, else the user agent's when it is
/// from the same system (as [`crate::readiness::evaluate`] reads it).
pub fn os_version_of(snapshot: &DeviceSnapshot, report: &ReadinessReport) -> Option<Version> {
    snapshot
        .os_version
        .as_deref()
        .and_then(Version::parse)
        .or_else(|| {
            let browser = report.browser.as_ref()?;
            let same = browser
                .platform
                .is_some_and(|p| same_system(p, report.platform));
            browser
                .os_version
                .as_deref()
                .filter(|_| same)
                .and_then(Version::parse)
        })
}

/// The help screen of `report`. `guide` is the one the report was made with (service name
/// filled in); `version` picks the guide steps for the device's OS version.
pub fn help_screen(
    report: &ReadinessReport,
    guide: &Guide,
    version: Option<&Version>,
) -> HelpScreen {
    let labels = &guide.screen;
    let (kind, heading) = match report.status {
        ReadinessStatus::Ready => (BannerKind::Ready, &labels.banner_ready),
        ReadinessStatus::NeedsConfirmation => {
            (BannerKind::NeedsAnswers, &labels.banner_needs_answers)
        }
        ReadinessStatus::ActionRequired => (BannerKind::NotReady, &labels.banner_not_ready),
        ReadinessStatus::Unsupported => (BannerKind::NotReady, &labels.banner_unsupported),
    };
    let row = |finding: &Finding| row(report, guide, version, finding);
    HelpScreen {
        locale: guide.locale,
        platform: report.platform,
        title: guide.title.clone(),
        banner: HelpBanner {
            kind,
            status: report.status,
            heading: heading.clone(),
            text: report.summary.clone(),
        },
        // Shown when asked or answered; unknown and not asked (a ready device), it has
        // nothing to tell.
        already_using: report
            .findings
            .iter()
            .find(|f| f.check == CheckId::AlreadyUsesPasskeys)
            .map(row)
            .filter(|r| r.kind != RowKind::Information || r.status != FindingStatus::Unknown),
        findings_heading: labels.findings_heading.clone(),
        rows: report
            .findings
            .iter()
            .filter(|f| f.check != CheckId::AlreadyUsesPasskeys)
            .map(row)
            .collect(),
        troubleshooting: troubleshooting(guide),
    }
}

pub(super) fn troubleshooting(guide: &Guide) -> HelpTroubleshooting {
    let t = &guide.troubleshooting;
    HelpTroubleshooting {
        heading: t.heading.clone(),
        faqs: t
            .faqs
            .iter()
            .map(|faq| HelpFaq {
                id: faq.id.clone(),
                question: faq.question.clone(),
                answer: faq.answer.clone(),
            })
            .collect(),
    }
}

fn row(
    report: &ReadinessReport,
    guide: &Guide,
    version: Option<&Version>,
    finding: &Finding,
) -> HelpRow {
    let labels = &guide.screen;
    let question = report
        .questions
        .iter()
        .find(|q| q.check == finding.check)
        .map(|q| HelpQuestion {
            check: q.check,
            text: q.text.clone(),
            yes_label: labels.answer_yes.clone(),
            no_label: labels.answer_no.clone(),
        });
    let kind = match finding.status {
        _ if question.is_some() => RowKind::ToAnswer,
        FindingStatus::Pass => RowKind::Done,
        FindingStatus::NotApplicable => RowKind::NotNeeded,
        FindingStatus::Fail if finding.required => RowKind::ToFix,
        FindingStatus::Fail | FindingStatus::Unknown => RowKind::Information,
    };
    let status_label = match (finding.check, finding.status, kind) {
        // Whether the customer already uses passkeys is an answer, not a setting.
        (CheckId::AlreadyUsesPasskeys, FindingStatus::Pass, _) => &labels.answer_yes,
        (CheckId::AlreadyUsesPasskeys, FindingStatus::Fail, _) => &labels.answer_no,
        (_, _, RowKind::Done) => &labels.status_pass,
        (_, _, RowKind::ToFix) => &labels.status_fail,
        (_, _, RowKind::NotNeeded) => &labels.status_not_applicable,
        (_, _, RowKind::Information) if !finding.required => &labels.status_optional,
        (_, _, RowKind::ToAnswer | RowKind::Information) => &labels.status_unknown,
    };
    // On an OS too old for passkeys nothing else can be done first, and the OS itself has
    // no screen to open.
    let can_act =
        report.status != ReadinessStatus::Unsupported || finding.check == CheckId::OsVersion;
    let button = match finding.action {
        _ if kind != RowKind::ToFix || !can_act => None,
        SettingsAction::ManualStepsOnly => None,
        SettingsAction::OpenInStandardBrowser => Some(&labels.open_in_standard_browser),
        _ => Some(&labels.open_settings),
    }
    .map(|label| HelpButton {
        label: label.clone(),
        action: finding.action,
        section: finding.section.clone(),
    });
    let to_do = matches!(
        kind,
        RowKind::ToFix | RowKind::ToAnswer | RowKind::Information
    ) && can_act;
    HelpRow {
        check: finding.check,
        kind,
        status: finding.status,
        title: finding.label.clone(),
        status_label: status_label.clone(),
        reason: finding.reason.clone(),
        button,
        question,
        section: finding
            .section
            .as_deref()
            .filter(|_| to_do)
            .and_then(|id| HelpSection::of(guide, id, report.platform, version)),
    }
}
