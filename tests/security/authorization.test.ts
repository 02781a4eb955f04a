import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_MODULES } from '../../api/src/openapi/document.js';
import type { Access } from '../../api/src/openapi/operation.js';
import { listServedRoutes } from '../../api/src/openapi/routes.js';
import { createTestContext, type TestContext } from '../helpers/test-app.js';
import { MATRIX, type Expected, type Row } from './authorization-matrix.js';
import { buildWorld, callRoute, LATE_ROUTES, ROLES, type Role, type World } from './fixtures.js';

// Every route the app serves × every kind of caller, against the table in
// authorization-matrix.ts. Each role gets a world of its own (workspaces and
// objects), so that one role's writes and deletes cannot change what the next
// one sees; within a role, routes that replace or end the session run last.

let ctx: TestContext;
const worlds = new Map<Role, World>();
let asserted = 0;
let isolationAsserted = 0;

beforeAll(async () => {
  // The public routes' rate limit would count this test's few hundred requests from one address.
  ctx = await createTestContext({ rateLimit: false });
  const built = await Promise.all(ROLES.map((role, n) => buildWorld(ctx, role, n)));
  for (const w of built) worlds.set(w.role, w);
});
afterAll(async () => {
  const routes = Object.keys(MATRIX).length;
  console.log(`authorization matrix: ${routes} routes × ${ROLES.length} roles = ${asserted} checks`);
  console.log(
    `authorization matrix: ${isolationAsserted} further checks of objects reached through another workspace, wave or user`,
  );
  await ctx?.close();
});

const served = () => listServedRoutes(ctx.app).map((r) => `${r.method} ${r.path}`);

/** Each documented operation's access, keyed like the table. */
const documentedAccess = new Map<string, Access>(
  API_MODULES.flatMap((m) => m.operations).map((op) => [
    `${op.method.toUpperCase()} ${op.absolutePath ? op.path : `/api/v1${op.path}`}`,
    op.access,
  ]),
);

const parse = (e: Expected) => {
  const [status, code] = String(e).split(' ');
  return { status: Number(status), code };
};
const cell = (row: Row, role: Role) => row[ROLES.indexOf(role)]!;

/** The answers that mean "turned away before the route's own work". */
const DENIALS = new Set<Expected>([
  '401 unauthenticated',
  '403 organiser_required',
  '403 admin_required',
  '404 not_found',
]);

/** Routes where an invitation holder may get more than an anonymous caller: answering their own wave. */
const ANSWERING = new Set(['POST /api/v1/public/waves/{key}/responses']);

