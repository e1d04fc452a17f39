//! `classify_user_agent` on arbitrary text. Beyond "no panic": an app's browser never
//! registers (whatever the system), an unknown system outside an app gives no verdict (but
//! Internet Explorer, which has no WebAuthn, a "no"), and the
//! answer is the same twice.

#![no_main]

use libfuzzer_sys::fuzz_target;
use passkey_ready_core::useragent::classify_user_agent;

fuzz_target!(|data: &[u8]| {
    let ua = String::from_utf8_lossy(data);
    let Ok(info) = classify_user_agent(&ua) else {
        return;
    };
    if info.in_app.is_some() {
        assert_eq!(info.can_register, Some(false));
        assert_eq!(info.standard_browser, Some(false));
    }
    // Internet Explorer has no WebAuthn on any system: a "no" even where the system is unknown.
    let internet_explorer = ["Trident/", "MSIE "].iter().any(|t| ua.contains(t));
    if info.platform.is_none() && info.in_app.is_none() && !internet_explorer {
        assert_eq!(info.can_register, None);
    }
    assert_eq!(classify_user_agent(&ua).as_ref(), Ok(&info));
});
