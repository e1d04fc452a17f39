//! The guide as plain text (the page's own layout) and as Markdown (for the bank's website).
//!
//! What the renderer adds to the content's texts is written the way the guide's locale
//! writes it ([`Typography`]): Japanese keeps the page's typography (`■`, `【】`, `※1`,
//! `1.` directly before the text, `①`), English uses its own (`*1`, `Note:`, `1. `, `a.`).
//! Texts never carry these numbers and marks themselves.

use std::fmt::Write;

use super::footnotes;
use super::model::{Cell, DeviceGuide, DeviceTable, Guide, Locale, Note, NoteKind, Part, Step};

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

/// `a` for 1, …, `z` for 26, then the number.
fn lettered(n: usize) -> String {
    n.checked_sub(1)
        .and_then(|i| u8::try_from(i).ok())
        .filter(|i| *i < 26)
        .map_or_else(|| n.to_string(), |i| char::from(b'a' + i).to_string())
}

/// How one locale writes the numbers, marks and headings the renderer adds.
#[derive(Debug, Clone, Copy)]
pub struct Typography(Locale);

impl Typography {
    pub fn of(locale: Locale) -> Typography {
        Typography(locale)
    }

    /// The mark of the table's `n`th footnote: `※1` / `*1`.
    pub fn footnote(self, n: usize) -> String {
        match self.0 {
            Locale::Ja => format!("※{n}"),
            Locale::En => format!("*{n}"),
        }
    }

    /// Between a table cell and its footnote mark. The Japanese page sets the header's mark
    /// close (`標準ブラウザ※1`) and a row's apart (`Chrome ※2`).
    fn cell_gap(self, header: bool) -> &'static str {
        match (self.0, header) {
            (Locale::Ja, true) => "",
            _ => " ",
        }
    }

    /// What stands before a note of this kind: the page marks conditions, prerequisites,
    /// hints and the "already using passkeys" note with `※`; alternatives (in brackets) and
    /// cautions stand alone.
    pub fn note(self, kind: NoteKind) -> &'static str {
        match (self.0, kind) {
            (_, NoteKind::Alternative | NoteKind::Caution) => "",
            (Locale::Ja, _) => "※",
            (Locale::En, _) => "Note: ",
        }
    }

    /// Whether a prerequisite stands on its step's own line, as the Japanese page prints it
    /// (`7.指紋認証を設定する場合 ※…`); English gives it a line of its own, like other notes.
    fn inline_prerequisites(self) -> bool {
        self.0 == Locale::Ja
    }

    /// A step's number: `1.` (Japanese, set close to the text) / `1. `.
    pub fn step(self, n: usize) -> String {
        match self.0 {
            Locale::Ja => format!("{n}."),
            Locale::En => format!("{n}. "),
        }
    }

    /// A sub-step's number: `①` / `a. `.
    pub fn substep(self, n: usize) -> String {
        match self.0 {
            Locale::Ja => circled(n),
            Locale::En => format!("{}. ", lettered(n)),
        }
    }

    /// A part's label and title as one heading. Japanese sets no space after a full-width
    /// bracket, which carries its own (`＜設定3＞パスワード…`), and one after an ASCII one
    /// (`<設定1> Chrome…`); English reads "Part 1: Sign in…".
    pub fn part_heading(self, label: Option<&str>, title: Option<&str>) -> String {
        match (label, title) {
            (Some(label), Some(title)) => {
                let gap = match self.0 {
                    Locale::En => ": ",
                    Locale::Ja if label.ends_with(['＞', '】', '）', '」', '〉', '》']) => "",
                    Locale::Ja => " ",
                };
                format!("{label}{gap}{title}")
            }
            (Some(only), None) | (None, Some(only)) => only.to_owned(),
            (None, None) => String::new(),
        }
    }

    fn section(self, heading: &str) -> String {
        match self.0 {
            Locale::Ja => format!("■ {heading}"),
            Locale::En => underlined(heading, '='),
        }
    }

    fn table(self, heading: &str) -> String {
        match self.0 {
            Locale::Ja => format!("【{heading}】"),
            Locale::En => underlined(heading, '-'),
        }
    }
}

