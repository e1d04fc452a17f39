//! Checks of each slice of the XCFramework as built: the architectures its Info.plist promises,
//! the platform and minimum iOS of every object, debug info and bitcode gone, and every
//! function the generated header declares defined in every architecture (a missing one is a
//! link error in the app that uses the SDK).
//!
//! Platform and minimum version: the SDK's own object (the LTO of the FFI crate, std and every
//! dependency) must say exactly the slice's platform and iOS 15.0. Objects the build does not
//! compile itself — compiler_builtins from rustup's prebuilt std for the device target — carry
//! what rustup built them with (LC_VERSION_MIN_IPHONEOS 10.0): older than 15.0 is what a
//! linker accepts silently (it warns only for objects newer than the app's minimum), so they
//! must name iOS and be no newer than 15.0. An object with no version command at all fails:
//! its platform cannot be told.

use std::collections::BTreeSet;
use std::path::Path;

use super::macho::{self, version_text, ArchArchive};
use super::slices::{Slice, MINOS, PLATFORM_IOS};

/// The SDK's own object in a staticlib: the FFI crate's LTO output.
fn is_sdk_object(member: &str) -> bool {
    member.starts_with("passkey_ready_ffi-")
}

/// Fails listing every object whose platform or minimum iOS is wrong, and every section of
/// debug info or bitcode left in a shipped archive.
pub fn check_objects(slice: &Slice, arch: &ArchArchive) -> Vec<String> {
    let mut problems = Vec::new();
    let mut sdk_objects = 0;
    for object in &arch.objects {
        let place = format!("{} {} {}", slice.id, arch.arch, object.member);
        if !object.debug_or_bitcode.is_empty() {
            problems.push(format!(
                "{place}: not stripped ({})",
                object.debug_or_bitcode.join(", ")
            ));
        }
        let Some(version) = object.version else {
            problems.push(format!("{place}: no LC_BUILD_VERSION (platform unknown)"));
            continue;
        };
        let platform_ok = match version.platform {
            Some(p) => p == slice.build_platform,
            // LC_VERSION_MIN_IPHONEOS: iOS devices only; a simulator object must say so.
            None => slice.build_platform == PLATFORM_IOS,
        };
        if !platform_ok {
            problems.push(format!(
                "{place}: platform {} where the slice needs {}",
                version
                    .platform
                    .map_or("iOS (LC_VERSION_MIN_IPHONEOS)".to_owned(), |p| p
                        .to_string()),
                slice.build_platform
            ));
        }
        if is_sdk_object(&object.member) {
            sdk_objects += 1;
            if version.minos != MINOS || version.platform.is_none() {
                problems.push(format!(
                    "{place}: minimum iOS {} where the SDK needs {}",
                    version_text(version.minos),
                    version_text(MINOS)
                ));
            }
        } else if version.minos > MINOS {
            problems.push(format!(
                "{place}: built for iOS {}, newer than the SDK's minimum {}",
                version_text(version.minos),
                version_text(MINOS)
            ));
        }
    }
    if sdk_objects != 1 {
        problems.push(format!(
            "{} {}: {sdk_objects} objects of the FFI crate where one (LTO) is expected",
            slice.id, arch.arch
        ));
    }
    problems
}

