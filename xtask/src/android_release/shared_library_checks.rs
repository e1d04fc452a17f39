//! What a shared library must satisfy before it goes into the AAR. Run on the Android `.so`
//! files of an NDK build, and on the host library here (symbols and DT_NEEDED), so that the
//! code is exercised on every CI run even without an NDK.

use std::collections::BTreeSet;
use std::path::Path;

use super::elf;
use super::symbols;

/// Android's 16 KB page size: Google Play requires it for apps targeting Android 15+.
pub const ANDROID_PAGE: u64 = 0x4000;

/// Libraries every Android device has; anything else in DT_NEEDED fails to load.
pub const ANDROID_SYSTEM_LIBRARIES: &[&str] = &[
    "libc.so",
    "libm.so",
    "libdl.so",
    "liblog.so",
    "libandroid.so",
];

/// The glibc host's own libraries (for the host run of the same checks).
pub const HOST_SYSTEM_LIBRARIES: &[&str] = &[
    "libc.so.6",
    "libm.so.6",
    "libdl.so.2",
    "libpthread.so.0",
    "librt.so.1",
    "libgcc_s.so.1",
    "ld-linux-x86-64.so.2",
];

pub struct Expectations<'a> {
    pub system_libraries: &'a [&'a str],
    /// Every PT_LOAD must be aligned to at least this (None: not checked, e.g. on the host).
    pub page: Option<u64>,
    pub kotlin_calls: &'a BTreeSet<String>,
}

pub fn check(path: &Path, expect: &Expectations) -> Result<(), String> {
    let label = path.display().to_string();
    let lib = elf::shared_library(path)?;
    let foreign: Vec<&str> = lib
        .needed
        .iter()
        .map(String::as_str)
        .filter(|n| !expect.system_libraries.contains(n))
        .collect();
    if !foreign.is_empty() {
        return Err(format!(
            "{label} needs libraries a device does not have (DT_NEEDED): {}",
            foreign.join(", ")
        ));
    }
    if let Some(page) = expect.page {
        if lib.load_alignments.is_empty() {
            return Err(format!("{label} has no LOAD segment"));
        }
        for (offset, align) in &lib.load_alignments {
            if *align < page || align % page != 0 {
                return Err(format!(
                    "{label}: LOAD segment at offset {offset:#x} is aligned to {align:#x}, not {page:#x} \
                     (link with -Wl,-z,max-page-size=16384)"
                ));
            }
        }
    }
    symbols::exports_match(&label, &lib.exports, expect.kotlin_calls)?;
    eprintln!(
        "    {label}: DT_NEEDED {}{}",
        lib.needed.join(" "),
        expect
            .page
            .map_or(String::new(), |p| format!(", every LOAD aligned to {p:#x}"))
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // The test binary is a real x86-64 ELF linked for 4 KB pages against glibc: what an NDK
    // build without the page flag, or with a stray dependency, would look like.
    fn this_binary() -> std::path::PathBuf {
        std::env::current_exe().unwrap()
    }

    #[test]
    fn a_library_needing_a_non_system_library_is_refused_naming_it() {
        let none = BTreeSet::new();
        let problem = check(
            &this_binary(),
            &Expectations {
                system_libraries: ANDROID_SYSTEM_LIBRARIES,
                page: None,
                kotlin_calls: &none,
            },
        )
        .unwrap_err();
        assert!(
            problem.contains("needs libraries a device does not have (DT_NEEDED): ")
                && problem.contains("libc.so.6"),
            "{problem}"
        );
    }

    #[test]
    fn a_load_segment_aligned_to_4_kb_is_refused() {
        let none = BTreeSet::new();
        let problem = check(
            &this_binary(),
            &Expectations {
                system_libraries: HOST_SYSTEM_LIBRARIES,
                page: Some(ANDROID_PAGE),
                kotlin_calls: &none,
            },
        )
        .unwrap_err();
        assert!(
            problem.contains("is aligned to 0x1000, not 0x4000"),
            "{problem}"
        );
    }
}
