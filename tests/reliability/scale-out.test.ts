import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import {
  ADMIN,
  memberSurveyWorkspace,
  Organiser,
  requireBuild,
  startApi,
  throwawayDatabase,
  type ApiProcess,
} from './harness.js';

// Two API processes on one PostgreSQL, reached through the test's own
// round-robin client: a session made on one is valid on the other, the login
// limit is counted once for both, a response sent to both at once is stored
// once, and both give identical results right after every submission.

let db: Awaited<ReturnType<typeof throwawayDatabase>>;
let a: ApiProcess;
let b: ApiProcess;
let turn = 0;
/** The next process in turn. */
const next = () => (turn++ % 2 === 0 ? a : b).baseUrl;

beforeAll(async () => {
  requireBuild();
  db = await throwawayDatabase();
  // The first process creates the schema and the admin; the second starts on them.
  a = await startApi({ DATABASE_URL: db.url, BILANZ_RATE_LIMIT: 'on' });
  b = await startApi({ DATABASE_URL: db.url, BILANZ_RATE_LIMIT: 'on' });
});
afterAll(async () => {
  await Promise.all([a?.process.stop('SIGKILL'), b?.process.stop('SIGKILL')]);
  await db?.drop();
});

async function call(base: string, method: string, path: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(cookie && { Cookie: cookie }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    cookie: res.headers.getSetCookie()[0]?.split(';')[0],
  };
}

describe('two API processes on one PostgreSQL', () => {
  it('share sessions: a login on one is valid on the other, and a logout on one ends it on both', async () => {
    const login = await call(a.baseUrl, 'POST', '/auth/login', ADMIN);
    expect(login.status).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await call(next(), 'GET', '/auth/me', undefined, login.cookie)).status).toBe(200);
    expect((await call(b.baseUrl, 'POST', '/auth/logout', undefined, login.cookie)).status).toBe(204);
    expect((await call(a.baseUrl, 'GET', '/auth/me', undefined, login.cookie)).status).toBe(401);
    expect((await call(b.baseUrl, 'GET', '/auth/me', undefined, login.cookie)).status).toBe(401);
  });

  it('store a response sent to both at once exactly once, and give identical results right after every submission', async () => {
    const org = new Organiser(a.baseUrl);
    await org.login();
    const cookie = await org.sessionCookie();
    const { newWave } = await memberSurveyWorkspace(org, 'zwei');
    const wave = await newWave('Zwei Prozesse');
    const definition = JSON.parse(await readFile('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;

    // Twenty identical requests, alternating between the processes, all at once.
    const same = { id: randomUUID(), status: 'complete', data: generateAnswers(definition, seededRandom(0)) };
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(next(), 'POST', `/public/waves/${wave.key}/responses`, same).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(await db.knex('responses').where({ wave_id: wave.id }).select('id')).toHaveLength(1);

    const resultsPath = `/workspaces/zwei/waves/${wave.id}/results`;
    for (let i = 1; i <= 12; i++) {
      const submitted = await call(next(), 'POST', `/public/waves/${wave.key}/responses`, {
        id: randomUUID(),
        status: 'complete',
        data: generateAnswers(definition, seededRandom(i)),
      });
      expect(submitted.status).toBe(201);
      const [onA, onB] = await Promise.all([
        call(a.baseUrl, 'GET', resultsPath, undefined, cookie),
        call(b.baseUrl, 'GET', resultsPath, undefined, cookie),
      ]);
      expect(onA.status).toBe(200);
      expect(onA.body.responses.complete).toBe(1 + i);
      expect(onB.body).toEqual(onA.body);
    }
  });

  // Last: from here on the account waits at this address (the tests' only one).
  it('share the login limit: ten failures spread over both make the account wait at this address on both', async () => {
    const org = new Organiser(a.baseUrl);
    await org.login();
    const email = `limit-${randomUUID()}@example.org`;
    // An account to attack: invited into a workspace and accepted.
    await org.expect(201, 'POST', '/workspaces', { slug: 'limit', name: 'Limit' });
    const invite = await org.expect(201, 'POST', '/workspaces/limit/members', { email, role: 'analyst' });
    expect(
      (
        await call(b.baseUrl, 'POST', '/auth/invitations/accept', {
          token: invite.inviteToken,
          password: 'ein-langes-passwort',
        })
      ).status,
    ).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await call(next(), 'POST', '/auth/login', { email, password: 'falsches-passwort' })).status).toBe(401);
    expect((await call(a.baseUrl, 'POST', '/auth/login', { email, password: 'ein-langes-passwort' })).status).toBe(429);
    expect((await call(b.baseUrl, 'POST', '/auth/login', { email, password: 'ein-langes-passwort' })).status).toBe(429);
  });
});
