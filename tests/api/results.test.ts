import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.js';
import { openDatabase, type Database } from '../../api/src/db/database.js';
import { ensureSessionSecret } from '../../api/src/modules/auth/auth.service.js';
import { ResultsEngine, type EngineOptions } from '../../api/src/modules/results/engine/engine.js';
import { findVersion } from '../../api/src/modules/questionnaires/questionnaires.repo.js';
import { purgeExpiredResponses } from '../../api/src/modules/waves/waves.service.js';
import { aggregate } from '../../api/src/modules/results/aggregate.js';
import { suppress } from '../../api/src/modules/results/suppression.js';
import {
  createTestContext,
  createUser,
  loginAgent,
  PASSWORD,
  sessionCookie,
  testConfig,
  type TestContext,
} from '../helpers/test-app.js';
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
    expect(res.body).toMatchObject({
      wave: { id: wave.id, title: 'Welle 2015' },
      responses: { complete: 60, partial: 1 },
      n: 60,
      minGroupSize: 5,
      suppressed: false,
    });
    const byName = Object.fromEntries(res.body.questions.map((q: { name: string }) => [q.name, q]));
    for (const value of ['civic', 'nonprofit', 'municipal']) {
      const expected = naiveCount(answers, 'sector', value);
      const cell = byName.sector.choices.find((c: { value: string }) => c.value === value);
      expect(cell.count === null ? expected < 5 : cell.count === expected).toBe(true);
    }
    const ticked = naiveCount(answers, 'districts', 'mitte');
    expect(byName.districts.choices[0].count).toBe(ticked >= 5 || ticked === 0 ? ticked : null);
    const npsValues = answers.map((a) => a.recommend as number);
    if (byName.recommend.mean !== null)
      expect(byName.recommend.mean).toBeCloseTo(npsValues.reduce((s, v) => s + v, 0) / npsValues.length);

    const filtered = await agent.get(`${base}/waves/${wave.id}/results?where=sector:nonprofit&where=districts:mitte`);
    const expectedN = answers.filter(
      (a) => a.sector === 'nonprofit' && (a.districts as string[] | undefined)?.includes('mitte'),
    ).length;
    expect(filtered.body.n).toBe(expectedN >= 5 ? expectedN : null);
    expect(filtered.body.suppressed).toBe(expectedN < 5);
  });

  it('suppresses a filtered view below the minimum group size, and nothing derivable stays', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'r2' });
    const base6 = { districts: ['mitte'], joint: false, recommend: 8, formats: { visits: 4 } };
    for (const sector of ['civic', 'civic', 'civic', 'civic', 'civic', 'nonprofit', 'nonprofit', 'municipal'])
      await submit(wave.key, { ...base6, sector });
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

