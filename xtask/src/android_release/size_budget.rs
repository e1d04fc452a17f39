//! The size budget (android/size-budget.json): the stripped host release library and the code
//! of the arm64 staticlib may not grow more than `max_growth_percent` over their budgets.
//!
//! The arm64 figure is the sum of the staticlib objects' executable sections, not the
//! archive's file size: the archive is mostly crate metadata and the parts of std the linker
//! drops, which say nothing about what the SDK costs an app. With `lto = true` the SDK and what
//! it uses of std are one object, so its `.text` is close to the code of the linked `.so`.

use std::path::{Path, PathBuf};

use super::{elf, release_build, staticlib};
use crate::size_budget;
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

pub const SIZE_BUDGET: Step = Step {
    name: "android: size budget (stripped host library, arm64 staticlib code) within +10 %",
    run: |root| {
        let path = budget_file(root);
        let budget = size_budget::read(&path)?;
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
        size_budget::compare(&budget, "android/size-budget.json", &figures)
    },
};
