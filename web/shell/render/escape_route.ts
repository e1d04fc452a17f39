// The way out of an in-app browser, done for the customer (the guide's first troubleshooting
// answer): under the answer's question, the link that opens this page in the standard browser
// where the core could build one (Chrome's intent on Android, LINE's openExternalBrowser), the
// manual steps always, the device's standard browser (the answer says it is "listed below"),
// and the page's address with a button that copies it. Every label is the core's; the link is
// the core's, built from this page's address only.

import type { EscapeRoute, Locale } from '../core.js';
import { element, heading, type HeadingLevel } from './elements.js';

export interface EscapeRouteOptions {
  /** The language of the labels (the `lang` the check was made in), set on the block. */
  readonly lang?: Locale;
  /** Where the copy button writes; default the page's `navigator.clipboard`, when there is one. */
  readonly clipboard?: { writeText(text: string): Promise<void> } | null;
  /** The level of the block's heading (default 2), to fit the page's outline. */
  readonly headingLevel?: HeadingLevel;
}

/** Replaces the container's content with the escape block. Returns its root element. */
export function renderEscapeRoute(
  container: HTMLElement,
  route: EscapeRoute,
  options: EscapeRouteOptions = {},
): HTMLElement {
  const doc = container.ownerDocument;
  const root = element(doc, 'div', { class: 'passkey-ready-escape', 'data-kind': route.kind });
  if (options.lang) root.setAttribute('lang', options.lang);
  root.append(heading(doc, options.headingLevel ?? 2, 0, route.heading));
  if (route.open_url && route.open_label) {
    const line = element(doc, 'p');
    line.append(element(doc, 'a', { class: 'open', href: route.open_url }, route.open_label));
    root.append(line);
  }
  root.append(element(doc, 'p', { class: 'manual-steps' }, route.manual_steps));
  const standard = route.standard_browser;
  if (standard) {
    const list = element(doc, 'dl', { class: 'standard-browser' });
    const value = element(doc, 'dd', {}, standard.browser);
    if (standard.note) value.append(' ', element(doc, 'small', { class: 'note' }, standard.note));
    list.append(element(doc, 'dt', {}, `${standard.label} (${standard.os})`), value);
    root.append(list);
  }

  const address = element(doc, 'p', { class: 'address' });
  const url = element(doc, 'span', { class: 'url' }, route.page_url);
  const copy = element(doc, 'button', { type: 'button', class: 'copy' }, route.copy_label);
  // Says "copied" once the address is on the clipboard; empty while it is not.
  const status = element(doc, 'span', { class: 'copy-status', role: 'status' });
  copy.addEventListener('click', () => {
    void copyAddress(doc, route, url, status, options.clipboard);
  });
  address.append(url, ' ', copy, ' ', status);
  root.append(address);

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
    // An app's browser often has no clipboard or refuses it: the address is selected
    // instead, for the customer's own copy gesture.
    doc.defaultView?.getSelection()?.selectAllChildren(url);
    status.textContent = '';
  }
}

function pageClipboard(doc: Document): EscapeRouteOptions['clipboard'] {
  const navigator = doc.defaultView?.navigator;
  return navigator && 'clipboard' in navigator ? navigator.clipboard : null;
}
