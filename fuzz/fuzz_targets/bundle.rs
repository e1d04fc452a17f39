//! Content bundles from arbitrary bytes: `Bundle::from_json`, `Bundle::from_json_with` (one
//! allowed link host) and `ContentStore::load_json`. Checks, beyond "no panic":
//! - a bundle that loads survives export → load unchanged, and renders;
//! - a bundle that is refused leaves the content in use exactly as it was.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use passkey_ready_core::content::{render, Bundle, ContentStore, LoadPolicy, Locale};

fn embedded() -> &'static Bundle {
    static EMBEDDED: OnceLock<Bundle> = OnceLock::new();
    EMBEDDED.get_or_init(|| Bundle::embedded().expect("the embedded bundle is valid"))
}

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    let policy = LoadPolicy::allowing_links_to(["www.bank.example"]);

    let strict = Bundle::from_json(&json);
    let lenient = Bundle::from_json_with(&json, &policy);
    // Allowing a link host can only accept more.
    if let Ok(bundle) = &strict {
        assert_eq!(lenient.as_ref().ok(), Some(bundle));
    }
    if let Ok(bundle) = &lenient {
        let again = Bundle::from_json_with(&bundle.to_json(), &policy).expect("export loads");
        assert_eq!(&again, bundle);
        for locale in Locale::ALL {
            let guide = bundle.guide(locale).with_service(Some("Fuzz<Bank>"));
            let _ = render::text(&guide);
            let _ = render::markdown(&guide);
        }
    }

    let store = ContentStore::with(embedded().clone());
    match store.load_json(&json) {
        Ok(()) => assert_eq!(Some(&*store.current()), strict.as_ref().ok()),
        Err(_) => assert_eq!(&*store.current(), embedded()),
    }
});
