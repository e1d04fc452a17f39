//! The two commands the release steps repeat: a release build of the FFI crate as one crate
//! type, and a jar-format archive of one folder.

use std::path::Path;

use crate::run;

/// `cargo rustc -p passkey-ready-ffi --lib --crate-type <kind> [--target T] --release
/// [-- <rustc args>]`: shipped features only (no `panic-probe`).
pub fn ffi_library(
    root: &Path,
    crate_type: &str,
    target: Option<&str>,
    rustc_args: &[&str],
    env: &[(&str, String)],
) -> Result<(), String> {
    let mut args = vec![
        "rustc",
        "-p",
        "passkey-ready-ffi",
        "--lib",
        "--crate-type",
        crate_type,
    ];
    if let Some(target) = target {
        args.extend(["--target", target]);
    }
    args.push("--release");
    if !rustc_args.is_empty() {
        args.push("--");
        args.extend(rustc_args);
    }
    run(root, "cargo", &args, env)
}

/// `jar --create --no-manifest --file <archive> -C <folder> <entry>`: a zip the JDK writes.
pub fn jar_of(root: &Path, archive: &Path, folder: &Path, entry: &str) -> Result<(), String> {
    run(
        root,
        "jar",
        &[
            "--create",
            "--no-manifest",
            "--file",
            &archive.display().to_string(),
            "-C",
            &folder.display().to_string(),
            entry,
        ],
        &[],
    )
}
