//! Minimum OS versions for passkeys, the parsing of a version a shell or a user agent states,
//! and the name a customer knows it by ("Windows 10", "iOS 17.4").
//!
//! This is the one table of minimums: the readiness check and the user-agent classifier
//! (`can_register`) both ask [`support`].
//!
//! From the public device-support tables (passkeys.dev): Android 9, iOS/iPadOS 16, macOS 13,
//! Windows 10 version 1903 (build 18362) with Windows Hello. The bank's Windows guide shows
//! Windows 11's screens; Windows 10 registers all the same, with menus that may differ.

use std::cmp::Ordering;

use crate::Platform;

/// A dotted version's leading numbers: `17.4.1` → 17, 4, 1, and how many of them were given
/// (`10.0` does not say which Windows 10 build it is; `10.0.0` would).
#[derive(Debug, Clone, Copy)]
pub struct Version {
    parts: [u32; 3],
    given: usize,
}

/// Versions compare by their numbers: `14` is `14.0.0`.
impl PartialEq for Version {
    fn eq(&self, other: &Version) -> bool {
        self.parts == other.parts
    }
}

impl Eq for Version {}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Version) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Version) -> Ordering {
        self.parts.cmp(&other.parts)
    }
}

impl Version {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Version {
        Version {
            parts: [major, minor, patch],
            given: 3,
        }
    }

    /// `None` when the text does not start with a number, or when a number is too large for
    /// any real version (`10.0.99999999999`): reading it as `10.0` would make a build number
    /// up, and build 0 of Windows 10 is below every minimum.
    pub fn parse(text: &str) -> Option<Version> {
        let mut parts = [0u32; 3];
        let mut given = 0;
        for (slot, piece) in parts.iter_mut().zip(text.trim().split(['.', '_'])) {
            let digits: &str = piece
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap_or_default();
            if digits.is_empty() {
                break;
            }
            *slot = digits.parse().ok()?;
            given += 1;
            if digits.len() != piece.len() {
                break;
            }
        }
        (given > 0).then_some(Version { parts, given })
    }

    fn major(self) -> u32 {
        let [major, _, _] = self.parts;
        major
    }

    fn minor(self) -> u32 {
        let [_, minor, _] = self.parts;
        minor
    }

    fn build(self) -> Option<u32> {
        let [_, _, build] = self.parts;
        (self.given >= 3).then_some(build)
    }

    /// `17.4.1`, `8.1`, `14`: the numbers given, without trailing zeros a person would not say.
    fn dotted(self) -> String {
        let [major, minor, patch] = self.parts;
        if patch != 0 {
            format!("{major}.{minor}.{patch}")
        } else if minor != 0 {
            format!("{major}.{minor}")
        } else {
            major.to_string()
        }
    }
}

const ANDROID_MIN: u32 = 9;
const APPLE_MOBILE_MIN: u32 = 16;
const MACOS_MIN: u32 = 13;
/// Windows 10 version 1903: the first with passkeys in Windows Hello for every browser.
const WINDOWS_10_MIN_BUILD: u32 = 18362;
/// Windows 11 reports itself as "11" to people and as 10.0.22000+ to programs.
const WINDOWS_11_FIRST_BUILD: u32 = 22000;

/// The minimum version, as shown to the customer.
pub fn minimum(platform: Platform) -> &'static str {
    match platform {
        Platform::Android => "Android 9",
        Platform::Ios => "iOS 16",
        Platform::Ipados => "iPadOS 16",
        Platform::Macos => "macOS 13",
        Platform::Windows => "Windows 10 (1903)",
    }
}

/// Whether `version` supports passkeys on `platform`; `None` when the version does not tell:
/// `10` or `10.0` on Windows is Windows 10 or 11 without the build that decides.
pub fn support(platform: Platform, version: Version) -> Option<bool> {
    let major = version.major();
    match platform {
        Platform::Android => Some(major >= ANDROID_MIN),
        Platform::Ios | Platform::Ipados => Some(major >= APPLE_MOBILE_MIN),
        Platform::Macos => Some(major >= MACOS_MIN),
        Platform::Windows if major >= 11 => Some(true),
        Platform::Windows if major == 10 && version.minor() == 0 => {
            version.build().map(|build| build >= WINDOWS_10_MIN_BUILD)
        }
        Platform::Windows => Some(false),
    }
}

/// Windows 10, as opposed to 11: supported, but the guide's screens are Windows 11's.
pub fn is_windows_10(platform: Platform, version: Version) -> bool {
    platform == Platform::Windows
        && version.major() == 10
        && version.minor() == 0
        && version
            .build()
            .map_or(true, |build| build < WINDOWS_11_FIRST_BUILD)
}

/// The name a customer knows the version by, built from the parsed numbers only (never the
/// text a shell sent): `Windows 10`, `Windows 11`, `Windows 7`, `iOS 17.4`, `Android 8.1`.
pub fn display(platform: Platform, version: Version) -> String {
    let name = match platform {
        Platform::Android => "Android",
        Platform::Ios => "iOS",
        Platform::Ipados => "iPadOS",
        Platform::Macos => "macOS",
        Platform::Windows => return windows_name(version),
    };
    format!("{name} {}", version.dotted())
}

