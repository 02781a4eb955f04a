import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminWithWorkspace,
  createTestContext,
  createUser,
  loginAgent,
  type TestContext,
} from '../helpers/test-app.js';
import { workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const submit = (key: string, status: 'complete' | 'partial' = 'complete', token?: string) =>
  request(ctx.app)
    .post(`/api/v1/public/waves/${key}/responses`)
    .send({ id: crypto.randomUUID(), status, data: { sector: 'civic', recommend: 8 }, ...(token && { token }) });

describe('workspace overview', () => {
  it('shows a new workspace as empty, with nothing made yet', async () => {
    const { agent, slug } = await adminWithWorkspace(ctx, 'ov-new');
    const res = await agent.get(`/api/v1/workspaces/${slug}/overview`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      setup: { questionnaires: 0, published: 0, waves: 0, openWaves: 0, responses: 0 },
      waves: [],
      indicators: [],
      activities: { total: 0, recent: [] },
      report: null,
    });
  });

  it('shows open waves with their rates, the latest indicator values, recent activities and the report', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'ov1' });
    for (let i = 0; i < 6; i++) expect((await submit(wave.key)).status).toBe(201);
    expect((await submit(wave.key, 'partial')).status).toBe(201);
    // An invitation wave: 4 invitations, one used.
    const inv = await agent
      .post(`${base}/waves`)
      .send({ questionnaire: 'kurz', version: 1, title: 'Einladungen', access: 'invitation' });
    const tokens = await agent.post(`${base}/waves/${inv.body.id}/invitations`).send({ count: 4 });
    expect(tokens.status).toBe(201);
    const token = (tokens.body.invitations[0].url as string).split('#')[1]!.replace(/^.*=/, '');
    const used = await request(ctx.app)
      .post(`/api/v1/public/waves/${inv.body.key}/responses`)
      .send({ id: crypto.randomUUID(), status: 'complete', data: { sector: 'civic', recommend: 8 }, token });
    // A closed wave is not in the overview.
    const closed = await agent
      .post(`${base}/waves`)
      .send({ questionnaire: 'kurz', version: 1, title: 'Alt', access: 'link' });
    expect((await agent.patch(`${base}/waves/${closed.body.id}`).send({ status: 'closed' })).status).toBe(200);

    for (let i = 1; i <= 7; i++)
      await agent.post(`${base}/activities`).send({ type: 'article', title: `Artikel ${i}`, date: `2015-0${i}-01` });
    await agent.post(`${base}/indicators`).send({
      key: 'members',
      name: 'Mitglieder',
      level: 'output',
      step: 2,
      direction: 'up',
      source: { kind: 'manual' },
    });
    await agent.post(`${base}/indicators/members/measurements`).send({ date: '2015-05-01', value: 80 });
    await agent.post(`${base}/indicators`).send({
      key: 'empty',
      name: 'Ohne Wert',
      level: 'outcome',
      step: 5,
      direction: 'up',
      source: { kind: 'manual' },
    });
    await agent.post(`${base}/reports`).send({ title: 'Strategietag 2015' });

    const res = await agent.get(`${base}/overview`);
    expect(res.status).toBe(200);
    // The invitation wave's answer is held back until the next batch (anonymous invitation waves): not counted yet.
    expect(res.body.setup).toEqual({ questionnaires: 1, published: 1, waves: 3, openWaves: 2, responses: 6 });
    const byTitle = Object.fromEntries(res.body.waves.map((w: { title: string }) => [w.title, w]));
    expect(Object.keys(byTitle).sort()).toEqual(['Einladungen', 'Welle 2015']);
    expect(byTitle['Welle 2015']).toMatchObject({
      id: wave.id,
      url: wave.url,
      responses: { complete: 6, partial: 1 },
      invitations: null,
      responseRate: null,
    });
    expect(byTitle['Welle 2015'].completionRate).toBeCloseTo(6 / 7, 10);
    const today = new Date().toISOString().slice(0, 10);
    expect(byTitle['Welle 2015'].perDay).toEqual([{ date: today, count: 6 }]);
    expect(used.status).toBe(201);
    expect(byTitle.Einladungen).toMatchObject({
      responses: { complete: 0, held: 1 },
      invitations: { total: 4, used: 1 },
      responseRate: 0.25,
    });
    // One answer in an anonymous wave: no day is shown for it.
    expect(byTitle.Einladungen.perDay).toEqual([]);

    expect(res.body.indicators).toEqual([
      expect.objectContaining({ key: 'members', step: 2, level: 'output', latest: { date: '2015-05-01', value: 80 } }),
    ]);
    expect(res.body.activities.total).toBe(7);
    expect(res.body.activities.recent.map((a: { title: string }) => a.title)).toEqual([
      'Artikel 7',
      'Artikel 6',
      'Artikel 5',
      'Artikel 4',
      'Artikel 3',
    ]);
    expect(res.body.report).toMatchObject({ title: 'Strategietag 2015' });
  });

  it('is for the workspace’s analysts and organisers only', async () => {
    const { agent, base, ws } = await workspaceWithWave(ctx, { slug: 'ov2' });
    const analyst = await createUser(ctx.knex);
    expect((await agent.post(`${base}/members`).send({ email: analyst.email, role: 'analyst' })).status).toBe(201);
    const reader = await loginAgent(ctx.app, analyst.email);
    expect((await reader.get(`${base}/overview`)).status).toBe(200);
    const stranger = await createUser(ctx.knex);
    const other = await loginAgent(ctx.app, stranger.email);
    expect((await other.get(`/api/v1/workspaces/${ws.slug}/overview`)).status).toBe(404);
    expect((await request(ctx.app).get(`${base}/overview`)).status).toBe(401);
  });
});

describe('activity list paging', () => {
  it('gives one page with limit and offset, and the total over all pages', async () => {
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'ov3' });
    for (let i = 1; i <= 25; i++)
      await agent.post(`${base}/activities`).send({
        type: i % 2 ? 'article' : 'district_visit',
        title: `A${String(i).padStart(2, '0')}`,
        date: '2015-03-01',
      });
    const all = await agent.get(`${base}/activities`);
    expect(all.body.total).toBe(25);
    expect(all.body.activities).toHaveLength(25);
    const pages = [];
    for (let offset = 0; offset < 25; offset += 10) {
      const page = await agent.get(`${base}/activities?limit=10&offset=${offset}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(25);
      pages.push(...page.body.activities.map((a: { title: string }) => a.title));
    }
    // Same date everywhere: the pages neither repeat nor skip one.
    expect(pages).toEqual(all.body.activities.map((a: { title: string }) => a.title));
    const filtered = await agent.get(`${base}/activities?type=article&limit=5&offset=10`);
    expect(filtered.body).toMatchObject({ total: 13 });
    expect(filtered.body.activities).toHaveLength(3);
    expect((await agent.get(`${base}/activities?limit=0`)).status).toBe(400);
    expect((await agent.get(`${base}/activities?offset=-1`)).status).toBe(400);
  });
});
