/**
 * Reading SurveyJS definitions as plain JSON, without building a survey-core
 * Model (which costs milliseconds and memory). Shared by the definition rules
 * and the version diff.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A localisable text: a plain string or `{default, de, en, …}`. */
export type LocalisedText = string | Record<string, string>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An element of a definition (question or panel) with where it sits. */
export type ElementRef = {
  element: JsonObject;
  /** `pages[0].elements[2]`-style path, for error messages. */
  path: string;
  /** Name of the page it is on. */
  page: string;
  /** Name of the panel or dynamic panel it is nested in, if any. */
  parent?: string;
};

/** Every element of every page, depth first, in document order. */
export function walkElements(definition: JsonObject): ElementRef[] {
  const out: ElementRef[] = [];
  const visit = (elements: Json | undefined, path: string, page: string, parent?: string) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((el, i) => {
      if (!isObject(el)) return;
      const here = `${path}[${i}]`;
      out.push({ element: el, path: here, page, ...(parent !== undefined && { parent }) });
      const name = typeof el.name === 'string' ? el.name : here;
      visit(el.elements, `${here}.elements`, page, name);
      visit(el.templateElements, `${here}.templateElements`, page, name);
    });
  };
  const pages = Array.isArray(definition.pages) ? definition.pages : [];
  pages.forEach((p, i) => {
    if (isObject(p)) visit(p.elements, `pages[${i}].elements`, typeof p.name === 'string' ? p.name : `page${i + 1}`);
  });
  // A definition may also list elements without pages.
  visit(definition.elements, 'elements', 'page1');
  return out;
}

/** Element types that hold no answer. */
export const LAYOUT_TYPES = new Set(['panel', 'html']);

/** Questions (elements that store an answer), in document order. */
export const questionsOf = (definition: JsonObject): ElementRef[] =>
  walkElements(definition).filter((r) => typeof r.element.type === 'string' && !LAYOUT_TYPES.has(r.element.type));

/** The text in one locale; `default` is the definition's own language. */
export function textIn(value: Json | undefined, locale: string): string | undefined {
  if (typeof value === 'string') return locale === 'default' ? value : undefined;
  if (isObject(value)) {
    const v = value[locale];
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

/** The locales a localisable text is written in. */
export function localesOf(value: Json | undefined): string[] {
  if (typeof value === 'string') return ['default'];
  if (isObject(value)) return Object.keys(value).filter((k) => typeof value[k] === 'string');
  return [];
}

export type ChoiceItem = { value: Json; text: Json | undefined };

/** A choices/rows/columns list normalised to `{value, text}` items. */
export function itemsOf(list: Json | undefined): ChoiceItem[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) =>
    isObject(item) && 'value' in item ? { value: item.value, text: item.text } : { value: item, text: undefined },
  );
}

/** A stable key for a choice value (values may be strings, numbers or booleans). */
export const valueKey = (v: Json): string => JSON.stringify(v);

/** The title shown for a definition: its title in the locale, else the default, else ''. */
export function definitionTitle(definition: JsonObject, locale = 'default'): string {
  return textIn(definition.title, locale) ?? textIn(definition.title, 'default') ?? '';
}

/** A localisable text in the locale, else the definition's default language, else the fallback. */
export function labelIn(value: Json | undefined, locale: string, fallback: string): string {
  return textIn(value, locale) ?? textIn(value, 'default') ?? fallback;
}
