//! Filling `{service}` throughout a guide, so that a shell shows texts as they are.

use super::model::{Cell, Guide, Note, Step};
use super::placeholder;

impl Guide {
    /// The service name used when the host app does not give one.
    pub fn service_or_default<'a>(&'a self, service: Option<&'a str>) -> &'a str {
        service
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(&self.service_name)
    }

    /// A copy of the guide with `{service}` replaced in every text (by `service`, or by the
    /// guide's default service name). Other placeholders are left for the report to fill.
    pub fn with_service(&self, service: Option<&str>) -> Guide {
        let name = self.service_or_default(service).to_owned();
        let mut guide = self.clone();
        guide.for_each_text_mut(&mut |text| {
            if text.contains("{service}") {
                *text = placeholder::fill(text, &[("service", &name)]);
            }
        });
        guide
    }

    /// Every customer-facing text, mutably; ids and references are not visited.
    fn for_each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.title);
        let t = &mut self.troubleshooting;
        f(&mut t.heading);
        for faq in &mut t.faqs {
            f(&mut faq.question);
            f(&mut faq.answer);
            faq.messages.iter_mut().for_each(&mut *f);
        }
        t.explanations.iter_mut().for_each(|e| f(&mut e.text));
        let p = &mut self.preparation;
        f(&mut p.heading);
        p.paragraphs.iter_mut().for_each(&mut *f);
        f(&mut p.already_using_note);
        let table = &mut p.device_table;
        f(&mut table.heading);
        let h = &mut table.header;
        for text in [&mut h.device, &mut h.os, &mut h.passkey_store, &mut h.setup] {
            f(text);
        }
        cell(&mut h.standard_browser, f);
        for row in &mut table.rows {
            for text in [
                &mut row.device,
                &mut row.os,
                &mut row.passkey_store,
                &mut row.setup_link,
            ] {
                f(text);
            }
            cell(&mut row.standard_browser, f);
        }
        for note in &mut table.footnotes {
            f(&mut note.text);
        }
        for g in &mut self.guides {
            f(&mut g.title);
            if let Some(written) = &mut g.written_for {
                f(&mut written.text);
            }
            for part in &mut g.parts {
                part.label.iter_mut().for_each(&mut *f);
                part.title.iter_mut().for_each(&mut *f);
                f(&mut part.requirement);
                steps(&mut part.steps, f);
                for variant in &mut part.variants {
                    f(&mut variant.label);
                    steps(&mut variant.steps, f);
                }
            }
        }
        for c in &mut self.checks {
            for text in [
                &mut c.label,
                &mut c.question,
                &mut c.pass,
                &mut c.fail,
                &mut c.unknown,
            ] {
                f(text);
            }
        }
        let r = &mut self.report;
        for text in [
            &mut r.ready,
            &mut r.action_required,
            &mut r.needs_confirmation,
            &mut r.unsupported,
            &mut r.not_applicable,
            &mut r.unsupported_unknown_version,
            &mut r.windows_10_note,
            &mut r.already_uses_passkeys,
            &mut r.not_needed_already_uses_passkeys,
            &mut r.not_needed_windows_hello_route,
            &mut r.not_needed_chrome_route,
            &mut r.browser_only,
            &mut r.pc_browser_note,
            &mut r.pc_browser_fail,
        ] {
            f(text);
        }
        let s = &mut self.screen;
        for text in [
            &mut s.findings_heading,
            &mut s.banner_ready,
            &mut s.banner_not_ready,
            &mut s.banner_needs_answers,
            &mut s.banner_unsupported,
            &mut s.status_pass,
            &mut s.status_fail,
            &mut s.status_unknown,
            &mut s.status_not_applicable,
            &mut s.status_optional,
            &mut s.open_settings,
            &mut s.open_in_standard_browser,
            &mut s.open_in_chrome,
            &mut s.open_in_safari,
            &mut s.copy_link,
            &mut s.link_copied,
            &mut s.steps,
            &mut s.answer_yes,
            &mut s.answer_no,
        ] {
            f(text);
        }
    }
}

fn steps(steps: &mut [Step], f: &mut dyn FnMut(&mut String)) {
    for step in steps {
        f(&mut step.text);
        notes(&mut step.notes, f);
        for sub in &mut step.substeps {
            f(&mut sub.text);
            notes(&mut sub.notes, f);
        }
    }
}

fn cell(cell: &mut Cell, f: &mut dyn FnMut(&mut String)) {
    f(&mut cell.text);
}

fn notes(notes: &mut [Note], f: &mut dyn FnMut(&mut String)) {
    for note in notes {
        f(&mut note.text);
    }
}
