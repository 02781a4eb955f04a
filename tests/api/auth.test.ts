import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareFirstStart } from '../../api/src/modules/auth/auth.service.js';
import { countUsers } from '../../api/src/modules/auth/auth.repo.js';
import { newSecretToken } from '../../api/src/lib/tokens.js';
import {
  createTestContext,
  createUser,
  loginAgent,
  PASSWORD,
  sessionCookie,
  uniqueEmail,
  useProductionPasswordCost,
  type TestContext,
} from '../helpers/test-app.js';

describe('first-run setup', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('creates the first admin only with the one-time token, then never again', async () => {
    useProductionPasswordCost();
    const { setupToken } = await prepareFirstStart(ctx.knex, undefined);
    expect(setupToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await request(ctx.app).get('/api/v1/auth/setup')).body).toEqual({ needed: true });

    const wrong = await request(ctx.app)
      .post('/api/v1/auth/setup')
      .send({ token: 'guess', email: 'admin@example.org', password: PASSWORD });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('invalid_token');
    expect(await countUsers(ctx.knex)).toBe(0);

    const weak = await request(ctx.app)
      .post('/api/v1/auth/setup')
      .send({ token: setupToken, email: 'admin@example.org', password: 'short' });
    expect(weak.status).toBe(400);
    expect(await countUsers(ctx.knex)).toBe(0);

    const agent = request.agent(ctx.app);
    const ok = await agent
      .post('/api/v1/auth/setup')
      .send({ token: setupToken, email: 'Admin@Example.org', password: PASSWORD, name: 'Ada' });
    expect(ok.status).toBe(201);
    expect(ok.body.user).toMatchObject({ email: 'admin@example.org', name: 'Ada', isAdmin: true });
    expect(ok.body.user.passwordHash).toBeUndefined();
    // Stored as argon2id at the production cost (64 MiB, 3 passes); other tests hash at a lower one.
    const stored = await ctx.knex('users').where({ email: 'admin@example.org' }).first<{
      password_hash: string;
    }>('password_hash');
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    const me = await agent.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: ok.body.user, memberships: [] });

    const again = await request(ctx.app)
      .post('/api/v1/auth/setup')
      .send({ token: setupToken, email: 'x@example.org', password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_set_up');
    expect(await countUsers(ctx.knex)).toBe(1);
    expect((await request(ctx.app).get('/api/v1/auth/setup')).body).toEqual({ needed: false });
  });

  it('creates the first admin from BILANZ_ADMIN_EMAIL only while no user exists', async () => {
    const result = await prepareFirstStart(ctx.knex, { email: 'other@example.org', password: PASSWORD });
    expect(result).toEqual({});
    expect(await countUsers(ctx.knex)).toBe(1);
  });
});

describe('admin from configuration', () => {
  it('creates the admin on an empty database and prints no setup link', async () => {
    const ctx = await createTestContext();
    try {
      const result = await prepareFirstStart(ctx.knex, { email: 'boss@example.org', password: PASSWORD });
      expect(result.setupToken).toBeUndefined();
      expect(result.createdAdmin?.is_admin).toBe(true);
      const agent = await loginAgent(ctx.app, 'boss@example.org');
      expect((await agent.get('/api/v1/auth/me')).body.user.isAdmin).toBe(true);
    } finally {
      await ctx.close();
    }
  });
});

