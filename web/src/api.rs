//! What each JavaScript export does, in plain Rust: inputs as the JSON text of the JS value
//! (or a string), outputs as core values the export serializes. Errors name the field.

use passkey_ready_core::content::{Guide, Locale};
use passkey_ready_core::diagnose::{self, DiagnosisMatch};
use passkey_ready_core::error::{input_error, os_version_input};
use passkey_ready_core::readiness::{self, CheckId, DeviceSnapshot, ReadinessReport};
use passkey_ready_core::session::GuidePage;
use passkey_ready_core::useragent::{self, UserAgentInfo};
use passkey_ready_core::{PasskeyReadyError, Platform};
use serde::Serialize;

use crate::content::content;

/// One answer of [`diagnose`]: the core's match (its fields at the top level, as the CLI's
/// JSON has them) with the content's words for it in the page's language, so that a page
/// shows the answer without a text of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, tsify::Tsify)]
pub struct DiagnosisAnswer {
    #[serde(flatten)]
    pub matched: DiagnosisMatch,
    /// The FAQ's question, when the answer is a FAQ.
    pub question: Option<String>,
    /// The FAQ's answer, or the explanation of an answer without a FAQ.
    pub answer: Option<String>,
}

pub fn locale(lang: &str) -> Result<Locale, PasskeyReadyError> {
    Locale::from_code(lang).ok_or_else(|| input_error("lang", "not one of ja, en"))
}

pub fn platform(text: &str) -> Result<Platform, PasskeyReadyError> {
    Platform::parse(text).ok_or_else(|| {
        input_error(
            "platform",
            "not one of android, ios, ipados, macos, windows",
        )
    })
}

pub fn check(text: &str) -> Result<CheckId, PasskeyReadyError> {
    CheckId::parse(text).ok_or_else(|| input_error("check", "not a check id"))
}

pub fn guide_of(locale: Locale) -> Result<std::sync::Arc<Guide>, PasskeyReadyError> {
    Ok(content()?.guide(locale))
}

pub fn classify_user_agent(user_agent: &str) -> Result<UserAgentInfo, PasskeyReadyError> {
    Ok(useragent::classify_user_agent(user_agent)?)
}

/// `snapshot` is the snapshot's JSON: read exactly as `passkey-ready check` reads it.
pub fn snapshot(snapshot: &str) -> Result<DeviceSnapshot, PasskeyReadyError> {
    Ok(DeviceSnapshot::from_json(snapshot)?)
}

pub fn evaluate(snapshot_json: &str, lang: &str) -> Result<ReadinessReport, PasskeyReadyError> {
    let locale = locale(lang)?;
    let snapshot = snapshot(snapshot_json)?;
    let guide = guide_of(locale)?;
    Ok(readiness::evaluate(&snapshot, &guide)?)
}

pub fn diagnose(
    message: &str,
    platform_name: Option<&str>,
    lang: &str,
) -> Result<Vec<DiagnosisAnswer>, PasskeyReadyError> {
    let locale = locale(lang)?;
    let platform = platform_name.map(platform).transpose()?;
    let content = content()?;
    let guide = content.guide(locale);
    let matches = diagnose::diagnose(&content.bundle, message, platform)?;
    Ok(matches
        .into_iter()
        .map(|matched| {
            let faq = matched.faq.as_deref().and_then(|id| guide.faq(id));
            let answer = faq.map(|f| f.answer.clone()).or_else(|| {
                let id = matched.explanation.as_deref()?;
                diagnose::explanation(&guide, id).map(str::to_owned)
            });
            DiagnosisAnswer {
                question: faq.map(|f| f.question.clone()),
                answer,
                matched,
            }
        })
        .collect())
}

/// The guide page (what `passkey-ready guide --format html` draws): every device's guide, or
/// the one of `device` (a guide id: `android`, `ios`, `mac`, `windows_hello`,
/// `windows_chrome`), with the steps for `os_version` when given (which needs `device`).
pub fn guide(
    lang: &str,
    device: Option<&str>,
    os_version: Option<&str>,
) -> Result<GuidePage, PasskeyReadyError> {
    let guide = guide_of(locale(lang)?)?;
    let unknown = || input_error("device", "no device guide of that id");
    let Some(id) = device else {
        if os_version.is_some() {
            return Err(input_error(
                "device",
                "an os_version needs the device guide it is a version of",
            ));
        }
        return GuidePage::new(&guide, None).ok_or_else(unknown);
    };
    let Some(text) = os_version else {
        return GuidePage::new(&guide, Some(id)).ok_or_else(unknown);
    };
    let version = os_version_input(text)?;
    let mut resolved = Guide::clone(&guide);
    let device_guide = resolved
        .guides
        .iter_mut()
        .find(|g| g.id == id)
        .ok_or_else(unknown)?;
    *device_guide = device_guide.for_version(&version);
    GuidePage::new(&resolved, Some(id)).ok_or_else(unknown)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

    use super::*;

    fn field(err: PasskeyReadyError) -> String {
        match err {
            PasskeyReadyError::InvalidInput { field, .. }
            | PasskeyReadyError::InvalidSnapshot { field, .. } => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_bad_input_names_its_field() {
        assert_eq!(
            field(evaluate(r#"{"platform":"android"}"#, "fr").unwrap_err()),
            "lang"
        );
        assert_eq!(
            field(
                evaluate(
                    r#"{"platform":"android","signals":{"passcode":"yes"}}"#,
                    "ja"
                )
                .unwrap_err()
            ),
            "signals.passcode"
        );
        assert_eq!(
            field(diagnose("x", Some("linux"), "en").unwrap_err()),
            "platform"
        );
        assert_eq!(field(diagnose(" ", None, "en").unwrap_err()), "message");
        assert_eq!(field(classify_user_agent("").unwrap_err()), "user_agent");
        assert_eq!(field(guide("en", None, Some("17")).unwrap_err()), "device");
        assert_eq!(
            field(guide("en", Some("nokia"), None).unwrap_err()),
            "device"
        );
        assert_eq!(
            field(guide("en", Some("ios"), Some("new")).unwrap_err()),
            "os_version"
        );
    }

    #[test]
    fn a_diagnosis_carries_the_contents_words_in_the_pages_language() {
        let ja = diagnose("NotAllowedError", Some("windows"), "ja").unwrap();
        let en = diagnose("NotAllowedError", Some("windows"), "en").unwrap();
        assert!(!ja.is_empty());
        assert_eq!(ja.len(), en.len());
        for (ja, en) in ja.iter().zip(&en) {
            assert_eq!(ja.matched, en.matched);
            let (ja, en) = (ja.answer.as_deref().unwrap(), en.answer.as_deref().unwrap());
            assert_ne!(ja, en);
            assert!(!ja.is_empty() && !en.is_empty());
        }
    }

    #[test]
    fn the_guide_page_follows_device_and_version() {
        let all = guide("ja", None, None).unwrap();
        assert!(all.preparation.is_some() && all.devices.len() > 1);
        let iphone = guide("en", Some("ios"), None).unwrap();
        assert_eq!(iphone.devices.len(), 1);
        assert!(iphone.preparation.is_none());
        let ios17 = guide("en", Some("ios"), Some("17.4")).unwrap();
        assert_ne!(ios17.devices, iphone.devices);
    }
}
