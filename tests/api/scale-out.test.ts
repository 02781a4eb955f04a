import request from 'supertest';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.js';
import { openDatabase, type Database } from '../../api/src/db/database.js';
import { ensureSessionSecret } from '../../api/src/modules/auth/auth.service.js';
import {
  createTestContext,
  createUser,
  PASSWORD,
  sessionCookie,
  testConfig,
  type TestContext,
} from '../helpers/test-app.js';

// Two API instances on one database, each with its own middleware, limiter and
// (on PostgreSQL) its own connection pool: nothing may live in process memory.
let ctx: TestContext;
let secondDb: Database | undefined;
let second: ReturnType<typeof createApp>;

beforeAll(async () => {
  ctx = await createTestContext();
  let knex = ctx.knex;
  if (ctx.db.kind === 'postgres') {
    const url = (ctx.knex.client.config as { connection: string }).connection;
    secondDb = await openDatabase({ kind: 'postgres', url });
    knex = secondDb.knex;
  }
  second = createApp({
    knex,
    databaseKind: ctx.db.kind,
    config: testConfig,
    logger: pino({ level: 'silent' }),
    sessionSecret: await ensureSessionSecret(knex),
  });
});
afterAll(async () => {
  await secondDb?.close();
  await ctx.close();
});

describe('several API processes on one database', () => {
  it('share sessions: a login on one is valid on the other, and a logout on one ends it on both', async () => {
    const user = await createUser(ctx.knex);
    const login = await request(ctx.app).post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD });
    const cookie = sessionCookie(login)!.split(';')[0]!;
    expect((await request(second).get('/api/v1/auth/me').set('Cookie', cookie)).status).toBe(200);
    expect((await request(second).post('/api/v1/auth/logout').set('Cookie', cookie)).status).toBe(204);
    expect((await request(ctx.app).get('/api/v1/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('share the login rate limit: failures spread over both make the account wait at that address on both', async () => {
    const user = await createUser(ctx.knex);
    for (let i = 0; i < 10; i++) {
      const app = i % 2 === 0 ? ctx.app : second;
      expect(
        (await request(app).post('/api/v1/auth/login').send({ email: user.email, password: 'not the password' }))
          .status,
      ).toBe(401);
    }
    expect(
      (await request(ctx.app).post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD })).status,
    ).toBe(429);
    expect(
      (await request(second).post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD })).status,
    ).toBe(429);
  });
});