fn underlined(heading: &str, rule: char) -> String {
    let width = heading.chars().count();
    format!(
        "{heading}\n{}",
        std::iter::repeat(rule).take(width).collect::<String>()
    )
}

/// The footnote mark for the table's footnote `id` (`※1` / `*1`), empty when there is none.
pub fn footnote_mark(locale: Locale, table: &DeviceTable, id: &str) -> String {
    table
        .footnotes
        .iter()
        .position(|n| n.id == id)
        .map_or_else(String::new, |i| Typography::of(locale).footnote(i + 1))
}

/// The text format: the page's layout, one item a line. `guide` must already have its
/// service name filled in ([`Guide::with_service`]).
pub fn text(guide: &Guide) -> String {
    let ty = Typography::of(guide.locale);
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", guide.title);
    let t = &guide.troubleshooting;
    let _ = writeln!(out, "{}\n", ty.section(&t.heading));
    for (n, faq) in (1..).zip(&t.faqs) {
        let _ = writeln!(out, "Q{n}. {}\n", faq.question);
        let _ = writeln!(out, "A{n}. {}\n", faq.answer);
    }
    let p = &guide.preparation;
    let _ = writeln!(out, "{}\n", ty.section(&p.heading));
    for paragraph in &p.paragraphs {
        let _ = writeln!(out, "{paragraph}\n");
    }
    let _ = writeln!(out, "{}{}\n", ty.note(NoteKind::Hint), p.already_using_note);
    let table = &p.device_table;
    let _ = writeln!(out, "{}\n", ty.table(&table.heading));
    let h = &table.header;
    let _ = writeln!(
        out,
        "{}\t{}\t{}\t{}\t{}",
        h.device,
        h.os,
        text_cell(guide.locale, table, &h.standard_browser, true),
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
            text_cell(guide.locale, table, &row.standard_browser, false),
            row.passkey_store,
            row.setup_link
        );
    }
    let _ = writeln!(out);
    for (n, note) in (1..).zip(&table.footnotes) {
        let _ = writeln!(out, "{} {}\n", ty.footnote(n), note.text);
    }
    for (n, g) in (1..).zip(&guide.guides) {
        device_text(&mut out, ty, n, g);
    }
    out
}

/// One device guide in the text format, numbered as on the whole page, with the notes of
/// the page that apply to it: the "already using passkeys" note and the table's footnotes
/// about this device.
pub fn device_text_of(guide: &Guide, id: &str) -> Option<String> {
    let g = guide.device_guide(id)?;
    let ty = Typography::of(guide.locale);
    let mut out = String::new();
    let p = &guide.preparation;
    let _ = writeln!(out, "{}. {}\n", guide_number(guide, id), g.title);
    written_for_text(&mut out, g);
    let _ = writeln!(out, "{}{}\n", ty.note(NoteKind::Hint), p.already_using_note);
    for (n, note) in footnotes::for_guide(&p.device_table, id) {
        let _ = writeln!(out, "{} {}\n", ty.footnote(n), note.text);
    }
    parts_text(&mut out, ty, g);
    Some(out)
}

fn guide_number(guide: &Guide, id: &str) -> usize {
    guide
        .guides
        .iter()
        .position(|g| g.id == id)
        .map_or(0, |i| i + 1)
}

/// A table cell's text with its footnote mark, spaced as the locale sets it.
pub fn text_cell(locale: Locale, table: &DeviceTable, cell: &Cell, header: bool) -> String {
    match &cell.footnote {
        Some(id) => format!(
            "{}{}{}",
            cell.text,
            Typography::of(locale).cell_gap(header),
            footnote_mark(locale, table, id)
        ),
        None => cell.text.clone(),
    }
}

