import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import knexFactory, { type Knex } from 'knex';
import { pino } from 'pino';
import request from 'supertest';
import { onTestFinished } from 'vitest';
import { createApp, type AppDeps } from '../../api/src/app.js';
import { openDatabase, type Database } from '../../api/src/db/database.js';
import { migrateLatest } from '../../api/src/db/migrate.js';
import {
  hashPassword,
  PRODUCTION_PASSWORD_COST,
  setPasswordHashCost,
  type PasswordHashCost,
} from '../../api/src/lib/passwords.js';
import { insertUser } from '../../api/src/modules/auth/auth.repo.js';
import { ensureSessionSecret } from '../../api/src/modules/auth/auth.service.js';
import type { UserRow } from '../../api/src/db/tables.js';
import { ResponseChecker } from '../../api/src/openapi/response-check.js';

/**
 * The database every API test runs against: the embedded PGlite (in memory)
 * by default, or a fresh database on the PostgreSQL server of DATABASE_URL,
 * created for this test file and dropped afterwards.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ kind: 'embedded' });
  const name = `bilanz_test_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [name]);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: testUrl.toString(), poolMax: 5 });
  return {
    ...db,
    async close() {
      await db.close();
      await admin.raw('drop database if exists ?? with (force)', [name]);
      await admin.destroy();
    },
  };
}

/** One migrated embedded database per test process, copied for each test context. */
let migratedTemplate: Promise<Blob> | undefined;

async function makeMigratedTemplate(): Promise<Blob> {
  const db = await openDatabase({ kind: 'embedded' });
  try {
    await migrateLatest(db.knex);
    return await db.dump!();
  } finally {
    await db.close();
  }
}

/**
 * Like openTestDatabase, but already migrated; the embedded one starts from a
 * dump of a migrated database instead of running initdb and every migration.
 */
export async function openMigratedTestDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) {
    const db = await openTestDatabase();
    await migrateLatest(db.knex);
    return db;
  }
  migratedTemplate ??= makeMigratedTemplate();
  return openDatabase({ kind: 'embedded', template: await migratedTemplate });
}

export type TestContext = {
  app: Express;
  knex: Knex;
  db: Database;
  /** Every log line the app wrote, as parsed JSON. */
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
  /** Every answer checked against the OpenAPI description (see installResponseCheck); close() fails on a mismatch. */
  responses: ResponseChecker;
  close(): Promise<void>;
};

export const testConfig: AppDeps['config'] = {
  publicUrl: 'http://bilanz.test',
  rateLimit: true,
  trustProxy: false,
  sessionIdleMs: 60 * 60_000,
  sessionMaxMs: 24 * 3_600_000,
  loginMaxFailures: 10,
  loginMaxFailuresPerAddress: 100,
  publicRatePerMinute: 300,
  publicRatePerResponsePerMinute: 180,
  publicRatePerWavePerMinute: 12000,
};

/** A migrated database and the app on it; logs are captured for inspection. */
export async function createTestContext(
  overrides: Partial<AppDeps['config']> & { webDir?: string } = {},
): Promise<TestContext> {
  const db = await openMigratedTestDatabase();
  const rawLogs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      rawLogs.push(chunk.toString('utf8'));
      cb();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const { webDir, ...config } = overrides;
  const app = createApp({
    knex: db.knex,
    databaseKind: db.kind,
    config: { ...testConfig, ...config },
    logger,
    sessionSecret: await ensureSessionSecret(db.knex),
    listen: db.listen,
    ...(webDir !== undefined && { webDir }),
  });
  const responses = installResponseCheck(app);
  return {
    app,
    responses,
    knex: db.knex,
    db,
    rawLogs,
    get logs() {
      return rawLogs.flatMap((l) =>
        l
          .split('\n')
          .filter(Boolean)
          .map((x) => JSON.parse(x) as Record<string, unknown>),
      );
    },
    async close() {
      await db.close();
      // Every API test doubles as a check of the documented response bodies.
      if (responses.mismatches.length > 0)
        throw new Error(
          `answers that differ from the OpenAPI description:\n${responses.mismatches
            .map((m) => `${m.operation} ${m.status}: ${m.problems.join('; ')}`)
            .join('\n')}`,
        );
    },
  };
}

