import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and times from the API (ISO strings) in the UI language. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  // A calendar day (YYYY-MM-DD) is not an instant: formatted in UTC, it never shifts by the time zone.
  const calendarDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    /** A calendar day from the API (YYYY-MM-DD). */
    day: (value: string) => calendarDay.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)),
  };
}

/** Pure number formats of one language: the only place the app decides how a figure reads. */
export function numberFormats(locale: string) {
  // Percentages with at most one decimal ("57,1 %"), counts with thousands separators ("1.234").
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    /** A share given as 0–100. */
    percent: (p: number) => percent.format(p / 100),
    /** A share given as 0–1. */
    share: (s: number) => percent.format(s),
    count: (n: number) => count.format(n),
    /** A mean: always one decimal. */
    decimal: (v: number) => decimal.format(v),
    /** Any other figure (an indicator's value): at most one decimal. */
    number: (v: number) => number.format(v),
  };
}
export type NumberFormats = ReturnType<typeof numberFormats>;

/** The number formats of the UI language. */
export function useNumberFormat(): NumberFormats {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => numberFormats(locale), [locale]);
}
