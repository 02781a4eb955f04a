import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createUser, loginAgent, type TestContext } from '../helpers/test-app.js';
import { workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const base6 = { sector: 'civic', recommend: 8, joint: true };
const texts = [
  'Viele neue Kontakte',
  'Kontakte in andere Stadtteile',
  'Zu wenig Zeit',
  'Mehr Sichtbarkeit',
  'Kontakte zur Stadtverwaltung',
  'Gute Treffen',
];

describe('open answers and their codes', () => {
  it('lists the texts, codes them with a per-questionnaire codebook and counts codes in the results', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'o1' });
    const ids: string[] = [];
    for (const t of texts) {
      const id = crypto.randomUUID();
      ids.push(id);
      expect(
        (
          await request(ctx.app)
            .post(`/api/v1/public/waves/${wave.key}/responses`)
            .send({ id, status: 'complete', data: { ...base6, jointDetails: t } })
        ).status,
      ).toBe(201);
    }
    await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id: crypto.randomUUID(), status: 'partial', data: { jointDetails: 'nicht fertig' } });

    const list = await agent.get(`${base}/waves/${wave.id}/answers/jointDetails`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(6);
    expect(list.body.answers.map((a: { text: string }) => a.text).sort()).toEqual([...texts].sort());
    const search = await agent.get(`${base}/waves/${wave.id}/answers/jointDetails?search=kontakte`);
    expect(search.body.answers).toHaveLength(3);

    const contacts = await agent.post(`${base}/questionnaires/kurz/codes`).send({ label: 'Kontakte' });
    expect(contacts.status).toBe(201);
    const time = (await agent.post(`${base}/questionnaires/kurz/codes`).send({ label: 'Zeit' })).body;
    expect((await agent.post(`${base}/questionnaires/kurz/codes`).send({ label: 'kontakte' })).status).toBe(409);

    for (const answer of search.body.answers) {
      const res = await agent
        .put(`${base}/waves/${wave.id}/answers/jointDetails/${answer.id}/codes`)
        .send({ codes: [contacts.body.id] });
      expect(res.status).toBe(200);
    }
    await agent.put(`${base}/waves/${wave.id}/answers/jointDetails/${ids[2]}/codes`).send({ codes: [time.id] });
    const coded = await agent.get(`${base}/waves/${wave.id}/answers/jointDetails`);
    expect(coded.body.codes).toEqual([
      { id: contacts.body.id, label: 'Kontakte', count: 3 },
      { id: time.id, label: 'Zeit', count: 1 },
    ]);

    // In the results codes count like checkbox ticks, with suppression (3 and 1 are below 5).
    const results = await agent.get(`${base}/waves/${wave.id}/results`);
    const details = results.body.questions.find((q: { name: string }) => q.name === 'jointDetails');
    expect(details.n).toBe(6);
    expect(details.codes).toEqual([
      { value: contacts.body.id, label: 'Kontakte', count: null },
      { value: time.id, label: 'Zeit', count: null },
    ]);
    await agent.patch('/api/v1/workspaces/o1').send({ minGroupSize: 3 });
    const lower = await agent.get(`${base}/waves/${wave.id}/results`);
    expect(
      lower.body.questions
        .find((q: { name: string }) => q.name === 'jointDetails')
        .codes.map((c: { count: number | null }) => c.count),
    ).toEqual([3, null]);

    expect(
      (await agent.patch(`${base}/questionnaires/kurz/codes/${time.id}`).send({ label: 'Zeitmangel' })).body.label,
    ).toBe('Zeitmangel');
    expect((await agent.delete(`${base}/questionnaires/kurz/codes/${time.id}`)).status).toBe(204);
    expect((await agent.get(`${base}/waves/${wave.id}/answers/jointDetails`)).body.codes).toHaveLength(1);
  });

  it('refuses bad requests and changes nothing', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'o2' });
    const id = crypto.randomUUID();
    await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id, status: 'complete', data: { ...base6, jointDetails: 'Text' } });
    expect((await agent.get(`${base}/waves/${wave.id}/answers/sector`)).status).toBe(400);
    expect((await agent.get(`${base}/waves/${wave.id}/answers/ghost`)).status).toBe(404);
    expect(
      (
        await agent
          .put(`${base}/waves/${wave.id}/answers/jointDetails/${id}/codes`)
          .send({ codes: [crypto.randomUUID()] })
      ).status,
    ).toBe(400);
    expect(
      (
        await agent
          .put(`${base}/waves/${wave.id}/answers/jointDetails/${crypto.randomUUID()}/codes`)
          .send({ codes: [] })
      ).status,
    ).toBe(404);
    expect((await agent.post(`${base}/questionnaires/kurz/codes`).send({ label: '' })).status).toBe(400);
    expect((await agent.post(`${base}/questionnaires/kurz/codes`).send({ label: 'x', color: 'red' })).status).toBe(400);
    expect(await ctx.knex('answer_code_assignments').where({ response_id: id }).select('*')).toHaveLength(0);
  });

  it('lets analysts code, and hides answers from outsiders', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'o3' });
    const analyst = await createUser(ctx.knex);
    await agent.post('/api/v1/workspaces/o3/members').send({ email: analyst.email, role: 'analyst' });
    const a = await loginAgent(ctx.app, analyst.email);
    expect((await a.post(`${base}/questionnaires/kurz/codes`).send({ label: 'Sichtbarkeit' })).status).toBe(201);
    expect((await a.get(`${base}/waves/${wave.id}/answers/jointDetails`)).status).toBe(200);
    const outsider = await loginAgent(ctx.app, (await createUser(ctx.knex)).email);
    expect((await outsider.get(`${base}/waves/${wave.id}/answers/jointDetails`)).status).toBe(404);
    expect((await request(ctx.app).get(`${base}/waves/${wave.id}/answers/jointDetails`)).status).toBe(401);
  });
});
