//! PasskeyReadyFFIC.xcframework as `xcodebuild -create-xcframework -library … -headers …`
//! lays it out, assembled from the staticlibs of one build:
//!
//! ```text
//! PasskeyReadyFFIC.xcframework/
//!   Info.plist
//!   ios-arm64/libpasskey_ready_ffi.a
//!   ios-arm64/Headers/PasskeyReadyFFIC/{PasskeyReadyFFIC.h, module.modulemap}
//!   ios-arm64_x86_64-simulator/…   (the same; the library universal: arm64 + x86_64)
//!   ios-arm64_x86_64-maccatalyst/…  (the same)
//! ```
//!
//! The headers sit in a folder named after the module: Xcode copies every static
//! XCFramework's `Headers/` into one shared include folder, where a `module.modulemap` at the
//! top would collide with another UniFFI library's; clang finds `<dir>/<Module>/module.modulemap`
//! for `import <Module>`.
//!
//! The shipped archives have their debug info and bitcode sections removed (llvm-objcopy);
//! the unstripped ones go to a separate symbols zip.

use std::path::{Path, PathBuf};

use super::slices::{self, Slice, Target, LIBRARY, SLICES};
use super::universal;
use crate::files::{digest, fresh_dir, io};
use crate::{reproducible_zip, run};

pub const NAME: &str = "PasskeyReadyFFIC";
pub const XCFRAMEWORK: &str = "PasskeyReadyFFIC.xcframework";
pub const ZIP: &str = "PasskeyReadyFFIC.xcframework.zip";
pub const SYMBOLS_ZIP: &str = "PasskeyReadyFFIC.xcframework-symbols.zip";
const SYMBOLS_DIR: &str = "PasskeyReadyFFIC-symbols";
pub const HEADERS: &str = "Headers";

/// The generated header and module map (`cargo xtask bindings-shipped`), as the C target of
/// ios/Package.swift has them.
pub fn generated_headers(root: &Path) -> PathBuf {
    root.join("ios/Sources/PasskeyReadyFFIC/include")
}

/// What one packaging produced.
pub struct Packaged {
    pub xcframework: PathBuf,
    pub zip: PathBuf,
    pub checksum: String,
}

/// `llvm-objcopy --strip-debug` and the removal of the `__LLVM` sections (bitcode and its
/// command line, which rustup's prebuilt compiler_builtins carries) over every member.
fn strip(root: &Path, from: &Path, to: &Path) -> Result<(), String> {
    let objcopy = slices::llvm_tool(root, "llvm-objcopy")?;
    run(
        root,
        &objcopy.display().to_string(),
        &[
            "--strip-debug",
            "--remove-section=__LLVM,__bitcode",
            "--remove-section=__LLVM,__cmdline",
            &from.display().to_string(),
            &to.display().to_string(),
        ],
        &[],
    )
}

/// One slice's library from per-target archives: a copy for one target, universal for more.
fn slice_library(inputs: &[PathBuf], out: &Path) -> Result<(), String> {
    if let Some(parent) = out.parent() {
        io(parent, std::fs::create_dir_all(parent))?;
    }
    match inputs {
        [single] => io(single, std::fs::copy(single, out)).map(|_| ()),
        _ => {
            let refs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
            universal::write(&refs, out)
        }
    }
}

/// The Info.plist xcodebuild writes (keys sorted, tabs), for `slices`.
pub fn info_plist(slices: &[Slice]) -> String {
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n<dict>\n\t<key>AvailableLibraries</key>\n\t<array>\n",
    );
    for slice in slices {
        let string = |key: &str, value: &str| {
            format!("\t\t\t<key>{key}</key>\n\t\t\t<string>{value}</string>\n")
        };
        text.push_str("\t\t<dict>\n");
        text.push_str(&string("BinaryPath", LIBRARY));
        text.push_str(&string("HeadersPath", HEADERS));
        text.push_str(&string("LibraryIdentifier", slice.id));
        text.push_str(&string("LibraryPath", LIBRARY));
        text.push_str("\t\t\t<key>SupportedArchitectures</key>\n\t\t\t<array>\n");
        for target in slice.targets {
            text.push_str(&format!("\t\t\t\t<string>{}</string>\n", target.arch));
        }
        text.push_str("\t\t\t</array>\n");
        text.push_str(&string("SupportedPlatform", slice.platform));
        if let Some(variant) = slice.variant {
            text.push_str(&string("SupportedPlatformVariant", variant));
        }
        text.push_str("\t\t</dict>\n");
    }
    text.push_str(
        "\t</array>\n\t<key>CFBundlePackageType</key>\n\t<string>XFWK</string>\n\
         \t<key>XCFrameworkFormatVersion</key>\n\t<string>1.0</string>\n</dict>\n</plist>\n",
    );
    text
}

