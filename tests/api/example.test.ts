import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptExampleWorkspaces, loadExampleOnce } from '../../api/src/modules/example/example-workspace.js';
import { countsActivities, methodHints } from '../../api/src/modules/indicators/indicator-method.js';
import { loadTemplates } from '../../api/src/modules/questionnaires/templates.js';
import { createTestContext, createUser, loginAgent, type TestContext } from '../helpers/test-app.js';

const templates = loadTemplates(path.resolve('surveys'));

describe('the example workspace', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('loads once on a new database, and the first admin becomes its organiser', async () => {
    expect(await loadExampleOnce(ctx.knex, templates, true)).toBe(true);
    expect(await loadExampleOnce(ctx.knex, templates, true)).toBe(false);
    expect(
      Number((await ctx.knex('workspaces').where({ slug: 'beispiel', is_example: true }).count({ n: '*' }))[0]!.n),
    ).toBe(1);

    const admin = await createUser(ctx.knex, { isAdmin: true });
    await adoptExampleWorkspaces(ctx.knex);
    const agent = await loginAgent(ctx.app, admin.email);
    const list = await agent.get('/api/v1/workspaces');
    expect(list.body.workspaces).toEqual([
      expect.objectContaining({ slug: 'beispiel', role: 'organiser', example: true }),
    ]);
  });

  it('holds a closed wave of about 70 member-survey responses, mostly from the nonprofit sector', async () => {
    const admin = await ctx.knex('users').where({ is_admin: true }).first('email');
    const agent = await loginAgent(ctx.app, admin.email);
    const waves = await agent.get('/api/v1/workspaces/beispiel/waves');
    expect(waves.body.waves).toEqual([expect.objectContaining({ title: 'Mitgliederumfrage 2015', state: 'closed' })]);
    const wave = waves.body.waves[0];
    const results = await agent
      .get(`/api/v1/workspaces/beispiel/waves/${wave.id}/results`)
      .set('Accept-Language', 'de');
    expect(results.body.responses).toEqual({ complete: 70, partial: 0 });
    const sector = results.body.questions.find((q: { name: string }) => q.name === 'sector');
    const counts = Object.fromEntries(sector.choices.map((c: { value: string; count: number }) => [c.value, c.count]));
    expect(counts.nonprofit).toBeGreaterThan(counts.civic);
    expect(counts.nonprofit).toBeGreaterThan(counts.municipal);
    expect(counts.nonprofit + counts.civic + counts.municipal).toBe(70);
    // Closed: nobody can answer it any more.
    const answer = await agent
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id: crypto.randomUUID(), status: 'partial', data: {} });
    expect(answer.status).toBe(410);
  });

  it('stands on the impact staircase with indicators from measurements, activities and the survey', async () => {
    const admin = await ctx.knex('users').where({ is_admin: true }).first('email');
    const agent = await loginAgent(ctx.app, admin.email);
    const { body } = await agent.get('/api/v1/workspaces/beispiel/indicators');
    const byKey = new Map(body.indicators.map((i: { key: string }) => [i.key, i]));
    const latest = (key: string) => (byKey.get(key) as { latest: { value: number } | null }).latest?.value;
    expect(latest('mitglieder')).toBe(79);
    expect((byKey.get('mitglieder') as { series: unknown[] }).series[0]).toMatchObject({
      date: '2013-06-01',
      value: 8,
    });
    expect(latest('stadtteilbesuche')).toBe(7); // six districts visited, Neckarvorstadt on 19 May 2015
    expect(latest('blogartikel')).toBe(62);
    expect(latest('transfer-uebernommen')).toBe(1);
    const contacts = byKey.get('neue-kontakte') as {
      step: number;
      latest: { value: number };
      series: Array<{ source: { respondents: number } }>;
    };
    expect(contacts.step).toBe(4);
    expect(contacts.latest.value).toBeGreaterThan(50);
    expect(contacts.series[0]!.source.respondents).toBe(70);
    const steps = new Set(body.indicators.map((i: { step: number | null }) => i.step));
    for (const step of [1, 2, 3, 4, 5, 6, 7]) expect(steps.has(step)).toBe(true);
    // PHINEO: a won grant for a joint project shows members acting differently (step 5), not society changing (7).
    expect(byKey.get('foerderung')).toMatchObject({ level: 'outcome', step: 5 });
    // Counting the network's own activities is output: nothing of the kind on steps 4–7.
    const onOutcomeSteps = body.indicators.filter((i: { step: number | null }) => i.step !== null && i.step >= 4);
    expect(onOutcomeSteps.length).toBeGreaterThan(0);
    for (const ind of onOutcomeSteps) {
      expect(methodHints(ind), ind.key).toEqual([]);
      expect(countsActivities(ind.source), ind.key).toBe(false);
    }
    // Step 7 holds a change in the city, not a count of anything the network did.
    const stepSeven = body.indicators.filter((i: { step: number | null }) => i.step === 7);
    expect(stepSeven.map((i: { key: string }) => i.key)).toEqual(['stadtteil-kooperationen']);
    expect(stepSeven[0].source.kind).not.toBe('activities');
    expect(Number((await ctx.knex('activities').where({ type: 'district_visit' }).count({ n: '*' }))[0]!.n)).toBe(7);
  });

  it('is deleted in one step, with everything in it; a real workspace is not', async () => {
    const admin = await ctx.knex('users').where({ is_admin: true }).first('email', 'id');
    const agent = await loginAgent(ctx.app, admin.email);
    await agent.post('/api/v1/workspaces').send({ slug: 'echt', name: 'Echt' });
    const refused = await agent.delete('/api/v1/workspaces/echt');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('not_example');
    expect((await agent.delete('/api/v1/workspaces/beispiel')).status).toBe(204);
    expect(await ctx.knex('workspaces').where({ slug: 'beispiel' }).first()).toBeUndefined();
    for (const table of ['responses', 'activities', 'indicators', 'indicator_measurements', 'waves']) {
      expect(Number((await ctx.knex(table).count({ n: '*' }))[0]!.n), table).toBe(0);
    }
    // Loaded once: deleting it does not bring it back at the next start.
    expect(await loadExampleOnce(ctx.knex, templates, true)).toBe(false);
  });
});

describe('the example workspace, switched off or on a used database', () => {
  it('is not loaded with BILANZ_EXAMPLE=false, nor later', async () => {
    const ctx = await createTestContext();
    try {
      expect(await loadExampleOnce(ctx.knex, templates, false)).toBe(false);
      expect(await loadExampleOnce(ctx.knex, templates, true)).toBe(false);
      expect(await ctx.knex('workspaces').first()).toBeUndefined();
    } finally {
      await ctx.close();
    }
  });

  it('is not loaded into a database that has workspaces already', async () => {
    const ctx = await createTestContext();
    try {
      const user = await createUser(ctx.knex, { isAdmin: true });
      const agent = await loginAgent(ctx.app, user.email);
      expect((await agent.post('/api/v1/workspaces').send({ slug: 'netz', name: 'Netz' })).status).toBe(201);
      expect(await loadExampleOnce(ctx.knex, templates, true)).toBe(false);
      expect(await ctx.knex('workspaces').where({ slug: 'beispiel' }).first()).toBeUndefined();
    } finally {
      await ctx.close();
    }
  });
});
