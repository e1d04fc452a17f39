//! The guide as typed data: the shape of `core/content/<locale>.json` and of a content bundle.
//!
//! Every text field is shown to customers as it is, after `{service}` is replaced by the bank's
//! service name. Ids are stable: reports, the CLI, Kotlin and Swift refer to items by them.
//! Numbering (`1.`, `①`, `Q1.`, `※1`) and the marks before notes (`※`, `Note:`) are
//! derived from the order and the note's kind by the renderer, per locale, never stored, so
//! that reordering a step cannot leave a stale number behind.
//!
//! Steps and menu names change between OS versions: a [`DeviceGuide`] says which versions
//! its steps are written for ([`WrittenFor`]), and a [`Part`] may carry [`OsVariant`]s with the
//! steps for other version ranges. [`Guide::for_os`] picks them for one device.

use serde::{Deserialize, Serialize};

use crate::Platform;

/// The languages the guide is written in. Japanese is the source language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    Ja,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Ja, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A content bundle: the whole guide in every locale. The embedded default is one; a bank can
/// load another at run time (see [`crate::content::ContentStore`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// Bumped when the shape changes; a bundle of another version is refused.
    pub schema_version: u32,
    pub locales: Locales,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locales {
    pub ja: Guide,
    pub en: Guide,
}

impl Bundle {
    pub fn guide(&self, locale: Locale) -> &Guide {
        match locale {
            Locale::Ja => &self.locales.ja,
            Locale::En => &self.locales.en,
        }
    }
}

/// The whole help page in one language, in the page's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub locale: Locale,
    /// Default for `{service}`; a bank embedding the SDK passes its own.
    pub service_name: String,
    pub title: String,
    pub troubleshooting: Troubleshooting,
    pub preparation: Preparation,
    pub guides: Vec<DeviceGuide>,
    /// What the readiness report says about each check, and the question asked when the
    /// device cannot tell.
    pub checks: Vec<CheckText>,
    pub report: ReportText,
    /// The help screen's own labels (banner, statuses, buttons, answers).
    pub screen: ScreenText,
}

/// "When a passkey cannot be registered": questions and answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Troubleshooting {
    pub heading: String,
    pub faqs: Vec<Faq>,
    /// Sentences explaining diagnosis answers that are not FAQs (`diagnosis.…` ids, see
    /// `crate::diagnose::EXPLANATIONS`); not part of the page.
    pub explanations: Vec<Explanation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub id: String,
    pub question: String,
    pub answer: String,
    /// The exact messages the customer may have seen, as the page quotes them.
    pub messages: Vec<String>,
    /// Check ids this answer is about.
    pub checks: Vec<String>,
    /// Part ids (guide sections) that fix it.
    pub sections: Vec<String>,
}

/// "What to prepare on your device": the introduction and the device table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Preparation {
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// Customers who already use passkeys on the device need no setup. Marked like a hint
    /// note by the renderer, and printed with every device's guide.
    pub already_using_note: String,
    pub device_table: DeviceTable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DeviceTable {
    pub heading: String,
    pub header: TableHeader,
    pub rows: Vec<DeviceRow>,
    /// Rendered as ※1, ※2 … in this order.
    pub footnotes: Vec<Footnote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct TableHeader {
    pub device: String,
    pub os: String,
    pub standard_browser: Cell,
    pub passkey_store: String,
    pub setup: String,
}

/// A table cell that may carry a footnote mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub text: String,
    /// Id of a footnote of the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footnote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DeviceRow {
    pub device: String,
    pub os: String,
    pub standard_browser: Cell,
    pub passkey_store: String,
    /// Id of the device guide the row's "setup" link opens.
    pub guide: String,
    pub setup_link: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub id: String,
    pub text: String,
    /// Ids of the device guides the footnote is about, when its text limits it (※1 is about
    /// smartphones although it marks the whole column). Empty: the guides of the rows whose
    /// cell carries it, or every guide when the header does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<String>,
}

/// One of the five per-device setup guides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DeviceGuide {
    pub id: String,
    pub title: String,
    pub parts: Vec<Part>,
    /// The OS versions the parts' `steps` are written for; parts carry [`OsVariant`]s for
    /// other versions of the same platforms. Absent: the steps are for every version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_for: Option<WrittenFor>,
}

/// Which OS versions a device guide's default steps describe, e.g. the iPhone guide:
/// `{"platforms": ["ios", "ipados"], "os": {"from": "18"}, "text": "…iOS 18…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct WrittenFor {
    /// The platforms whose OS version selects among this guide's variants.
    pub platforms: Vec<Platform>,
    pub os: OsRange,
    /// Says which version the screens shown are from, for a customer on another one.
    pub text: String,
}

/// A half-open range of OS versions, `from` ≤ v < `before`; a missing bound is open.
/// Versions are dotted numbers (`17`, `17.4`, `10.0.22631`), compared number by number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct OsRange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
}

