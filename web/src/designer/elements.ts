import { isObject, withProp, type Json, type JsonObject } from './json.js';

/**
 * Where an element sits: the page's index, then its index on the page, then
 * (inside panels) its index in each enclosing panel. Indexes count the raw
 * arrays, so that entries the designer skips keep their place.
 */
export type ElementPath = readonly number[];

/** The element types Bilanz supports (DESIGN.md, definition rules on the server). */
export const elementTypes = [
  'text',
  'comment',
  'radiogroup',
  'checkbox',
  'dropdown',
  'tagbox',
  'boolean',
  'rating',
  'matrix',
  'ranking',
  'expression',
  'html',
  'panel',
] as const;
export type ElementType = (typeof elementTypes)[number];

/** Types whose answers pick from a `choices` list. */
export const choiceTypes: ReadonlySet<string> = new Set(['radiogroup', 'checkbox', 'dropdown', 'tagbox', 'ranking']);
/** Choice types that may offer an "other" option with a free text. */
export const otherTypes: ReadonlySet<string> = new Set(['radiogroup', 'checkbox', 'dropdown', 'tagbox']);
/** Elements that hold no answer. */
export const layoutTypes: ReadonlySet<string> = new Set(['panel', 'html']);
export const textInputTypes = ['text', 'number', 'email', 'date', 'tel', 'url'] as const;

export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

export const pagesOf = (definition: JsonObject): Json[] => (Array.isArray(definition.pages) ? definition.pages : []);

/** The raw elements array of a page (`[page]`) or panel (a longer path), or undefined. */
export function childrenAt(definition: JsonObject, parentPath: ElementPath): Json[] | undefined {
  const [pageIndex, ...rest] = parentPath;
  if (pageIndex === undefined) return undefined;
  let holder = pagesOf(definition)[pageIndex];
  for (const index of rest) {
    if (!isObject(holder) || !Array.isArray(holder.elements)) return undefined;
    holder = holder.elements[index];
  }
  if (!isObject(holder)) return undefined;
  return Array.isArray(holder.elements) ? holder.elements : [];
}

export function getElement(definition: JsonObject, path: ElementPath): JsonObject | undefined {
  const element = childrenAt(definition, path.slice(0, -1))?.[path[path.length - 1] ?? -1];
  return isObject(element) ? element : undefined;
}

/** Replaces the elements array of a page or panel, copying only what lies on the way. */
export function updateChildren(
  definition: JsonObject,
  parentPath: ElementPath,
  update: (elements: Json[]) => Json[],
): JsonObject {
  const [pageIndex, ...rest] = parentPath;
  if (pageIndex === undefined) return definition;
  const updateHolder = (holder: JsonObject, remaining: number[]): JsonObject => {
    const elements = Array.isArray(holder.elements) ? holder.elements : [];
    const [next, ...tail] = remaining;
    if (next === undefined) return { ...holder, elements: update(elements) };
    const child = elements[next];
    if (!isObject(child)) return holder;
    return { ...holder, elements: elements.map((e, i) => (i === next ? updateHolder(child, tail) : e)) };
  };
  return updatePage(definition, pageIndex, (page) => updateHolder(page, rest));
}

export function updateElement(
  definition: JsonObject,
  path: ElementPath,
  update: (element: JsonObject) => JsonObject,
): JsonObject {
  const index = path[path.length - 1];
  if (index === undefined) return definition;
  return updateChildren(definition, path.slice(0, -1), (elements) =>
    elements.map((e, i) => (i === index && isObject(e) ? update(e) : e)),
  );
}

export function removeElement(definition: JsonObject, path: ElementPath): JsonObject {
  const index = path[path.length - 1];
  return updateChildren(definition, path.slice(0, -1), (elements) => elements.filter((_, i) => i !== index));
}

/** Moves an element one place up (-1) or down (+1) among its siblings. */
export function moveElement(
  definition: JsonObject,
  path: ElementPath,
  delta: -1 | 1,
): { definition: JsonObject; path: ElementPath } {
  const index = path[path.length - 1];
  const siblings = childrenAt(definition, path.slice(0, -1));
  if (index === undefined || !siblings) return { definition, path };
  const target = index + delta;
  if (target < 0 || target >= siblings.length) return { definition, path };
  const next = updateChildren(definition, path.slice(0, -1), (elements) => {
    const copy = [...elements];
    [copy[index], copy[target]] = [copy[target]!, copy[index]!];
    return copy;
  });
  return { definition: next, path: [...path.slice(0, -1), target] };
}

