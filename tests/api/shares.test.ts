import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createUser, loginAgent, type TestContext } from '../helpers/test-app.js';
import { PERIOD, reportWorkspace, stringsIn } from '../helpers/reports.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const ALL_SECTIONS = ['input', 'output', 'outcome_impact', 'survey', 'open_answers', 'comparison', 'decisions'].map(
  (kind) => ({ kind }),
);
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const today = () => new Date().toISOString().slice(0, 10);

/** A workspace with a full report whose open-answer sections have picked quotes. */
async function sharedReport(slug: string) {
  const setup = await reportWorkspace(ctx, slug);
  const { agent, base, wave, olderWave, strengths, weaknesses } = setup;
  const picked = [strengths[0]!, weaknesses[1]!];
  const saved = await agent.post(`${base}/reports`).send({
    title: 'Strategietag 2015',
    period: PERIOD,
    wave: wave.id,
    compareWave: olderWave.id,
    sections: ALL_SECTIONS,
    keyQuestions: ['sector', 'recommend', 'strengths'],
    openQuestions: { strengths: 'strengths', weaknesses: 'weaknesses' },
    quotes: [
      { response: picked[0]!.id, question: 'strengths' },
      { response: picked[1]!.id, question: 'weaknesses' },
    ],
    decisions: 'Wir gehen 2016 nach Bad Cannstatt.',
  });
  if (saved.status !== 201) throw new Error(JSON.stringify(saved.body));
  // Every open-answer text stored for either wave: none may reach a share without quotes.
  const rows = await ctx.knex('responses').whereIn('wave_id', [wave.id, olderWave.id]).select<
    Array<{
      data: Record<string, unknown>;
    }>
  >('data');
  const openTexts = rows
    .flatMap((r) => [r.data.strengths, r.data.weaknesses])
    .filter((t): t is string => typeof t === 'string');
  return { ...setup, report: saved.body as { id: string }, picked, openTexts };
}

const share = (agent: ReturnType<typeof request.agent>, base: string, body: object) =>
  agent.post(`${base}/shares`).send(body);

