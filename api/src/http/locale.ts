import type { Request } from 'express';
import type { Locale } from './errors.js';

/** The caller's language from Accept-Language; English when it names neither. */
export function requestLocale(req: Request): Locale {
  return req.acceptsLanguages('en', 'de') === 'de' ? 'de' : 'en';
}
