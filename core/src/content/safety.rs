//! Content safety: a bundle is data, and must not be able to widen what the SDK does.
//!
//! A content team (or whoever controls the bundle an app downloads) can change texts; it must
//! not be able to make a shell open something, run something or hide something. Actions are a
//! typed enum ([`crate::readiness::SettingsAction`]) and every struct of the bundle denies
//! unknown fields, so a bundle cannot add an action. What remains is the texts themselves,
//! which shells show in native views, in a WebView or an attributed string, and which
//! [`super::render::markdown`] publishes on the bank's website. Every customer-facing text is
//! checked for:
//!
//! 1. **Links.** The only URL a text may contain is an `https://` link to a host the app
//!    allows ([`LoadPolicy::allowed_link_hosts`], none by default; the embedded guide has no
//!    links). Refused:
//!    - any `scheme:` at the start of a word followed by anything but whitespace, unless it is
//!      `https:` and two slashes (`http:host`, `https:host`, `bankapp:x`, `x-safari-https:…`,
//!      `foo://`). Followed by whitespace it is text (`Note: a PIN`), except the code schemes
//!      ([`CODE_SCHEMES`]) and where Markdown reads a link target (after `<`, `](`, `]:`);
//!    - backslashes count as slashes and newlines between slashes are skipped, as URL parsers
//!      do; two or more slashes before text are a link to another host (`//host`, `/\host`),
//!      and so is `www.` at the start of a word;
//!    - character references (`&#106;`, `&colon;`), which renderers decode first; and the
//!      text is checked again as Markdown reads it, backslash escapes removed (`\:`);
//!    - an `https://` link whose host (up to `/ ? # \`, whitespace but the newline, a closing
//!      `) ] > < " '` or the end) is not exactly an allowed one (ASCII case, a port and one
//!      trailing dot aside): user info, escapes and any non-ASCII character (`。`, which IDNA
//!      maps to a dot) never match.
//! 2. **Markup.** The rule follows the HTML tokenizer, which only starts a tag at `<`
//!    immediately followed by an ASCII letter, `/` or `!` / `?`. Refused:
//!    - `<` + a tag name that is an HTML, SVG or MathML element (`<script`, `<a`, `<img`,
//!      `<iframe`, `<svg`, `<style`, `<b>` …, any letter case, see [`ELEMENTS`]);
//!    - `<` + any tag name with an attribute, i.e. an `=` before the next `>`
//!      (`<x-widget src=…>`);
//!    - end tags `</…`, comments and declarations `<!…`, processing instructions `<?…`;
//!    - an event-handler attribute `on…=` (`onload=`, `onerror =` …) anywhere, even outside
//!      a tag, so that it cannot be smuggled into markup a shell assembles around a text.
//!
//!    So the page's part labels stay legitimate: `<設定1>` starts with a non-ASCII letter and
//!    is text to every HTML parser; `<Setting 1>` has a name (`setting`) that is no element
//!    and no attribute. A label whose word is an element name (`<Menu 1>`, `<Table 2>`) is
//!    refused: a browser would take it for that element; write another word or use the
//!    full-width `＜ ＞`.
//! 3. **Control characters** (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) other
//!    than the newline, tab included: they are invisible, and some are terminal or log
//!    escapes.
//! 4. **Bidirectional overrides and isolates** (U+202A–U+202E, U+2066–U+2069): they reorder
//!    what the customer sees without changing what the text is ("Trojan Source").
//! 5. **Other format characters** (category Cf, [`is_format_char`]) and U+2028/U+2029:
//!    invisible joiners, marks and tags. The zero-width joiner is allowed between two emoji.
//!
//! Each finding is a [`Problem`] naming the item, like every other validation problem.

use super::validate::Problem;

/// What a loaded bundle may contain beyond the embedded guide's rules. The default allows no
/// links at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadPolicy {
    /// Hosts (`www.bank.example`) that texts may link to, with `https://` only. Compared
    /// exactly, ignoring ASCII case: `bank.example` does not allow `www.bank.example` or
    /// `evil.bank.example`.
    pub allowed_link_hosts: Vec<String>,
}

impl LoadPolicy {
    /// A policy allowing `https://` links to exactly these hosts.
    pub fn allowing_links_to<I, S>(hosts: I) -> LoadPolicy
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        LoadPolicy {
            allowed_link_hosts: hosts.into_iter().map(Into::into).collect(),
        }
    }

    fn allows_host(&self, host: &str) -> bool {
        let host = host.strip_suffix('.').unwrap_or(host);
        !host.is_empty()
            && self.allowed_link_hosts.iter().any(|allowed| {
                let allowed = allowed.trim();
                let allowed = allowed.strip_suffix('.').unwrap_or(allowed);
                allowed.eq_ignore_ascii_case(host)
            })
    }
}