/// The functions a C header declares: every `name(` at the top level that is not a typedef,
/// a macro or a struct member. UniFFI's header declares nothing else with parentheses.
pub fn declared_functions(header: &str) -> BTreeSet<String> {
    let mut code = String::new();
    let mut in_comment = false;
    for line in header.lines() {
        let trimmed = line.trim_start();
        if in_comment {
            in_comment = !trimmed.contains("*/");
            continue;
        }
        if trimmed.starts_with("/*") {
            in_comment = !trimmed.contains("*/");
            continue;
        }
        if trimmed.starts_with('#') || trimmed.starts_with("//") {
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }
    let mut names = BTreeSet::new();
    let mut depth = 0_i32;
    let mut statement = String::new();
    for ch in code.chars() {
        match ch {
            '{' => {
                depth += 1;
                statement.clear();
            }
            '}' => {
                depth -= 1;
                statement.clear();
            }
            ';' => {
                if depth == 0 {
                    if let Some(name) = function_name(&statement) {
                        names.insert(name);
                    }
                }
                statement.clear();
            }
            _ => statement.push(ch),
        }
    }
    names
}

fn function_name(statement: &str) -> Option<String> {
    let statement = statement.trim();
    if statement.starts_with("typedef") {
        return None;
    }
    let before = statement.split('(').next()?;
    if before.len() == statement.len() {
        return None;
    }
    let name: String = before
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Fails naming each declared function an architecture does not define as code.
pub fn check_functions(
    slice: &Slice,
    arch: &ArchArchive,
    declared: &BTreeSet<String>,
) -> Option<String> {
    let defined: BTreeSet<&str> = arch
        .objects
        .iter()
        .flat_map(|o| o.functions.iter())
        .map(String::as_str)
        .collect();
    let missing: Vec<&str> = declared
        .iter()
        .map(String::as_str)
        .filter(|name| !defined.contains(format!("_{name}").as_str()))
        .collect();
    if missing.is_empty() {
        None
    } else {
        Some(format!(
            "{} {}: the header declares functions the library does not define: {}",
            slice.id,
            arch.arch,
            missing.join(", ")
        ))
    }
}

/// Every check of one slice's library at `library`.
pub fn check(slice: &Slice, library: &Path, declared: &BTreeSet<String>) -> Result<(), String> {
    let arches = macho::read(library)?;
    let mut problems = Vec::new();
    let found: Vec<&str> = arches.iter().map(|a| a.arch).collect();
    let expected: Vec<&str> = slice.targets.iter().map(|t| t.arch).collect();
    if found != expected {
        problems.push(format!(
            "{}: architectures {found:?} where Info.plist says {expected:?}",
            slice.id
        ));
    }
    for arch in &arches {
        let before = problems.len();
        problems.extend(check_objects(slice, arch));
        problems.extend(check_functions(slice, arch, declared));
        if problems.len() == before {
            let functions = arch
                .objects
                .iter()
                .map(|o| o.functions.len())
                .sum::<usize>();
            eprintln!(
                "    {} {}: {} objects of the right platform and minimum iOS, {functions} functions, the header's {} among them",
                slice.id,
                arch.arch,
                arch.objects.len(),
                declared.len()
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ios_release::macho::{BuildVersion, Object};
    use crate::ios_release::slices::{DEVICE, SIMULATOR};

    const HEADER: &str = r#"
// The following structs are used to implement the lowest level
#pragma once
#include <stdint.h>
typedef struct RustBuffer
{
    uint64_t capacity;
    uint8_t *_Nullable data;
} RustBuffer;
typedef void (*UniffiRustFutureContinuationCallback)(uint64_t data, int8_t poll_result
    );
#ifndef UNIFFI_FFIDEF_UNIFFI_X_FN_FUNC_EVALUATE
#define UNIFFI_FFIDEF_UNIFFI_X_FN_FUNC_EVALUATE
RustBuffer uniffi_x_fn_func_evaluate(RustBuffer snapshot, RustCallStatus *_Nonnull out_status
);
#endif
uint16_t uniffi_x_checksum_func_evaluate(void
    
);
/* a comment (with parentheses); */
"#;

    #[test]
    fn the_header_declares_the_functions_and_not_the_typedefs() {
        let names: Vec<String> = declared_functions(HEADER).into_iter().collect();
        assert_eq!(
            names,
            [
                "uniffi_x_checksum_func_evaluate",
                "uniffi_x_fn_func_evaluate"
            ]
        );
    }

    fn object(member: &str, platform: Option<u32>, minos: u32, functions: &[&str]) -> Object {
        Object {
            member: member.to_owned(),
            version: Some(BuildVersion { platform, minos }),
            functions: functions.iter().map(|s| (*s).to_owned()).collect(),
            undefined: BTreeSet::new(),
            code_bytes: 0,
            debug_or_bitcode: Vec::new(),
            cputype: 0,
        }
    }

    #[test]
    fn a_function_of_the_header_missing_from_an_architecture_fails_with_its_name() {
        let arch = ArchArchive {
            arch: "x86_64",
            objects: vec![object(
                "passkey_ready_ffi-1.o",
                Some(7),
                MINOS,
                &["_uniffi_x_fn_func_evaluate"],
            )],
        };
        let declared = declared_functions(HEADER);
        let problem = check_functions(&SIMULATOR, &arch, &declared).unwrap();
        assert!(
            problem.ends_with("does not define: uniffi_x_checksum_func_evaluate"),
            "{problem}"
        );
    }

    #[test]
    fn a_device_object_in_a_simulator_slice_or_built_for_a_newer_ios_fails() {
        let simulator = &SIMULATOR;
        let arch = ArchArchive {
            arch: "arm64",
            objects: vec![
                object("passkey_ready_ffi-1.o", Some(PLATFORM_IOS), MINOS, &[]),
                object("compiler_builtins-2.o", Some(7), 16 << 16, &[]),
            ],
        };
        let problems = check_objects(simulator, &arch);
        assert!(problems[0].contains("passkey_ready_ffi-1.o: platform 2 where the slice needs 7"));
        assert!(problems[1].contains(
            "compiler_builtins-2.o: built for iOS 16.0, newer than the SDK's minimum 15.0"
        ));
        let device = &DEVICE;
        let arch = ArchArchive {
            arch: "arm64",
            objects: vec![
                object("passkey_ready_ffi-1.o", Some(PLATFORM_IOS), MINOS, &[]),
                object("compiler_builtins-2.o", None, 10 << 16, &[]),
            ],
        };
        assert!(check_objects(device, &arch).is_empty());
    }
}
