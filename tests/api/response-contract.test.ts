import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFirstStart } from '../../api/src/modules/auth/auth.service.js';
import { API_MODULES, openApiDocument } from '../../api/src/openapi/document.js';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app.js';
import { validAnswers } from '../helpers/waves.js';
import { MATRIX } from '../security/authorization-matrix.js';
import { buildWorld, callRoute, LATE_ROUTES, ROLES, type Role } from '../security/fixtures.js';

// One description per response: every JSON answer of every route must fit
// the schema its OpenAPI operation documents (the test app checks each
// answer it sends, see installResponseCheck in tests/helpers/test-app.ts).
// Here every route of the authorization matrix is called by callers it
// admits, so that each documented JSON answer is seen at least once.

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ rateLimit: false });
});
afterAll(async () => {
  // close() fails as well when an answer differs from its description.
  await ctx?.close();
});

const operations = API_MODULES.flatMap((m) => m.operations);

/** The callers whose passes together reach every route's success answer (see the matrix's columns). */
const CALLERS: Role[] = ['organiser', 'admin', 'invitee'];

describe('response bodies against their OpenAPI description', () => {
  it('documents a schema for every JSON success answer', () => {
    const missing = operations.flatMap((op) =>
      op.responses
        .filter((r) => r.status !== 204 && (r.contentTypes ?? ['application/json']).includes('application/json'))
        .filter((r) => !r.schema)
        .map((r) => `${op.operationId} ${r.status}`),
    );
    expect(missing, 'JSON answers without a response schema').toEqual([]);
    // And the document renders each one (components named <OperationId>Response or shared ones).
    const doc = openApiDocument();
    for (const op of operations) {
      for (const r of op.responses) {
        if (!r.schema) continue;
        const item = doc.paths[op.path]![op.method]!;
        expect(item.responses[String(r.status)]!.content!['application/json']!.schema, op.operationId).toMatchObject({
          $ref: expect.stringMatching(/^#\/components\/schemas\//),
        });
      }
    }
  });

  // Three worlds and some three hundred requests: longer than the default timeout when other files run alongside.
  it('answers every route as documented, and sees every documented JSON answer', { timeout: 300_000 }, async () => {
    const worlds = await Promise.all(CALLERS.map((role) => buildWorld(ctx, role, ROLES.indexOf(role))));
    const ordered = [
      ...Object.keys(MATRIX).filter((r) => !LATE_ROUTES.includes(r)),
      ...LATE_ROUTES.filter((r) => r in MATRIX),
    ];
    for (const world of worlds) for (const route of ordered) await callRoute(route, world);

    // The answers the matrix does not reach: a submission sent again (200, stored before)…
    const organiser = worlds[0]!;
    const { key } = await ctx.knex('waves').where({ id: organiser.ids.waveLink }).first<{ key: string }>('key');
    const submission = { id: randomUUID(), status: 'complete', data: validAnswers };
    for (const status of [201, 200]) {
      const res = await request(ctx.app).post(`/api/v1/public/waves/${key}/responses`).send(submission);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
    }

    expect(
      ctx.responses.mismatches.map((m) => `${m.operation} ${m.status}: ${m.problems.join('; ')}`),
      'answers that differ from their description',
    ).toEqual([]);

    const seen = new Set(ctx.responses.seen.map((s) => `${s.operationId} ${s.status}`));
    const unseen = operations.flatMap((op) =>
      op.responses
        .filter((r) => r.schema && !seen.has(`${op.operationId} ${r.status}`))
        .map((r) => `${op.operationId} ${r.status}`),
    );
    // …and the first-run setup (201), which only an instance without users answers: in a context of its own below.
    expect(unseen).toEqual(['completeSetup 201']);
  });

  it('answers the first-run setup as documented', async () => {
    const fresh = await createTestContext();
    try {
      const { setupToken } = await prepareFirstStart(fresh.knex, undefined);
      const res = await request(fresh.app)
        .post('/api/v1/auth/setup')
        .send({ token: setupToken, email: 'setup@example.org', password: PASSWORD });
      expect(res.status).toBe(201);
      expect(fresh.responses.mismatches).toEqual([]);
      expect(fresh.responses.seen.map((s) => `${s.operationId} ${s.status}`)).toContain('completeSetup 201');
    } finally {
      await fresh.close();
    }
  });

  it('can fail: a body with a missing, a wrong or an extra field is reported', async () => {
    const { ResponseChecker } = await import('../../api/src/openapi/response-check.js');
    const checker = new ResponseChecker();
    const json = (v: unknown) => JSON.stringify(v);
    checker.check('GET', '/healthz', 200, 'application/json', json({ status: 'ok', database: 'embedded' }));
    expect(checker.mismatches).toEqual([]);
    checker.check('GET', '/healthz', 200, 'application/json', json({ status: 'ok' }));
    checker.check('GET', '/healthz', 200, 'application/json', json({ status: 'ok', database: 'oracle' }));
    checker.check('GET', '/healthz', 200, 'application/json', json({ status: 'ok', database: 'embedded', extra: 1 }));
    checker.check('GET', '/healthz', 201, 'application/json', json({ status: 'ok', database: 'embedded' }));
    checker.check('GET', '/healthz', 200, 'text/html', '<p>ok</p>');
    checker.check('GET', '/healthz', 500, 'application/json', json({ oops: true }));
    expect(checker.mismatches.map((m) => m.problems.join('; '))).toEqual([
      expect.stringContaining('database'),
      expect.stringContaining('database'),
      'fields the schema does not describe: extra',
      'status 201 is not documented',
      expect.stringContaining('media type text/html'),
      expect.stringContaining('error'),
    ]);
  });
});
