//! Error codes: recognising them in what the app or the customer pasted, and what each one
//! most plausibly means for this guide.
//!
//! Three families are recognised, anywhere in the text and in any letter case:
//!
//! - **WebAuthn `DOMException` names**: `NotAllowedError`, `InvalidStateError`,
//!   `NotSupportedError`, `SecurityError`, `AbortError`, `ConstraintError`, `UnknownError`, with
//!   or without a `DOMException:` prefix.
//! - **Android Credential Manager** (`CreateCredentialException` of the framework and of
//!   androidx): the type strings (`android.credentials.CreateCredentialException.TYPE_NO_CREATE_OPTIONS`,
//!   `…TYPE_USER_CANCELED`, `…TYPE_INTERRUPTED`, `…TYPE_UNKNOWN`,
//!   `androidx.credentials.TYPE_CREATE_CREDENTIAL_UNSUPPORTED_EXCEPTION`,
//!   `androidx.credentials.TYPE_CREATE_CREDENTIAL_PROVIDER_CONFIGURATION_EXCEPTION`), the names
//!   of the androidx constants holding them (`TYPE_CREATE_CREDENTIAL_NO_CREATE_OPTION`,
//!   `TYPE_CREATE_CREDENTIAL_CANCELLATION_EXCEPTION` …, also written `…_CANCELLED`,
//!   `…_INTERRUPTED`, `…_UNKNOWN`, `…_UNSUPPORTED`), the exception classes
//!   (`CreateCredentialNoCreateOptionException` …) and the WebAuthn errors Credential Manager
//!   wraps (`androidx.credentials.TYPE_CREATE_PUBLIC_KEY_CREDENTIAL_DOM_EXCEPTION/androidx.credentials.TYPE_NOT_ALLOWED_ERROR`,
//!   or a DOM name next to `CreatePublicKeyCredentialDomException`). The bare
//!   `TYPE_USER_CANCELED`, `TYPE_INTERRUPTED` and `TYPE_UNKNOWN` count only under
//!   `CreateCredentialException` (sign-in's `GetCredentialException` has the same names).
//! - **iOS/macOS `ASAuthorizationError`**: a code 1000–1010 in a text that names the error
//!   (`ASAuthorizationError 1004`, `ASAuthorizationErrorDomain Code=1004`,
//!   `(com.apple.AuthenticationServices.AuthorizationError error 1004.)`) or alone (`1004`), and
//!   the names `ASAuthorizationError.failed`, `ASAuthorizationError.Code.failed`, `.failed` in a
//!   text that names the error, `ASAuthorizationErrorFailed`.
//!
//! Unknown names match nothing. What each code is taken to mean is in the tables below, with
//! the reason. Each answer says what most likely went wrong (its `cause`) and which of the
//! content's explanations tells the customer; an answer with no FAQ and no checks means
//! "recognised, and nothing on the device needs setting up" (already registered, cancelled,
//! interrupted, or the configuration of the app or the site).

use crate::readiness::CheckId;
use crate::Platform;

use super::normalize::fold;
use super::{Cause, MatchSource};

/// One thing a code may mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Answer {
    /// The FAQ that answers it, when the content has it.
    pub faq: Option<&'static str>,
    /// The checks to look at (put in fixing order later). For an answer with a FAQ, used only
    /// when the content lacks the FAQ; otherwise the FAQ's own checks are.
    pub checks: &'static [CheckId],
    /// Where the answer holds; empty: everywhere.
    pub scope: &'static [Platform],
    pub confidence: u8,
    pub cause: Cause,
    /// The id of the content's text explaining the answer when there is no FAQ
    /// (`troubleshooting.explanations`, see [`super::EXPLANATIONS`]).
    pub explanation: &'static str,
}

impl Answer {
    /// The same answer, for another cause and with another explanation.
    const fn because(self, cause: Cause, explanation: &'static str) -> Answer {
        Answer {
            cause,
            explanation,
            ..self
        }
    }
}

