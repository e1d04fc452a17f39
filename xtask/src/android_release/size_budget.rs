//! The size budget (android/size-budget.json): the stripped host release library and the code
//! of the arm64 staticlib may not grow more than `max_growth_percent` over their budgets.
//!
//! The arm64 figure is the sum of the staticlib objects' executable sections, not the
//! archive's file size: the archive is mostly crate metadata and the parts of std the linker
//! drops, which say nothing about what the SDK costs an app. With `lto = true` the SDK and what
//! it uses of std are one object, so its `.text` is close to the code of the linked `.so`.

use std::path::{Path, PathBuf};

use super::{elf, release_build, staticlib};
use crate::steps::{self, Step};

pub fn budget_file(root: &Path) -> PathBuf {
    root.join("android/size-budget.json")
}

struct Figure {
    key: &'static str,
    label: &'static str,
    bytes: u64,
}

/// The host library as shipped: release profile, shipped features, symbols stripped by rustc.
fn host_library_stripped(root: &Path) -> Result<u64, String> {
    release_build::ffi_library(root, "cdylib", None, &["-C", "strip=symbols"], &[])?;
    let name = steps::native_library(root)
        .file_name()
        .map(|n| n.to_owned())
        .ok_or("no library name")?;
    let path = steps::target_dir(root).join("release").join(name);
    std::fs::metadata(&path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Fails naming each figure that grew past its budget by more than the allowed share.
pub fn compare(budget: &serde_json::Value, figures: &[(&str, &str, u64)]) -> Result<(), String> {
    let percent = budget
        .get("max_growth_percent")
        .and_then(serde_json::Value::as_u64)
        .ok_or("size-budget.json has no max_growth_percent")?;
    let mut over = Vec::new();
    for (key, label, bytes) in figures {
        let allowed = budget
            .get(*key)
            .and_then(serde_json::Value::as_u64)
            .filter(|b| *b > 0)
            .ok_or_else(|| format!("size-budget.json has no budget {key} (measured: {bytes})"))?;
        let limit = allowed + allowed * percent / 100;
        let change = (*bytes as f64 - allowed as f64) * 100.0 / allowed as f64;
        eprintln!(
            "    {label}: {bytes} bytes, budget {allowed} ({change:+.1} %, limit +{percent} % = {limit})"
        );
        if *bytes > limit {
            over.push(format!(
                "{label} is {bytes} bytes, more than {percent} % over its budget of {allowed} ({key} in android/size-budget.json)"
            ));
        } else if change < -f64::from(u32::try_from(percent).unwrap_or(10)) {
            eprintln!("    {label} shrank by more than {percent} %: lower {key} to {bytes}");
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}

pub const SIZE_BUDGET: Step = Step {
    name: "android: size budget (stripped host library, arm64 staticlib code) within +10 %",
    run: |root| {
        let path = budget_file(root);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let budget: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let figures = [
            Figure {
                key: "host_library_stripped_bytes",
                label: "host library, release, stripped",
                bytes: host_library_stripped(root)?,
            },
            Figure {
                key: "arm64_staticlib_code_bytes",
                label: "arm64-v8a staticlib code (.text of its objects)",
                bytes: elf::archive_code_size(&staticlib(root, "aarch64-linux-android"))?,
            },
        ];
        let figures: Vec<(&str, &str, u64)> =
            figures.iter().map(|f| (f.key, f.label, f.bytes)).collect();
        compare(&budget, &figures)
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(bytes: u64) -> serde_json::Value {
        serde_json::json!({ "max_growth_percent": 10, "lib": bytes })
    }

    #[test]
    fn growth_up_to_ten_percent_passes_beyond_it_fails_naming_the_figure() {
        assert!(compare(&budget(1000), &[("lib", "the library", 1100)]).is_ok());
        let problem = compare(&budget(1000), &[("lib", "the library", 1101)]).unwrap_err();
        assert!(
            problem.contains("the library is 1101 bytes, more than 10 % over its budget of 1000"),
            "{problem}"
        );
    }

    #[test]
    fn a_figure_without_a_budget_fails() {
        assert!(compare(&budget(0), &[("lib", "the library", 5)]).is_err());
        assert!(compare(&budget(10), &[("other", "x", 5)]).is_err());
    }
}