/// HTML (current and obsolete), SVG and MathML element names that matter to a browser,
/// lower case. A tag `<name` with one of these names is markup.
pub const ELEMENTS: &[&str] = &[
    // HTML, current
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fencedframe",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "portal",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    // HTML, obsolete but still parsed
    "applet",
    "basefont",
    "bgsound",
    "big",
    "blink",
    "center",
    "font",
    "frame",
    "frameset",
    "image",
    "isindex",
    "keygen",
    "listing",
    "marquee",
    "nobr",
    "noembed",
    "noframes",
    "plaintext",
    "strike",
    "tt",
    "xmp",
    // SVG and MathML: their own parsers, script and navigation
    "svg",
    "math",
    "animate",
    "animatemotion",
    "animatetransform",
    "set",
    "use",
    "foreignobject",
    "feimage",
    "handler",
    "listener",
    "xml",
    "xss",
];

/// At most this many safety problems are reported per text: enough to fix it, and a hostile
/// text of half a megabyte of `<b` cannot make the error list grow with it.
pub const MAX_PROBLEMS_PER_TEXT: usize = 8;

/// Schemes refused after a colon even when followed by whitespace: they are code, and URL
/// parsers drop the whitespace.
pub const CODE_SCHEMES: [&str; 3] = ["javascript", "vbscript", "livescript"];

/// At most this much of a text is quoted in a problem.
const MAX_QUOTE_CHARS: usize = 80;

/// No element name is longer than this; a longer tag name is not one.
const MAX_ELEMENT_NAME: usize = 16;

/// The safety problems of one customer-facing text (at most [`MAX_PROBLEMS_PER_TEXT`]),
/// each with the path `text`: empty when the text is safe under `policy`.
pub fn check(text: &str, policy: &LoadPolicy) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_text("text", text, policy, &mut problems);
    problems
}

/// Appends a [`Problem`] for each unsafe thing in `text`, the customer-facing text at `path`
/// (at most [`MAX_PROBLEMS_PER_TEXT`]). Linear in the length of the text.
pub(crate) fn check_text(path: &str, text: &str, policy: &LoadPolicy, problems: &mut Vec<Problem>) {
    let mut found = Vec::new();
    check_characters(path, text, &mut found);
    check_references(path, text, &mut found);
    check_links(path, text, policy, &mut found);
    check_pointy_targets(path, text, &mut found);
    // A Markdown renderer reads `\:` as `:` and `\/` as `/`: the text as it reads it must
    // pass too.
    if found.is_empty() {
        if let Some(unescaped) = markdown_unescaped(text) {
            check_links(path, &unescaped, policy, &mut found);
        }
    }
    check_markup(path, text, &mut found);
    problems.extend(found.into_iter().take(MAX_PROBLEMS_PER_TEXT));
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Unicode format characters (general category Cf, Unicode 16): invisible, and able to
/// reorder, join, hide or tag what the customer reads.
pub fn is_format_char(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{0600}'..='\u{0605}'
        | '\u{061C}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}')
}

/// A character that ends or joins an emoji sequence: pictographs, dingbats, the emoji
/// presentation selector, the keycap and the skin-tone modifiers.
fn is_emoji_part(c: char) -> bool {
    matches!(c,
        '\u{00A9}' | '\u{00AE}' | '\u{203C}' | '\u{2049}' | '\u{20E3}' | '\u{2122}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2300}'..='\u{23FF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{FE0F}'
        | '\u{1F000}'..='\u{1FAFF}')
}

fn check_characters(path: &str, text: &str, problems: &mut Vec<Problem>) {
    let mut previous = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if problems.len() >= MAX_PROBLEMS_PER_TEXT {
            return;
        }
        let problem = if c.is_control() && c != '\n' {
            Some(Problem::ControlCharacter {
                path: path.to_owned(),
                code_point: code_point(c),
            })
        } else if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            Some(Problem::BidiControl {
                path: path.to_owned(),
                code_point: code_point(c),
            })
        } else if c == '\u{200D}' {
            // The zero-width joiner is how 👩‍💻 is written: allowed between two emoji only.
            let joins = previous.is_some_and(is_emoji_part)
                && chars.peek().copied().is_some_and(is_emoji_part);
            (!joins).then(|| Problem::FormatCharacter {
                path: path.to_owned(),
                code_point: code_point(c),
            })
        } else if is_format_char(c) || matches!(c, '\u{2028}' | '\u{2029}') {
            Some(Problem::FormatCharacter {
                path: path.to_owned(),
                code_point: code_point(c),
            })
        } else {
            None
        };
        problems.extend(problem);
        previous = Some(c);
    }
}

