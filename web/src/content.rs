//! The embedded guide, with the content's own service name filled in, once per page: a help
//! screen is recomputed on every answer, and filling the whole guide each time would cost
//! more than the evaluation itself. A page has no way to load another bundle (yet), so the
//! cache never goes stale.

use std::sync::{Arc, OnceLock};

use passkey_ready_core::content::{Bundle, Guide, Locale};
use passkey_ready_core::PasskeyReadyError;

pub(crate) struct Content {
    pub bundle: Arc<Bundle>,
    ja: Arc<Guide>,
    en: Arc<Guide>,
}

impl Content {
    pub fn guide(&self, locale: Locale) -> Arc<Guide> {
        match locale {
            Locale::Ja => Arc::clone(&self.ja),
            Locale::En => Arc::clone(&self.en),
        }
    }
}

static CONTENT: OnceLock<Result<Content, PasskeyReadyError>> = OnceLock::new();

pub(crate) fn content() -> Result<&'static Content, PasskeyReadyError> {
    CONTENT
        .get_or_init(|| {
            let bundle = Arc::new(Bundle::embedded()?);
            let fill = |locale| Arc::new(bundle.guide(locale).with_service(None));
            Ok(Content {
                ja: fill(Locale::Ja),
                en: fill(Locale::En),
                bundle,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}
