/** A child of an element: text, a node, or nothing (null, undefined, false are skipped); arrays are flattened. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Handler = (event: Event) => void;
export type Attributes = Record<string, string | number | boolean | null | undefined | Handler>;

/**
 * Builds an element. Text is always set as text, never parsed as HTML, so data from the API cannot inject markup.
 * `on…` attributes given a function become event listeners; `true` sets a boolean attribute; null, undefined and
 * false leave the attribute out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = String(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children (see `Child`) to a parent. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child as readonly Child[]);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let idCounter = 0;
/** A document-unique id for label/aria wiring. */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field: the label above its control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uniqueId('field');
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('small', { id: hintId, class: 'hint' }, hint) : null);
}

/** A `<select>` of options given as [value, label] pairs. */
export function select(name: string, options: ReadonlyArray<readonly [string, string]>, selected?: string): HTMLSelectElement {
  return h(
    'select',
    { name },
    options.map(([value, label]) => h('option', { value, selected: value === selected }, label)),
  );
}

/** "headed-by" → "headed by"; "nameSimilarity" → "name similarity". */
export function words(identifier: string): string {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/(^|[^a-z])co-/gi, '$1co\u2011') // "co-founded-by" → "co‑founded by" (a non-breaking hyphen)
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
}

/** A date-time as the analyst's locale shows it, with the exact UTC value on hover. */
export function time(iso: string | null | undefined): Child {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return h('time', { datetime: iso, title: iso }, date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }));
}

/** The first characters of a long hash or version, whole on hover. */
export function short(hash: string | null | undefined, length = 12): Child {
  if (!hash) return '—';
  return h('code', { title: hash }, hash.length > length ? `${hash.slice(0, length)}…` : hash);
}
