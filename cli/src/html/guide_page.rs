//! `guide --format html`: in the page's order, the troubleshooting answers, the preparation
//! with the device table (whole guide only), then one device's guide or every device's.

use std::fmt::Write;

use passkey_ready_core::session::{GuidePage, HelpPreparation};

use super::{anchor, document, escape, section};

pub fn guide_page(page: &GuidePage) -> String {
    let mut main = String::new();
    section::troubleshooting(&mut main, &page.troubleshooting);
    if let Some(preparation) = &page.preparation {
        preparation_section(&mut main, preparation);
    }
    for device in &page.devices {
        let id = anchor(&format!("guide.{}", device.id));
        let _ = writeln!(
            main,
            "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>",
            escape(&device.title)
        );
        if let Some(text) = &device.written_for {
            let _ = writeln!(main, "<p class=\"note\">{}</p>", escape(text));
        }
        section::notes(&mut main, &device.notes);
        for part in &device.sections {
            let _ = writeln!(
                main,
                "<section id=\"{}\">\n<h3>{}</h3>",
                anchor(&part.id),
                escape(&part.heading)
            );
            section::body(&mut main, part, 3);
            main.push_str("</section>\n");
        }
        main.push_str("</section>\n");
    }
    document(page.locale, &page.title, &main)
}

/// The introduction and the device table. The table scrolls sideways inside its own
/// region on a narrow screen (focusable, so that a keyboard can scroll it too); each row's
/// last cell goes to its device guide on the same page.
fn preparation_section(out: &mut String, p: &HelpPreparation) {
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"preparation\">\n<h2 id=\"preparation\">{}</h2>",
        escape(&p.heading)
    );
    for paragraph in &p.paragraphs {
        let _ = writeln!(out, "<p>{}</p>", escape(paragraph));
    }
    let _ = writeln!(
        out,
        "<p class=\"note\">{}{}</p>",
        escape(&p.note.mark),
        escape(&p.note.text)
    );
    let t = &p.table;
    let _ = writeln!(
        out,
        "<h3 id=\"device-table\">{}</h3>\n<div class=\"table\" role=\"region\" aria-labelledby=\"device-table\" tabindex=\"0\">\n<table>\n<thead>\n<tr>",
        escape(&t.heading)
    );
    for heading in &t.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(heading));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for cell in &row.cells {
            let _ = write!(out, "<td>{}</td>", escape(cell));
        }
        let _ = writeln!(
            out,
            "<td><a href=\"#{}\">{}</a></td></tr>",
            anchor(&format!("guide.{}", row.guide)),
            escape(&row.setup)
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    section::notes(out, &t.footnotes);
    out.push_str("</section>\n");
}