/// HTML and CommonMark decode character references (`&#106;`, `&#x6A;`, `&colon;`) in link
/// targets and attributes, so `&#106;avascript:` is `javascript:` to them. Texts hold the
/// characters themselves: a numeric reference (with or without `;`) or a named one (`&name;`)
/// is refused.
fn check_references(path: &str, text: &str, problems: &mut Vec<Problem>) {
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices('&') {
        if problems.len() >= MAX_PROBLEMS_PER_TEXT {
            return;
        }
        let rest = bytes.get(at + 1..).unwrap_or_default();
        let numeric = rest.first() == Some(&b'#');
        let name = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let named =
            rest.first().is_some_and(u8::is_ascii_alphabetic) && rest.get(name) == Some(&b';');
        if numeric || named {
            problems.push(Problem::CharacterReference {
                path: path.to_owned(),
                found: quote(text, at),
            });
        }
    }
}

/// The text as a Markdown renderer reads it, with backslash escapes of ASCII punctuation
/// removed; `None` when it has none.
fn markdown_unescaped(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let escapes = bytes
        .windows(2)
        .any(|w| w.first() == Some(&b'\\') && w.get(1).is_some_and(u8::is_ascii_punctuation));
    if !escapes {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    Some(out)
}

/// A scheme character after the first (RFC 3986: letters, digits, `+`, `-`, `.`).
fn is_scheme_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')
}

/// URL parsers treat a backslash as a slash.
fn is_slash(b: u8) -> bool {
    b == b'/' || b == b'\\'
}

/// The slashes at the start of `bytes` as a URL parser counts them: `/` and `\`, with the
/// newlines between them, which URL parsers remove. Returns the bytes of the run and the
/// number of slashes in it; a run never ends in a newline.
fn slash_run(bytes: &[u8]) -> (usize, usize) {
    let (mut run, mut slashes, mut at) = (0, 0, 0);
    while let Some(&b) = bytes.get(at) {
        at += 1;
        if is_slash(b) {
            slashes += 1;
            run = at;
        } else if b != b'\n' {
            break;
        }
    }
    (run, slashes)
}

/// The text from `at` up to the next whitespace, at most [`MAX_QUOTE_CHARS`] characters.
fn quote(text: &str, at: usize) -> String {
    text.get(at..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| !c.is_whitespace())
        .take(MAX_QUOTE_CHARS)
        .collect()
}

/// Where the rest of a URL starting at `at` ends in running text, for skipping its path:
/// at whitespace, any non-ASCII character, or a closing bracket or quote.
fn url_end(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .position(|&b| !b.is_ascii_graphic() || matches!(b, b')' | b']' | b'>' | b'<' | b'"'))
        .map_or(bytes.len(), |n| at + n)
}