describe('authorization matrix', () => {
  it('names every route the app serves, and no route it does not serve', () => {
    const routes = served();
    expect(routes.length).toBeGreaterThan(50);
    const table = new Set(Object.keys(MATRIX));
    const servedSet = new Set(routes);
    expect(
      {
        servedButNotInTheTable: routes.filter((r) => !table.has(r)),
        inTheTableButNotServed: [...table].filter((r) => !servedSet.has(r)),
      },
      'every served route needs its row in tests/security/authorization-matrix.ts, and every row a served route',
    ).toEqual({ servedButNotInTheTable: [], inTheTableButNotServed: [] });
  });

  it('is a well-formed table: exact statuses, error codes with every 401, 403 and 404', () => {
    for (const [route, row] of Object.entries(MATRIX)) {
      expect(row.length, route).toBe(ROLES.length);
      for (const e of row) {
        const { status, code } = parse(e);
        expect(status >= 200 && status < 500, `${route}: ${e}`).toBe(true);
        if ([401, 403, 404].includes(status))
          expect(code, `${route}: ${e} needs its error code`).toMatch(/^[a-z][a-z0-9_]*$/);
      }
    }
  });

  it('gives an invitation holder exactly what an anonymous caller gets, except answering', () => {
    for (const [route, row] of Object.entries(MATRIX)) {
      if (!ANSWERING.has(route)) expect(cell(row, 'invitee'), route).toBe(cell(row, 'anonymous'));
    }
    for (const route of ANSWERING) expect(parse(cell(MATRIX[route]!, 'invitee')).status, route).toBeLessThan(300);
  });

  it("agrees with each documented operation's access", () => {
    const allowed = (e: Expected) => !DENIALS.has(e);
    let compared = 0;
    for (const [route, row] of Object.entries(MATRIX)) {
      const access = documentedAccess.get(route);
      if (!access) continue; // undocumented routes are the OpenAPI test's concern
      compared++;
      const c = (role: Role) => cell(row, role);
      if (access === 'public') {
        // Logging in changes nothing on a public route.
        for (const role of ROLES)
          if (role !== 'invitee') expect(c(role), `${route} (${role}) is documented public`).toBe(c('anonymous'));
        expect(allowed(c('anonymous')), route).toBe(true);
        continue;
      }
      expect(c('anonymous'), route).toBe('401 unauthenticated');
      const may: Record<Exclude<Access, 'public'>, Role[]> = {
        user: ['analyst', 'organiser', 'otherOrganiser', 'admin'],
        analyst: ['analyst', 'organiser'],
        organiser: ['organiser'],
        admin: ['admin'],
      };
      for (const role of ['analyst', 'organiser', 'otherOrganiser', 'admin'] as const) {
        expect(allowed(c(role)), `${route} (${role}) is documented ${access}`).toBe(may[access].includes(role));
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  // The matrix asks for this workspace's objects under this workspace's slug.
  // Here the other organiser asks for them under their own workspace, where
  // the membership check passes: each object must be looked up within the
  // workspace of the path, or it leaks (or changes) across tenants. These
  // checks run before the matrix, whose password change ends their session.
  it("another workspace's organiser reaches none of this workspace's objects through their own workspace", async () => {
    const w = worlds.get('otherOrganiser')!;
    const wrong: string[] = [];
    const check = (what: string, res: { status: number; body: any }, status: number, code?: string) => {
      isolationAsserted++;
      if (res.status !== status || (code !== undefined && res.body?.error?.code !== code)) {
        wrong.push(
          `${what}: expected ${status}${code ? ` ${code}` : ''}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
        );
      }
    };
    const objectRoutes = Object.keys(MATRIX).filter(
      (r) => r.includes('/workspaces/{ws}/') && /\{(?!ws\})\w+\}/.test(r),
    );
    expect(objectRoutes.length).toBeGreaterThan(30);
    for (const route of objectRoutes) check(route, await callRoute(route, w, { ws: w.otherSlug }), 404);

    // Objects named in a body rather than the path.
    const own = `/api/v1/workspaces/${w.otherSlug}`;
    check(
      'POST …/shares of a foreign report',
      await w.call('post', `${own}/shares`).send({ report: w.ids.reportKeep }),
      404,
      'not_found',
    );
    const foreignWave = await w
      .call('post', `${own}/reports`)
      .send({ title: 'Fremd', wave: w.ids.waveLink, sections: [{ kind: 'survey' }] });
    check('POST …/reports on a foreign wave', foreignWave, 422, 'invalid_report');
    const reports = await w.call('get', `${own}/reports`);
    check('GET …/reports after the refused ones', reports, 200);
    expect(reports.body.reports, 'no report was stored in the other workspace').toEqual([]);
    // A user's API tokens are theirs alone: another user's token id answers 404 and stays.
    check(
      "DELETE /auth/tokens/{id} of another user's token",
      await w.call('delete', `/api/v1/auth/tokens/${w.ids.creatorToken}`),
      404,
      'not_found',
    );
    expect(
      await ctx.knex('api_tokens').where({ id: w.ids.creatorToken }).first(),
      "the other user's token",
    ).toBeDefined();
    expect(wrong, 'objects of another workspace or user reached').toEqual([]);
  });

  it("an invitation holder answers only their own wave, and resumes only that wave's responses", async () => {
    const w = worlds.get('invitee')!;
    const data = { sector: 'civic', recommend: 7 };
    const wrong: string[] = [];
    const check = (what: string, res: { status: number; body: any }, status: number, code?: string) => {
      isolationAsserted++;
      if (res.status !== status || (code !== undefined && res.body?.error?.code !== code))
        wrong.push(`${what}: expected ${status} ${code ?? ''}, got ${res.status} ${JSON.stringify(res.body)}`);
    };
    // The invitee's cookie rides on every request here; another invitation wave of the same workspace must not take it.
    check(
      'answering another invitation wave',
      await w
        .call('post', `/api/v1/public/waves/${w.ids.waveExchangeKey}/responses`)
        .send({ id: crypto.randomUUID(), status: 'complete', data }),
      403,
      'invalid_token',
    );
    check(
      "resuming a partial response through another wave's key",
      await w.call('get', `/api/v1/public/waves/${w.ids.waveExchangeKey}/responses/${w.ids.partialResponse}`),
      404,
      'not_found',
    );
    expect(wrong).toEqual([]);
  });

  // Table order, except that the session-changing routes come last, in their own order.
  const ordered = () => [
    ...Object.keys(MATRIX).filter((r) => !LATE_ROUTES.includes(r)),
    ...LATE_ROUTES.filter((r) => r in MATRIX),
  ];

  for (const role of ROLES) {
    // Each role has its own world, so the passes run side by side.
    it.concurrent(`answers every route as the table says for the ${role}`, async () => {
      const world = worlds.get(role)!;
      const wrong: string[] = [];
      for (const route of ordered()) {
        const want = parse(cell(MATRIX[route]!, role));
        const res = await callRoute(route, world);
        const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
        asserted++;
        if (res.status !== want.status || (want.code !== undefined && code !== want.code)) {
          wrong.push(
            `${route}: expected ${want.status}${want.code ? ` ${want.code}` : ''}, got ${res.status}${code ? ` ${code}` : ''} ${res.status >= 400 ? (res.body?.error?.message ?? '') : ''}`,
          );
        }
      }
      expect(wrong, `${role}: answers that differ from the table`).toEqual([]);
    });
  }
});
