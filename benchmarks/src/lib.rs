//! What the benchmarks measure on, in one place: the example snapshots, the seed's messages,
//! the user-agent corpus and vectors, and the peer parsers' answers translated into the
//! SDK's terms (platform, browser, in-app or not) so that their accuracy can be compared.
//!
//! Everything is read from the repository at run time, so a new example, message or user
//! agent is measured without a code change.

// Benchmark and report code: a missing fixture should stop the run loudly, with its path.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use passkey_ready_core::readiness::DeviceSnapshot;
use passkey_ready_core::useragent::{classify_user_agent, Browser};
use passkey_ready_core::Platform;
use serde_json::Value;

/// The repository root (this crate lives in `benchmarks/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .expect("benchmarks/ has a parent")
}

/// Cargo's target directory (honours `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
}

/// Where `cargo xtask bench` keeps its measurements and downloads.
pub fn bench_dir() -> PathBuf {
    target_dir().join("bench")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// --- Example snapshots ----------------------------------------------------------------------

pub struct Example {
    /// The file name without `.json`, e.g. `android-ready`.
    pub name: String,
    pub json: String,
    pub snapshot: DeviceSnapshot,
}

/// `examples/*.json`, in file-name order.
pub fn examples() -> Vec<Example> {
    let dir = repo_root().join("examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable examples/").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let json = read(&path);
            let snapshot = DeviceSnapshot::from_json(&json)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Example {
                name,
                json,
                snapshot,
            }
        })
        .collect()
}

// --- The seed's messages --------------------------------------------------------------------

pub struct Message {
    /// A short id for the benchmark, e.g. `ja_q1_1` or `en_in_app_browser_1`.
    pub id: String,
    pub text: String,
}

