//! Memory: peak resident set size of the CLI and of the first-use probe.

use super::*;

impl Report {
    /// Peak RSS.
    pub(super) fn memory_section(&self, d: &mut String) {
        // ---- Memory.
        d.push_str("## Memory\n\n");
        d.push_str(
            "Peak resident set size (`/usr/bin/time -v`, \"Maximum resident set size\"), median \
         of 5 runs each, release builds:\n\n| command | peak RSS | range |\n|---|---:|---|\n",
        );
        for (label, key) in [
        (
            "`passkey-ready check --snapshot examples/android-ready.json`",
            "check",
        ),
        (
            "`first-use sdk examples/android-ready.json` (`PasskeyReady::new` + one `evaluate`)",
            "sdk",
        ),
        ("`first-use noop` (a Rust process that does nothing: the floor)", "noop"),
    ] {
        let v = self.rss.get(key).cloned().unwrap_or_default();
        d.push_str(&format!(
            "| {label} | {} | {} – {} |\n",
            if v.is_empty() {
                "–".into()
            } else {
                format!("{:.0} KiB", median(&v))
            },
            if v.is_empty() {
                "–".into()
            } else {
                format!("{:.0}", min(&v))
            },
            if v.is_empty() {
                "–".into()
            } else {
                format!("{:.0} KiB", max(&v))
            },
        ));
    }
        if let (Some(check), Some(noop)) = (self.rss.get("check"), self.rss.get("noop")) {
            d.push_str(&format!(
                "\nThe check itself (the content parsed, the guide localized once, the report \
             rendered) adds about {:.0} KiB above an idle Rust process.\n",
                median(check) - median(noop)
            ));
        }
        if self.rss.is_empty() {
            d.push_str(&format!("\nNot measured: {}.\n", self.why_not(&["rss"])));
        }
        d.push('\n');
    }
}