fn device_text(out: &mut String, ty: Typography, n: usize, g: &DeviceGuide) {
    let _ = writeln!(out, "{n}. {}\n", g.title);
    written_for_text(out, g);
    parts_text(out, ty, g);
}

fn written_for_text(out: &mut String, g: &DeviceGuide) {
    if let Some(written) = &g.written_for {
        let _ = writeln!(out, "{}\n", written.text);
    }
}

fn parts_text(out: &mut String, ty: Typography, g: &DeviceGuide) {
    for part in &g.parts {
        part_text(out, ty, part);
    }
}

fn part_text(out: &mut String, ty: Typography, part: &Part) {
    let heading = ty.part_heading(part.label.as_deref(), part.title.as_deref());
    if !heading.is_empty() {
        let _ = writeln!(out, "{heading}\n");
    }
    let _ = writeln!(out, "{}\n", part.requirement);
    steps_text(out, ty, &part.steps);
    for variant in &part.variants {
        let _ = writeln!(out, "\n{}\n", variant.label);
        steps_text(out, ty, &variant.steps);
    }
    let _ = writeln!(out);
}

fn steps_text(out: &mut String, ty: Typography, steps: &[Step]) {
    for (n, step) in (1..).zip(steps) {
        let inline = inline_notes(ty, &step.notes);
        let _ = writeln!(out, "- {}{}{inline}", ty.step(n), step.text);
        for note in own_line_notes(ty, &step.notes) {
            let _ = writeln!(out, "  {}{}", ty.note(note.kind), note.text);
        }
        for (m, sub) in (1..).zip(&step.substeps) {
            let inline = inline_notes(ty, &sub.notes);
            let _ = writeln!(out, "  - {}{}{inline}", ty.substep(m), sub.text);
            for note in own_line_notes(ty, &sub.notes) {
                let _ = writeln!(out, "    {}{}", ty.note(note.kind), note.text);
            }
        }
    }
}

/// The notes written on the step's own line ([`Typography::inline_prerequisites`]).
fn inline_notes(ty: Typography, notes: &[Note]) -> String {
    notes
        .iter()
        .filter(|n| is_inline(ty, n))
        .map(|n| format!(" {}{}", ty.note(n.kind), n.text))
        .collect()
}

fn own_line_notes(ty: Typography, notes: &[Note]) -> impl Iterator<Item = &Note> {
    notes.iter().filter(move |n| !is_inline(ty, n))
}

fn is_inline(ty: Typography, note: &Note) -> bool {
    note.kind == NoteKind::Prerequisite && ty.inline_prerequisites()
}

/// The Markdown format, for publishing the same text on a website. Every text is escaped, so
/// that content can never turn into links, HTML or code.
pub fn markdown(guide: &Guide) -> String {
    let ty = Typography::of(guide.locale);
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
    let _ = writeln!(
        out,
        "{}{}\n",
        md(ty.note(NoteKind::Hint)),
        md(&p.already_using_note)
    );
    let table = &p.device_table;
    let _ = writeln!(out, "### {}\n", md(&table.heading));
    let h = &table.header;
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        md(&h.device),
        md(&h.os),
        md(&text_cell(guide.locale, table, &h.standard_browser, true)),
        md(&h.passkey_store),
        md(&h.setup)
    );
    for row in &table.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | [{}](#{}) |",
            md(&row.device),
            md(&row.os),
            md(&text_cell(
                guide.locale,
                table,
                &row.standard_browser,
                false
            )),
            md(&row.passkey_store),
            md(&row.setup_link),
            row.guide
        );
    }
    let _ = writeln!(out);
    for (n, note) in (1..).zip(&table.footnotes) {
        let _ = writeln!(out, "{} {}\n", md(&ty.footnote(n)), md(&note.text));
    }
    for (n, g) in (1..).zip(&guide.guides) {
        device_markdown(&mut out, ty, n, g);
    }
    out
}

