/**
 * The languages of a SurveyJS definition, read as plain JSON: the same rules
 * as the API's api/src/modules/questionnaires/locales.ts (the web may import
 * only types from the API; tests/unit/locales.test.ts runs one table of cases
 * against both). Pure, and free of survey-core, so that the answering page's
 * first download stays small.
 *
 * - A definition's `locale` names the language of its "default" texts;
 *   without it, that is SurveyJS's own default, English.
 * - A localisable text is a string (the default language's text) or an object
 *   `{default, de, en, fr, …}`.
 * - The text for a language is its own entry, else the default entry, else the
 *   default language's own entry.
 * - The languages a questionnaire carries: its default language, then every
 *   language key its texts use, in the order they first appear.
 */

/** A language tag: `de`, `en`, `de-AT`, `zh-cn`, `sr-Latn-RS`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

/** SurveyJS's default language: what "default" texts are in when a definition has no `locale`. */
export const SURVEYJS_DEFAULT_LANGUAGE = 'en';

type Texts = Record<string, string>;

/** Properties holding answers, not texts (a matrix answer with rows `de` and `en` looks like a text). */
const ANSWER_PROPERTIES = new Set(['defaultValue', 'correctAnswer', 'setValue', 'value']);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value is a localisable text object: every key `default` or a language tag, every value a string. */
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

/** Every language a definition carries: its default language first, then the others in the order they appear. */
export function languagesOf(definition: unknown): string[] {
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

/** Which of the carried languages serves a requested one: the same tag (letter case aside), else its base language. */
export function matchLanguage(requested: string, carried: readonly string[]): string | undefined {
  const wanted = requested.toLowerCase();
  return (
    carried.find((l) => l.toLowerCase() === wanted) ?? carried.find((l) => l.toLowerCase() === baseLanguage(wanted))
  );
}

/** The language to show a definition's texts in: the requested one when carried (or its base language), else the default language. */
export function labelLanguage(definition: unknown, requested: string | undefined): string {
  const carried = languagesOf(definition);
  return (requested !== undefined ? matchLanguage(requested, carried) : undefined) ?? carried[0]!;
}

/** Bilanz's own texts exist in German and English: German for German, English for every other language. */
export const appLanguage = (language: string): 'de' | 'en' => (baseLanguage(language) === 'de' ? 'de' : 'en');

/**
 * The language a respondent starts in: the first of the browser's languages
 * the questionnaire carries, else the app's language if carried, else the
 * questionnaire's default language (the first carried).
 */
export function startLanguage(carried: readonly string[], browser: readonly string[], app: string | undefined): string {
  for (const language of browser) {
    const match = matchLanguage(language, carried);
    if (match) return match;
  }
  return (app !== undefined ? matchLanguage(app, carried) : undefined) ?? carried[0] ?? SURVEYJS_DEFAULT_LANGUAGE;
}

/**
 * A language's name, by default in that language itself ("Deutsch",
 * "Français"): for a menu where everyone looks for their own.
 */
export function languageName(tag: string, inLanguage: string = tag): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag);
    if (name && name.toLowerCase() !== tag.toLowerCase())
      return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
  } catch {
    // Not a tag Intl knows: the tag itself is the best name there is.
  }
  return tag;
}
