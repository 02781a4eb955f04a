import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  PASSWORD,
  useProductionPasswordCost,
  type TestContext,
} from '../helpers/test-app.js';
import { validAnswers, workspaceWithWave } from '../helpers/waves.js';
import { requireBuild, startApi, throwawayDatabase } from '../reliability/harness.js';

// Guessing and flooding: the public answering routes answer 429 beyond a
// per-client limit (configurable, generous for a network meeting behind one
// address), and a login attempt tells nothing about whether an account
// exists, neither by its answer nor by its timing. Session ids, logout and
// expiry are covered in tests/api/auth.test.ts. Behind a reverse proxy, the
// address the limits count is the one the proxy saw, whatever a client wrote
// into X-Forwarded-For.

const LIMIT = 20;
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ publicRatePerMinute: LIMIT, trustProxy: 1 });
});
afterAll(() => ctx.close());

describe('the public answering routes under abuse', () => {
  it(`answer 429 with Retry-After after ${LIMIT} requests a minute from one client, store nothing more, and leave other clients alone`, async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'flut' });
    const submit = (ip: string, id = randomUUID()) =>
      request(ctx.app)
        .post(`/api/v1/public/waves/${wave.key}/responses`)
        .set('X-Forwarded-For', ip)
        .send({ id, data: validAnswers, status: 'complete' });

    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await submit('203.0.113.7')).status);
    expect(statuses).toEqual(Array(LIMIT).fill(201));

    const refused = await submit('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Reading the wave and guessing invitation tokens count against the same limit.
    expect(
      (await request(ctx.app).get(`/api/v1/public/waves/${wave.key}`).set('X-Forwarded-For', '203.0.113.7')).status,
    ).toBe(429);
    expect(
      (
        await request(ctx.app)
          .get(`/api/v1/public/waves/${'x'.repeat(22)}`)
          .set('X-Forwarded-For', '203.0.113.7')
      ).status,
    ).toBe(429);

    const stored = await ctx.knex('responses').where({ wave_id: wave.id }).count<{ n: number }[]>({ n: '*' });
    expect(Number(stored[0]!.n)).toBe(LIMIT);

    // Another respondent is not affected.
    expect((await submit('198.51.100.20')).status).toBe(201);
  });

  it('keeps the client address out of the database', async () => {
    const dump = JSON.stringify(await ctx.knex('rate_limits').select('*'));
    expect(dump).not.toContain('203.0.113.7');
    expect(dump).not.toContain('198.51.100.20');
  });
});

