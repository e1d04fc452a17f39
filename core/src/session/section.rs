//! A guide section as a help screen shows it: the steps of one part of a device guide (or a
//! troubleshooting answer), numbered and marked the way the guide's locale writes them
//! ([`Typography`]), for this device's OS version where the guide has versions.

use serde::Serialize;

use crate::content::render::Typography;
use crate::content::{DeviceGuide, Guide, Note, NoteKind, Part, Step};
use crate::readiness::Version;
use crate::Platform;

/// The steps that fix a finding, or one part of a device guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpSection {
    /// The guide item: a part id (`android.screen_lock`) or an FAQ id (`faq.in_app_browser`).
    pub id: String,
    /// The part's label and title (`<設定1>画面ロック（認証方式）の設定`), the device
    /// guide's title for a single-part guide, or the FAQ's question.
    pub heading: String,
    /// What discloses or heads the steps ("設定方法").
    pub label: String,
    /// Why the part is needed, or the FAQ's answer.
    pub intro: String,
    /// Which OS version the screens shown are from, when the customer's is another one or
    /// is not known.
    pub written_for: Option<String>,
    pub steps: Vec<HelpStep>,
    /// The steps for other OS versions, only when the device's version is not known (each
    /// headed by its label, "iOS 17の場合").
    pub variants: Vec<HelpVariant>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpVariant {
    pub label: String,
    pub steps: Vec<HelpStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpStep {
    /// What stands before the text, as the locale writes it: `1.` (set close in Japanese)
    /// or `1. `. A renderer writes `number` then `text`, and announces both.
    pub number: String,
    pub text: String,
    pub notes: Vec<HelpNote>,
    /// ①②③ (`a. b. c.` in English) under this step.
    pub substeps: Vec<HelpSubstep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpSubstep {
    pub number: String,
    pub text: String,
    pub notes: Vec<HelpNote>,
}

/// A note under a step: a condition, a prerequisite, a hint, the other names a menu has on
/// some devices (`alternative`), or what to do when a step cannot be done (`caution`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpNote {
    pub kind: NoteKind,
    /// What stands before the text (`※`, `Note: `, `※1`), empty for alternatives and
    /// cautions.
    pub mark: String,
    pub text: String,
}

impl HelpSection {
    /// The section `id` of `guide` for a device of `platform` on `version` (every version's
    /// steps when it is not known); `None` when the guide has no such part or FAQ.
    pub fn of(
        guide: &Guide,
        id: &str,
        platform: Platform,
        version: Option<&Version>,
    ) -> Option<HelpSection> {
        let ty = Typography::of(guide.locale);
        let label = guide.screen.steps.clone();
        if let Some(faq) = guide.faq(id) {
            return Some(HelpSection {
                id: faq.id.clone(),
                heading: faq.question.clone(),
                label,
                intro: faq.answer.clone(),
                written_for: None,
                steps: Vec::new(),
                variants: Vec::new(),
            });
        }
        let device = guide
            .guides
            .iter()
            .find(|g| g.parts.iter().any(|p| p.id == id))?;
        let device = match version {
            Some(v) if device.serves(platform) => device.for_version(v),
            _ => device.clone(),
        };
        let part = device.parts.iter().find(|p| p.id == id)?;
        Some(HelpSection::of_part(ty, &device, part, label))
    }

    /// One part of a device guide as it stands (resolve its versions first, if at all).
    pub fn of_part(
        ty: Typography,
        device: &DeviceGuide,
        part: &Part,
        label: String,
    ) -> HelpSection {
        let heading = ty.part_heading(part.label.as_deref(), part.title.as_deref());
        HelpSection {
            id: part.id.clone(),
            heading: if heading.is_empty() {
                device.title.clone()
            } else {
                heading
            },
            label,
            intro: part.requirement.clone(),
            written_for: device.written_for.as_ref().map(|w| w.text.clone()),
            steps: steps(ty, &part.steps),
            variants: part
                .variants
                .iter()
                .map(|v| HelpVariant {
                    label: v.label.clone(),
                    steps: steps(ty, &v.steps),
                })
                .collect(),
        }
    }
}

pub(super) fn steps(ty: Typography, steps: &[Step]) -> Vec<HelpStep> {
    (1..)
        .zip(steps)
        .map(|(n, step)| HelpStep {
            number: ty.step(n),
            text: step.text.clone(),
            notes: notes(ty, &step.notes),
            substeps: (1..)
                .zip(&step.substeps)
                .map(|(m, sub)| HelpSubstep {
                    number: ty.substep(m),
                    text: sub.text.clone(),
                    notes: notes(ty, &sub.notes),
                })
                .collect(),
        })
        .collect()
}

fn notes(ty: Typography, notes: &[Note]) -> Vec<HelpNote> {
    notes
        .iter()
        .map(|note| note_of(ty, note.kind, &note.text))
        .collect()
}

pub(super) fn note_of(ty: Typography, kind: NoteKind, text: &str) -> HelpNote {
    HelpNote {
        kind,
        mark: ty.note(kind).to_owned(),
        text: text.to_owned(),
    }
}
