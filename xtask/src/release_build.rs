//! The two commands the release steps repeat: a release build of the FFI crate as one crate
//! type (Android and iOS), and a jar-format archive (Android).

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
    ffi_library_with(root, &[], crate_type, target, rustc_args, env)
}

/// [`ffi_library`] with cargo arguments before the command (`+nightly`) and after it
/// (`-Zbuild-std=…`): `cargo <toolchain…> rustc <cargo_flags…> -p passkey-ready-ffi …`.
pub fn ffi_library_with(
    root: &Path,
    cargo: &[&str],
    crate_type: &str,
    target: Option<&str>,
    rustc_args: &[&str],
    env: &[(&str, String)],
) -> Result<(), String> {
    let toolchain = cargo.iter().copied().filter(|a| a.starts_with('+'));
    let flags = cargo.iter().copied().filter(|a| !a.starts_with('+'));
    let mut args: Vec<&str> = toolchain.collect();
    args.push("rustc");
    args.extend(flags);
    args.extend([
        "-p",
        "passkey-ready-ffi",
        "--lib",
        "--crate-type",
        crate_type,
    ]);
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

/// `jar --create --no-manifest --file <archive> -C <folder> <entry>…`: a zip the JDK writes,
/// each part an entry (a path, or `.` for everything) of one folder.
pub fn jar(root: &Path, archive: &Path, parts: &[(&Path, &str)]) -> Result<(), String> {
    let mut args: Vec<String> = vec![
        "--create".into(),
        "--no-manifest".into(),
        "--file".into(),
        archive.display().to_string(),
    ];
    for (folder, entry) in parts {
        args.extend([
            "-C".to_owned(),
            folder.display().to_string(),
            (*entry).to_owned(),
        ]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(root, "jar", &args, &[])
}
