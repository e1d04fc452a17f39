//! The release Swift package: what is published at the root of the release repository, so
//! that an app adds it by URL. ios/release/Package.swift.template filled in with the version,
//! the zip's URL and its checksum, beside the Swift sources and the bindings generated from the
//! library of the same run.

use std::path::Path;

/// Where the zip is published unless `--base-url URL` or `PASSKEY_READY_IOS_BASE_URL` says
/// otherwise: `.invalid` never resolves, so a package made without the real address fails at
/// the first `swift package resolve` instead of fetching from a wrong place.
pub const DEFAULT_BASE_URL: &str = "https://passkeyready.invalid/ios";

/// The base URL from `--base-url URL` (or `--base-url=URL`), else the environment, else the
/// placeholder.
pub fn base_url() -> String {
    let args: Vec<String> = std::env::args().collect();
    let from_flag = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--base-url=")
            .map(str::to_owned)
            .or_else(|| {
                (a == "--base-url")
                    .then(|| args.get(i + 1).cloned())
                    .flatten()
            })
    });
    from_flag
        .or_else(|| std::env::var("PASSKEY_READY_IOS_BASE_URL").ok())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned())
}

pub fn zip_url(base: &str, version: &str, zip: &str) -> String {
    format!("{}/{version}/{zip}", base.trim_end_matches('/'))
}

/// The template filled in; fails on a placeholder left or a value that SwiftPM refuses.
pub fn manifest(
    template: &str,
    version: &str,
    url: &str,
    checksum: &str,
) -> Result<String, String> {
    if !url.starts_with("https://") || !url.ends_with(".zip") {
        return Err(format!(
            "{url}: a binary target's URL is an https URL of a .zip"
        ));
    }
    if checksum.len() != 64 || !checksum.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!("{checksum}: not a sha256 in hex"));
    }
    let text = template
        .replace("@VERSION@", version)
        .replace("@URL@", url)
        .replace("@CHECKSUM@", checksum);
    let parts: Vec<&str> = text.split('@').collect();
    let unfilled = parts
        .get(1..parts.len().saturating_sub(1))
        .unwrap_or_default()
        .iter()
        .find(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
    if let Some(name) = unfilled {
        return Err(format!(
            "ios/release/Package.swift.template: @{name}@ is left unfilled"
        ));
    }
    for needed in [
        "binaryTarget(",
        "name: \"PasskeyReadyFFIC\"",
        "name: \"PasskeyReadyFFI\"",
        "name: \"PasskeyReady\"",
        "PrivacyInfo.xcprivacy",
    ] {
        if !text.contains(needed) {
            return Err(format!("ios/release/Package.swift.template lacks {needed}"));
        }
    }
    Ok(text)
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Writes the release package into `out` (emptied first): Package.swift, Sources/PasskeyReady
/// (with the privacy manifest) and Sources/PasskeyReadyFFI/PasskeyReadyFFI.swift.
pub fn write(root: &Path, out: &Path, manifest: &str, bindings: &str) -> Result<(), String> {
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    copy_dir(
        &root.join("ios/Sources/PasskeyReady"),
        &out.join("Sources/PasskeyReady"),
    )?;
    let ffi = out.join("Sources/PasskeyReadyFFI");
    std::fs::create_dir_all(&ffi).map_err(|e| format!("{}: {e}", ffi.display()))?;
    let writes = [
        (out.join("Package.swift"), manifest),
        (ffi.join("PasskeyReadyFFI.swift"), bindings),
    ];
    for (path, text) in writes {
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUM: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn template() -> String {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../ios/release/Package.swift.template");
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn the_template_takes_version_url_and_checksum() {
        let url = zip_url(
            "https://example.com/sdk/",
            "1.2.3",
            "PasskeyReadyFFIC.xcframework.zip",
        );
        assert_eq!(
            url,
            "https://example.com/sdk/1.2.3/PasskeyReadyFFIC.xcframework.zip"
        );
        let text = manifest(&template(), "1.2.3", &url, SUM).unwrap();
        assert!(text.contains(&format!("url: \"{url}\",\n            checksum: \"{SUM}\"")));
        assert!(text.contains("PasskeyReady 1.2.3 for iOS"));
    }

    #[test]
    fn a_bad_checksum_url_or_an_unfilled_placeholder_fails() {
        let url = "https://example.com/a.zip";
        assert!(manifest(&template(), "1", url, "abc").is_err());
        assert!(manifest(&template(), "1", "http://example.com/a.zip", SUM).is_err());
        let extra = format!("{}\n// @NEW_FIELD@\n", template());
        assert!(manifest(&extra, "1", url, SUM)
            .unwrap_err()
            .contains("@NEW_FIELD@"));
    }
}
