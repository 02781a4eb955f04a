import { isObject, type Json } from './json.js';

/** The two languages Bilanz writes questionnaires in. German is the definition's default. */
export type Lang = 'de' | 'en';
export const langs: readonly Lang[] = ['de', 'en'];

/** Key of a language in a localisable text: German is SurveyJS's `default`. */
const keyOf = (lang: Lang) => (lang === 'de' ? 'default' : 'en');

/** The text of a localisable value (plain string = German) in one language, '' when it has none. */
export function textOf(value: Json | undefined, lang: Lang): string {
  if (typeof value === 'string') return lang === 'de' ? value : '';
  if (isObject(value)) {
    const text = lang === 'de' ? (value.default ?? value.de) : value.en;
    return typeof text === 'string' ? text : '';
  }
  return '';
}

/**
 * The localisable value with one language's text replaced. Other languages
 * stay; an empty text removes that language; a German-only text stays a plain
 * string. Undefined when no text is left.
 */
export function withText(value: Json | undefined, lang: Lang, text: string): Json | undefined {
  if (value === undefined || value === null || typeof value === 'string') {
    const german = typeof value === 'string' ? value : '';
    if (lang === 'de') return text === '' ? undefined : text;
    if (text === '') return german === '' ? undefined : german;
    return german === '' ? { en: text } : { default: german, en: text };
  }
  if (!isObject(value)) return text === '' ? undefined : lang === 'de' ? text : { en: text };
  const next = { ...value };
  const key = keyOf(lang);
  if (text === '') delete next[key];
  else next[key] = text;
  // A German text kept under `de` would shadow the one just written under `default`.
  if (lang === 'de' && 'de' in next) delete next.de;
  return Object.keys(next).length === 0 ? undefined : next;
}
