//! The Android `.so` files: linked with the NDK for 16 KB pages, stripped, their unstripped
//! originals kept for crash symbolication, and refused unless they pass the shared-library
//! checks. Needs `ANDROID_NDK_HOME` (r28 or newer); `--check` names what it skips instead.

use std::path::{Path, PathBuf};

use super::shared_library_checks::{self, Expectations};
use super::{generated_kotlin, release_build, symbols, version, TARGETS};
use crate::run;
use crate::steps::{self, Step};

/// r28 is the first NDK that links for 16 KB pages by default; the flag below makes it explicit.
const MINIMUM_NDK_MAJOR: u32 = 28;
/// The SDK's minSdk: the clang driver of that API level links against its libc.
const MIN_SDK: u32 = 23;
const PAGE_FLAG: &str = "-Wl,-z,max-page-size=16384";

/// Where the stripped libraries wait for the AAR (`jni/<abi>/`).
pub fn jni_dir(root: &Path) -> PathBuf {
    steps::target_dir(root).join("android-release/jni")
}

fn symbols_dir(root: &Path) -> PathBuf {
    steps::target_dir(root).join("android-release/symbols")
}

/// The NDK's major version from its source.properties (`Pkg.Revision = 28.0.13004108`).
pub fn ndk_major(source_properties: &str) -> Option<u32> {
    source_properties
        .lines()
        .filter_map(|l| l.split_once('='))
        .find(|(k, _)| k.trim() == "Pkg.Revision")
        .and_then(|(_, v)| v.trim().split('.').next()?.parse().ok())
}

fn ndk_bin(ndk: &Path) -> Result<PathBuf, String> {
    let prebuilt = ndk.join("toolchains/llvm/prebuilt");
    let host = std::fs::read_dir(&prebuilt)
        .map_err(|e| format!("{}: {e}", prebuilt.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .next()
        .ok_or_else(|| format!("{}: no prebuilt toolchain", prebuilt.display()))?;
    Ok(host.join("bin"))
}

/// The clang driver for a Rust target (armv7's is named armv7a).
fn clang(target: &str) -> String {
    let triple = target.replace("armv7-", "armv7a-");
    format!("{triple}{MIN_SDK}-clang")
}

pub const NDK_LIBRARIES: Step = Step {
    name: "android: .so per ABI with the NDK (16 KB pages, stripped, symbols archive, checked)",
    run: |root| {
        let ndk = std::env::var_os("ANDROID_NDK_HOME")
            .map(PathBuf::from)
            .ok_or("set ANDROID_NDK_HOME to an NDK r28 or newer (or run with --check)")?;
        let properties = ndk.join("source.properties");
        let text = std::fs::read_to_string(&properties)
            .map_err(|e| format!("{}: {e}", properties.display()))?;
        match ndk_major(&text) {
            Some(major) if major >= MINIMUM_NDK_MAJOR => {}
            found => {
                return Err(format!(
                    "NDK r{} at {}: r{MINIMUM_NDK_MAJOR} or newer is needed (16 KB page alignment)",
                    found.map_or("?".to_owned(), |m| m.to_string()),
                    ndk.display()
                ))
            }
        }
        let bin = ndk_bin(&ndk)?;
        let called = symbols::kotlin_calls(&generated_kotlin(root))?;
        let jni = jni_dir(root);
        let symbols_dir = symbols_dir(root);
        for dir in [&jni, &symbols_dir] {
            if dir.exists() {
                std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
        }
        for (target, abi) in TARGETS {
            let linker_var = format!(
                "CARGO_TARGET_{}_LINKER",
                target.to_uppercase().replace('-', "_")
            );
            let linker = bin.join(clang(target)).display().to_string();
            release_build::ffi_library(
                root,
                "cdylib",
                Some(target),
                &["-C", &format!("link-arg={PAGE_FLAG}")],
                &[(linker_var.as_str(), linker)],
            )?;
            let built = steps::target_dir(root)
                .join(target)
                .join("release/libpasskey_ready_ffi.so");
            let unstripped = symbols_dir.join(abi).join("libpasskey_ready_ffi.so");
            let stripped = jni.join(abi).join("libpasskey_ready_ffi.so");
            for file in [&unstripped, &stripped] {
                if let Some(parent) = file.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| format!("{}: {e}", parent.display()))?;
                }
            }
            std::fs::copy(&built, &unstripped)
                .map_err(|e| format!("{} → {}: {e}", built.display(), unstripped.display()))?;
            run(
                root,
                &bin.join("llvm-strip").display().to_string(),
                &[
                    "--strip-unneeded",
                    "-o",
                    &stripped.display().to_string(),
                    &unstripped.display().to_string(),
                ],
                &[],
            )?;
            let checked = shared_library_checks::check(
                &stripped,
                &Expectations {
                    system_libraries: shared_library_checks::ANDROID_SYSTEM_LIBRARIES,
                    page: Some(shared_library_checks::ANDROID_PAGE),
                    kotlin_calls: &called,
                },
            );
            if let Err(problem) = checked {
                // No AAR may be made from a library that fails: the packing step finds no jni/.
                let _ = std::fs::remove_dir_all(&jni);
                return Err(problem);
            }
        }
        let dist = steps::target_dir(root).join("dist");
        std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
        let archive = dist.join(format!(
            "passkey-ready-android-{}-native-symbols.zip",
            version::workspace(root)?
        ));
        release_build::jar(root, &archive, &[(&symbols_dir, ".")])?;
        eprintln!(
            "    unstripped libraries for symbolication: {}",
            archive.display()
        );
        Ok(())
    },
};

/// What `--check` leaves out for lack of an NDK, said out loud; stale `.so` files of an
/// earlier NDK run are removed so that the check's AAR never carries libraries it did not check.
pub const NDK_SKIPPED: Step = Step {
    name: "android: .so per ABI — SKIPPED (--check: no NDK)",
    run: |root| {
        let jni = jni_dir(root);
        if jni.exists() {
            std::fs::remove_dir_all(&jni).map_err(|e| format!("{}: {e}", jni.display()))?;
        }
        let abis: Vec<&str> = TARGETS.iter().map(|(_, abi)| *abi).collect();
        eprintln!("    skipped, for lack of an NDK (cargo xtask android-release with ANDROID_NDK_HOME does them):");
        eprintln!(
            "    - linking libpasskey_ready_ffi.so for {} with {PAGE_FLAG}",
            abis.join(", ")
        );
        eprintln!("    - stripping them and the native-symbols archive of the unstripped ones");
        eprintln!("    - on each .so: every LOAD segment aligned to 0x4000, DT_NEEDED only Android system libraries, the uniffi exports");
        eprintln!("    - jni/<abi>/ in the AAR (this AAR has no native libraries)");
        eprintln!("    checked here instead: each staticlib's exports, and the host .so through the same shared-library checks");
        Ok(())
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ndk_version_is_read_from_source_properties() {
        let r28 = "Pkg.Desc = Android NDK\nPkg.Revision = 28.0.13004108\nPkg.BaseRevision = 28.0\n";
        assert_eq!(ndk_major(r28), Some(28));
        assert_eq!(ndk_major("Pkg.Revision=27.2.12479018"), Some(27));
        assert_eq!(ndk_major("Pkg.Desc = Android NDK"), None);
    }

    #[test]
    fn armv7_uses_the_armv7a_clang_driver_of_min_sdk() {
        assert_eq!(
            clang("armv7-linux-androideabi"),
            "armv7a-linux-androideabi23-clang"
        );
        assert_eq!(
            clang("aarch64-linux-android"),
            "aarch64-linux-android23-clang"
        );
    }
}
