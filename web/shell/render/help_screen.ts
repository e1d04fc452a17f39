// The core's HelpScreen drawn into a page, as the CLI's HTML export draws it (banner, rows,
// questions, steps, troubleshooting), with two differences a script allows and a page needs:
// a question has its answer buttons, and the section's headings start at the level the page
// asks for. A page cannot open a phone's settings: a row's settings button is never drawn,
// its guide steps are (open for what is to fix or to answer).

import type { CheckId, HelpRow, HelpScreen } from '../core.js';
import { appendSectionBody } from './section.js';
import { element, heading, type HeadingLevel } from './elements.js';

export interface HelpScreenHandlers {
  /** The customer answered a question ("yes" means the check passes). */
  readonly onAnswer?: (check: CheckId, yes: boolean) => void;
}

export interface HelpScreenOptions {
  /** The level of the screen's title; its parts go below. Default 2 (under the page's h1). */
  readonly headingLevel?: HeadingLevel;
  /** Prefix of the ids given to rows and questions, unique within the page. Default `passkey-ready`. */
  readonly idPrefix?: string;
}

/** Replaces the container's content with the screen. Returns the screen's root element. */
export function renderHelpScreen(
  container: HTMLElement,
  screen: HelpScreen,
  handlers: HelpScreenHandlers = {},
  options: HelpScreenOptions = {},
): HTMLElement {
  const doc = container.ownerDocument;
  const level = options.headingLevel ?? 2;
  const prefix = options.idPrefix ?? 'passkey-ready';
  const root = element(doc, 'div', { class: 'passkey-ready-help', lang: screen.locale });
  root.append(heading(doc, level, 0, screen.title));

  const banner = element(doc, 'section', {
    class: `banner ${screen.banner.kind}`,
    'aria-labelledby': `${prefix}-status`,
  });
  banner.append(
    heading(doc, level, 1, screen.banner.heading, { id: `${prefix}-status` }),
    element(doc, 'p', {}, screen.banner.text),
  );
  root.append(banner);

  const findings = element(doc, 'section', { 'aria-labelledby': `${prefix}-findings` });
  findings.append(heading(doc, level, 1, screen.findings_heading, { id: `${prefix}-findings` }));
  const rows = element(doc, 'ul', { class: 'rows' });
  // Whether the customer already uses passkeys comes first: then nothing else is needed.
  const all = screen.already_using ? [screen.already_using, ...screen.rows] : screen.rows;
  for (const row of all) rows.append(helpRow(doc, row, level, prefix, handlers));
  findings.append(rows);
  root.append(findings);

  const troubleshooting = element(doc, 'section', { 'aria-labelledby': `${prefix}-troubleshooting` });
  troubleshooting.append(
    heading(doc, level, 1, screen.troubleshooting.heading, { id: `${prefix}-troubleshooting` }),
  );
  for (const faq of screen.troubleshooting.faqs) {
    const item = element(doc, 'div', { class: 'faq', id: anchor(prefix, faq.id) });
    item.append(heading(doc, level, 2, faq.question), element(doc, 'p', {}, faq.answer));
    troubleshooting.append(item);
  }
  root.append(troubleshooting);

  container.replaceChildren(root);
  return root;
}

/** The id of a check's row heading, which a page may focus after an answer. */
export function rowHeadingId(check: CheckId, idPrefix = 'passkey-ready'): string {
  return anchor(idPrefix, `check.${check}`);
}

function helpRow(
  doc: Document,
  row: HelpRow,
  level: HeadingLevel,
  prefix: string,
  handlers: HelpScreenHandlers,
): HTMLLIElement {
  const item = element(doc, 'li', { class: `row ${row.kind}`, 'data-check': row.check });
  // Focusable from script only: after an answer the page puts the focus back here.
  item.append(heading(doc, level, 2, row.title, { id: rowHeadingId(row.check, prefix), tabindex: '-1' }));
  const badge = element(doc, 'p');
  badge.append(element(doc, 'span', { class: 'badge' }, row.status_label));
  item.append(badge, element(doc, 'p', { class: 'reason' }, row.reason));

  const question = row.question;
  if (question) {
    const id = anchor(prefix, `question.${question.check}`);
    item.append(element(doc, 'p', { class: 'question', id }, question.text));
    const answers = element(doc, 'div', { class: 'answers', role: 'group', 'aria-labelledby': id });
    for (const [label, yes] of [
      [question.yes_label, true],
      [question.no_label, false],
    ] as const) {
      const button = element(doc, 'button', { type: 'button', 'data-answer': yes ? 'yes' : 'no' }, label);
      button.addEventListener('click', () => handlers.onAnswer?.(question.check, yes));
      answers.append(button);
    }
    item.append(answers);
  }

  const section = row.section;
  if (section) {
    const details = element(doc, 'details', { 'data-section': section.id });
    if (row.kind === 'to_fix' || row.kind === 'to_answer') details.setAttribute('open', '');
    details.append(element(doc, 'summary', {}, section.label), heading(doc, level, 3, section.heading));
    appendSectionBody(details, section, Math.min(6, level + 3) as HeadingLevel);
    item.append(details);
  }
  return item;
}

/** An id made of the item's id: letters, digits, `-` and `_` kept, the rest as `-`. */
function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
