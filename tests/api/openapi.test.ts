import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreateActivitySchema, ActivitiesQuery } from '../../api/src/modules/activities/activities.schemas.js';
import { CreateIndicatorSchema } from '../../api/src/modules/indicators/indicators.schemas.js';
import { SubmitResponseSchema } from '../../api/src/modules/responses/responses.schemas.js';
import { CreateInvitationsSchema, CreateWaveSchema } from '../../api/src/modules/waves/waves.schemas.js';
import { DOCS_CSP, renderDocsPage } from '../../api/src/openapi/docs-page.js';
import {
  buildOpenApiDocument,
  fullPath,
  openApiDocument,
  type OpenApiDocument,
  type OpenApiOperation,
} from '../../api/src/openapi/document.js';
import type { ApiModule } from '../../api/src/openapi/operation.js';
import { listServedRoutes } from '../../api/src/openapi/routes.js';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every documented operation as `METHOD /full/path`. */
function documented(doc: OpenApiDocument): Array<{ key: string; path: string; method: string; op: OpenApiOperation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) =>
      item[method] ? [{ key: `${method.toUpperCase()} ${fullPath(doc, path)}`, path, method, op: item[method] }] : [],
    ),
  );
}

/** What the app serves as API: everything under /api and the health check (not the web app's pages). */
const servedApi = () =>
  listServedRoutes(ctx.app)
    .filter((r) => r.path.startsWith('/api/') || r.path === '/healthz')
    .map((r) => `${r.method} ${r.path}`);

/** The JSON Schema the document promises for a zod schema, computed here independently. */
const expected = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
};

