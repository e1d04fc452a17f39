//! OS-version variants: which steps a customer on a given OS version sees, and the rules a
//! bundle's version ranges must follow.
//!
//! A device guide's `written_for` names the platforms it serves and the versions its steps
//! describe; a part's `variants` hold the steps for other version ranges. Ranges are
//! half-open (`from` ≤ v < `before`) so that "iOS 17" is `{"from": "17", "before": "18"}`
//! and 17.7.2 needs no upper bound of its own. Validation, per locale:
//! - bounds are dotted numbers (1 to 3 of them), `from` < `before`, a variant has a bound;
//! - a part's variants overlap neither each other nor the guide's `written_for` range, so
//!   that at most one set of steps fits a version;
//! - variants need a `written_for` (without it nothing says which platform's versions they
//!   are) and their notes' `see_step` points into the variant's own steps.
//!
//! ja and en must have the same variants with the same ranges: `from`, `before` and
//! `platforms` are reference keys, which the shape comparison of `validate.rs` requires to be
//! equal; variant texts go through the same text checks as every other text.

use super::model::{DeviceGuide, Guide, Locale, OsRange, Part, Step};
use super::validate::Problem;
use crate::readiness::{Version, MAX_OS_VERSION_BYTES};
use crate::Platform;

/// A version as a customer or shell gives it (`17.5.1`, `14`, `10.0.22631`), for
/// [`Guide::for_os`]. The error says what is wrong, for a message naming the field.
pub fn parse_os_version(text: &str) -> Result<Version, String> {
    if text.len() > MAX_OS_VERSION_BYTES {
        return Err(format!(
            "longer than {MAX_OS_VERSION_BYTES} bytes ({} bytes)",
            text.len()
        ));
    }
    // Not echoed: like a snapshot's `os_version`, it may hold anything (SECURITY.md).
    Version::parse(text).ok_or_else(|| "not a version number such as 17.5".to_owned())
}

impl OsRange {
    /// Whether `version` is in the range. A bound that is not a version (only in a bundle
    /// that failed validation) matches nothing.
    pub fn contains(&self, version: &Version) -> bool {
        let bound = |b: &Option<String>| b.as_deref().map(content_version);
        match (bound(&self.from), bound(&self.before)) {
            (Some(None), _) | (_, Some(None)) => false,
            (from, before) => {
                from.flatten().map_or(true, |f| f <= *version)
                    && before.flatten().map_or(true, |b| *version < b)
            }
        }
    }
}

impl DeviceGuide {
    /// Whether the guide's variants are chosen by `platform`'s version.
    pub fn serves(&self, platform: Platform) -> bool {
        self.written_for
            .as_ref()
            .is_some_and(|w| w.platforms.contains(&platform))
    }

    /// The guide as a customer on `version` sees it: each part's steps are those of the
    /// variant covering `version`, or its own; no part has variants left. `written_for` stays
    /// only when `version` is outside it, to tell the customer which version the screens
    /// shown are from.
    pub fn for_version(&self, version: &Version) -> DeviceGuide {
        let mut guide = self.clone();
        for part in &mut guide.parts {
            resolve(part, version);
        }
        if guide
            .written_for
            .as_ref()
            .is_some_and(|w| w.os.contains(version))
        {
            guide.written_for = None;
        }
        guide
    }
}

fn resolve(part: &mut Part, version: &Version) {
    let variants = std::mem::take(&mut part.variants);
    if let Some(variant) = variants.into_iter().find(|v| v.os.contains(version)) {
        part.steps = variant.steps;
    }
}

impl Guide {
    /// The guide for one device: the device guides serving `platform` are resolved for
    /// `version` ([`DeviceGuide::for_version`]); the others are unchanged. Reports, the CLI
    /// and the SDK render this guide, so every consumer shows the same steps.
    pub fn for_os(&self, platform: Platform, version: &Version) -> Guide {
        let mut guide = self.clone();
        for g in &mut guide.guides {
            if g.serves(platform) {
                *g = g.for_version(version);
            }
        }
        guide
    }
}

