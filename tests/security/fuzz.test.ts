import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import request from 'supertest';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type z } from 'zod';
import { API_MODULES } from '../../api/src/openapi/document.js';
import type { ApiOperation } from '../../api/src/openapi/operation.js';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import {
  adminWithWorkspace,
  createTestContext,
  createUser,
  loginAgent,
  type TestContext,
} from '../helpers/test-app.js';

// Every write route of the API description receives 1,000 (FUZZ_BODIES; CI: 500) generated bad
// bodies — wrong types, known fields with wrong values, unknown fields, huge
// strings, deep nesting, prototype keys, NUL characters, malformed JSON and
// wrong content types — from a logged-in organiser and admin, so that each
// body gets past authorization to the route's own checks. None may answer
// 5xx or 2xx, and afterwards every table holds exactly what it held before.

const BODIES_PER_ROUTE = Number(process.env.FUZZ_BODIES ?? 1_000);
/**
 * The sweep's time limit: it grows with the write routes (36 since the strategy session's
 * routes) and the bodies per route; the suite's 300 s default stopped it on a loaded CI run.
 */
const FUZZ_TIMEOUT_MS = 900_000;
/** Requests in flight at once; the API answers them in parallel on PostgreSQL. */
const CONCURRENCY = 8;

let ctx: TestContext;
let agent: ReturnType<typeof request.agent>;
/** One listening server for all requests (supertest would otherwise start one per request). */
let server: Server;
/** Values for the path parameters of every route, so that bodies reach the route's checks instead of a 404. */
const ids: Record<string, string> = {};