/// A code (or a platform's text for one, see `texts`) found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub source: MatchSource,
    /// The code's canonical name (`NotAllowedError`, `TYPE_NO_CREATE_OPTIONS`, `1004`), or the
    /// platform's text.
    pub code: &'static str,
    /// The platforms the code itself belongs to; empty: any.
    pub implied: &'static [Platform],
    pub answers: &'static [Answer],
}

use CheckId as C;
use Platform as P;

const ANY: &[Platform] = &[];
const ANDROID: &[Platform] = &[P::Android];
const APPLE_MOBILE: &[Platform] = &[P::Ios, P::Ipados];
const APPLE: &[Platform] = &[P::Ios, P::Ipados, P::Macos];
const MAC: &[Platform] = &[P::Macos];
const WINDOWS: &[Platform] = &[P::Windows];
const MOBILE: &[Platform] = &[P::Android, P::Ios, P::Ipados];

/// What the guide has the customer set up on each platform for a passkey to be saved.
const ANDROID_SETUP: &[CheckId] = &[C::ScreenLock, C::GoogleAccount, C::GoogleAutofill];
const APPLE_MOBILE_SETUP: &[CheckId] = &[
    C::Passcode,
    C::AppleAccount,
    C::IcloudKeychainSync,
    C::AutofillPasswordsPasskeys,
];
const MAC_SETUP: &[CheckId] = &[C::AppleAccount, C::TwoFactorAuth, C::IcloudKeychainSync];
const WINDOWS_HELLO_SETUP: &[CheckId] = &[C::DevicePassword, C::WindowsHello];

const IN_APP_BROWSER: Option<&str> = Some("faq.in_app_browser");
pub(crate) const SECURITY_KEY_PROMPT_FAQ: &str = "faq.security_key_prompt";
const SECURITY_KEY_PROMPT: Option<&str> = Some(SECURITY_KEY_PROMPT_FAQ);

// Explanations (ids of `troubleshooting.explanations`).
pub(crate) const DEVICE_SETUP: &str = "diagnosis.device_setup";
pub(crate) const NOT_ALLOWED_TEXT: &str = "diagnosis.not_allowed";
pub(crate) const CANCELLED_TEXT: &str = "diagnosis.cancelled";
pub(crate) const ALREADY_REGISTERED_TEXT: &str = "diagnosis.already_registered";
pub(crate) const INTERRUPTED_TEXT: &str = "diagnosis.interrupted";
pub(crate) const SITE_CONFIGURATION_TEXT: &str = "diagnosis.site_configuration";
pub(crate) const UNSUPPORTED_TEXT: &str = "diagnosis.unsupported";
pub(crate) const SCREEN_LOCK_TEXT: &str = "diagnosis.screen_lock";
pub(crate) const APPLE_NOT_CONFIGURED_TEXT: &str = "diagnosis.apple_not_configured";
pub(crate) const PROVIDER_SETTINGS_TEXT: &str = "diagnosis.provider_settings";

const fn answer(
    faq: Option<&'static str>,
    checks: &'static [CheckId],
    scope: &'static [Platform],
    confidence: u8,
) -> Answer {
    Answer {
        faq,
        checks,
        scope,
        confidence,
        cause: Cause::CustomerDevice,
        explanation: DEVICE_SETUP,
    }
}

/// Recognised; nothing on the device to set up.
const fn nothing_to_set_up(confidence: u8, cause: Cause, explanation: &'static str) -> Answer {
    answer(None, &[], ANY, confidence).because(cause, explanation)
}

/// The site's or the app's configuration (relying party id, associated domains, asset links):
/// nothing the customer can set up; the support team needs to know.
pub(crate) const fn site_configuration(confidence: u8) -> Answer {
    nothing_to_set_up(
        confidence,
        Cause::SiteConfiguration,
        SITE_CONFIGURATION_TEXT,
    )
}

const fn already_registered(confidence: u8) -> Answer {
    nothing_to_set_up(
        confidence,
        Cause::AlreadyRegistered,
        ALREADY_REGISTERED_TEXT,
    )
}

const fn interrupted(confidence: u8) -> Answer {
    nothing_to_set_up(confidence, Cause::Interrupted, INTERRUPTED_TEXT)
}

