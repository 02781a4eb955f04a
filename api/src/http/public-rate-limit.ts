import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors.js';

export type PublicRateLimitOptions = {
  enabled: boolean;
  /** Requests per minute from one client address, on every public route: a ceiling against floods only. */
  perAddressPerMinute: number;
  /** Requests per minute on one response id: one respondent's autosaves, submission and resume. */
  perResponsePerMinute: number;
  /** Requests per minute on one wave, whoever sends them. */
  perWavePerMinute: number;
};

export type PublicRateLimits = {
  /** The per-address ceiling; mounted before the body is parsed, so a flood costs no parsing. */
  byAddress: RequestHandler;
  /** Per response id, then per wave, read from the path (`/waves/:key`, `/responses/:id`) and a submission's `id`; after the body parser. */
  byAnswer: RequestHandler;
  /** Per ballot and per session of a prioritisation vote (`/sessions/:key/ballots/:ballot`), like byAnswer. */
  byBallot: RequestHandler;
};

const WAVE_KEY = /^[A-Za-z0-9_-]{16,64}$/;
const RESPONSE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// The answering routes: /waves/:key, /waves/:key/invitation, /waves/:key/responses, /waves/:key/responses/:id
// (under /api/v1/public, matched whether the middleware is mounted on the router's prefix or on the route itself).
const ANSWERING_PATH = /\/waves\/([^/]+)(?:\/(?:invitation|responses(?:\/([^/]+))?))?\/?$/;

const pass: RequestHandler = (_req, _res, next) => next();
// Under /api/v1/public/sessions: /:key and /:key/ballots/:ballot.
const BALLOT_PATH = /^\/([A-Za-z0-9_-]{16,64})(?:\/ballots\/([0-9a-fA-F-]{36}))?\/?$/;

/** The wave key and response id a public answering request is about, when they are well-formed; ids in lower case, as the routes take them. */
export function answeringTarget(req: Pick<Request, 'path' | 'body'>): { waveKey?: string; responseId?: string } {
  const match = ANSWERING_PATH.exec(req.path);
  if (!match) return {};
  const key = match[1];
  const body: unknown = req.body;
  const rawId =
    match[2] ??
    (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string' ? body.id : undefined);
  const id = rawId?.toLowerCase();
  return {
    ...(key !== undefined && WAVE_KEY.test(key) && { waveKey: key }),
    ...(id !== undefined && RESPONSE_ID.test(id) && { responseId: id }),
  };
}

/**
 * The limits of the public routes (429 with Retry-After beyond them). A room
 * of members answering a survey together shares one address (the venue's
 * Wi-Fi), so what protects the server is a limit per response id (one
 * respondent) and per wave; the per-address limit is only a ceiling against
 * floods, far above what a room of 100 sends (docs/reliability.md, "Meeting
 * room"). Everything is counted in this process's memory, for one minute, and
 * never written anywhere: an anonymous wave must not store the client's
 * address (DESIGN §3), not even in a rate-limit table. The price: with
 * several API processes each counts on its own, so the effective limits are
 * per process.
 */
export function publicRateLimits(options: PublicRateLimitOptions): PublicRateLimits {
  if (!options.enabled) return { byAddress: pass, byAnswer: pass, byBallot: pass };
  const perAddress = new RateLimiterMemory({ points: options.perAddressPerMinute, duration: 60 });
  const perResponse = new RateLimiterMemory({ points: options.perResponsePerMinute, duration: 60 });
  const perWave = new RateLimiterMemory({ points: options.perWavePerMinute, duration: 60 });

  const refuse = (rejection: unknown): Error =>
    rejection instanceof RateLimiterRes
      ? new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)))
      : (rejection as Error);

  const byAddress: RequestHandler = (req, _res, next) => {
    perAddress.consume(req.ip ?? 'unknown').then(
      () => next(),
      (rejection: unknown) => next(refuse(rejection)),
    );
  };

  // The response id first: a respondent refused for hammering its own id
  // then spends none of the wave's allowance, which belongs to everyone.
  const byAnswer: RequestHandler = (req, _res, next) => {
    const { waveKey, responseId } = answeringTarget(req);
    const checks = async () => {
      if (responseId !== undefined) await perResponse.consume(responseId);
      if (waveKey !== undefined) await perWave.consume(waveKey);
    };
    checks().then(
      () => next(),
      (rejection: unknown) => next(refuse(rejection)),
    );
  };

  // A phone changing its votes is one respondent; the session's allowance is the room's.
  const byBallot: RequestHandler = (req, _res, next) => {
    const match = BALLOT_PATH.exec(req.path);
    const checks = async () => {
      if (match?.[2]) await perResponse.consume(`ballot:${match[2].toLowerCase()}`);
      if (match?.[1]) await perWave.consume(`session:${match[1]}`);
    };
    checks().then(
      () => next(),
      (rejection: unknown) => next(refuse(rejection)),
    );
  };

  return { byAddress, byAnswer, byBallot };
}