/// One device guide in Markdown, with the page's notes that apply to it (as
/// [`device_text_of`]).
pub fn device_markdown_of(guide: &Guide, id: &str) -> Option<String> {
    let g = guide.device_guide(id)?;
    let ty = Typography::of(guide.locale);
    let p = &guide.preparation;
    let mut out = String::new();
    device_heading_markdown(&mut out, guide_number(guide, id), g);
    let _ = writeln!(
        out,
        "{}{}\n",
        md(ty.note(NoteKind::Hint)),
        md(&p.already_using_note)
    );
    for (n, note) in footnotes::for_guide(&p.device_table, id) {
        let _ = writeln!(out, "{} {}\n", md(&ty.footnote(n)), md(&note.text));
    }
    parts_markdown(&mut out, ty, g);
    Some(out)
}

fn device_markdown(out: &mut String, ty: Typography, n: usize, g: &DeviceGuide) {
    device_heading_markdown(out, n, g);
    parts_markdown(out, ty, g);
}

fn device_heading_markdown(out: &mut String, n: usize, g: &DeviceGuide) {
    let _ = writeln!(out, "<a id=\"{}\"></a>\n\n## {n}. {}\n", g.id, md(&g.title));
    if let Some(written) = &g.written_for {
        let _ = writeln!(out, "{}\n", md(&written.text));
    }
}

fn parts_markdown(out: &mut String, ty: Typography, g: &DeviceGuide) {
    for part in &g.parts {
        let heading = ty.part_heading(part.label.as_deref(), part.title.as_deref());
        if !heading.is_empty() {
            let _ = writeln!(out, "<a id=\"{}\"></a>\n\n### {}\n", part.id, md(&heading));
        }
        let _ = writeln!(out, "{}\n", md(&part.requirement));
        steps_markdown(out, ty, &part.steps);
        for variant in &part.variants {
            let _ = writeln!(out, "\n**{}**\n", md(&variant.label));
            steps_markdown(out, ty, &variant.steps);
        }
        let _ = writeln!(out);
    }
}

fn steps_markdown(out: &mut String, ty: Typography, steps: &[Step]) {
    for (k, step) in (1..).zip(steps) {
        let inline = md(&inline_notes(ty, &step.notes));
        let _ = writeln!(out, "{k}. {}{inline}", md(&step.text));
        for note in own_line_notes(ty, &step.notes) {
            let _ = writeln!(out, "\n   {}{}\n", md(ty.note(note.kind)), md(&note.text));
        }
        for (m, sub) in (1..).zip(&step.substeps) {
            let inline = md(&inline_notes(ty, &sub.notes));
            let _ = writeln!(out, "   - {}{}{inline}", md(&ty.substep(m)), md(&sub.text));
            for note in own_line_notes(ty, &sub.notes) {
                let _ = writeln!(out, "\n     {}{}\n", md(ty.note(note.kind)), md(&note.text));
            }
        }
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
    fn lettered_sub_steps() {
        assert_eq!(lettered(1), "a");
        assert_eq!(lettered(26), "z");
        assert_eq!(lettered(27), "27");
    }

    #[test]
    fn part_headings_follow_the_locale() {
        let ja = Typography::of(Locale::Ja);
        assert_eq!(
            ja.part_heading(Some("＜設定3＞"), Some("確認")),
            "＜設定3＞確認"
        );
        assert_eq!(
            ja.part_heading(Some("<設定1>"), Some("確認")),
            "<設定1> 確認"
        );
        let en = Typography::of(Locale::En);
        assert_eq!(
            en.part_heading(Some("Part 1"), Some("Sign in")),
            "Part 1: Sign in"
        );
        assert_eq!(en.part_heading(None, Some("Sign in")), "Sign in");
    }

    #[test]
    fn markdown_escapes_syntax() {
        assert_eq!(md("[設定]"), "\\[設定\\]");
        assert_eq!(md("<script>"), "\\<script\\>");
        assert_eq!(md("a|b"), "a\\|b");
    }
}
