import type { Knex } from 'knex';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../http/errors.js';
import { tables } from '../../db/tables.js';

/**
 * rate-limiter-flexible speaks node-postgres's `query({text, values})`; this
 * adapter runs its statements through knex, so the same limiter works on the
 * embedded database and on PostgreSQL, and its state is shared by every process.
 */
function knexQueryAdapter(knex: Knex) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const bindings: unknown[] = [];
      const sql = q.text.replace(/\$(\d+)/g, (_m, n: string) => {
        bindings.push(q.values?.[Number(n) - 1]);
        return '?';
      });
      return knex.raw(sql, bindings as Knex.RawBinding[]);
    },
  };
}

export type LoginLimiter = {
  /** Throws RateLimitedError when this account or this client has failed too often. */
  assertAllowed(email: string, clientIp: string): Promise<void>;
  recordFailure(email: string, clientIp: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
};

/** Counts failed logins per account and per client over a window (10 in 15 minutes by default). */
export function createLoginLimiter(knex: Knex, options: { enabled: boolean; maxFailures: number; windowSeconds?: number }): LoginLimiter {
  if (!options.enabled) {
    return { assertAllowed: async () => {}, recordFailure: async () => {}, recordSuccess: async () => {} };
  }
  const limiter = new RateLimiterPostgres({
    storeClient: knexQueryAdapter(knex),
    storeType: 'client',
    tableName: tables.rateLimits,
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: 'login',
    points: options.maxFailures,
    duration: options.windowSeconds ?? 15 * 60,
  });
  const accountKey = (email: string) => `account:${email.toLowerCase()}`;
  const clientKey = (ip: string) => `client:${ip}`;

  return {
    async assertAllowed(email, clientIp) {
      const [account, client] = await Promise.all([limiter.get(accountKey(email)), limiter.get(clientKey(clientIp))]);
      const blocked = [account, client].filter(
        (r): r is RateLimiterRes => r !== null && r.consumedPoints >= options.maxFailures,
      );
      if (blocked.length > 0) {
        const wait = Math.max(...blocked.map((r) => r.msBeforeNext));
        throw new RateLimitedError(Math.max(1, Math.ceil(wait / 1000)));
      }
    },
    async recordFailure(email, clientIp) {
      // consume() rejects with a RateLimiterRes once the points are used up; the
      // count is what matters here. Database errors still propagate.
      const keepCounting = (err: unknown) => {
        if (!(err instanceof RateLimiterRes)) throw err;
      };
      await Promise.all([
        limiter.consume(accountKey(email)).catch(keepCounting),
        limiter.consume(clientKey(clientIp)).catch(keepCounting),
      ]);
    },
    async recordSuccess(email) {
      await limiter.delete(accountKey(email));
    },
  };
}
