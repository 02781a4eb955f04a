import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptExampleWorkspaces, loadExampleOnce } from '../../api/src/modules/example/example-workspace.js';
import { loadTemplates } from '../../api/src/modules/questionnaires/templates.js';
import { createTestContext, createUser, loginAgent, type TestContext } from '../helpers/test-app.js';
import { openEventStream } from '../helpers/sse.js';
import { validAnswers, workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
let server: Server;
let origin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  server = ctx.app.listen(0);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await ctx.close();
});

type Session = {
  id: string;
  key: string;
  url: string;
  status: string;
  participants: number;
  suppressed: boolean;
  needed: number;
  options: Array<{
    id: string;
    label: string;
    codeId: string | null;
    total: number | null;
    voters: number | null;
    mean: number | null;
  }>;
};

const vote = (key: string, ballot: string, votes: Record<string, number>) =>
  request(ctx.app).put(`/api/v1/public/sessions/${key}/ballots/${ballot}`).send({ votes });

/** A wave whose open question `jointDetails` has three answers coded "Website" (2) and "Treffen" (1). */
async function codedWave(slug: string) {
  const setup = await workspaceWithWave(ctx, { slug });
  const { agent, base, wave } = setup;
  const ids: string[] = [];
  for (const text of ['Eine Website', 'Online-Plattform', 'Regelmäßige Treffen']) {
    const id = randomUUID();
    const res = await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id, status: 'complete', data: { ...validAnswers, jointDetails: text } });
    expect(res.status).toBe(201);
    ids.push(id);
  }
  const code = async (label: string) =>
    ((await agent.post(`${base}/questionnaires/kurz/codes`).send({ label })).body as { id: string }).id;
  const website = await code('Website');
  const meetings = await code('Netzwerktreffen');
  await code('Unbenutzt');
  const assign = (response: string, codes: string[]) =>
    agent.put(`${base}/waves/${wave.id}/answers/jointDetails/${response}/codes`).send({ codes });
  expect((await assign(ids[0]!, [website])).status).toBe(200);
  expect((await assign(ids[1]!, [website])).status).toBe(200);
  expect((await assign(ids[2]!, [meetings])).status).toBe(200);
  return { ...setup, codes: { website, meetings } };
}

