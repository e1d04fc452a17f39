//! The Swift bindings that ship must match the iOS library of the same run: at its first call
//! the generated Swift compares each `uniffi_*_checksum_*` function's result with the number it
//! was generated with, and a difference is a `fatalError` in the app.
//!
//! How: uniffi-bindgen reads the UniFFI metadata (`UNIFFI_META_*` symbols, which hold the
//! checksums) of the shipped device archive and generates Swift from it; its checksum
//! constants must equal those of the bindings generated from the host library
//! (ios/Sources/PasskeyReadyFFI/PasskeyReadyFFI.swift, `cargo xtask bindings-shipped`), and
//! the two files must be the same.

use std::collections::BTreeMap;

/// `uniffi_…_checksum_…() != 12345` in generated Swift → (function, 12345).
pub fn checksums(swift: &str) -> BTreeMap<String, u64> {
    swift
        .lines()
        .filter_map(|line| {
            let start = line.find("uniffi_")?;
            let rest = line.get(start..)?;
            let (name, after) = rest.split_once("()")?;
            if !name.contains("_checksum_") {
                return None;
            }
            let number: String = after
                .trim_start()
                .strip_prefix("!=")?
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            Some((name.to_owned(), number.parse().ok()?))
        })
        .collect()
}

/// Fails naming every function whose checksum differs or that only one side has.
pub fn compare(shipped: &str, from_library: &str, library: &str) -> Result<usize, String> {
    let shipped_sums = checksums(shipped);
    let library_sums = checksums(from_library);
    if library_sums.is_empty() {
        return Err(format!(
            "no checksum found in the Swift generated from {library}: the bindings' shape changed, adapt this check"
        ));
    }
    let mut problems = Vec::new();
    for (name, value) in &library_sums {
        match shipped_sums.get(name) {
            Some(v) if v == value => {}
            Some(v) => problems.push(format!("{name}: the bindings say {v}, {library} {value}")),
            None => problems.push(format!("{name}: in {library}, not in the bindings")),
        }
    }
    for name in shipped_sums
        .keys()
        .filter(|n| !library_sums.contains_key(*n))
    {
        problems.push(format!("{name}: in the bindings, not in {library}"));
    }
    if !problems.is_empty() {
        return Err(format!(
            "the Swift bindings do not match {library} (a fatalError at the app's first call): {}",
            problems.join("; ")
        ));
    }
    if shipped != from_library {
        return Err(format!(
            "the checksums agree, but the Swift generated from {library} differs from the bindings"
        ));
    }
    Ok(library_sums.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SWIFT: &str = "    if (uniffi_x_checksum_func_evaluate() != 4242) {\n        return InitializationResult.apiChecksumMismatch\n    }\n    if (uniffi_x_checksum_method_a_b() != 7) {\n";

    #[test]
    fn the_checksum_constants_are_read_from_the_generated_swift() {
        let sums = checksums(SWIFT);
        assert_eq!(sums.get("uniffi_x_checksum_func_evaluate"), Some(&4242));
        assert_eq!(sums.len(), 2);
    }

    #[test]
    fn a_changed_checksum_fails_naming_the_function() {
        assert_eq!(compare(SWIFT, SWIFT, "lib.a"), Ok(2));
        let other = SWIFT.replace("4242", "4243");
        let problem = compare(SWIFT, &other, "lib.a").unwrap_err();
        assert!(
            problem.ends_with("uniffi_x_checksum_func_evaluate: the bindings say 4242, lib.a 4243"),
            "{problem}"
        );
        let fewer = SWIFT.replace("uniffi_x_checksum_method_a_b() != 7", "");
        assert!(compare(SWIFT, &fewer, "lib.a")
            .unwrap_err()
            .contains("in the bindings, not in lib.a"));
    }
}
