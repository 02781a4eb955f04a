import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createUser, loginAgent, type TestContext } from '../helpers/test-app.js';
import { workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** A workspace with an indicator `members` and a session whose option A got 12 dots from 5 phones. */
async function votedSession(slug: string) {
  const setup = await workspaceWithWave(ctx, { slug });
  const { agent, base } = setup;
  const ind = await agent.post(`${base}/indicators`).send({
    key: 'members',
    name: 'Mitglieder',
    unit: 'Personen',
    level: 'input',
    direction: 'up',
    source: { kind: 'manual' },
  });
  expect(ind.status).toBe(201);
  const s = (await agent.post(`${base}/sessions`).send({ title: 'Mai 2015', options: ['Geschäftsstelle', 'Website'] }))
    .body as { id: string; key: string; options: Array<{ id: string }> };
  const [a, b] = s.options.map((o) => o.id) as [string, string];
  for (let i = 0; i < 5; i++)
    await request(ctx.app)
      .put(`/api/v1/public/sessions/${s.key}/ballots/${randomUUID()}`)
      .send({ votes: i < 4 ? { [a]: 3 } : { [b]: 3 } });
  return { ...setup, session: s.id, options: { a, b } };
}

const actionCount = async (slug: string) =>
  Number(
    (
      await ctx
        .knex('plan_actions as p')
        .join('workspaces as w', 'w.id', 'p.workspace_id')
        .where('w.slug', slug)
        .count<Array<{ n: number }>>({ n: '*' })
    )[0]!.n,
  );

describe('action plan', () => {
  it('adopts options of a closed session with their votes, and keeps actions by hand', async () => {
    const { agent, base, session, options } = await votedSession('plan1');
    // Still open: nothing can be adopted yet.
    const early = await agent.post(`${base}/plan/actions`).send({ session, option: options.a });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('session_open');
    expect((await agent.patch(`${base}/sessions/${session}`).send({ status: 'closed' })).status).toBe(200);

    const adopted = await agent.post(`${base}/plan/actions`).send({ session, option: options.a, carrier: 'funding' });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    expect(adopted.body).toMatchObject({
      title: 'Geschäftsstelle',
      carrier: 'funding',
      source: { session, option: options.a, votes: 12 },
      targets: [],
    });
    const again = await agent.post(`${base}/plan/actions`).send({ session, option: options.a });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_adopted');

    const edited = await agent.patch(`${base}/plan/actions/${adopted.body.id}`).send({
      decision: 'Eine Koordinationsstelle mit einer halben Stelle beantragen.',
      cost: 30000,
      fundingSource: 'Stadt (Bürgerhaushalt)',
      owner: 'Sprecherkreis',
      dueOn: '2015-12-31',
      targets: [{ indicator: 'members', target: 100 }],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      cost: 30000,
      fundingSource: 'Stadt (Bürgerhaushalt)',
      dueOn: '2015-12-31',
      targets: [{ indicator: 'members', name: 'Mitglieder', unit: 'Personen', target: 100 }],
    });

    const byHand = await agent
      .post(`${base}/plan/actions`)
      .send({ title: 'Netzwerktreffen vierteljährlich', owner: 'Anna', dueOn: '2015-09-01' });
    expect(byHand.status).toBe(201);
    expect(byHand.body).toMatchObject({ carrier: 'volunteers', source: null, cost: null });

    const plan = await agent.get(`${base}/plan`);
    expect(plan.body.actions.map((a: { title: string }) => a.title)).toEqual([
      'Netzwerktreffen vierteljährlich',
      'Geschäftsstelle',
    ]);
    expect(plan.body.totals).toEqual({ volunteers: 1, funding: 1, cost: 30000 });

    // Switching to volunteers clears cost and source.
    const switched = await agent.patch(`${base}/plan/actions/${adopted.body.id}`).send({ carrier: 'volunteers' });
    expect(switched.body).toMatchObject({ carrier: 'volunteers', cost: null, fundingSource: null });

    expect((await agent.delete(`${base}/plan/actions/${byHand.body.id}`)).status).toBe(204);
    expect((await agent.delete(`${base}/plan/actions/${byHand.body.id}`)).status).toBe(404);
    expect(await actionCount('plan1')).toBe(1);
  });

  it('refuses bad input with 4xx and stores nothing', async () => {
    const { agent, base, session, options } = await votedSession('plan2');
    const bad = [
      [{ title: '' }, 400],
      [{ carrier: 'volunteers' }, 400],
      [{ title: 'X', carrier: 'sponsors' }, 400],
      [{ title: 'X', carrier: 'volunteers', cost: 100 }, 400],
      [{ title: 'X', carrier: 'funding', cost: -1 }, 400],
      [{ title: 'X', dueOn: '2015-02-30' }, 400],
      [{ title: 'X', targets: [{ indicator: 'nope', target: 1 }] }, 422],
      [{ title: 'X', extra: true }, 400],
      [{ session }, 400],
      [{ session: randomUUID(), option: options.a }, 404],
      [{ session, option: randomUUID() }, 404],
    ] as const;
    for (const [body, status] of bad) {
      const res = await agent.post(`${base}/plan/actions`).send(body);
      expect(res.status, JSON.stringify([body, res.body])).toBe(status);
    }
    expect(await actionCount('plan2')).toBe(0);
    const action = (await agent.post(`${base}/plan/actions`).send({ title: 'Fortbildung' })).body as { id: string };
    expect((await agent.patch(`${base}/plan/actions/${action.id}`).send({ cost: 5 })).body.error.code).toBe(
      'no_funding',
    );
    expect((await agent.patch(`${base}/plan/actions/${action.id}`).send({})).status).toBe(400);
    expect((await agent.patch(`${base}/plan/actions/${randomUUID()}`).send({ title: 'Y' })).status).toBe(404);
    expect((await agent.get(`${base}/plan`)).body.actions).toEqual([
      expect.objectContaining({ title: 'Fortbildung', cost: null }),
    ]);

    const analyst = await createUser(ctx.knex);
    await agent.post(`/api/v1/workspaces/plan2/members`).send({ email: analyst.email, role: 'analyst' });
    const as = await loginAgent(ctx.app, analyst.email);
    expect((await as.get(`${base}/plan`)).status).toBe(200);
    expect((await as.post(`${base}/plan/actions`).send({ title: 'Z' })).status).toBe(403);
    expect((await as.delete(`${base}/plan/actions/${action.id}`)).status).toBe(403);
    expect(await actionCount('plan2')).toBe(1);
  });
});