describe('prioritisation sessions', () => {
  it('opens a session from coded answers and hand-added options, and counts dots once enough phones voted', async () => {
    const { agent, base, wave, codes } = await codedWave('sess1');
    const created = await agent.post(`${base}/sessions`).send({
      title: 'Strategiesitzung Mai 2015',
      wave: wave.id,
      question: 'jointDetails',
      options: ['Geschäftsstelle', 'website'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const s = created.body as Session;
    // Coded answers first, most often given first; unused codes and a hand-added duplicate are left out.
    expect(s.options.map((o) => [o.label, o.codeId])).toEqual([
      ['Website', codes.website],
      ['Netzwerktreffen', codes.meetings],
      ['Geschäftsstelle', null],
    ]);
    expect(s).toMatchObject({ status: 'open', participants: 0, suppressed: true, needed: 5, method: 'dots' });
    expect(s.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(s.url).toBe(`http://bilanz.test/v/${s.key}`);

    const phone = await request(ctx.app).get(`/api/v1/public/sessions/${s.key}`);
    expect(phone.status).toBe(200);
    expect(phone.body).toEqual({
      title: 'Strategiesitzung Mai 2015',
      method: 'dots',
      points: 3,
      status: 'open',
      options: s.options.map((o) => ({ id: o.id, label: o.label })),
    });

    const [web, meet, office] = s.options.map((o) => o.id) as [string, string, string];
    const ballots = Array.from({ length: 4 }, () => randomUUID());
    for (const b of ballots) expect((await vote(s.key, b, { [web]: 2, [office]: 1 })).status).toBe(200);
    let now = (await agent.get(`${base}/sessions/${s.id}`)).body as Session;
    // Four of five: no totals at all.
    expect(now).toMatchObject({ participants: 4, suppressed: true, needed: 1 });
    expect(now.options.every((o) => o.total === null && o.voters === null)).toBe(true);

    expect((await vote(s.key, randomUUID(), { [meet]: 3 })).status).toBe(200);
    now = (await agent.get(`${base}/sessions/${s.id}`)).body as Session;
    expect(now).toMatchObject({ participants: 5, suppressed: false, needed: 0 });
    expect(now.options.map((o) => [o.total, o.voters])).toEqual([
      [8, 4],
      [3, 1],
      [4, 4],
    ]);

    // A phone changes its votes: its earlier ones are replaced, not added.
    const changed = await vote(s.key, ballots[0]!, { [meet]: 1, [office]: 0 });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ votes: { [meet]: 1 } });
    expect((await request(ctx.app).get(`/api/v1/public/sessions/${s.key}/ballots/${ballots[0]}`)).body).toEqual({
      votes: { [meet]: 1 },
    });
    expect((await request(ctx.app).get(`/api/v1/public/sessions/${s.key}/ballots/${randomUUID()}`)).body).toEqual({
      votes: {},
    });
    now = (await agent.get(`${base}/sessions/${s.id}`)).body as Session;
    expect(now.options.map((o) => o.total)).toEqual([6, 4, 3]);

    const list = await agent.get(`${base}/sessions`);
    expect(list.body).toEqual({
      sessions: [expect.objectContaining({ id: s.id, participants: 5, options: 3, status: 'open' })],
    });
  });

  it('refuses bad votes with 4xx and changes nothing; closing answers 410 and keeps the result', async () => {
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'sess2' });
    const s = (await agent.post(`${base}/sessions`).send({ title: 'Nur Handoptionen', points: 2, options: ['A', 'B'] }))
      .body as Session;
    const [a, b] = s.options.map((o) => o.id) as [string, string];
    const ballot = randomUUID();
    expect((await vote(s.key, ballot, { [a]: 1 })).status).toBe(200);

    const refused = [
      [await vote(s.key, ballot, { [a]: 2, [b]: 1 }), 422, 'too_many_points'],
      [await vote(s.key, ballot, { [randomUUID()]: 1 }), 422, 'unknown_option'],
      [await vote(s.key, ballot, { [a]: -1 }), 400, 'invalid_request'],
      [await vote(s.key, ballot, { [a]: 1.5 }), 400, 'invalid_request'],
      [await vote(s.key, ballot, { nope: 1 }), 400, 'invalid_request'],
      [
        await request(ctx.app).put(`/api/v1/public/sessions/${s.key}/ballots/${ballot}`).send({ votes: {}, who: 'x' }),
        400,
        'unknown_field',
      ],
      [
        await request(ctx.app).put(`/api/v1/public/sessions/${s.key}/ballots/not-a-uuid`).send({ votes: {} }),
        400,
        'invalid_request',
      ],
      [
        await request(ctx.app)
          .put(`/api/v1/public/sessions/${s.key}/ballots/${ballot}`)
          .set('Content-Type', 'text/plain')
          .send('votes'),
        415,
        undefined,
      ],
      [await vote('x'.repeat(32), ballot, { [a]: 1 }), 404, 'not_found'],
    ] as const;
    for (const [res, status, code] of refused) {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      if (code) expect(res.body.error.code).toBe(code);
    }
    expect((await request(ctx.app).get(`/api/v1/public/sessions/${s.key}/ballots/${ballot}`)).body).toEqual({
      votes: { [a]: 1 },
    });

    // Creating: no options, too many points, a question without its wave.
    expect((await agent.post(`${base}/sessions`).send({ title: 'Leer' })).body.error.code).toBe('no_options');
    expect((await agent.post(`${base}/sessions`).send({ title: 'X', points: 21, options: ['A'] })).status).toBe(400);
    expect((await agent.post(`${base}/sessions`).send({ title: 'X', question: 'q', options: ['A'] })).status).toBe(400);
    expect((await agent.get(`${base}/sessions`)).body.sessions).toHaveLength(1);

    // Options added while open; a duplicate is a conflict.
    expect((await agent.post(`${base}/sessions/${s.id}/options`).send({ label: 'C' })).status).toBe(201);
    expect((await agent.post(`${base}/sessions/${s.id}/options`).send({ label: 'c' })).status).toBe(409);

    const closed = await agent.patch(`${base}/sessions/${s.id}`).send({ status: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', participants: 1, suppressed: true });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    const late = await vote(s.key, ballot, { [b]: 1 });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('session_closed');
    expect((await vote(s.key, randomUUID(), { [b]: 1 })).status).toBe(410);
    expect((await agent.post(`${base}/sessions/${s.id}/options`).send({ label: 'D' })).status).toBe(410);
    expect((await request(ctx.app).get(`/api/v1/public/sessions/${s.key}`)).body.status).toBe('closed');
    expect((await agent.get(`${base}/sessions/${s.id}`)).body).toMatchObject({ status: 'closed', participants: 1 });
  });

  it('rates options on importance 1–5 and shows the mean', async () => {
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'sess3' });
    expect((await agent.patch(`/api/v1/workspaces/sess3`).send({ minGroupSize: 3 })).status).toBe(200);
    const s = (
      await agent.post(`${base}/sessions`).send({ title: 'Wichtigkeit', method: 'rating', options: ['A', 'B'] })
    ).body as Session;
    const [a, b] = s.options.map((o) => o.id) as [string, string];
    expect((await vote(s.key, randomUUID(), { [a]: 6 })).body.error.code).toBe('invalid_rating');
    for (const r of [5, 4, 4]) expect((await vote(s.key, randomUUID(), { [a]: r, [b]: 1 })).status).toBe(200);
    const now = (await agent.get(`${base}/sessions/${s.id}`)).body as Session;
    expect(now.options.map((o) => [o.total, o.voters, o.mean])).toEqual([
      [13, 3, 4.3],
      [3, 3, 1],
    ]);
  });

  it('streams the session to a projector: current totals first, then every vote', async () => {
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'sess4' });
    const token = (await agent.post('/api/v1/auth/tokens').send({ name: 'Projektor' })).body.token as string;
    const s = (await agent.post(`${base}/sessions`).send({ title: 'Live', options: ['A', 'B'] })).body as Session;
    const a = s.options[0]!.id;
    const stream = await openEventStream(`${origin}${base}/sessions/${s.id}/events`, {
      Authorization: `Bearer ${token}`,
    });
    try {
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      await stream.next<Session>((e) => e.id === s.id && e.participants === 0);
      for (let i = 0; i < 5; i++) expect((await vote(s.key, randomUUID(), { [a]: 3 })).status).toBe(200);
      const live = await stream.next<Session>((e) => e.participants === 5);
      expect(live.options.map((o) => o.total)).toEqual([15, 0]);
      await agent.patch(`${base}/sessions/${s.id}`).send({ status: 'closed' });
      await stream.next<Session>((e) => e.status === 'closed');
    } finally {
      stream.close();
    }
    // Without a login the stream is refused like every workspace route.
    expect((await fetch(`${origin}${base}/sessions/${s.id}/events`)).status).toBe(401);
  });

  it('lets analysts watch but not open or close sessions', async () => {
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'sess5' });
    const s = (await agent.post(`${base}/sessions`).send({ title: 'Rollen', options: ['A'] })).body as Session;
    const analyst = await createUser(ctx.knex);
    expect(
      (await agent.post(`/api/v1/workspaces/sess5/members`).send({ email: analyst.email, role: 'analyst' })).status,
    ).toBe(201);
    const as = await loginAgent(ctx.app, analyst.email);
    expect((await as.get(`${base}/sessions/${s.id}`)).status).toBe(200);
    expect((await as.patch(`${base}/sessions/${s.id}`).send({ status: 'closed' })).status).toBe(403);
    expect((await as.post(`${base}/sessions`).send({ title: 'X', options: ['A'] })).status).toBe(403);
    expect((await agent.get(`${base}/sessions/${s.id}`)).body.status).toBe('open');
  });
});

