//! Validation of a content bundle. Every problem names the item it is about by a path such as
//! `ja.guides[android].parts[android.screen_lock].steps[4].text`: array elements that have an
//! id are named by it, the others by their position counted from 1, as the page numbers them.
//!
//! The checks walk the JSON form of the bundle, so a field added to the model is covered
//! without touching this file: a string is a customer-facing text unless its key is one of
//! [`REFERENCE_KEYS`]. Every customer-facing text also passes the content-safety rules of
//! [`super::safety`]: no links but `https://` to hosts the app allows, no markup, no control,
//! bidirectional or other invisible format characters. Ids and values quoted in a problem
//! are escaped and cut ([`crate::untrusted`]), and at most [`MAX_PROBLEMS`] are listed.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use super::limits::{self, MAX_PROBLEMS, REFERENCE_KEYS};
use super::model::{Bundle, Guide, Locale, Note};
use super::placeholder;
use super::safety::{self, LoadPolicy};
use crate::json_input::{self, InputError};
use crate::readiness::{rules, CheckId};
use crate::untrusted::{cut, quote};

/// One thing wrong with a bundle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("{path}: id {} is not of the form lower_snake.dotted (a-z, 0-9, _ and ., at most {} characters)", quote(id), limits::MAX_ID_CHARS)]
    InvalidId { path: String, id: String },
    #[error("{path}: id {} is used more than once in {locale}", quote(id))]
    DuplicateId {
        locale: String,
        path: String,
        id: String,
    },
    #[error(
        "{path}: part id {} must start with its guide's id {} and a dot",
        quote(id),
        quote(guide)
    )]
    PartOutsideGuide {
        path: String,
        id: String,
        guide: String,
    },
    #[error("{path}: text is empty")]
    EmptyText { path: String },
    #[error("{path}: {detail}")]
    Placeholder { path: String, detail: String },
    #[error("{path}: {} does not exist", quote(target))]
    UnresolvedReference { path: String, target: String },
    #[error("{path}: {} is not a check id", quote(target))]
    UnknownCheck { path: String, target: String },
    #[error("{locale}.checks: check {id:?} has no texts")]
    MissingCheck { locale: String, id: String },
    #[error(
        "{path}: locale is {} but the bundle has it under {}",
        quote(found),
        quote(expected)
    )]
    WrongLocale {
        path: String,
        found: String,
        expected: String,
    },
    #[error("{path}: the translation differs from ja: {detail}")]
    LocaleMismatch { path: String, detail: String },
    #[error("{locale}: the readiness rules point to {id:?}, which the content does not have")]
    MissingSection { locale: String, id: String },
    #[error("{path}: a condition's see_step {step} is not a step of this part (1..={steps})")]
    StepOutOfRange {
        path: String,
        step: u32,
        steps: usize,
    },
    /// A URL with a scheme other than `https://` (`http:`, `javascript:`, `intent:`, `data:`,
    /// `file:`, a custom `foo://` …).
    #[error(
        "{path}: {}: {}: links are not allowed in content (only https:// to hosts the app allows)",
        quote(found),
        quote(scheme)
    )]
    ForbiddenScheme {
        path: String,
        scheme: String,
        found: String,
    },
    /// An `https://` link to a host the app does not allow (or with user info or escapes).
    #[error(
        "{path}: {}: host {} is not one the app allows links to",
        quote(url),
        quote(host)
    )]
    LinkNotAllowed {
        path: String,
        url: String,
        host: String,
    },
    /// A link without a scheme that linkifiers and Markdown follow (`www.…`, `//host`).
    #[error("{path}: {}: a link without https:// is not allowed", quote(found))]
    LinkWithoutScheme { path: String, found: String },
    /// A Markdown link target in angle brackets with a space in it (`](<  //host>)`): a URL
    /// parser reads past the space, so what the checker would take for text is part of the
    /// URL (the user info before the real host, or the host itself).
    #[error(
        "{path}: {}: a link target in <…> may not contain spaces",
        quote(found)
    )]
    SpaceInLinkTarget { path: String, found: String },
    /// HTML that a WebView or an attributed string would treat as code or formatting: an
    /// element's tag, a tag with attributes, an end tag, a comment, an `on…=` handler.
    #[error("{path}: {}: markup is not allowed in content", quote(found))]
    Markup { path: String, found: String },
    /// A control character other than the newline (`U+0009` …).
    #[error("{path}: control character {code_point} is not allowed (only the newline)")]
    ControlCharacter { path: String, code_point: String },
    /// A bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069).
    #[error("{path}: bidirectional control {code_point} is not allowed")]
    BidiControl { path: String, code_point: String },
    /// An OS-version range or variant that is malformed, overlaps another or has no guide
    /// version to differ from (see `variants.rs`).
    #[error("{path}: {detail}")]
    OsVariant { path: String, detail: String },
    /// Another invisible format character (Unicode category Cf: U+200B–U+200F, U+2060,
    /// U+FEFF, tag characters …; U+200D only between two emoji) or a line or paragraph
    /// separator (U+2028, U+2029).
    #[error("{path}: invisible format character {code_point} is not allowed")]
    FormatCharacter { path: String, code_point: String },
    /// An HTML or CommonMark character reference (`&#106;`, `&colon;`), which a renderer
    /// decodes into what the rules would have refused.
    #[error(
        "{path}: {}: character references are not allowed in content (write the character itself)",
        quote(found)
    )]
    CharacterReference { path: String, found: String },
    /// A list or text longer than its limit ([`super::limits`]); nothing below it is checked.
    #[error("{path}: more than {max} {unit}")]
    OverLimit {
        path: String,
        max: usize,
        unit: &'static str,
    },
    /// Validation stopped after [`MAX_PROBLEMS`] problems; there are more.
    #[error(
        "validation stopped after {shown} problems; fix these and validate again for the rest"
    )]
    TooManyProblems { shown: usize },
}