describe('filters on choice cells', () => {
  it('select by a matrix row, a dropdown matrix cell, a dynamic matrix column or a dynamic panel question, codes included', async () => {
    const definition = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'matrix', name: 'grid', rows: ['r1', 'r2'], columns: [1, 2] },
            {
              type: 'matrixdropdown',
              name: 'tools',
              rows: ['mail'],
              columns: [{ name: 'kinds', cellType: 'checkbox', choices: ['x', 'y'] }],
            },
            { type: 'matrixdynamic', name: 'projects', columns: [{ name: 'paid', cellType: 'boolean' }] },
            {
              type: 'paneldynamic',
              name: 'events',
              templateElements: [{ type: 'radiogroup', name: 'format', choices: ['live', 'online'] }],
            },
            { type: 'comment', name: 'note' },
          ],
        },
      ],
    };
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'rc', definition });
    // Six answer online in their second event, rate r1 with 2, use y by mail and had a paid project; four do none of it.
    const answers = Array.from({ length: 10 }, (_, i) => {
      const yes = i < 6;
      return {
        grid: { r1: yes ? 2 : 1, r2: 1 },
        tools: { mail: { kinds: yes ? ['x', 'y'] : ['x'] } },
        projects: [{ paid: false }, ...(yes ? [{ paid: true }] : [])],
        events: [{ format: 'live' }, { format: yes ? 'online' : 'live' }],
        note: `Notiz ${i}`,
      };
    });
    const ids: string[] = [];
    for (const data of answers) {
      const id = crypto.randomUUID();
      ids.push(id);
      expect(
        (
          await request(ctx.app)
            .post(`/api/v1/public/waves/${wave.key}/responses`)
            .send({ id, status: 'complete', data })
        ).status,
      ).toBe(201);
    }
    const results = (where: string[]) =>
      agent.get(`${base}/waves/${wave.id}/results?${where.map((w) => `where=${encodeURIComponent(w)}`).join('&')}`);
    for (const where of [
      ['grid:r1:2'],
      ['tools:mail:kinds:y'],
      ['projects:paid:true'],
      ['events:format:online'],
      ['events:format:online', 'grid:r1:2'],
    ]) {
      const res = await results(where);
      expect(res.status, where.join(' ')).toBe(200);
      expect(res.body.n, where.join(' ')).toBe(6);
    }
    expect((await results(['events:format:live'])).body.n).toBe(10);
    const parsed = (await results(['tools:mail:kinds:y', 'projects:paid:true'])).body.filters;
    expect(parsed).toEqual([
      { question: 'tools', row: 'mail', column: 'kinds', value: 'y' },
      { question: 'projects', column: 'paid', value: true },
    ]);
    const types = (await results([])).body.questionTypes;
    expect(types).toMatchObject({
      matrix: { filter: 'cells', filterable: true },
      comment: { filter: 'none', filterable: false },
      checkbox: { filter: 'value' },
    });

    // Codes of open answers are counted in the database under the same filter.
    const code = (await agent.post(`${base}/questionnaires/kurz/codes`).send({ label: 'Thema' })).body as {
      id: string;
    };
    for (const id of ids)
      expect(
        (await agent.put(`${base}/waves/${wave.id}/answers/note/${id}/codes`).send({ codes: [code.id] })).status,
      ).toBe(200);
    const coded = (await results(['events:format:online'])).body.questions.find(
      (q: { name: string }) => q.name === 'note',
    );
    expect(coded.codes).toEqual([{ value: code.id, label: 'Thema', count: 6 }]);

    // A cell without choices, a row that does not exist or a bare matrix name: 400, naming the question.
    for (const bad of ['grid:r3:1', 'grid:1', 'tools:mail:x', 'events:nick:a']) {
      const res = await results([bad]);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('invalid_filter');
      expect(res.body.error.message).toMatch(/"(grid|tools|events)"/);
    }
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
    const w2 = (
      await agent.post(`${base}/waves`).send({ questionnaire: 'kurz', version: 2, title: 'Welle 2016', access: 'link' })
    ).body;
    for (let i = 0; i < 5; i++) await submit(w2.key, { sector: 'nonprofit', recommend: 4 });

    const nps = await agent.get(`${base}/questionnaires/kurz/trend?question=recommend`);
    expect(nps.status).toBe(200);
    expect(
      nps.body.waves.map((w: { wave: { title: string }; n: number; breakBefore: boolean }) => [
        w.wave.title,
        w.n,
        w.breakBefore,
      ]),
    ).toEqual([
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

describe('results engine', () => {
  /** Another API process on the same database: its own pool (on PostgreSQL), its own engine. */
  async function secondProcess(engineOptions: EngineOptions = {}) {
    let knex = ctx.knex;
    let db: Database | undefined;
    if (ctx.db.kind === 'postgres') {
      db = await openDatabase({ kind: 'postgres', url: (ctx.knex.client.config as { connection: string }).connection });
      knex = db.knex;
    }
    const engine = new ResultsEngine(knex, engineOptions);
    const app = createApp({
      knex,
      databaseKind: ctx.db.kind,
      config: testConfig,
      logger: pino({ level: 'silent' }),
      sessionSecret: await ensureSessionSecret(knex),
      resultsEngine: engine,
    });
    return {
      app,
      engine,
      knex,
      close: async () => {
        await engine.idle();
        await db?.close();
      },
    };
  }
  const completeOf = async (app: Express, cookie: string, path: string) => {
    const res = await request(app).get(path).set('Cookie', cookie);
    expect(res.status).toBe(200);
    return res.body as {
      responses: { complete: number; partial: number };
      n: number | null;
      questions: Array<{ name: string; choices?: Array<{ value: unknown; count: number | null }> }>;
      perDay: Array<{ date: string; count: number }>;
    };
  };
  const login = async (app: Express, email: string) => {
    const res = await request(app).post('/api/v1/auth/login').send({ email, password: PASSWORD });
    return sessionCookie(res)!.split(';')[0]!;
  };

  it('shows an answer in the next results call of every process', async () => {
    const { admin, base, wave } = await workspaceWithWave(ctx, { slug: 'e1' });
    const other = await secondProcess();
    try {
      const [one, two] = [await login(ctx.app, admin.email), await login(other.app, admin.email)];
      const path = `${base}/waves/${wave.id}/results`;
      for (let i = 1; i <= 6; i++) {
        // Alternate the process that takes the answer; both must count it at once.
        const target = i % 2 === 0 ? other.app : ctx.app;
        expect(
          (
            await request(target)
              .post(`/api/v1/public/waves/${wave.key}/responses`)
              .send({ id: crypto.randomUUID(), status: 'complete', data: { sector: 'civic', recommend: i } })
          ).status,
        ).toBe(201);
        const a = await completeOf(ctx.app, one, path);
        const b = await completeOf(other.app, two, path);
        expect(a.responses.complete).toBe(i);
        expect(b.responses.complete).toBe(i);
        expect(b.questions).toEqual(a.questions);
      }
      const today = new Date().toISOString().slice(0, 10);
      expect((await completeOf(ctx.app, one, path)).perDay).toEqual([{ date: today, count: 6 }]);
    } finally {
      await other.close();
    }
  });

  it.skipIf(process.env.DATABASE_URL === undefined)(
    'never misses an answer whose transaction commits after a later one (PostgreSQL)',
    async () => {
      const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'e2' });
      const path = `${base}/waves/${wave.id}/results`;
      // A slow writer: its transaction starts (and takes its id) first, and commits last.
      const slow = await ctx.knex.transaction();
      await slow('responses').insert({
        id: crypto.randomUUID(),
        wave_id: wave.id,
        status: 'complete',
        data: JSON.stringify({ sector: 'municipal', recommend: 1 }),
        started_on: '2015-05-19',
        updated_on: '2015-05-19',
        completed_on: '2015-05-19',
      });
      for (let i = 0; i < 5; i++) await submit(wave.key, { sector: 'civic', recommend: 9 });
      expect((await agent.get(path)).body.responses.complete).toBe(5);
      await slow.commit();
      const after = await agent.get(path);
      expect(after.body.responses.complete).toBe(6);
      // Counted: one answer, below the minimum, so shown as hidden.
      expect(after.body.questions[0].choices.find((c: { value: string }) => c.value === 'municipal').count).toBeNull();
      expect((await agent.get(path)).body.responses.complete).toBe(6);
    },
  );

  it('forgets answers deleted by the retention period in every process', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'e3' });
    const path = `${base}/waves/${wave.id}/results`;
    for (let i = 0; i < 8; i++) await submit(wave.key, { sector: i < 3 ? 'nonprofit' : 'civic', recommend: 5 });
    expect((await agent.get(path)).body.responses.complete).toBe(8);
    const old = await ctx
      .knex('responses')
      .where({ wave_id: wave.id })
      .whereRaw(`data->>'sector' = 'nonprofit'`)
      .pluck('id');
    await ctx.knex('responses').whereIn('id', old).update({ completed_on: '2014-01-01' });
    await ctx.knex('waves').where({ id: wave.id }).update({ retention_days: 365 });
    expect(await purgeExpiredResponses(ctx.knex)).toBe(3);
    const after = await agent.get(path);
    expect(after.body.responses.complete).toBe(5);
    expect(after.body.questions[0].choices.find((c: { value: string }) => c.value === 'nonprofit').count).toBe(0);
  });

  it('lets concurrent callers share catch-ups, each seeing every answer committed before its call', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'e5' });
    for (let i = 0; i < 6; i++) await submit(wave.key, { sector: 'civic', recommend: 7 });
    const row = await ctx.knex('waves').where({ id: wave.id }).first();
    const definition = (await findVersion(ctx.knex, row.questionnaire_id, row.version))!.definition as JsonObject;
    const engine = new ResultsEngine(ctx.knex);
    expect((await engine.columns(row, definition)).rows).toBe(6);

    let catchUps = 0;
    const count = (q: { sql: string }) => {
      if (q.sql.includes('pg_snapshot_xmin')) catchUps++;
    };
    ctx.knex.on('query', count);
    try {
      // Rows only grow, so the count when each call resolves is at least what was committed before it.
      const rowsWhenDone = () => engine.columns(row, definition).then((c) => c.rows);
      const before = Array.from({ length: 25 }, rowsWhenDone);
      expect((await submit(wave.key, { sector: 'nonprofit', recommend: 3 })).status).toBe(201);
      const after = Array.from({ length: 25 }, rowsWhenDone);
      for (const rows of await Promise.all(before)) expect(rows).toBeGreaterThanOrEqual(6);
      for (const rows of await Promise.all(after)) expect(rows).toBe(7);
    } finally {
      ctx.knex.off('query', count);
    }
    // One catch-up per call would be 50; shared, a few are enough.
    expect(catchUps).toBeGreaterThan(0);
    expect(catchUps).toBeLessThanOrEqual(6);
    await engine.idle();
  });

  it('keeps at most maxWaves waves, forgetting the least recently used, and reads a forgotten one again in full', async () => {
    const { wave: a } = await workspaceWithWave(ctx, { slug: 'e6' });
    const { wave: b } = await workspaceWithWave(ctx, { slug: 'e7' });
    for (let i = 0; i < 3; i++) await submit(a.key, { sector: 'civic', recommend: 7 });
    for (let i = 0; i < 2; i++) await submit(b.key, { sector: 'nonprofit', recommend: 5 });
    const rowOf = async (id: string) => {
      const row = await ctx.knex('waves').where({ id }).first();
      const definition = (await findVersion(ctx.knex, row.questionnaire_id, row.version))!.definition as JsonObject;
      return { row, definition };
    };
    const [waveA, waveB] = [await rowOf(a.id), await rowOf(b.id)];
    // fetchSize 2: the full read pages through the wave by id.
    const engine = new ResultsEngine(ctx.knex, { maxWaves: 1, fetchSize: 2 });
    expect((await engine.columns(waveA.row, waveA.definition)).rows).toBe(3);
    expect(engine.heldWaves()).toEqual([a.id]);
    expect((await engine.columns(waveB.row, waveB.definition)).rows).toBe(2);
    expect(engine.heldWaves()).toEqual([b.id]);
    await submit(a.key, { sector: 'civic', recommend: 1 });
    expect((await engine.columns(waveA.row, waveA.definition)).rows).toBe(4);
    expect(engine.heldWaves()).toEqual([a.id]);
    await engine.idle();
  });

  it('saves packed columns, and a restarted process starts from them and catches up', async () => {
    const { admin, base, wave } = await workspaceWithWave(ctx, { slug: 'e4' });
    const path = `${base}/waves/${wave.id}/results`;
    const random = seededRandom(5);
    const answers = Array.from({ length: 30 }, () => generateAnswers(smallDefinition as unknown as JsonObject, random));
    for (const a of answers.slice(0, 20)) await submit(wave.key, a);
    const first = await secondProcess({ snapshotAfterRows: 10 });
    const expected = await (async () => {
      try {
        const cookie = await login(first.app, admin.email);
        const body = await completeOf(first.app, cookie, path);
        await first.engine.idle();
        return body;
      } finally {
        await first.close();
      }
    })();
    const saved = await ctx.knex('result_snapshots').where({ wave_id: wave.id }).first('rows', 'epoch');
    expect(saved).toEqual({ rows: 20, epoch: 0 });

    // A new process must not read the responses again: they are changed behind its back to prove it.
    await ctx
      .knex('responses')
      .where({ wave_id: wave.id })
      .update({ data: JSON.stringify({ sector: 'municipal', recommend: 0 }) });
    for (const a of answers.slice(20)) await submit(wave.key, a);
    const restarted = await secondProcess({ snapshotAfterRows: 10 });
    try {
      const cookie = await login(restarted.app, admin.email);
      const body = await completeOf(restarted.app, cookie, path);
      expect(body.responses.complete).toBe(30);
      expect(expected.responses.complete).toBe(20);
      // Exactly the figures of all 30 answers as sent: 20 from the snapshot, 10 from the change feed.
      expect(body.questions).toEqual(
        suppress(aggregate(smallDefinition as unknown as JsonObject, answers, 'en'), 30, 5),
      );
    } finally {
      await restarted.close();
    }
  });
});

