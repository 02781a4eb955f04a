import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';
import { validAnswers, workspaceWithWave } from '../helpers/waves.js';

// Whether a wave takes answers is decided once, on the database's clock. When
// this process's clock disagrees with it (here: an hour behind or ahead of
// PostgreSQL's; the embedded database runs in this process and its clock moves
// with it, so there the test only checks that both agree), every answering
// route answers 410 saying why, never 200 on one route and a 500 on another.
// The dates are set from the database's now() while the process's clock is off.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
afterEach(() => {
  vi.useRealTimers();
});

const HOUR = 3_600_000;
/** Moves only this process's Date by `offset` ms; timers stay real. */
const shiftNodeClock = (offset: number) => {
  const real = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(real + offset);
};
const publicWave = (key: string) => request(ctx.app).get(`/api/v1/public/waves/${key}`);
const answer = (key: string, body: object) => request(ctx.app).post(`/api/v1/public/waves/${key}/responses`).send(body);
const complete = () => ({ id: crypto.randomUUID(), status: 'complete', data: validAnswers });

describe('wave openness on the database clock', () => {
  it('refuses with 410 wave_closed once closes_at has passed by the database clock, though this process thinks it is earlier', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'clock1' });
    const partial = { id: crypto.randomUUID(), status: 'partial', data: { sector: 'civic' } };
    expect((await answer(wave.key, partial)).status).toBe(201);
    shiftNodeClock(-HOUR);

    await ctx
      .knex('waves')
      .where({ id: wave.id })
      .update({ closes_at: ctx.knex.raw("now() - interval '1 minute'") });
    const page = await publicWave(wave.key);
    expect(page.status).toBe(410);
    expect(page.body.error.code).toBe('wave_closed');
    const post = await answer(wave.key, complete());
    expect(post.status).toBe(410);
    expect(post.body.error.code).toBe('wave_closed');
    expect(post.body.error.message).toMatch(/^This survey closed on /);
    // Completing a saved partial answer is refused the same way.
    const completing = await answer(wave.key, { ...partial, status: 'complete', data: validAnswers });
    expect(completing.status).toBe(410);
    expect(completing.body.error.code).toBe('wave_closed');
    // The organiser's list says the same.
    const listed = await agent.get(`${base}/waves`);
    expect(listed.status).toBe(200);
    expect((listed.body.waves as Array<{ id: string; state: string }>).find((w) => w.id === wave.id)!.state).toBe(
      'closed',
    );
    vi.useRealTimers();
    expect(
      (await ctx.knex('responses').where({ wave_id: wave.id }).select('status')).map(
        (r: { status: string }) => r.status,
      ),
    ).toEqual(['partial']);
  });

  it('refuses with 410 wave_not_open before opens_at by the database clock, though this process thinks it is later', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'clock2' });
    shiftNodeClock(HOUR);

    await ctx
      .knex('waves')
      .where({ id: wave.id })
      .update({ opens_at: ctx.knex.raw("now() + interval '1 minute'") });
    const page = await publicWave(wave.key);
    expect(page.status).toBe(410);
    expect(page.body.error.code).toBe('wave_not_open');
    const post = await answer(wave.key, complete());
    expect(post.status).toBe(410);
    expect(post.body.error.code).toBe('wave_not_open');
    expect(post.body.error.message).toMatch(/^This survey opens on /);
    vi.useRealTimers();
    expect(await ctx.knex('responses').where({ wave_id: wave.id }).select('id')).toEqual([]);
  });

  for (const anonymous of [false, true])
    it(`refuses answers to a closed ${anonymous ? 'anonymous' : 'named'} invitation wave with 410, leaving the invitation unused`, async () => {
      const { agent, base, wave } = await workspaceWithWave(ctx, {
        slug: anonymous ? 'clock3' : 'clock4',
        access: 'invitation',
        anonymous,
      });
      const [invitation] = (await agent.post(`${base}/waves/${wave.id}/invitations`).send({ count: 1 })).body
        .invitations as Array<{ token: string }>;
      shiftNodeClock(-HOUR);

      await ctx
        .knex('waves')
        .where({ id: wave.id })
        .update({ closes_at: ctx.knex.raw("now() - interval '1 minute'") });
      const exchange = await request(ctx.app)
        .post(`/api/v1/public/waves/${wave.key}/invitation`)
        .send({ token: invitation!.token });
      expect(exchange.status).toBe(410);
      const post = await answer(wave.key, { ...complete(), token: invitation!.token });
      expect(post.status).toBe(410);
      expect(post.body.error.code).toBe('wave_closed');
      vi.useRealTimers();
      expect(await ctx.knex('wave_invitations').where({ wave_id: wave.id }).pluck('used_on')).toEqual([null]);
      expect(await ctx.knex('responses').where({ wave_id: wave.id }).select('id')).toEqual([]);
      expect(await ctx.knex('held_responses').where({ wave_id: wave.id }).select('id')).toEqual([]);
    });
});