/// A version bound as the content writes it: 1 to 3 dot-separated numbers, nothing else.
fn content_version(text: &str) -> Option<Version> {
    let pieces: Vec<&str> = text.split('.').collect();
    let numeric = |p: &&str| !p.is_empty() && p.len() <= 9 && p.bytes().all(|b| b.is_ascii_digit());
    if pieces.len() > 3 || !pieces.iter().all(numeric) {
        return None;
    }
    Version::parse(text)
}

/// Every problem of `guide`'s written-for ranges and variants.
pub(crate) fn check(locale: Locale, guide: &Guide, problems: &mut Vec<Problem>) {
    let code = locale.code();
    for g in &guide.guides {
        let at = format!("{code}.guides[{}]", g.id);
        let written = g.written_for.as_ref().and_then(|w| {
            let path = format!("{at}.written_for");
            if w.platforms.is_empty() {
                push(problems, &format!("{path}.platforms"), "names no platform");
            }
            let mut seen = std::collections::HashSet::new();
            for (n, p) in (1..).zip(&w.platforms) {
                if !seen.insert(p) {
                    push(
                        problems,
                        &format!("{path}.platforms[{n}]"),
                        "is listed twice",
                    );
                }
            }
            bounds(&format!("{path}.os"), &w.os, problems)
        });
        for part in &g.parts {
            let path = format!("{at}.parts[{}]", part.id);
            check_part(&path, part, g.written_for.is_some(), written, problems);
        }
    }
}

type Bounds = (Option<Version>, Option<Version>);

fn check_part(
    path: &str,
    part: &Part,
    has_written_for: bool,
    written: Option<Bounds>,
    problems: &mut Vec<Problem>,
) {
    if !part.variants.is_empty() && !has_written_for {
        push(
            problems,
            &format!("{path}.variants"),
            "the guide has no written_for: it must say which versions the part's own steps are for",
        );
    }
    let mut ranges: Vec<(Option<usize>, Bounds)> = Vec::new();
    if let Some(w) = written {
        ranges.push((None, w));
    }
    for (n, variant) in (1..).zip(&part.variants) {
        let at = format!("{path}.variants[{n}]");
        if variant.os.from.is_none() && variant.os.before.is_none() {
            push(problems, &format!("{at}.os"), "has neither from nor before");
        } else if let Some(range) = bounds(&format!("{at}.os"), &variant.os, problems) {
            ranges.push((Some(n), range));
        }
        if variant.steps.is_empty() {
            push(problems, &format!("{at}.steps"), "has no step");
        }
        see_steps(&at, &variant.steps, problems);
    }
    overlapping(path, ranges, problems);
}

/// Reports each range that starts before an earlier-starting one ends. Sorting first keeps
/// the cost at n log n and the problems at one per variant, whatever a bundle holds.
fn overlapping(path: &str, mut ranges: Vec<(Option<usize>, Bounds)>, problems: &mut Vec<Problem>) {
    // `None` as a lower bound is the lowest version, as an upper bound the highest.
    ranges.sort_by_key(|(_, (from, _))| *from);
    let name = |owner: Option<usize>| match owner {
        Some(n) => format!("variants[{n}]"),
        None => "the guide's written_for".to_owned(),
    };
    let mut reach: Option<(Option<usize>, Option<Version>)> = None;
    for (owner, (from, before)) in ranges {
        if let Some((holder, end)) = reach {
            let starts_inside = match (from, end) {
                (Some(f), Some(e)) => f < e,
                _ => true,
            };
            if starts_inside {
                // Named on the later variant in the file, against the earlier one.
                let (variant, other) = match (owner, holder) {
                    (Some(a), Some(b)) => (a.max(b), Some(a.min(b))),
                    (Some(n), None) | (None, Some(n)) => (n, None),
                    (None, None) => continue,
                };
                push(
                    problems,
                    &format!("{path}.variants[{variant}].os"),
                    &format!("overlaps {}", name(other)),
                );
            }
        }
        let extends = match (&reach, before) {
            (None, _) | (_, None) => true,
            (Some((_, Some(end))), Some(b)) => b > *end,
            (Some((_, None)), Some(_)) => false,
        };
        if extends {
            reach = Some((owner, before));
        }
    }
}