function resolvePointer(doc: unknown, ref: string): unknown {
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function collectRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

describe('OpenAPI completeness', () => {
  it('lists the routes the app serves (the listing itself works)', () => {
    const served = servedApi();
    // A few routes from each way of mounting: directly on the app, a router on a prefix, nested params.
    expect(served).toContain('GET /healthz');
    expect(served).toContain('POST /api/v1/public/waves/{key}/responses');
    expect(served).toContain('GET /api/v1/public/waves/{key}');
    expect(served).toContain('POST /api/v1/auth/login');
    expect(served).toContain('GET /api/v1/workspaces');
    expect(served).toContain('PUT /api/v1/workspaces/{ws}/waves/{id}/answers/{question}/{responseId}/codes');
    expect(served).toContain('GET /api/v1/openapi.json');
    expect(served).toContain('GET /api/docs');
    expect(served.some((r) => r.includes(':') || r.startsWith('HEAD '))).toBe(false);
  });

  it('documents every served API route', () => {
    const doc = openApiDocument();
    const docs = new Set(documented(doc).map((d) => d.key));
    const undocumented = servedApi().filter((r) => !docs.has(r));
    expect(
      undocumented,
      'served but missing from the OpenAPI document (add them to the module’s <m>.openapi.ts, see docs/api.md)',
    ).toEqual([]);
  });

  it('documents no route the app does not serve', () => {
    const served = new Set(servedApi());
    const phantom = documented(openApiDocument())
      .map((d) => d.key)
      .filter((k) => !served.has(k));
    expect(phantom, 'documented but not served').toEqual([]);
  });
});

describe('OpenAPI document', () => {
  it('is served at /api/v1/openapi.json without login', async () => {
    const res = await request(ctx.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info.title).toBe('Bilanz');
    expect(res.body.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('is structurally valid OpenAPI 3.1', () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]?.url).toBe('/api/v1');
    const tagNames = new Set(doc.tags.map((t) => t.name));
    const schemes = new Set(Object.keys(doc.components.securitySchemes));
    expect(schemes).toEqual(new Set(['sessionCookie', 'bearerToken']));
    for (const requirement of doc.security)
      for (const name of Object.keys(requirement)) expect(schemes.has(name)).toBe(true);

    const ids = new Set<string>();
    const ops = documented(doc);
    expect(ops.length).toBeGreaterThan(50);
    for (const { key, path, op } of ops) {
      expect(path.startsWith('/'), key).toBe(true);
      expect(ids.has(op.operationId), `${key}: duplicate operationId`).toBe(false);
      ids.add(op.operationId);
      expect(op.summary.length, key).toBeGreaterThan(0);
      expect(tagNames.has(op.tags[0]), `${key}: tag`).toBe(true);
      expect(['public', 'user', 'analyst', 'organiser', 'admin']).toContain(op['x-access']);
      if (op['x-access'] === 'public') expect(op.security, key).toEqual([]);
      else expect(op.responses['401'], `${key}: logged-in routes answer 401`).toBeDefined();

      // Every path template has exactly one required path parameter, and nothing else is "in: path".
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(pathParams.map((p) => p.name).sort(), `${key}: path parameters`).toEqual(templated);
      for (const p of pathParams) expect(p.required, `${key}: ${p.name}`).toBe(true);
      const names = (op.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      expect(new Set(names).size, `${key}: unique parameters`).toBe(names.length);

      const statuses = Object.keys(op.responses);
      expect(statuses.length, key).toBeGreaterThan(0);
      expect(
        statuses.some((s) => /^2\d\d$/.test(s)),
        `${key}: a success answer`,
      ).toBe(true);
      for (const [status, response] of Object.entries(op.responses)) {
        expect(status, key).toMatch(/^[1-5]\d\d$/);
        expect(response.description.length, `${key} ${status}`).toBeGreaterThan(0);
        if (Number(status) >= 400) {
          expect(response.content?.['application/json']?.schema, `${key} ${status}`).toEqual({
            $ref: '#/components/schemas/Error',
          });
          for (const code of response['x-error-codes'] ?? []) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
        }
      }
      if (op.requestBody) expect(['post', 'put', 'patch']).toContain(ops.find((o) => o.key === key)!.method);
    }

    // Every $ref resolves; schemas carry no $schema or $defs of their own (refs would point nowhere).
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      expect(resolvePointer(doc, ref), ref).toBeDefined();
    }
    const text = JSON.stringify(doc);
    expect(text).not.toContain('"$schema"');
    expect(text).not.toContain('#/$defs/');
  });

  it('documents the common error body and the two ways to authenticate', () => {
    const doc = openApiDocument();
    expect(doc.components.schemas.Error).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' } },
        },
      },
    });
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'bilanz.sid',
    });
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const login = doc.paths['/auth/login']!.post!;
    expect(login.responses['401']!['x-error-codes']).toContain('invalid_credentials');
    expect(login.responses['429']!['x-error-codes']).toContain('rate_limited');
    const submit = doc.paths['/public/waves/{key}/responses']!.post!;
    expect(Object.keys(submit.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '403', '404', '409', '410', '413', '415', '422', '429']),
    );
    expect(submit.responses['403']!['x-error-codes']).toEqual(
      expect.arrayContaining(['invitation_required', 'invalid_token']),
    );
    // Answering bypasses the session and the same-origin rule; workspace writes do not.
    expect(submit.responses['403']!['x-error-codes']).not.toContain('cross_origin');
    expect(submit.responses['429']!['x-error-codes']).toEqual(['rate_limited']);
    const createWave = doc.paths['/workspaces/{ws}/waves']!.post!;
    expect(createWave['x-access']).toBe('organiser');
    expect(createWave.responses['403']!['x-error-codes']).toEqual(
      expect.arrayContaining(['organiser_required', 'cross_origin']),
    );
    expect(createWave.responses['404']!['x-error-codes']).toContain('not_found');
  });

  it('takes request bodies and parameters from the very zod schemas the routes validate with', () => {
    const doc = openApiDocument();
    const bodyOf = (path: string, method: 'post' | 'put' | 'patch') => {
      const ref = doc.paths[path]![method]!.requestBody!.content['application/json']!.schema!.$ref as string;
      return resolvePointer(doc, ref);
    };
    expect(bodyOf('/workspaces/{ws}/activities', 'post')).toEqual(expected(CreateActivitySchema));
    expect(bodyOf('/public/waves/{key}/responses', 'post')).toEqual(expected(SubmitResponseSchema));
    expect(bodyOf('/workspaces/{ws}/waves', 'post')).toEqual(expected(CreateWaveSchema));
    expect(bodyOf('/workspaces/{ws}/waves/{id}/invitations', 'post')).toEqual(expected(CreateInvitationsSchema));
    expect(bodyOf('/workspaces/{ws}/indicators', 'post')).toEqual(expected(CreateIndicatorSchema));
    // Strict objects: unknown fields are refused, and the document says so.
    expect(bodyOf('/workspaces/{ws}/activities', 'post')).toMatchObject({
      additionalProperties: false,
      required: ['type', 'title', 'date'],
    });

    const list = doc.paths['/workspaces/{ws}/activities']!.get!;
    const query = expected(ActivitiesQuery) as { properties: Record<string, unknown> };
    for (const name of ['type', 'district', 'year']) {
      expect(list.parameters!.find((p) => p.in === 'query' && p.name === name)?.schema, name).toEqual(
        query.properties[name],
      );
    }
    // An all-optional body may be left out (the route reads it as {}); a body with required fields may not.
    expect(doc.paths['/workspaces/{ws}/questionnaires/{slug}/publish']!.post!.requestBody!.required).toBe(false);
    expect(doc.paths['/auth/login']!.post!.requestBody!.required).toBe(true);
  });

  it('says truly which operations need a login: without one, exactly the non-public ones answer 401', async () => {
    const doc = openApiDocument();
    const sample = (name: string) =>
      name === 'version' ? '1' : /id$/i.test(name) ? '00000000-0000-4000-8000-000000000000' : 'abcdefghijklmnopqrst';
    for (const { key, method, op } of documented(doc)) {
      const url = key.split(' ')[1]!.replace(/\{([^}]+)\}/g, (_m, name: string) => sample(name));
      const call = request(ctx.app)[method as (typeof METHODS)[number]](url);
      const res = ['post', 'put', 'patch'].includes(method) ? await call.send({}) : await call;
      if (op['x-access'] === 'public') {
        expect(res.status, `${key} is documented as public`).not.toBe(401);
      } else {
        expect(res.status, `${key} is documented as ${op['x-access']}`).toBe(401);
        expect(op.responses['401']!['x-error-codes']).toContain(res.body.error.code);
      }
    }
  });

  it('refuses an inconsistent description when it is built', () => {
    const op = (over: Partial<ApiModule['operations'][number]>): ApiModule => ({
      tags: [{ name: 'T', description: 't' }],
      operations: [
        {
          method: 'get',
          path: '/things/{id}',
          operationId: 'getThing',
          summary: 's',
          tag: 'T',
          access: 'user',
          responses: [{ status: 200, description: 'ok' }],
          ...over,
        },
      ],
    });
    expect(() => buildOpenApiDocument([op({})])).toThrow(/path parameter id/);
    expect(() => buildOpenApiDocument([op({ path: '/things/:id' })])).toThrow(/OpenAPI style/);
    expect(() => buildOpenApiDocument([op({ tag: 'Other', paramDescriptions: { id: 'x' } })])).toThrow(
      /undeclared tag/,
    );
    expect(() =>
      buildOpenApiDocument([op({ params: z.object({ key: z.string() }), paramDescriptions: { id: 'x' } })]),
    ).toThrow(/params schema has key/);
    const twice = op({ paramDescriptions: { id: 'x' } });
    expect(() =>
      buildOpenApiDocument([
        twice,
        { tags: [], operations: twice.operations.map((o) => ({ ...o, operationId: 'other' })) },
      ]),
    ).toThrow(/described twice/);
  });
});

