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
