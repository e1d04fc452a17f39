//! Properties of the browser module over generated input: nothing panics, whatever a page
//! (or a hostile script) passes; a snapshot made from readings always validates; and every
//! link built for a page leads to that page's host and back to the page itself.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use passkey_ready_core::browser::{
    escape_route, snapshot_from_browser, BrowserReadings, EscapeKind,
};
use passkey_ready_core::content::{Bundle, Guide, Locale};
use proptest::prelude::*;

const IN_APP: [&str; 6] = [
    // Google app, Android
    "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240605.024; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36 GSA/15.24.28.29.arm64",
    // LINE, Android
    "Mozilla/5.0 (Linux; Android 14; SH-54D Build/S1012; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.147 Mobile Safari/537.36 Line/14.8.1/IAB",
    // LINE, iOS
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.10.0",
    // Yahoo! JAPAN, iOS
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 YJApp-IOS jp.co.yahoo.ipn.appli/4.62.0",
    // Samsung Internet
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
    // Edge, Windows
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
];

fn guide() -> Guide {
    Bundle::embedded()
        .unwrap()
        .guide(Locale::Ja)
        .with_service(None)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// A page URL a browser could give: host, maybe a port, a path and query of the characters a
/// serialized URL carries raw, maybe a fragment.
fn page_url() -> impl Strategy<Value = (String, String)> {
    // The last label is a name: a numeric one is an IPv4 address (the vectors cover those).
    let host = "[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?(\\.[a-z0-9]{1,8}){0,2}\\.[a-z][a-z0-9]{0,7}";
    let port = proptest::option::of(1u32..65536);
    let path = "(/[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,12}){0,4}";
    let query = proptest::option::of("[A-Za-z0-9._~!$&'()*+,;=:@%/?{}|^\\[\\]-]{0,24}");
    let fragment = proptest::option::of("[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]{0,16}");
    (host, port, path, query, fragment).prop_map(|(host, port, path, query, fragment)| {
        let mut url = format!("https://{host}");
        if let Some(port) = port {
            url.push_str(&format!(":{port}"));
        }
        url.push_str(&path);
        if let Some(query) = query {
            url.push('?');
            url.push_str(&query);
        }
        if let Some(fragment) = fragment {
            url.push('#');
            url.push_str(&fragment);
        }
        (url, host)
    })
}

fn readings() -> impl Strategy<Value = BrowserReadings> {
    let user_agent = prop_oneof![
        proptest::sample::select(IN_APP.to_vec()).prop_map(str::to_owned),
        ".{0,200}",
    ];
    let capabilities = proptest::option::of(proptest::collection::btree_map(
        prop_oneof![
            Just("userVerifyingPlatformAuthenticator".to_owned()),
            "[A-Za-z:_ -]{0,12}"
        ],
        any::<bool>(),
        0..4,
    ));
    (
        user_agent,
        proptest::option::of(prop_oneof![
            Just("Windows".to_owned()),
            Just("Android".to_owned()),
            Just("macOS".to_owned()),
            ".{0,12}"
        ]),
        proptest::option::of(any::<bool>()),
        proptest::option::of("[0-9.]{0,12}|.{0,8}"),
        proptest::option::of(any::<bool>()),
        capabilities,
    )
        .prop_map(
            |(user_agent, ua_platform, ua_mobile, platform_version, uvpaa, client_capabilities)| {
                BrowserReadings {
                    user_agent,
                    ua_platform,
                    ua_mobile,
                    platform_version,
                    uvpaa,
                    client_capabilities: client_capabilities.map(|c: BTreeMap<String, bool>| c),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_user_agent_and_url_gets_a_route_or_an_error(ua in ".{0,300}", url in ".{0,300}") {
        let guide = guide();
        match escape_route(&ua, &url, &guide) {
            Ok(route) => prop_assert!(route.page_url.starts_with("http")),
            Err(e) => prop_assert!(e.field == "user_agent" || e.field == "page_url", "{e}"),
        }
    }

    #[test]
    fn any_readings_json_is_read_or_refused_naming_a_field(json in ".{0,300}") {
        if let Err(e) = BrowserReadings::from_json(&json) {
            prop_assert!(!e.field.is_empty());
        }
    }

    #[test]
    fn a_snapshot_from_readings_always_validates(readings in readings()) {
        let json = serde_json::to_string(&readings).unwrap();
        let parsed = BrowserReadings::from_json(&json);
        match snapshot_from_browser(&readings) {
            Ok(snapshot) => {
                prop_assert!(snapshot.validate().is_ok(), "{snapshot:?}");
                prop_assert_eq!(snapshot.user_agent.as_deref(), Some(readings.user_agent.as_str()));
                // What the JSON form reads is what the value says.
                prop_assert_eq!(parsed.as_ref(), Ok(&readings));
            }
            Err(e) => prop_assert!(!e.field.is_empty()),
        }
    }

    #[test]
    fn every_built_link_keeps_the_pages_host_and_leads_back_to_the_page(
        (url, host) in page_url(),
        ua in proptest::sample::select(IN_APP.to_vec()),
    ) {
        let guide = guide();
        let route = escape_route(ua, &url, &guide).unwrap();
        let without_fragment = url.split('#').next().unwrap();
        prop_assert_eq!(&route.page_url, without_fragment);
        let page = url::Url::parse(&route.page_url).unwrap();
        prop_assert_eq!(page.host_str(), Some(host.as_str()));
        let Some(open) = route.open_url.as_deref() else {
            prop_assert!(matches!(route.kind, EscapeKind::Manual | EscapeKind::NotNeeded));
            return Ok(());
        };
        let link = url::Url::parse(open).unwrap();
        prop_assert_eq!(link.host_str(), Some(host.as_str()), "{}", open);
        match route.kind {
            EscapeKind::AndroidIntent => {
                prop_assert_eq!(link.scheme(), "intent");
                let extras = open.split_once("#Intent;").unwrap().1;
                prop_assert!(extras.ends_with(";end"));
                let fallback = extras
                    .split(';')
                    .find_map(|e| e.strip_prefix("S.browser_fallback_url="))
                    .unwrap();
                prop_assert_eq!(percent_decode(fallback), route.page_url.clone());
                // The intent's data is the page itself, its scheme aside.
                let data = open.split_once("#Intent;").unwrap().0;
                let as_https = format!("https:{}", data.strip_prefix("intent:").unwrap());
                prop_assert_eq!(url::Url::parse(&as_https).unwrap(), page.clone());
            }
            EscapeKind::LineExternalBrowser => {
                prop_assert_eq!(link.scheme(), "https");
                let flags = open.matches("openExternalBrowser=").count();
                prop_assert_eq!(flags, 1, "{}", open);
                prop_assert!(open.ends_with("openExternalBrowser=1"));
            }
            other => prop_assert!(false, "{other:?} with a link"),
        }
    }
}
