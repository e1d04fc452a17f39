//! The third-party licence notice that ships inside the AAR: every Rust crate compiled into
//! libpasskey_ready_ffi for an Android target (cargo's resolution: normal dependencies, no
//! proc-macros or build scripts, which never reach the library), with the licence texts the
//! crates ship, and JNA, which the SDK depends on.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::TARGETS;
use crate::output;

/// (name, version) of every third-party crate in the library on any Android target.
fn shipped_crates(root: &Path) -> Result<BTreeSet<(String, String)>, String> {
    let mut crates = BTreeSet::new();
    for (target, _) in TARGETS {
        let tree = output(
            root,
            "cargo",
            &[
                "tree",
                "-p",
                "passkey-ready-ffi",
                "-e",
                "normal,no-proc-macro",
                "--target",
                target,
                "--prefix",
                "none",
                "-f",
                "{p}",
            ],
            &[],
        )?;
        for line in tree.lines() {
            // "name v1.2.3" for registry crates; the workspace's own carry their path.
            let mut words = line.split_whitespace();
            if let (Some(name), Some(version), None) = (words.next(), words.next(), words.next()) {
                crates.insert((name.to_owned(), version.trim_start_matches('v').to_owned()));
            }
        }
    }
    Ok(crates)
}

struct Package {
    license: String,
    repository: String,
    dir: PathBuf,
}

fn packages(root: &Path) -> Result<BTreeMap<(String, String), Package>, String> {
    let json = output(
        root,
        "cargo",
        &["metadata", "--format-version", "1", "--locked"],
        &[],
    )?;
    let metadata: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| format!("cargo metadata: {e}"))?;
    let mut map = BTreeMap::new();
    let all = metadata.get("packages").and_then(|p| p.as_array());
    for package in all.into_iter().flatten() {
        let text = |key: &str| {
            let value = package.get(key).and_then(|v| v.as_str());
            value.unwrap_or_default().to_owned()
        };
        let manifest = PathBuf::from(text("manifest_path"));
        map.insert(
            (text("name"), text("version")),
            Package {
                license: text("license"),
                repository: text("repository"),
                dir: manifest.parent().map(Path::to_path_buf).unwrap_or_default(),
            },
        );
    }
    Ok(map)
}

fn licence_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_uppercase())
                .unwrap_or_default();
            p.is_file()
                && ["LICENSE", "LICENCE", "COPYING", "NOTICE", "UNLICENSE"]
                    .iter()
                    .any(|prefix| name.starts_with(prefix))
        })
        .collect();
    files.sort();
    files
}

pub fn third_party_notice(root: &Path, jna_version: &str) -> Result<String, String> {
    let crates = shipped_crates(root)?;
    let packages = packages(root)?;
    let mut notice = String::from(
        "Third-party software in the PasskeyReady Android SDK\n\
         ====================================================\n\n\
         libpasskey_ready_ffi.so contains the following Rust crates. Each is listed with its\n\
         licence as the crate declares it and the licence texts the crate ships; a text already\n\
         given for an earlier crate is referred to by that crate's name.\n",
    );
    let mut seen_texts: BTreeMap<String, String> = BTreeMap::new();
    for (name, version) in &crates {
        let Some(package) = packages.get(&(name.clone(), version.clone())) else {
            return Err(format!("cargo metadata does not know {name} {version}"));
        };
        if name.starts_with("passkey-ready") {
            continue;
        }
        notice.push_str(&format!(
            "\n--------------------------------------------------------------------------------\n\
             {name} {version}\nLicence: {}\nSource: {}\n",
            package.license, package.repository
        ));
        let files = licence_files(&package.dir);
        if files.is_empty() {
            notice.push_str(&format!(
                "(the crate ships no licence file; its licence is {})\n",
                package.license
            ));
        }
        for file in files {
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            let file_name = file_name.unwrap_or_default();
            match seen_texts.get(&text) {
                Some(first) => notice.push_str(&format!("{file_name}: same text as {first}\n")),
                None => {
                    notice.push_str(&format!("\n{file_name}:\n\n{}\n", text.trim_end()));
                    seen_texts.insert(text, format!("{name} {version} ({file_name})"));
                }
            }
        }
    }
    notice.push_str(&format!(
        "\n================================================================================\n\
         Dependency of the SDK (not inside this AAR): JNA {jna_version}\n\
         net.java.dev.jna:jna, https://github.com/java-native-access/jna\n\
         Licence: Apache-2.0 OR LGPL-2.1-or-later, at the user's choice. Its licence texts are in\n\
         the JNA artifact itself (META-INF/AL2.0, META-INF/LGPL2.1).\n"
    ));
    Ok(notice)
}