// --- WebAuthn DOMException -------------------------------------------------------------------

/// The request was refused: the customer cancelled or it timed out, very often because the
/// OS showed an unexpected prompt instead of saving the passkey. On Windows without Windows
/// Hello that prompt is the security-key dialog of `faq.security_key_prompt`; on the other
/// platforms it asks for the setting the guide describes. In an in-app browser on a smartphone
/// the bank's page reports 「パスキー登録が中断されました。」, which can come from this error.
pub(crate) const NOT_ALLOWED: &[Answer] = &[
    answer(SECURITY_KEY_PROMPT, WINDOWS_HELLO_SETUP, WINDOWS, 45),
    answer(None, ANDROID_SETUP, ANDROID, 40).because(Cause::CustomerDevice, NOT_ALLOWED_TEXT),
    answer(None, APPLE_MOBILE_SETUP, APPLE_MOBILE, 40)
        .because(Cause::CustomerDevice, NOT_ALLOWED_TEXT),
    answer(None, MAC_SETUP, MAC, 40).because(Cause::CustomerDevice, NOT_ALLOWED_TEXT),
    answer(IN_APP_BROWSER, &[C::StandardBrowser], MOBILE, 35),
];

/// The customer cancelled (Safari's "This request has been cancelled by the user.", a page's
/// 「パスキー登録がキャンセルされました」): try again; the setup is the next thing to look at
/// when the cancellation followed a prompt for a setting.
pub(crate) const USER_CANCELLED: &[Answer] = &[
    nothing_to_set_up(60, Cause::Cancelled, CANCELLED_TEXT),
    answer(None, ANDROID_SETUP, ANDROID, 30).because(Cause::Cancelled, CANCELLED_TEXT),
    answer(None, APPLE_MOBILE_SETUP, APPLE_MOBILE, 30).because(Cause::Cancelled, CANCELLED_TEXT),
    answer(None, MAC_SETUP, MAC, 25).because(Cause::Cancelled, CANCELLED_TEXT),
];

/// The platform asked for a security key (Windows' 「セキュリティ キーの PIN を入力してください」):
/// the symptom of `faq.security_key_prompt`, Windows Hello not set up.
pub(crate) const SECURITY_KEY_PIN: &[Answer] = &[answer(
    SECURITY_KEY_PROMPT,
    WINDOWS_HELLO_SETUP,
    WINDOWS,
    90,
)];

/// The security-key prompt on Android: Chrome asks for an external security key when the
/// device has no screen lock, so the passkey cannot be saved on the phone.
pub(crate) const SECURITY_KEY_PROMPT_ON_ANDROID: Answer =
    answer(None, &[C::ScreenLock], ANDROID, 100).because(Cause::CustomerDevice, SCREEN_LOCK_TEXT);

/// A configuration error the platform states in words (RP ID, associated domains, asset
/// links).
pub(crate) const SITE_CONFIGURATION: &[Answer] = &[site_configuration(90)];

/// A passkey for this account is already on the authenticator (excludeCredentials matched):
/// nothing to set up, the customer can sign in with it.
pub(crate) const INVALID_STATE: &[Answer] = &[already_registered(90)];

/// The browser cannot create a passkey at all: on a smartphone, almost always an app's
/// built-in browser (WebView); elsewhere, or also, an old OS or browser.
const NOT_SUPPORTED: &[Answer] = &[
    answer(IN_APP_BROWSER, &[C::StandardBrowser], MOBILE, 70),
    answer(None, &[C::OsVersion, C::StandardBrowser], ANY, 35)
        .because(Cause::CustomerDevice, UNSUPPORTED_TEXT),
];

/// The site asked for a passkey of a domain the page is not on (the relying party id is not
/// the page's domain or a suffix of it, or the app is not associated with the domain): the
/// site's or the app's configuration, which no setting on the device fixes. Less often, on a
/// smartphone, a page embedded in an app's built-in browser.
const SECURITY: &[Answer] = &[
    site_configuration(60),
    answer(IN_APP_BROWSER, &[C::StandardBrowser], MOBILE, 30),
];