/// Strips the staticlib of each target (`built` says where it is), assembles the XCFramework
/// in `work`, and zips it (and, with `symbols`, the unstripped archives) into `work/dist`.
pub fn package(
    root: &Path,
    built: &dyn Fn(&Target) -> PathBuf,
    work: &Path,
    symbols: bool,
) -> Result<Packaged, String> {
    fresh_dir(work)?;
    let xcframework = work.join(XCFRAMEWORK);
    let symbols_root = work.join("symbols");
    let headers = generated_headers(root);
    for slice in SLICES {
        let mut stripped = Vec::new();
        let mut unstripped = Vec::new();
        for target in slice.targets {
            let built = built(target);
            let out = work.join("stripped").join(target.triple).join(LIBRARY);
            if let Some(parent) = out.parent() {
                io(parent, std::fs::create_dir_all(parent))?;
            }
            strip(root, &built, &out)?;
            stripped.push(out);
            unstripped.push(built);
        }
        let slice_dir = xcframework.join(slice.id);
        slice_library(&stripped, &slice_dir.join(LIBRARY))?;
        if symbols {
            let out = symbols_root.join(SYMBOLS_DIR).join(slice.id).join(LIBRARY);
            slice_library(&unstripped, &out)?;
        }
        let module_dir = slice_dir.join(HEADERS).join(NAME);
        io(&module_dir, std::fs::create_dir_all(&module_dir))?;
        for file in [format!("{NAME}.h"), "module.modulemap".to_owned()] {
            let from = headers.join(&file);
            io(&from, std::fs::copy(&from, module_dir.join(&file)))
                .map_err(|e| format!("{e} (run `cargo xtask bindings-shipped` first)"))?;
        }
    }
    let plist = xcframework.join("Info.plist");
    io(&plist, std::fs::write(&plist, info_plist(SLICES)))?;
    let dist = work.join("dist");
    io(&dist, std::fs::create_dir_all(&dist))?;
    let zip = dist.join(ZIP);
    reproducible_zip::write(work, XCFRAMEWORK, &zip)?;
    // sha256 in hex: what `swift package compute-checksum` prints for a zip.
    let checksum = digest("sha256sum", &zip)?;
    if symbols {
        reproducible_zip::write(&symbols_root, SYMBOLS_DIR, &dist.join(SYMBOLS_ZIP))?;
    }
    Ok(Packaged {
        xcframework,
        zip,
        checksum,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_info_plist_lists_each_slice_as_xcodebuild_does() {
        let text = info_plist(SLICES);
        let value: plist::Value = plist::from_bytes(text.as_bytes()).unwrap();
        let dict = value.as_dictionary().unwrap();
        assert_eq!(dict["CFBundlePackageType"].as_string(), Some("XFWK"));
        let libraries = dict["AvailableLibraries"].as_array().unwrap();
        let simulator = libraries[1].as_dictionary().unwrap();
        assert_eq!(
            simulator["LibraryIdentifier"].as_string(),
            Some("ios-arm64_x86_64-simulator")
        );
        assert_eq!(
            simulator["SupportedPlatformVariant"].as_string(),
            Some("simulator")
        );
        let arches: Vec<&str> = simulator["SupportedArchitectures"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(plist::Value::as_string)
            .collect();
        assert_eq!(arches, ["arm64", "x86_64"]);
        assert!(!libraries[0]
            .as_dictionary()
            .unwrap()
            .contains_key("SupportedPlatformVariant"));
    }
}
