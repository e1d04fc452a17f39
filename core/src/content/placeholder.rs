//! `{name}` placeholders in content texts: which names exist, their syntax, and filling them.

use std::collections::BTreeSet;

/// The only names a text may use. `{service}` is the bank's service name; the two versions
/// appear in the report's "unsupported" text (`{min_version}` also in the OS question);
/// `{browser}` in the report's note on a PC browser.
pub const KNOWN: [&str; 4] = ["service", "os_version", "min_version", "browser"];

/// The placeholder names a text uses, or what is wrong with its braces.
pub fn names(text: &str) -> Result<BTreeSet<&str>, String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        let after = rest.get(open..).unwrap_or_default();
        if after.starts_with('}') {
            return Err("'}' without a matching '{'".to_owned());
        }
        let body = after.get(1..).unwrap_or_default();
        let Some(close) = body.find(['{', '}']) else {
            return Err("'{' is never closed".to_owned());
        };
        let name = body.get(..close).unwrap_or_default();
        if body.get(close..).is_some_and(|s| s.starts_with('{')) {
            return Err(format!(
                "'{{' inside the placeholder {{{}",
                crate::untrusted::escape(name)
            ));
        }
        if !KNOWN.contains(&name) {
            return Err(format!(
                "unknown placeholder {{{}}} (known: {})",
                crate::untrusted::escape(name),
                KNOWN.map(|k| format!("{{{k}}}")).join(", ")
            ));
        }
        names.insert(name);
        rest = body.get(close + 1..).unwrap_or_default();
    }
    Ok(names)
}

/// Replaces each `{name}` of `values` in `text`. Names not given are left as they are.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    if !text.contains('{') {
        return text.to_owned();
    }
    values.iter().fold(text.to_owned(), |acc, (name, value)| {
        acc.replace(&format!("{{{name}}}"), value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_known_names() {
        let found = names("Open {service} in {service}, {os_version}").unwrap();
        assert_eq!(
            found.into_iter().collect::<Vec<_>>(),
            ["os_version", "service"]
        );
        assert!(names("no placeholders").unwrap().is_empty());
    }

    #[test]
    fn rejects_unbalanced_and_unknown() {
        assert!(names("open {service").unwrap_err().contains("never closed"));
        assert!(names("close service}")
            .unwrap_err()
            .contains("without a matching"));
        assert!(names("{a{service}}").unwrap_err().contains("inside"));
        assert!(names("{bank}")
            .unwrap_err()
            .contains("unknown placeholder {bank}"));
        assert!(names("{}").unwrap_err().contains("unknown placeholder {}"));
    }

    #[test]
    fn fills_values() {
        assert_eq!(
            fill("{service}へ {service}", &[("service", "プラスネット")]),
            "プラスネットへ プラスネット"
        );
        assert_eq!(fill("{os_version}", &[("service", "x")]), "{os_version}");
    }
}
