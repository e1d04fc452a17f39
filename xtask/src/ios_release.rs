//! `cargo xtask ios-release [--check] [--base-url URL]`: the iOS release, built and checked on
//! Linux, as named steps.
//!
//! Output under target/ios-release/: `PasskeyReadyFFIC.xcframework`, `dist/` with its zip, the
//! zip's SwiftPM checksum and the symbols zip, and `package/`: the release Swift package
//! (Package.swift by URL and checksum, the Swift sources, the privacy manifest, the bindings).
//!
//! `--check` (CI) rebuilds only the device target a second time for the reproducibility
//! check; without it every target is rebuilt. On a Mac, ios/scripts/build-xcframework.sh
//! signs the same XCFramework (docs/ios.md, "Releasing").

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::steps::{self, Step};
use crate::{size_budget, version};

mod bindings_match;
mod macho;
mod privacy;
mod slice_checks;
mod slices;
mod swift_package;
mod universal;
mod xcframework;

use slices::{Target, SLICES};

/// What CI runs.
pub const CHECK: &[Step] = &[
    ONE_VERSION,
    slices::TOOLCHAINS,
    slices::STATICLIBS,
    steps::NATIVE_LIBRARY_SHIPPED,
    steps::SWIFT_BINDINGS,
    XCFRAMEWORK,
    SLICES_CHECK,
    INFO_PLIST_CHECK,
    BINDINGS_MATCH,
    PRIVACY_SCAN,
    SWIFT_PACKAGE,
    REPRODUCIBLE_DEVICE,
    SIZE_BUDGET,
];

/// The release a maintainer publishes: every target rebuilt for the reproducibility check.
pub const FULL: &[Step] = &[
    ONE_VERSION,
    slices::TOOLCHAINS,
    slices::STATICLIBS,
    steps::NATIVE_LIBRARY_SHIPPED,
    steps::SWIFT_BINDINGS,
    XCFRAMEWORK,
    SLICES_CHECK,
    INFO_PLIST_CHECK,
    BINDINGS_MATCH,
    PRIVACY_SCAN,
    SWIFT_PACKAGE,
    REPRODUCIBLE_ALL,
    SIZE_BUDGET,
];

fn work_dir(root: &Path) -> PathBuf {
    steps::target_dir(root).join("ios-release")
}

fn xcframework_dir(root: &Path) -> PathBuf {
    work_dir(root).join(xcframework::XCFRAMEWORK)
}

fn slice_library(root: &Path, slice: &slices::Slice) -> PathBuf {
    xcframework_dir(root).join(slice.id).join(slices::LIBRARY)
}

fn zip_checksum_file(root: &Path) -> PathBuf {
    work_dir(root)
        .join("dist")
        .join(format!("{}.sha256", xcframework::ZIP))
}

