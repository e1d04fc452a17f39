//! Device snapshots from arbitrary bytes: `DeviceSnapshot::from_json`, then `evaluate` in ja
//! and en. A snapshot that parses must evaluate, and survive `to_json` → `from_json` (but
//! for its user agent, which the export keeps only as its classification).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use passkey_ready_core::content::{Bundle, Guide, Locale};
use passkey_ready_core::readiness::{evaluate, DeviceSnapshot};

fn guides() -> &'static [Guide; 2] {
    static GUIDES: OnceLock<[Guide; 2]> = OnceLock::new();
    GUIDES.get_or_init(|| {
        let bundle = Bundle::embedded().expect("the embedded bundle is valid");
        Locale::ALL.map(|locale| bundle.guide(locale).with_service(None))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(snapshot) = DeviceSnapshot::from_json(json) else {
        return;
    };
    // The export keeps the user agent only as its classification.
    let exported = DeviceSnapshot {
        user_agent: None,
        ..snapshot.clone()
    };
    assert_eq!(
        DeviceSnapshot::from_json(&snapshot.to_json()).as_ref(),
        Ok(&exported)
    );
    for guide in guides() {
        let report = evaluate(&snapshot, guide).expect("a parsed snapshot evaluates");
        assert_eq!(evaluate(&snapshot, guide).as_ref(), Ok(&report));
    }
});
