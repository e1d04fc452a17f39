//! The guide as plain text (the page's own layout) and as Markdown (for the bank's website).
//! Numbering is derived here: steps `1.`, sub-steps `①`, questions `Q1.`, footnotes `※1`.

use std::fmt::Write;

use super::model::{Cell, DeviceGuide, DeviceTable, Guide, NoteKind, Part, Step};

const CIRCLED: [&str; 20] = [
    "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲",
    "⑳",
];

/// `①` for 1, …, `⑳` for 20, then `(21)`.
pub fn circled(n: usize) -> String {
    n.checked_sub(1)
        .and_then(|i| CIRCLED.get(i))
        .map_or_else(|| format!("({n})"), |s| (*s).to_owned())
}

/// `※1` for the table's first footnote.
pub fn footnote_mark(table: &DeviceTable, id: &str) -> String {
    table
        .footnotes
        .iter()
        .position(|n| n.id == id)
        .map_or_else(String::new, |i| format!("※{}", i + 1))
}

/// The text format: the page's layout, one item a line. `guide` must already have its
/// service name filled in ([`Guide::with_service`]).
pub fn text(guide: &Guide) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", guide.title);
    let t = &guide.troubleshooting;
    let _ = writeln!(out, "■ {}\n", t.heading);
    for (n, faq) in (1..).zip(&t.faqs) {
        let _ = writeln!(out, "Q{n}. {}\n", faq.question);
        let _ = writeln!(out, "A{n}. {}\n", faq.answer);
    }
    let p = &guide.preparation;
    let _ = writeln!(out, "■ {}\n", p.heading);
    for paragraph in &p.paragraphs {
        let _ = writeln!(out, "{paragraph}\n");
    }
    let _ = writeln!(out, "{}\n", p.already_using_note);
    let table = &p.device_table;
    let _ = writeln!(out, "【{}】\n", table.heading);
    let h = &table.header;
    let _ = writeln!(
        out,
        "{}\t{}\t{}\t{}\t{}",
        h.device,
        h.os,
        text_cell(table, &h.standard_browser, ""),
        h.passkey_store,
        h.setup
    );
    for row in &table.rows {
        let number = guide_number(guide, &row.guide);
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{} → {number}",
            row.device,
            row.os,
            text_cell(table, &row.standard_browser, " "),
            row.passkey_store,
            row.setup_link
        );
    }
    let _ = writeln!(out);
    for (n, note) in (1..).zip(&table.footnotes) {
        let _ = writeln!(out, "※{n} {}\n", note.text);
    }
    for (n, g) in (1..).zip(&guide.guides) {
        device_text(&mut out, n, g);
    }
    out
}

/// One device guide in the text format, numbered as on the whole page.
pub fn device_text_of(guide: &Guide, id: &str) -> Option<String> {
    let g = guide.device_guide(id)?;
    let mut out = String::new();
    device_text(&mut out, guide_number(guide, id), g);
    Some(out)
}

fn guide_number(guide: &Guide, id: &str) -> usize {
    guide
        .guides
        .iter()
        .position(|g| g.id == id)
        .map_or(0, |i| i + 1)
}

fn text_cell(table: &DeviceTable, cell: &Cell, gap: &str) -> String {
    match &cell.footnote {
        Some(id) => format!("{}{gap}{}", cell.text, footnote_mark(table, id)),
        None => cell.text.clone(),
    }
}

fn device_text(out: &mut String, n: usize, g: &DeviceGuide) {
    let _ = writeln!(out, "{n}.{}\n", g.title);
    for part in &g.parts {
        part_text(out, part);
    }
}

