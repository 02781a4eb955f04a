import type { AnswerData, AnswerLocale } from '../../api/public';
import { LANGUAGE_TAG } from '../../components/survey/locales';

/** The copy of a respondent's answers on their own device, so that a reload continues where they were. */
export interface StoredAnswers {
  id: string;
  data: AnswerData;
  pageNo: number;
  /** The language answered in; null when unknown. */
  locale: AnswerLocale | null;
  /** An invitation wave's token, for the link to continue on another device. */
  token?: string;
}

const storageKey = (waveKey: string) => `bilanz.answer.${waveKey}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function loadAnswers(waveKey: string): StoredAnswers | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(waveKey)) ?? 'null');
    if (!isRecord(value) || typeof value.id !== 'string' || !isRecord(value.data)) return null;
    return {
      id: value.id,
      data: value.data,
      pageNo: typeof value.pageNo === 'number' && value.pageNo >= 0 ? value.pageNo : 0,
      locale: typeof value.locale === 'string' && LANGUAGE_TAG.test(value.locale) ? value.locale : null,
      ...(typeof value.token === 'string' && { token: value.token }),
    };
  } catch {
    // Unreadable or storage blocked: start afresh.
    return null;
  }
}

/** False when the browser refuses (private mode, full storage): answers then live only on the server. */
export function storeAnswers(waveKey: string, answers: StoredAnswers): boolean {
  try {
    localStorage.setItem(storageKey(waveKey), JSON.stringify(answers));
    return true;
  } catch {
    return false;
  }
}

export function forgetAnswers(waveKey: string): void {
  try {
    localStorage.removeItem(storageKey(waveKey));
  } catch {
    // Nothing stored that could be removed.
  }
}

/** A random (v4) UUID; `crypto.randomUUID` exists only on HTTPS and localhost. */
export function newResponseId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