describe('login, sessions and logout', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('gives the same 401 for an unknown e-mail and a wrong password', async () => {
    const user = await createUser(ctx.knex);
    const unknown = await request(ctx.app)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.org', password: PASSWORD });
    const wrong = await request(ctx.app)
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'wrong password!' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(sessionCookie(wrong)).toBeUndefined();
  });

  it('sets an HttpOnly, SameSite=Lax session cookie with a new id at every login', async () => {
    const user = await createUser(ctx.knex);
    const agent = request.agent(ctx.app);
    const first = await agent.post('/api/v1/auth/login').send({ email: user.email.toUpperCase(), password: PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body.user).toEqual({ id: user.id, email: user.email, name: user.name, isAdmin: false });
    const cookie1 = sessionCookie(first)!;
    expect(cookie1).toMatch(/HttpOnly/i);
    expect(cookie1).toMatch(/SameSite=Lax/i);
    expect(cookie1).not.toMatch(/Secure/i);
    const second = await agent.post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD });
    const cookie2 = sessionCookie(second)!;
    expect(cookie2.split(';')[0]).not.toBe(cookie1.split(';')[0]);
    // The session the browser arrived with is gone.
    const old = await request(ctx.app).get('/api/v1/auth/me').set('Cookie', cookie1.split(';')[0]!);
    expect(old.status).toBe(401);
  });

  it('marks the cookie Secure when served over HTTPS behind a trusted proxy', async () => {
    const httpsCtx = await createTestContext({ trustProxy: 1 });
    try {
      const user = await createUser(httpsCtx.knex);
      const res = await request(httpsCtx.app)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .send({ email: user.email, password: PASSWORD });
      expect(res.status).toBe(200);
      expect(sessionCookie(res)).toMatch(/Secure/i);
    } finally {
      await httpsCtx.close();
    }
  });

  it('logs out: 204, the session is deleted on the server and the old cookie is refused', async () => {
    const user = await createUser(ctx.knex);
    const login = await request(ctx.app).post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD });
    const cookie = sessionCookie(login)!.split(';')[0]!;
    expect((await request(ctx.app).get('/api/v1/auth/me').set('Cookie', cookie)).status).toBe(200);
    const before = await ctx.knex('sessions').whereRaw(`sess->>'userId' = ?`, [user.id]).select('sid');
    expect(before).toHaveLength(1);
    const out = await request(ctx.app).post('/api/v1/auth/logout').set('Cookie', cookie);
    expect(out.status).toBe(204);
    const after = await ctx.knex('sessions').whereRaw(`sess->>'userId' = ?`, [user.id]).select('sid');
    expect(after).toHaveLength(0);
    expect((await request(ctx.app).get('/api/v1/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('ends a session after its absolute lifetime even while it is in use', async () => {
    const shortCtx = await createTestContext({ sessionMaxMs: 1500 });
    // The session code and the libraries under it (express-session, its store) read Date:
    // a fake date moves time on without sleeping.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      const user = await createUser(shortCtx.knex);
      const agent = await loginAgent(shortCtx.app, user.email);
      expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
      vi.setSystemTime(Date.now() + 1700);
      expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
      expect(await shortCtx.knex('sessions').whereRaw(`sess->>'userId' = ?`, [user.id]).select('sid')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
      await shortCtx.close();
    }
  });

  it('ends a session after the idle time without requests', async () => {
    const idleCtx = await createTestContext({ sessionIdleMs: 1500 });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      const user = await createUser(idleCtx.knex);
      const login = await request(idleCtx.app)
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: PASSWORD });
      const cookie = sessionCookie(login)!.split(';')[0]!;
      expect((await request(idleCtx.app).get('/api/v1/auth/me').set('Cookie', cookie)).status).toBe(200);
      vi.setSystemTime(Date.now() + 1800);
      // The browser would have dropped the cookie; the server must refuse it too.
      expect((await request(idleCtx.app).get('/api/v1/auth/me').set('Cookie', cookie)).status).toBe(401);
    } finally {
      vi.useRealTimers();
      await idleCtx.close();
    }
  });
});

