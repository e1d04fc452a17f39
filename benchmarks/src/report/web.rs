//! The web package (web/, issue 16): its download gzipped, its first evaluate in Chromium, and
//! its user-agent classification in Node side by side with inapp-spy and ua-parser-js.

use super::*;

/// A parser's name and how many cases it answered so.
type Count = (String, usize);

// Issue 17.
const WEB_GZIP_TARGET_BYTES: u64 = 200 * 1024;

/// `web_ua.txt` and `web_first.txt`: the lines the Node programs printed, by their first word.
fn lines(file: &str, tag: &str) -> Vec<Vec<String>> {
    std::fs::read_to_string(bench_dir().join(file))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            (words.next()? == tag).then(|| words.map(str::to_owned).collect())
        })
        .collect()
}

fn number(word: Option<&String>) -> f64 {
    word.and_then(|w| w.parse().ok()).unwrap_or(f64::NAN)
}

impl Report {
    /// The web targets: rows of the targets table.
    pub(super) fn web_targets(&self, d: &mut String) {
        // Size.
        let total: u64 = self.web_size.iter().map(|(_, _, gz)| gz).sum();
        if self.web_size.is_empty() {
            d.push_str(&format!(
                "| web package ≤ {} gzipped (wasm + JS, all content) | – | {} | {} |\n",
                kib(WEB_GZIP_TARGET_BYTES),
                verdict(None),
                self.why_not(&["web_size"])
            ));
        } else {
            let parts: Vec<String> = self
                .web_size
                .iter()
                .map(|(name, bytes, gz)| format!("`{name}` {} ({} raw)", kib(*gz), kib(*bytes)))
                .collect();
            d.push_str(&format!(
                "| web package ≤ {} gzipped (wasm + JS, all content) | {} gzipped ({} of the \
                 target) | {} | `gzip -9` of every `.wasm` and `.js` of web/dist/ after `cargo \
                 xtask web`: {}. The content (ja.json + en.json) is compiled into the wasm. See \
                 [Web](#web). |\n",
                kib(WEB_GZIP_TARGET_BYTES),
                kib(total),
                ratio(total as f64 / WEB_GZIP_TARGET_BYTES as f64),
                verdict(Some(total <= WEB_GZIP_TARGET_BYTES)),
                parts.join(", ")
            ));
        }
        // First evaluate in Chromium.
        let first = self.first_evaluate();
        match first.get("evaluated") {
            Some(v) if !v.is_empty() => d.push_str(&format!(
                "| first evaluate in Chromium after page load (reported, no threshold) | {} \
                 after the navigation started (median of {} fresh contexts) | **measured** | \
                 The page's module starts at {}, the package's JS is imported at {}, the wasm \
                 fetched and instantiated at {}, the first evaluate returns at {}: the evaluate \
                 itself takes {}, a second one {}. See [Web](#web). |\n",
                ms(median(v)),
                v.len(),
                ms(self.first_median(&first, "script")),
                ms(self.first_median(&first, "imported")),
                ms(self.first_median(&first, "instantiated")),
                ms(median(v)),
                ms(median(v) - self.first_median(&first, "instantiated")),
                ms(self.first_median(&first, "second")),
            )),
            _ => d.push_str(&format!(
                "| first evaluate in Chromium after page load | – | {} | {} |\n",
                verdict(None),
                self.why_not(&["web_size", "web_chromium"])
            )),
        }
        // Node side by side.
        let paired = lines("web_ua.txt", "PAIRED");
        if paired.is_empty() {
            d.push_str(&format!(
                "| user-agent classification in Node, side by side with inapp-spy and \
                 ua-parser-js | – | {} | {} |\n",
                verdict(None),
                self.why_not(&["web_size", "web_node"])
            ));
        } else {
            let (right, wrong) = self.web_in_app_score();
            let ratios: Vec<String> = paired
                .iter()
                .map(|p| {
                    format!(
                        "{} than {} (middle half {} to {})",
                        faster(number(p.get(1))),
                        p.first().map_or("?", String::as_str),
                        ratio(number(p.get(2))),
                        ratio(number(p.get(3)))
                    )
                })
                .collect();
            let scores: Vec<String> = right
                .iter()
                .zip(&wrong)
                .map(|((name, r), (_, w))| format!("{name} {r} right, {w} false alarms"))
                .collect();
            d.push_str(&format!(
                "| user-agent classification in Node, side by side with inapp-spy and \
                 ua-parser-js (reported, no threshold) | {} | **measured** | Paired rounds over \
                 the {} user agents of `tests/corpus/user_agents.txt` in one Node process. \
                 In-app cases of the vectors (of {}): {}. See [Web](#web). |\n",
                ratios.join("; "),
                lines("web_ua.txt", "CORPUS")
                    .first()
                    .and_then(|c| c.first().cloned())
                    .unwrap_or_else(|| "–".to_owned()),
                self.in_app_cases.len(),
                scores.join("; "),
            ));
        }
    }

