//! What a web page can read about the customer's browser, turned into the same
//! [`DeviceSnapshot`](crate::readiness::DeviceSnapshot) a phone's shell builds, and the way
//! out of an app's built-in browser. Pure: the page's TypeScript shell reads, this decides.
//!
//! - [`BrowserReadings`] (`readings.rs`): `navigator.userAgent`, the User-Agent Client Hints
//!   (`platform`, `mobile`, high-entropy `platformVersion`), WebAuthn's
//!   `isUserVerifyingPlatformAuthenticatorAvailable()` and `getClientCapabilities()`; bounded
//!   and validated, every error naming the field.
//! - [`snapshot_from_browser`] (`snapshot.rs`): the platform, the OS version and only the
//!   signals a reading really implies (each rule with its source); everything else stays
//!   unknown and becomes a question.
//! - [`escape_route`] (`escape.rs`, `page_url.rs`): in an app's browser, a link that opens the
//!   current page in the standard browser where one is documented to work, always with the
//!   content's manual steps and the page's own URL to copy.

mod escape;
mod page_url;
mod readings;
mod snapshot;

pub use escape::{escape_route, EscapeKind, EscapeRoute, StandardBrowser};
pub use page_url::{PageUrl, MAX_PAGE_URL_BYTES};
pub use readings::{
    BrowserReadings, MAX_CAPABILITIES, MAX_CAPABILITY_KEY_BYTES, MAX_READINGS_BYTES,
    MAX_UA_FIELD_BYTES,
};
pub use snapshot::snapshot_from_browser;

/// A reading or a page URL refused: `field` names it (`platform_version`,
/// `client_capabilities.hybridTransport`, `page_url`), `reason` says why without quoting it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct BrowserError {
    pub field: String,
    pub reason: String,
}

impl BrowserError {
    pub(crate) fn new(field: impl Into<String>, reason: impl Into<String>) -> BrowserError {
        BrowserError {
            field: field.into(),
            reason: reason.into(),
        }
    }
}
