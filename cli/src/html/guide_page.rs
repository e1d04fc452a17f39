//! `guide --format html`: one device's guide, or every device's, then the troubleshooting
//! answers.

use std::fmt::Write;

use passkey_ready_core::session::GuidePage;

use super::{anchor, document, escape, section};

pub fn guide_page(page: &GuidePage) -> String {
    let mut main = String::new();
    for device in &page.devices {
        let id = anchor(&format!("guide.{}", device.id));
        let _ = writeln!(
            main,
            "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>",
            escape(&device.title)
        );
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
    section::troubleshooting(&mut main, &page.troubleshooting);
    document(page.locale, &page.title, &main)
}
