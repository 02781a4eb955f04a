import type { Request } from 'express';
import type { Locale } from './errors.js';

/** The caller's language from Accept-Language; English when it names neither. */
export function requestLocale(req: Request): Locale {
  return req.acceptsLanguages('en', 'de') === 'de' ? 'de' : 'en';
}

/** Replaces every `{en, de}` text inside a value (error details, diff reasons) with the one for the locale. */
export function localiseTexts(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((v) => localiseTexts(v, locale));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const keys = Object.keys(value);
    const v = value as Record<string, unknown>;
    if (keys.length === 2 && typeof v.en === 'string' && typeof v.de === 'string') return v[locale];
    return Object.fromEntries(keys.map((k) => [k, localiseTexts(v[k], locale)]));
  }
  return value;
}