/// The page itself stopped the request (another request, leaving the page): try again.
const ABORT: &[Answer] = &[interrupted(30)];

/// The authenticator cannot verify the user: no screen lock, passcode or Windows Hello.
const CONSTRAINT: &[Answer] = &[
    answer(None, &[C::ScreenLock], ANDROID, 55),
    answer(None, &[C::Passcode], APPLE_MOBILE, 55),
    answer(SECURITY_KEY_PROMPT, WINDOWS_HELLO_SETUP, WINDOWS, 50),
];

/// The authenticator failed for a reason it does not say: the device setup is the only thing
/// the guide can offer.
const UNKNOWN: &[Answer] = &[
    answer(None, ANDROID_SETUP, ANDROID, 30),
    answer(None, APPLE_MOBILE_SETUP, APPLE_MOBILE, 25),
    answer(None, MAC_SETUP, MAC, 25),
    answer(None, WINDOWS_HELLO_SETUP, WINDOWS, 25),
];

/// Name, androidx `DomError` type (both lower case), meanings.
const DOM_NAMES: [(&str, &str, &[Answer]); 7] = [
    ("NotAllowedError", "type_not_allowed_error", NOT_ALLOWED),
    (
        "InvalidStateError",
        "type_invalid_state_error",
        INVALID_STATE,
    ),
    (
        "NotSupportedError",
        "type_not_supported_error",
        NOT_SUPPORTED,
    ),
    ("SecurityError", "type_security_error", SECURITY),
    ("AbortError", "type_abort_error", ABORT),
    ("ConstraintError", "type_constraint_error", CONSTRAINT),
    ("UnknownError", "type_unknown_error", UNKNOWN),
];

// --- Android Credential Manager --------------------------------------------------------------

/// No provider offered to save the passkey: no screen lock, no Google account, or Google
/// Password Manager not the autofill/passkey provider.
/// When a provider is set up, its settings: developers report that turning the preferred
/// service off and on again clears it, and a third-party service chosen instead of Google
/// Password Manager is where the passkey would be saved.
const NO_CREATE_OPTION: &[Answer] = &[
    answer(None, ANDROID_SETUP, ANDROID, 90),
    answer(None, &[C::GoogleAutofill], ANDROID, 60)
        .because(Cause::CustomerDevice, PROVIDER_SETTINGS_TEXT),
];
/// The customer closed the sheet, often because it asked for a setting first.
const CANCELLED: &[Answer] =
    &[answer(None, ANDROID_SETUP, ANDROID, 30).because(Cause::Cancelled, CANCELLED_TEXT)];
/// Interrupted inside the system ("retrying should fix it"): nothing to set up.
const INTERRUPTED: &[Answer] = &[interrupted(50)];
const CM_UNKNOWN: &[Answer] = &[answer(None, ANDROID_SETUP, ANDROID, 30)];
/// Credential Manager is not available on this device: too old an Android (or no Google
/// Play services).
const UNSUPPORTED: &[Answer] =
    &[answer(None, &[C::OsVersion], ANDROID, 60).because(Cause::CustomerDevice, UNSUPPORTED_TEXT)];
/// The app is missing its Credential Manager provider library: the app's problem.
const PROVIDER_CONFIGURATION: &[Answer] = &[site_configuration(40)];
/// A WebAuthn error without its name.
const CM_DOM: &[Answer] = &[answer(None, ANDROID_SETUP, ANDROID, 30)];

const DOM_WRAPPER: &str = "TYPE_CREATE_PUBLIC_KEY_CREDENTIAL_DOM_EXCEPTION";

