//! The privacy manifest (ios/Sources/PasskeyReady/PrivacyInfo.xcprivacy) against what the
//! shipped code references: App Store Connect rejects an app whose binary uses a
//! required-reason API that no manifest declares (ITMS-91053).
//!
//! What is scanned: the undefined symbols of every object of every iOS slice (what the Rust
//! library calls in the system: std's `fstat`, …) and the Swift sources of the PasskeyReady
//! target, comments removed (`UserDefaults`, `systemUptime`, file dates, …). Each use maps to
//! Apple's category; the check fails naming use → category when the manifest lacks the
//! category, when it is no valid property list, or when it declares tracking or data collection.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub const FILE_TIMESTAMP: &str = "NSPrivacyAccessedAPICategoryFileTimestamp";
pub const SYSTEM_BOOT_TIME: &str = "NSPrivacyAccessedAPICategorySystemBootTime";
pub const DISK_SPACE: &str = "NSPrivacyAccessedAPICategoryDiskSpace";
pub const ACTIVE_KEYBOARDS: &str = "NSPrivacyAccessedAPICategoryActiveKeyboards";
pub const USER_DEFAULTS: &str = "NSPrivacyAccessedAPICategoryUserDefaults";

/// C functions Apple lists as required-reason APIs, by category. getattrlist and its
/// relatives appear under two categories in Apple's list, so they are here twice.
const C_FUNCTIONS: &[(&str, &str)] = &[
    ("stat", FILE_TIMESTAMP),
    ("stat64", FILE_TIMESTAMP),
    ("fstat", FILE_TIMESTAMP),
    ("fstat64", FILE_TIMESTAMP),
    ("fstatat", FILE_TIMESTAMP),
    ("fstatat64", FILE_TIMESTAMP),
    ("lstat", FILE_TIMESTAMP),
    ("lstat64", FILE_TIMESTAMP),
    ("getattrlist", FILE_TIMESTAMP),
    ("getattrlistbulk", FILE_TIMESTAMP),
    ("fgetattrlist", FILE_TIMESTAMP),
    ("getattrlistat", FILE_TIMESTAMP),
    ("getattrlist", DISK_SPACE),
    ("fgetattrlist", DISK_SPACE),
    ("getattrlistat", DISK_SPACE),
    ("statfs", DISK_SPACE),
    ("statfs64", DISK_SPACE),
    ("fstatfs", DISK_SPACE),
    ("fstatfs64", DISK_SPACE),
    ("statvfs", DISK_SPACE),
    ("fstatvfs", DISK_SPACE),
    ("mach_absolute_time", SYSTEM_BOOT_TIME),
];

/// Words in Swift (or Objective-C class references) that use a required-reason API.
const SWIFT_WORDS: &[(&str, &str)] = &[
    ("creationDate", FILE_TIMESTAMP),
    ("modificationDate", FILE_TIMESTAMP),
    ("fileModificationDate", FILE_TIMESTAMP),
    ("contentModificationDateKey", FILE_TIMESTAMP),
    ("creationDateKey", FILE_TIMESTAMP),
    ("attributesOfItem", FILE_TIMESTAMP),
    ("NSFileCreationDate", FILE_TIMESTAMP),
    ("NSFileModificationDate", FILE_TIMESTAMP),
    ("systemUptime", SYSTEM_BOOT_TIME),
    ("mach_absolute_time", SYSTEM_BOOT_TIME),
    ("volumeAvailableCapacityKey", DISK_SPACE),
    ("volumeAvailableCapacityForImportantUsageKey", DISK_SPACE),
    (
        "volumeAvailableCapacityForOpportunisticUsageKey",
        DISK_SPACE,
    ),
    ("volumeTotalCapacityKey", DISK_SPACE),
    ("systemFreeSize", DISK_SPACE),
    ("systemSize", DISK_SPACE),
    ("attributesOfFileSystem", DISK_SPACE),
    ("activeInputModes", ACTIVE_KEYBOARDS),
    ("UserDefaults", USER_DEFAULTS),
    ("NSUserDefaults", USER_DEFAULTS),
    ("stat", FILE_TIMESTAMP),
    ("fstat", FILE_TIMESTAMP),
    ("lstat", FILE_TIMESTAMP),
    ("statfs", DISK_SPACE),
    ("statvfs", DISK_SPACE),
];

