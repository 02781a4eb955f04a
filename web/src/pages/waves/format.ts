import { useTranslation } from 'react-i18next';

/** Day and percentage formats of the waves pages, in the UI language. */
export function useWaveFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  // A day from the API (YYYY-MM-DD) is a calendar day, not an instant: format it in UTC so it never shifts.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    day: (value: string) => day.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)),
    percent: (share: number) => percent.format(share),
  };
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