/// Canonical name, the names (lower case) it is written as, meanings.
const CREDENTIAL_MANAGER: [(&str, &[&str], &[Answer]); 7] = [
    (
        "TYPE_NO_CREATE_OPTIONS",
        &[
            "type_no_create_options",
            "type_create_credential_no_create_option",
            "type_create_credential_no_create_options",
            "createcredentialnocreateoptionexception",
            // How developers and forums name it for short.
            "nocreateoptionexception",
        ],
        NO_CREATE_OPTION,
    ),
    (
        "TYPE_USER_CANCELED",
        &[
            "type_create_credential_cancellation_exception",
            "type_create_credential_cancelled",
            "type_create_credential_canceled",
            "createcredentialcancellationexception",
        ],
        CANCELLED,
    ),
    (
        "TYPE_INTERRUPTED",
        &[
            "type_create_credential_interrupted_exception",
            "type_create_credential_interrupted",
            "createcredentialinterruptedexception",
        ],
        INTERRUPTED,
    ),
    (
        "TYPE_UNKNOWN",
        &[
            "type_create_credential_unknown_exception",
            "type_create_credential_unknown",
            "createcredentialunknownexception",
        ],
        CM_UNKNOWN,
    ),
    (
        "TYPE_CREATE_CREDENTIAL_UNSUPPORTED_EXCEPTION",
        &[
            "type_create_credential_unsupported_exception",
            "type_create_credential_unsupported",
            "createcredentialunsupportedexception",
        ],
        UNSUPPORTED,
    ),
    (
        "TYPE_CREATE_CREDENTIAL_PROVIDER_CONFIGURATION_EXCEPTION",
        &[
            "type_create_credential_provider_configuration_exception",
            "createcredentialproviderconfigurationexception",
        ],
        PROVIDER_CONFIGURATION,
    ),
    (
        DOM_WRAPPER,
        &[
            "type_create_public_key_credential_dom_exception",
            "createpublickeycredentialdomexception",
        ],
        CM_DOM,
    ),
];

/// Framework type names shared with sign-in's `GetCredentialException`: they count only under
/// `CreateCredentialException`.
const CREDENTIAL_MANAGER_SHARED: [(&str, &str, &[Answer]); 3] = [
    ("TYPE_USER_CANCELED", "type_user_canceled", CANCELLED),
    ("TYPE_INTERRUPTED", "type_interrupted", INTERRUPTED),
    ("TYPE_UNKNOWN", "type_unknown", CM_UNKNOWN),
];

// --- ASAuthorizationError --------------------------------------------------------------------

/// Cancelled by the customer; iOS cancels, too, when it asks to turn on iCloud Keychain or set a
/// passcode and the customer declines.
const AS_CANCELED: &[Answer] = &[
    answer(None, APPLE_MOBILE_SETUP, APPLE_MOBILE, 30).because(Cause::Cancelled, CANCELLED_TEXT),
    answer(None, MAC_SETUP, MAC, 25).because(Cause::Cancelled, CANCELLED_TEXT),
];
/// Failed with no reason given (1000): also what "save on another device" ends with.
const AS_UNKNOWN: &[Answer] = &[
    answer(None, APPLE_MOBILE_SETUP, APPLE_MOBILE, 30),
    answer(None, MAC_SETUP, MAC, 25),
];
/// The response or the request was not valid for the app (1002, 1005): the app's problem.
const AS_APP_PROBLEM: &[Answer] = &[site_configuration(30)];
/// Nothing handled the request (1003): no passkey store is set up (iCloud Keychain off,
/// AutoFill off, no passcode).
const AS_NOT_HANDLED: &[Answer] = &[
    answer(None, APPLE_MOBILE_SETUP, APPLE_MOBILE, 60),
    answer(None, MAC_SETUP, MAC, 55),
];
/// Failed (1004): most often the device setup; it can also be the app's associated domain
/// (then the error's text says "… is not associated with domain …", see `texts`).
const AS_FAILED: &[Answer] = &[
    answer(None, APPLE_MOBILE_SETUP, APPLE_MOBILE, 55),
    answer(None, MAC_SETUP, MAC, 50),
    site_configuration(20),
];
/// Already registered on this device (1006).
const AS_EXCLUDED: &[Answer] = &[already_registered(90)];
/// The device is not set up to create passkeys (1010, `deviceNotConfiguredForPasskeyCreation`,
/// iOS/macOS 26): a passkey needs a passcode and iCloud Keychain (on a Mac, iCloud Keychain).
const AS_NOT_CONFIGURED: &[Answer] = &[
    answer(
        None,
        &[C::Passcode, C::IcloudKeychainSync],
        APPLE_MOBILE,
        85,
    )
    .because(Cause::CustomerDevice, APPLE_NOT_CONFIGURED_TEXT),
    answer(None, &[C::IcloudKeychainSync], MAC, 80)
        .because(Cause::CustomerDevice, APPLE_NOT_CONFIGURED_TEXT),
];

