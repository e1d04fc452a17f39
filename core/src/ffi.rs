//! The API the Kotlin and Swift SDKs call, through UniFFI. Compiled with the `uniffi`
//! feature only; the `bindings/` crate builds it into the native library.
//!
//! Errors cross as [`PasskeyReadyError`]: a small public type whose variants say which input
//! was wrong and why, while the core keeps its detailed error types. A panic, should one ever
//! happen, is caught by UniFFI and arrives as an exception: the release profile unwinds.
//!
//! Every export returns `Result`, even one that cannot fail today: UniFFI's Swift calls a
//! non-throwing export with `try!`, so a panic in it would trap the app instead of arriving
//! as an error (Kotlin gets `@Throws` and the same exception path). The Swift tests scan the
//! generated bindings for a `try!` on an exported call (GeneratedBindingsTests.swift).

use std::sync::{Arc, RwLock};

use crate::content::{check_service_name, render, Bundle, ContentStore, Guide, Locale};
use crate::diagnose::{self, DiagnosisMatch};
pub use crate::error::PasskeyReadyError;
use crate::error::{input_error, os_version_input};
use crate::readiness::{self, CheckId, DeviceSnapshot, ReadinessReport};
use crate::untrusted::quote;
use crate::useragent::{self, UserAgentInfo};
use crate::Platform;

/// One SDK instance: the content in use and the bank's service name.
#[derive(Debug, uniffi::Object)]
pub struct PasskeyReady {
    content: ContentStore,
    service: Option<String>,
    /// The guides with the service name filled in, for the bundle they were made from: a
    /// help screen re-checks on every return from Settings, and filling the whole guide each
    /// time would cost more than the evaluation itself.
    localized: RwLock<Option<Localized>>,
}

#[derive(Debug)]
struct Localized {
    bundle: Arc<Bundle>,
    ja: Arc<Guide>,
    en: Arc<Guide>,
}

#[uniffi::export]
impl PasskeyReady {
    /// The SDK with the embedded guide. `service` replaces `{service}` in every text
    /// (default: the content's own, プラスネット / PlusNet). It must pass the content-safety
    /// rules and be one line of at most [`crate::content::MAX_SERVICE_NAME_CHARS`]
    /// characters without `{` or `}`; otherwise `InvalidInput` with field `service`.
    #[uniffi::constructor]
    pub fn new(service: Option<String>) -> Result<Arc<Self>, PasskeyReadyError> {
        if let Some(name) = &service {
            check_service_name(name).map_err(|e| input_error("service", e))?;
        }
        Ok(Arc::new(PasskeyReady {
            content: ContentStore::embedded()?,
            service,
            localized: RwLock::new(None),
        }))
    }

    /// Replaces the content with a bundle (JSON), validated first. On any error the content
    /// in use stays exactly as it was.
    pub fn load_bundle(&self, json: String) -> Result<(), PasskeyReadyError> {
        Ok(self.content.load_json(&json)?)
    }

    /// Goes back to the embedded guide.
    pub fn reset_content(&self) -> Result<(), PasskeyReadyError> {
        Ok(self.content.reset()?)
    }

    /// The content in use as a bundle (JSON). Fallible like every export (see the module
    /// comment), though nothing in it fails today.
    pub fn export_bundle(&self) -> Result<String, PasskeyReadyError> {
        Ok(self.content.current().to_json())
    }

    /// The whole guide in `locale`, service name filled in, for a native help screen, with
    /// every OS version's steps (each part's `variants`).
    pub fn guide(&self, locale: Locale) -> Result<Guide, PasskeyReadyError> {
        Ok(Guide::clone(&self.localized(locale)))
    }

    /// The guide with the steps written for `os_version` of `platform` (`17.4`, `14`) in the
    /// device guides of that platform, instead of every version's (see [`Guide::for_os`]).
    /// A bad version is `InvalidInput` naming `os_version`.
    pub fn guide_for_os(
        &self,
        locale: Locale,
        platform: Platform,
        os_version: String,
    ) -> Result<Guide, PasskeyReadyError> {
        let version = os_version_input(&os_version)?;
        Ok(self.localized(locale).for_os(platform, &version))
    }

    /// The guide as Markdown (the whole page, or one device guide by id such as `android`).
    /// With `os_version`, the device guide shows the steps written for that version of its OS.
    #[uniffi::method(default(device = None, os_version = None))]
    pub fn guide_markdown(
        &self,
        locale: Locale,
        device: Option<String>,
        os_version: Option<String>,
    ) -> Result<String, PasskeyReadyError> {
        let guide = self.localized(locale);
        let Some(id) = device else {
            if os_version.is_some() {
                return Err(input_error(
                    "device",
                    "an os_version needs the device guide it is a version of",
                ));
            }
            return Ok(render::markdown(&guide));
        };
        let unknown = || input_error("device", format!("no device guide {}", quote(&id)));
        let Some(text) = os_version else {
            return render::device_markdown_of(&guide, &id).ok_or_else(unknown);
        };
        let version = os_version_input(&text)?;
        let mut resolved = Guide::clone(&guide);
        let device_guide = resolved
            .guides
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or_else(unknown)?;
        *device_guide = device_guide.for_version(&version);
        render::device_markdown_of(&resolved, &id).ok_or_else(unknown)
    }

    /// What stops a passkey registration on this device, in fixing order.
    pub fn evaluate(
        &self,
        snapshot: DeviceSnapshot,
        locale: Locale,
    ) -> Result<ReadinessReport, PasskeyReadyError> {
        Ok(readiness::evaluate(&snapshot, &self.localized(locale))?)
    }

