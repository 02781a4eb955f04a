import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminWithWorkspace,
  createTestContext,
  createUser,
  loginAgent,
  type TestContext,
} from '../helpers/test-app.js';
import { workspaceWithWave } from '../helpers/waves.js';
import { ACTIVITIES, PERIOD, reportWorkspace } from '../helpers/reports.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const count = async (table: string, where: object) =>
  Number((await ctx.knex(table).where(where).count<Array<{ n: number | string }>>({ n: '*' }))[0]!.n);
// The full activity list is an appendix, asked for with activityList.
const ALL_SECTIONS = ['input', 'output', 'outcome_impact', 'survey', 'open_answers', 'comparison', 'decisions'].map(
  (kind) => (kind === 'output' ? { kind, activityList: true } : { kind }),
);

describe('saved reports', () => {
  it('creates, reads, lists, replaces and deletes reports; analysts read, outsiders see nothing', async () => {
    const { agent, base, ws, wave } = await workspaceWithWave(ctx, { slug: 'rep1' });
    const created = await agent.post(`${base}/reports`).send({ title: 'Strategietag 2015' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Strategietag 2015',
      period: { from: null, to: null },
      wave: null,
      compareWave: null,
      sections: [],
      keyQuestions: [],
      openQuestions: {},
      quotes: [],
      decisions: '',
    });
    const id = created.body.id as string;

    const full = {
      title: 'Strategietag',
      period: { from: '2014-06-01', to: '2015-05-31' },
      wave: wave.id,
      compareWave: null,
      sections: [{ kind: 'decisions' }, { kind: 'survey', measure: 'count' }, { kind: 'input' }],
      keyQuestions: ['recommend', 'sector'],
      openQuestions: { strengths: 'jointDetails' },
      quotes: [],
      decisions: 'Wir besuchen 2016 Bad Cannstatt.\n\nDie Strategiegruppe trifft sich quartalsweise.',
    };
    const put = await agent.put(`${base}/reports/${id}`).send(full);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject(full);
    const got = await agent.get(`${base}/reports/${id}`);
    expect(got.body).toMatchObject(full);
    // The order of sections and questions is kept as chosen.
    expect(got.body.sections.map((s: { kind: string }) => s.kind)).toEqual(['decisions', 'survey', 'input']);
    expect(got.body.keyQuestions).toEqual(['recommend', 'sector']);
    const list = await agent.get(`${base}/reports`);
    expect(list.body.reports).toEqual([expect.objectContaining({ id, title: 'Strategietag' })]);

    const analyst = await createUser(ctx.knex);
    await ctx.knex('memberships').insert({ workspace_id: ws.id, user_id: analyst.id, role: 'analyst' });
    const reader = await loginAgent(ctx.app, analyst.email);
    expect((await reader.get(`${base}/reports/${id}`)).status).toBe(200);
    expect((await reader.get(`${base}/reports/${id}/content`)).status).toBe(200);
    expect((await reader.post(`${base}/reports`).send({ title: 'x' })).status).toBe(403);
    expect((await reader.put(`${base}/reports/${id}`).send(full)).status).toBe(403);
    expect((await reader.delete(`${base}/reports/${id}`)).status).toBe(403);

    const outsider = await loginAgent(ctx.app, (await createUser(ctx.knex)).email);
    expect((await outsider.get(`${base}/reports/${id}`)).status).toBe(404);
    expect((await outsider.get(`${base}/reports`)).status).toBe(404);

    expect((await agent.delete(`${base}/reports/${id}`)).status).toBe(204);
    expect((await agent.get(`${base}/reports/${id}`)).status).toBe(404);
    expect((await agent.get(`${base}/reports/${id}/content`)).status).toBe(404);
    expect(await count('reports', { workspace_id: ws.id })).toBe(0);
  });

  it('refuses bad reports (400 for the shape, 422 for references that do not fit) and stores nothing', async () => {
    const { agent, base, ws, wave } = await workspaceWithWave(ctx, { slug: 'rep2' });
    const other = await workspaceWithWave(ctx, { slug: 'rep2b' });
    const secondQ = await agent
      .post(`${base}/questionnaires`)
      .send({ slug: 'zweit', definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'x' }] }] } });
    expect(secondQ.status).toBe(201);
    await agent.post(`${base}/questionnaires/zweit/publish`).send({});
    const otherQuestionnaireWave = (
      await agent.post(`${base}/waves`).send({ questionnaire: 'zweit', version: 1, title: 'Andere', access: 'link' })
    ).body.id;

    const badShape = [
      {},
      { title: '' },
      { title: 'x', extra: 1 },
      { title: 'x', sections: [{ kind: 'summary' }] },
      { title: 'x', sections: [{ kind: 'input' }, { kind: 'input' }] },
      { title: 'x', sections: [{ kind: 'open_answers', topCodes: 0 }] },
      { title: 'x', sections: [{ kind: 'input', colour: 'red' }] },
      { title: 'x', period: { from: '2015-02-30', to: null } },
      { title: 'x', wave: 'not-a-uuid' },
      { title: 'x', quotes: [{ response: crypto.randomUUID(), question: 'jointDetails', text: 'abgeschrieben' }] },
      { title: 'x', decisions: 'x'.repeat(20_001) },
      { title: 'x', keyQuestions: ['sector', 'sector'] },
    ];
    for (const body of badShape) {
      const res = await agent.post(`${base}/reports`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toMatch(/^(invalid_request|unknown_field)$/);
    }

    const unfit = [
      { title: 'x', period: { from: '2015-12-31', to: '2015-01-01' } },
      { title: 'x', wave: other.wave.id },
      { title: 'x', wave: crypto.randomUUID() },
      { title: 'x', wave: wave.id, compareWave: wave.id },
      { title: 'x', wave: wave.id, compareWave: otherQuestionnaireWave },
      { title: 'x', compareWave: wave.id },
      { title: 'x', wave: wave.id, keyQuestions: ['sector', 'nope'] },
      { title: 'x', keyQuestions: ['sector'] },
      { title: 'x', wave: wave.id, openQuestions: { strengths: 'sector' } },
      {
        title: 'x',
        wave: wave.id,
        openQuestions: { strengths: 'jointDetails' },
        quotes: [{ response: crypto.randomUUID(), question: 'jointDetails' }],
      },
    ];
    for (const body of unfit) {
      const res = await agent.post(`${base}/reports`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('invalid_report');
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    const german = await agent.post(`${base}/reports`).set('Accept-Language', 'de').send(unfit[0]);
    expect(german.body.error.message).toMatch(/Bericht/);
    expect(await count('reports', { workspace_id: ws.id })).toBe(0);

    // A refused replacement leaves the saved report as it was.
    const saved = await agent.post(`${base}/reports`).send({ title: 'Gut', wave: wave.id, keyQuestions: ['sector'] });
    expect(saved.status).toBe(201);
    expect(
      (
        await agent
          .put(`${base}/reports/${saved.body.id}`)
          .send({ title: 'Neu', wave: wave.id, keyQuestions: ['nope'] })
      ).status,
    ).toBe(422);
    expect((await agent.put(`${base}/reports/${saved.body.id}`).send({ title: 'Neu', bogus: true })).status).toBe(400);
    expect((await agent.get(`${base}/reports/${saved.body.id}`)).body).toMatchObject({
      title: 'Gut',
      keyQuestions: ['sector'],
    });
    expect((await agent.put(`${base}/reports/${crypto.randomUUID()}`).send({ title: 'x' })).status).toBe(404);
    expect((await agent.get(`${base}/reports/nope`)).status).toBe(400);
  });

  it('assembles the content from activities, indicators, results and coding, with suppression applied', async () => {
    const setup = await reportWorkspace(ctx, 'rep3');
    const { agent, base, wave, olderWave, strengths, codes } = setup;
    const picked = [strengths[0]!, strengths[3]!];
    const body = {
      title: 'Strategietag 2015',
      period: PERIOD,
      wave: wave.id,
      compareWave: olderWave.id,
      sections: ALL_SECTIONS,
      keyQuestions: ['sector', 'recommend'],
      openQuestions: { strengths: 'strengths', weaknesses: 'weaknesses' },
      quotes: picked.map((p) => ({ response: p.id, question: 'strengths' })),
      decisions: 'Erstens.\n\nZweitens.',
    };
    const saved = await agent.post(`${base}/reports`).send(body);
    expect(saved.status).toBe(201);
    const res = await agent.get(`${base}/reports/${saved.body.id}/content?locale=de`);
    expect(res.status).toBe(200);
    const content = res.body;
    expect(content.sections.map((s: { kind: string }) => s.kind)).toEqual(ALL_SECTIONS.map((s) => s.kind));
    const section = (kind: string) => content.sections.find((s: { kind: string }) => s.kind === kind);
    expect(content.wave).toMatchObject({ id: wave.id, title: 'Welle 2015', questionnaire: 'Mitgliederumfrage' });

    // Input: the latest value on or before the period's end (2016's value is after it).
    expect(section('input').indicators).toEqual([
      expect.objectContaining({ key: 'budget', value: { date: '2015-06-01', value: 1500 } }),
    ]);

    // Output: activities of the period, counted independently here.
    const inPeriod = ACTIVITIES.filter((a) => a.date >= PERIOD.from && a.date <= PERIOD.to);
    const output = section('output');
    expect(output.activities.total).toBe(inPeriod.length);
    const byType = Object.fromEntries(
      output.activities.byType.map((t: { type: string; count: number }) => [t.type, t.count]),
    );
    expect(byType).toEqual({
      district_visit: inPeriod.filter((a) => a.type === 'district_visit').length,
      article: inPeriod.filter((a) => a.type === 'article').length,
    });
    expect(output.activities.list.map((a: { title: string }) => a.title).sort()).toEqual(
      inPeriod.map((a) => a.title).sort(),
    );
    // Three visits in all, two by the period's end... and the running count stops there.
    expect(output.indicators).toEqual([
      expect.objectContaining({ key: 'visits', value: { date: '2015-05-19', value: 3 } }),
    ]);

    // Outcome: the series up to the period's end, with provenance (who entered it, the note) for members.
    const outcome = section('outcome_impact').indicators;
    expect(outcome).toHaveLength(1);
    expect(outcome[0].series.map((p: { date: string; value: number }) => [p.date, p.value])).toEqual([
      ['2014-06-01', 30],
      ['2015-06-01', 55],
    ]);
    expect(outcome[0].series[0].provenance).toMatchObject({
      kind: 'manual',
      note: 'Notiz nur für uns',
      enteredBy: setup.admin.name,
    });

    // Survey: the chosen questions in the chosen order, the same figures as the results endpoint (suppressed there and here).
    const survey = section('survey');
    expect(survey.questions.map((q: { name: string }) => q.name)).toEqual(['sector', 'recommend']);
    const results = (await agent.get(`${base}/waves/${wave.id}/results?locale=de`)).body;
    expect(survey.questions[0]).toEqual(results.questions.find((q: { name: string }) => q.name === 'sector'));
    const sector = Object.fromEntries(
      survey.questions[0].choices.map((c: { value: string; count: number | null }) => [c.value, c.count]),
    );
    // One municipal respondent is below the minimum of 5; secondary suppression hides the next smallest (civic, 4) too.
    expect(sector).toEqual({ nonprofit: 7, civic: null, municipal: null });
    expect(survey.compare).toMatchObject({ id: olderWave.id, title: 'Welle 2014', n: 10 });

    // Open answers: the most frequent codes with counts from the coding, counted independently here.
    const assignments = (await ctx
      .knex('answer_code_assignments')
      .where({ question: 'strengths' })
      .whereIn(
        'response_id',
        strengths.map((s) => s.id),
      )) as Array<{ code_id: string }>;
    const tally = (id: string) => assignments.filter((a) => a.code_id === id).length;
    expect([tally(codes.contacts), tally(codes.exchange), tally(codes.blog)]).toEqual([6, 5, 2]);
    const open = section('open_answers');
    const strengthsPart = open.questions.find((q: { role: string }) => q.role === 'strengths');
    expect(strengthsPart.codes).toEqual([
      { label: 'Kontakte', count: tally(codes.contacts) },
      { label: 'Austausch', count: tally(codes.exchange) },
      { label: 'Blog', count: null },
    ]);
    expect(strengthsPart.quotes).toEqual(picked.map((p) => ({ response: p.id, text: p.text })));
    expect(open.questions.find((q: { role: string }) => q.role === 'weaknesses')).toMatchObject({
      n: 6,
      codes: [],
      quotes: [],
    });

    // Comparison: shares of the chosen questions between the waves, indicators against the period's start and their targets.
    const comparison = section('comparison');
    expect(comparison.waves).toMatchObject({ current: { id: wave.id }, previous: { id: olderWave.id } });
    const nonprofit = comparison.questions
      .find((q: { name: string }) => q.name === 'sector')
      .items.find((i: { label: string }) => i.label === 'nonprofit');
    expect(nonprofit).toMatchObject({ current: Math.round((7 / 12) * 10000) / 100, previous: 50, trend: 'up' });
    expect(nonprofit.delta).toBeCloseTo((7 / 12) * 100 - 50, 1);
    const recommend = comparison.questions.find((q: { name: string }) => q.name === 'recommend').items[0];
    // 2015's ratings are spread thin (2–3 per value, below 5): the mean would give hidden cells away, so it stays hidden.
    expect(recommend).toMatchObject({ unit: 'mean', current: null, previous: 3, delta: null, trend: null });
    const contactsRow = comparison.indicators.find((r: { key: string }) => r.key === 'contacts');
    expect(contactsRow).toMatchObject({
      current: { date: '2015-06-01', value: 55 },
      previous: { date: '2014-06-01', value: 30 },
      delta: 25,
      trend: 'up',
      good: true,
      reached: false,
    });
    expect(comparison.indicators.find((r: { key: string }) => r.key === 'budget')).toMatchObject({
      current: { value: 1500 },
      previous: { value: 1000 },
      delta: 500,
    });

    expect(section('decisions')).toEqual({ kind: 'decisions', text: 'Erstens.\n\nZweitens.' });
  });

  it('drops a picked quote when its response is deleted', async () => {
    const setup = await reportWorkspace(ctx, 'rep4');
    const { agent, base, wave, strengths } = setup;
    const saved = await agent.post(`${base}/reports`).send({
      title: 'Zitate',
      wave: wave.id,
      sections: [{ kind: 'open_answers', topCodes: 1 }],
      openQuestions: { strengths: 'strengths' },
      quotes: [strengths[1]!, strengths[2]!].map((s) => ({ response: s.id, question: 'strengths' })),
    });
    expect(saved.status).toBe(201);
    const before = (await agent.get(`${base}/reports/${saved.body.id}/content`)).body.sections[0].questions[0];
    expect(before.quotes.map((q: { text: string }) => q.text)).toEqual([strengths[1]!.text, strengths[2]!.text]);
    expect(before.codes).toHaveLength(1);
    await ctx.knex('responses').where({ id: strengths[1]!.id }).del();
    const after = (await agent.get(`${base}/reports/${saved.body.id}/content`)).body.sections[0].questions[0];
    expect(after.quotes.map((q: { text: string }) => q.text)).toEqual([strengths[2]!.text]);
  });

  it('renders sections without a wave as empty, not as an error', async () => {
    const { agent, slug } = await adminWithWorkspace(ctx, 'rep5');
    const saved = await agent
      .post(`/api/v1/workspaces/${slug}/reports`)
      .send({ title: 'Leer', sections: ALL_SECTIONS });
    const res = await agent.get(`/api/v1/workspaces/${slug}/reports/${saved.body.id}/content`);
    expect(res.status).toBe(200);
    expect(res.body.sections.find((s: { kind: string }) => s.kind === 'survey')).toMatchObject({
      wave: null,
      questions: [],
    });
    expect(res.body.sections.find((s: { kind: string }) => s.kind === 'output')).toMatchObject({
      activities: { total: 0, byType: [], list: [] },
      indicators: [],
    });
  });
});