pub fn privacy_manifest(root: &Path) -> PathBuf {
    root.join("ios/Sources/PasskeyReady/PrivacyInfo.xcprivacy")
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub const ONE_VERSION: Step = Step {
    name: "ios: one version (workspace = android/pom.xml = CLI = Swift package, in CHANGELOG.md)",
    run: |root| {
        let v = version::check_agree(root)?;
        eprintln!("    version {v}");
        Ok(())
    },
};

pub const XCFRAMEWORK: Step = Step {
    name: "ios: PasskeyReadyFFIC.xcframework (stripped slices, universal simulator and Catalyst), zip, checksum, symbols zip",
    run: |root| {
        let target_dir = steps::target_dir(root);
        let built = |t: &Target| slices::built(&target_dir, t);
        let packaged = xcframework::package(root, &built, &work_dir(root), true)?;
        let sum = zip_checksum_file(root);
        std::fs::write(&sum, format!("{}\n", packaged.checksum))
            .map_err(|e| format!("{}: {e}", sum.display()))?;
        eprintln!("    {}", packaged.xcframework.display());
        eprintln!(
            "    {} ({} bytes), checksum {}",
            packaged.zip.display(),
            std::fs::metadata(&packaged.zip).map(|m| m.len()).unwrap_or(0),
            packaged.checksum
        );
        Ok(())
    },
};

fn declared_functions(root: &Path) -> Result<BTreeSet<String>, String> {
    let header = xcframework::generated_headers(root).join(format!("{}.h", xcframework::NAME));
    let functions = slice_checks::declared_functions(&read(&header)?);
    if functions.is_empty() {
        return Err(format!(
            "{}: no function declared: the header's shape changed, adapt this check",
            header.display()
        ));
    }
    Ok(functions)
}

pub const SLICES_CHECK: Step = Step {
    name: "ios: each slice's architectures, platform and iOS 15.0 per object, stripped, every header function defined",
    run: |root| {
        let declared = declared_functions(root)?;
        let problems: Vec<String> = SLICES
            .iter()
            .filter_map(|slice| slice_checks::check(slice, &slice_library(root, slice), &declared).err())
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    },
};

/// The Info.plist as Xcode reads it: a property list that lists every slice, each with a
/// library and headers at the paths it names and the architectures the library holds.
fn check_info_plist(xcframework: &Path) -> Result<(), String> {
    let path = xcframework.join("Info.plist");
    let value: plist::Value = plist::from_file(&path)
        .map_err(|e| format!("{}: not a property list: {e}", path.display()))?;
    let dict = value
        .as_dictionary()
        .ok_or("Info.plist: the top level is not a dictionary")?;
    let text = |d: &plist::Dictionary, key: &str| {
        d.get(key)
            .and_then(plist::Value::as_string)
            .map(str::to_owned)
    };
    if text(dict, "CFBundlePackageType").as_deref() != Some("XFWK")
        || text(dict, "XCFrameworkFormatVersion").as_deref() != Some("1.0")
    {
        return Err(
            "Info.plist: CFBundlePackageType XFWK and XCFrameworkFormatVersion 1.0 expected"
                .to_owned(),
        );
    }
    let libraries = dict
        .get("AvailableLibraries")
        .and_then(plist::Value::as_array)
        .ok_or("Info.plist: no AvailableLibraries")?;
    let mut listed = BTreeMap::new();
    for library in libraries {
        let library = library
            .as_dictionary()
            .ok_or("Info.plist: a library is not a dictionary")?;
        let id = text(library, "LibraryIdentifier")
            .ok_or("Info.plist: a library without LibraryIdentifier")?;
        listed.insert(id, library.clone());
    }
    let mut problems = Vec::new();
    for slice in SLICES {
        let Some(library) = listed.remove(slice.id) else {
            problems.push(format!("{}: not listed", slice.id));
            continue;
        };
        let before = problems.len();
        let dir = xcframework.join(slice.id);
        match text(&library, "LibraryPath") {
            Some(p) if dir.join(&p).is_file() => {
                let arches: Vec<&str> =
                    macho::read(&dir.join(&p))?.iter().map(|a| a.arch).collect();
                let promised: Vec<String> = library
                    .get("SupportedArchitectures")
                    .and_then(plist::Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(plist::Value::as_string)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default();
                if promised != arches {
                    problems.push(format!(
                        "{}: SupportedArchitectures {promised:?}, the library holds {arches:?}",
                        slice.id
                    ));
                }
            }
            other => problems.push(format!("{}: LibraryPath {other:?} is no file", slice.id)),
        }
        match text(&library, "HeadersPath") {
            Some(h) => {
                let module = dir.join(&h).join(xcframework::NAME);
                for file in [
                    format!("{}.h", xcframework::NAME),
                    "module.modulemap".to_owned(),
                ] {
                    if !module.join(&file).is_file() {
                        problems.push(format!(
                            "{}: {h}/{}/{file} is missing",
                            slice.id,
                            xcframework::NAME
                        ));
                    }
                }
            }
            None => problems.push(format!("{}: no HeadersPath", slice.id)),
        }
        if text(&library, "SupportedPlatform").as_deref() != Some(slice.platform)
            || text(&library, "SupportedPlatformVariant").as_deref() != slice.variant
        {
            problems.push(format!(
                "{}: platform or variant differ from the slice's",
                slice.id
            ));
        }
        if problems.len() == before {
            eprintln!(
                "    {}: listed, library and headers where Info.plist says",
                slice.id
            );
        }
    }
    for extra in listed.keys() {
        problems.push(format!("{extra}: listed, but not built"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("Info.plist: {}", problems.join("; ")))
    }
}

pub const INFO_PLIST_CHECK: Step = Step {
    name: "ios: Info.plist parses and lists each slice with its library, headers and architectures",
    run: |root| check_info_plist(&xcframework_dir(root)),
};

/// The Swift bindings generated from the shipped device archive.
fn bindings_from_device(root: &Path) -> Result<String, String> {
    let out = work_dir(root).join("swift-from-device");
    let device = slice_library(root, &slices::DEVICE);
    steps::generate_bindings(root, &device, "swift", &out)?;
    read(&out.join("PasskeyReadyFFI.swift"))
}

fn shipped_bindings(root: &Path) -> PathBuf {
    root.join("ios/Sources/PasskeyReadyFFI/PasskeyReadyFFI.swift")
}

pub const BINDINGS_MATCH: Step = Step {
    name: "ios: the Swift bindings' UniFFI checksums match the device library of this run",
    run: |root| {
        let from_device = bindings_from_device(root)?;
        let shipped = read(&shipped_bindings(root))?;
        let count = bindings_match::compare(&shipped, &from_device, "the ios-arm64 library")?;
        eprintln!("    {count} checksums agree; the Swift generated from the device library is the shipped one");
        Ok(())
    },
};

pub const PRIVACY_SCAN: Step = Step {
    name: "ios: privacy manifest declares every required-reason API the slices and the Swift sources use",
    run: |root| {
        let manifest_path = privacy_manifest(root);
        let bytes = std::fs::read(&manifest_path).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
        let declared = privacy::declared(&bytes).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
        let mut uses = privacy::swift_dir_uses(&root.join("ios/Sources/PasskeyReady"))?;
        for slice in SLICES {
            for arch in macho::read(&slice_library(root, slice))? {
                for object in &arch.objects {
                    for symbol in &object.undefined {
                        let categories = privacy::symbol_categories(symbol);
                        if !categories.is_empty() {
                            uses.entry(format!("{} {}: {symbol}", slice.id, arch.arch))
                                .or_default()
                                .extend(categories);
                        }
                    }
                }
            }
        }
        for (what, categories) in &uses {
            let names: Vec<&str> = categories.iter().map(|c| c.trim_start_matches("NSPrivacyAccessedAPICategory")).collect();
            eprintln!("    {what} → {}", names.join(", "));
        }
        privacy::compare(&declared, &uses)?;
        let summary: Vec<String> = declared.iter().map(|(c, r)| format!("{c} ({})", r.join(", "))).collect();
        eprintln!("    declared: {}", summary.join("; "));
        Ok(())
    },
};

pub const SWIFT_PACKAGE: Step = Step {
    name: "ios: release Package.swift (version, URL, checksum) and the package's sources",
    run: |root| {
        let version = version::workspace(root)?;
        let checksum = read(&zip_checksum_file(root))?.trim().to_owned();
        let url = swift_package::zip_url(&swift_package::base_url(), &version, xcframework::ZIP);
        let template = read(&root.join("ios/release/Package.swift.template"))?;
        let manifest = swift_package::manifest(&template, &version, &url, &checksum)?;
        let bindings = read(&work_dir(root).join("swift-from-device/PasskeyReadyFFI.swift"))?;
        let out = work_dir(root).join("package");
        swift_package::write(root, &out, &manifest, &bindings)?;
        eprintln!("    {} (url {url})", out.join("Package.swift").display());
        Ok(())
    },
};

/// Builds `rebuilt` again into an emptied target folder, packages the XCFramework with those
/// and the first build's other archives, and fails unless the zip has the same checksum.
fn reproducible(root: &Path, rebuilt: &[&Target]) -> Result<(), String> {
    let first = read(&zip_checksum_file(root))?.trim().to_owned();
    let second_dir = steps::target_dir(root).join("ios-release-rebuild");
    if second_dir.exists() {
        std::fs::remove_dir_all(&second_dir)
            .map_err(|e| format!("{}: {e}", second_dir.display()))?;
    }
    for target in rebuilt {
        eprintln!(
            "    rebuilding {} from scratch in {}",
            target.triple,
            second_dir.display()
        );
        slices::build(root, &second_dir, target)?;
    }
    let first_dir = steps::target_dir(root);
    let built = |t: &Target| {
        if rebuilt.iter().any(|r| r.triple == t.triple) {
            slices::built(&second_dir, t)
        } else {
            slices::built(&first_dir, t)
        }
    };
    let packaged = xcframework::package(root, &built, &second_dir.join("package"), false)?;
    if packaged.checksum != first {
        return Err(format!(
            "two builds gave different zips: {first} and {} ({}): compare the archives under {} and {}",
            packaged.checksum,
            packaged.zip.display(),
            work_dir(root).display(),
            second_dir.join("package").display()
        ));
    }
    eprintln!("    the second build's zip has the same checksum {first}");
    Ok(())
}

pub const REPRODUCIBLE_DEVICE: Step = Step {
    name: "ios: reproducible (device target rebuilt from scratch elsewhere, same zip checksum)",
    run: |root| {
        let device: Vec<&Target> = slices::DEVICE.targets.iter().collect();
        reproducible(root, &device)
    },
};

pub const REPRODUCIBLE_ALL: Step = Step {
    name: "ios: reproducible (every target rebuilt from scratch elsewhere, same zip checksum)",
    run: |root| reproducible(root, &slices::targets().collect::<Vec<_>>()),
};

pub const SIZE_BUDGET: Step = Step {
    name: "ios: size budget (code per slice architecture, the zip) within ios/size-budget.json",
    run: |root| {
        let budget = size_budget::read(&root.join("ios/size-budget.json"))?;
        let mut figures: Vec<(String, String, u64)> = Vec::new();
        for slice in SLICES {
            for arch in macho::read(&slice_library(root, slice))? {
                let code: u64 = arch.objects.iter().map(|o| o.code_bytes).sum();
                figures.push((
                    format!("{}_{}_code_bytes", slice.id.replace('-', "_"), arch.arch),
                    format!("{} {} code", slice.id, arch.arch),
                    code,
                ));
            }
        }
        let zip = work_dir(root).join("dist").join(xcframework::ZIP);
        let zip_bytes = std::fs::metadata(&zip)
            .map_err(|e| format!("{}: {e}", zip.display()))?
            .len();
        figures.push((
            "xcframework_zip_bytes".to_owned(),
            "XCFramework zip".to_owned(),
            zip_bytes,
        ));
        let figures: Vec<(&str, &str, u64)> = figures
            .iter()
            .map(|(k, l, b)| (k.as_str(), l.as_str(), *b))
            .collect();
        size_budget::compare(&budget, "ios/size-budget.json", &figures)
    },
};
