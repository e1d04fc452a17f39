//! `diagnose` against the embedded content. The first byte picks the platform (none or one
//! of five), the rest is the text. Every section returned must exist in the content and
//! confidences stay within 0–100, best first.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use passkey_ready_core::content::{Bundle, Locale};
use passkey_ready_core::diagnose::diagnose;
use passkey_ready_core::Platform;

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| Bundle::embedded().expect("the embedded bundle is valid"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, text)) = data.split_first() else {
        return;
    };
    let platform = Platform::ALL.get(usize::from(selector % 6)).copied();
    let text = String::from_utf8_lossy(text);
    let Ok(matches) = diagnose(bundle(), &text, platform) else {
        return;
    };
    let guide = bundle().guide(Locale::Ja);
    for m in &matches {
        assert!(m.confidence <= 100);
        for section in &m.sections {
            assert!(guide.part(section).is_some(), "{section}");
        }
    }
    assert!(matches
        .windows(2)
        .all(|w| w[0].confidence >= w[1].confidence));
});
