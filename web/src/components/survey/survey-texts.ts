// The tests' program type-checks this file without the web app's include list, so the declarations are named here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./survey-core-i18n.d.ts" />
import { surveyLocalization } from 'survey-core';
import { applyGermanDu } from './german-du.js';
import { baseLanguage } from './locales.js';

/**
 * survey-core's own texts (buttons, "Please answer the question", …) in each
 * language it ships, by the code it registers them under. Each is its own
 * small chunk, fetched only when a survey is shown in that language; English
 * is part of survey-core itself.
 */
const LOADERS: Record<string, () => Promise<unknown>> = {
  ar: () => import('survey-core/i18n/arabic'),
  bg: () => import('survey-core/i18n/bulgarian'),
  ca: () => import('survey-core/i18n/catalan'),
  cs: () => import('survey-core/i18n/czech'),
  cy: () => import('survey-core/i18n/welsh'),
  da: () => import('survey-core/i18n/danish'),
  de: () => import('survey-core/i18n/german'),
  el: () => import('survey-core/i18n/greek'),
  es: () => import('survey-core/i18n/spanish'),
  et: () => import('survey-core/i18n/estonian'),
  eu: () => import('survey-core/i18n/basque'),
  fa: () => import('survey-core/i18n/persian'),
  fi: () => import('survey-core/i18n/finnish'),
  fil: () => import('survey-core/i18n/philippines'),
  fr: () => import('survey-core/i18n/french'),
  he: () => import('survey-core/i18n/hebrew'),
  hi: () => import('survey-core/i18n/hindi'),
  hr: () => import('survey-core/i18n/croatian'),
  ht: () => import('survey-core/i18n/haitian-creole'),
  hu: () => import('survey-core/i18n/hungarian'),
  id: () => import('survey-core/i18n/indonesian'),
  is: () => import('survey-core/i18n/icelandic'),
  it: () => import('survey-core/i18n/italian'),
  ja: () => import('survey-core/i18n/japanese'),
  ka: () => import('survey-core/i18n/georgian'),
  kk: () => import('survey-core/i18n/kazakh'),
  ko: () => import('survey-core/i18n/korean'),
  lt: () => import('survey-core/i18n/lithuanian'),
  lv: () => import('survey-core/i18n/latvian'),
  mk: () => import('survey-core/i18n/macedonian'),
  mm: () => import('survey-core/i18n/burmese'),
  ms: () => import('survey-core/i18n/malay'),
  nl: () => import('survey-core/i18n/dutch'),
  'nl-BE': () => import('survey-core/i18n/nl-BE'),
  no: () => import('survey-core/i18n/norwegian'),
  pl: () => import('survey-core/i18n/polish'),
  pt: () => import('survey-core/i18n/portuguese'),
  'pt-br': () => import('survey-core/i18n/portuguese-br'),
  ro: () => import('survey-core/i18n/romanian'),
  ru: () => import('survey-core/i18n/russian'),
  sk: () => import('survey-core/i18n/slovak'),
  sl: () => import('survey-core/i18n/slovenian'),
  sr: () => import('survey-core/i18n/serbian'),
  sv: () => import('survey-core/i18n/swedish'),
  sw: () => import('survey-core/i18n/swahili'),
  tel: () => import('survey-core/i18n/telugu'),
  tg: () => import('survey-core/i18n/tajik'),
  th: () => import('survey-core/i18n/thai'),
  tr: () => import('survey-core/i18n/turkish'),
  uk: () => import('survey-core/i18n/ukrainian'),
  ur: () => import('survey-core/i18n/urdu'),
  vi: () => import('survey-core/i18n/vietnamese'),
  'zh-cn': () => import('survey-core/i18n/simplified-chinese'),
  'zh-tw': () => import('survey-core/i18n/traditional-chinese'),
};

/** Standard tags survey-core registers under other codes. */
const ALIASES: Record<string, string> = {
  my: 'mm',
  te: 'tel',
  tl: 'fil',
  nb: 'no',
  nn: 'no',
  zh: 'zh-cn',
  'zh-hans': 'zh-cn',
  'zh-hant': 'zh-tw',
};

/** The codes survey-core registers, by their lower-case spelling. */
const CODES = new Map(['en', ...Object.keys(LOADERS)].map((code) => [code.toLowerCase(), code]));

/** The code survey-core keeps a language's texts under: the tag itself, an alias, or its base language. */
export function surveyTextsCode(language: string): string | undefined {
  const tag = language.toLowerCase();
  for (const candidate of [tag, ALIASES[tag], baseLanguage(tag), ALIASES[baseLanguage(tag)]]) {
    const code = candidate !== undefined ? CODES.get(candidate) : undefined;
    if (code !== undefined) return code;
  }
  return undefined;
}

/** Codes whose loading has started, so that each chunk is fetched once. */
const loading = new Map<string, Promise<void>>();

/**
 * Loads survey-core's texts for a language (once) and files them under the
 * language's own tag too, so that a model whose locale is `de-AT`, `my` or
 * `nb` finds them. Resolves false when survey-core has none or the chunk
 * could not be fetched: survey-core then shows its English texts.
 */
export async function loadSurveyTexts(language: string): Promise<boolean> {
  const code = surveyTextsCode(language);
  if (code === undefined) return false;
  if (code !== 'en') {
    let pending = loading.get(code);
    if (!pending) {
      pending = LOADERS[code]!().then(() => {
        if (code === 'de') applyGermanDu();
      });
      loading.set(code, pending);
      // A failed fetch (a lost connection) may be tried again later.
      pending.catch(() => loading.delete(code));
    }
    try {
      await pending;
    } catch {
      return false;
    }
  }
  const strings = surveyLocalization.locales[code] as Record<string, string> | undefined;
  if (strings && language !== code && !surveyLocalization.locales[language])
    surveyLocalization.locales[language] = strings;
  return true;
}

/** The languages survey-core has texts for (for tests). */
export const surveyTextCodes = (): string[] => [...CODES.values()];