/// The problems of the bundle, in a stable order; empty when the bundle is valid. At most
/// [`MAX_PROBLEMS`] are listed: validation stops there and the list ends with
/// [`Problem::TooManyProblems`]. A list or text over its limit ([`super::limits`]) is the
/// only problem reported. Links are checked with the default [`LoadPolicy`], which allows
/// none.
pub fn validate(bundle: &Bundle) -> Vec<Problem> {
    validate_with(bundle, &LoadPolicy::default())
}

/// [`validate`], with links allowed to the hosts of `policy`.
pub fn validate_with(bundle: &Bundle, policy: &LoadPolicy) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut values = Vec::new();
    for locale in Locale::ALL {
        // Serialising plain structs of strings cannot fail; if it ever did, the typed checks
        // below still run.
        let value = serde_json::to_value(bundle.guide(locale)).ok();
        // Bounds first: every path and count below is then bounded too. A bundle read
        // from JSON was checked while it was read; one built in code is checked here.
        if let Some(value) = &value {
            if let Err(err) = json_input::check_value(value, locale.code(), limits::BUNDLE) {
                return vec![over_limit(err)];
            }
        }
        values.push(value);
    }
    for (locale, value) in Locale::ALL.into_iter().zip(&values) {
        check_guide(locale, bundle.guide(locale), &mut problems);
        if let Some(value) = value {
            check_texts(locale.code(), value, policy, &mut problems);
        }
    }
    if let [Some(ja), Some(en)] = values.as_slice() {
        compare_shapes(Locale::En.code(), ja, en, &mut problems);
    }
    for locale in Locale::ALL {
        super::variants::check(locale, bundle.guide(locale), &mut problems);
        super::footnotes::check(locale, bundle.guide(locale), &mut problems);
    }
    if problems.len() > MAX_PROBLEMS {
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem::TooManyProblems {
            shown: MAX_PROBLEMS,
        });
    }
    problems
}