describe('login rate limit', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  // Clients are told apart by the address the (one, trusted) proxy saw: the right-most X-Forwarded-For entry.
  const loginFrom = (app: TestContext['app'], address: string, email: string, password: string) =>
    request(app).post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('lets the owner in from another address at once while the guessing address waits longer after each failure', async () => {
    const proxied = await createTestContext({ trustProxy: 1 });
    // rate-limiter-flexible reads Date.now(): a fake date lets the waits pass without sleeping.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      const user = await createUser(proxied.knex);
      const attacker = '203.0.113.66';
      const owner = '198.51.100.7';
      for (let i = 0; i < 10; i++) {
        expect((await loginFrom(proxied.app, attacker, user.email, `wrong-${i}-password`)).status).toBe(401);
      }
      const waits: number[] = [];
      for (let round = 0; round < 4; round++) {
        // Waiting: refused before the password is checked, the right one too.
        const refused = await loginFrom(proxied.app, attacker, user.email, PASSWORD);
        expect(refused.status).toBe(429);
        expect(refused.body.error.code).toBe('rate_limited');
        waits.push(Number(refused.headers['retry-after']));
        // The account itself is not locked: its owner, elsewhere, logs in at once.
        expect((await loginFrom(proxied.app, owner, user.email, PASSWORD)).status).toBe(200);
        vi.setSystemTime(Date.now() + waits.at(-1)! * 1000 - 1000);
        expect((await loginFrom(proxied.app, attacker, user.email, 'still guessing')).status, 'a second early').toBe(
          429,
        );
        vi.setSystemTime(Date.now() + 1000);
        expect((await loginFrom(proxied.app, attacker, user.email, `guess-${round}-password`)).status).toBe(401);
      }
      expect(waits).toEqual([30, 60, 120, 240]);
      // The right password after the wait lets the owner in at that address too, and forgets the failures there.
      vi.setSystemTime(Date.now() + 480_000);
      expect((await loginFrom(proxied.app, attacker, user.email, PASSWORD)).status).toBe(200);
      for (let i = 0; i < 9; i++)
        expect((await loginFrom(proxied.app, attacker, user.email, `typo-${i}-password`)).status).toBe(401);
      expect((await loginFrom(proxied.app, attacker, user.email, PASSWORD)).status).toBe(200);
    } finally {
      vi.useRealTimers();
      await proxied.close();
    }
  });

  it('makes the account wait only at the address that failed, never for 15 minutes everywhere', async () => {
    const user = await createUser(ctx.knex);
    // Ten failures at one address (supertest's loopback, no proxy trusted).
    for (let i = 0; i < 10; i++) {
      const res = await request(ctx.app)
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: `wrong-${i}-password` });
      expect(res.status).toBe(401);
    }
    const blocked = await request(ctx.app).post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBe(30);
    // Another account at the same address is not affected: only the pair waits.
    const other = await createUser(ctx.knex);
    expect(
      (await request(ctx.app).post('/api/v1/auth/login').send({ email: other.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('answers 429 to one address after its failures across accounts reach the per-address limit, and only to it', async () => {
    const limitedCtx = await createTestContext({ trustProxy: 1, loginMaxFailuresPerAddress: 10 });
    try {
      for (let i = 0; i < 10; i++) {
        const res = await loginFrom(limitedCtx.app, '203.0.113.9', uniqueEmail('probe'), 'not the password');
        expect(res.status).toBe(401);
      }
      const user = await createUser(limitedCtx.knex);
      const blocked = await loginFrom(limitedCtx.app, '203.0.113.9', user.email, PASSWORD);
      expect(blocked.status).toBe(429);
      // The hour's window, counted from the first failure.
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(3500);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(3600);
      expect((await loginFrom(limitedCtx.app, '198.51.100.7', user.email, PASSWORD)).status).toBe(200);
    } finally {
      await limitedCtx.close();
    }
  });

  it('sees through a forged left-most X-Forwarded-For entry behind one trusted proxy', async () => {
    const limitedCtx = await createTestContext({ trustProxy: 1, loginMaxFailuresPerAddress: 3 });
    try {
      // The proxy appends the address it saw; whatever comes before it, the client wrote.
      const forged = (i: number) => `10.${i}.0.1, 203.0.113.9`;
      for (let i = 0; i < 3; i++) {
        expect((await loginFrom(limitedCtx.app, forged(i), uniqueEmail('probe'), 'not the password')).status).toBe(401);
      }
      const user = await createUser(limitedCtx.knex);
      expect((await loginFrom(limitedCtx.app, forged(3), user.email, PASSWORD)).status).toBe(429);
      expect((await loginFrom(limitedCtx.app, '203.0.113.9', user.email, PASSWORD)).status).toBe(429);
      expect((await loginFrom(limitedCtx.app, '203.0.113.10', user.email, PASSWORD)).status).toBe(200);
    } finally {
      await limitedCtx.close();
    }
  });

  it('keeps neither e-mail addresses nor client addresses in its table', async () => {
    const user = await createUser(ctx.knex);
    await request(ctx.app).post('/api/v1/auth/login').send({ email: user.email, password: 'not the password' });
    const dump = JSON.stringify(await ctx.knex('rate_limits').select('*'));
    expect(dump).toContain('login_pair:');
    expect(dump).not.toContain(user.email);
    expect(dump).not.toContain('127.0.0.1');
  });

  it('keeps its counts in the database, shared by every API process', async () => {
    const rows = await ctx.knex('rate_limits').select('key');
    expect(rows.length).toBeGreaterThan(0);
  });

  it('can be switched off for load tests', async () => {
    const offCtx = await createTestContext({ rateLimit: false });
    try {
      const user = await createUser(offCtx.knex);
      for (let i = 0; i < 12; i++) {
        expect(
          (await request(offCtx.app).post('/api/v1/auth/login').send({ email: user.email, password: 'wrong password' }))
            .status,
        ).toBe(401);
      }
      expect(
        (await request(offCtx.app).post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD })).status,
      ).toBe(200);
    } finally {
      await offCtx.close();
    }
  });
});

