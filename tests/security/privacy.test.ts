import { createHash, randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';
import { validAnswers, workspaceWithWave } from '../helpers/waves.js';
import { memberSurveyWorkspace, Organiser, requireBuild, sleep, startApi, throwawayDatabase, type ApiProcess } from '../reliability/harness.js';

// Anonymous means anonymous: after a respondent with a recognisable address,
// browser and referrer answered an anonymous invitation wave, no table and no
// log line holds any of them, nor their token, nor anything that ties their
// invitation to their response. And retention deletes, on its schedule, the
// responses past their wave's period and nothing else.

describe('an anonymous invitation wave', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ trustProxy: 1 });
  });
  afterAll(() => ctx.close());

  it('leaves nothing in any table or log that identifies or links the respondent', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'anonym', access: 'invitation', anonymous: true });
    const [invitation] = (await agent.post(`${base}/waves/${wave.id}/invitations`).send({ recipients: [{ label: 'Verein Sonnenhof' }] })).body.invitations as Array<{ id?: string; token: string }>;
    const marker = randomBytes(6).toString('hex');
    const ip = '198.51.100.173';
    const userAgent = `PrivacyProbe/1.0 (ua-${marker})`;
    const referrer = `https://referrer-${marker}.example/mail`;
    const respondent = request.agent(ctx.app);
    const headers = { 'X-Forwarded-For': ip, 'User-Agent': userAgent, Referer: referrer };

    ctx.rawLogs.length = 0;
    expect((await respondent.get(`/api/v1/public/waves/${wave.key}`).set(headers)).status).toBe(200);
    expect((await respondent.post(`/api/v1/public/waves/${wave.key}/invitation`).set(headers).send({ token: invitation!.token })).status).toBe(204);
    const responseId = randomUUID();
    expect((await respondent.post(`/api/v1/public/waves/${wave.key}/responses`).set(headers).send({ id: responseId, status: 'partial', data: { sector: 'civic' } })).status).toBe(201);
    expect((await respondent.get(`/api/v1/public/waves/${wave.key}/responses/${responseId}`).set(headers)).status).toBe(200);
    expect((await respondent.post(`/api/v1/public/waves/${wave.key}/responses`).set(headers).send({ id: responseId, status: 'complete', data: validAnswers })).status).toBe(201);

    // Every row of every table, as text.
    const tables = (await ctx.knex.raw(`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`)).rows as Array<{ name: string }>;
    const dump: Record<string, string> = {};
    for (const { name } of tables) dump[name] = ((await ctx.knex.raw('select t::text as row from ?? t', [name])).rows as Array<{ row: string }>).map((r) => r.row).join('\n');
    const everything = Object.values(dump).join('\n') + ctx.rawLogs.join('');
    const tokenHash = createHash('sha256').update(invitation!.token).digest('hex');
    for (const secret of [ip, marker, userAgent, referrer, invitation!.token]) expect(everything, secret).not.toContain(secret);

    // The response row: the wave, the answers, days; no invitation, no token hash, no time of day.
    const response = await ctx.knex('responses').where({ id: responseId }).first();
    expect(response.status).toBe('complete');
    const invitationRow = await ctx.knex('wave_invitations').where({ wave_id: wave.id }).first();
    expect(invitationRow.used_on).not.toBeNull();
    expect(dump.responses).not.toContain(invitationRow.id);
    expect(dump.responses).not.toContain(tokenHash);
    expect(dump.wave_invitations).not.toContain(responseId);
    for (const [name, rows] of Object.entries(dump)) if (name !== 'responses') expect(rows, name).not.toContain(responseId);
    for (const value of Object.values(response as Record<string, unknown>)) {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

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
      const res = await fetch(`${api.baseUrl}/api/v1/public/waves/${key}/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, status: 'partial', data: { sector: 'civic' } }) });
      expect(res.status).toBe(201);
      return id;
    };
    const old = [await submit(limited.key), await submit(limited.key)];
    const recent = await submit(limited.key);
    const oldButKept = await submit(unlimited.key);
    // Age three of them by 31 days, as if they had been given a month ago.
    const monthAgo = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
    await db.knex('responses').whereIn('id', [...old, oldButKept]).update({ started_on: monthAgo, updated_on: monthAgo });
    const before = await org.expect(200, 'GET', `/workspaces/aufbewahrung/waves/${limited.id}/results`);
    expect(before.responses.partial).toBe(3);

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
