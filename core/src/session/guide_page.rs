//! The guide of one device or of every device as a page: the same pieces as the help
//! screen's ([`HelpSection`], [`HelpNote`], [`HelpTroubleshooting`]), for `passkey-ready
//! guide --format html` and any renderer of the whole guide.

use serde::Serialize;

use super::screen::{troubleshooting, HelpTroubleshooting};
use super::section::{note_of, HelpNote, HelpSection};
use crate::content::render::Typography;
use crate::content::{footnotes, Guide, Locale, NoteKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuidePage {
    pub locale: Locale,
    pub title: String,
    pub troubleshooting: HelpTroubleshooting,
    pub devices: Vec<HelpDeviceGuide>,
}

/// One device guide: its notes from the page (the "already using passkeys" note and the
/// device table's footnotes about this device), then its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HelpDeviceGuide {
    pub id: String,
    pub title: String,
    pub notes: Vec<HelpNote>,
    pub sections: Vec<HelpSection>,
}

impl GuidePage {
    /// The page of `guide` (resolved for an OS version beforehand, if at all), with the
    /// device guide `device` only, or every one; `None` when there is no such guide.
    pub fn new(guide: &Guide, device: Option<&str>) -> Option<GuidePage> {
        let ty = Typography::of(guide.locale);
        let table = &guide.preparation.device_table;
        let devices: Vec<HelpDeviceGuide> = guide
            .guides
            .iter()
            .filter(|g| device.map_or(true, |id| g.id == id))
            .map(|g| {
                let mut notes = vec![note_of(
                    ty,
                    NoteKind::Hint,
                    &guide.preparation.already_using_note,
                )];
                notes.extend(
                    footnotes::for_guide(table, &g.id)
                        .into_iter()
                        .map(|(n, note)| HelpNote {
                            kind: NoteKind::Hint,
                            mark: ty.footnote(n),
                            text: note.text.clone(),
                        }),
                );
                HelpDeviceGuide {
                    id: g.id.clone(),
                    title: g.title.clone(),
                    notes,
                    sections: g
                        .parts
                        .iter()
                        .map(|part| HelpSection::of_part(ty, g, part, guide.screen.steps.clone()))
                        .collect(),
                }
            })
            .collect();
        if devices.is_empty() {
            return None;
        }
        Some(GuidePage {
            locale: guide.locale,
            title: guide.title.clone(),
            troubleshooting: troubleshooting(guide),
            devices,
        })
    }
}