describe('password change and API tokens', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('changes the password only with the current one, and ends other sessions', async () => {
    useProductionPasswordCost(); // the new hash is checked for it below
    const user = await createUser(ctx.knex);
    const here = await loginAgent(ctx.app, user.email);
    const elsewhere = await loginAgent(ctx.app, user.email);

    const wrong = await here
      .post('/api/v1/auth/password')
      .send({ currentPassword: 'not it at all', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(401);
    const weak = await here.post('/api/v1/auth/password').send({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect((await elsewhere.get('/api/v1/auth/me')).status).toBe(200);

    const ok = await here
      .post('/api/v1/auth/password')
      .send({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(ok.status).toBe(204);
    expect((await here.get('/api/v1/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (await request(ctx.app).post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD })).status,
    ).toBe(401);
    expect(
      (
        await request(ctx.app)
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: 'a brand new passphrase' })
      ).status,
    ).toBe(200);
    const changed = await ctx.knex('users').where({ id: user.id }).first<{
      password_hash: string;
    }>('password_hash');
    expect(changed.password_hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
  });

  it('creates a token shown once, stores only its hash, and accepts it as Bearer until revoked', async () => {
    const user = await createUser(ctx.knex);
    const agent = await loginAgent(ctx.app, user.email);
    const created = await agent.post('/api/v1/auth/tokens').send({ name: 'Auswertungsskript' });
    expect(created.status).toBe(201);
    const { token, id } = created.body as { token: string; id: string };
    expect(token).toMatch(/^blz_/);

    const stored = await ctx.knex('api_tokens').where({ id }).first();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const list = await agent.get('/api/v1/auth/tokens');
    expect(list.body.tokens).toEqual([
      { id, name: 'Auswertungsskript', createdAt: expect.any(String), lastUsedAt: null },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(token);

    const me = await request(ctx.app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(user.id);
    const used = await agent.get('/api/v1/auth/tokens');
    expect(used.body.tokens[0].lastUsedAt).not.toBeNull();

    // Bearer clients are not browsers: no same-origin check, no cookie.
    const write = await request(ctx.app)
      .post('/api/v1/auth/tokens')
      .set('Authorization', `Bearer ${token}`)
      .set('Origin', 'https://elsewhere.example')
      .send({ name: 'second' });
    expect(write.status).toBe(201);

    expect((await agent.delete(`/api/v1/auth/tokens/${id}`)).status).toBe(204);
    const after = await request(ctx.app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('invalid_token');
    expect((await agent.delete(`/api/v1/auth/tokens/${id}`)).status).toBe(404);
  });

  const bearer = (app: TestContext['app'], token: string) =>
    request(app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
  const newToken = async (agent: Awaited<ReturnType<typeof loginAgent>>, name: string) => {
    const res = await agent.post('/api/v1/auth/tokens').send({ name });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string };
  };

  it('revokes all API tokens of the user when the password changes, and no one else’s', async () => {
    const user = await createUser(ctx.knex);
    const other = await createUser(ctx.knex);
    const agent = await loginAgent(ctx.app, user.email);
    const first = await newToken(agent, 'Export');
    const second = await newToken(agent, 'Backup');
    const others = await newToken(await loginAgent(ctx.app, other.email), 'Fremd');
    expect((await bearer(ctx.app, first.token)).status).toBe(200);

    expect(
      (
        await agent
          .post('/api/v1/auth/password')
          .send({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })
      ).status,
    ).toBe(204);
    for (const old of [first, second]) {
      const res = await bearer(ctx.app, old.token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_token');
    }
    expect((await agent.get('/api/v1/auth/tokens')).body).toEqual({ tokens: [] });
    expect(await ctx.knex('api_tokens').where({ user_id: user.id }).select('id')).toHaveLength(0);
    // The session the change was made in stays; another user's token is untouched.
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
    expect((await bearer(ctx.app, others.token)).status).toBe(200);
    // Tokens made afterwards work.
    expect((await bearer(ctx.app, (await newToken(agent, 'Neu')).token)).status).toBe(200);
  });

  it('changed with an API token, the password change ends every session and revokes that token too', async () => {
    const user = await createUser(ctx.knex);
    const browser = await loginAgent(ctx.app, user.email);
    const { token } = await newToken(browser, 'Skript');
    const changed = await request(ctx.app)
      .post('/api/v1/auth/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.status).toBe(204);
    expect((await bearer(ctx.app, token)).status).toBe(401);
    expect((await browser.get('/api/v1/auth/me')).status).toBe(401);
    expect(await ctx.knex('sessions').whereRaw(`sess->>'userId' = ?`, [user.id]).select('sid')).toHaveLength(0);
  });

  it('lets no user list or revoke another user’s tokens', async () => {
    const owner = await createUser(ctx.knex);
    const intruder = await createUser(ctx.knex);
    const ownerAgent = await loginAgent(ctx.app, owner.email);
    const intruderAgent = await loginAgent(ctx.app, intruder.email);
    const ownersToken = await newToken(ownerAgent, 'Nur meins');
    const intrudersToken = await newToken(intruderAgent, 'Eigenes');

    const listed = await intruderAgent.get('/api/v1/auth/tokens');
    expect(listed.status).toBe(200);
    expect(listed.body.tokens.map((t: { id: string }) => t.id)).toEqual([intrudersToken.id]);
    // Neither by session nor by the intruder's own token.
    const revoke = await intruderAgent.delete(`/api/v1/auth/tokens/${ownersToken.id}`);
    expect(revoke.status).toBe(404);
    expect(revoke.body.error.code).toBe('not_found');
    const viaToken = await request(ctx.app)
      .delete(`/api/v1/auth/tokens/${ownersToken.id}`)
      .set('Authorization', `Bearer ${intrudersToken.token}`);
    expect(viaToken.status).toBe(404);

    expect((await bearer(ctx.app, ownersToken.token)).status).toBe(200);
    expect((await ownerAgent.get('/api/v1/auth/tokens')).body.tokens.map((t: { id: string }) => t.id)).toEqual([
      ownersToken.id,
    ]);
  });

  it('logs out a script: logout with an API token revokes that token, and a browser logout leaves the tokens alone', async () => {
    const user = await createUser(ctx.knex);
    const agent = await loginAgent(ctx.app, user.email);
    const used = await newToken(agent, 'Monatsexport');
    const kept = await newToken(agent, 'Backup');
    const out = await request(ctx.app).post('/api/v1/auth/logout').set('Authorization', `Bearer ${used.token}`);
    expect(out.status).toBe(204);
    expect((await bearer(ctx.app, used.token)).status).toBe(401);
    expect((await bearer(ctx.app, kept.token)).status).toBe(200);
    // The browser's logout ends its session; tokens are for scripts and stay until revoked.
    expect((await agent.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
    expect((await bearer(ctx.app, kept.token)).status).toBe(200);
  });

  it('refuses unknown and malformed bearer tokens, and token names that are empty', async () => {
    expect((await request(ctx.app).get('/api/v1/auth/me').set('Authorization', 'Bearer blz_nope')).status).toBe(401);
    expect((await request(ctx.app).get('/api/v1/auth/me').set('Authorization', 'Basic abc')).status).toBe(401);
    const user = await createUser(ctx.knex);
    const agent = await loginAgent(ctx.app, user.email);
    expect((await agent.post('/api/v1/auth/tokens').send({ name: '   ' })).status).toBe(400);
    expect((await agent.post('/api/v1/auth/tokens').send({})).status).toBe(400);
    expect((await agent.delete('/api/v1/auth/tokens/not-a-uuid')).status).toBe(400);
    expect(await ctx.knex('api_tokens').where({ user_id: user.id }).select('id')).toHaveLength(0);
  });

  it('needs a login for every account route', async () => {
    for (const [method, path] of [
      ['get', '/api/v1/auth/me'],
      ['get', '/api/v1/auth/tokens'],
      ['post', '/api/v1/auth/tokens'],
      ['post', '/api/v1/auth/password'],
    ] as const) {
      const res = await request(ctx.app)[method](path).send({});
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});

describe('logs', () => {
  it('never hold bodies, passwords, tokens, cookies or client addresses', async () => {
    const ctx = await createTestContext();
    try {
      const user = await createUser(ctx.knex);
      await request(ctx.app)
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: 'a wrong secret password' });
      const agent = await loginAgent(ctx.app, user.email);
      const token = (await agent.post('/api/v1/auth/tokens').send({ name: 'x' })).body.token as string;
      await request(ctx.app)
        .get('/api/v1/auth/me?token=query-secret')
        .set('Authorization', `Bearer ${token}`)
        .set('User-Agent', 'SecretAgent/1.0');
      const pathSecret = newSecretToken();
      await request(ctx.app).get(`/api/v1/auth/invitations/${pathSecret}`);
      const all = ctx.rawLogs.join('');
      expect(ctx.logs.length).toBeGreaterThanOrEqual(5);
      for (const secret of [
        PASSWORD,
        'a wrong secret password',
        token,
        'query-secret',
        pathSecret,
        'SecretAgent',
        user.email,
        '127.0.0.1',
        'bilanz.sid',
      ]) {
        expect(all, secret).not.toContain(secret);
      }
      // Answered routes are logged by their pattern; errors, whose route Express
      // has already left, by their path with ids and tokens masked.
      expect(all).toContain('"route":"/api/v1/auth/tokens"');
      expect(all).toContain('"route":"/api/v1/auth/invitations/:param"');
    } finally {
      await ctx.close();
    }
  });
});