/** Moves an element to the end of another page. */
export function moveElementToPage(
  definition: JsonObject,
  path: ElementPath,
  pageIndex: number,
): { definition: JsonObject; path: ElementPath } {
  const element = getElement(definition, path);
  const page = pagesOf(definition)[pageIndex];
  if (!element || !isObject(page)) return { definition, path };
  const without = removeElement(definition, path);
  const length = childrenAt(without, [pageIndex])?.length ?? 0;
  return {
    definition: updateChildren(without, [pageIndex], (elements) => [...elements, element]),
    path: [pageIndex, length],
  };
}

/** Every element (questions, panels, html) in document order, panels before their contents. */
export function allElements(definition: JsonObject): { element: JsonObject; path: ElementPath }[] {
  const out: { element: JsonObject; path: ElementPath }[] = [];
  const visit = (elements: Json | undefined, path: number[]) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element, i) => {
      if (!isObject(element)) return;
      out.push({ element, path: [...path, i] });
      visit(element.elements, [...path, i]);
    });
  };
  pagesOf(definition).forEach((page, i) => {
    if (isObject(page)) visit(page.elements, [i]);
  });
  return out;
}

export const nameOf = (element: JsonObject): string => (typeof element.name === 'string' ? element.name : '');
export const typeOf = (element: JsonObject): string => (typeof element.type === 'string' ? element.type : '');

/** Names of all elements; the server requires them to be unique across the definition. */
export const elementNames = (definition: JsonObject): Set<string> =>
  new Set(
    allElements(definition)
      .map(({ element }) => nameOf(element))
      .filter(Boolean),
  );

export function findElementPath(definition: JsonObject, name: string): ElementPath | undefined {
  return allElements(definition).find(({ element }) => nameOf(element) === name)?.path;
}

/** `base` if free, else `base` with the lowest number (after any it ends with) that is free: sector → sector2. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const stem = base.replace(/\d+$/, '') || 'question';
  let n = Number(/\d+$/.exec(base)?.[0] ?? 1) + 1;
  while (taken.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** Why a name cannot be given to an element: it breaks the pattern or another element has it. */
export function nameProblem(name: string, taken: ReadonlySet<string>): 'pattern' | 'taken' | null {
  if (!NAME_PATTERN.test(name)) return 'pattern';
  if (taken.has(name)) return 'taken';
  return null;
}

const namePrefix = (type: string) => (type === 'panel' ? 'panel' : type === 'html' ? 'info' : 'question');

/** A new element of a type with the starting properties the editor shows for it. */
export function newElement(type: ElementType, name: string): JsonObject {
  const element: JsonObject = { type, name };
  switch (type) {
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown':
    case 'tagbox':
    case 'ranking':
      element.choices = [];
      break;
    case 'rating':
      element.rateMin = 1;
      element.rateMax = 5;
      break;
    case 'matrix':
      element.columns = [];
      element.rows = [];
      break;
    case 'panel':
      element.elements = [];
      break;
    default:
      break;
  }
  return element;
}

/** Appends a new element with a fresh name to a page or panel. */
export function addElement(
  definition: JsonObject,
  parentPath: ElementPath,
  type: ElementType,
): { definition: JsonObject; path: ElementPath; name: string } {
  const taken = elementNames(definition);
  const prefix = namePrefix(type);
  const name = uniqueName(`${prefix}${countWithPrefix(taken, prefix) + 1}`, taken);
  const length = childrenAt(definition, parentPath)?.length ?? 0;
  return {
    definition: updateChildren(definition, parentPath, (elements) => [...elements, newElement(type, name)]),
    path: [...parentPath, length],
    name,
  };
}

const countWithPrefix = (names: ReadonlySet<string>, prefix: string) =>
  [...names].filter((n) => new RegExp(`^${prefix}\\d+$`).test(n)).length;

/**
 * Inserts a deep copy right after the element. The copy and everything in it
 * get fresh names: a name is the question's identity across versions.
 */
