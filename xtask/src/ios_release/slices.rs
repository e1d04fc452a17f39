//! The XCFramework's slices, the Rust targets each one holds, and how each target is built.
//!
//! The device target is served by rustup for stable. The simulator and Mac Catalyst targets
//! are not served here, so they are built by nightly with `-Zbuild-std` from rust-src: std
//! itself is compiled for them, with the same deployment target as the SDK.

use std::path::{Path, PathBuf};

use crate::steps::{self, Step};
use crate::{output, release_build, run};

/// The minimum iOS of the package (`platforms: [.iOS(.v15)]`): every object says so in its
/// LC_BUILD_VERSION.
pub const DEPLOYMENT_TARGET: &str = "15.0";
/// LC_BUILD_VERSION's encoding of 15.0 (xxxx.yy.zz in nibbles).
pub const MINOS: u32 = 15 << 16;

pub const PLATFORM_IOS: u32 = 2;
pub const PLATFORM_MAC_CATALYST: u32 = 6;
pub const PLATFORM_IOS_SIMULATOR: u32 = 7;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Toolchain {
    /// rustup's stable with the target's prebuilt std.
    Stable,
    /// nightly, std built from rust-src.
    NightlyBuildStd,
}

pub struct Target {
    pub triple: &'static str,
    /// The architecture as xcodebuild names it in `SupportedArchitectures`.
    pub arch: &'static str,
    pub toolchain: Toolchain,
}

pub struct Slice {
    /// xcodebuild's LibraryIdentifier: the slice's folder in the XCFramework.
    pub id: &'static str,
    /// `SupportedPlatform` and `SupportedPlatformVariant`.
    pub platform: &'static str,
    pub variant: Option<&'static str>,
    /// LC_BUILD_VERSION platform of every object.
    pub build_platform: u32,
    pub targets: &'static [Target],
}

pub const SLICES: &[Slice] = &[DEVICE, SIMULATOR, MAC_CATALYST];

pub const DEVICE: Slice = Slice {
    id: "ios-arm64",
    platform: "ios",
    variant: None,
    build_platform: PLATFORM_IOS,
    targets: &[Target {
        triple: "aarch64-apple-ios",
        arch: "arm64",
        toolchain: Toolchain::Stable,
    }],
};

pub const SIMULATOR: Slice = Slice {
    id: "ios-arm64_x86_64-simulator",
    platform: "ios",
    variant: Some("simulator"),
    build_platform: PLATFORM_IOS_SIMULATOR,
    targets: &[
        Target {
            triple: "aarch64-apple-ios-sim",
            arch: "arm64",
            toolchain: Toolchain::NightlyBuildStd,
        },
        Target {
            triple: "x86_64-apple-ios",
            arch: "x86_64",
            toolchain: Toolchain::NightlyBuildStd,
        },
    ],
};

/// An iPad app running on a Mac as a Mac app; iPhone and iPad apps "Designed for iPad" on
/// Apple silicon Macs use the device slice instead.
pub const MAC_CATALYST: Slice = Slice {
    id: "ios-arm64_x86_64-maccatalyst",
    platform: "ios",
    variant: Some("maccatalyst"),
    build_platform: PLATFORM_MAC_CATALYST,
    targets: &[
        Target {
            triple: "aarch64-apple-ios-macabi",
            arch: "arm64",
            toolchain: Toolchain::NightlyBuildStd,
        },
        Target {
            triple: "x86_64-apple-ios-macabi",
            arch: "x86_64",
            toolchain: Toolchain::NightlyBuildStd,
        },
    ],
};

pub fn targets() -> impl Iterator<Item = &'static Target> {
    SLICES.iter().flat_map(|s| s.targets.iter())
}

pub const LIBRARY: &str = "libpasskey_ready_ffi.a";

/// The staticlib cargo leaves for `target` under `target_dir`.
pub fn built(target_dir: &Path, target: &Target) -> PathBuf {
    target_dir.join(target.triple).join("release").join(LIBRARY)
}

/// The sysroot of `toolchain` (`+nightly`), or of the one rustup picks here with `None`.
fn sysroot(root: &Path, toolchain: Option<&str>) -> Result<PathBuf, String> {
    let mut args: Vec<&str> = toolchain.into_iter().collect();
    args.extend(["--print", "sysroot"]);
    output(root, "rustc", &args, &[]).map(|s| PathBuf::from(s.trim()))
}