/// Codes, Swift case names (lower case) and meanings. 1007–1009 (credential import and export,
/// "prefer Sign in with Apple") are not about registering a passkey: no answer.
const AUTHORIZATION: [(&str, &[&str], &[Answer]); 11] = [
    ("1000", &["unknown"], AS_UNKNOWN),
    ("1001", &["canceled", "cancelled"], AS_CANCELED),
    ("1002", &["invalidresponse"], AS_APP_PROBLEM),
    ("1003", &["nothandled"], AS_NOT_HANDLED),
    ("1004", &["failed"], AS_FAILED),
    ("1005", &["notinteractive"], AS_APP_PROBLEM),
    ("1006", &["matchedexcludedcredential"], AS_EXCLUDED),
    ("1007", &["credentialimport"], &[]),
    ("1008", &["credentialexport"], &[]),
    ("1009", &["prefersigninwithapple"], &[]),
    (
        "1010",
        &["devicenotconfiguredforpasskeycreation"],
        AS_NOT_CONFIGURED,
    ),
];

const AUTHORIZATION_PREFIX: &str = "asauthorizationerror";

// --- Recognition -----------------------------------------------------------------------------

/// The platforms a code or text of this kind comes from; empty: any.
pub(crate) fn implied(source: MatchSource) -> &'static [Platform] {
    match source {
        MatchSource::CredentialManager => ANDROID,
        MatchSource::AuthorizationError => APPLE,
        MatchSource::DomException | MatchSource::Message => ANY,
    }
}

/// A run of identifier characters, split at dots: `androidx.credentials.TYPE_X` →
/// `["androidx", "credentials", "type_x"]`, lower case.
fn tokens(lower: &str) -> Vec<Vec<&str>> {
    lower
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.is_empty())
        .map(|t| t.split('.').collect())
        .collect()
}

