//! One version for the SDK: the workspace's (`[workspace.package] version` in Cargo.toml).
//! The release POM takes it; android/pom.xml (the host build) and any version the Swift package
//! names must agree, and the CLI's `--version` reads it through `version.workspace = true`.

use std::path::Path;

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn workspace(root: &Path) -> Result<String, String> {
    let manifest = read(&root.join("Cargo.toml"))?;
    let mut in_package = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[workspace.package]";
        } else if in_package {
            if let Some((key, value)) = line.split_once('=') {
                if key.trim() == "version" {
                    return Ok(value.trim().trim_matches('"').to_owned());
                }
            }
        }
    }
    Err("Cargo.toml: no version in [workspace.package]".to_owned())
}

/// The project's own `<version>` in a POM: the first one outside `<parent>`, `<dependencies>`
/// and `<build>` (the host POM has no parent; its first `<version>` is the project's).
pub fn pom_project_version(pom: &str) -> Option<&str> {
    let start = pom.find("<version>")? + "<version>".len();
    let end = start + pom.get(start..)?.find("</version>")?;
    pom.get(start..end).map(str::trim)
}

pub fn check_agree(root: &Path) -> Result<String, String> {
    let version = workspace(root)?;
    let pom = read(&root.join("android/pom.xml"))?;
    match pom_project_version(&pom) {
        Some(v) if v == version => {}
        other => {
            return Err(format!(
                "android/pom.xml has version {}, the workspace {version}: change it there too",
                other.unwrap_or("(none)")
            ))
        }
    }
    for member in ["cli/Cargo.toml", "core/Cargo.toml", "bindings/Cargo.toml"] {
        if !read(&root.join(member))?.contains("version.workspace = true") {
            return Err(format!(
                "{member} does not take the workspace version (version.workspace = true)"
            ));
        }
    }
    let swift = read(&root.join("ios/Package.swift"))?;
    // swift-tools-version (a comment) is the toolchain's, not the package's.
    let names_version = |l: &&str| {
        !l.trim_start().starts_with("//") && (l.contains("let version") || l.contains("version:"))
    };
    if let Some(line) = swift.lines().find(names_version) {
        if !line.contains(&version) {
            return Err(format!(
                "ios/Package.swift names a version other than {version}: {line}"
            ));
        }
    }
    let changelog = read(&root.join("CHANGELOG.md"))?;
    if !changelog.contains(&format!("## {version}")) {
        return Err(format!("CHANGELOG.md has no `## {version}` section"));
    }
    Ok(version)
}