fn check_links(path: &str, text: &str, policy: &LoadPolicy, problems: &mut Vec<Problem>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if problems.len() >= MAX_PROBLEMS_PER_TEXT {
            return;
        }
        // Only at the start of a word: in `ABCjavascript:` or `a.www.b` there is no scheme
        // or host start, for a browser either.
        let word_start = at == 0 || bytes.get(at - 1).is_some_and(|&p| !is_scheme_char(p));
        if b.is_ascii_alphabetic() && word_start {
            let len = bytes
                .get(at..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&c| is_scheme_char(c))
                .count();
            let scheme = text.get(at..at + len).unwrap_or_default();
            let after = bytes.get(at + len..).unwrap_or_default();
            if after.first() == Some(&b':') {
                let after_colon = after.get(1..).unwrap_or_default();
                let (run, slashes) = slash_run(after_colon);
                let then_text = after_colon
                    .first()
                    .is_some_and(|c| !c.is_ascii_whitespace());
                let code = CODE_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme));
                if scheme.eq_ignore_ascii_case("https") && slashes >= 2 {
                    let authority = at + len + 1 + run;
                    check_https(path, text, at, authority, policy, problems);
                    at = url_end(bytes, authority);
                    continue;
                }
                // `Note: …` is text; `note:x`, `http:host` and `x-safari-https:…` are URLs,
                // and so is `app:` where Markdown expects a link's target.
                if then_text || code || at_link_target(bytes, at) {
                    problems.push(Problem::ForbiddenScheme {
                        path: path.to_owned(),
                        scheme: scheme.to_ascii_lowercase(),
                        found: quote(text, at),
                    });
                    at = url_end(bytes, at + len + 1);
                    continue;
                }
            } else if scheme.len() > 4
                && scheme
                    .get(..4)
                    .is_some_and(|w| w.eq_ignore_ascii_case("www."))
            {
                problems.push(Problem::LinkWithoutScheme {
                    path: path.to_owned(),
                    found: quote(text, at),
                });
                at = url_end(bytes, at);
                continue;
            }
            at += len;
        } else if is_slash(b) {
            // `//host`, `/\host`, `\\host`: relative to the scheme, another host.
            let (run, slashes) = slash_run(bytes.get(at..).unwrap_or_default());
            let then_text = bytes
                .get(at + run..)
                .unwrap_or_default()
                .iter()
                .find(|&&c| c != b'\n')
                .is_some_and(|c| !c.is_ascii_whitespace());
            if slashes >= 2 && then_text {
                problems.push(Problem::LinkWithoutScheme {
                    path: path.to_owned(),
                    found: quote(text, at),
                });
                at = url_end(bytes, at + run);
            } else {
                at += run;
            }
        } else {
            at += 1;
        }
    }
}

/// Markdown link targets in angle brackets (`](<…>)`, `]: <…>`) may hold spaces, and a URL
/// parser reads across them: in `](<  //a b@evil.example>)` the host is `evil.example`. The
/// link rules above end a URL at a space, so such a target must have none, up to its `>` or,
/// for renderers that are lenient about an unclosed `<`, the end of its line. One pass: each
/// search starts where the previous one stopped.
fn check_pointy_targets(path: &str, text: &str, problems: &mut Vec<Problem>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(pair) = bytes.get(at..at + 2) {
        if pair != b"](" && pair != b"]:" {
            at += 1;
            continue;
        }
        let blanks = bytes
            .get(at + 2..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        let open = at + 2 + blanks;
        if bytes.get(open) != Some(&b'<') {
            at += 2;
            continue;
        }
        let mut end = open + 1;
        let mut spaced = false;
        while let Some(&b) = bytes.get(end) {
            match b {
                b'>' | b'\n' => break,
                // An escaped `>` does not close the target (and an escaped space is a space).
                b'\\' if bytes.get(end + 1) == Some(&b'>') => end += 1,
                _ if b.is_ascii_whitespace() => spaced = true,
                _ => {}
            }
            end += 1;
        }
        if spaced {
            if problems.len() >= MAX_PROBLEMS_PER_TEXT {
                return;
            }
            problems.push(Problem::SpaceInLinkTarget {
                path: path.to_owned(),
                found: text
                    .get(open..)
                    .unwrap_or_default()
                    .chars()
                    .take(MAX_QUOTE_CHARS)
                    .collect(),
            });
        }
        at = end + 1;
    }
}

/// Whether `at` is where Markdown reads a link's target: after `<` (autolink), or after
/// `](` (inline link) or `]:` (link reference definition) and optional blanks.
fn at_link_target(bytes: &[u8], at: usize) -> bool {
    let before = bytes.get(..at).unwrap_or_default();
    if before.ends_with(b"<") {
        return true;
    }
    let blanks = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    before
        .get(..before.len() - blanks)
        .is_some_and(|b| b.ends_with(b"](") || b.ends_with(b"]:"))
}

/// Where the authority of a URL starting at `at` ends: where a URL parser ends the host
/// (`/ ? # \`), at whitespace other than the newline (URL parsers drop newlines), where
/// Markdown or a linkifier ends a link (`) ] > < " '`), or at the end of the text. Any
/// other character, non-ASCII ones included, is part of the host a parser sees.
fn authority_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .unwrap_or_default()
        .char_indices()
        .find(|&(_, c)| {
            matches!(
                c,
                '/' | '?' | '#' | '\\' | ')' | ']' | '>' | '<' | '"' | '\''
            ) || (c.is_whitespace() && c != '\n')
        })
        .map_or(text.len(), |(n, _)| at + n)
}