describe('responses per day', () => {
  /** Complete responses stored straight away, each completed on the given day. */
  const storeDays = async (waveId: string, days: Record<string, number>) => {
    for (const [day, count] of Object.entries(days))
      for (let i = 0; i < count; i++)
        await ctx.knex('responses').insert({
          id: crypto.randomUUID(),
          wave_id: waveId,
          status: 'complete',
          data: JSON.stringify({ sector: 'civic', recommend: 7 }),
          started_on: day,
          updated_on: day,
          completed_on: day,
        });
  };
  const days = { '2015-05-01': 2, '2015-05-02': 6, '2015-05-03': 1, '2015-05-04': 3, '2015-05-05': 1, '2015-05-07': 2 };

  it('never show an anonymous wave’s day with fewer responses than the minimum group size', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'pd1' });
    await storeDays(wave.id, days);
    const res = await agent.get(`${base}/waves/${wave.id}/results`);
    expect(res.status).toBe(200);
    expect(res.body.responses.complete).toBe(15);
    // Small days merged forward into periods of at least 5; the short tail joins the period before it.
    expect(res.body.perDay).toEqual([
      { date: '2015-05-01', until: '2015-05-02', count: 8 },
      { date: '2015-05-03', until: '2015-05-07', count: 7 },
    ]);
    for (const entry of res.body.perDay as Array<{ count: number }>) expect(entry.count).toBeGreaterThanOrEqual(5);
  });

  it('show a single day of at least the minimum as that day, and nothing for a wave below the minimum', async () => {
    const big = await workspaceWithWave(ctx, { slug: 'pd2' });
    await storeDays(big.wave.id, { '2015-05-01': 5, '2015-05-02': 7 });
    expect((await big.agent.get(`${big.base}/waves/${big.wave.id}/results`)).body.perDay).toEqual([
      { date: '2015-05-01', count: 5 },
      { date: '2015-05-02', count: 7 },
    ]);
    const small = await workspaceWithWave(ctx, { slug: 'pd3' });
    await storeDays(small.wave.id, { '2015-05-01': 1, '2015-05-03': 3 });
    const res = await small.agent.get(`${small.base}/waves/${small.wave.id}/results`);
    expect(res.body.responses.complete).toBe(4);
    expect(res.body.perDay).toEqual([]);
  });

  it('show every day of a wave that is not anonymous', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'pd4', access: 'invitation', anonymous: false });
    await storeDays(wave.id, days);
    const res = await agent.get(`${base}/waves/${wave.id}/results`);
    expect(res.body.perDay).toEqual(Object.entries(days).map(([date, count]) => ({ date, count })));
  });
});