async function ok<T = any>(res: Promise<request.Response> | request.Test, status: number): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`setup: expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

beforeAll(async () => {
  ctx = await createTestContext({ rateLimit: false });
  const setup = await adminWithWorkspace(ctx, 'fuzz');
  server = ctx.app.listen(0, '127.0.0.1');
  agent = await loginAgent(server, setup.admin.email);
  const base = '/api/v1/workspaces/fuzz';
  await ok(agent.post(`${base}/questionnaires`).send({ slug: 'mitglieder', template: 'mitgliederumfrage' }), 201);
  await ok(agent.post(`${base}/questionnaires/mitglieder/publish`).send({}), 201);
  const wave = await ok(
    agent.post(`${base}/waves`).send({ questionnaire: 'mitglieder', version: 1, title: 'Fuzz', access: 'link' }),
    201,
  );
  ids.wave = wave.id;
  ids.waveKey = wave.key;
  const definition = JSON.parse(await readFile('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;
  ids.response = randomUUID();
  await ok(
    request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id: ids.response, status: 'complete', data: generateAnswers(definition, seededRandom(1)) }),
    201,
  );
  ids.code = (await ok(agent.post(`${base}/questionnaires/mitglieder/codes`).send({ label: 'Kontakte' }), 201)).id;
  ids.activity = (
    await ok(agent.post(`${base}/activities`).send({ type: 'article', title: 'Blog', date: '2015-05-01' }), 201)
  ).id;
  await ok(
    agent.post(`${base}/indicators`).send({
      key: 'mitglieder',
      name: 'Mitglieder',
      level: 'output',
      step: 2,
      direction: 'up',
      source: { kind: 'manual' },
    }),
    201,
  );
  ids.measurement = (
    await ok(agent.post(`${base}/indicators/mitglieder/measurements`).send({ date: '2015-05-01', value: 80 }), 201)
  ).id;
  ids.token = (await ok(agent.post('/api/v1/auth/tokens').send({ name: 'Skript' }), 201)).id;
  const member = await createUser(ctx.knex);
  ids.user = (
    await ok(agent.post(`${base}/members`).send({ email: member.email, role: 'analyst' }), 201)
  ).member.userId;
  ids.memberInvitation = (
    await ok(agent.post(`${base}/members`).send({ email: 'neu@example.org', role: 'analyst' }), 201)
  ).invitation.id;
  ids.report = (await ok(agent.post(`${base}/reports`).send({ title: 'Bilanz 2015' }), 201)).id;
  const share = await ok(agent.post(`${base}/shares`).send({ report: ids.report }), 201);
  ids.share = share.id;
  ids.shareToken = share.token;
  const session = await ok(agent.post(`${base}/sessions`).send({ title: 'Strategie', options: ['A', 'B'] }), 201);
  ids.session = session.id;
  ids.sessionKey = session.key;
  ids.ballot = randomUUID();
  ids.action = (await ok(agent.post(`${base}/plan/actions`).send({ title: 'Treffen' }), 201)).id;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await ctx?.close();
});

/** The concrete path of an operation, its placeholders filled from `ids`. */
function concretePath(op: ApiOperation): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
    const before = op.path.slice(0, offset);
    const value =
      name === 'ws'
        ? 'fuzz'
        : name === 'slug'
          ? 'mitglieder'
          : name === 'question'
            ? 'strengths'
            : name === 'responseId'
              ? ids.response
              : name === 'userId'
                ? ids.user
                : name === 'version'
                  ? '1'
                  : name === 'key' && before.endsWith('/indicators/')
                    ? 'mitglieder'
                    : name === 'key' && before.endsWith('/public/waves/')
                      ? ids.waveKey
                      : name === 'id' && before.endsWith('/waves/')
                        ? ids.wave
                        : name === 'id' && before.endsWith('/codes/')
                          ? ids.code
                          : name === 'id' && before.endsWith('/activities/')
                            ? ids.activity
                            : name === 'id' && before.endsWith('/measurements/')
                              ? ids.measurement
                              : name === 'id' && before.endsWith('/tokens/')
                                ? ids.token
                                : name === 'id' && before.endsWith('/invitations/')
                                  ? ids.memberInvitation
                                  : name === 'id' && before.endsWith('/reports/')
                                    ? ids.report
                                    : name === 'id' && before.endsWith('/shares/')
                                      ? ids.share
                                      : name === 'token' && before.endsWith('/public/shares/')
                                        ? ids.shareToken
                                        : name === 'id' && before.endsWith('/sessions/')
                                          ? ids.session
                                          : name === 'key' && before.endsWith('/public/sessions/')
                                            ? ids.sessionKey
                                            : name === 'ballot'
                                              ? ids.ballot
                                              : name === 'id' && before.endsWith('/plan/actions/')
                                                ? ids.action
                                                : undefined;
    if (value === undefined) throw new Error(`fuzz: no value for {${name}} in ${op.path}; add one to concretePath`);
    return value;
  });
  return op.absolutePath ? path : `/api/v1${path}`;
}

type BadBody = { contentType: string | undefined; payload: string; kind: string };

const json =
  (kind: string) =>
  (value: unknown): BadBody => ({ contentType: 'application/json', payload: JSON.stringify(value), kind });

/** Field names the route's body schema knows, to aim wrong values at them. */
function knownKeys(schema: z.ZodType | undefined): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : ['name', 'title', 'id', 'data'];
}

function badBodies(op: ApiOperation): fc.Arbitrary<BadBody> {
  const keys = knownKeys(op.body);
  const anyJson = fc.jsonValue({ maxDepth: 4 });
  const knownWithWrongValues = fc.dictionary(fc.constantFrom(...keys), anyJson, { minKeys: 1 });
  const weirdString = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', ' ', '\u202e', '💥'.repeat(50), '<script>alert(1)</script>', "' or 1=1 --"),
  );
  return fc.oneof(
    { weight: 20, arbitrary: anyJson.map(json('wrong type')) },
    { weight: 20, arbitrary: knownWithWrongValues.map(json('known fields, wrong values')) },
    {
      weight: 10,
      arbitrary: fc
        .tuple(knownWithWrongValues, fc.string({ minLength: 1, maxLength: 20 }), anyJson)
        .map(([o, k, v]) => json('unknown field')({ ...o, [`x_${k}`]: v })),
    },
    {
      weight: 10,
      arbitrary: fc.dictionary(fc.constantFrom(...keys), weirdString, { minKeys: 1 }).map(json('odd strings')),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...keys), fc.integer({ min: 100_000, max: 1_200_000 }))
        .map(([k, n]) => json('huge string')({ [k]: 'x'.repeat(n) })),
    },
    {
      weight: 4,
      arbitrary: fc.integer({ min: 65, max: 20_000 }).map((d): BadBody => ({
        contentType: 'application/json',
        payload: `${'{"a":['.repeat(d)}1${']}'.repeat(d)}`,
        kind: 'deep nesting',
      })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom(...keys), fc.boolean())
        .map(([bad, k, nested]): BadBody => ({
          contentType: 'application/json',
          payload: nested ? `{"${k}":{"${bad}":{"isAdmin":true}}}` : `{"${bad}":{"isAdmin":true},"${k}":"x"}`,
          kind: 'prototype key',
        })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...keys), fc.string(), fc.boolean())
        .map(([k, s, inKey]) => json('NUL')(inKey ? { [`${k}\u0000`]: s } : { [k]: `${s}\u0000${s}` })),
    },
    {
      weight: 10,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/json-patch+json',
            undefined,
          ),
          knownWithWrongValues,
        )
        .map(([ct, o]): BadBody => ({
          contentType: ct,
          payload:
            ct === 'application/x-www-form-urlencoded'
              ? new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString()
              : JSON.stringify(o),
          kind: 'wrong content type',
        })),
    },
    {
      weight: 10,
      arbitrary: fc
        .oneof(
          fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', "{'a':1}", 'undefined', 'NaN', '{"a":01}', '\u0000'),
          fc.string({ minLength: 1 }).map((s) => `{${s}`),
        )
        .map((payload): BadBody => ({ contentType: 'application/json', payload, kind: 'malformed JSON' })),
    },
  );
}

/** A fingerprint of every table's full contents (sessions excepted: reading them refreshes their expiry). */
async function tableChecksums(knex: Knex): Promise<Record<string, string>> {
  const tables = (
    await knex.raw(
      `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'sessions' order by 1`,
    )
  ).rows as Array<{ name: string }>;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const row = (
      await knex.raw(
        `select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as sum from ?? t`,
        [name],
      )
    ).rows[0] as { n: number; sum: string };
    out[name] = `${row.n}:${row.sum}`;
  }
  return out;
}

const writeOperations = API_MODULES.flatMap((m) => m.operations).filter(
  (op) => op.method === 'post' || op.method === 'put' || op.method === 'patch',
);

describe('fuzzing every write route', () => {
  const tried: Record<string, number> = {};

  it(
    `answers ${BODIES_PER_ROUTE} bad bodies per route with a 4xx, never 5xx or 2xx, and changes no table`,
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      const before = await tableChecksums(ctx.knex);
      const sessionsBefore = (await ctx.knex('sessions').select('sid').orderBy('sid')).map(
        (r: { sid: string }) => r.sid,
      );
      expect(writeOperations.length).toBeGreaterThan(20);
      for (const [index, op] of writeOperations.entries()) {
        const path = concretePath(op);
        // The logout route takes no body; bad ones must not end the session the others need.
        const arbitrary =
          op.path === '/auth/logout'
            ? badBodies(op).filter((b) => b.kind === 'wrong content type' && b.contentType !== undefined)
            : badBodies(op);
        // First the bodies to send (skipping any the route's own schema accepts:
        // those are not bad bodies), then send them, a few at a time.
        const chosen: BadBody[] = [];
        for (let batch = 0; chosen.length < BODIES_PER_ROUTE && batch < 5; batch++) {
          for (const body of fc.sample(arbitrary, { numRuns: BODIES_PER_ROUTE, seed: 1000 * batch + index })) {
            if (chosen.length === BODIES_PER_ROUTE) break;
            if (body.contentType === 'application/json' && op.body) {
              try {
                if (op.body.safeParse(JSON.parse(body.payload)).success) continue;
              } catch {
                // malformed: bad indeed
              }
            }
            chosen.push(body);
          }
        }
        let sent = 0;
        const sendOne = async (body: BadBody) => {
          let req = agent[op.method](path);
          if (body.contentType) req = req.set('Content-Type', body.contentType);
          const res = await req.send(body.payload);
          if (res.status < 400 || res.status >= 500) {
            throw new Error(
              `${op.method.toUpperCase()} ${path} answered ${res.status} to a ${body.kind} body ${body.payload.slice(0, 300)}: ${JSON.stringify(res.body).slice(0, 500)}`,
            );
          }
          expect(res.body?.error?.code, `${op.method} ${path} ${res.status} without an error code`).toMatch(
            /^[a-z_]+$/,
          );
          sent++;
        };
        const queue = [...chosen];
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            for (let body = queue.shift(); body; body = queue.shift()) await sendOne(body);
          }),
        );
        tried[`${op.method.toUpperCase()} ${op.path}`] = sent;
      }
      expect(await tableChecksums(ctx.knex)).toEqual(before);
      expect((await ctx.knex('sessions').select('sid').orderBy('sid')).map((r: { sid: string }) => r.sid)).toEqual(
        sessionsBefore,
      );
      const total = Object.values(tried).reduce((a, b) => a + b, 0);
      console.log(`fuzzed ${Object.keys(tried).length} write routes with ${total} bad bodies`);
      for (const [route, n] of Object.entries(tried)) expect(n, route).toBe(BODIES_PER_ROUTE);
    },
  );
});