fn over_limit(err: InputError) -> Problem {
    match err {
        InputError::OverLimit { path, max, unit } => Problem::OverLimit { path, max, unit },
        // A value serialised from the model has plain keys, no duplicates and is JSON.
        InputError::Malformed { path, .. } | InputError::DuplicateKey { path } => {
            Problem::OverLimit {
                path,
                max: 0,
                unit: "unexpected keys",
            }
        }
    }
}

/// Whether validation has found enough to stop: one more than it lists, so that the list
/// says there are more.
fn full(problems: &[Problem]) -> bool {
    problems.len() > MAX_PROBLEMS
}

/// An id as a path names it: itself when it is a valid id, else quoted, escaped and cut.
fn segment(id: &str) -> String {
    if is_valid_id(id) {
        id.to_owned()
    } else {
        quote(id)
    }
}

/// Id syntax, uniqueness and cross-references of one locale, on the typed model.
fn check_guide(locale: Locale, guide: &Guide, problems: &mut Vec<Problem>) {
    let code = locale.code();
    if guide.locale != locale {
        problems.push(Problem::WrongLocale {
            path: format!("{code}.locale"),
            found: guide.locale.code().to_owned(),
            expected: code.to_owned(),
        });
    }

    // Every id with the path that names it, checked for syntax and uniqueness below.
    let mut ids: Vec<(String, &str)> = Vec::new();
    for faq in &guide.troubleshooting.faqs {
        ids.push((
            format!("{code}.troubleshooting.faqs[{}]", segment(&faq.id)),
            &faq.id,
        ));
    }
    for e in &guide.troubleshooting.explanations {
        let path = format!("{code}.troubleshooting.explanations[{}]", segment(&e.id));
        ids.push((path, &e.id));
    }
    let table = &guide.preparation.device_table;
    for note in &table.footnotes {
        let path = format!(
            "{code}.preparation.device_table.footnotes[{}]",
            segment(&note.id)
        );
        ids.push((path, &note.id));
    }
    for g in &guide.guides {
        ids.push((format!("{code}.guides[{}]", segment(&g.id)), &g.id));
        for part in &g.parts {
            let path = format!(
                "{code}.guides[{}].parts[{}]",
                segment(&g.id),
                segment(&part.id)
            );
            if !part.id.starts_with(&format!("{}.", segment(&g.id))) {
                problems.push(Problem::PartOutsideGuide {
                    path: path.clone(),
                    id: cut(&part.id),
                    guide: cut(&g.id),
                });
            }
            for (n, step) in (1..).zip(&part.steps) {
                let mut notes: Vec<(String, &Note)> = step
                    .notes
                    .iter()
                    .map(|note| (format!("{path}.steps[{n}].notes"), note))
                    .collect();
                for (m, sub) in (1..).zip(&step.substeps) {
                    for note in &sub.notes {
                        notes.push((format!("{path}.steps[{n}].substeps[{m}].notes"), note));
                    }
                }
                for (at, note) in notes {
                    let Some(step) = note.see_step else { continue };
                    if step == 0 || step as usize > part.steps.len() {
                        problems.push(Problem::StepOutOfRange {
                            path: format!("{at}.see_step"),
                            step,
                            steps: part.steps.len(),
                        });
                    }
                }
            }
            ids.push((path, &part.id));
        }
    }
    let mut check_ids: Vec<(String, &str)> = Vec::new();
    for check in &guide.checks {
        let path = format!("{code}.checks[{}]", segment(&check.id));
        if CheckId::parse(&check.id).is_none() {
            problems.push(Problem::UnknownCheck {
                path: path.clone(),
                target: cut(&check.id),
            });
        }
        check_ids.push((path, &check.id));
    }
    // Checks have a namespace of their own: the check `windows_hello` and the guide
    // `windows_hello` are the same concept under the same name.
    for ids in [ids, check_ids] {
        unique_ids(code, ids, problems);
    }

    for check in CheckId::ALL {
        if guide.check(check.as_str()).is_none() {
            problems.push(Problem::MissingCheck {
                locale: code.to_owned(),
                id: check.as_str().to_owned(),
            });
        }
    }

    // Diagnosis explains its answers with these texts: they must exist.
    for id in crate::diagnose::EXPLANATIONS {
        if crate::diagnose::explanation(guide, id).is_none() {
            problems.push(Problem::UnresolvedReference {
                path: format!("{code}.troubleshooting.explanations"),
                target: id.to_owned(),
            });
        }
    }

    // The readiness engine sends customers to these items: they must exist.
    for id in rules::sections().collect::<BTreeSet<_>>() {
        if guide.part(id).is_none() && guide.faq(id).is_none() {
            problems.push(Problem::MissingSection {
                locale: code.to_owned(),
                id: id.to_owned(),
            });
        }
    }

    // References.
    let footnote_ids: BTreeSet<&str> = table.footnotes.iter().map(|n| n.id.as_str()).collect();
    let footnote_ref = |path: String, target: &Option<String>, problems: &mut Vec<Problem>| {
        if let Some(target) = target {
            if !footnote_ids.contains(target.as_str()) {
                problems.push(Problem::UnresolvedReference {
                    path,
                    target: cut(target),
                });
            }
        }
    };
    footnote_ref(
        format!("{code}.preparation.device_table.header.standard_browser.footnote"),
        &table.header.standard_browser.footnote,
        problems,
    );
    for (n, row) in (1..).zip(&table.rows) {
        let path = format!("{code}.preparation.device_table.rows[{n}]");
        footnote_ref(
            format!("{path}.standard_browser.footnote"),
            &row.standard_browser.footnote,
            problems,
        );
        if guide.device_guide(&row.guide).is_none() {
            problems.push(Problem::UnresolvedReference {
                path: format!("{path}.guide"),
                target: cut(&row.guide),
            });
        }
    }
    for faq in &guide.troubleshooting.faqs {
        let path = format!("{code}.troubleshooting.faqs[{}]", segment(&faq.id));
        for check in &faq.checks {
            if CheckId::parse(check).is_none() {
                problems.push(Problem::UnknownCheck {
                    path: format!("{path}.checks"),
                    target: cut(check),
                });
            }
        }
        for section in &faq.sections {
            if guide.part(section).is_none() {
                problems.push(Problem::UnresolvedReference {
                    path: format!("{path}.sections"),
                    target: cut(section),
                });
            }
        }
    }
}