/// `https://` at `start`, its authority from `authority`: the host must be allowed.
fn check_https(
    path: &str,
    text: &str,
    start: usize,
    authority: usize,
    policy: &LoadPolicy,
    problems: &mut Vec<Problem>,
) {
    let authority = text
        .get(authority..authority_end(text, authority))
        .unwrap_or_default();
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => authority,
    };
    // User info (`https://bank.example@evil.example`), escapes, a newline, non-ASCII (`。`
    // and other dots that IDNA maps to `.`) or any other character than a plain host
    // name's: never equal to an allowed host.
    let plain = host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if !(plain && policy.allows_host(host)) {
        problems.push(Problem::LinkNotAllowed {
            path: path.to_owned(),
            url: quote(text, start),
            host: host.chars().take(MAX_QUOTE_CHARS).collect(),
        });
    }
}

/// One pass over the text, following the HTML tokenizer just far enough to tell text from
/// tags. Every `<` is looked at, and so is every `=` inside a tag that has not been reported.
fn check_markup(path: &str, text: &str, problems: &mut Vec<Problem>) {
    let bytes = text.as_bytes();
    // The start of the tag we are in (after `<` + letter, before its `>`), and whether it
    // has been reported already.
    let mut open: Option<(usize, bool)> = None;
    for (at, &b) in bytes.iter().enumerate() {
        if problems.len() >= MAX_PROBLEMS_PER_TEXT {
            return;
        }
        let rest = bytes.get(at + 1..).unwrap_or_default();
        let mut report = |at: usize| {
            problems.push(Problem::Markup {
                path: path.to_owned(),
                found: quote_tag(text, at),
            })
        };
        match b {
            b'<' => {
                let first = rest.first().copied().unwrap_or_default();
                let second = rest.get(1).copied().unwrap_or_default();
                if (first == b'/' && second.is_ascii_alphabetic()) || matches!(first, b'!' | b'?') {
                    report(at);
                } else if first.is_ascii_alphabetic() {
                    let element = is_element_name(rest);
                    if element {
                        report(at);
                    }
                    // A tag inside a tag is part of the first one to a browser; a new start
                    // only matters when the first one was reported.
                    match open {
                        Some((_, false)) => {}
                        _ => open = Some((at, element)),
                    }
                }
            }
            b'>' => open = None,
            b'=' => {
                if let Some((start, false)) = open {
                    report(start);
                    open = Some((start, true));
                }
            }
            b'o' | b'O' => {
                if let Some(found) = event_handler_at(bytes, at, rest) {
                    problems.push(Problem::Markup {
                        path: path.to_owned(),
                        found,
                    });
                }
            }
            _ => {}
        }
    }
}

/// Whether `rest` (the text after a `<`) starts with an element's name followed by what ends
/// a tag name: whitespace, `/`, `>` or the end of the text. Ignores ASCII case.
fn is_element_name(rest: &[u8]) -> bool {
    let len = rest
        .iter()
        .take(MAX_ELEMENT_NAME + 1)
        .take_while(|&&c| !(c.is_ascii_whitespace() || c == b'/' || c == b'>'))
        .count();
    if len > MAX_ELEMENT_NAME {
        return false;
    }
    let name = rest.get(..len).unwrap_or_default();
    ELEMENTS
        .iter()
        .any(|e| e.as_bytes().eq_ignore_ascii_case(name))
}

/// `on` + letters + optional spaces + `=`, at the start of a word: an event handler.
fn event_handler_at(bytes: &[u8], at: usize, rest: &[u8]) -> Option<String> {
    if at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    if !rest.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'n')) {
        return None;
    }
    let after_on = rest.get(1..).unwrap_or_default();
    let letters = after_on
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if letters == 0 {
        return None;
    }
    let after_name = after_on.get(letters..).unwrap_or_default();
    let spaces = after_name
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    if after_name.get(spaces) != Some(&b'=') {
        return None;
    }
    let end = at + 2 + letters + spaces + 1;
    Some(
        String::from_utf8_lossy(bytes.get(at..end).unwrap_or_default())
            .chars()
            .take(MAX_QUOTE_CHARS)
            .collect(),
    )
}