/// Every code in the text, in the order first seen, each once.
pub(crate) fn recognise(text: &str) -> Vec<Hit> {
    let lower = fold(text).to_ascii_lowercase();
    let tokens = tokens(&lower);
    let mut hits: Vec<Hit> = Vec::new();
    let mut push = |source: MatchSource, code: &'static str, answers: &'static [Answer]| {
        let implied = implied(source);
        if !hits.iter().any(|h| h.source == source && h.code == code) {
            hits.push(Hit {
                source,
                code,
                implied,
                answers,
            });
        }
    };

    let credential_manager_dom = lower.contains("createpublickeycredentialdomexception")
        || lower.contains("type_create_public_key_credential_dom_exception");
    let create_credential = lower.contains("createcredential");
    let get_credential = lower.contains("getcredential");
    let authorization = lower.contains("authorizationerror");
    // The input with nothing but spaces and punctuation around: a bare number.
    let whole = lower.trim_matches(|c: char| !c.is_alphanumeric());

    for token in &tokens {
        for (k, segment) in token.iter().copied().enumerate() {
            let previous = k.checked_sub(1).and_then(|p| token.get(p)).copied();
            let under_credentials = token.iter().take(k).any(|s| *s == "credentials");

            // WebAuthn names, plain or as androidx DomError types.
            for (name, androidx_type, answers) in DOM_NAMES {
                if segment == androidx_type
                    || (segment.eq_ignore_ascii_case(name)
                        && (credential_manager_dom || under_credentials))
                {
                    push(MatchSource::CredentialManager, name, answers);
                } else if segment.eq_ignore_ascii_case(name) {
                    push(MatchSource::DomException, name, answers);
                }
            }

            for (code, names, answers) in CREDENTIAL_MANAGER {
                if names.contains(&segment) {
                    push(MatchSource::CredentialManager, code, answers);
                }
            }
            for (code, name, answers) in CREDENTIAL_MANAGER_SHARED {
                let under_create = match previous {
                    Some(p) => p == "createcredentialexception",
                    None => create_credential && !get_credential,
                };
                if segment == name && under_create {
                    push(MatchSource::CredentialManager, code, answers);
                }
            }

            for (code, names, answers) in AUTHORIZATION {
                let by_number = segment == code && (authorization || whole == segment);
                let by_name = names.iter().copied().any(|name| {
                    segment.strip_prefix(AUTHORIZATION_PREFIX) == Some(name)
                        || (segment == name
                            && match previous {
                                Some(AUTHORIZATION_PREFIX) => true,
                                Some("code" | "") => authorization,
                                _ => false,
                            })
                });
                if (by_number || by_name) && !answers.is_empty() {
                    push(MatchSource::AuthorizationError, code, answers);
                }
            }
        }
    }
    // The DOM wrapper says less than the DomError type it carries.
    let dom_type_seen = hits
        .iter()
        .any(|h| h.source == MatchSource::CredentialManager && h.code.ends_with("Error"));
    if dom_type_seen {
        hits.retain(|h| h.code != DOM_WRAPPER);
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (MatchSource, &'static [Answer]) {
        let hits = recognise(text);
        assert_eq!(hits.len(), 1, "{text}: {hits:?}");
        let hit = hits.first().copied().unwrap();
        (hit.source, hit.answers)
    }

    #[test]
    fn dom_exceptions() {
        assert_eq!(
            one("NotAllowedError"),
            (MatchSource::DomException, NOT_ALLOWED)
        );
        assert_eq!(
            one("DOMException: InvalidStateError: The user attempted to register an authenticator that contains one of the credentials already registered with the relying party."),
            (MatchSource::DomException, INVALID_STATE)
        );
        assert_eq!(
            one("ｎｏｔｓｕｐｐｏｒｔｅｄｅｒｒｏｒ"),
            (MatchSource::DomException, NOT_SUPPORTED)
        );
        assert!(recognise("NotReadableError").is_empty());
        assert!(recognise("TypeError: undefined").is_empty());
    }

    #[test]
    fn credential_manager() {
        for text in [
            "android.credentials.CreateCredentialException.TYPE_NO_CREATE_OPTIONS",
            "androidx.credentials.TYPE_CREATE_CREDENTIAL_NO_CREATE_OPTION",
            "androidx.credentials.exceptions.CreateCredentialNoCreateOptionException: No create options available.",
        ] {
            assert_eq!(one(text), (MatchSource::CredentialManager, NO_CREATE_OPTION));
        }
        assert_eq!(
            one("android.credentials.CreateCredentialException.TYPE_USER_CANCELED"),
            (MatchSource::CredentialManager, CANCELLED)
        );
        assert_eq!(
            one("androidx.credentials.TYPE_CREATE_PUBLIC_KEY_CREDENTIAL_DOM_EXCEPTION/androidx.credentials.TYPE_INVALID_STATE_ERROR"),
            (MatchSource::CredentialManager, INVALID_STATE)
        );
        assert!(
            recognise("android.credentials.GetCredentialException.TYPE_USER_CANCELED").is_empty()
        );
        assert!(recognise("TYPE_UNKNOWN").is_empty());
    }

    #[test]
    fn authorization_errors() {
        for text in [
            "1004",
            "ASAuthorizationError 1004",
            "ASAuthorizationErrorDomain Code=1004",
            "The operation couldn’t be completed. (com.apple.AuthenticationServices.AuthorizationError error 1004.)",
            "ASAuthorizationError.failed",
            "ASAuthorizationError.Code.failed",
            "ASAuthorizationErrorFailed",
        ] {
            assert_eq!(one(text), (MatchSource::AuthorizationError, AS_FAILED), "{text}");
        }
        assert!(recognise("failed").is_empty());
        assert!(recognise("line 1004 of the log").is_empty());
        assert!(recognise("エラーコード1004").is_empty());
        assert_eq!(one(" 1004。"), (MatchSource::AuthorizationError, AS_FAILED));
        assert!(recognise("ASAuthorizationError 1008").is_empty());
    }
}