/// The categories a Mach-O symbol name uses: `_fstat`, `_fstat$INODE64` → FileTimestamp;
/// `_OBJC_CLASS_$_NSUserDefaults` → UserDefaults.
pub fn symbol_categories(symbol: &str) -> Vec<&'static str> {
    if let Some(class) = symbol.strip_prefix("_OBJC_CLASS_$_") {
        return SWIFT_WORDS
            .iter()
            .filter(|(word, _)| *word == class)
            .map(|(_, category)| *category)
            .collect();
    }
    let Some(name) = symbol.strip_prefix('_') else {
        return Vec::new();
    };
    let name = name.split('$').next().unwrap_or(name);
    C_FUNCTIONS
        .iter()
        .filter(|(function, _)| *function == name)
        .map(|(_, category)| *category)
        .collect()
}

/// Swift source without `//` and `/* */` comments: a word in a comment uses nothing.
fn without_comments(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    loop {
        let line = rest.find("//");
        let block = rest.find("/*");
        match (line, block) {
            (Some(l), b) if b.is_none_or(|b| l < b) => {
                out.push_str(rest.get(..l).unwrap_or_default());
                rest = rest
                    .get(l..)
                    .and_then(|r| r.find('\n').and_then(|n| r.get(n..)))
                    .unwrap_or_default();
            }
            (_, Some(b)) => {
                out.push_str(rest.get(..b).unwrap_or_default());
                rest = rest
                    .get(b..)
                    .and_then(|r| r.find("*/").and_then(|e| r.get(e + 2..)))
                    .unwrap_or_default();
            }
            _ => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// Each required-reason word a Swift source uses (as a whole identifier), with its category.
pub fn swift_uses(source: &str) -> Vec<(&'static str, &'static str)> {
    let code = without_comments(source);
    let identifiers: BTreeSet<&str> = code
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    SWIFT_WORDS
        .iter()
        .filter(|(word, _)| identifiers.contains(word))
        .copied()
        .collect()
}

/// The manifest's declared categories and their reasons; fails when it is no property list,
/// declares tracking, tracking domains or collected data, or has a category without reasons.
pub fn declared(manifest: &[u8]) -> Result<BTreeMap<String, Vec<String>>, String> {
    let value: plist::Value =
        plist::from_bytes(manifest).map_err(|e| format!("not a valid property list: {e}"))?;
    let dict = value
        .as_dictionary()
        .ok_or("the top level is not a dictionary")?;
    match dict
        .get("NSPrivacyTracking")
        .and_then(plist::Value::as_boolean)
    {
        Some(false) => {}
        Some(true) => return Err("NSPrivacyTracking is true: the SDK does not track".to_owned()),
        None => return Err("NSPrivacyTracking (false) is missing".to_owned()),
    }
    for key in ["NSPrivacyTrackingDomains", "NSPrivacyCollectedDataTypes"] {
        match dict.get(key).and_then(plist::Value::as_array) {
            Some(list) if list.is_empty() => {}
            Some(_) => {
                return Err(format!(
                    "{key} is not empty: the SDK uses no network and collects nothing"
                ))
            }
            None => return Err(format!("{key} (an empty array) is missing")),
        }
    }
    let types = dict
        .get("NSPrivacyAccessedAPITypes")
        .and_then(plist::Value::as_array)
        .ok_or("NSPrivacyAccessedAPITypes (an array) is missing")?;
    let mut categories = BTreeMap::new();
    for entry in types {
        let entry = entry
            .as_dictionary()
            .ok_or("an NSPrivacyAccessedAPITypes entry is not a dictionary")?;
        let category = entry
            .get("NSPrivacyAccessedAPIType")
            .and_then(plist::Value::as_string)
            .ok_or("an entry has no NSPrivacyAccessedAPIType")?;
        let reasons: Vec<String> = entry
            .get("NSPrivacyAccessedAPITypeReasons")
            .and_then(plist::Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(plist::Value::as_string)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        if reasons.is_empty() {
            return Err(format!("{category} has no NSPrivacyAccessedAPITypeReasons"));
        }
        categories.insert(category.to_owned(), reasons);
    }
    Ok(categories)
}

/// Fails listing `use → category` for every use whose category the manifest lacks.
pub fn compare(
    declared: &BTreeMap<String, Vec<String>>,
    uses: &BTreeMap<String, BTreeSet<&'static str>>,
) -> Result<(), String> {
    let mut missing = Vec::new();
    for (what, categories) in uses {
        for category in categories {
            if !declared.contains_key(*category) {
                missing.push(format!("{what} → {category}"));
            }
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "PrivacyInfo.xcprivacy does not declare what the shipped code uses: {}",
            missing.join("; ")
        ))
    }
}

/// Every use in the Swift sources of `dir`: `File.swift: word` → categories.
pub fn swift_dir_uses(dir: &Path) -> Result<BTreeMap<String, BTreeSet<&'static str>>, String> {
    let mut uses: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "swift"))
        .collect();
    files.sort();
    for file in files {
        let source =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (word, category) in swift_uses(&source) {
            uses.entry(format!("{name}: {word}"))
                .or_default()
                .insert(category);
        }
    }
    Ok(uses)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
<key>NSPrivacyTracking</key><false/>
<key>NSPrivacyTrackingDomains</key><array/>
<key>NSPrivacyCollectedDataTypes</key><array/>
<key>NSPrivacyAccessedAPITypes</key><array><dict>
<key>NSPrivacyAccessedAPIType</key><string>NSPrivacyAccessedAPICategoryFileTimestamp</string>
<key>NSPrivacyAccessedAPITypeReasons</key><array><string>C617.1</string></array>
</dict></array>
</dict></plist>"#;

    #[test]
    fn symbols_map_to_their_categories_whatever_their_variant_suffix() {
        assert_eq!(symbol_categories("_fstat"), [FILE_TIMESTAMP]);
        assert_eq!(symbol_categories("_fstat$INODE64"), [FILE_TIMESTAMP]);
        assert_eq!(
            symbol_categories("_getattrlist"),
            [FILE_TIMESTAMP, DISK_SPACE]
        );
        assert_eq!(symbol_categories("_mach_absolute_time"), [SYSTEM_BOOT_TIME]);
        assert_eq!(
            symbol_categories("_OBJC_CLASS_$_NSUserDefaults"),
            [USER_DEFAULTS]
        );
        assert!(symbol_categories("_fstatx").is_empty());
        assert!(symbol_categories("_malloc").is_empty());
    }

    #[test]
    fn swift_uses_count_code_not_comments() {
        let source = "// UserDefaults is never used\nlet up = ProcessInfo.processInfo.systemUptime /* creationDate */\nlet s = \"statistics\"\n";
        assert_eq!(swift_uses(source), [("systemUptime", SYSTEM_BOOT_TIME)]);
    }

    #[test]
    fn an_undeclared_category_fails_naming_the_use_and_the_category() {
        let declared = declared(MANIFEST.as_bytes()).unwrap();
        let mut uses = BTreeMap::new();
        uses.insert(
            "ios-arm64 arm64: _fstat".to_owned(),
            BTreeSet::from([FILE_TIMESTAMP]),
        );
        assert!(compare(&declared, &uses).is_ok());
        uses.insert(
            "Readers.swift: systemUptime".to_owned(),
            BTreeSet::from([SYSTEM_BOOT_TIME]),
        );
        let problem = compare(&declared, &uses).unwrap_err();
        assert!(
            problem.ends_with(
                "Readers.swift: systemUptime → NSPrivacyAccessedAPICategorySystemBootTime"
            ),
            "{problem}"
        );
    }

    #[test]
    fn tracking_or_a_broken_manifest_fails() {
        let tracking = MANIFEST.replace(
            "<key>NSPrivacyTracking</key><false/>",
            "<key>NSPrivacyTracking</key><true/>",
        );
        assert!(declared(tracking.as_bytes())
            .unwrap_err()
            .contains("NSPrivacyTracking is true"));
        let broken = MANIFEST.replace("</dict></plist>", "");
        assert!(declared(broken.as_bytes())
            .unwrap_err()
            .starts_with("not a valid property list"));
        let domains = MANIFEST.replace(
            "<key>NSPrivacyTrackingDomains</key><array/>",
            "<key>NSPrivacyTrackingDomains</key><array><string>t.example</string></array>",
        );
        assert!(declared(domains.as_bytes()).is_err());
    }
}