describe('API documentation page', () => {
  it('answers /api/docs with HTML listing every operation, under a CSP without script or inline style', async () => {
    const res = await request(ctx.app).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toBe(DOCS_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    const html = res.text;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).toContain('href="/api/v1/openapi.json"');
    const doc = openApiDocument();
    for (const { key, op } of documented(doc)) {
      const [method, path] = key.split(' ') as [string, string];
      expect(html, key).toContain(`>${method}</span> <code class="path">${path}</code>`);
      expect(html, key).toContain(`id="${op.operationId}"`);
    }
    expect(html).toContain('Organisers of the workspace.');
    expect(html).toContain('organiser_required');
    // A request body is shown as its JSON Schema.
    expect(html).toContain('&quot;additionalProperties&quot;: false');

    const css = await request(ctx.app).get('/api/docs/docs.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(html).toContain('<link rel="stylesheet" href="/api/docs/docs.css">');
  });

  it('escapes every text it shows', () => {
    const doc = buildOpenApiDocument([
      {
        tags: [{ name: 'T<b>', description: 'd & "q"' }],
        operations: [
          {
            method: 'post',
            path: '/x',
            operationId: 'x',
            summary: '<script>alert(1)</script>',
            description: "<img src=x onerror='1'>",
            tag: 'T<b>',
            access: 'public',
            body: z.strictObject({ a: z.string().describe('</pre><script>') }),
            responses: [{ status: 200, description: '<i>ok</i>' }],
          },
        ],
      },
    ]);
    const html = renderDocsPage(doc);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<i>ok');
    expect(html).not.toContain('T<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('d &amp; &quot;q&quot;');
  });
});