    fn first_evaluate(&self) -> BTreeMap<String, Vec<f64>> {
        let mut map: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for l in lines("web_first.txt", "FIRST") {
            if let (Some(step), v) = (l.first(), number(l.get(1))) {
                map.entry(step.clone()).or_default().push(v);
            }
        }
        map
    }

    fn first_median(&self, first: &BTreeMap<String, Vec<f64>>, step: &str) -> f64 {
        first.get(step).map_or(f64::NAN, |v| median(v))
    }

    /// Per parser: in-app cases answered "in an app", and browsers answered "in an app".
    fn web_in_app_score(&self) -> (Vec<Count>, Vec<Count>) {
        let names = ["PasskeyReady (wasm)", "inapp-spy", "ua-parser-js"];
        let cases = lines("web_ua.txt", "CASE");
        let count = |expected: &str, column: usize| {
            cases
                .iter()
                .filter(|c| c.get(1).map(String::as_str) == Some(expected))
                .filter(|c| c.get(column).is_some_and(|a| a != "-"))
                .count()
        };
        let right = names
            .iter()
            .enumerate()
            .map(|(i, n)| ((*n).to_owned(), count("app", i + 2)))
            .collect();
        let wrong = names
            .iter()
            .enumerate()
            .map(|(i, n)| ((*n).to_owned(), count("browser", i + 2)))
            .collect();
        (right, wrong)
    }

