import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { PasswordHashCost } from './lib/passwords.js';

/**
 * The only reader of process.env (house rule 10). Every variable is optional;
 * a bad value stops the server at boot with a message naming the variable.
 */
const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

/**
 * Which proxies' X-Forwarded-* headers to believe, in a form Express's `trust
 * proxy` setting takes: `false` (none), a number of hops, or a list of proxy
 * addresses, subnets and Express's named ranges.
 */
export type TrustProxy = false | number | string[];

/** Express's names for address ranges (proxy-addr's presets). */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, `address/prefix` or a named range, as proxy-addr accepts it. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `true` would make Express believe every X-Forwarded-For entry, and a client
 * can write the left-most one itself: its address, and with it the login and
 * answering limits, would be whatever it claims. So only hop counts and
 * proxy addresses are accepted, and `true` is refused with the alternatives.
 */
const trustProxySetting = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const value = raw?.trim().toLowerCase();
    if (value === undefined || value === 'false' || value === 'no' || value === 'off') return false;
    if (value === 'true' || value === 'yes' || value === 'on') {
      ctx.addIssue({
        code: 'custom',
        message:
          '`true` would trust every X-Forwarded-For entry, so any client could forge its address; set the number of proxies in front of Bilanz (e.g. 1) or their addresses (e.g. loopback, or 10.0.0.0/8,127.0.0.1)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `not a number of proxies, an IP address, a subnet (address/prefix) or loopback, linklocal, uniquelocal: ${bad.map((e) => JSON.stringify(e)).join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    BILANZ_DATA_DIR: z.string().min(1).default('./data'),
    BILANZ_ADMIN_EMAIL: z.email().optional(),
    BILANZ_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    BILANZ_EXAMPLE: booleanFlag(true),
    BILANZ_RATE_LIMIT: z.enum(['on', 'off']).default('on'),
    BILANZ_PUBLIC_URL: z.url().optional(),
    BILANZ_TRUST_PROXY: trustProxySetting,
    BILANZ_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
    BILANZ_SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .default(24 * 7),
    BILANZ_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
    BILANZ_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
    BILANZ_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(10).default(6000),
    BILANZ_PUBLIC_RATE_LIMIT_PER_RESPONSE: z.coerce.number().int().min(10).default(180),
    BILANZ_PUBLIC_RATE_LIMIT_PER_WAVE: z.coerce.number().int().min(10).default(12000),
    BILANZ_RETENTION_CHECK_SECONDS: z.coerce.number().int().min(1).default(3600),
    // argon2id's cost for new password hashes; the defaults are argon2's own. Lower only for tests and development.
    BILANZ_ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(65_536),
    BILANZ_ARGON2_PASSES: z.coerce.number().int().min(1).default(3),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((e) => (e.BILANZ_ADMIN_EMAIL === undefined) === (e.BILANZ_ADMIN_PASSWORD === undefined), {
    message: 'BILANZ_ADMIN_EMAIL and BILANZ_ADMIN_PASSWORD must be set together',
    path: ['BILANZ_ADMIN_PASSWORD'],
  });

export type Config = {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  admin: { email: string; password: string } | undefined;
  loadExample: boolean;
  rateLimit: boolean;
  /** Base for links the server hands out (setup, invitations, waves). */
  publicUrl: string;
  /** The reverse proxies in front of Bilanz, whose X-Forwarded-For and -Proto are believed. */
  trustProxy: TrustProxy;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Failed logins in a row of one account at one address before that pair waits (30 s, doubling up to 15 min). */
  loginMaxFailures: number;
  /** Failed logins from one address, whatever the accounts, within an hour before it waits out the hour. */
  loginMaxFailuresPerAddress: number;
  /**
   * Requests per minute from one client address on the public routes: only a
   * ceiling against floods, since a whole room answers behind one address.
   */
  publicRatePerMinute: number;
  /** Requests per minute on one response id (one respondent's autosaves, submission, resume). */
  publicRatePerResponsePerMinute: number;
  /** Requests per minute on one wave's public routes, from everyone together. */
  publicRatePerWavePerMinute: number;
  /** How often responses past their wave's retention period are deleted (also once at start). */
  retentionCheckMs: number;
  /** argon2id's cost for new password hashes (64 MiB, 3 passes unless set). */
  passwordHashCost: PasswordHashCost;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {}

/** Parses an environment (process.env by default) into a typed Config or throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, so `FOO= npm start` behaves like no FOO.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.BILANZ_DATA_DIR),
    admin:
      e.BILANZ_ADMIN_EMAIL && e.BILANZ_ADMIN_PASSWORD
        ? { email: e.BILANZ_ADMIN_EMAIL, password: e.BILANZ_ADMIN_PASSWORD }
        : undefined,
    loadExample: e.BILANZ_EXAMPLE,
    rateLimit: e.BILANZ_RATE_LIMIT === 'on',
    publicUrl: (e.BILANZ_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    trustProxy: e.BILANZ_TRUST_PROXY,
    sessionIdleMs: e.BILANZ_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.BILANZ_SESSION_MAX_HOURS * 3_600_000,
    loginMaxFailures: e.BILANZ_LOGIN_MAX_FAILURES,
    loginMaxFailuresPerAddress: e.BILANZ_LOGIN_MAX_FAILURES_PER_ADDRESS,
    publicRatePerMinute: e.BILANZ_PUBLIC_RATE_LIMIT,
    publicRatePerResponsePerMinute: e.BILANZ_PUBLIC_RATE_LIMIT_PER_RESPONSE,
    publicRatePerWavePerMinute: e.BILANZ_PUBLIC_RATE_LIMIT_PER_WAVE,
    retentionCheckMs: e.BILANZ_RETENTION_CHECK_SECONDS * 1000,
    passwordHashCost: { memoryKiB: e.BILANZ_ARGON2_MEMORY_KIB, passes: e.BILANZ_ARGON2_PASSES },
    logLevel: e.LOG_LEVEL,
  };
}
