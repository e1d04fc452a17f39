// A document with just the DOM calls the shell's renderers make, so that Node can test what
// a page shows without a browser: elements, text nodes, attributes, click listeners, focus
// and the selection. Anything else the renderers start to use fails loudly (a missing method).

export class FakeText {
  readonly nodeType = 3;
  parentNode: FakeElement | null = null;
  constructor(public data: string) {}
  get textContent(): string {
    return this.data;
  }
}

export type FakeNode = FakeElement | FakeText;

export class FakeElement {
  readonly nodeType = 1;
  readonly tagName: string;
  parentNode: FakeElement | null = null;
  readonly childNodes: FakeNode[] = [];
  readonly attributes = new Map<string, string>();
  readonly #listeners = new Map<string, ((event: unknown) => void)[]>();

  constructor(
    readonly ownerDocument: FakeDocument,
    tag: string,
  ) {
    this.tagName = tag.toUpperCase();
  }

  get children(): FakeElement[] {
    return this.childNodes.filter((n): n is FakeElement => n instanceof FakeElement);
  }
  get lastElementChild(): FakeElement | null {
    return this.children.at(-1) ?? null;
  }
  get id(): string {
    return this.attributes.get('id') ?? '';
  }
  get textContent(): string {
    return this.childNodes.map((n) => n.textContent).join('');
  }
  set textContent(text: string) {
    this.replaceChildren(new FakeText(text));
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  append(...nodes: (FakeNode | string)[]): void {
    for (const node of nodes) {
      const child = typeof node === 'string' ? new FakeText(node) : node;
      child.parentNode?.childNodes.splice(child.parentNode.childNodes.indexOf(child), 1);
      child.parentNode = this;
      this.childNodes.push(child);
    }
  }
  replaceChildren(...nodes: (FakeNode | string)[]): void {
    for (const old of this.childNodes) old.parentNode = null;
    this.childNodes.length = 0;
    this.append(...nodes);
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  click(): void {
    for (const listener of this.#listeners.get('click') ?? []) listener({ type: 'click', target: this });
  }
  focus(): void {
    this.ownerDocument.activeElement = this;
  }
}

export class FakeDocument {
  activeElement: FakeElement | null = null;
  /** What `getSelection().selectAllChildren` last selected. */
  selected: FakeElement | null = null;
  readonly body: FakeElement;
  readonly defaultView: {
    navigator: { clipboard?: { writeText(text: string): Promise<void> } };
    getSelection(): { selectAllChildren(node: FakeElement): void };
  };

  constructor(clipboard?: { writeText(text: string): Promise<void> }) {
    this.body = new FakeElement(this, 'body');
    const selection = { selectAllChildren: (node: FakeElement) => (this.selected = node) };
    this.defaultView = {
      navigator: clipboard ? { clipboard } : {},
      getSelection: () => selection,
    };
  }
  createElement(tag: string): FakeElement {
    return new FakeElement(this, tag);
  }
  createTextNode(text: string): FakeText {
    return new FakeText(text);
  }
  getElementById(id: string): FakeElement | null {
    return find(this.body, (el) => el.id === id) ?? null;
  }
}

/** A container attached to a fresh document's body, typed as the renderers take it. */
export function container(clipboard?: { writeText(text: string): Promise<void> }): {
  doc: FakeDocument;
  root: FakeElement;
  el: HTMLElement;
} {
  const doc = new FakeDocument(clipboard);
  const root = doc.createElement('div');
  doc.body.append(root);
  return { doc, root, el: root as unknown as HTMLElement };
}

export function all(root: FakeElement, match: (el: FakeElement) => boolean): FakeElement[] {
  const found: FakeElement[] = [];
  for (const child of root.children) {
    if (match(child)) found.push(child);
    found.push(...all(child, match));
  }
  return found;
}

export function find(root: FakeElement, match: (el: FakeElement) => boolean): FakeElement | undefined {
  return all(root, match)[0];
}

export function byTag(root: FakeElement, tag: string): FakeElement[] {
  return all(root, (el) => el.tagName === tag.toUpperCase());
}

export function byClass(root: FakeElement, name: string): FakeElement[] {
  return all(root, (el) => (el.getAttribute('class') ?? '').split(' ').includes(name));
}

/** The heading levels in document order. */
export function headingLevels(root: FakeElement): number[] {
  return all(root, (el) => /^H[1-6]$/.test(el.tagName)).map((el) => Number(el.tagName.slice(1)));
}
