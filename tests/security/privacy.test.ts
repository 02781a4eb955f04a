import { createHash, randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';
import { validAnswers, workspaceWithWave } from '../helpers/waves.js';
import { releaseDueResponses } from '../../api/src/modules/responses/responses.service.js';
import {
  memberSurveyWorkspace,
  Organiser,
  requireBuild,
  sleep,
  startApi,
  throwawayDatabase,
  type ApiProcess,
} from '../reliability/harness.js';

// Anonymous means anonymous: after a respondent with a recognisable address,
// browser and referrer answered an anonymous invitation wave, no table and no
// log line holds any of them, nor their token, nor anything that ties their
// invitation to their response. And retention deletes, on its schedule, the
// responses past their wave's period and nothing else.

// A phone in a prioritisation session (docs/session.md): its ballot is a
// random id and its votes; nothing in any table or log holds the phone's
// address, browser, referrer or the moment it voted.
describe('a ballot in a prioritisation session', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ trustProxy: 1 });
  });
  afterAll(() => ctx.close());

  it('stores the votes only: no address, browser, referrer or time, in no table and no log', async () => {
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'abstimmung' });
    const session = (await agent.post(`${base}/sessions`).send({ title: 'Strategie', options: ['A', 'B'] })).body as {
      key: string;
      options: Array<{ id: string }>;
    };
    const marker = randomBytes(6).toString('hex');
    const ip = '198.51.100.174';
    const headers = {
      'X-Forwarded-For': ip,
      'User-Agent': `PrivacyProbe/1.0 (ua-${marker})`,
      Referer: `https://referrer-${marker}.example/qr`,
    };
    const ballot = randomUUID();
    ctx.rawLogs.length = 0;
    const before = new Date().toISOString().slice(0, 13);
    const phone = request.agent(ctx.app);
    expect((await phone.get(`/api/v1/public/sessions/${session.key}`).set(headers)).status).toBe(200);
    const vote = await phone
      .put(`/api/v1/public/sessions/${session.key}/ballots/${ballot}`)
      .set(headers)
      .send({ votes: { [session.options[0]!.id]: 2 } });
    expect(vote.status).toBe(200);

    const row = (await ctx.knex.raw('select t::text as row from session_ballots t where id = ?', [ballot]))
      .rows as Array<{
      row: string;
    }>;
    // (session, ballot id, votes): nothing else, and no time of any kind.
    expect(row).toHaveLength(1);
    expect(Object.keys((await ctx.knex('session_ballots').where({ id: ballot }).first()) as object).sort()).toEqual([
      'id',
      'session_id',
      'votes',
    ]);
    expect(row[0]!.row).not.toContain(before.slice(0, 10));
    const tables = (
      await ctx.knex.raw(
        `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
      )
    ).rows as Array<{ name: string }>;
    let everything = ctx.rawLogs.join('');
    for (const { name } of tables)
      everything += ((await ctx.knex.raw('select t::text as row from ?? t', [name])).rows as Array<{ row: string }>)
        .map((r) => r.row)
        .join('\n');
    for (const secret of [ip, marker]) expect(everything, secret).not.toContain(secret);
    // The ballot id is in its own row only, never in a log line.
    expect(ctx.rawLogs.join('')).not.toContain(ballot);
  });
});

describe('an anonymous invitation wave', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ trustProxy: 1 });
  });
  afterAll(() => ctx.close());

  it('leaves nothing in any table or log that identifies or links the respondent', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, {
      slug: 'anonym',
      access: 'invitation',
      anonymous: true,
    });
    const [invitation] = (
      await agent.post(`${base}/waves/${wave.id}/invitations`).send({ recipients: [{ label: 'Verein Sonnenhof' }] })
    ).body.invitations as Array<{ id?: string; token: string }>;
    const marker = randomBytes(6).toString('hex');
    const ip = '198.51.100.173';
    const userAgent = `PrivacyProbe/1.0 (ua-${marker})`;
    const referrer = `https://referrer-${marker}.example/mail`;
    const respondent = request.agent(ctx.app);
    const headers = { 'X-Forwarded-For': ip, 'User-Agent': userAgent, Referer: referrer };

    ctx.rawLogs.length = 0;
    expect((await respondent.get(`/api/v1/public/waves/${wave.key}`).set(headers)).status).toBe(200);
    expect(
      (
        await respondent
          .post(`/api/v1/public/waves/${wave.key}/invitation`)
          .set(headers)
          .send({ token: invitation!.token })
      ).status,
    ).toBe(204);
    const responseId = randomUUID();
    expect(
      (
        await respondent
          .post(`/api/v1/public/waves/${wave.key}/responses`)
          .set(headers)
          .send({ id: responseId, status: 'partial', data: { sector: 'civic' } })
      ).status,
    ).toBe(201);
    expect((await respondent.get(`/api/v1/public/waves/${wave.key}/responses/${responseId}`).set(headers)).status).toBe(
      200,
    );
    expect(
      (
        await respondent
          .post(`/api/v1/public/waves/${wave.key}/responses`)
          .set(headers)
          .send({ id: responseId, status: 'complete', data: validAnswers })
      ).status,
    ).toBe(201);
    // One answer waits for others (or for the next day) before it is released: the next day comes.
    expect(await releaseDueResponses(ctx.knex, tomorrow())).toBe(1);

    // Every row of every table, as text.
    const tables = (
      await ctx.knex.raw(
        `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
      )
    ).rows as Array<{ name: string }>;
    const dump: Record<string, string> = {};
    for (const { name } of tables)
      dump[name] = ((await ctx.knex.raw('select t::text as row from ?? t', [name])).rows as Array<{ row: string }>)
        .map((r) => r.row)
        .join('\n');
    const everything = Object.values(dump).join('\n') + ctx.rawLogs.join('');
    const tokenHash = createHash('sha256').update(invitation!.token).digest('hex');
    for (const secret of [ip, marker, userAgent, referrer, invitation!.token])
      expect(everything, secret).not.toContain(secret);

    // The response row: the wave, the answers, days; no invitation, no token hash, no time of day.
    const response = await ctx.knex('responses').where({ id: responseId }).first();
    expect(response.status).toBe('complete');
    const invitationRow = await ctx.knex('wave_invitations').where({ wave_id: wave.id }).first();
    expect(invitationRow.used_on).not.toBeNull();
    expect(dump.responses).not.toContain(invitationRow.id);
    expect(dump.responses).not.toContain(tokenHash);
    expect(dump.wave_invitations).not.toContain(responseId);
    for (const [name, rows] of Object.entries(dump))
      if (name !== 'responses') expect(rows, name).not.toContain(responseId);
    for (const value of Object.values(response as Record<string, unknown>)) {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('an anonymous invitation wave cannot be paired with its invitations', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const members = ['Anna', 'Ben', 'Cem', 'Dana', 'Emil', 'Fatma', 'Gregor'];

  /** A wave with one invitation per member; returns each member's token and a way to answer with it. */
  async function invitationWave(slug: string, labels: string[]) {
    const setup = await workspaceWithWave(ctx, { slug, access: 'invitation', anonymous: true });
    const created = (
      await setup.agent
        .post(`${setup.base}/waves/${setup.wave.id}/invitations`)
        .send({ recipients: labels.map((label) => ({ label })) })
    ).body.invitations as Array<{ label: string; token: string }>;
    const tokens = new Map(created.map((i) => [i.label, i.token]));
    const answer = async (label: string, sector: string) => {
      const id = randomUUID();
      const res = await request(ctx.app)
        .post(`/api/v1/public/waves/${setup.wave.key}/responses`)
        .send({ id, status: 'complete', data: { ...validAnswers, sector }, token: tokens.get(label) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return id;
    };
    return { ...setup, tokens, answer };
  }

  it('shows who has answered at once, but new answers only in batches of the minimum group size (or a day later)', async () => {
    const { agent, base, wave, answer } = await invitationWave('paare', members);
    const used = async () =>
      (
        (await agent.get(`${base}/waves/${wave.id}/invitations`)).body.invitations as Array<{
          label: string;
          usedOn: string | null;
        }>
      )
        .filter((i) => i.usedOn !== null)
        .map((i) => i.label)
        .sort();
    const visible = async () => {
      const results = (await agent.get(`${base}/waves/${wave.id}/results`)).body as { responses: { complete: number } };
      const csv = (await agent.get(`${base}/waves/${wave.id}/export?format=csv`)).text;
      const rows = csv.trim().split(/\r?\n/).length - 1;
      expect(rows, 'the export shows what the results show').toBe(results.responses.complete);
      return results.responses.complete;
    };
    const held = async () =>
      ((await agent.get(`${base}/waves/${wave.id}`)).body as { wave: { responses: { held: number } } }).wave.responses
        .held;

    // An organiser polls after every answer: names turn used at once, answers stay unseen until five are in.
    for (const [i, name] of members.slice(0, 4).entries()) {
      await answer(name, 'civic');
      expect(await used()).toEqual(members.slice(0, i + 1).sort());
      expect(await visible(), `after ${name}`).toBe(0);
      expect(await held()).toBe(i + 1);
    }
    await answer('Emil', 'civic');
    expect(await visible(), 'the fifth answer releases all five together').toBe(5);
    expect(await held()).toBe(0);
    await answer('Fatma', 'civic');
    expect(await used()).toHaveLength(6);
    expect(await visible(), 'one more waits for four others').toBe(5);
    // The hourly sweep leaves today's answers waiting, and releases them the next day.
    expect(await releaseDueResponses(ctx.knex)).toBe(0);
    expect(await releaseDueResponses(ctx.knex, tomorrow())).toBe(1);
    expect(await visible()).toBe(6);
    // Closing the wave releases what waits, at the next sweep.
    await answer('Gregor', 'civic');
    expect(await visible()).toBe(6);
    await agent.patch(`${base}/waves/${wave.id}`).send({ status: 'closed' }).expect(200);
    expect(await releaseDueResponses(ctx.knex)).toBe(1);
    expect(await visible()).toBe(7);
  });

  it('keeps no id, transaction id or row order that pairs an invitation with its response, in any table, API or export', async () => {
    // A workspace whose minimum group size is 12: the twelve answers are released in one batch.
    const labels = Array.from({ length: 12 }, (_, i) => `Mitglied ${i + 1}`);
    const { agent, base, wave, answer, ws } = await invitationWave('reihenfolge', labels);
    await agent.patch(`/api/v1/workspaces/${ws.slug}`).send({ minGroupSize: 12 }).expect(200);
    const ids: string[] = [];
    for (const label of labels) ids.push(await answer(label, 'nonprofit'));
    expect(Number((await ctx.knex('held_responses').where({ wave_id: wave.id }).count({ n: '*' }).first())!.n)).toBe(0);

    const responses = (
      await ctx.knex.raw(
        `select id, xmin::text as xmin, change_xid::text as change_xid, ctid::text as ctid from responses where wave_id = ?`,
        [wave.id],
      )
    ).rows as Array<{ id: string; xmin: string; change_xid: string; ctid: string }>;
    const invitations = (
      await ctx.knex.raw(
        `select id, label, response_id, xmin::text as xmin, used_on::text as used_on from wave_invitations where wave_id = ?`,
        [wave.id],
      )
    ).rows as Array<{ id: string; label: string; response_id: string | null; xmin: string; used_on: string }>;
    expect(responses).toHaveLength(12);
    // One transaction wrote all twelve: neither xmin nor change_xid orders them.
    expect(new Set(responses.map((r) => r.xmin)).size).toBe(1);
    expect(new Set(responses.map((r) => r.change_xid)).size).toBe(1);
    // No invitation shares a transaction with a response, and none names one.
    const responseXids = new Set(responses.flatMap((r) => [r.xmin, r.change_xid]));
    for (const inv of invitations) {
      expect(responseXids.has(inv.xmin), `${inv.label}'s transaction`).toBe(false);
      expect(inv.response_id).toBeNull();
    }
    // The rows lie in random order, not in the order they were given (12! orders: a match by chance is one in 479 million).
    const byPlace = [...responses].sort((a, b) => comparePlace(a.ctid, b.ctid)).map((r) => r.id);
    expect(byPlace).not.toEqual(ids);
    // No row of any table holds both a response id and an invitation id.
    const tables = (
      await ctx.knex.raw(
        `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
      )
    ).rows as Array<{ name: string }>;
    for (const { name } of tables) {
      const rows = ((await ctx.knex.raw('select t::text as row from ?? t', [name])).rows as Array<{ row: string }>).map(
        (r) => r.row,
      );
      for (const row of rows) {
        const holdsResponse = ids.some((id) => row.includes(id));
        const holdsInvitation = invitations.some((inv) => row.includes(inv.id));
        expect(holdsResponse && holdsInvitation, `${name}: ${row.slice(0, 120)}`).toBe(false);
      }
    }
    // The organiser's views: the invitation list names no response, the export no invitation.
    const list = JSON.stringify((await agent.get(`${base}/waves/${wave.id}/invitations`)).body);
    for (const id of ids) expect(list).not.toContain(id);
    const csv = (await agent.get(`${base}/waves/${wave.id}/export?format=csv`)).text;
    for (const inv of invitations) {
      expect(csv).not.toContain(inv.id);
      expect(csv).not.toContain(inv.label);
    }
  });
});

/** Orders two ctids, `(page,item)`, by where they lie. */
function comparePlace(a: string, b: string): number {
  const [pa, ia] = a.slice(1, -1).split(',').map(Number) as [number, number];
  const [pb, ib] = b.slice(1, -1).split(',').map(Number) as [number, number];
  return pa - pb || ia - ib;
}

describe('retention', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let api: ApiProcess;
  beforeAll(async () => {
    requireBuild();
    db = await throwawayDatabase();
    api = await startApi({ DATABASE_URL: db.url, BILANZ_RETENTION_CHECK_SECONDS: '1' });
  });
  afterAll(async () => {
    await api?.process.stop('SIGKILL');
    await db?.drop();
  });

  it('deletes, on its schedule, exactly the responses past their wave’s period', async () => {
    const org = new Organiser(api.baseUrl);
    await org.login();
    const { newWave } = await memberSurveyWorkspace(org, 'aufbewahrung');
    const limited = await newWave('Mit Frist');
    const unlimited = await newWave('Ohne Frist');
    await org.expect(200, 'PATCH', `/workspaces/aufbewahrung/waves/${limited.id}`, { retentionDays: 30 });
    const submit = async (key: string) => {
      const id = randomUUID();
      const res = await fetch(`${api.baseUrl}/api/v1/public/waves/${key}/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id, status: 'partial', data: { sector: 'civic' } }),
      });
      expect(res.status).toBe(201);
      return id;
    };
    const old = [await submit(limited.key), await submit(limited.key)];
    const recent = await submit(limited.key);
    const oldButKept = await submit(unlimited.key);
    // The results count all three first. (Read before the ageing below: the purge runs every second, so
    // once they are aged it may already have deleted them.)
    const before = await org.expect(200, 'GET', `/workspaces/aufbewahrung/waves/${limited.id}/results`);
    expect(before.responses.partial).toBe(3);
    // Age three of them by 31 days, as if they had been given a month ago.
    const monthAgo = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
    await db
      .knex('responses')
      .whereIn('id', [...old, oldButKept])
      .update({ started_on: monthAgo, updated_on: monthAgo });

    const deadline = Date.now() + 15_000;
    let left: string[] = [];
    do {
      await sleep(250);
      left = (await db.knex('responses').select('id')).map((r: { id: string }) => r.id);
    } while (left.length > 2 && Date.now() < deadline);
    expect(left.sort()).toEqual([recent, oldButKept].sort());
    // The results forget them too.
    const after = await org.expect(200, 'GET', `/workspaces/aufbewahrung/waves/${limited.id}/results`);
    expect(after.responses.partial).toBe(1);
  });
});
