import { isObject, type Json } from './json.js';

/** The two languages the designer edits side by side; any other goes through the JSON view. */
export type Lang = 'de' | 'en';
export const langs: readonly Lang[] = ['de', 'en'];

/**
 * Where a language's text lives in a localisable value: the definition's own
 * language (its `locale`, else English: see components/survey/locales.ts) is
 * SurveyJS's `default`; every other language has its own key.
 */
const keyOf = (lang: string, base: string) => (lang === base ? 'default' : lang);

/**
 * The text of a localisable value in one language, '' when it has none. A
 * plain string is the text of the definition's default language (`base`).
 */
export function textOf(value: Json | undefined, lang: string, base: string): string {
  if (typeof value === 'string') return lang === base ? value : '';
  if (isObject(value)) {
    // The language's own entry comes first, as everywhere (results, answering).
    const text = value[lang] ?? (lang === base ? value.default : undefined);
    return typeof text === 'string' ? text : '';
  }
  return '';
}

/**
 * The localisable value with one language's text replaced. Other languages
 * stay; an empty text removes that language; a text only in the default
 * language stays a plain string. Undefined when no text is left.
 */
export function withText(value: Json | undefined, lang: string, text: string, base: string): Json | undefined {
  const key = keyOf(lang, base);
  if (value === undefined || value === null || typeof value === 'string') {
    const original = typeof value === 'string' ? value : '';
    if (key === 'default') return text === '' ? undefined : text;
    if (text === '') return original === '' ? undefined : original;
    return original === '' ? { [key]: text } : { default: original, [key]: text };
  }
  if (!isObject(value)) return text === '' ? undefined : key === 'default' ? text : { [key]: text };
  const next = { ...value };
  if (text === '') delete next[key];
  else next[key] = text;
  // The default language's text kept under its own key would shadow the one just written under `default`.
  if (key === 'default' && lang in next) delete next[lang];
  return Object.keys(next).length === 0 ? undefined : next;
}

/** A text to show (not to edit): in `lang`, else in the definition's default language, else ''. */
export const shownText = (value: Json | undefined, lang: string, base: string): string =>
  textOf(value, lang, base) ||
  textOf(value, base, base) ||
  (isObject(value) && typeof value.default === 'string' ? value.default : '');