/**
 * Checks every answer the app sends through res.send (res.json ends there
 * too) against the operation's documented status, media type and body
 * schema. Only this app's response prototype is changed.
 */
export function installResponseCheck(app: Express): ResponseChecker {
  const checker = new ResponseChecker();
  const send = app.response.send;
  app.response.send = function (this: typeof app.response, body?: unknown) {
    // An object is turned into JSON text by res.json, which calls send again with the text.
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
      const contentType = this.get('Content-Type') ?? (typeof body === 'string' ? 'text/html' : undefined);
      checker.check(this.req.method, this.req.originalUrl.split('?')[0]!, this.statusCode, contentType, body);
    }
    return send.call(this, body);
  } as typeof send;
  return checker;
}

export const PASSWORD = 'correct horse battery';

let counter = 0;
/** A unique e-mail address for this test run. */
export const uniqueEmail = (prefix = 'user') => `${prefix}-${++counter}-${randomBytes(3).toString('hex')}@example.org`;

/**
 * argon2id's cost in tests: 1 MiB, 1 pass. At the production cost (64 MiB,
 * 3 passes, about 0.2 s a hash and a check here) the API tests spent a minute
 * a pass on passwords alone. Set for every test process that loads these
 * helpers, as main.ts sets the configured cost in a server; passwords set
 * through the API (setup, invitations, changes) get it too, and the check
 * for unknown e-mail addresses runs at it. The production cost is kept by
 * loadConfig (tests/unit/config.test.ts) and used where a test checks it
 * (useProductionPasswordCost).
 */
export const TEST_PASSWORD_COST: PasswordHashCost = Object.freeze({ memoryKiB: 1024, passes: 1 });
setPasswordHashCost(TEST_PASSWORD_COST);

/**
 * For the rest of the running test, new password hashes (and the check for
 * unknown accounts) are made at a real server's cost, for tests that check
 * the stored hash or time logins; the test cost is back for the next test.
 */
export function useProductionPasswordCost(): void {
  const previous = setPasswordHashCost(PRODUCTION_PASSWORD_COST);
  onTestFinished(() => void setPasswordHashCost(previous));
}

const testHashes = new Map<string, Promise<string>>();

/** A test user's hash, made once per password at the test cost (argon2 reads the cost from the hash to check it). */
export function testPasswordHash(password: string): Promise<string> {
  let hash = testHashes.get(password);
  if (!hash) {
    hash = hashPassword(password, TEST_PASSWORD_COST);
    testHashes.set(password, hash);
  }
  return hash;
}

/** A user inserted straight into the database; `productionHash` for tests that time or compare password checks. */
export async function createUser(
  knex: Knex,
  opts: { email?: string; password?: string; isAdmin?: boolean; name?: string; productionHash?: boolean } = {},
): Promise<UserRow> {
  const password = opts.password ?? PASSWORD;
  return insertUser(knex, {
    email: opts.email ?? uniqueEmail(),
    name: opts.name ?? 'Test Person',
    passwordHash: await (opts.productionHash
      ? hashPassword(password, PRODUCTION_PASSWORD_COST)
      : testPasswordHash(password)),
    isAdmin: opts.isAdmin ?? false,
  });
}

/**
 * A cookie-keeping client logged in as the user. Given a listening server
 * instead of the app, it reuses that server; given the app, supertest starts
 * a server per request (fine for a few calls, slow for thousands).
 */
export async function loginAgent(app: Express | Server, email: string, password = PASSWORD) {
  const agent = request.agent(app);
  const res = await agent.post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
}

/** An admin, logged in, with one workspace of which they are the organiser. */
export async function adminWithWorkspace(ctx: TestContext, slug = 'netz') {
  const admin = await createUser(ctx.knex, { isAdmin: true });
  const agent = await loginAgent(ctx.app, admin.email);
  const res = await agent.post('/api/v1/workspaces').send({ slug, name: 'Stadtteilvernetzer' });
  if (res.status !== 201) throw new Error(`workspace create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { admin, agent, slug };
}

/** The Set-Cookie value of the session cookie in a response, if any. */
export function sessionCookie(res: request.Response): string | undefined {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  return raw?.find((c) => c.startsWith('bilanz.sid='));
}
