import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors.js';

/**
 * Caps requests per client on the public answering routes (429 beyond the
 * limit). The client's address is kept in this process's memory only, for
 * one minute, and never written anywhere: an anonymous wave must not store
 * it (DESIGN §3), not even in a rate-limit table. The price: with several API
 * processes each counts on its own, so the effective limit is per process.
 */
export function publicRateLimit(options: { enabled: boolean; perMinute: number }): RequestHandler {
  if (!options.enabled) return (_req, _res, next) => next();
  const limiter = new RateLimiterMemory({ points: options.perMinute, duration: 60 });
  return (req, _res, next) => {
    limiter.consume(req.ip ?? 'unknown').then(
      () => next(),
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) next(new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))));
        else next(rejection);
      },
    );
  };
}
