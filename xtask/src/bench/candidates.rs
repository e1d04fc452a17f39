//! Size candidates, measured rather than shipped: the release library built with
//! `opt-level = "z"` instead of the workspace's `"s"`, its stripped size, and what it does to
//! speed (diagnosis under callgrind, the same probe as `diagnose_ir`).

use std::path::{Path, PathBuf};

use crate::{output, run};

use super::{bench_dir, callgrind, dylib, exe, write};

fn target(root: &Path) -> PathBuf {
    bench_dir(root).join("opt-z")
}

pub(super) fn opt_z(root: &Path) -> Result<(), String> {
    let dir = target(root);
    // As the shipped library is built (see `release_builds`), into its own target directory.
    let env = [
        ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z".to_owned()),
        ("CARGO_TARGET_DIR", dir.display().to_string()),
    ];
    crate::release_build::ffi_library(root, "cdylib", None, &[], &env)?;
    run(
        root,
        "cargo",
        &[
            "build",
            "--release",
            "-p",
            "passkey-ready-benchmarks",
            "--bin",
            "diagnose-cost",
        ],
        &env,
    )?;
    let library = dir.join("release").join(dylib("passkey_ready_ffi"));
    let stripped = bench_dir(root).join("opt-z-stripped.so");
    std::fs::copy(&library, &stripped)
        .map_err(|e| format!("{} → {}: {e}", library.display(), stripped.display()))?;
    run(
        root,
        "strip",
        &["--strip-all", &stripped.to_string_lossy()],
        &[],
    )?;
    let bytes = std::fs::metadata(&stripped)
        .map_err(|e| format!("{}: {e}", stripped.display()))?
        .len();
    let probe = dir.join("release").join(exe("diagnose-cost"));
    let counts = callgrind::diagnose_counts(root, &probe, "opt-z")?;
    let sizes = output(root, "size", &["-A", &stripped.to_string_lossy()], &[])?;
    let text_bytes = sizes
        .lines()
        .find_map(|l| l.strip_prefix(".text"))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or("0");
    write(
        &bench_dir(root).join("opt_z.txt"),
        &format!("stripped_bytes {bytes}\ntext_bytes {text_bytes}\n{counts}"),
    )
}
