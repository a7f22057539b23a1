// Small DOM helpers. Text from the API is always set as text, never as HTML;
// the only markup the API sends (<mark> in search snippets) is rebuilt here.

type Child = Node | string | number | null | undefined | false;
/** Children may be nested arrays; they are flattened. */
export type Children = Child | Children[];
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Children[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    // Through the CSSOM: a strict Content-Security-Policy (no 'unsafe-inline' styles) blocks style attributes.
    else if (name === 'style') element.style.cssText = String(value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Children[]): void {
  for (const child of (children as unknown[]).flat(Infinity) as Child[]) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A search snippet with its <mark>…</mark> highlights as real <mark> elements. */
export function snippet(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parts = text.split(/(<mark>[\s\S]*?<\/mark>)/);
  for (const part of parts) {
    const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
    fragment.appendChild(marked ? h('mark', {}, marked[1] ?? '') : document.createTextNode(part));
  }
  return fragment;
}

/** A link to another site, opened in a new tab. */
export function externalLink(url: string, label: string = url): HTMLAnchorElement {
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'external' }, label);
}

export function section(title: string, id: string, ...children: Children[]): HTMLElement {
  return h('section', { class: 'block', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function emptyNote(text: string): HTMLParagraphElement {
  return h('p', { class: 'muted' }, text);
}

export function errorBox(message: string): HTMLElement {
  return h('div', { class: 'error', role: 'alert' }, message);
}
