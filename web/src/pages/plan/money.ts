import { useTranslation } from 'react-i18next';

/** Euros in the UI language, without cents when there are none. */
export function useEuro() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 2,
    minimumFractionDigits: 0,
  });
  return (value: number) => format.format(value);
}
