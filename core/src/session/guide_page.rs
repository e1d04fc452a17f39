//! The guide of one device or of every device as a page: the same pieces as the help
//! screen's ([`HelpSection`], [`HelpNote`], [`HelpTroubleshooting`]), for `passkey-ready
//! guide --format html` and any renderer of the whole guide. In the page's order: the
//! troubleshooting answers, the preparation with the device table (whole guide only), the
//! device guides.

use serde::Serialize;

use super::screen::{troubleshooting, HelpTroubleshooting};
use super::section::{note_of, HelpNote, HelpSection};
use crate::content::render::{text_cell, Typography};
use crate::content::{footnotes, DeviceGuide, Guide, Locale, NoteKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct GuidePage {
    pub locale: Locale,
    pub title: String,
    pub troubleshooting: HelpTroubleshooting,
    /// The introduction and the device table; only on the page of every device.
    pub preparation: Option<HelpPreparation>,
    pub devices: Vec<HelpDeviceGuide>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpPreparation {
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// "If you already use passkeys, no setup is needed."
    pub note: HelpNote,
    pub table: HelpTable,
}

/// The device table: which browser and passkey store each device uses, and its guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpTable {
    pub heading: String,
    /// The column headings, footnote marks included.
    pub header: Vec<String>,
    pub rows: Vec<HelpTableRow>,
    pub footnotes: Vec<HelpNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpTableRow {
    /// Every cell but the last, footnote marks included.
    pub cells: Vec<String>,
    /// The last cell: the text that leads to the device guide `guide`.
    pub setup: String,
    pub guide: String,
}

/// One device guide: its notes from the page (the "already using passkeys" note and the
/// device table's footnotes about this device), the versions its screens are from, then
/// its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HelpDeviceGuide {
    pub id: String,
    pub title: String,
    pub notes: Vec<HelpNote>,
    pub written_for: Option<String>,
    pub sections: Vec<HelpSection>,
}

impl GuidePage {
    /// The page of `guide` (resolved for an OS version beforehand, if at all), with the
    /// device guide `device` only, or every one; `None` when there is no such guide.
    pub fn new(guide: &Guide, device: Option<&str>) -> Option<GuidePage> {
        let ty = Typography::of(guide.locale);
        let devices: Vec<HelpDeviceGuide> = guide
            .guides
            .iter()
            .filter(|g| device.map_or(true, |id| g.id == id))
            .map(|g| device_guide(guide, ty, g))
            .collect();
        if devices.is_empty() {
            return None;
        }
        Some(GuidePage {
            locale: guide.locale,
            title: guide.title.clone(),
            troubleshooting: troubleshooting(guide),
            preparation: device.is_none().then(|| preparation(guide, ty)),
            devices,
        })
    }
}

fn device_guide(guide: &Guide, ty: Typography, g: &DeviceGuide) -> HelpDeviceGuide {
    let table = &guide.preparation.device_table;
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
                mark: format!("{} ", ty.footnote(n)),
                text: note.text.clone(),
            }),
    );
    HelpDeviceGuide {
        id: g.id.clone(),
        title: g.title.clone(),
        notes,
        written_for: g.written_for.as_ref().map(|w| w.text.clone()),
        sections: g
            .parts
            .iter()
            .map(|part| {
                // Said once for the whole device guide.
                let mut section = HelpSection::of_part(ty, g, part, guide.screen.steps.clone());
                section.written_for = None;
                section
            })
            .collect(),
    }
}

fn preparation(guide: &Guide, ty: Typography) -> HelpPreparation {
    let p = &guide.preparation;
    let table = &p.device_table;
    let h = &table.header;
    let cell = |c, header| text_cell(guide.locale, table, c, header);
    HelpPreparation {
        heading: p.heading.clone(),
        paragraphs: p.paragraphs.clone(),
        note: note_of(ty, NoteKind::Hint, &p.already_using_note),
        table: HelpTable {
            heading: table.heading.clone(),
            header: vec![
                h.device.clone(),
                h.os.clone(),
                cell(&h.standard_browser, true),
                h.passkey_store.clone(),
                h.setup.clone(),
            ],
            rows: table
                .rows
                .iter()
                .map(|row| HelpTableRow {
                    cells: vec![
                        row.device.clone(),
                        row.os.clone(),
                        cell(&row.standard_browser, false),
                        row.passkey_store.clone(),
                    ],
                    setup: row.setup_link.clone(),
                    guide: row.guide.clone(),
                })
                .collect(),
            footnotes: (1..)
                .zip(&table.footnotes)
                .map(|(n, note)| HelpNote {
                    kind: NoteKind::Hint,
                    mark: format!("{} ", ty.footnote(n)),
                    text: note.text.clone(),
                })
                .collect(),
        },
    }
}
