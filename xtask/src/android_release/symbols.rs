//! The native entry points the generated Kotlin calls, and the checks that a library exports
//! exactly those: a missing one is an `UnsatisfiedLinkError` on the customer's phone the first
//! time the SDK is used; an extra one means the library and the bindings are out of step
//! (for instance a test-only export in a shipped library).

use std::collections::BTreeSet;
use std::path::Path;

/// The `external fun` names in the generated Kotlin: JNA binds each by its name.
pub fn kotlin_calls(generated: &Path) -> Result<BTreeSet<String>, String> {
    let source = std::fs::read_to_string(generated)
        .map_err(|e| format!("{}: {e} (generate the bindings first)", generated.display()))?;
    let names: BTreeSet<String> = source
        .lines()
        .filter_map(|line| line.split_once("external fun ").map(|(_, rest)| rest))
        .filter_map(|rest| rest.split('(').next())
        .map(|name| name.trim().trim_matches('`').to_owned())
        .filter(|name| !name.is_empty())
        .collect();
    if names.is_empty() {
        return Err(format!(
            "{}: no `external fun` found: the bindings' shape changed, adapt this check",
            generated.display()
        ));
    }
    Ok(names)
}

/// Whether a symbol belongs to the UniFFI surface (the scaffolding names every export so).
pub fn is_uniffi(name: &str) -> bool {
    name.starts_with("uniffi_") || name.starts_with("ffi_")
}

/// Fails, naming every symbol, unless `library`'s UniFFI exports equal `called`.
pub fn exports_match(
    library: &str,
    exports: &BTreeSet<String>,
    called: &BTreeSet<String>,
) -> Result<(), String> {
    let exported: BTreeSet<&String> = exports.iter().filter(|n| is_uniffi(n)).collect();
    let called: BTreeSet<&String> = called.iter().collect();
    let missing: Vec<&str> = called.difference(&exported).map(|s| s.as_str()).collect();
    let extra: Vec<&str> = exported.difference(&called).map(|s| s.as_str()).collect();
    let mut problems = Vec::new();
    if !missing.is_empty() {
        problems.push(format!(
            "{library} does not export what the Kotlin calls: {}",
            missing.join(", ")
        ));
    }
    if !extra.is_empty() {
        problems.push(format!(
            "{library} exports what the Kotlin never calls (library and bindings out of step): {}",
            extra.join(", ")
        ));
    }
    if problems.is_empty() {
        eprintln!(
            "    {library}: {} UniFFI symbols, as the Kotlin calls",
            exported.len()
        );
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_missing_symbol_fails_with_its_name() {
        let exports = set(&["ffi_x_rustbuffer_free", "rust_eh_personality"]);
        let called = set(&["ffi_x_rustbuffer_free", "uniffi_x_fn_func_evaluate"]);
        let problem = exports_match("lib.a", &exports, &called).unwrap_err();
        assert!(
            problem.contains("does not export what the Kotlin calls: uniffi_x_fn_func_evaluate"),
            "{problem}"
        );
    }

    #[test]
    fn an_export_the_kotlin_never_calls_fails_too_and_other_symbols_do_not_count() {
        let exports = set(&["ffi_a", "uniffi_x_fn_func_panic_probe", "memcpy"]);
        let problem = exports_match("lib.so", &exports, &set(&["ffi_a"])).unwrap_err();
        assert!(
            problem.contains(
                "never calls (library and bindings out of step): uniffi_x_fn_func_panic_probe"
            ),
            "{problem}"
        );
        assert!(exports_match("lib.so", &set(&["ffi_a", "memcpy"]), &set(&["ffi_a"])).is_ok());
    }

    #[test]
    fn the_kotlin_calls_are_the_external_funs() {
        let dir = std::env::temp_dir().join(format!("xtask-symbols-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("b.kt");
        std::fs::write(
            &file,
            "internal object L {\n    external fun uniffi_a_fn_func_x(`a`: Long, st: RustCallStatus): Long\n    external fun ffi_a_rustbuffer_free(`b`: RustBuffer.ByValue,\n    )\n    fun notExternal()\n}\n",
        )
        .unwrap();
        assert_eq!(
            kotlin_calls(&file).unwrap(),
            set(&["ffi_a_rustbuffer_free", "uniffi_a_fn_func_x"])
        );
        std::fs::write(&file, "fun f() {}\n").unwrap();
        assert!(kotlin_calls(&file).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