describe('ballot privacy', () => {
  it('stores a ballot as its random id and votes only: no time, person, device or address', async () => {
    const columns = await ctx
      .knex('information_schema.columns')
      .where({ table_name: 'session_ballots' })
      .orderBy('column_name')
      .pluck('column_name');
    expect(columns).toEqual(['id', 'session_id', 'votes']);
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'sess6' });
    const s = (await agent.post(`${base}/sessions`).send({ title: 'Privat', options: ['A'] })).body as Session;
    const ballot = randomUUID();
    await request(ctx.app)
      .put(`/api/v1/public/sessions/${s.key}/ballots/${ballot}`)
      .set('User-Agent', 'Phone-UA-123')
      .send({ votes: { [s.options[0]!.id]: 1 } });
    // The log line of the vote names the route pattern, never the ballot, the key or the device.
    const log = ctx.rawLogs.join('');
    expect(log).toContain('/api/v1/public/sessions/:key/ballots/:ballot');
    expect(log).not.toContain(ballot);
    expect(log).not.toContain(s.key);
    expect(log).not.toContain('Phone-UA-123');
  });
});

describe('the example workspace', () => {
  let fresh: TestContext;
  // The example loads only into a database without workspaces.
  beforeAll(async () => {
    fresh = await createTestContext();
  });
  afterAll(() => fresh.close());

  it('holds the closed session of May 2015 with 21 phones, and an action plan adopted from it', async () => {
    expect(await loadExampleOnce(fresh.knex, loadTemplates(path.resolve('surveys')), true)).toBe(true);
    const admin = await createUser(fresh.knex, { isAdmin: true });
    await adoptExampleWorkspaces(fresh.knex);
    const agent = await loginAgent(fresh.app, admin.email);
    const base = '/api/v1/workspaces/beispiel';
    const list = (await agent.get(`${base}/sessions`)).body.sessions as Array<{ id: string }>;
    expect(list).toEqual([expect.objectContaining({ status: 'closed', participants: 21, options: 7 })]);
    const s = (await agent.get(`${base}/sessions/${list[0]!.id}`)).body as Session;
    expect(s.suppressed).toBe(false);
    expect(s.options.reduce((sum, o) => sum + o.total!, 0)).toBe(63);
    expect(s.options[0]).toMatchObject({ label: 'Koordinationsstelle mit bezahlter Teilzeitkraft', total: 16 });

    const plan = (await agent.get(`${base}/plan`)).body as {
      actions: Array<{
        carrier: string;
        cost: number | null;
        owner: string;
        dueOn: string;
        targets: Array<{ name: string | null }>;
        source: { votes: number };
      }>;
      totals: { volunteers: number; funding: number; cost: number };
    };
    expect(plan.actions).toHaveLength(5);
    expect(plan.totals).toEqual({ volunteers: 2, funding: 3, cost: 29000 });
    for (const a of plan.actions) {
      expect(a.owner).toBeTruthy();
      expect(a.dueOn).toMatch(/^201[56]-/);
      expect(a.targets.length).toBeGreaterThan(0);
      // Every target names an indicator the example has.
      for (const t of a.targets) expect(t.name).not.toBeNull();
      expect(a.source.votes).toBeGreaterThan(0);
    }
  });
});
