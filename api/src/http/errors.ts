/**
 * Typed errors thrown by services and routes (house rule 3). The error
 * middleware turns them into `{error: {code, message, details}}` with the
 * message in the caller's language.
 */
export type Locale = 'de' | 'en';
export type LocalisedText = Record<Locale, string>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalisedText,
    readonly details?: unknown,
  ) {
    super(text.en);
  }
}

const t = (en: string, de: string): LocalisedText => ({ en, de });

export class BadRequestError extends AppError {
  constructor(code: string, text: LocalisedText, details?: unknown) {
    super(400, code, text, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(code = 'unauthenticated', text = t('Please log in.', 'Bitte melde dich an.')) {
    super(401, code, text);
  }
}

export class ForbiddenError extends AppError {
  constructor(code = 'forbidden', text = t('You may not do this.', 'Dazu fehlt dir die Berechtigung.')) {
    super(403, code, text);
  }
}

export class NotFoundError extends AppError {
  constructor(text = t('Not found.', 'Nicht gefunden.')) {
    super(404, 'not_found', text);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, text: LocalisedText, details?: unknown) {
    super(409, code, text, details);
  }
}

export class ValidationError extends AppError {
  constructor(code: string, text: LocalisedText, details?: unknown) {
    super(422, code, text, details);
  }
}

function rateLimitedMessage(minutes: number): LocalisedText {
  return minutes <= 1
    ? t(
        'Too many attempts. Please try again in a minute.',
        'Zu viele Versuche. Bitte versuche es in einer Minute noch einmal.',
      )
    : t(
        `Too many attempts. Please try again in ${minutes} minutes.`,
        `Zu viele Versuche. Bitte versuche es in ${minutes} Minuten noch einmal.`,
      );
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', rateLimitedMessage(Math.ceil(retryAfterSeconds / 60)));
  }
}

export { t as text };
