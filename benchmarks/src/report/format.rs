//! How figures are written.

// --- Formatting ------------------------------------------------------------------------------

pub(super) fn t(ns: f64) -> String {
    if ns.is_nan() {
        "–".to_owned()
    } else if ns < 1_000.0 {
        format!("{ns:.0} ns")
    } else if ns < 1_000_000.0 {
        format!("{:.2} µs", ns / 1_000.0)
    } else {
        format!("{:.2} ms", ns / 1_000_000.0)
    }
}

pub(super) fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

pub(super) fn ratio(x: f64) -> String {
    if x.is_nan() || x.is_infinite() {
        "–".to_owned()
    } else if x >= 10.0 {
        format!("{x:.0}×")
    } else {
        format!("{x:.1}×")
    }
}

pub(super) fn verdict(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "**met**",
        Some(false) => "**not met**",
        None => "**not measured**",
    }
}

pub(super) fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'"))
}

pub(super) fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