describe('share links', () => {
  it('are made and revoked by organisers only; the token is shown once and stored hashed', async () => {
    const { agent, base, ws, report } = await sharedReport('sh1');
    const created = await share(agent, base, { report: report.id });
    expect(created.status).toBe(201);
    const { id, token, url, expiresAt } = created.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/); // 256 random bits
    expect(url).toBe(`http://bilanz.test/share/${token}`);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const row = await ctx.knex('report_shares').where({ id }).first();
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const list = await agent.get(`${base}/shares`);
    expect(list.status).toBe(200);
    expect(list.body.shares).toEqual([
      expect.objectContaining({
        id,
        report: { id: report.id, title: 'Strategietag 2015' },
        lastAccessOn: null,
        revokedAt: null,
        state: 'active',
      }),
    ]);
    expect(list.body.shares[0]).not.toHaveProperty('includeQuotes');
    expect(JSON.stringify(list.body)).not.toContain(token);

    const analyst = await createUser(ctx.knex);
    await ctx.knex('memberships').insert({ workspace_id: ws.id, user_id: analyst.id, role: 'analyst' });
    const reader = await loginAgent(ctx.app, analyst.email);
    expect((await share(reader, base, { report: report.id })).status).toBe(403);
    expect((await reader.get(`${base}/shares`)).status).toBe(403);
    expect((await reader.delete(`${base}/shares/${id}`)).status).toBe(403);
    const outsider = await loginAgent(ctx.app, (await createUser(ctx.knex)).email);
    expect((await share(outsider, base, { report: report.id })).status).toBe(404);
    expect((await outsider.delete(`${base}/shares/${id}`)).status).toBe(404);

    for (const body of [
      {},
      { report: report.id, expiresInDays: 0 },
      { report: report.id, expiresInDays: 366 },
      { report: report.id, includeQuotes: 'yes' },
      { report: report.id, token: 'mine' },
    ]) {
      expect((await share(agent, base, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await share(agent, base, { report: crypto.randomUUID() })).status).toBe(404);
    expect(Number((await ctx.knex('report_shares').where({ workspace_id: ws.id }).count({ n: '*' }))[0]!.n)).toBe(1);

    const opened = await request(ctx.app).get(`/api/v1/public/shares/${token}`);
    expect(opened.status).toBe(200);
    expect((await agent.delete(`${base}/shares/${id}`)).status).toBe(204);
    expect((await agent.delete(`${base}/shares/${crypto.randomUUID()}`)).status).toBe(404);
    const revoked = await request(ctx.app).get(`/api/v1/public/shares/${token}`);
    expect(revoked.status).toBe(404);
    expect((await agent.get(`${base}/shares`)).body.shares[0]).toMatchObject({
      state: 'revoked',
      revokedAt: expect.any(String),
    });
  });

  it('show aggregates only: no open-answer text, no names, no notes, and no cookie', async () => {
    const { agent, base, report, openTexts, admin } = await sharedReport('sh2');
    const { token } = (await share(agent, base, { report: report.id })).body;
    const res = await request(ctx.app).get(`/api/v1/public/shares/${token}?locale=de`);
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const strings = stringsIn(res.body);
    expect(openTexts.length).toBeGreaterThan(20);
    for (const text of openTexts) expect(strings, text).not.toContain(text);
    const json = JSON.stringify(res.body);
    for (const text of openTexts) expect(json).not.toContain(text);
    expect(json).not.toContain('Notiz nur für uns');
    expect(json).not.toContain('Haushaltsplan intern');
    expect(json).not.toContain(admin.name);
    expect(json).not.toContain(admin.email);

    const section = (kind: string) => res.body.sections.find((s: { kind: string }) => s.kind === kind);
    expect(res.body).toMatchObject({
      audience: 'share',
      includesQuotes: false,
      report: { title: 'Strategietag 2015' },
    });
    // Aggregates stay, with suppression applied.
    const sector = section('survey').questions.find((q: { name: string }) => q.name === 'sector');
    expect(
      Object.fromEntries(sector.choices.map((c: { value: string; count: number | null }) => [c.value, c.count])),
    ).toEqual({ nonprofit: 7, civic: null, municipal: null });
    const strengths = section('open_answers').questions.find((q: { role: string }) => q.role === 'strengths');
    expect(strengths).toMatchObject({
      quotes: null,
      codes: [
        { label: 'Kontakte', count: 6 },
        { label: 'Austausch', count: 5 },
        { label: 'Blog', count: null },
      ],
    });
    expect(section('outcome_impact').indicators[0].series[0].provenance).toEqual({ kind: 'manual' });
    // The organiser's own closing text is theirs to share.
    expect(section('decisions').text).toBe('Wir gehen 2016 nach Bad Cannstatt.');
    // A session cookie changes nothing: the route has no session logic.
    const withCookie = await agent.get(`/api/v1/public/shares/${token}`);
    expect(withCookie.body.audience).toBe('share');
  });

  it("never carry quotes: the picked quotes show in the members' report only, and a link cannot be asked to include them", async () => {
    const { agent, base, report, openTexts, picked } = await sharedReport('sh3');
    const pickedTexts = picked.map((p) => p.text);
    // Members of the workspace read the report with its picked quotes.
    const members = await agent.get(`${base}/reports/${report.id}/content`);
    expect(members.status).toBe(200);
    expect(members.body.includesQuotes).toBe(true);
    const open = (body: { sections: Array<{ kind: string; questions?: Array<{ role: string; quotes: unknown }> }> }) =>
      body.sections.find((s) => s.kind === 'open_answers')!.questions!;
    expect(open(members.body).find((q) => q.role === 'strengths')!.quotes).toEqual([
      { response: picked[0]!.id, text: picked[0]!.text },
    ]);
    // Asking for them is refused (the field is gone), so no link is made.
    const asked = await share(agent, base, { report: report.id, includeQuotes: true, expiresInDays: 7 });
    expect(asked.status).toBe(400);
    expect(asked.body.error).toMatchObject({ code: 'unknown_field', details: { fields: ['includeQuotes'] } });
    const created = await share(agent, base, { report: report.id, expiresInDays: 7 });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('includeQuotes');
    const res = await request(ctx.app).get(`/api/v1/public/shares/${created.body.token}`);
    expect(res.status).toBe(200);
    expect(res.body.includesQuotes).toBe(false);
    for (const q of open(res.body)) expect(q.quotes, q.role).toBeNull();
    const json = JSON.stringify(res.body);
    for (const text of [...pickedTexts, ...openTexts]) expect(json, text).not.toContain(text);
    for (const p of picked) expect(json).not.toContain(p.id);
  });

  it('expire with 410 saying since when; unknown and revoked links answer 404', async () => {
    const { agent, base, report } = await sharedReport('sh4');
    const { id, token } = (await share(agent, base, { report: report.id, expiresInDays: 1 })).body;
    expect((await request(ctx.app).get(`/api/v1/public/shares/${token}`)).status).toBe(200);
    await ctx
      .knex('report_shares')
      .where({ id })
      .update({ expires_at: new Date('2025-03-01T12:00:00Z') });
    const expired = await request(ctx.app).get(`/api/v1/public/shares/${token}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('share_expired');
    expect(expired.body.error.message).toContain('2025-03-01');
    const german = await request(ctx.app).get(`/api/v1/public/shares/${token}`).set('Accept-Language', 'de');
    expect(german.body.error.message).toMatch(/abgelaufen.*2025-03-01|2025-03-01.*abgelaufen/);
    expect((await agent.get(`${base}/shares`)).body.shares[0].state).toBe('expired');

    expect((await request(ctx.app).get(`/api/v1/public/shares/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await request(ctx.app).get('/api/v1/public/shares/kurz')).status).toBe(404);
    // A deleted report takes its links with it.
    const other = (await share(agent, base, { report: report.id })).body;
    expect((await agent.delete(`${base}/reports/${report.id}`)).status).toBe(204);
    expect((await request(ctx.app).get(`/api/v1/public/shares/${other.token}`)).status).toBe(404);
  });

  it('record the day of the last access, writing only when the day changes', async () => {
    const { agent, base, report } = await sharedReport('sh5');
    const { id, token } = (await share(agent, base, { report: report.id })).body;
    expect((await agent.get(`${base}/shares`)).body.shares[0].lastAccessOn).toBeNull();
    await request(ctx.app).get(`/api/v1/public/shares/${token}`);
    expect((await agent.get(`${base}/shares`)).body.shares[0].lastAccessOn).toBe(today());
    // An earlier day is moved on to today; today's stays (no second write that day).
    await ctx.knex('report_shares').where({ id }).update({ last_access_on: '2026-01-02' });
    await request(ctx.app).get(`/api/v1/public/shares/${token}`);
    expect((await ctx.knex('report_shares').where({ id }).first()).last_access_on).toBe(today());
    const column = await ctx.knex.raw<{ rows: Array<{ data_type: string }> }>(
      `select data_type from information_schema.columns where table_name = 'report_shares' and column_name = 'last_access_on'`,
    );
    expect(column.rows[0]!.data_type).toBe('date');
    // Nothing about the caller is kept.
    const row = await ctx.knex('report_shares').where({ id }).first();
    expect(Object.keys(row).sort()).toEqual([
      'created_at',
      'created_by',
      'expires_at',
      'id',
      'last_access_on',
      'report_id',
      'revoked_at',
      'token_hash',
      'workspace_id',
    ]);
  });
});
