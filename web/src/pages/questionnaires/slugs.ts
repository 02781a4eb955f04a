import type { JsonObject } from '../../designer/json';

/** The API's rule for questionnaire slugs. */
export const QUESTIONNAIRE_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

/** `base`, or `base-2`, `base-3`, … when taken. */
export function freeSlug(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base.slice(0, 44)}-${n}`)) n++;
  return `${base.slice(0, 44)}-${n}`;
}

/** A new questionnaire: written in German first (its `locale`), its title, and one empty page. */
export const blankDefinition = (title: string): JsonObject => ({
  locale: 'de',
  title,
  pages: [{ name: 'page1', elements: [] }],
});
