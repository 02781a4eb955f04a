/**
 * The conformance corpus over HTTP, on the real database (PGlite, or
 * PostgreSQL with DATABASE_URL): every real SurveyJS questionnaire of
 * ../shared/conformance/surveyjs that uses only survey-core's built-in types
 * is stored, published and answered through a link wave. Answer sets are
 * generated as respondents produce them on survey-core (from the definition
 * the wave serves); each is stored (201) when survey-core accepts it and
 * refused (422 validation_failed, naming survey-core's questions) when it
 * does not; an answer outside a question's choices is refused naming that
 * question, and nothing refused is stored.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWithWorkspace, createTestContext, type TestContext } from '../helpers/test-app.js';
import {
  baseAnswerSets,
  outOfChoiceMutations,
  questionNamesByKey,
  readCorpus,
  referenceModel,
  unregisteredTypes,
  type JsonObject,
} from '../fixtures/survey-reference.js';

const corpus = readCorpus().filter((c) => unregisteredTypes(c.definition).length === 0);

let ctx: TestContext;
let agent: Awaited<ReturnType<typeof adminWithWorkspace>>['agent'];
const base = '/api/v1/workspaces/konformitaet';

beforeAll(async () => {
  ctx = await createTestContext();
  ({ agent } = await adminWithWorkspace(ctx, 'konformitaet'));
});
afterAll(() => ctx.close());

type Detail = { question: string; message: string };
const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 500 ? `${s.slice(0, 500)}…` : s;
};

describe('real SurveyJS questionnaires over HTTP', () => {
  it('has the corpus (every questionnaire but the custom-widget one)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(27);
  });

  for (const { file, definition } of corpus) {
    it(`${file}: stored and published; survey-core's valid answer sets are stored (201), the rest and out-of-choice answers refused (422), nothing refused is stored`, async () => {
      const slug = file
        .replace(/\.json$/, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 48)
        .replace(/-+$/, '');
      let created = await agent.post(`${base}/questionnaires`).send({ slug, definition });
      // Properties that load other addresses (imageLink, logo, …) are refused, and only those; saving
      // again with their removal confirmed keeps the rest of the questionnaire (issue 13).
      if (created.status === 422) {
        const details = (created.body?.error?.details ?? []) as Array<{ code?: string }>;
        expect(details.length, `create: ${show(created.body)}`).toBeGreaterThan(0);
        expect(
          details.every((d) => d.code === 'remote_property'),
          `create: ${show(created.body)}`,
        ).toBe(true);
        created = await agent.post(`${base}/questionnaires`).send({ slug, definition, dropRemoteProperties: true });
      }
      expect(created.status, `create: ${show(created.body)}`).toBe(201);
      const published = await agent.post(`${base}/questionnaires/${slug}/publish`).send({});
      expect(published.status, `publish: ${show(published.body)}`).toBe(201);
      const wave = await agent
        .post(`${base}/waves`)
        .send({ questionnaire: slug, version: 1, title: `Konformität ${file}`, access: 'link' });
      expect(wave.status, `wave: ${show(wave.body)}`).toBe(201);
      const { id: waveId, key } = wave.body as { id: string; key: string };

      // Answers are generated on the definition respondents get.
      const served = await request(ctx.app).get(`/api/v1/public/waves/${key}`);
      expect(served.status).toBe(200);
      const def = served.body.definition as JsonObject;
      const heavy = referenceModel(def).getAllQuestions(false, false, true).length >= 80;
      const namesByKey = questionNamesByKey(def);
      const named = (details: Detail[]) => new Set(details.map((d) => namesByKey.get(d.question) ?? d.question));
      const post = (data: object) =>
        request(ctx.app)
          .post(`/api/v1/public/waves/${key}/responses`)
          .send({ id: crypto.randomUUID(), status: 'complete', locale: 'en', data });

      const sets = baseAnswerSets(def, heavy ? 1 : 2, 1, heavy ? 2 : 3);
      expect(sets.length).toBeGreaterThan(0);
      let stored = 0;
      for (const { seed, data, verdict } of sets) {
        const res = await post(data);
        if (verdict.valid) {
          expect(res.status, `seed ${seed}: survey-core accepts ${show(data)}; Bilanz: ${show(res.body)}`).toBe(201);
          stored++;
        } else {
          expect(
            res.status,
            `seed ${seed}: survey-core refuses ${show(data)} (${[...verdict.questions].join(', ')}); Bilanz: ${show(res.body)}`,
          ).toBe(422);
          expect(res.body.error.code).toBe('validation_failed');
          const ours = named(res.body.error.details as Detail[]);
          expect(
            [...verdict.questions].filter((q) => !ours.has(q)),
            `questions survey-core refuses that Bilanz does not name: ${show(res.body.error.details)}`,
          ).toEqual([]);
        }
      }

      const valid = sets.find((s) => s.verdict.valid);
      const mutation = valid && outOfChoiceMutations(def, valid.data)[0];
      if (mutation) {
        const res = await post(mutation.data);
        expect(res.status, `${mutation.note}: ${show(res.body)}`).toBe(422);
        expect(res.body.error.code).toBe('validation_failed');
        expect([...named(res.body.error.details as Detail[])], mutation.note).toContain(mutation.question);
      }

      const counts = await agent.get(`${base}/waves/${waveId}`);
      expect(counts.status).toBe(200);
      expect(counts.body.wave.responses).toEqual({ complete: stored, partial: 0, held: 0 });
      const rows = (await ctx.knex('responses').where({ wave_id: waveId }).count({ n: '*' }).first()) as
        { n: number | string } | undefined;
      expect(Number(rows?.n)).toBe(stored);
    });
  }
});
