//! Reading a content bundle from JSON: size cap, parsing with the path of the bad field,
//! schema version, then validation. Nothing is half-loaded: the result is a valid bundle or
//! an error.

use std::sync::{Arc, OnceLock};

use super::limits;
use super::model::{Bundle, Guide, Locale, Locales};
use super::safety::LoadPolicy;
use super::validate::{validate_with, Problem};
use crate::json_input::{self, InputError};

/// The bundle format this build reads and writes. 2 added OS-version variants of parts
/// (`written_for`, `variants`), footnote scopes (`applies_to`), diagnosis explanations and
/// the report's new texts; 3 the help screen's labels (`screen`); 4 the web page's labels
/// out of an app's browser (`open_in_chrome`, `open_in_safari`, `copy_link`, `link_copied`).
/// A bundle of another
/// version is refused with the version it needs.
pub const SCHEMA_VERSION: u32 = 4;

/// Bundles larger than this (in UTF-8 bytes) are refused before parsing, with
/// [`BundleError::TooLarge`]: nothing of them is read. The embedded guide in both languages
/// is about a tenth of it.
pub const MAX_BUNDLE_BYTES: usize = 512 * 1024;

const EMBEDDED_JA: &str = include_str!("../../content/ja.json");
const EMBEDDED_EN: &str = include_str!("../../content/en.json");

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("bundle is {size} bytes; the limit is {max} bytes")]
    TooLarge { size: usize, max: usize },
    #[error("bundle is not valid: {path}: {message}")]
    Malformed { path: String, message: String },
    /// A key that appears twice in one object (`path` names it): JSON parsers disagree on
    /// which one counts.
    #[error("bundle is not valid: {path}: the key appears more than once in its object")]
    DuplicateKey { path: String },
    /// A list or text past its limit (see [`crate::content::limits`]), refused while the
    /// bundle is read: nothing after it is read.
    #[error("bundle is not valid: {path}: more than {max} {unit}")]
    OverLimit {
        path: String,
        max: usize,
        unit: &'static str,
    },
    #[error("bundle schema_version is {found}; this SDK reads version {expected}")]
    UnsupportedSchema { found: u32, expected: u32 },
    /// At most [`limits::MAX_PROBLEMS`] problems, then [`Problem::TooManyProblems`].
    #[error("bundle has {} problem(s):\n{}", count(problems), list(problems))]
    Invalid { problems: Vec<Problem> },
}

impl BundleError {
    /// One line, at most [`MAX_SUMMARY_CHARS`] characters: what a host app logs or shows.
    pub fn summary(&self) -> String {
        let text = match self {
            BundleError::Invalid { problems } => {
                let first = problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                format!("bundle has {} problem(s); first: {first}", count(problems))
            }
            other => other.to_string(),
        };
        let mut chars = text.chars();
        let mut out: String = chars
            .by_ref()
            .take(MAX_SUMMARY_CHARS)
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        if chars.next().is_some() {
            out.push('…');
        }
        out
    }
}

/// The longest [`BundleError::summary`].
pub const MAX_SUMMARY_CHARS: usize = 300;

/// `50+` when validation stopped at the cap.
fn count(problems: &[Problem]) -> String {
    let stopped = problems
        .iter()
        .any(|p| matches!(p, Problem::TooManyProblems { .. }));
    let listed = problems.len() - usize::from(stopped);
    if stopped {
        format!("more than {listed}")
    } else {
        listed.to_string()
    }
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Bundle {
    /// Parses and validates a bundle. The error names the field or item at fault. Texts may
    /// contain no links at all (the default [`LoadPolicy`]). A leading UTF-8 byte order mark
    /// is skipped; a key repeated in an object, a key that is not a `lower_snake_case` name
    /// and any list or text over its limit ([`crate::content::limits`]) are refused while
    /// the JSON is read, before anything is built from it.
    pub fn from_json(json: &str) -> Result<Bundle, BundleError> {
        Bundle::from_json_with(json, &LoadPolicy::default())
    }

    /// [`Bundle::from_json`], with `https://` links allowed to the hosts of `policy`.
    pub fn from_json_with(json: &str, policy: &LoadPolicy) -> Result<Bundle, BundleError> {
        if json.len() > MAX_BUNDLE_BYTES {
            return Err(BundleError::TooLarge {
                size: json.len(),
                max: MAX_BUNDLE_BYTES,
            });
        }
        let json = json_input::without_bom(json);
        json_input::check(json, Some(limits::BUNDLE)).map_err(BundleError::from)?;
        // The version is read first so that an old or new bundle gets a version error, not a
        // confusing field error.
        #[derive(serde::Deserialize)]
        struct Version {
            schema_version: Option<u32>,
        }
        let version: Version = parse(json, "")?;
        match version.schema_version {
            Some(SCHEMA_VERSION) => {}
            Some(found) => {
                return Err(BundleError::UnsupportedSchema {
                    found,
                    expected: SCHEMA_VERSION,
                })
            }
            None => {
                return Err(BundleError::Malformed {
                    path: "schema_version".to_owned(),
                    message: "missing field `schema_version`".to_owned(),
                })
            }
        }
        let bundle: Bundle = parse(json, "")?;
        bundle.validated(policy)
    }

    /// The bundle as pretty JSON, the form a content team edits and `from_json` reads.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The guide built into this SDK.
    ///
    /// Parsed, not validated: it is a constant of the build, and the test suite validates it
    /// (`embedded_content_is_valid_and_round_trips`), so checking it again on a customer's
    /// phone would only cost the first screen about a millisecond. Parsed once per process.
    pub fn embedded() -> Result<Bundle, BundleError> {
        Bundle::embedded_shared().map(|bundle| Bundle::clone(&bundle))
    }

    /// [`Bundle::embedded`] without a copy: every store of the process shares it.
    pub(crate) fn embedded_shared() -> Result<Arc<Bundle>, BundleError> {
        static EMBEDDED: OnceLock<Result<Arc<Bundle>, BundleError>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                Ok(Arc::new(Bundle {
                    schema_version: SCHEMA_VERSION,
                    locales: Locales {
                        ja: parse::<Guide>(EMBEDDED_JA, "ja")?,
                        en: parse::<Guide>(EMBEDDED_EN, "en")?,
                    },
                }))
            })
            .clone()
    }

    fn validated(self, policy: &LoadPolicy) -> Result<Bundle, BundleError> {
        let problems = validate_with(&self, policy);
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(BundleError::Invalid { problems })
        }
    }

    pub fn locales(&self) -> impl Iterator<Item = (Locale, &Guide)> {
        Locale::ALL.into_iter().map(move |l| (l, self.guide(l)))
    }
}

impl From<InputError> for BundleError {
    fn from(err: InputError) -> Self {
        match err {
            InputError::Malformed { path, message } => BundleError::Malformed { path, message },
            InputError::DuplicateKey { path } => BundleError::DuplicateKey { path },
            InputError::OverLimit { path, max, unit } => BundleError::OverLimit { path, max, unit },
        }
    }
}

/// Deserialises with the path of the failing field; `prefix` names the document.
fn parse<T: serde::de::DeserializeOwned>(json: &str, prefix: &str) -> Result<T, BundleError> {
    json_input::parse(json).map_err(|err| match BundleError::from(err) {
        BundleError::Malformed { path, message } => BundleError::Malformed {
            path: match (prefix, path.as_str()) {
                ("", _) => path,
                (_, "(root)") => prefix.to_owned(),
                _ => format!("{prefix}.{path}"),
            },
            message,
        },
        other => other,
    })
}