/// rustup's llvm-tools binary `name` (llvm-objcopy …) of the toolchain rustup picks here (the
/// one `rustup component add llvm-tools` installed it for).
pub fn llvm_tool(root: &Path, name: &str) -> Result<PathBuf, String> {
    let sysroot = sysroot(root, None)?;
    let lib = sysroot.join("lib/rustlib");
    let host = std::fs::read_dir(&lib)
        .map_err(|e| format!("{}: {e}", lib.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path().join("bin").join(name))
        .find(|p| p.is_file());
    host.ok_or_else(|| {
        format!(
            "{name} not found under {}: rustup component add llvm-tools",
            lib.display()
        )
    })
}

pub const TOOLCHAINS: Step = Step {
    name: "ios: rustup (aarch64-apple-ios, llvm-tools; nightly with rust-src for simulator and Catalyst)",
    run: |root| {
        let installed = output(root, "rustup", &["target", "list", "--installed"], &[])?;
        let stable: Vec<&str> = targets()
            .filter(|t| t.toolchain == Toolchain::Stable)
            .map(|t| t.triple)
            .filter(|t| !installed.lines().any(|l| l.trim() == *t))
            .collect();
        if !stable.is_empty() {
            let mut args = vec!["target", "add"];
            args.extend(&stable);
            run(root, "rustup", &args, &[])?;
        }
        run(root, "rustup", &["component", "add", "llvm-tools"], &[])?;
        let toolchains = output(root, "rustup", &["toolchain", "list"], &[])?;
        if !toolchains.lines().any(|l| l.starts_with("nightly-")) {
            run(
                root,
                "rustup",
                &["toolchain", "install", "nightly", "--profile", "minimal"],
                &[],
            )?;
        }
        run(
            root,
            "rustup",
            &["component", "add", "rust-src", "--toolchain", "nightly"],
            &[],
        )
    },
};

/// The rustc flags of every crate of an iOS build: paths of this machine are replaced by fixed
/// names, so the archives (panic locations, debug info) are the same wherever they are built.
/// Later prefixes win, so the target folder (inside the workspace) comes after the workspace.
fn remapped_paths(root: &Path, target_dir: &Path) -> Result<Vec<String>, String> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let rust_src = sysroot(root, Some("+nightly"))?.join("lib/rustlib/src/rust");
    let pairs = [
        (root.to_path_buf(), "/passkey-ready"),
        (target_dir.to_path_buf(), "/passkey-ready/target"),
        (cargo_home, "/cargo"),
        (rust_src, "/rustc/nightly"),
    ];
    Ok(pairs
        .iter()
        .map(|(from, to)| format!("--remap-path-prefix={}={to}", from.display()))
        .collect())
}

/// The release staticlib of `target` into `target_dir` (shipped features only).
pub fn build(root: &Path, target_dir: &Path, target: &Target) -> Result<(), String> {
    let flags = remapped_paths(root, target_dir)?;
    let env = [
        ("IPHONEOS_DEPLOYMENT_TARGET", DEPLOYMENT_TARGET.to_owned()),
        ("CARGO_TARGET_DIR", target_dir.display().to_string()),
        // Unit-separated: paths with spaces stay one argument.
        ("CARGO_ENCODED_RUSTFLAGS", flags.join("\u{1f}")),
    ];
    let cargo: &[&str] = match target.toolchain {
        Toolchain::Stable => &[],
        Toolchain::NightlyBuildStd => &["+nightly", "-Zbuild-std=std,panic_unwind"],
    };
    release_build::ffi_library_with(root, cargo, "staticlib", Some(target.triple), &[], &env)
}

pub const STATICLIBS: Step = Step {
    name: "ios: staticlib per target (release; simulator and Catalyst with nightly -Zbuild-std)",
    run: |root| {
        let target_dir = steps::target_dir(root);
        let all: Vec<&Target> = targets().collect();
        for (index, target) in all.iter().enumerate() {
            eprintln!("    [{}/{}] {}", index + 1, all.len(), target.triple);
            build(root, &target_dir, target)?;
        }
        Ok(())
    },
};
