//! The pieces both pages share: a guide section's steps, notes and variants, and the
//! troubleshooting answers.

use std::fmt::Write;

use passkey_ready_core::session::{HelpNote, HelpSection, HelpStep, HelpTroubleshooting};

use super::{anchor, escape};

/// A section's body: its intro, the note on OS versions, the steps, the other versions'
/// steps under their labels (headings one level below `level`).
pub fn body(out: &mut String, section: &HelpSection, level: u8) {
    let _ = writeln!(out, "<p>{}</p>", escape(&section.intro));
    if let Some(text) = &section.written_for {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(text));
    }
    steps(out, &section.steps);
    for variant in &section.variants {
        let _ = writeln!(
            out,
            "<h{level}>{}</h{level}>",
            escape(&variant.label),
            level = level.saturating_add(1).min(6)
        );
        steps(out, &variant.steps);
    }
}

/// An ordered list whose numbers are the content's own (`1.`, `①`, `a. `): the list keeps
/// its order for assistive technology, the numbers stay as the page writes them.
fn steps(out: &mut String, steps: &[HelpStep]) {
    if steps.is_empty() {
        return;
    }
    out.push_str("<ol>\n");
    for step in steps {
        let _ = write!(
            out,
            "<li><span class=\"num\">{}</span>{}",
            escape(&step.number),
            escape(&step.text)
        );
        notes(out, &step.notes);
        if !step.substeps.is_empty() {
            out.push_str("\n<ol>\n");
            for sub in &step.substeps {
                let _ = write!(
                    out,
                    "<li><span class=\"num\">{}</span>{}",
                    escape(&sub.number),
                    escape(&sub.text)
                );
                notes(out, &sub.notes);
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

pub fn notes(out: &mut String, notes: &[HelpNote]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("\n<ul>\n");
    for note in notes {
        let _ = writeln!(
            out,
            "<li class=\"note\">{}{}</li>",
            escape(&note.mark),
            escape(&note.text)
        );
    }
    out.push_str("</ul>\n");
}

/// The troubleshooting answers as a section of `main`: questions as `h3`.
pub fn troubleshooting(out: &mut String, t: &HelpTroubleshooting) {
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"troubleshooting\">\n<h2 id=\"troubleshooting\">{}</h2>",
        escape(&t.heading)
    );
    for faq in &t.faqs {
        let _ = writeln!(
            out,
            "<div class=\"faq\" id=\"{}\">\n<h3>{}</h3>\n<p>{}</p>\n</div>",
            anchor(&faq.id),
            escape(&faq.question),
            escape(&faq.answer)
        );
    }
    out.push_str("</section>\n");
}
