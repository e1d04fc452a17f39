//! `check --format html`: the help screen of one device.

use std::fmt::Write;

use passkey_ready_core::session::{BannerKind, HelpRow, HelpScreen, RowKind};

use super::{anchor, document, escape, section};

pub fn help_screen(screen: &HelpScreen) -> String {
    let mut main = String::new();
    let banner = match screen.banner.kind {
        BannerKind::Ready => "ready",
        BannerKind::NotReady => "not_ready",
        BannerKind::NeedsAnswers => "needs_answers",
    };
    // A status, announced once when the page is read; the page never changes it.
    let _ = writeln!(
        main,
        "<section class=\"banner {banner}\" aria-labelledby=\"status\">\n<h2 id=\"status\">{}</h2>\n<p>{}</p>\n</section>",
        escape(&screen.banner.heading),
        escape(&screen.banner.text)
    );
    let _ = writeln!(
        main,
        "<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">{}</h2>\n<ul class=\"rows\">",
        escape(&screen.findings_heading)
    );
    // Whether the customer already uses passkeys comes first: then nothing else is needed.
    for row in screen.already_using.iter().chain(&screen.rows) {
        help_row(&mut main, row);
    }
    main.push_str("</ul>\n</section>\n");
    section::troubleshooting(&mut main, &screen.troubleshooting);
    document(screen.locale, &screen.title, &main)
}

fn help_row(out: &mut String, row: &HelpRow) {
    let kind = match row.kind {
        RowKind::Done => "done",
        RowKind::ToFix => "to_fix",
        RowKind::ToAnswer => "to_answer",
        RowKind::NotNeeded => "not_needed",
        RowKind::Information => "information",
    };
    let id = anchor(&format!("check.{}", row.check));
    let _ = writeln!(
        out,
        "<li class=\"row {kind}\" id=\"{id}\">\n<h3>{}</h3>\n<p><span class=\"badge\">{}</span></p>\n<p>{}</p>",
        escape(&row.title),
        escape(&row.status_label),
        escape(&row.reason)
    );
    if let Some(question) = &row.question {
        let _ = writeln!(out, "<p class=\"question\">{}</p>", escape(&question.text));
    }
    // The button of an app (open settings) has nothing to open on a page: the steps that
    // lead to that screen are the way, behind the content's steps label.
    if let Some(section) = &row.section {
        let open = if matches!(row.kind, RowKind::ToFix | RowKind::ToAnswer) {
            " open"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<details{open}>\n<summary>{}</summary>\n<h4>{}</h4>",
            escape(&section.label),
            escape(&section.heading)
        );
        section::body(out, section, 4);
        out.push_str("</details>\n");
    }
    out.push_str("</li>\n");
}
