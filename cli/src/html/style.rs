//! The pages' CSS, with its colours as data so that a test can check every text colour
//! against its background (WCAG 2 contrast, at least 4.5:1) in both colour schemes.

/// A text colour on a background, as `#rrggbb`.
#[derive(Debug, Clone, Copy)]
pub struct Pair {
    pub name: &'static str,
    pub text: &'static str,
    pub background: &'static str,
}

/// The light scheme: the page's text, each row kind's badge (and edge, and the banner's
/// look), a row's panel, a disclosure's summary, a link.
pub const LIGHT: [Pair; 9] = [
    pair("page", "#1b1b1f", "#ffffff"),
    pair("muted", "#44474e", "#ffffff"),
    pair("to_fix", "#8c1d18", "#fceeee"),
    pair("to_answer", "#6b4500", "#fff3dc"),
    pair("done", "#1d5c2b", "#e7f4ea"),
    pair("neutral", "#3f4148", "#eceef2"),
    pair("panel", "#1b1b1f", "#f4f5f8"),
    pair("summary", "#0b4a8c", "#f4f5f8"),
    pair("link", "#0b4a8c", "#ffffff"),
];

/// The dark scheme, the same names.
pub const DARK: [Pair; 9] = [
    pair("page", "#e4e2e6", "#121316"),
    pair("muted", "#c4c6cf", "#121316"),
    pair("to_fix", "#ffb4ab", "#3d1614"),
    pair("to_answer", "#ffd480", "#3a2a05"),
    pair("done", "#a6dbb2", "#10301a"),
    pair("neutral", "#d6d8df", "#2b2d33"),
    pair("panel", "#e4e2e6", "#1d1f24"),
    pair("summary", "#a8c8ff", "#1d1f24"),
    pair("link", "#a8c8ff", "#121316"),
];

const fn pair(name: &'static str, text: &'static str, background: &'static str) -> Pair {
    Pair {
        name,
        text,
        background,
    }
}

fn variables(pairs: &[Pair]) -> String {
    pairs
        .iter()
        .map(|p| format!("--{0}-fg:{1};--{0}-bg:{2};", p.name, p.text, p.background))
        .collect()
}

/// The style sheet: layout from 320 px up, both schemes, visible focus.
/// The device table's last column (the link to a device guide, a word or two) never wraps:
/// Japanese breaks between any two characters, and a narrow column split 設定 in two.
pub fn css() -> String {
    format!(
        ":root{{{light}}}\n\
         @media (prefers-color-scheme: dark){{:root{{{dark}}}}}\n\
         *{{box-sizing:border-box}}\n\
         html{{-webkit-text-size-adjust:100%;text-size-adjust:100%}}\n\
         body{{margin:0;font-family:system-ui,-apple-system,\"Hiragino Sans\",\"Noto Sans JP\",\"Yu Gothic\",sans-serif;\
         line-height:1.6;color:var(--page-fg);background:var(--page-bg);overflow-wrap:anywhere}}\n\
         header,main{{max-width:46rem;margin:0 auto;padding:0 1rem}}\n\
         h1{{font-size:1.5rem;line-height:1.3;margin:1.25rem 0 .75rem}}\n\
         h2{{font-size:1.25rem;margin:1.75rem 0 .5rem}}\n\
         h3{{font-size:1.1rem;margin:0 0 .25rem}}\n\
         h4,h5{{font-size:1rem;margin:.75rem 0 .25rem}}\n\
         section section{{margin-top:1.5rem}}\n\
         p{{margin:.25rem 0;white-space:pre-line}}\n\
         .banner{{padding:.75rem 1rem;border-radius:.5rem;border-left:.375rem solid}}\n\
         .banner h2{{margin:0 0 .25rem}}\n\
         .ready{{color:var(--done-fg);background:var(--done-bg)}}\n\
         .not_ready{{color:var(--to_fix-fg);background:var(--to_fix-bg)}}\n\
         .needs_answers{{color:var(--to_answer-fg);background:var(--to_answer-bg)}}\n\
         .rows{{list-style:none;margin:0;padding:0}}\n\
         .row{{margin:.75rem 0;padding:.75rem 1rem;border-radius:.5rem;background:var(--panel-bg);color:var(--panel-fg);border-left:.375rem solid var(--neutral-fg)}}\n\
         .row.to_fix{{border-left-color:var(--to_fix-fg)}}\n\
         .row.to_answer{{border-left-color:var(--to_answer-fg)}}\n\
         .row.done{{border-left-color:var(--done-fg)}}\n\
         .badge{{display:inline-block;padding:0 .5rem;border-radius:1rem;font-weight:600;color:var(--neutral-fg);background:var(--neutral-bg)}}\n\
         .to_fix .badge{{color:var(--to_fix-fg);background:var(--to_fix-bg)}}\n\
         .to_answer .badge{{color:var(--to_answer-fg);background:var(--to_answer-bg)}}\n\
         .done .badge{{color:var(--done-fg);background:var(--done-bg)}}\n\
         .question{{font-weight:600}}\n\
         .note{{color:var(--muted-fg)}}\n\
         .row .note{{color:var(--panel-fg)}}\n\
         details{{margin-top:.5rem}}\n\
         summary{{cursor:pointer;font-weight:600;color:var(--summary-fg);min-height:2.75rem;display:list-item;padding:.5rem 0}}\n\
         summary:focus-visible{{outline:.1875rem solid var(--summary-fg);outline-offset:.125rem}}\n\
         ol,ul{{margin:.25rem 0;padding-left:0;list-style:none}}\n\
         ol ol,ol ul{{padding-left:1.5rem}}\n\
         li{{margin:.25rem 0}}\n\
         .num{{font-variant-numeric:tabular-nums}}\n\
         .faq{{margin:1rem 0}}\n\
         .table{{overflow-x:auto;margin:.5rem 0}}\n\
         .table:focus-visible{{outline:.1875rem solid var(--summary-fg)}}\n\
         table{{border-collapse:collapse;min-width:36rem}}\n\
         th,td{{text-align:left;vertical-align:top;padding:.375rem .5rem;border:1px solid var(--muted-fg);overflow-wrap:normal}}\n\
         th{{background:var(--panel-bg);color:var(--panel-fg)}}\n\
         th:last-child,td:last-child{{white-space:nowrap}}\n\
         a{{color:var(--link-fg)}}\n\
         a:focus-visible{{outline:.1875rem solid var(--link-fg);outline-offset:.125rem}}\n",
        light = variables(&LIGHT),
        dark = variables(&DARK),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
            let c = f64::from(v) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn every_text_colour_has_a_contrast_of_at_least_4_5_in_both_schemes() {
        for pair in LIGHT.iter().chain(&DARK) {
            let ratio = contrast(pair.text, pair.background);
            assert!(ratio >= 4.5, "{}: {ratio:.2}", pair.name);
        }
        // A row's texts stand on the panel: its badge colours and note colour too.
        for scheme in [&LIGHT, &DARK] {
            let panel = scheme
                .iter()
                .find(|p| p.name == "panel")
                .map(|p| p.background);
            for pair in scheme
                .iter()
                .filter(|p| p.name != "page" && p.name != "muted")
            {
                let ratio = contrast(pair.text, panel.unwrap_or("#000000"));
                assert!(ratio >= 3.0, "{} edge on the panel: {ratio:.2}", pair.name);
            }
        }
        assert!(contrast("#000000", "#ffffff") > 20.9);
    }
}
