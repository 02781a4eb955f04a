import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredResponses } from '../../api/src/modules/waves/waves.service.js';
import { createTestContext, createUser, loginAgent, type TestContext } from '../helpers/test-app.js';
import { validAnswers, workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const count = async (table: string) =>
  ((await ctx.knex(table).select(ctx.knex.raw('count(*)::int as n')).first()) as { n: number }).n;

describe('waves', () => {
  it('opens a wave on a published version with an unguessable key', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'w1' });
    expect(wave.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(wave.url).toBe(`http://bilanz.test/s/${wave.key}`);
    const read = await agent.get(`${base}/waves/${wave.id}`);
    expect(read.body.wave).toMatchObject({
      id: wave.id,
      title: 'Welle 2015',
      questionnaire: 'kurz',
      version: 1,
      access: 'link',
      anonymous: true,
      status: 'open',
      state: 'open',
      responses: { complete: 0, partial: 0 },
      completionRate: null,
      privacyNoticeCustom: false,
    });
    expect(read.body.wave.privacyNotice.de).toContain('anonym');
    expect(read.body.wave.privacyNotice.en).toContain('IP address');
    expect(read.body.wave.privacyNotice.de).toContain('ab 5 Personen');
  });

  it('refuses unpublished versions, unknown questionnaires and bad bodies, storing nothing', async () => {
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'w2' });
    const before = await count('waves');
    const cases: Array<[object, number]> = [
      [{ questionnaire: 'kurz', version: 2, title: 'x', access: 'link' }, 422],
      [{ questionnaire: 'nope', version: 1, title: 'x', access: 'link' }, 404],
      [{ questionnaire: 'kurz', version: 1, title: '', access: 'link' }, 400],
      [{ questionnaire: 'kurz', version: 1, title: 'x', access: 'public' }, 400],
      [
        {
          questionnaire: 'kurz',
          version: 1,
          title: 'x',
          access: 'link',
          opensAt: '2015-06-01T00:00:00Z',
          closesAt: '2015-05-01T00:00:00Z',
        },
        400,
      ],
      [{ questionnaire: 'kurz', version: 1, title: 'x', access: 'link', opensAt: 'tomorrow' }, 400],
      [{ questionnaire: 'kurz', version: 1, title: 'x', access: 'link', ip: true }, 400],
    ];
    for (const [body, status] of cases)
      expect((await agent.post(`${base}/waves`).send(body)).status, JSON.stringify(body)).toBe(status);
    expect(await count('waves')).toBe(before);
  });

  it('closes and reopens a wave; closed and not-yet-open waves answer 410 saying when', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'w3' });
    const closed = await agent.patch(`${base}/waves/${wave.id}`).send({ status: 'closed' });
    expect(closed.body.wave.status).toBe('closed');
    const pub = await request(ctx.app).get(`/api/v1/public/waves/${wave.key}`);
    expect(pub.status).toBe(410);
    expect(pub.body.error.code).toBe('wave_closed');
    const post = await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id: crypto.randomUUID(), status: 'complete', data: validAnswers });
    expect(post.status).toBe(410);

    await agent.patch(`${base}/waves/${wave.id}`).send({ status: 'open', opensAt: '2099-05-19T08:00:00Z' });
    const early = await request(ctx.app).get(`/api/v1/public/waves/${wave.key}`).set('Accept-Language', 'de');
    expect(early.status).toBe(410);
    expect(early.body.error.code).toBe('wave_not_open');
    expect(early.body.error.message).toBe('Diese Befragung beginnt am 19. Mai 2099.');

    await agent.patch(`${base}/waves/${wave.id}`).send({ opensAt: null, closesAt: '2015-05-19T20:00:00Z' });
    const late = await request(ctx.app).get(`/api/v1/public/waves/${wave.key}`);
    expect(late.status).toBe(410);
    expect(late.body.error.message).toBe('This survey closed on 19 May 2015.');
    expect((await agent.patch(`${base}/waves/${wave.id}`).send({ opensAt: '2016-01-01T00:00:00Z' })).status).toBe(422);
    expect((await agent.patch(`${base}/waves/${wave.id}`).send({})).status).toBe(400);
  });

  it('lets organisers replace the privacy notice', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'w4' });
    const notice = { de: 'Eigener Hinweis.', en: 'Own notice.' };
    const res = await agent.patch(`${base}/waves/${wave.id}`).send({ privacyNotice: notice });
    expect(res.body.wave).toMatchObject({ privacyNotice: notice, privacyNoticeCustom: true });
    expect(res.body.wave.defaultPrivacyNotice.de).toContain('anonym');
    expect((await request(ctx.app).get(`/api/v1/public/waves/${wave.key}`)).body.privacyNotice).toEqual(notice);
    expect((await agent.patch(`${base}/waves/${wave.id}`).send({ privacyNotice: { de: 'nur deutsch' } })).status).toBe(
      400,
    );
  });

  it('lists waves with live counts and completion rate', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'w5' });
    for (let i = 0; i < 3; i++) {
      await request(ctx.app)
        .post(`/api/v1/public/waves/${wave.key}/responses`)
        .send({ id: crypto.randomUUID(), status: 'complete', data: validAnswers });
    }
    await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id: crypto.randomUUID(), status: 'partial', data: { sector: 'civic' } });
    const list = await agent.get(`${base}/waves`);
    expect(list.body.waves).toHaveLength(1);
    expect(list.body.waves[0]).toMatchObject({
      responses: { complete: 3, partial: 1 },
      completionRate: 0.75,
      lastResponseOn: new Date().toISOString().slice(0, 10),
    });
  });

  it('gives analysts read access only and hides waves of other workspaces', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'w6' });
    const analyst = await createUser(ctx.knex);
    await agent.post('/api/v1/workspaces/w6/members').send({ email: analyst.email, role: 'analyst' });
    const a = await loginAgent(ctx.app, analyst.email);
    expect((await a.get(`${base}/waves`)).status).toBe(200);
    expect((await a.get(`${base}/waves/${wave.id}`)).status).toBe(200);
    expect((await a.patch(`${base}/waves/${wave.id}`).send({ status: 'closed' })).status).toBe(403);
    expect(
      (await a.post(`${base}/waves`).send({ questionnaire: 'kurz', version: 1, title: 'x', access: 'link' })).status,
    ).toBe(403);
    const other = await workspaceWithWave(ctx, { slug: 'w6b' });
    expect((await other.agent.get(`/api/v1/workspaces/w6b/waves/${wave.id}`)).status).toBe(404);
  });
});

describe('retention', () => {
  it('deletes the responses of waves past their retention period, and nothing else', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'r1' });
    const keep = await workspaceWithWave(ctx, { slug: 'r2' });
    await agent.patch(`${base}/waves/${wave.id}`).send({ retentionDays: 30 });
    for (const w of [wave, keep.wave]) {
      await request(ctx.app)
        .post(`/api/v1/public/waves/${w.key}/responses`)
        .send({ id: crypto.randomUUID(), status: 'complete', data: validAnswers });
    }
    const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    expect(await purgeExpiredResponses(ctx.knex, inFuture(29))).toBe(0);
    expect(await purgeExpiredResponses(ctx.knex, inFuture(30))).toBe(1);
    expect(await ctx.knex('responses').where({ wave_id: wave.id }).select('id')).toHaveLength(0);
    expect(await ctx.knex('responses').where({ wave_id: keep.wave.id }).select('id')).toHaveLength(1);
  });
});
