// A guide section's body as the CLI's HTML export draws it (cli/src/html/section.rs): the
// intro, the note on OS versions, the steps as ordered lists with the content's own numbers,
// their notes, and other versions' steps under their labels.

import type { HelpNote, HelpSection, HelpStep } from '../core.js';
import { element, heading, type HeadingLevel } from './elements.js';

/** Appends the body of `section` to `parent`; variant labels are headings one below `level`. */
export function appendSectionBody(parent: HTMLElement, section: HelpSection, level: HeadingLevel): void {
  const doc = parent.ownerDocument;
  parent.append(element(doc, 'p', {}, section.intro));
  if (section.written_for !== null && section.written_for !== undefined) {
    parent.append(element(doc, 'p', { class: 'note' }, section.written_for));
  }
  appendSteps(parent, section.steps);
  for (const variant of section.variants) {
    parent.append(heading(doc, level, 1, variant.label));
    appendSteps(parent, variant.steps);
  }
}

/**
 * An ordered list whose numbers are the content's (`1.`, `①`, `a. `): the list keeps the order
 * for assistive technology, the numbers stay as the guide writes them.
 */
function appendSteps(parent: HTMLElement, steps: readonly HelpStep[]): void {
  if (steps.length === 0) return;
  const doc = parent.ownerDocument;
  const list = element(doc, 'ol', { class: 'steps' });
  for (const step of steps) {
    const item = numbered(doc, step.number, step.text);
    appendNotes(item, step.notes);
    if (step.substeps.length > 0) {
      const sublist = element(doc, 'ol', { class: 'steps' });
      for (const sub of step.substeps) {
        const subitem = numbered(doc, sub.number, sub.text);
        appendNotes(subitem, sub.notes);
        sublist.append(subitem);
      }
      item.append(sublist);
    }
    list.append(item);
  }
  parent.append(list);
}

function numbered(doc: Document, number: string, text: string): HTMLLIElement {
  const item = element(doc, 'li');
  item.append(element(doc, 'span', { class: 'num' }, number), doc.createTextNode(text));
  return item;
}

function appendNotes(parent: HTMLElement, notes: readonly HelpNote[]): void {
  if (notes.length === 0) return;
  const doc = parent.ownerDocument;
  const list = element(doc, 'ul', { class: 'notes' });
  for (const note of notes) {
    list.append(element(doc, 'li', { class: `note ${note.kind}` }, `${note.mark}${note.text}`));
  }
  parent.append(list);
}
