//! How much a content bundle may hold, item by item. Checked while the JSON is read, before
//! any of it becomes a [`super::Bundle`] (and again by [`super::validate`] on a bundle built
//! in code), so that a bundle under [`super::MAX_BUNDLE_BYTES`] can never make validation,
//! its error or anything built from it grow faster than the bundle itself. Each limit is
//! several times what the bank's page needs (in brackets: the embedded guide's largest).

/// Characters of an id or a reference to one (`android.screen_lock`) [31].
pub const MAX_ID_CHARS: usize = 64;
/// Characters of one customer-facing text [294].
pub const MAX_TEXT_CHARS: usize = 2_000;
/// Characters of one quoted message [43]: a screen's error message, which diagnosis compares
/// with what the customer saw (an input is at most `diagnose::MAX_MESSAGE_BYTES`).
pub const MAX_MESSAGE_CHARS: usize = 500;
/// Questions of the troubleshooting section [2].
pub const MAX_FAQS: usize = 32;
/// Quoted messages of one question [2].
pub const MAX_MESSAGES_PER_FAQ: usize = 16;
/// Check ids (of one question) or check texts (of a guide) [16].
pub const MAX_CHECKS: usize = 32;
/// Sections one question points to [1].
pub const MAX_SECTIONS_PER_FAQ: usize = 16;
/// Device guides [5].
pub const MAX_GUIDES: usize = 16;
/// Parts of one device guide [4].
pub const MAX_PARTS_PER_GUIDE: usize = 16;
/// Steps of one part [8].
pub const MAX_STEPS_PER_PART: usize = 32;
/// Substeps of one step [5].
pub const MAX_SUBSTEPS_PER_STEP: usize = 16;
/// Notes of one step or substep [1].
pub const MAX_NOTES: usize = 8;
/// Paragraphs of the preparation section [1].
pub const MAX_PARAGRAPHS: usize = 16;
/// Rows of the device table [5].
pub const MAX_TABLE_ROWS: usize = 16;
/// Footnotes of the device table [2].
pub const MAX_FOOTNOTES: usize = 16;
/// OS-version variants of one part [2].
pub const MAX_VARIANTS_PER_PART: usize = 8;
/// Explanations of diagnosis answers that have no FAQ [10].
pub const MAX_EXPLANATIONS: usize = 32;
/// Items of any other list a bundle may come to have.
pub const MAX_OTHER_LIST_ITEMS: usize = 32;
/// Problems one validation reports; past it, validation says that it stopped.
pub const MAX_PROBLEMS: usize = 50;

/// Keys whose string values are ids or references, never shown to customers.
pub const REFERENCE_KEYS: [&str; 11] = [
    "id",
    "guide",
    "footnote",
    "kind",
    "checks",
    "sections",
    "locale",
    // OS-version ranges and platforms of variants (see `variants.rs`), footnote scopes.
    "platforms",
    "from",
    "before",
    "applies_to",
];

/// The most items of the list under `key`.
pub(crate) fn max_items(key: &str) -> usize {
    match key {
        "faqs" => MAX_FAQS,
        "variants" => MAX_VARIANTS_PER_PART,
        "explanations" => MAX_EXPLANATIONS,
        "messages" => MAX_MESSAGES_PER_FAQ,
        "checks" => MAX_CHECKS,
        "sections" => MAX_SECTIONS_PER_FAQ,
        "guides" => MAX_GUIDES,
        "parts" => MAX_PARTS_PER_GUIDE,
        "steps" => MAX_STEPS_PER_PART,
        "substeps" => MAX_SUBSTEPS_PER_STEP,
        "notes" => MAX_NOTES,
        "paragraphs" => MAX_PARAGRAPHS,
        "rows" => MAX_TABLE_ROWS,
        "footnotes" => MAX_FOOTNOTES,
        _ => MAX_OTHER_LIST_ITEMS,
    }
}

/// The most characters of a string under `key` (directly, or as an item of its list).
pub(crate) fn max_chars(key: &str) -> usize {
    if REFERENCE_KEYS.contains(&key) {
        MAX_ID_CHARS
    } else if key == "messages" {
        MAX_MESSAGE_CHARS
    } else {
        MAX_TEXT_CHARS
    }
}

/// The limits of a bundle, for [`crate::json_input`].
pub(crate) const BUNDLE: crate::json_input::Limits = crate::json_input::Limits {
    max_items,
    max_chars,
};
