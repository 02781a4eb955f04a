import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Count } from '../../api/types';
import { numberFormats, useNumberFormat } from '../../format';

/** Day and percentage formats of the waves pages, in the UI language. */
export function useWaveFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  // A day from the API (YYYY-MM-DD) is a calendar day, not an instant: format it in UTC so it never shifts.
  // The same functions for as long as the language stays, so charts built from them are not rebuilt.
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const numbers = numberFormats(locale);
    return {
      day: (value: string) => day.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)),
      percent: numbers.share,
    };
  }, [locale]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of a `datetime-local` input (local time, minutes). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as an ISO instant; null when empty, undefined when unreadable. */
export function fromLocalInput(value: string): string | null | undefined {
  if (!value.trim()) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Retention in days from a form field: null when empty, undefined when not a whole number from 1 to 3650. */
export function parseRetentionDays(value: string): number | null | undefined {
  if (!value.trim()) return null;
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : undefined;
}

/** Number formats of the results views: the app's one set (web/src/format.ts). */
export { useNumberFormat as useNumbers } from '../../format';

/** A count for display: a hidden one says "fewer than N", never 0. */
export function useCountText(min: number) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  return (count: Count) => (count === null ? t('results.fewerThan', { min }) : numbers.count(count));
}

/** Height class of a bar chart by its number of bars. */
export const chartSize = (bars: number) => (bars > 8 ? 'l' : bars > 3 ? 'm' : 's');

/** The heading tag of a level, h6 at most: views nest under a question's heading at any depth. */
export const headingTag = (level: number) =>
  (['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const)[Math.min(Math.max(level, 1), 6) - 1]!;