describe('a room answering behind one address', () => {
  // Limits per response id and per wave; the address's own limit is far away.
  const PER_RESPONSE = 10;
  const PER_WAVE = 30;
  let room: TestContext;
  beforeAll(async () => {
    room = await createTestContext({
      publicRatePerMinute: 1_000,
      publicRatePerResponsePerMinute: PER_RESPONSE,
      publicRatePerWavePerMinute: PER_WAVE,
      trustProxy: 1,
    });
  });
  afterAll(() => room.close());

  const VENUE = '203.0.113.50';
  const save = (key: string, id: string, status: 'partial' | 'complete' = 'partial') =>
    request(room.app)
      .post(`/api/v1/public/waves/${key}/responses`)
      .set('X-Forwarded-For', VENUE)
      .send({ id, data: validAnswers, status });

  it(`refuses one response id beyond ${PER_RESPONSE} requests a minute, whatever its spelling, while its neighbours at the same address go on`, async () => {
    const { wave } = await workspaceWithWave(room, { slug: 'saal-eins' });
    const hammered = randomUUID();
    const statuses: number[] = [];
    for (let i = 0; i < PER_RESPONSE; i++) statuses.push((await save(wave.key, hammered)).status);
    expect(
      statuses.every((s) => s === 200 || s === 201),
      String(statuses),
    ).toBe(true);

    const refused = await save(wave.key, hammered);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The same id in capitals, and resuming it, count against the same limit.
    expect((await save(wave.key, hammered.toUpperCase())).status).toBe(429);
    expect(
      (
        await request(room.app)
          .get(`/api/v1/public/waves/${wave.key}/responses/${hammered}`)
          .set('X-Forwarded-For', VENUE)
      ).status,
    ).toBe(429);

    // Everyone else in the room, behind the same address, is not affected.
    for (let i = 0; i < 5; i++) expect((await save(wave.key, randomUUID(), 'complete')).status).toBe(201);
    const stored = await room.knex('responses').where({ wave_id: wave.id }).count<{ n: number }[]>({ n: '*' });
    expect(Number(stored[0]!.n)).toBe(6);
  });

  it(`refuses a wave beyond ${PER_WAVE} requests a minute from everyone together, and leaves other waves alone`, async () => {
    const { wave } = await workspaceWithWave(room, { slug: 'saal-zwei' });
    const statuses: number[] = [];
    // Reading the wave counts as well: the page loads it first.
    statuses.push(
      (await request(room.app).get(`/api/v1/public/waves/${wave.key}`).set('X-Forwarded-For', VENUE)).status,
    );
    for (let i = 1; i < PER_WAVE; i++) statuses.push((await save(wave.key, randomUUID(), 'complete')).status);
    expect(statuses).toEqual([200, ...Array(PER_WAVE - 1).fill(201)]);

    const refused = await request(room.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .set('X-Forwarded-For', '198.51.100.77')
      .send({ id: randomUUID(), data: validAnswers, status: 'complete' });
    expect(refused.status, 'from another address too').toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const stored = await room.knex('responses').where({ wave_id: wave.id }).count<{ n: number }[]>({ n: '*' });
    expect(Number(stored[0]!.n)).toBe(PER_WAVE - 1);

    const other = await workspaceWithWave(room, { slug: 'saal-drei' });
    expect((await save(other.wave.key, randomUUID(), 'complete')).status).toBe(201);
  });
});

describe('the built server behind one trusted proxy (BILANZ_TRUST_PROXY=1)', () => {
  it('counts the address the proxy saw, not the left-most X-Forwarded-For entry a client wrote', async () => {
    requireBuild();
    const db = await throwawayDatabase();
    const api = await startApi({
      DATABASE_URL: db.url,
      BILANZ_RATE_LIMIT: 'on',
      BILANZ_TRUST_PROXY: '1',
      BILANZ_LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
      BILANZ_PUBLIC_RATE_LIMIT: '10',
    });
    try {
      // The proxy appends the address it saw; whatever comes before it, the client wrote, new on every request.
      const via = (client: string, i: number) => ({
        'X-Forwarded-For': `10.${i}.0.1, ${client}`,
        'Content-Type': 'application/json',
      });
      const login = (client: string, i: number, email: string, password: string) =>
        fetch(`${api.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: via(client, i),
          body: JSON.stringify({ email, password }),
        }).then((r) => r.status);
      const guesser = '203.0.113.9';
      for (let i = 0; i < 3; i++)
        expect(await login(guesser, i, `probe-${i}@example.org`, 'not the password')).toBe(401);
      expect(
        await login(guesser, 3, `probe-3@example.org`, 'not the password'),
        'the guesser, under a new forged entry',
      ).toBe(429);
      expect(await login('198.51.100.20', 4, 'probe-4@example.org', 'not the password'), 'another client').toBe(401);

      const read = (client: string, i: number) =>
        fetch(`${api.baseUrl}/api/v1/public/waves/${'x'.repeat(22)}`, { headers: via(client, i) }).then(
          (r) => r.status,
        );
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push(await read(guesser, i));
      expect(statuses).toEqual(Array(10).fill(404));
      expect(await read(guesser, 10), 'the public limit, under a new forged entry').toBe(429);
      expect(await read('198.51.100.20', 11), 'another client').toBe(404);
    } finally {
      await api.process.stop('SIGKILL');
      await db.drop();
    }
  });
});

describe('logins for known and unknown accounts', () => {
  it('give the same answer in a similar time', async () => {
    useProductionPasswordCost();
    const timingCtx = await createTestContext({ rateLimit: false });
    try {
      // Hashed at the production cost, as every real account is: the unknown account is checked against one too.
      const user = await createUser(timingCtx.knex, { productionHash: true });
      const attempt = async (email: string) => {
        const started = process.hrtime.bigint();
        const res = await request(timingCtx.app)
          .post('/api/v1/auth/login')
          .send({ email, password: 'not the password' });
        return { res, ms: Number(process.hrtime.bigint() - started) / 1e6 };
      };
      // Warm up (first hash, first query), then alternate so that load hits both alike.
      await attempt(user.email);
      await attempt('nobody@example.org');
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 6; i++) {
        const k = await attempt(user.email);
        const u = await attempt(`nobody-${i}@example.org`);
        expect(k.res.status).toBe(401);
        expect(u.res.status).toBe(401);
        expect(u.res.body).toEqual(k.res.body);
        known.push(k.ms);
        unknown.push(u.ms);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      // An unknown account still costs a password hash: within a factor of two, not the
      // tenfold gap a skipped hash would show.
      const ratio = median(unknown) / median(known);
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
      // The right password still works.
      expect(
        (await request(timingCtx.app).post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD }))
          .status,
      ).toBe(200);
    } finally {
      await timingCtx.close();
    }
  });
});