export function duplicateElement(
  definition: JsonObject,
  path: ElementPath,
): { definition: JsonObject; path: ElementPath; name: string } | undefined {
  const original = getElement(definition, path);
  const index = path[path.length - 1];
  if (!original || index === undefined) return undefined;
  const taken = new Set(elementNames(definition));
  const rename = (element: JsonObject): JsonObject => {
    const name = uniqueName(nameOf(element) || namePrefix(typeOf(element)), taken);
    taken.add(name);
    const copy: JsonObject = { ...element, name };
    if (Array.isArray(element.elements)) copy.elements = element.elements.map((e) => (isObject(e) ? rename(e) : e));
    return copy;
  };
  const copy = rename(structuredClone(original));
  return {
    definition: updateChildren(definition, path.slice(0, -1), (elements) => [
      ...elements.slice(0, index + 1),
      copy,
      ...elements.slice(index + 1),
    ]),
    path: [...path.slice(0, -1), index + 1],
    name: nameOf(copy),
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Keys holding SurveyJS expressions: visibleIf, enableIf, …, expression, defaultValueExpression, … */
const isExpressionKey = (key: string) => /If$/.test(key) || /^expression$|Expression$/.test(key);

/** Rewrites `{from}` (also `{from.x}`, `{from[0]}`) to `{to}` in every expression of the value. */
function renameReferences(value: Json, from: string, to: string): Json {
  const reference = new RegExp(`\\{\\s*${escapeRegExp(from)}(?=\\s*\\}|[.[]|-unwrapped)`, 'g');
  const visit = (v: Json, key: string | null): Json => {
    if (typeof v === 'string') return key !== null && isExpressionKey(key) ? v.replace(reference, `{${to}`) : v;
    if (Array.isArray(v)) return v.map((item) => visit(item, null));
    if (isObject(v)) {
      const out: JsonObject = {};
      for (const [k, item] of Object.entries(v)) out[k] = visit(item, k);
      return out;
    }
    return v;
  };
  return visit(value, null);
}

/** Renames an element and every condition or expression that refers to it. */
export function renameElement(definition: JsonObject, path: ElementPath, name: string): JsonObject {
  const element = getElement(definition, path);
  if (!element) return definition;
  const old = nameOf(element);
  const renamed = updateElement(definition, path, (e) => withProp(e, 'name', name));
  if (!old || old === name) return renamed;
  return renameReferences(renamed, old, name) as JsonObject;
}

const comparePaths = (a: ElementPath, b: ElementPath): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
};

/** Questions (elements that hold an answer) that come before the element, in document order. */
export function questionsBefore(definition: JsonObject, path: ElementPath): { name: string; element: JsonObject }[] {
  return allElements(definition)
    .filter(
      ({ element, path: p }) =>
        comparePaths(p, path) < 0 && !layoutTypes.has(typeOf(element)) && nameOf(element) !== '',
    )
    .map(({ element }) => ({ name: nameOf(element), element }));
}

/** Updates one page; non-object entries are left as they are. */
export function updatePage(
  definition: JsonObject,
  index: number,
  update: (page: JsonObject) => JsonObject,
): JsonObject {
  const pages = pagesOf(definition);
  return { ...definition, pages: pages.map((p, i) => (i === index && isObject(p) ? update(p) : p)) };
}

/** Appends an empty page with a fresh name. */
export function addPage(definition: JsonObject): { definition: JsonObject; index: number } {
  const pages = pagesOf(definition);
  const taken = new Set(pages.filter(isObject).map(nameOf).filter(Boolean));
  const name = uniqueName(`page${pages.length + 1}`, taken);
  return { definition: { ...definition, pages: [...pages, { name, elements: [] }] }, index: pages.length };
}

export const removePage = (definition: JsonObject, index: number): JsonObject => ({
  ...definition,
  pages: pagesOf(definition).filter((_, i) => i !== index),
});

export function movePage(
  definition: JsonObject,
  index: number,
  delta: -1 | 1,
): { definition: JsonObject; index: number } {
  const pages = [...pagesOf(definition)];
  const target = index + delta;
  if (target < 0 || target >= pages.length) return { definition, index };
  [pages[index], pages[target]] = [pages[target]!, pages[index]!];
  return { definition: { ...definition, pages }, index: target };
}

/**
 * SurveyJS also accepts elements without pages. The editor works on pages, so
 * such elements move onto a first page.
 */
export function elementsOntoPage(definition: JsonObject): JsonObject {
  if (!Array.isArray(definition.elements)) return definition;
  const { elements, ...rest } = definition;
  const taken = new Set(pagesOf(definition).filter(isObject).map(nameOf));
  const first: JsonObject = { name: uniqueName('page1', taken), elements };
  return { ...rest, pages: [first, ...pagesOf(definition)] };
}
