import type { AnswerLocale } from '../../api/public';

/**
 * A text of a SurveyJS definition in the given language. Texts are plain
 * strings or `{default, en, …}`, where `default` is German in Bilanz.
 */
export function localText(value: unknown, locale: AnswerLocale): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  const texts = value as Record<string, unknown>;
  const pick = [texts[locale], locale === 'de' ? texts.default : undefined, texts.default, texts.de, texts.en].find(
    (text): text is string => typeof text === 'string' && text.trim() !== '',
  );
  return pick ?? '';
}

/** Paragraphs of a plain text whose paragraphs are separated by blank lines. */
export const paragraphs = (text: string): string[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
