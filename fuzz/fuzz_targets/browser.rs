//! The web page's two outside inputs from arbitrary bytes, split at the first 0 byte:
//! `BrowserReadings::from_json`, then `snapshot_from_browser` and `evaluate` in ja and en;
//! and `PageUrl::parse`, whose links must lead where the page is. A WHATWG URL parser (the
//! `url` crate) reads each accepted page back with the same scheme, host and port, the copy
//! link parses again to the same page, LINE's link is the same page with
//! `openExternalBrowser=1`, and Chrome's intent link carries the page whole as its fallback.
//! (One exception, below: a host with an `xn--` label that is not valid punycode.)

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use passkey_ready_core::browser::{snapshot_from_browser, BrowserReadings, PageUrl};
use passkey_ready_core::content::{Bundle, Guide, Locale};
use passkey_ready_core::readiness::evaluate;

fn guides() -> &'static [Guide; 2] {
    static GUIDES: OnceLock<[Guide; 2]> = OnceLock::new();
    GUIDES.get_or_init(|| {
        let bundle = Bundle::embedded().expect("the embedded bundle is valid");
        Locale::ALL.map(|locale| bundle.guide(locale).with_service(None))
    })
}

fn readings(json: &str) {
    let Ok(readings) = BrowserReadings::from_json(json) else {
        return;
    };
    let Ok(snapshot) = snapshot_from_browser(&readings) else {
        return;
    };
    for guide in guides() {
        evaluate(&snapshot, guide).expect("a snapshot from the browser evaluates");
    }
}

fn page_url(text: &str) {
    let Ok(page) = PageUrl::parse(text) else {
        return;
    };
    let href = page.href();
    let parsed = match url::Url::parse(&href) {
        Ok(parsed) => parsed,
        // PageUrl does not decode punycode: an `xn--` label that is not valid punycode passes,
        // though no browser gives one. The links then name the same host and fail to open;
        // they never lead elsewhere.
        Err(url::ParseError::IdnaError)
            if page.host().split('.').any(|l| l.starts_with("xn--")) =>
        {
            return;
        }
        Err(e) => panic!("{href:?}: {e}"),
    };
    assert!(matches!(parsed.scheme(), "https" | "http"), "{href:?}");
    assert_eq!(parsed.host_str(), Some(page.host()), "{href:?}");
    assert!(
        parsed.username().is_empty() && parsed.password().is_none(),
        "{href:?}"
    );
    assert_eq!(PageUrl::parse(&href).as_ref(), Ok(&page), "{href:?}");

    let line = page.with_line_external_browser();
    let line_url = url::Url::parse(&line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
    assert_eq!(line_url.host_str(), Some(page.host()), "{line:?}");
    assert_eq!(line_url.path(), parsed.path(), "{line:?}");
    assert!(
        line_url
            .query_pairs()
            .any(|(k, v)| k == "openExternalBrowser" && v == "1"),
        "{line:?}"
    );

    let intent = page.chrome_intent();
    let fallback = intent
        .split(";S.browser_fallback_url=")
        .nth(1)
        .and_then(|rest| rest.strip_suffix(";end"))
        .unwrap_or_else(|| panic!("{intent:?}"));
    let decoded: String = url::form_urlencoded::parse(format!("f={fallback}").as_bytes())
        .map(|(_, v)| v.into_owned())
        .next()
        .unwrap_or_default();
    assert_eq!(decoded, href, "{intent:?}");
    assert!(!intent.contains(char::is_whitespace), "{intent:?}");
    assert_eq!(intent.matches('#').count(), 1, "{intent:?}");
}

fuzz_target!(|data: &[u8]| {
    let (first, second) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    if let Ok(json) = std::str::from_utf8(first) {
        readings(json);
    }
    if let Ok(text) = std::str::from_utf8(second) {
        page_url(text);
    }
});