/// The tag at `at`, up to its `>`, at most [`MAX_QUOTE_CHARS`] characters.
fn quote_tag(text: &str, at: usize) -> String {
    let mut tag = String::new();
    for c in text
        .get(at..)
        .unwrap_or_default()
        .chars()
        .take(MAX_QUOTE_CHARS)
    {
        tag.push(c);
        if c == '>' {
            break;
        }
    }
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str, policy: &LoadPolicy) -> Vec<Problem> {
        let mut found = Vec::new();
        check_text("t", text, policy, &mut found);
        found
    }

    fn is_safe(text: &str) -> bool {
        problems(text, &LoadPolicy::default()).is_empty()
    }

    #[test]
    fn labels_and_menu_paths_are_text() {
        for text in [
            "<設定1>",
            "<Setting 1>",
            "[設定]>[自動ログイン]をオン",
            "Click [You and Google] > [Sync and Google services]",
            "Note: a PIN is needed first.",
            "1 < 2 and 3 > 2",
            "a <= b",
            "Turn on the switch",
            "Passwords, passkeys & accounts",
            "A/B and/or C",
            "改行\nも可",
            "on = enabled, 1 + 1 = 2",
        ] {
            assert!(
                is_safe(text),
                "{text}: {:?}",
                problems(text, &LoadPolicy::default())
            );
        }
    }

    #[test]
    fn markup_is_refused() {
        for text in [
            "<script>alert(1)</script>",
            "<SCRIPT src=x>",
            "<a href=\"https://bank.example\">here</a>",
            "<img src=x onerror=alert(1)>",
            "<iframe srcdoc=x>",
            "<svg/onload=alert(1)>",
            "<style>*{}</style>",
            "<b>bold</b>",
            "</p>",
            "<!-- hidden -->",
            "<?xml version=\"1.0\"?>",
            "<Setting 1 data-x=1>",
            "<x-widget src=evil>",
            "text onclick=steal()",
            "ONMOUSEOVER = x",
            "<Menu 1>",
        ] {
            let found = problems(text, &LoadPolicy::default());
            assert!(
                found.iter().any(|p| matches!(p, Problem::Markup { .. })),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn links_only_https_to_allowed_hosts() {
        let policy = LoadPolicy::allowing_links_to(["www.bank.example"]);
        for ok in [
            "See https://www.bank.example/passkey for details.",
            "HTTPS://WWW.BANK.EXAMPLE:443/x",
            "（https://www.bank.example/faq）",
            "[here](https://www.bank.example) and <https://www.bank.example/x>",
            "https://www.bank.example/。",
            "https:\\/\\/www.bank.example/login",
        ] {
            assert!(problems(ok, &policy).is_empty(), "{ok}");
        }
        for (bad, kind) in [
            ("https://evil.example/", "host"),
            ("https://www.bank.example@evil.example/", "host"),
            ("https://www.bank.example。evil.example/login", "host"),
            ("https://www.bank.example。", "host"),
            ("https://www.bank.example.evil.example/", "host"),
            ("https://%77ww.bank.example/", "host"),
            ("http://www.bank.example/", "scheme"),
            ("javascript:alert(1)", "scheme"),
            ("JavaScript:alert(1)", "scheme"),
            ("intent://scan/#Intent;scheme=zxing;end", "scheme"),
            ("intent:#Intent;action=x;end", "scheme"),
            ("data:text/html,hi", "scheme"),
            ("file:///etc/passwd", "scheme"),
            ("foo://bar", "scheme"),
            ("bank-app://transfer?to=x", "scheme"),
            ("tel:0120000000", "scheme"),
            ("Go to www.evil.example now", "bare"),
            ("[here](//evil.example)", "bare"),
        ] {
            let found = problems(bad, &policy);
            let hit = found.iter().any(|p| {
                matches!(
                    (kind, p),
                    ("host", Problem::LinkNotAllowed { .. })
                        | ("scheme", Problem::ForbiddenScheme { .. })
                        | ("bare", Problem::LinkWithoutScheme { .. })
                )
            });
            assert!(hit, "{bad}: {found:?}");
        }
        // No policy: no link at all.
        assert!(!problems("https://www.bank.example/", &LoadPolicy::default()).is_empty());
    }

    #[test]
    fn control_and_bidi_characters_are_refused() {
        assert_eq!(
            problems("a\tb", &LoadPolicy::default()),
            [Problem::ControlCharacter {
                path: "t".into(),
                code_point: "U+0009".into()
            }]
        );
        assert_eq!(
            problems("abc\u{202E}fed", &LoadPolicy::default()),
            [Problem::BidiControl {
                path: "t".into(),
                code_point: "U+202E".into()
            }]
        );
        for c in ['\0', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}'] {
            assert!(!is_safe(&format!("x{c}y")), "{c:?}");
        }
        for c in ['\u{202A}', '\u{2066}', '\u{2069}'] {
            assert!(!is_safe(&format!("x{c}y")), "{c:?}");
        }
    }
}