fn part_text(out: &mut String, part: &Part) {
    let heading = [part.label.as_deref(), part.title.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !heading.is_empty() {
        let _ = writeln!(out, "{heading}\n");
    }
    let _ = writeln!(out, "{}\n", part.requirement);
    for (n, step) in (1..).zip(&part.steps) {
        step_text(out, n, step);
    }
    let _ = writeln!(out);
}

fn step_text(out: &mut String, n: usize, step: &Step) {
    let inline = inline_notes(&step.notes);
    let _ = writeln!(out, "- {n}.{}{inline}", step.text);
    for note in step
        .notes
        .iter()
        .filter(|n| n.kind != NoteKind::Prerequisite)
    {
        let _ = writeln!(out, "  {}", note.text);
    }
    for (m, sub) in (1..).zip(&step.substeps) {
        let inline = inline_notes(&sub.notes);
        let _ = writeln!(out, "  - {}{}{inline}", circled(m), sub.text);
        for note in sub
            .notes
            .iter()
            .filter(|n| n.kind != NoteKind::Prerequisite)
        {
            let _ = writeln!(out, "    {}", note.text);
        }
    }
}

/// Prerequisites stand on the step's own line, as the page prints them.
fn inline_notes(notes: &[super::model::Note]) -> String {
    notes
        .iter()
        .filter(|n| n.kind == NoteKind::Prerequisite)
        .map(|n| format!(" {}", n.text))
        .collect()
}

/// The Markdown format, for publishing the same text on a website. Every text is escaped, so
/// that content can never turn into links, HTML or code.
pub fn markdown(guide: &Guide) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&guide.title));
    let t = &guide.troubleshooting;
    let _ = writeln!(out, "## {}\n", md(&t.heading));
    for (n, faq) in (1..).zip(&t.faqs) {
        let _ = writeln!(out, "**Q{n}.** {}\n", md(&faq.question));
        let _ = writeln!(out, "**A{n}.** {}\n", md(&faq.answer));
    }
    let p = &guide.preparation;
    let _ = writeln!(out, "## {}\n", md(&p.heading));
    for paragraph in &p.paragraphs {
        let _ = writeln!(out, "{}\n", md(paragraph));
    }
    let _ = writeln!(out, "{}\n", md(&p.already_using_note));
    let table = &p.device_table;
    let _ = writeln!(out, "### {}\n", md(&table.heading));
    let h = &table.header;
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        md(&h.device),
        md(&h.os),
        md(&text_cell(table, &h.standard_browser, "")),
        md(&h.passkey_store),
        md(&h.setup)
    );
    for row in &table.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | [{}](#{}) |",
            md(&row.device),
            md(&row.os),
            md(&text_cell(table, &row.standard_browser, " ")),
            md(&row.passkey_store),
            md(&row.setup_link),
            row.guide
        );
    }
    let _ = writeln!(out);
    for (n, note) in (1..).zip(&table.footnotes) {
        let _ = writeln!(out, "※{n} {}\n", md(&note.text));
    }
    for (n, g) in (1..).zip(&guide.guides) {
        device_markdown(&mut out, n, g);
    }
    out
}

pub fn device_markdown_of(guide: &Guide, id: &str) -> Option<String> {
    let g = guide.device_guide(id)?;
    let mut out = String::new();
    device_markdown(&mut out, guide_number(guide, id), g);
    Some(out)
}

fn device_markdown(out: &mut String, n: usize, g: &DeviceGuide) {
    let _ = writeln!(out, "<a id=\"{}\"></a>\n\n## {n}. {}\n", g.id, md(&g.title));
    for part in &g.parts {
        let heading = [part.label.as_deref(), part.title.as_deref()]
            .into_iter()
            .flatten()
            .map(md)
            .collect::<Vec<_>>()
            .join(" ");
        if !heading.is_empty() {
            let _ = writeln!(out, "<a id=\"{}\"></a>\n\n### {heading}\n", part.id);
        }
        let _ = writeln!(out, "{}\n", md(&part.requirement));
        for (k, step) in (1..).zip(&part.steps) {
            let inline = md(&inline_notes(&step.notes));
            let _ = writeln!(out, "{k}. {}{inline}", md(&step.text));
            for note in step
                .notes
                .iter()
                .filter(|n| n.kind != NoteKind::Prerequisite)
            {
                let _ = writeln!(out, "\n   {}\n", md(&note.text));
            }
            for (m, sub) in (1..).zip(&step.substeps) {
                let inline = md(&inline_notes(&sub.notes));
                let _ = writeln!(out, "   - {}{}{inline}", circled(m), md(&sub.text));
                for note in sub
                    .notes
                    .iter()
                    .filter(|n| n.kind != NoteKind::Prerequisite)
                {
                    let _ = writeln!(out, "\n     {}\n", md(&note.text));
                }
            }
        }
        let _ = writeln!(out);
    }
}

/// Backslash-escapes every ASCII punctuation character Markdown could read as syntax.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '('
                | ')'
                | '<'
                | '>'
                | '#'
                | '|'
                | '!'
                | '&'
                | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circled_numbers() {
        assert_eq!(circled(1), "①");
        assert_eq!(circled(20), "⑳");
        assert_eq!(circled(21), "(21)");
        assert_eq!(circled(0), "(0)");
    }

    #[test]
    fn markdown_escapes_syntax() {
        assert_eq!(md("[設定]"), "\\[設定\\]");
        assert_eq!(md("<script>"), "\\<script\\>");
        assert_eq!(md("a|b"), "a\\|b");
    }
}