fn windows_name(version: Version) -> String {
    match (version.major(), version.minor(), version.build()) {
        (10, 0, Some(build)) if build >= WINDOWS_11_FIRST_BUILD => "Windows 11".to_owned(),
        (10, 0, Some(build)) if build < WINDOWS_10_MIN_BUILD => {
            format!("Windows 10 ({})", windows_10_release(build))
        }
        (10, 0, _) => "Windows 10".to_owned(),
        (6, 0, _) => "Windows Vista".to_owned(),
        (6, 1, _) => "Windows 7".to_owned(),
        (6, 2, _) => "Windows 8".to_owned(),
        (6, 3, _) => "Windows 8.1".to_owned(),
        (5, _, _) => "Windows XP".to_owned(),
        // People's numbering ("11", "7") as an app may report it.
        _ => format!("Windows {}", version.dotted()),
    }
}

/// The release name `winver` shows for the Windows 10 builds before 1903, so that an
/// unsupported one is named the way the customer can look it up.
fn windows_10_release(build: u32) -> String {
    const RELEASES: [(u32, &str); 6] = [
        (17763, "1809"),
        (17134, "1803"),
        (16299, "1709"),
        (15063, "1703"),
        (14393, "1607"),
        (10586, "1511"),
    ];
    RELEASES
        .iter()
        .find(|(first, _)| build >= *first)
        .map_or_else(|| format!("10.0.{build}"), |(_, name)| (*name).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        Version::parse(text).unwrap()
    }

    fn supported(platform: Platform, version: &str) -> Option<bool> {
        support(platform, v(version))
    }

    #[test]
    fn parses_dotted_and_underscored_versions() {
        assert_eq!(v("17.4.1"), Version::new(17, 4, 1));
        assert_eq!(v("14"), Version::new(14, 0, 0));
        assert_eq!(v("10_15_7"), Version::new(10, 15, 7));
        assert_eq!(v("13.2 beta"), Version::new(13, 2, 0));
        assert_eq!(Version::parse("beta"), None);
        assert_eq!(Version::parse(""), None);
    }

    #[test]
    fn an_overflowing_number_is_not_a_version() {
        assert_eq!(Version::parse("10.0.99999999999"), None);
        assert_eq!(Version::parse("99999999999"), None);
        assert_eq!(v("10.0.4294967295"), Version::new(10, 0, u32::MAX));
    }

    #[test]
    fn minimums() {
        assert_eq!(supported(Platform::Android, "9"), Some(true));
        assert_eq!(supported(Platform::Android, "8.1"), Some(false));
        assert_eq!(supported(Platform::Ios, "16.0"), Some(true));
        assert_eq!(supported(Platform::Ipados, "15.7"), Some(false));
        assert_eq!(supported(Platform::Macos, "13"), Some(true));
        assert_eq!(supported(Platform::Macos, "12.7"), Some(false));
        assert_eq!(supported(Platform::Windows, "11"), Some(true));
        assert_eq!(supported(Platform::Windows, "10.0.22631"), Some(true));
        assert_eq!(supported(Platform::Windows, "10.0.19045"), Some(true));
        assert_eq!(supported(Platform::Windows, "10.0.18362"), Some(true));
        assert_eq!(supported(Platform::Windows, "10.0.17763"), Some(false));
        assert_eq!(supported(Platform::Windows, "10.0"), None);
        assert_eq!(supported(Platform::Windows, "10"), None);
        assert_eq!(supported(Platform::Windows, "6.1"), Some(false));
        assert_eq!(supported(Platform::Windows, "7"), Some(false));
    }

    #[test]
    fn names_come_from_the_numbers() {
        let name = |p, text| display(p, v(text));
        assert_eq!(name(Platform::Windows, "10.0.19045"), "Windows 10");
        assert_eq!(name(Platform::Windows, "10.0.22631.3880"), "Windows 11");
        assert_eq!(name(Platform::Windows, "11"), "Windows 11");
        assert_eq!(name(Platform::Windows, "10.0.17763"), "Windows 10 (1809)");
        assert_eq!(
            name(Platform::Windows, "10.0.10240"),
            "Windows 10 (10.0.10240)"
        );
        assert_eq!(name(Platform::Windows, "6.1.7601"), "Windows 7");
        assert_eq!(name(Platform::Ios, "17.4"), "iOS 17.4");
        assert_eq!(name(Platform::Android, "8.1.0"), "Android 8.1");
        assert_eq!(name(Platform::Android, "8\u{1b}[31mRED"), "Android 8");
        assert_eq!(name(Platform::Macos, "10.14.6"), "macOS 10.14.6");
        assert!(is_windows_10(Platform::Windows, v("10.0.19045")));
        assert!(!is_windows_10(Platform::Windows, v("10.0.22000")));
        assert!(!is_windows_10(Platform::Windows, v("11")));
    }
}
