/**
 * The languages of a SurveyJS definition, read as plain JSON (pure functions).
 *
 * - A definition's `locale` names the language of its "default" texts;
 *   without it, that is SurveyJS's own default, English.
 * - A localisable text is a string (the default language's text) or an object
 *   `{default, de, en, fr, …}`.
 * - The text for a language is its own entry, else the default entry, else the
 *   default language's own entry (a definition may write `{de, en}` with
 *   `locale: 'de'` and no `default` at all).
 * - The languages a questionnaire carries: its default language, then every
 *   language key its texts use, in the order they first appear.
 *
 * The web app has the same rules in web/src/components/survey/locales.ts
 * (it may import only types from here); tests/unit/locales.test.ts runs one
 * table of cases against both.
 */
import { z } from 'zod';

/** A language tag as Bilanz accepts it in `?locale=` and in texts: `de`, `en`, `de-AT`, `zh-cn`, `sr-Latn-RS`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

/**
 * `?locale=` of the routes that show a questionnaire's texts. Only the texts
 * from the definition follow it; the API's own messages keep following
 * Accept-Language (German or English).
 */
export const LabelLocale = z
  .string()
  .regex(LANGUAGE_TAG)
  .describe(
    'The language for the questionnaire’s own texts (titles, choice and row labels): any language tag, e.g. de, en, fr, de-AT. A language the questionnaire does not carry falls back to its default language (the definition’s locale, else English); without ?locale, the Accept-Language (de or en) is asked for the same way. Messages stay German or English by Accept-Language.',
  );

/** SurveyJS's default language: what "default" texts are in when a definition has no `locale`. */
export const SURVEYJS_DEFAULT_LANGUAGE = 'en';

type Texts = Record<string, string>;

/**
 * Properties holding answers, not texts: an answer to a matrix whose rows are
 * called `de` and `en` looks like a localisable text, but is none.
 */
const ANSWER_PROPERTIES = new Set(['defaultValue', 'correctAnswer', 'setValue', 'value']);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a value is a localisable text object: at least one key, every key
 * `default` or a language tag, every value a string. (Agrees with survey-core's
 * `getUsedLocales()` on every questionnaire of the conformance corpus.)
 */
export function isLocalisedText(value: unknown): value is Texts {
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 && entries.every(([k, v]) => typeof v === 'string' && (k === 'default' || LANGUAGE_TAG.test(k)))
  );
}

/** The language of a definition's "default" texts: its `locale`, else SurveyJS's default (English). */
export function defaultLanguage(definition: unknown): string {
  const locale = isPlainObject(definition) ? definition.locale : undefined;
  return typeof locale === 'string' && LANGUAGE_TAG.test(locale) ? locale : SURVEYJS_DEFAULT_LANGUAGE;
}

/**
 * A localisable text in one language: its own entry, else the default entry,
 * else the entry of the definition's default language (`base`). Undefined
 * when the value holds no text at all.
 */
export function textFor(value: unknown, language: string, base?: string): string | undefined {
  if (typeof value === 'string') return value;
  if (!isLocalisedText(value)) return undefined;
  return value[language] ?? value.default ?? (base !== undefined ? value[base] : undefined);
}

/** Languages per definition object: published versions never change, and the results path asks on every call. */
const carriedLanguages = new WeakMap<object, string[]>();

/** Every language a definition carries: its default language first, then the others in the order they appear. */
export function languagesOf(definition: unknown): string[] {
  if (typeof definition !== 'object' || definition === null) return findLanguages(definition);
  let languages = carriedLanguages.get(definition);
  if (!languages) carriedLanguages.set(definition, (languages = findLanguages(definition)));
  return [...languages];
}

function findLanguages(definition: unknown): string[] {
  const found = new Map<string, string>();
  const add = (language: string) => {
    const key = language.toLowerCase();
    if (!found.has(key)) found.set(key, language);
  };
  add(defaultLanguage(definition));
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isLocalisedText(value)) {
      for (const key of Object.keys(value)) if (key !== 'default') add(key);
    } else if (isPlainObject(value)) {
      for (const [key, v] of Object.entries(value)) if (!ANSWER_PROPERTIES.has(key)) visit(v);
    }
  };
  visit(definition);
  return [...found.values()];
}

/** The language a tag names without its region or script: `de-AT` → `de`. */
export const baseLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/**
 * Which of the carried languages serves a requested one: the same tag
 * (letter case aside), else the requested tag's base language (`de-AT` →
 * `de`), else none.
 */
export function matchLanguage(requested: string, carried: readonly string[]): string | undefined {
  const wanted = requested.toLowerCase();
  return (
    carried.find((l) => l.toLowerCase() === wanted) ?? carried.find((l) => l.toLowerCase() === baseLanguage(wanted))
  );
}

/**
 * The language to show a definition's texts in: the requested one when the
 * questionnaire carries it (or its base language), else its default language.
 */
export function labelLanguage(definition: unknown, requested: string | undefined): string {
  const carried = languagesOf(definition);
  return (requested !== undefined ? matchLanguage(requested, carried) : undefined) ?? carried[0]!;
}

/** Whether Bilanz's own texts exist in a language: German and English (with any region). */
export const isAppLanguage = (language: string): boolean => ['de', 'en'].includes(baseLanguage(language));

/** Bilanz's own texts exist in German and English: German for German, English for every other language. */
export const appLanguage = (language: string): 'de' | 'en' => (baseLanguage(language) === 'de' ? 'de' : 'en');

/**
 * A copy of a definition with every localisable text replaced by its text in
 * one language (a plain string), for code that reads the "default" texts
 * only. The `locale` property goes, since every text is now in `language`.
 */
export function definitionIn<T>(definition: T, language: string): T {
  const base = defaultLanguage(definition);
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (isLocalisedText(value)) return textFor(value, language, base) ?? '';
    if (isPlainObject(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ANSWER_PROPERTIES.has(k) ? v : visit(v)]));
    return value;
  };
  const copy = visit(definition);
  if (isPlainObject(copy)) delete copy.locale;
  return copy as T;
}
