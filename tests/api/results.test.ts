import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createUser, loginAgent, type TestContext } from '../helpers/test-app.js';
import { smallDefinition, workspaceWithWave } from '../helpers/waves.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const submit = (key: string, data: object, status = 'complete') =>
  request(ctx.app).post(`/api/v1/public/waves/${key}/responses`).send({ id: crypto.randomUUID(), status, data });

/** Independent count of one choice, for comparison with the API. */
const naiveCount = (answers: Array<Record<string, unknown>>, q: string, value: unknown) =>
  answers.filter((a) => (Array.isArray(a[q]) ? (a[q] as unknown[]).includes(value) : a[q] === value)).length;

describe('wave results', () => {
  it('equal an independent count, after filters, with partial responses left out', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'r1' });
    const random = seededRandom(11);
    const answers = Array.from({ length: 60 }, () => generateAnswers(smallDefinition as unknown as JsonObject, random));
    for (const a of answers) expect((await submit(wave.key, a)).status).toBe(201);
    await submit(wave.key, { sector: 'civic' }, 'partial');

    const res = await agent.get(`${base}/waves/${wave.id}/results?locale=en`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ wave: { id: wave.id, title: 'Welle 2015' }, responses: { complete: 60, partial: 1 }, n: 60, minGroupSize: 5, suppressed: false });
    const byName = Object.fromEntries(res.body.questions.map((q: { name: string }) => [q.name, q]));
    for (const value of ['civic', 'nonprofit', 'municipal']) {
      const expected = naiveCount(answers, 'sector', value);
      const cell = byName.sector.choices.find((c: { value: string }) => c.value === value);
      expect(cell.count === null ? expected < 5 : cell.count === expected).toBe(true);
    }
    const ticked = naiveCount(answers, 'districts', 'mitte');
    expect(byName.districts.choices[0].count).toBe(ticked >= 5 || ticked === 0 ? ticked : null);
    const npsValues = answers.map((a) => a.recommend as number);
    if (byName.recommend.mean !== null) expect(byName.recommend.mean).toBeCloseTo(npsValues.reduce((s, v) => s + v, 0) / npsValues.length);

    const filtered = await agent.get(`${base}/waves/${wave.id}/results?where=sector:nonprofit&where=districts:mitte`);
    const expectedN = answers.filter((a) => a.sector === 'nonprofit' && (a.districts as string[] | undefined)?.includes('mitte')).length;
    expect(filtered.body.n).toBe(expectedN >= 5 ? expectedN : null);
    expect(filtered.body.suppressed).toBe(expectedN < 5);
  });

  it('suppresses a filtered view below the minimum group size, and nothing derivable stays', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'r2' });
    const base6 = { districts: ['mitte'], joint: false, recommend: 8, formats: { visits: 4 } };
    for (const sector of ['civic', 'civic', 'civic', 'civic', 'civic', 'nonprofit', 'nonprofit', 'municipal']) await submit(wave.key, { ...base6, sector });
    const all = await agent.get(`${base}/waves/${wave.id}/results`);
    const sector = all.body.questions.find((q: { name: string }) => q.name === 'sector');
    // civic 5 is shown; nonprofit 2 and municipal 1 are hidden, so neither can be worked out.
    expect(sector.choices.map((c: { count: number | null }) => c.count)).toEqual([5, null, null]);
    const small = await agent.get(`${base}/waves/${wave.id}/results?where=sector:nonprofit`);
    expect(small.body).toMatchObject({ n: null, suppressed: true });
    for (const q of small.body.questions) {
      expect(q.suppressed).toBe(true);
      expect(JSON.stringify(q)).not.toMatch(/"count":[1-9]/);
    }
    expect((await agent.patch('/api/v1/workspaces/r2').send({ minGroupSize: 9 })).status).toBe(200);
    expect((await agent.get(`${base}/waves/${wave.id}/results`)).body.suppressed).toBe(true);
  });

  it('refuses bad filters and hides other workspaces', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'r3' });
    expect((await agent.get(`${base}/waves/${wave.id}/results?where=ghost:1`)).status).toBe(400);
    expect((await agent.get(`${base}/waves/${wave.id}/results?where=sector`)).status).toBe(400);
    expect((await agent.get(`${base}/waves/not-a-uuid/results`)).status).toBe(400);
    const analyst = await createUser(ctx.knex);
    await agent.post('/api/v1/workspaces/r3/members').send({ email: analyst.email, role: 'analyst' });
    expect((await (await loginAgent(ctx.app, analyst.email)).get(`${base}/waves/${wave.id}/results`)).status).toBe(200);
    const outsider = await loginAgent(ctx.app, (await createUser(ctx.knex)).email);
    expect((await outsider.get(`${base}/waves/${wave.id}/results`)).status).toBe(404);
    expect((await request(ctx.app).get(`${base}/waves/${wave.id}/results`)).status).toBe(401);
  });
});

describe('trend', () => {
  it('follows a question across waves, oldest first, and flags a recorded break', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 't1' });
    for (let i = 0; i < 6; i++) await submit(wave.key, { sector: 'civic', recommend: 9 });
    // Version 2 changes the rating scale: a breaking change, published on purpose.
    const v2 = structuredClone(smallDefinition);
    (v2.pages[0]!.elements[4] as { rateMin: number; rateMax: number }).rateMin = 1;
    (v2.pages[0]!.elements[4] as { rateMin: number; rateMax: number }).rateMax = 5;
    await agent.put(`${base}/questionnaires/kurz/draft`).send({ definition: v2 });
    expect((await agent.post(`${base}/questionnaires/kurz/publish`).send({ allowBreaking: true })).status).toBe(201);
    const w2 = (await agent.post(`${base}/waves`).send({ questionnaire: 'kurz', version: 2, title: 'Welle 2016', access: 'link' })).body;
    for (let i = 0; i < 5; i++) await submit(w2.key, { sector: 'nonprofit', recommend: 4 });

    const nps = await agent.get(`${base}/questionnaires/kurz/trend?question=recommend`);
    expect(nps.status).toBe(200);
    expect(nps.body.waves.map((w: { wave: { title: string }; n: number; breakBefore: boolean }) => [w.wave.title, w.n, w.breakBefore])).toEqual([
      ['Welle 2015', 6, false],
      ['Welle 2016', 5, true],
    ]);
    expect(nps.body.waves[0].question.mean).toBe(9);
    expect(nps.body.waves[1].question.mean).toBe(4);
    const sector = await agent.get(`${base}/questionnaires/kurz/trend?question=sector`);
    expect(sector.body.waves.map((w: { breakBefore: boolean }) => w.breakBefore)).toEqual([false, false]);
    expect((await agent.get(`${base}/questionnaires/kurz/trend?question=ghost`)).status).toBe(404);
    expect((await agent.get(`${base}/questionnaires/kurz/trend`)).status).toBe(400);
  });
});