    /// Ranked troubleshooting answers for a message, DOMException name or error code.
    pub fn diagnose(
        &self,
        input: String,
        platform: Option<Platform>,
    ) -> Result<Vec<DiagnosisMatch>, PasskeyReadyError> {
        Ok(diagnose::diagnose(
            &self.content.current(),
            &input,
            platform,
        )?)
    }
}

impl PasskeyReady {
    pub(crate) fn localized(&self, locale: Locale) -> Arc<Guide> {
        let pick = |l: &Localized| match locale {
            Locale::Ja => Arc::clone(&l.ja),
            Locale::En => Arc::clone(&l.en),
        };
        let bundle = self.content.current();
        // A poisoned lock holds either a whole cache entry or none: both are usable.
        if let Some(cached) = self
            .localized
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
        {
            if Arc::ptr_eq(&cached.bundle, &bundle) {
                return pick(cached);
            }
        }
        let fill = |l| Arc::new(bundle.guide(l).with_service(self.service.as_deref()));
        let fresh = Localized {
            ja: fill(Locale::Ja),
            en: fill(Locale::En),
            bundle: Arc::clone(&bundle),
        };
        let guide = pick(&fresh);
        *self.localized.write().unwrap_or_else(|e| e.into_inner()) = Some(fresh);
        guide
    }
}

/// The snapshot with the customer's answer to a question; evaluate it again to go on.
#[uniffi::export]
pub fn answer(
    snapshot: DeviceSnapshot,
    check: CheckId,
    yes: bool,
) -> Result<DeviceSnapshot, PasskeyReadyError> {
    Ok(snapshot.answered(check, yes)?)
}

/// A snapshot from its JSON form (the form `passkey-ready check` reads).
#[uniffi::export]
pub fn snapshot_from_json(json: String) -> Result<DeviceSnapshot, PasskeyReadyError> {
    Ok(DeviceSnapshot::from_json(&json)?)
}

/// Platform, browser and in-app browser from a user agent.
#[uniffi::export]
pub fn classify_user_agent(user_agent: String) -> Result<UserAgentInfo, PasskeyReadyError> {
    Ok(useragent::classify_user_agent(&user_agent)?)
}

/// The check id's string form (`screen_lock`), as in the content, reports and the CLI.
#[uniffi::export]
pub fn check_id_string(check: CheckId) -> Result<String, PasskeyReadyError> {
    Ok(check.as_str().to_owned())
}

/// Panics with `message`: lets the Kotlin and Swift tests show that a Rust panic arrives in
/// the host app as an exception (UniFFI catches the unwind at the FFI boundary) instead of
/// aborting it. Compiled only with the `panic-probe` feature, which the host test library
/// built by `cargo xtask` turns on; never in a shipped build.
///
/// It is declared fallible like the SDK's real entry points: UniFFI's Swift calls a
/// non-throwing function with `try!`, which would turn the panic into a trap.
#[cfg(feature = "panic-probe")]
#[uniffi::export]
// A panic is this function's whole purpose, in test builds only.
#[allow(clippy::panic)]
pub fn panic_probe(message: String) -> Result<(), PasskeyReadyError> {
    panic!("{message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filled_guide_follows_the_bundle_in_use() {
        let sdk = PasskeyReady::new(Some("テスト銀行".to_owned())).unwrap();
        let faq = |sdk: &PasskeyReady| {
            sdk.guide(Locale::Ja).unwrap().troubleshooting.faqs[0]
                .answer
                .clone()
        };
        assert!(faq(&sdk).contains("テスト銀行にアクセス"));

        let mut bundle: serde_json::Value =
            serde_json::from_str(&sdk.export_bundle().unwrap()).unwrap();
        bundle["locales"]["ja"]["troubleshooting"]["faqs"][0]["answer"] =
            "{service}の新しい案内".into();
        sdk.load_bundle(bundle.to_string()).unwrap();
        assert_eq!(faq(&sdk), "テスト銀行の新しい案内");

        sdk.reset_content().unwrap();
        assert!(faq(&sdk).contains("テスト銀行にアクセス"));
    }

    #[test]
    fn the_guide_follows_the_os_version() {
        let sdk = PasskeyReady::new(None).unwrap();
        let steps = |guide: &Guide| {
            let part = guide.part("ios.autofill").unwrap();
            (part.steps.clone(), part.variants.len())
        };
        let all = sdk.guide(Locale::En).unwrap();
        let ios17 = sdk
            .guide_for_os(Locale::En, Platform::Ios, "17.4".into())
            .unwrap();
        assert_eq!(steps(&all).1, 2);
        let variant = &all.part("ios.autofill").unwrap().variants[0];
        assert_eq!(steps(&ios17), (variant.steps.clone(), 0));
        let md = sdk
            .guide_markdown(Locale::En, Some("ios".into()), Some("17.4".into()))
            .unwrap();
        assert!(md.contains("Password Options") && !md.contains("On iOS 16"));
    }

    #[test]
    fn a_bad_os_version_is_an_input_error_naming_it() {
        let sdk = PasskeyReady::new(None).unwrap();
        let field = |err: PasskeyReadyError| match err {
            PasskeyReadyError::InvalidInput { field, .. } => field,
            other => panic!("{other:?}"),
        };
        for bad in ["", "latest", &"9".repeat(100)] {
            let err = sdk
                .guide_for_os(Locale::Ja, Platform::Ios, bad.to_owned())
                .unwrap_err();
            assert_eq!(field(err), "os_version", "{bad}");
            let err = sdk
                .guide_markdown(Locale::Ja, Some("ios".into()), Some(bad.to_owned()))
                .unwrap_err();
            assert_eq!(field(err), "os_version", "{bad}");
        }
        let err = sdk
            .guide_markdown(Locale::Ja, None, Some("17".into()))
            .unwrap_err();
        assert_eq!(field(err), "device");
    }
}
