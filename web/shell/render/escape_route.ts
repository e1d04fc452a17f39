// The way out of an in-app browser, done for the customer (the guide's first troubleshooting
// answer): the link that opens this page in the standard browser where the core could build
// one (an Android intent, LINE's openExternalBrowser), the manual steps always, and the
// page's address with a button that copies it. Every label is the core's; the link is the
// core's, built for this page only.

import type { EscapeRoute } from '../core.js';
import { appendSectionBody } from './section.js';
import { element, heading, type HeadingLevel } from './elements.js';

export interface EscapeRouteOptions {
  /** The level of the block's heading. Default 2. */
  readonly headingLevel?: HeadingLevel;
  /** Where the copy button writes; default `navigator.clipboard` of the page, when there is one. */
  readonly clipboard?: { writeText(text: string): Promise<void> } | null;
}

/** Replaces the container's content with the escape block. Returns its root element. */
export function renderEscapeRoute(
  container: HTMLElement,
  route: EscapeRoute,
  options: EscapeRouteOptions = {},
): HTMLElement {
  const doc = container.ownerDocument;
  const level = options.headingLevel ?? 2;
  const root = element(doc, 'section', { class: 'passkey-ready-escape', lang: route.locale ?? '' });
  root.append(heading(doc, level, 0, route.heading));
  if (route.link) {
    const link = element(doc, 'a', { class: 'open', href: route.link.href }, route.link.label);
    root.append(element(doc, 'p'));
    root.lastElementChild?.append(link);
  }

  const address = element(doc, 'p', { class: 'address' });
  const url = element(doc, 'span', { class: 'url' }, route.page_url);
  const copy = element(doc, 'button', { type: 'button', class: 'copy' }, route.copy_label);
  // Said once the address is copied, or selected for the customer to copy.
  const status = element(doc, 'span', { class: 'copy-status', role: 'status' });
  copy.addEventListener('click', () => {
    void copyAddress(doc, route, url, status, options.clipboard);
  });
  address.append(url, copy, status);
  root.append(address);

  appendSectionBody(root, route.steps, level);
  container.replaceChildren(root);
  return root;
}

async function copyAddress(
  doc: Document,
  route: EscapeRoute,
  url: HTMLElement,
  status: HTMLElement,
  given: EscapeRouteOptions['clipboard'],
): Promise<void> {
  const clipboard = given === undefined ? pageClipboard(doc) : given;
  try {
    if (!clipboard) throw new Error('no clipboard');
    await clipboard.writeText(route.page_url);
    status.textContent = route.copied_label;
  } catch {
    // An in-app browser often refuses the clipboard: the address is selected instead, for
    // the customer's own copy gesture.
    doc.defaultView?.getSelection()?.selectAllChildren(url);
    status.textContent = '';
  }
}

function pageClipboard(doc: Document): EscapeRouteOptions['clipboard'] {
  const navigator = doc.defaultView?.navigator;
  return navigator && 'clipboard' in navigator ? navigator.clipboard : null;
}
