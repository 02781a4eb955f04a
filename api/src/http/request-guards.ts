import type { Request, RequestHandler } from 'express';
import { AppError, BadRequestError, ForbiddenError, text } from './errors.js';
import { SESSION_COOKIE } from './session.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// These create a session, so a cross-site page must not be able to call them either.
const SESSION_STARTERS = new Set(['/auth/login', '/auth/setup', '/auth/invitations/accept']);

const hasBody = (req: Request) =>
  Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;

/**
 * The same-origin rule for cookie writes: a browser write that carries the
 * session cookie must come from our own origin. Requests without Origin and
 * Sec-Fetch-Site are non-browser clients and pass.
 */
export function sameOriginWrites(publicUrl: string): RequestHandler {
  const configuredOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (!WRITE_METHODS.has(req.method)) return next();
    const carriesCookie = (req.get('cookie') ?? '').includes(`${SESSION_COOKIE}=`);
    if (!carriesCookie && !SESSION_STARTERS.has(req.path)) return next();
    const origin = req.get('origin');
    const ownOrigin = `${req.protocol}://${req.get('host')}`;
    const crossOrigin =
      origin !== undefined
        ? origin !== ownOrigin && origin !== configuredOrigin
        : req.get('sec-fetch-site') === 'cross-site';
    if (crossOrigin) {
      throw new ForbiddenError(
        'cross_origin',
        text(
          'Requests from other websites are not accepted.',
          'Anfragen von anderen Websites werden nicht angenommen.',
        ),
      );
    }
    next();
  };
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Far deeper than any questionnaire definition; deeper bodies only serve to exhaust the stack. */
const MAX_DEPTH = 64;

type BodyProblem = { kind: 'prototype_key'; key: string } | { kind: 'nul' } | { kind: 'surrogate' } | { kind: 'depth' };

/**
 * What a text may not hold: NUL, and a lone UTF-16 surrogate (JSON's "\ud800",
 * or a text cut inside an emoji), which is no character at all and which
 * PostgreSQL's jsonb refuses. Both checks are linear in the text.
 */
function textProblem(s: string): BodyProblem | undefined {
  if (s.includes('\u0000')) return { kind: 'nul' };
  if (!s.isWellFormed()) return { kind: 'surrogate' };
  return undefined;
}

function findProblem(value: unknown, depth = 0): BodyProblem | undefined {
  if (typeof value === 'string') return textProblem(value);
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_DEPTH) return { kind: 'depth' };
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) return { kind: 'prototype_key', key };
    const inKey = textProblem(key);
    if (inKey) return inKey;
    const found = findProblem((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Checks a request after the JSON parser, in one step (this runs for every
 * write, answers included):
 * - writes carry JSON or nothing at all (415 otherwise); the parser leaves
 *   `req.body` unset exactly when a body is not JSON, so the content type is
 *   looked at once per request, not twice;
 * - JSON.parse keeps `__proto__` as an ordinary key, but copying such an
 *   object (as validation does) would set a prototype instead: such bodies
 *   are refused (400);
 * - PostgreSQL cannot store the NUL character in text or jsonb, nor a lone
 *   UTF-16 surrogate in jsonb, and bodies nested deeper than any real one
 *   would only exhaust recursive code later: all are refused here (400),
 *   before any service sees them. The walk looks at each string and key
 *   once (the body is at most 1 MB), so its work is bounded by the body's size.
 */
export const checkJsonBody: RequestHandler = (req, _res, next) => {
  if (req.body === undefined) {
    if (BODY_METHODS.has(req.method) && hasBody(req)) {
      throw new AppError(
        415,
        'unsupported_media_type',
        text('Send the request body as application/json.', 'Bitte den Inhalt der Anfrage als application/json senden.'),
      );
    }
    return next();
  }
  const problem = findProblem(req.body);
  if (problem?.kind === 'prototype_key') {
    throw new BadRequestError(
      'forbidden_key',
      text(
        `The key "${problem.key}" is not allowed in a request.`,
        `Der Schlüssel „${problem.key}“ ist in einer Anfrage nicht erlaubt.`,
      ),
    );
  }
  if (problem?.kind === 'nul') {
    throw new BadRequestError(
      'invalid_characters',
      text(
        'The request contains a NUL character (\\u0000), which cannot be stored.',
        'Die Anfrage enthält ein NUL-Zeichen (\\u0000), das sich nicht speichern lässt.',
      ),
    );
  }
  if (problem?.kind === 'surrogate') {
    throw new BadRequestError(
      'invalid_characters',
      text(
        'The request contains a broken character (a lone UTF-16 surrogate, such as "\\ud800" or half of an emoji), which cannot be stored.',
        'Die Anfrage enthält ein kaputtes Zeichen (ein einzelnes UTF-16-Surrogat wie „\\ud800“ oder ein halbes Emoji), das sich nicht speichern lässt.',
      ),
    );
  }
  if (problem?.kind === 'depth') {
    throw new BadRequestError(
      'too_deep',
      text(
        `The request is nested deeper than ${MAX_DEPTH} levels.`,
        `Die Anfrage ist tiefer als ${MAX_DEPTH} Ebenen verschachtelt.`,
      ),
    );
  }
  next();
};
