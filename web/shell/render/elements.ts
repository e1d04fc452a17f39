// Elements made with DOM calls only: text goes in through textContent, never as markup, so a
// text from a content bundle can never become an element or a script.

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A heading `below` levels under `level`; h6 at most (HTML has no h7). */
export function heading(
  doc: Document,
  level: HeadingLevel,
  below: number,
  text: string,
  attributes: Readonly<Record<string, string>> = {},
): HTMLHeadingElement {
  const n = Math.min(6, level + below);
  return element(doc, `h${n}` as 'h1', attributes, text);
}