fn unique_ids(code: &str, ids: Vec<(String, &str)>, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for (path, id) in ids {
        if !is_valid_id(id) {
            problems.push(Problem::InvalidId {
                path: path.clone(),
                id: cut(id),
            });
        }
        if !seen.insert(id) {
            problems.push(Problem::DuplicateId {
                locale: code.to_owned(),
                path,
                id: cut(id),
            });
        }
    }
}

/// Ids are ASCII `lower_snake` segments joined by dots, at most [`limits::MAX_ID_CHARS`]:
/// safe in URLs, file names, code and the paths of problems.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= limits::MAX_ID_CHARS
        && id.split('.').all(|segment| {
            segment
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase())
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

/// Empty texts, placeholder syntax and content safety, on every customer-facing string.
fn check_texts(path: &str, value: &Value, policy: &LoadPolicy, problems: &mut Vec<Problem>) {
    walk_texts(path, value, &mut |path, text| {
        if full(problems) {
            return false;
        }
        if text.trim().is_empty() {
            problems.push(Problem::EmptyText {
                path: path.to_owned(),
            });
        }
        if let Err(detail) = placeholder::names(text) {
            problems.push(Problem::Placeholder {
                path: path.to_owned(),
                detail,
            });
        }
        safety::check_text(path, text, policy, problems);
        true
    });
}

/// Calls `f` with the path and value of every customer-facing string below `value`, until
/// `f` returns false; returns false if it stopped.
fn walk_texts(path: &str, value: &Value, f: &mut dyn FnMut(&str, &str) -> bool) -> bool {
    match value {
        Value::String(text) => f(path, text),
        Value::Array(items) => (1..)
            .zip(items)
            .all(|(n, item)| walk_texts(&element_path(path, n, item), item, f)),
        Value::Object(map) => map.iter().all(|(key, item)| {
            if !REFERENCE_KEYS.contains(&key.as_str()) || item.is_object() || is_records(item) {
                walk_texts(&format!("{path}.{key}"), item, f)
            } else {
                true
            }
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) => true,
    }
}

/// `checks` is both a list of check ids (in a FAQ) and a list of check texts (in a guide).
fn is_records(value: &Value) -> bool {
    value
        .as_array()
        .is_some_and(|items| items.iter().any(Value::is_object))
}

fn element_path(path: &str, n: usize, item: &Value) -> String {
    match item.get("id").and_then(Value::as_str) {
        Some(id) => format!("{path}[{}]", segment(id)),
        None => format!("{path}[{n}]"),
    }
}

/// ja and en must have the same items with the same ids and references; only the texts
/// differ, and each pair of texts uses the same placeholders.
fn compare_shapes(path: &str, ja: &Value, en: &Value, problems: &mut Vec<Problem>) {
    compare(path, ja, en, false, problems);
}

fn compare(path: &str, ja: &Value, en: &Value, reference: bool, problems: &mut Vec<Problem>) {
    if full(problems) {
        return;
    }
    let mismatch = |detail: String| Problem::LocaleMismatch {
        path: path.to_owned(),
        detail,
    };
    match (ja, en) {
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                if key == "locale" {
                    continue;
                }
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => {
                        let reference = REFERENCE_KEYS.contains(&key.as_str());
                        compare(&format!("{path}.{key}"), x, y, reference, problems);
                    }
                    (Some(_), None) => problems.push(mismatch(format!("{key} is missing in en"))),
                    (None, _) => problems.push(mismatch(format!("{key} is missing in ja"))),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                problems.push(mismatch(format!(
                    "ja has {} items, en has {}",
                    a.len(),
                    b.len()
                )));
            }
            for (n, (x, y)) in (1..).zip(a.iter().zip(b)) {
                compare(&element_path(path, n, x), x, y, reference, problems);
            }
        }
        (Value::String(a), Value::String(b)) if reference => {
            if a != b {
                problems.push(mismatch(format!(
                    "ja has {}, en has {}",
                    quote(a),
                    quote(b)
                )));
            }
        }
        (Value::String(a), Value::String(b)) => {
            if let (Ok(x), Ok(y)) = (placeholder::names(a), placeholder::names(b)) {
                if x != y {
                    let list = |names: BTreeSet<&str>| {
                        names.into_iter().map(quote).collect::<Vec<_>>().join(", ")
                    };
                    problems.push(mismatch(format!(
                        "placeholders differ: ja {{{}}}, en {{{}}}",
                        list(x),
                        list(y)
                    )));
                }
            }
        }
        (a, b) if a == b => {}
        (a, b) => problems.push(mismatch(format!("ja has {}, en has {}", kind(a), kind(b)))),
    }
}

/// What a value is, for a mismatch: never the value itself, which may be a whole subtree.
fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(_) => "a text".to_owned(),
        Value::Array(items) => format!("a list of {}", items.len()),
        Value::Object(_) => "an object".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lower_snake_dotted() {
        for good in [
            "android",
            "android.screen_lock",
            "faq.in_app_browser",
            "a1.b_2",
        ] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "Android", "a..b", ".a", "a.", "1a", "a-b", "a b", "ａ"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