    /// The web section.
    pub(super) fn web_section(&self, d: &mut String) {
        d.push_str("## Web\n\n");
        d.push_str(
            "The npm package `passkey-ready` (web/, wasm-bindgen `--target web`), built by \
             `cargo xtask web` (release profile of the `passkey-ready-web` crate).\n\n",
        );
        if self.web_size.is_empty() {
            d.push_str(&format!(
                "Not measured: {}.\n\n",
                self.why_not(&["web_size"])
            ));
            return;
        }
        d.push_str("| file | bytes | gzipped (`gzip -9`) |\n|---|---:|---:|\n");
        for (name, bytes, gz) in &self.web_size {
            d.push_str(&format!("| `{name}` | {} | {} |\n", kib(*bytes), kib(*gz)));
        }
        d.push('\n');

        d.push_str("### First evaluate in Chromium\n\n");
        let first = self.first_evaluate();
        if first.is_empty() {
            d.push_str(&format!(
                "Not measured: {}.\n\n",
                self.why_not(&["web_chromium"])
            ));
        } else {
            let version = lines("web_first.txt", "VERSION")
                .first()
                .and_then(|v| v.first().cloned())
                .unwrap_or_default()
                .replace('_', " ");
            d.push_str(&format!(
                "benchmarks/web/first-evaluate.mjs drives {} (Debian's, headless, through \
                 playwright-core) to a minimal page (benchmarks/web/first-evaluate.html) served \
                 from the same process over loopback HTTP, a fresh browser context per run so \
                 nothing is cached. The page's module imports the package's JS, fetches and \
                 instantiates the wasm, then evaluates one snapshot (`android-ready`, Japanese). \
                 Milliseconds since the navigation started, median of the runs:\n\n\
                 | step | median | range |\n|---|---:|---|\n",
                cell(&version)
            ));
            for (step, label) in [
                ("load", "the page's load event"),
                ("script", "the page's module starts"),
                ("imported", "the package's JS imported"),
                ("instantiated", "the wasm fetched and instantiated"),
                ("evaluated", "the first evaluate returned"),
                ("second", "a second evaluate, alone (duration)"),
            ] {
                if let Some(v) = first.get(step) {
                    d.push_str(&format!(
                        "| {label} | {} | {} – {} |\n",
                        ms(median(v)),
                        ms(min(v)),
                        ms(max(v))
                    ));
                }
            }
            d.push('\n');
        }

        d.push_str("### User-agent classification in Node, side by side\n\n");
        let per_ua = lines("web_ua.txt", "PER_UA");
        if per_ua.is_empty() {
            d.push_str(&format!(
                "Not measured: {}.\n\n",
                self.why_not(&["web_node"])
            ));
            return;
        }
        let versions: Vec<String> = lines("web_ua.txt", "VERSION")
            .iter()
            .map(|v| v.join(" "))
            .collect();
        d.push_str(&format!(
            "benchmarks/web/ua.mjs ({}): the package's `classifyUserAgent` (wasm, loaded with \
             `initSync`), inapp-spy's `InAppSpy({{ ua }})` and ua-parser-js's \
             `new UAParser(ua).getBrowser()` on the same corpus in one process, 2 s of warm-up. \
             Each paired round times the whole corpus with PasskeyReady and with the peer back \
             to back, order swapped every round. inapp-spy and ua-parser-js are benchmark-only \
             packages of benchmarks/web/package.json (MIT), never dependencies of the product.\n\n\
             | parser | per user agent (median round) |\n|---|---:|\n",
            versions.join(", ")
        ));
        for p in &per_ua {
            d.push_str(&format!(
                "| {} | {} |\n",
                p.first().map_or("?", String::as_str),
                t(number(p.get(1)))
            ));
        }
        d.push_str(
            "\n| peer | PasskeyReady is faster by (median ratio) | middle half | rounds |\n\
             |---|---:|---|---:|\n",
        );
        for p in lines("web_ua.txt", "PAIRED") {
            d.push_str(&format!(
                "| {} | {} | {} – {} | {} |\n",
                p.first().map_or("?", String::as_str),
                ratio(number(p.get(1))),
                ratio(number(p.get(2))),
                ratio(number(p.get(3))),
                p.get(4).map_or("?", String::as_str),
            ));
        }
        d.push_str(
            "\nIn-app answers on `tests/vectors/user_agents.json`, case by case (each parser's \
             own word; ua-parser-js has no in-app field, so its browser names GSA, Chrome \
             WebView, WebKit, Line, Instagram, Facebook, Twitter, TikTok, Snapchat, WeChat, \
             Pinterest and Yahoo! Japan count as an app; `-`: not in an app; ✗: wrong):\n\n\
             | case | expected | PasskeyReady (wasm) | inapp-spy | ua-parser-js |\n\
             |---|---|---|---|---|\n",
        );
        let cases = lines("web_ua.txt", "CASE");
        for c in cases
            .iter()
            .filter(|c| c.get(1).map(String::as_str) == Some("app"))
        {
            let mark = |a: Option<&String>| match a.map(String::as_str) {
                Some("-") | None => "- ✗".to_owned(),
                Some(word) => format!("{} ✓", cell(word)),
            };
            d.push_str(&format!(
                "| `{}` | app | {} | {} | {} |\n",
                c.first().map_or("?", String::as_str),
                mark(c.get(2)),
                mark(c.get(3)),
                mark(c.get(4)),
            ));
        }
        let alarms: Vec<String> = cases
            .iter()
            .filter(|c| c.get(1).map(String::as_str) == Some("browser"))
            .filter_map(|c| {
                let said: Vec<&str> = ["PasskeyReady", "inapp-spy", "ua-parser-js"]
                    .iter()
                    .zip(c.iter().skip(2))
                    .filter(|(_, a)| a.as_str() != "-")
                    .map(|(n, _)| *n)
                    .collect();
                (!said.is_empty()).then(|| {
                    format!(
                        "`{}` ({})",
                        c.first().map_or("?", String::as_str),
                        said.join(", ")
                    )
                })
            })
            .collect();
        d.push_str(&format!(
            "\nFalse \"in an app\" on the {} other cases: {}.\n\n",
            cases.len().saturating_sub(self.in_app_cases.len()),
            if alarms.is_empty() {
                "none".to_owned()
            } else {
                alarms.join(", ")
            }
        ));
    }
}

fn ms(value: f64) -> String {
    if value.is_nan() {
        "–".to_owned()
    } else {
        format!("{value:.1} ms")
    }
}

fn faster(r: f64) -> String {
    if r >= 1.0 {
        format!("{} faster", ratio(r))
    } else {
        format!("{} slower", ratio(1.0 / r))
    }
}
