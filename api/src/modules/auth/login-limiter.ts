import type { Db } from '../../db/db-handle.js';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../http/errors.js';
import { tables } from '../../db/tables.js';
import { hashToken } from '../../lib/tokens.js';
import { knexQueryAdapter } from './auth.repo.js';

export type LoginLimiter = {
  /** Throws RateLimitedError while this account must wait at this address, or this address has failed too often. */
  assertAllowed(email: string, clientIp: string): Promise<void>;
  recordFailure(email: string, clientIp: string): Promise<void>;
  recordSuccess(email: string, clientIp: string): Promise<void>;
};

export type LoginLimits = {
  enabled: boolean;
  /** Failures in a row of one account at one address after which that pair waits (and each further failure doubles the wait). */
  failuresBeforeWait: number;
  /** Failures from one address, whatever the accounts, within an hour before it waits out the hour. */
  addressFailures: number;
};

const HOUR = 3600;
/** The first wait; each further failure doubles it. */
export const FIRST_WAIT_SECONDS = 30;
export const LONGEST_WAIT_SECONDS = 15 * 60;
/** How long a pair's failures are remembered (from its first failure); a success forgets them at once. */
const PAIR_MEMORY_SECONDS = 24 * HOUR;

/** The wait in seconds after a pair's `failures`-th failure in a row: none before `failuresBeforeWait`, then 30 s, 1 min, 2 min … up to 15 min. */
export function waitAfter(failures: number, failuresBeforeWait: number): number {
  if (failures < failuresBeforeWait) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** Math.min(failures - failuresBeforeWait, 20), LONGEST_WAIT_SECONDS);
}

/**
 * Failed logins are counted per account and client address together, never
 * per account alone: a per-account lock would let anyone who knows an e-mail
 * address lock its owner out by guessing, from anywhere. From the
 * `failuresBeforeWait`-th failure in a row on, a pair waits, and each further
 * failure doubles its wait, so guessing from one
 * address slows to four tries an hour while the owner, at another address,
 * logs in at once. Against one address trying many accounts (or one account
 * more than the back-off allows) the address as a whole has a limit per hour.
 * Guessing spread over many addresses is left to the password rules and the
 * cost of argon2id.
 *
 * Keys are hashed: the table holds no e-mail or address in clear, and keys have one length.
 */
export function createLoginLimiter(knex: Db, limits: LoginLimits): LoginLimiter {
  if (!limits.enabled) {
    return { assertAllowed: async () => {}, recordFailure: async () => {}, recordSuccess: async () => {} };
  }
  const store = {
    storeClient: knexQueryAdapter(knex),
    storeType: 'client',
    tableName: tables.rateLimits,
    tableCreated: true,
  };
  // Failures in a row per pair; only penalty(), get() and delete() are used, so `points` only documents the allowance.
  const pairFailures = new RateLimiterPostgres({
    ...store,
    // One limiter clears expired rows of the whole table (every 5 minutes, those expired an hour ago).
    clearExpiredByTimeout: true,
    keyPrefix: 'login_pair',
    points: limits.failuresBeforeWait,
    duration: PAIR_MEMORY_SECONDS,
  });
  // The pair's current wait, set with block() for as long as it lasts.
  const pairWait = new RateLimiterPostgres({
    ...store,
    clearExpiredByTimeout: false,
    keyPrefix: 'login_wait',
    points: 1,
    duration: LONGEST_WAIT_SECONDS,
  });
  const addressFailures = new RateLimiterPostgres({
    ...store,
    clearExpiredByTimeout: false,
    keyPrefix: 'login_address',
    points: limits.addressFailures,
    duration: HOUR,
  });
  const pairKey = (email: string, ip: string) => hashToken(`${email.toLowerCase()}\n${ip}`);
  const addressKey = (ip: string) => hashToken(ip);
  const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

  return {
    async assertAllowed(email, clientIp) {
      const [wait, address] = await Promise.all([
        pairWait.get(pairKey(email, clientIp)),
        addressFailures.get(addressKey(clientIp)),
      ]);
      const waits = [
        ...(wait !== null && wait.msBeforeNext > 0 ? [seconds(wait)] : []),
        ...(address !== null && address.consumedPoints >= limits.addressFailures ? [seconds(address)] : []),
      ];
      if (waits.length > 0) throw new RateLimitedError(Math.max(...waits));
    },
    async recordFailure(email, clientIp) {
      const key = pairKey(email, clientIp);
      const [failures] = await Promise.all([pairFailures.penalty(key), addressFailures.penalty(addressKey(clientIp))]);
      const wait = waitAfter(failures.consumedPoints, limits.failuresBeforeWait);
      if (wait > 0) await pairWait.block(key, wait);
    },
    async recordSuccess(email, clientIp) {
      // The owner is back: their earlier typos at this address no longer count. The address's count stays,
      // or an attacker could clear it by logging in to an account of their own between guesses.
      const key = pairKey(email, clientIp);
      await Promise.all([pairFailures.delete(key), pairWait.delete(key)]);
    },
  };
}
