//! Which footnotes of the device table are about which device guide, so that one device's
//! guide carries the table's notes for that device (※1 for smartphones, ※2 where Chrome must
//! be signed in) and no other.

use std::collections::HashSet;

use super::model::{DeviceTable, Footnote, Guide, Locale};
use super::validate::Problem;

/// The footnotes that apply to the device guide `id`, with their number in the table
/// (1-based), in the table's order.
pub fn for_guide<'a>(table: &'a DeviceTable, id: &str) -> Vec<(usize, &'a Footnote)> {
    (1..)
        .zip(&table.footnotes)
        .filter(|(_, note)| applies(table, note, id))
        .collect()
}

fn applies(table: &DeviceTable, note: &Footnote, id: &str) -> bool {
    if !note.applies_to.is_empty() {
        return note.applies_to.iter().any(|g| g == id);
    }
    let marks = |footnote: &Option<String>| footnote.as_deref() == Some(note.id.as_str());
    marks(&table.header.standard_browser.footnote)
        || table
            .rows
            .iter()
            .any(|row| row.guide == id && marks(&row.standard_browser.footnote))
}

/// `applies_to` names device guides that exist.
pub(crate) fn check(locale: Locale, guide: &Guide, problems: &mut Vec<Problem>) {
    let table = &guide.preparation.device_table;
    let guides: HashSet<&str> = guide.guides.iter().map(|g| g.id.as_str()).collect();
    for note in &table.footnotes {
        for target in &note.applies_to {
            if !guides.contains(target.as_str()) {
                problems.push(Problem::UnresolvedReference {
                    path: format!(
                        "{}.preparation.device_table.footnotes[{}].applies_to",
                        locale.code(),
                        note.id
                    ),
                    target: target.clone(),
                });
            }
        }
    }
}