/// A part's steps for the OS versions in `os`, which the guide's `written_for` does not
/// cover: `{"os": {"from": "17", "before": "18"}, "label": "iOS 17の場合", "steps": […]}`.
/// Every locale has the same variants, in the same order, with the same ranges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct OsVariant {
    pub os: OsRange,
    /// Heads the variant's steps where all versions are shown ("On iOS 17").
    pub label: String,
    pub steps: Vec<Step>,
}

/// A part of a device guide (設定1, 設定2 …): the section a readiness finding points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// `<guide id>.<name>`, e.g. `android.screen_lock`.
    pub id: String,
    /// The part's label as the page shows it (`<設定1>`); absent in a single-part guide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Why the part is needed ("a passkey needs …").
    pub requirement: String,
    /// The steps for the versions of the guide's `written_for`, and for any version no
    /// variant covers.
    pub steps: Vec<Step>,
    /// The steps for other OS versions. [`Guide::for_os`] puts the matching variant's steps
    /// in `steps` and removes the variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<OsVariant>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// ①②③ … under this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub substeps: Vec<Substep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Substep {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
    /// For a `condition` that sends the customer on: the number of the step (1-based, in
    /// the same part) to continue from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub see_step: Option<u32>,
}

/// The renderer marks `condition`, `prerequisite` and `hint` notes (`※` in ja, `Note:` in en);
/// the texts do not carry the mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// "If it is not set, follow step 6 and later."
    Condition,
    /// "Fingerprint needs a PIN first." Shown on the step's own line.
    Prerequisite,
    /// "If your account is shown, you are signed in."
    Hint,
    /// Other names some devices show for the same menu.
    Alternative,
    /// What to do when a step cannot be done as written.
    Caution,
}

/// The texts of one readiness check, keyed by the check id used everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CheckText {
    pub id: String,
    pub label: String,
    /// Asked when the device cannot tell; "yes" means the check passes.
    pub question: String,
    pub pass: String,
    pub fail: String,
    pub unknown: String,
}

/// Texts of the readiness report that do not belong to one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ReportText {
    pub ready: String,
    pub action_required: String,
    pub needs_confirmation: String,
    /// `{os_version}` and `{min_version}` are filled in.
    pub unsupported: String,
    pub not_applicable: String,
    /// "Unsupported" when the version is not known (the customer answered no): `{min_version}`.
    pub unsupported_unknown_version: String,
    /// The OS finding on Windows 10: supported, but the guide shows Windows 11's screens.
    /// `{os_version}` is the parsed version's name ("Windows 10").
    pub windows_10_note: String,
    /// The summary when the customer already uses passkeys on this device.
    pub already_uses_passkeys: String,
    /// Why a setting is not needed when the customer already uses passkeys.
    pub not_needed_already_uses_passkeys: String,
    /// Windows: why the Chrome guide's settings are not needed on the Windows Hello route.
    pub not_needed_windows_hello_route: String,
    /// Windows: why the Windows Hello settings are not needed on the Chrome route.
    pub not_needed_chrome_route: String,
    /// The summary when the browser is the only thing at fault.
    pub browser_only: String,
    /// A PC browser the user agent names but the guide does not (`{browser}`): a note only,
    /// the smartphone rule ※1 does not apply to a PC.
    pub pc_browser_note: String,
    /// A PC page known not to be in a standard browser: a note only, as above.
    pub pc_browser_fail: String,
}

/// The labels of the help screen that every renderer (Android, iOS, HTML) draws from
/// [`crate::session::HelpScreen`]: no shell writes a label of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ScreenText {
    /// Heads the list of findings.
    pub findings_heading: String,
    /// The banner's heading when nothing stops a registration.
    pub banner_ready: String,
    /// … when a setting is missing.
    pub banner_not_ready: String,
    /// … when only the customer's answers can tell.
    pub banner_needs_answers: String,
    /// … when the OS is too old for passkeys.
    pub banner_unsupported: String,
    /// A finding's status as words, beside whatever mark a renderer draws.
    pub status_pass: String,
    pub status_fail: String,
    pub status_unknown: String,
    pub status_not_applicable: String,
    /// A setting that is not required (biometrics) and not set or not known.
    pub status_optional: String,
    /// The button of a finding whose settings screen a shell can open.
    pub open_settings: String,
    /// The button of the standard-browser finding.
    pub open_in_standard_browser: String,
    /// Heads (or discloses) a finding's guide steps.
    pub steps: String,
    pub answer_yes: String,
    pub answer_no: String,
}

impl Guide {
    pub fn device_guide(&self, id: &str) -> Option<&DeviceGuide> {
        self.guides.iter().find(|g| g.id == id)
    }

    pub fn part(&self, id: &str) -> Option<&Part> {
        self.guides
            .iter()
            .flat_map(|g| g.parts.iter())
            .find(|p| p.id == id)
    }

    pub fn check(&self, id: &str) -> Option<&CheckText> {
        self.checks.iter().find(|c| c.id == id)
    }

    pub fn faq(&self, id: &str) -> Option<&Faq> {
        self.troubleshooting.faqs.iter().find(|f| f.id == id)
    }
}

/// A sentence explaining one kind of diagnosis answer (the site's configuration, already
/// registered, …), shown with the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    pub id: String,
    pub text: String,
}
