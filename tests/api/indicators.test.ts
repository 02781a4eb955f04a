import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createUser, loginAgent, type TestContext } from '../helpers/test-app.js';
import { workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const submit = (key: string, data: object) =>
  request(ctx.app)
    .post(`/api/v1/public/waves/${key}/responses`)
    .send({ id: crypto.randomUUID(), status: 'complete', data });
const count = async (table: string, where: object) =>
  Number((await ctx.knex(table).where(where).count<Array<{ n: number | string }>>({ n: '*' }))[0]!.n);

describe('activity log', () => {
  it('records, lists with filters, edits and deletes activities; analysts only read', async () => {
    const { agent, base, ws } = await workspaceWithWave(ctx, { slug: 'act1' });
    const add = (body: object) => agent.post(`${base}/activities`).send(body);
    expect(
      (
        await add({
          type: 'district_visit',
          title: 'Stadtteilbesuch Degerloch',
          date: '2014-03-12',
          district: 'Degerloch',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await add({
          type: 'district_visit',
          title: 'Stadtteilbesuch Neckarvorstadt',
          date: '2015-05-19',
          district: 'Neckarvorstadt',
        })
      ).status,
    ).toBe(201);
    const article = await add({
      type: 'article',
      title: 'Repair-Café im Westen',
      date: '2015-02-01',
      topic: 'Reparieren',
      note: '',
    });
    expect(article.status).toBe(201);
    expect(article.body).toMatchObject({ type: 'article', topic: 'Reparieren', note: null, district: null });

    const all = await agent.get(`${base}/activities`);
    expect(all.body.activities.map((a: { title: string }) => a.title)).toEqual([
      'Stadtteilbesuch Neckarvorstadt',
      'Repair-Café im Westen',
      'Stadtteilbesuch Degerloch',
    ]);
    expect(all.body.districts).toEqual(['Degerloch', 'Neckarvorstadt']);
    expect(all.body.years).toEqual([2015, 2014]);
    expect((await agent.get(`${base}/activities?type=district_visit`)).body.activities).toHaveLength(2);
    expect((await agent.get(`${base}/activities?district=Degerloch`)).body.activities).toHaveLength(1);
    expect((await agent.get(`${base}/activities?year=2015`)).body.activities).toHaveLength(2);

    const edited = await agent
      .patch(`${base}/activities/${article.body.id}`)
      .send({ title: 'Repair-Café West', district: 'West' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Repair-Café West', district: 'West', topic: 'Reparieren' });

    const analyst = await createUser(ctx.knex);
    await ctx.knex('memberships').insert({ workspace_id: ws.id, user_id: analyst.id, role: 'analyst' });
    const reader = await loginAgent(ctx.app, analyst.email);
    expect((await reader.get(`${base}/activities`)).status).toBe(200);
    expect(
      (await reader.post(`${base}/activities`).send({ type: 'other', title: 'x', date: '2015-01-01' })).status,
    ).toBe(403);
    expect((await reader.delete(`${base}/activities/${article.body.id}`)).status).toBe(403);

    expect((await agent.delete(`${base}/activities/${article.body.id}`)).status).toBe(204);
    expect((await agent.get(`${base}/activities/${article.body.id}`)).status).toBe(404);
    expect(await count('activities', { workspace_id: ws.id })).toBe(2);
  });

  it('refuses bad activities with 400 and changes nothing', async () => {
    const { agent, base, ws } = await workspaceWithWave(ctx, { slug: 'act2' });
    const bad = [
      { type: 'party', title: 'x', date: '2015-01-01' },
      { type: 'article', title: '', date: '2015-01-01' },
      { type: 'article', title: 'x', date: '2015-02-30' },
      { type: 'article', title: 'x', date: '19.05.2015' },
      { type: 'article', title: 'x', date: '2015-01-01', extra: 1 },
      { type: 'article', title: 'x'.repeat(201), date: '2015-01-01' },
    ];
    for (const body of bad)
      expect((await agent.post(`${base}/activities`).send(body)).status, JSON.stringify(body)).toBe(400);
    expect((await agent.get(`${base}/activities?year=abc`)).status).toBe(400);
    expect((await agent.patch(`${base}/activities/${crypto.randomUUID()}`).send({ title: 'x' })).status).toBe(404);
    expect(await count('activities', { workspace_id: ws.id })).toBe(0);
  });

  it('imports a CSV list of events, all or nothing', async () => {
    const { agent, base, ws } = await workspaceWithWave(ctx, { slug: 'act3' });
    const good =
      '\uFEFFtype;title;date;district;topic;note\ndistrict_visit;Besuch Mitte;2013-10-01;Mitte;;\nthematic_exchange;Tauschringe;2014-04-02;;Tauschringe;gut besucht\n';
    const imported = await agent.post(`${base}/activities/import`).send({ csv: good });
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ imported: 2 });
    const bad = 'type,title,date\narticle,Gut,2015-01-01\nparty,Schlecht,2015-01-02\narticle,Ohne Datum,\n';
    const refused = await agent.post(`${base}/activities/import`).send({ csv: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid_csv');
    expect(refused.body.error.details.map((d: { line: number }) => d.line)).toEqual([3, 4]);
    expect(await count('activities', { workspace_id: ws.id })).toBe(2);
  });
});

describe('indicators', () => {
  it('keeps manual measurements with who entered them, and computes progress toward the target', async () => {
    const { agent, base, admin } = await workspaceWithWave(ctx, { slug: 'ind1' });
    const created = await agent.post(`${base}/indicators`).send({
      key: 'members',
      name: 'Mitglieder des Netzwerks',
      unit: 'Personen',
      level: 'output',
      step: 2,
      direction: 'up',
      baseline: { date: '2013-06-01', value: 8 },
      target: { date: '2016-06-01', value: 100 },
      source: { kind: 'manual' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: 'members',
      level: 'output',
      step: 2,
      series: [],
      latest: null,
      progress: null,
    });
    for (const [date, value] of [
      ['2015-05-01', 80],
      ['2013-06-01', 8],
      ['2014-06-01', 35],
    ] as const) {
      expect(
        (await agent.post(`${base}/indicators/members/measurements`).send({ date, value, note: 'Mitgliederliste' }))
          .status,
      ).toBe(201);
    }
    const got = await agent.get(`${base}/indicators/members`);
    expect(got.body.series.map((p: { date: string; value: number }) => [p.date, p.value])).toEqual([
      ['2013-06-01', 8],
      ['2014-06-01', 35],
      ['2015-05-01', 80],
    ]);
    expect(got.body.series[0].source).toMatchObject({ kind: 'manual', enteredBy: admin.name, note: 'Mitgliederliste' });
    expect(got.body.latest).toEqual({ date: '2015-05-01', value: 80 });
    expect(got.body.progress).toBeCloseTo((80 - 8) / (100 - 8), 10);
    const list = await agent.get(`${base}/indicators`);
    expect(list.body.indicators.map((i: { key: string }) => i.key)).toEqual(['members']);
  });

  it('counts activities as a running total and as distinct districts', async () => {
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'ind2' });
    const visits = [
      ['2013-09-10', 'Mitte'],
      ['2014-01-20', 'Degerloch'],
      ['2014-01-20', 'Mitte'],
      ['2015-05-19', 'Neckarvorstadt'],
    ];
    for (const [date, district] of visits)
      await agent
        .post(`${base}/activities`)
        .send({ type: 'district_visit', title: `Besuch ${district}`, date, district });
    await agent.post(`${base}/activities`).send({ type: 'article', title: 'Nicht gezählt', date: '2014-01-01' });
    const make = (key: string, source: object) =>
      agent.post(`${base}/indicators`).send({ key, name: key, level: 'output', step: 1, direction: 'up', source });
    const visitsCount = await make('visits', { kind: 'activities', activityType: 'district_visit', measure: 'count' });
    const districts = await make('districts', {
      kind: 'activities',
      activityType: 'district_visit',
      measure: 'distinct',
      field: 'district',
    });
    // An independent computation: per date, how many visits (and distinct districts) up to that day.
    const dates = [...new Set(visits.map((v) => v[0]!))].sort();
    const runningCount = dates.map((d) => visits.filter((v) => v[0]! <= d).length);
    const runningDistinct = dates.map((d) => new Set(visits.filter((v) => v[0]! <= d).map((v) => v[1])).size);
    expect(visitsCount.body.series.map((p: { value: number }) => p.value)).toEqual(runningCount);
    expect(districts.body.series.map((p: { value: number }) => p.value)).toEqual(runningDistinct);
    expect(districts.body.series.map((p: { date: string }) => p.date)).toEqual(dates);
    expect(visitsCount.body.series[1].source.activities.map((a: { title: string }) => a.title).sort()).toEqual([
      'Besuch Degerloch',
      'Besuch Mitte',
    ]);
  });

  it('computes survey shares, means and counts per wave, with no value below the minimum group size', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'ind3' });
    const answers = [
      ...Array.from({ length: 4 }, () => ({ sector: 'civic', districts: ['mitte'], recommend: 9, joint: true })),
      ...Array.from({ length: 3 }, () => ({
        sector: 'nonprofit',
        districts: ['mitte', 'west'],
        recommend: 6,
        joint: false,
      })),
      ...Array.from({ length: 2 }, () => ({ sector: 'municipal', recommend: 3 })),
    ];
    for (const a of answers) expect((await submit(wave.key, a)).status).toBe(201);
    const make = (key: string, source: object, level = 'outcome', step = 4) =>
      agent.post(`${base}/indicators`).send({ key, name: key, level, step, direction: 'up', source });
    const share = await make('civic-or-nonprofit', {
      kind: 'survey',
      questionnaire: 'kurz',
      question: 'sector',
      measure: 'share',
      values: ['civic', 'nonprofit'],
    });
    const ticked = await make('mitte', {
      kind: 'survey',
      questionnaire: 'kurz',
      question: 'districts',
      measure: 'share',
      values: ['mitte', 'west'],
    });
    const mean = await make('recommend', {
      kind: 'survey',
      questionnaire: 'kurz',
      question: 'recommend',
      measure: 'mean',
    });
    const total = await make(
      'responses',
      { kind: 'survey', questionnaire: 'kurz', question: 'sector', measure: 'count' },
      'output',
      2,
    );
    const joint = await make('joint', { kind: 'survey', questionnaire: 'kurz', question: 'joint', measure: 'share' });
    for (const r of [share, ticked, mean, total, joint]) expect(r.status, JSON.stringify(r.body)).toBe(201);

    const round = (x: number) => Math.round(x * 100) / 100;
    expect(share.body.series[0]).toMatchObject({
      value: round((100 * 7) / 9),
      source: { kind: 'survey', wave: { id: wave.id }, respondents: 9 },
    });
    // Respondents who ticked Mitte or West (7 of the 7 who answered), not ticks (10).
    expect(ticked.body.series[0]).toMatchObject({ value: 100, source: { respondents: 7 } });
    expect(mean.body.series[0].value).toBe(round((4 * 9 + 3 * 6 + 2 * 3) / 9));
    expect(total.body.series[0].value).toBe(9);
    // Seven answered yes/no: four yes.
    expect(joint.body.series[0]).toMatchObject({ value: round((100 * 4) / 7), source: { respondents: 7 } });

    // A second wave with three respondents: below the minimum of 5, no figure and the reason.
    const second = await agent
      .post(`${base}/waves`)
      .send({ questionnaire: 'kurz', version: 1, title: 'Welle 2016', access: 'link' });
    for (let i = 0; i < 3; i++) await submit(second.body.key, { sector: 'civic', recommend: 10 });
    const again = await agent.get(`${base}/indicators/recommend`);
    expect(again.body.series).toHaveLength(2);
    expect(again.body.series[1]).toMatchObject({
      value: null,
      source: {
        kind: 'survey',
        wave: { title: 'Welle 2016' },
        respondents: null,
        reason: expect.stringMatching(/minimum group size/),
      },
    });
    expect(again.body.latest.value).toBe(mean.body.series[0].value);

    // A third wave nobody has answered yet adds no point (not a withheld one dated today).
    const empty = await agent
      .post(`${base}/waves`)
      .send({ questionnaire: 'kurz', version: 1, title: 'Welle 2017', access: 'link' });
    expect(empty.status).toBe(201);
    const after = await agent.get(`${base}/indicators/recommend`);
    expect(after.body.series.map((p: { source: { wave: { title: string } } }) => p.source.wave.title)).toEqual([
      again.body.series[0].source.wave.title,
      'Welle 2016',
    ]);
  });

  it('refuses bad indicators and measurements, and stores nothing', async () => {
    const { agent, base, ws } = await workspaceWithWave(ctx, { slug: 'ind4' });
    const good = { key: 'k1', name: 'K', level: 'output', step: 1, direction: 'up', source: { kind: 'manual' } };
    const schemaErrors = [
      { ...good, key: 'Bad Key' },
      { ...good, level: 'result' },
      { ...good, step: 8 },
      { ...good, direction: 'sideways' },
      { ...good, source: { kind: 'magic' } },
      { ...good, baseline: { date: '2015-13-01', value: 1 } },
      { ...good, target: { date: '2015-01-01', value: 'many' } },
      { ...good, extra: true },
    ];
    for (const body of schemaErrors)
      expect((await agent.post(`${base}/indicators`).send(body)).status, JSON.stringify(body)).toBe(400);
    const semanticErrors = [
      { ...good, level: 'outcome', step: 2 },
      { ...good, level: 'input', step: 1 },
      { ...good, source: { kind: 'survey', questionnaire: 'ghost', question: 'sector', measure: 'count' } },
      { ...good, source: { kind: 'survey', questionnaire: 'kurz', question: 'ghost', measure: 'count' } },
      {
        ...good,
        source: { kind: 'survey', questionnaire: 'kurz', question: 'jointDetails', measure: 'share', values: ['x'] },
      },
      {
        ...good,
        source: { kind: 'survey', questionnaire: 'kurz', question: 'sector', measure: 'share', values: ['pirates'] },
      },
      { ...good, source: { kind: 'survey', questionnaire: 'kurz', question: 'sector', measure: 'mean' } },
      { ...good, source: { kind: 'activities', activityType: 'district_visit', measure: 'distinct' } },
    ];
    for (const body of semanticErrors) {
      const res = await agent.post(`${base}/indicators`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('invalid_indicator');
    }
    expect(await count('indicators', { workspace_id: ws.id })).toBe(0);

    expect((await agent.post(`${base}/indicators`).send(good)).status).toBe(201);
    expect((await agent.post(`${base}/indicators`).send(good)).status).toBe(409);
    expect((await agent.patch(`${base}/indicators/k1`).send({ level: 'impact' })).status).toBe(422);
    for (const body of [
      { date: '2015-01-01' },
      { date: 'yesterday', value: 1 },
      { date: '2015-01-01', value: '1' },
      { date: '2015-01-01', value: 1, who: 'me' },
    ]) {
      expect((await agent.post(`${base}/indicators/k1/measurements`).send(body)).status).toBe(400);
    }
    await agent
      .post(`${base}/indicators`)
      .send({ ...good, key: 'k2', source: { kind: 'activities', activityType: 'article', measure: 'count' } });
    const notManual = await agent.post(`${base}/indicators/k2/measurements`).send({ date: '2015-01-01', value: 3 });
    expect(notManual.status).toBe(422);
    expect(notManual.body.error.code).toBe('not_manual');
    // Neither the malformed measurements for k1 nor the one refused for k2 was stored.
    const measured = await ctx
      .knex('indicator_measurements')
      .join('indicators', 'indicators.id', 'indicator_measurements.indicator_id')
      .where('indicators.workspace_id', ws.id)
      .count({ n: '*' });
    expect(Number((measured as Array<{ n: number | string }>)[0]!.n)).toBe(0);
    const k1 = await ctx.knex('indicators').where({ workspace_id: ws.id, key: 'k1' }).first('id', 'level');
    expect(k1.level).toBe('output');
    expect(await count('indicator_measurements', { indicator_id: k1.id })).toBe(0);
    expect((await agent.get(`${base}/indicators/ghost`)).status).toBe(404);
    expect((await agent.delete(`${base}/indicators/k1`)).status).toBe(204);
    expect(await count('indicators', { workspace_id: ws.id })).toBe(1);
  });
});