/// A condition's `see_step` counts in the variant's own steps.
fn see_steps(path: &str, steps: &[Step], problems: &mut Vec<Problem>) {
    for (n, step) in (1..).zip(steps) {
        let notes = step
            .notes
            .iter()
            .chain(step.substeps.iter().flat_map(|s| s.notes.iter()));
        for note in notes {
            if let Some(target) = note.see_step {
                if target == 0 || target as usize > steps.len() {
                    problems.push(Problem::StepOutOfRange {
                        path: format!("{path}.steps[{n}].notes.see_step"),
                        step: target,
                        steps: steps.len(),
                    });
                }
            }
        }
    }
}

/// The parsed bounds, or `None` after reporting what is wrong with them.
fn bounds(path: &str, range: &OsRange, problems: &mut Vec<Problem>) -> Option<Bounds> {
    let mut ok = true;
    let mut parse = |key: &str, bound: &Option<String>| {
        let text = bound.as_deref()?;
        let parsed = content_version(text);
        if parsed.is_none() {
            ok = false;
            push(
                problems,
                &format!("{path}.{key}"),
                &format!("{text:?} is not a version (1 to 3 dot-separated numbers, e.g. 17 or 10.0.22631)"),
            );
        }
        parsed
    };
    let from = parse("from", &range.from);
    let before = parse("before", &range.before);
    if let (Some(f), Some(b)) = (from, before) {
        if f >= b {
            ok = false;
            push(problems, path, "from must be lower than before");
        }
    }
    ok.then_some((from, before))
}

fn push(problems: &mut Vec<Problem>, path: &str, detail: &str) {
    problems.push(Problem::OsVariant {
        path: path.to_owned(),
        detail: detail.to_owned(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(from: Option<&str>, before: Option<&str>) -> OsRange {
        OsRange {
            from: from.map(Into::into),
            before: before.map(Into::into),
        }
    }

    fn v(text: &str) -> Version {
        parse_os_version(text).unwrap()
    }

    #[test]
    fn ranges_are_half_open() {
        let ios17 = range(Some("17"), Some("18"));
        assert!(ios17.contains(&v("17")));
        assert!(ios17.contains(&v("17.7.2")));
        assert!(!ios17.contains(&v("18.0")));
        assert!(!ios17.contains(&v("16.9")));
        assert!(range(Some("14"), None).contains(&v("15")));
        assert!(range(None, Some("14")).contains(&v("9")));
        assert!(!range(Some("seventeen"), None).contains(&v("17")));
    }

    #[test]
    fn content_versions_are_plain_dotted_numbers() {
        assert!(content_version("10.0.22631").is_some());
        for bad in [
            "",
            "17.",
            ".1",
            "17 beta",
            "1.2.3.4",
            "x",
            "17_1",
            "9999999999",
        ] {
            assert!(content_version(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn overlap() {
        let overlaps = |a: (Option<&str>, Option<&str>), b: (Option<&str>, Option<&str>)| {
            let mut problems = Vec::new();
            let bounds = |(f, t): (Option<&str>, Option<&str>)| (f.map(v), t.map(v));
            overlapping(
                "p",
                vec![(Some(1), bounds(a)), (Some(2), bounds(b))],
                &mut problems,
            );
            !problems.is_empty()
        };
        assert!(!overlaps((Some("17"), Some("18")), (Some("18"), None)));
        assert!(overlaps((Some("17"), Some("18.1")), (Some("18"), None)));
        assert!(overlaps((None, None), (Some("1"), Some("2"))));
        assert!(!overlaps((None, Some("14")), (Some("14"), None)));
        assert!(overlaps((Some("1"), Some("9")), (Some("2"), Some("3"))));
    }

    #[test]
    fn many_overlapping_variants_give_one_problem_each() {
        let ranges = (1..=5000).map(|n| (Some(n), (None, None))).collect();
        let mut problems = Vec::new();
        overlapping("p", ranges, &mut problems);
        assert_eq!(problems.len(), 4999);
    }
}
