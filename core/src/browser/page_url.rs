//! [`PageUrl`]: the page's own address (`location.href`), the only input the escape links
//! are built from. Refused unless it is what a browser gives for a bank's page: an absolute
//! `https://` URL (or `http://` on `localhost` / `127.0.0.1`, for tests), printable ASCII with
//! no whitespace (the URL standard serializes hosts as punycode and percent-encodes paths), no
//! user name or password, at most [`MAX_PAGE_URL_BYTES`] bytes. The fragment is dropped: it
//! never reaches the server, and `#` would end an `intent:` URL's data early.

use std::fmt::Write;

use super::BrowserError;

/// Browsers and servers agree on far longer URLs, but a bank's registration page is short
/// and a link to copy must stay readable; 2048 is also the old Internet Explorer limit.
pub const MAX_PAGE_URL_BYTES: usize = 2048;

/// A checked page URL, split where the escape links need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUrl {
    /// `https` or `http`.
    scheme: &'static str,
    /// Host and port, as given (`www.bank.example`, `localhost:8080`).
    authority: String,
    /// From the first `/` or `?` after the authority up to the fragment; may be empty.
    rest: String,
}

const FIELD: &str = "page_url";

fn refused(reason: &str) -> BrowserError {
    BrowserError::new(FIELD, reason)
}

impl PageUrl {
    pub fn parse(text: &str) -> Result<PageUrl, BrowserError> {
        if text.len() > MAX_PAGE_URL_BYTES {
            return Err(refused(&format!(
                "{} bytes; the limit is {MAX_PAGE_URL_BYTES}",
                text.len()
            )));
        }
        // Printable ASCII only; `"`, `<`, `>`, `\` and `` ` `` never appear raw in a
        // serialized URL and would be dangerous in markup.
        if let Some(b) = text.bytes().find(|&b| {
            !(0x21..=0x7e).contains(&b) || matches!(b, b'"' | b'<' | b'>' | b'\\' | b'`')
        }) {
            let what = if b.is_ascii_whitespace() || b == b' ' {
                "contains whitespace"
            } else if b.is_ascii_control() {
                "contains a control character"
            } else if b.is_ascii() {
                "contains a character a URL carries only percent-encoded"
            } else {
                "contains a non-ASCII character (a browser's location.href has none)"
            };
            return Err(refused(what));
        }
        let (scheme, after) = if let Some(after) = text.strip_prefix("https://") {
            ("https", after)
        } else if let Some(after) = text.strip_prefix("http://") {
            ("http", after)
        } else {
            return Err(refused("not an absolute https:// URL"));
        };
        let without_fragment = after.split('#').next().unwrap_or_default();
        let end = without_fragment
            .find(['/', '?'])
            .unwrap_or(without_fragment.len());
        let (authority, rest) = without_fragment.split_at(end);
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        if authority.contains('@') {
            return Err(refused("has a user name or password"));
        }
        let host_ok = !host.is_empty()
            && host.len() <= 253
            && host
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
            && !host.starts_with(['.', '-'])
            && !host.contains("..")
            && numeric_host_is_ipv4(host);
        if !host_ok {
            return Err(refused(
                "the host is not a lowercase name or IPv4 address as a browser writes it",
            ));
        }
        if let Some(port) = port {
            let valid = !port.is_empty()
                && port.len() <= 5
                && port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|p| p <= 65535);
            if !valid {
                return Err(refused("the port is not a number up to 65535"));
            }
        }
        if scheme == "http" && !matches!(host, "localhost" | "127.0.0.1") {
            return Err(refused(
                "http:// only for localhost and 127.0.0.1 (tests); a page must be https://",
            ));
        }
        Ok(PageUrl {
            scheme,
            authority: authority.to_owned(),
            rest: rest.to_owned(),
        })
    }

    /// The host, without the port.
    pub fn host(&self) -> &str {
        self.authority.split(':').next().unwrap_or(&self.authority)
    }

    /// The URL without its fragment: what the copy-link button copies.
    pub fn href(&self) -> String {
        format!("{}://{}{}", self.scheme, self.authority, self.rest)
    }

    /// Chrome's `intent:` form that opens this page in Chrome on Android: the page's address
    /// after `intent:`, then the scheme, Chrome's package and the page itself as the fallback
    /// for a phone without Chrome (Chrome for Android docs, "Android Intents with Chrome":
    /// `intent://HOST/PATH#Intent;scheme=…;package=…;S.browser_fallback_url=[encoded];end`).
    /// The fallback is fully percent-encoded: Android splits the extras at `;` and decodes
    /// each value, so nothing of the page's URL may end or extend one.
    pub fn chrome_intent(&self) -> String {
        format!(
            "intent://{}{}#Intent;scheme={};package=com.android.chrome;S.browser_fallback_url={};end",
            self.authority,
            intent_data(&self.rest),
            self.scheme,
            percent_encode_component(&self.href())
        )
    }

    /// The page with LINE's `openExternalBrowser=1` query parameter, which makes LINE open
    /// it in the phone's default browser (LINE's in-app browser, on iOS and Android); an
    /// earlier `openExternalBrowser` parameter is replaced.
    pub fn with_line_external_browser(&self) -> String {
        let (path, query) = match self.rest.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (self.rest.as_str(), None),
        };
        let kept: Vec<&str> = query
            .into_iter()
            .flat_map(|q| q.split('&'))
            .filter(|pair| {
                !pair.is_empty() && pair.split('=').next() != Some("openExternalBrowser")
            })
            .collect();
        let mut query = kept.join("&");
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str("openExternalBrowser=1");
        let path = if path.is_empty() { "/" } else { path };
        format!("{}://{}{path}?{query}", self.scheme, self.authority)
    }
}

/// The URL standard reads a host whose last label is a number (`1.2.3`, `a.0x1f`) as an IPv4
/// address and serializes it as four decimal numbers (`1.2.0.3`, `1.2.3.4.` as `1.2.3.4`), or
/// refuses it (`1.2.3.999`): a browser's `location.href` holds no other numeric host, and a
/// link built from one would not lead where the text says.
fn numeric_host_is_ipv4(host: &str) -> bool {
    let labels: Vec<&str> = host.strip_suffix('.').unwrap_or(host).split('.').collect();
    let last = labels.last().copied().unwrap_or_default();
    let numeric = last.bytes().all(|b| b.is_ascii_digit())
        || last
            .strip_prefix("0x")
            .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()));
    if !numeric {
        return true;
    }
    // `1.2.3.4.` is written `1.2.3.4`: the dot is dropped with the address's parsing.
    !host.ends_with('.')
        && labels.len() == 4
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 3
                && label.bytes().all(|b| b.is_ascii_digit())
                && (label.len() == 1 || !label.starts_with('0'))
                && label.parse::<u8>().is_ok()
        })
}

/// The page's path and query as the intent's data. Already printable ASCII without `#`;
/// `;` is harmless before `#Intent;`, so only a missing path needs a `/`.
fn intent_data(rest: &str) -> String {
    if rest.starts_with('?') || rest.is_empty() {
        format!("/{rest}")
    } else {
        rest.to_owned()
    }
}

/// Everything but RFC 3986's unreserved characters percent-encoded, like JavaScript's
/// `encodeURIComponent` plus `!'()*`.
fn percent_encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}
