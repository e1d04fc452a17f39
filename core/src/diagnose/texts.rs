//! Texts the platforms show, recognised without the error's name: what a page gets in
//! `e.message` and shows as it is, what an app logs, what the OS writes in its own dialog.
//!
//! They are compared like the content's messages ([`super::message`]), but need no domain word:
//! each is a platform's fixed wording, specific by itself. A text that says more than the
//! code it comes with replaces the code's answers (`refines`): "Application with identifier …
//! is not associated with domain …" is the app's configuration, whatever else `1004` means.

use super::codes::{
    Answer, INVALID_STATE, NOT_ALLOWED, SECURITY_KEY_PIN, SITE_CONFIGURATION, USER_CANCELLED,
};
use super::MatchSource;

pub(crate) struct KnownText {
    /// As the platform writes it (folded and compared like a message).
    pub text: &'static str,
    pub source: MatchSource,
    pub answers: &'static [Answer],
    /// Canonical names of the codes whose answers this text replaces.
    pub refines: &'static [&'static str],
}

impl KnownText {
    /// A page's or the OS's wording is compared like the content's messages; an error's text
    /// is specific by itself.
    pub(crate) fn requires_domain(&self) -> bool {
        self.source == MatchSource::Message
    }
}

const fn known(
    text: &'static str,
    source: MatchSource,
    answers: &'static [Answer],
    refines: &'static [&'static str],
) -> KnownText {
    KnownText {
        text,
        source,
        answers,
        refines,
    }
}

use MatchSource::{AuthorizationError as Apple, CredentialManager as Android, DomException as Dom};

pub(crate) const KNOWN: &[KnownText] = &[
    // Chrome's `NotAllowedError` (cancelled, timed out, or the OS asked for something else).
    known(
        "The operation either timed out or was not allowed.",
        Dom,
        NOT_ALLOWED,
        &[],
    ),
    // Safari's and Firefox's `NotAllowedError` when a prompt was refused.
    known(
        "The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.",
        Dom,
        NOT_ALLOWED,
        &[],
    ),
    // Safari's `NotAllowedError` when the sheet was closed: the customer cancelled.
    known(
        "This request has been cancelled by the user.",
        Dom,
        USER_CANCELLED,
        &["NotAllowedError"],
    ),
    // Chrome's `InvalidStateError`: a passkey of this account is already on the authenticator.
    known(
        "The user attempted to register an authenticator that contains one of the credentials already registered with the relying party.",
        Dom,
        INVALID_STATE,
        &[],
    ),
    // Apple's text for the same (excludeCredentials matched).
    known(
        "At least one credential matches an entry of the excludeCredentials list in the platform attached authenticator.",
        Dom,
        INVALID_STATE,
        &[],
    ),
    // Chrome's `SecurityError`: the site's relying party id is not the page's domain.
    known(
        "The relying party ID is not a registrable domain suffix of, nor equal to the current domain.",
        Dom,
        SITE_CONFIGURATION,
        &["SecurityError"],
    ),
    known("This is an invalid domain.", Dom, SITE_CONFIGURATION, &["SecurityError"]),
    // Credential Manager / Google Play services: the app's Digital Asset Links do not match.
    known(
        "The incoming request cannot be validated",
        Android,
        SITE_CONFIGURATION,
        &["TYPE_UNKNOWN", "SecurityError"],
    ),
    known(
        "RP ID cannot be validated.",
        Android,
        SITE_CONFIGURATION,
        &["TYPE_UNKNOWN", "SecurityError"],
    ),
    known(
        "app not found in asset links",
        Android,
        SITE_CONFIGURATION,
        &["TYPE_UNKNOWN"],
    ),
    // iOS/macOS: the app's associated domains do not include the relying party.
    known(
        "is not associated with domain",
        Apple,
        SITE_CONFIGURATION,
        &["1004", "1000"],
    ),
    known(
        "Unable to verify webcredentials association of",
        Apple,
        SITE_CONFIGURATION,
        &["1004", "1000"],
    ),
    // Pages' own wording for a cancelled registration.
    known(
        "パスキー登録がキャンセルされました。",
        MatchSource::Message,
        USER_CANCELLED,
        &[],
    ),
    known(
        "Passkey registration was cancelled.",
        MatchSource::Message,
        USER_CANCELLED,
        &[],
    ),
    known(
        "Passkey registration was canceled.",
        MatchSource::Message,
        USER_CANCELLED,
        &[],
    ),
    // Windows asks for a security key's PIN when Windows Hello is not set up.
    known(
        "セキュリティ キーの PIN を入力してください。",
        MatchSource::Message,
        SECURITY_KEY_PIN,
        &[],
    ),
    known(
        "Please enter your security key PIN.",
        MatchSource::Message,
        SECURITY_KEY_PIN,
        &[],
    ),
];
