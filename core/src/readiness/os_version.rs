//! Minimum OS versions for passkeys and the parsing of the version a shell reports.
//!
//! From the public device-support tables (passkeys.dev): Android 9, iOS/iPadOS 16, macOS 13.
//! Windows: the guide covers Windows 11 only.

use crate::Platform;

/// A dotted version's leading numbers: `17.4.1` → [17, 4, 1].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version([u32; 3]);

impl Version {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Version {
        Version([major, minor, patch])
    }

    /// `None` when the text does not start with a number.
    pub fn parse(text: &str) -> Option<Version> {
        let mut parts = [0u32; 3];
        let mut found = 0;
        for (slot, piece) in parts.iter_mut().zip(text.trim().split(['.', '_'])) {
            let digits: &str = piece
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap_or_default();
            match digits.parse() {
                Ok(n) => {
                    *slot = n;
                    found += 1;
                }
                Err(_) => break,
            }
            if digits.len() != piece.len() {
                break;
            }
        }
        (found > 0).then_some(Version(parts))
    }
}

/// The minimum version, as shown to the customer.
pub fn minimum(platform: Platform) -> &'static str {
    match platform {
        Platform::Android => "Android 9",
        Platform::Ios => "iOS 16",
        Platform::Ipados => "iPadOS 16",
        Platform::Macos => "macOS 13",
        Platform::Windows => "Windows 11",
    }
}

/// Whether `version` supports passkeys on `platform`.
pub fn is_supported(platform: Platform, version: Version) -> bool {
    let Version([major, minor, build]) = version;
    match platform {
        Platform::Android => major >= 9,
        Platform::Ios | Platform::Ipados => major >= 16,
        Platform::Macos => major >= 13,
        // Windows 11 reports itself as "11" to people and as 10.0.22000+ to programs.
        Platform::Windows => major >= 11 || (major == 10 && minor == 0 && build >= 22000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn supported(platform: Platform, version: &str) -> bool {
        is_supported(platform, Version::parse(version).unwrap())
    }

    #[test]
    fn parses_dotted_and_underscored_versions() {
        assert_eq!(Version::parse("17.4.1"), Some(Version([17, 4, 1])));
        assert_eq!(Version::parse("14"), Some(Version([14, 0, 0])));
        assert_eq!(Version::parse("10_15_7"), Some(Version([10, 15, 7])));
        assert_eq!(Version::parse("13.2 beta"), Some(Version([13, 2, 0])));
        assert_eq!(Version::parse("beta"), None);
        assert_eq!(Version::parse(""), None);
    }

    #[test]
    fn minimums() {
        assert!(supported(Platform::Android, "9"));
        assert!(!supported(Platform::Android, "8.1"));
        assert!(supported(Platform::Ios, "16.0"));
        assert!(!supported(Platform::Ipados, "15.7"));
        assert!(supported(Platform::Macos, "13"));
        assert!(!supported(Platform::Macos, "12.7"));
        assert!(supported(Platform::Windows, "11"));
        assert!(supported(Platform::Windows, "10.0.22631"));
        assert!(!supported(Platform::Windows, "10.0.19045"));
        assert!(!supported(Platform::Windows, "10"));
    }
}