/// The messages the customer sees, as the help page quotes them: every 「…」 of the page's
/// questions (the lines starting with `Q` in `tests/seed/help_page_ja.txt`), then the English
/// messages of `core/content/en.json`'s FAQs.
pub fn seed_messages() -> Vec<Message> {
    let mut messages = Vec::new();
    let seed = read(&repo_root().join("tests/seed/help_page_ja.txt"));
    for line in seed.lines().filter(|l| l.starts_with('Q')) {
        let question = line
            .split(['.', ' '])
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let mut rest = line;
        let mut n = 0;
        while let Some(start) = rest.find('「') {
            let after = &rest[start + '「'.len_utf8()..];
            let Some(end) = after.find('」') else { break };
            n += 1;
            messages.push(Message {
                id: format!("ja_{question}_{n}"),
                text: after[..end].to_owned(),
            });
            rest = &after[end..];
        }
    }
    let en: Value = serde_json::from_str(&read(&repo_root().join("core/content/en.json")))
        .expect("en.json is JSON");
    for faq in en["troubleshooting"]["faqs"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let id = faq["id"].as_str().unwrap_or_default();
        for (i, text) in faq["messages"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .enumerate()
        {
            messages.push(Message {
                id: format!("en_{}_{}", id.trim_start_matches("faq."), i + 1),
                text: text.to_owned(),
            });
        }
    }
    messages
}

// --- User agents ----------------------------------------------------------------------------

/// `tests/corpus/user_agents.txt`: every line that is not empty or a `#` comment.
pub fn corpus() -> Vec<String> {
    read(&repo_root().join("tests/corpus/user_agents.txt"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// What a parser tells about a user agent, in the SDK's terms. `None`: it does not tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub platform: Option<Platform>,
    pub browser: Option<Browser>,
    /// `Some(true)`: an app's browser or a web view; `Some(false)`: a browser.
    pub in_app: Option<bool>,
    /// The parser's own words, for the report.
    pub raw: String,
}

/// A case of `tests/vectors/user_agents.json`, with what the SDK is expected to say.
pub struct VectorCase {
    pub name: String,
    pub user_agent: String,
    pub platform: Option<Platform>,
    pub browser: Option<Browser>,
    pub in_app: bool,
}

pub fn ua_vectors() -> Vec<VectorCase> {
    let doc: Value =
        serde_json::from_str(&read(&repo_root().join("tests/vectors/user_agents.json")))
            .expect("user_agents.json is JSON");
    doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|case| {
            let expect = &case["expect"];
            VectorCase {
                name: case["name"].as_str().unwrap_or_default().to_owned(),
                user_agent: case["user_agent"].as_str().unwrap_or_default().to_owned(),
                platform: expect["platform"].as_str().and_then(Platform::parse),
                browser: expect["browser"].as_str().and_then(browser_from_snake),
                in_app: !expect["in_app"].is_null(),
            }
        })
        .collect()
}

fn browser_from_snake(name: &str) -> Option<Browser> {
    Some(match name {
        "safari" => Browser::Safari,
        "chrome" => Browser::Chrome,
        "edge" => Browser::Edge,
        "firefox" => Browser::Firefox,
        "samsung_internet" => Browser::SamsungInternet,
        "opera" => Browser::Opera,
        "other" => Browser::Other,
        _ => return None,
    })
}

/// PasskeyReady's own answer.
pub fn ours(ua: &str) -> Verdict {
    match classify_user_agent(ua) {
        Ok(info) => Verdict {
            raw: format!(
                "{} / {} / {}",
                info.platform.map_or("-".into(), |p| p.to_string()),
                info.browser.map_or("-".into(), |b| format!("{b:?}")),
                info.in_app.map_or("-".into(), |a| format!("{a:?}")),
            ),
            platform: info.platform,
            browser: info.browser,
            in_app: Some(info.in_app.is_some()),
        },
        Err(e) => Verdict {
            platform: None,
            browser: None,
            in_app: None,
            raw: e.to_string(),
        },
    }
}

/// woothee names that are an app or a web view rather than a browser.
pub const WOOTHEE_IN_APP_NAMES: &[&str] = &["Webview", "Google Search App"];

/// woothee's answer. Its `name` is the browser, or an app or web view (see
/// [`WOOTHEE_IN_APP_NAMES`]); `os` is the system (`iPhone`, `iPad`, `Android`, `Mac OSX`,
/// `Windows 10` …). An app's browser is given the system's engine (see [`engine_of`]).
pub fn woothee_verdict(parser: &woothee::parser::Parser, ua: &str) -> Verdict {
    let Some(r) = parser.parse(ua) else {
        return Verdict {
            platform: None,
            browser: None,
            in_app: None,
            raw: "(no result)".to_owned(),
        };
    };
    let platform = match r.os {
        "iPhone" | "iPod" => Some(Platform::Ios),
        "iPad" => Some(Platform::Ipados),
        "Android" => Some(Platform::Android),
        "Mac OSX" => Some(Platform::Macos),
        os if os.starts_with("Windows") => Some(Platform::Windows),
        _ => None,
    };
    let in_app = WOOTHEE_IN_APP_NAMES.contains(&r.name);
    let browser = match r.name {
        "Safari" => Some(Browser::Safari),
        "Chrome" => Some(Browser::Chrome),
        "Edge" => Some(Browser::Edge),
        "Firefox" => Some(Browser::Firefox),
        "Opera" => Some(Browser::Opera),
        "SamsungBrowser" => Some(Browser::SamsungInternet),
        _ if in_app => engine_of(platform),
        "UNKNOWN" => None,
        _ => Some(Browser::Other),
    };
    Verdict {
        platform,
        browser,
        in_app: Some(in_app),
        raw: format!("{} / {}", r.os, r.name),
    }
}

/// An app's browser runs the system's web view: WebKit (Safari) on Apple systems, Chrome's
/// on Android. The SDK reports that engine as the browser; a peer that says "an app" is given
/// the same deduction, so that only what it cannot tell counts against it.
pub fn engine_of(platform: Option<Platform>) -> Option<Browser> {
    match platform? {
        Platform::Ios | Platform::Ipados | Platform::Macos => Some(Browser::Safari),
        Platform::Android => Some(Browser::Chrome),
        Platform::Windows => None,
    }
}

/// uap-core families that name an app or a web view rather than a browser.
pub const UAP_IN_APP_FAMILIES: &[&str] = &[
    "Chrome Mobile WebView",
    "Mobile Safari UI/WKWebView",
    "Facebook",
    "Instagram",
    "LINE",
    "Twitter",
    "TikTok",
    "Google",
    "Yahoo! Japan",
    "YahooJapan",
    "Apple Mail",
    "Snapchat",
    "Pinterest",
    "WeChat",
];

/// The general parser's answer (uap-core's regexes). The user agent's `family` is the
/// browser, or the app or web view (see [`UAP_IN_APP_FAMILIES`]); the OS and device
/// families give the system (`iOS` on an `iPad` is iPadOS). An app's browser is given the
/// system's engine (see [`engine_of`]).
pub fn uap_verdict(parser: &uaparser::UserAgentParser, ua: &str) -> Verdict {
    use uaparser::Parser as _;
    let client = parser.parse(ua);
    let os = client.os.family.as_ref();
    let device = client.device.family.as_ref();
    let family = client.user_agent.family.as_ref();
    let platform = match os {
        "iOS" if device == "iPad" => Some(Platform::Ipados),
        "iOS" => Some(Platform::Ios),
        "Android" => Some(Platform::Android),
        "Mac OS X" | "macOS" => Some(Platform::Macos),
        "Windows" => Some(Platform::Windows),
        _ => None,
    };
    let in_app = UAP_IN_APP_FAMILIES.contains(&family);
    let browser = match family {
        "Mobile Safari" | "Safari" | "Mobile Safari UI/WKWebView" => Some(Browser::Safari),
        "Chrome" | "Chrome Mobile" | "Chrome Mobile iOS" | "Chrome Mobile WebView" => {
            Some(Browser::Chrome)
        }
        "Edge" | "Edge Mobile" => Some(Browser::Edge),
        "Firefox" | "Firefox Mobile" | "Firefox iOS" => Some(Browser::Firefox),
        "Opera" | "Opera Mobile" => Some(Browser::Opera),
        "Samsung Internet" => Some(Browser::SamsungInternet),
        _ if in_app => engine_of(platform),
        "Other" => None,
        _ => Some(Browser::Other),
    };
    Verdict {
        platform,
        browser,
        in_app: Some(in_app),
        raw: format!("{os} / {device} / {family}"),
    }
}

// --- uap-core's regexes ---------------------------------------------------------------------

/// A copy of uap-core's `regexes.yaml` and where it came from.
pub struct UapRegexes {
    /// Short label for benchmark ids: `uap-core-0.18.0` …
    pub label: String,
    pub origin: String,
    pub path: PathBuf,
}

/// The `regexes.yaml` files to measure with, newest first: the one `cargo xtask bench` takes
/// from the npm registry's `uap-core` package (`target/bench/npm/package/`), then the copy
/// the `uaparser` crate ships in its package (`src/core/regexes.yaml`). Those found.
pub fn uap_regexes() -> Vec<UapRegexes> {
    let mut found = Vec::new();
    let npm = bench_dir().join("npm/package");
    if let Some(version) = package_json_version(&npm.join("package.json")) {
        found.push(UapRegexes {
            label: format!("uap-core-{version}"),
            origin: format!("npm registry, package uap-core@{version}, regexes.yaml"),
            path: npm.join("regexes.yaml"),
        });
    }
    if let Some(dir) = uaparser_crate_dir() {
        let core = dir.join("src/core");
        if let Some(version) = package_json_version(&core.join("package.json")) {
            let crate_name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            found.push(UapRegexes {
                label: format!("uap-core-{version}-crate"),
                origin: format!(
                    "crates.io, package {crate_name}, src/core/regexes.yaml (uap-core {version})"
                ),
                path: core.join("regexes.yaml"),
            });
        }
    }
    found
}

fn package_json_version(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let json: Value = serde_json::from_str(&text).ok()?;
    json["version"].as_str().map(str::to_owned)
}

/// The unpacked `uaparser` crate of the version in Cargo.lock, in Cargo's registry cache.
fn uaparser_crate_dir() -> Option<PathBuf> {
    let lock = std::fs::read_to_string(repo_root().join("Cargo.lock")).ok()?;
    let after = lock.split("name = \"uaparser\"\n").nth(1)?;
    let version = after
        .lines()
        .next()?
        .strip_prefix("version = \"")?
        .strip_suffix('"')?;
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))?;
    let src = cargo_home.join("registry/src");
    std::fs::read_dir(src)
        .ok()?
        .filter_map(Result::ok)
        .map(|registry| registry.path().join(format!("uaparser-{version}")))
        .find(|dir| dir.join("src/core/regexes.yaml").is_file())
}

/// The general parser with uap-core's default settings (device, OS and user agent, Unicode
/// classes on), or with Unicode off (the crate's documented faster setting).
pub fn uap_parser(regexes: &UapRegexes, unicode: bool) -> uaparser::UserAgentParser {
    let bytes =
        std::fs::read(&regexes.path).unwrap_or_else(|e| panic!("{}: {e}", regexes.path.display()));
    uaparser::UserAgentParser::builder()
        .with_unicode_support(unicode)
        .build_from_bytes(&bytes)
        .unwrap_or_else(|e| panic!("{}: {e:?}", regexes.path.display()))
}
