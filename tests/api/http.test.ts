import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.js';
import { createLogger } from '../../api/src/http/logging.js';
import { ensureSessionSecret } from '../../api/src/modules/auth/auth.service.js';
import { adminWithWorkspace, createTestContext, testConfig, type TestContext } from '../helpers/test-app.js';
import { validAnswers, workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
let webDir: string;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilanz-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Bilanz test shell</title>');
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  fs.writeFileSync(
    path.join(webDir, 'assets', 'big-def456.js'),
    `const text = ${JSON.stringify('Bilanz ziehen. '.repeat(2000))};`,
  );
  ctx = await createTestContext({ webDir });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('health and error model', () => {
  it('answers /healthz with the database kind', async () => {
    const res = await request(ctx.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'embedded' });
  });

  it('answers unknown API paths with 404 in the error model, not the web app', async () => {
    const res = await request(ctx.app).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(typeof res.body.error.message).toBe('string');
    const outside = await request(ctx.app).get('/api/v2/x');
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('not_found');
  });

  it('refuses malformed JSON with 400 malformed_json', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
  });

  it('refuses a JSON body that is not an object', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('"just a string"');
    expect(res.status).toBe(400);
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const big = JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(1_100_000) });
    const res = await request(ctx.app).post('/api/v1/auth/login').set('Content-Type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('refuses non-JSON writes with 415', async () => {
    const form = await request(ctx.app).post('/api/v1/auth/login').type('form').send('email=a@b.org&password=x');
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    const plain = await request(ctx.app).post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('{}');
    expect(plain.status).toBe(415);
  });

  it('refuses unknown fields with 400 and names them', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/auth/login')
      .send({ email: 'a@b.org', password: 'x', admin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknown_field');
    expect(res.body.error.details.fields).toEqual(['admin']);
  });

  it('refuses wrong types with 400 invalid_request and details', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/auth/login')
      .send({ email: 42, password: ['x'] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password']);
  });

  it('speaks German when the caller prefers it', async () => {
    const de = await request(ctx.app).get('/api/v1/auth/me').set('Accept-Language', 'de-DE,de;q=0.9,en;q=0.5');
    expect(de.status).toBe(401);
    expect(de.body.error.message).toBe('Bitte melde dich an.');
    const en = await request(ctx.app).get('/api/v1/auth/me').set('Accept-Language', 'en-GB');
    expect(en.body.error.message).toBe('Please log in.');
  });

  it('sends a strict content security policy without inline script', async () => {
    const res = await request(ctx.app).get('/');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

/** Sends raw bytes as the body (supertest would encode a Buffer as JSON) and reads the JSON answer. */
async function rawPost(
  app: Express,
  urlPath: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: (server.address() as AddressInfo).port,
          path: urlPath,
          method: 'POST',
          headers: { 'Content-Length': String(body.length), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('bodies that cannot be read or stored', () => {
  it('answers a body that is not what its Content-Encoding says with 400, and reads a real gzip body', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'encoding-ws' });
    const json = Buffer.from(JSON.stringify({ id: crypto.randomUUID(), status: 'complete', data: validAnswers }));
    for (const urlPath of [`/api/v1/public/waves/${wave.key}/responses`, '/api/v1/auth/login']) {
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const res = await rawPost(
          ctx.app,
          urlPath,
          { 'Content-Type': 'application/json', 'Content-Encoding': encoding, 'Accept-Language': 'de' },
          json,
        );
        expect(res.status, `${urlPath} ${encoding}`).toBe(400);
        expect(res.body.error).toEqual({
          code: 'malformed_body',
          message: 'Der Inhalt der Anfrage lässt sich nicht so entpacken, wie sein Content-Encoding angibt.',
        });
      }
    }
    // A body that is gzip indeed is read as before.
    const gzipped = await rawPost(
      ctx.app,
      `/api/v1/public/waves/${wave.key}/responses`,
      { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      zlib.gzipSync(json),
    );
    expect(gzipped.status).toBe(201);
    // A truncated gzip stream is no gzip either.
    const cut = zlib.gzipSync(
      Buffer.from(JSON.stringify({ id: crypto.randomUUID(), status: 'complete', data: validAnswers })),
    );
    const truncated = await rawPost(
      ctx.app,
      `/api/v1/public/waves/${wave.key}/responses`,
      { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      cut.subarray(0, cut.length - 12),
    );
    expect(truncated.status).toBe(400);
    expect(ctx.logs.filter((l) => l.msg === 'unhandled error')).toEqual([]);
  });

  it('refuses a lone UTF-16 surrogate in any write with 400, in value or key, as JSON escape or cut emoji', async () => {
    const { agent } = await adminWithWorkspace(ctx, 'surrogate-ws');
    const base = '/api/v1/workspaces/surrogate-ws';
    const bodies = [
      `{"slug":"s1","definition":{"pages":[{"name":"p","elements":[{"type":"text","name":"q","title":"a\\ud800b"}]}]}}`,
      `{"slug":"s2","definition":{"pages":[{"name":"p","elements":[{"type":"text","name":"q","title":"\\udc00"}]}]}}`,
      `{"slug":"s3","definition":{"pages":[{"name":"p","elements":[{"type":"text","name":"q","title":${JSON.stringify('Herz ❤️ und Lachen 😀'.slice(0, -1))}}]}]}}`,
      `{"slug":"s4","definition":{"pages":[{"name":"p","elements":[{"type":"text","name":"q","title":{"de":"x","\\ud83d":"y"}}]}]}}`,
    ];
    for (const body of bodies) {
      const res = await agent
        .post(`${base}/questionnaires`)
        .set('Content-Type', 'application/json')
        .set('Accept-Language', 'en')
        .send(body);
      expect(res.status, body).toBe(400);
      expect(res.body.error.code).toBe('invalid_characters');
      expect(res.body.error.message).toMatch(/lone UTF-16 surrogate/);
    }
    const de = await agent
      .post(`${base}/questionnaires`)
      .set('Content-Type', 'application/json')
      .set('Accept-Language', 'de')
      .send(bodies[0]);
    expect(de.body.error.message).toMatch(/einzelnes UTF-16-Surrogat/);
    // Whole emoji (surrogate pairs) are characters like any other.
    const fine = await agent.post(`${base}/questionnaires`).send({
      slug: 's5',
      definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q', title: 'Herz ❤️ und Lachen 😀' }] }] },
    });
    expect(fine.status).toBe(201);
    expect(
      await ctx.knex('questionnaires').whereIn('slug', ['s1', 's2', 's3', 's4']).count({ n: '*' }).first(),
    ).toMatchObject({ n: 0 });
  });

  it('logs a failing write without the answer: no row (detail), no parsed text (where), no query parameters', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString('utf8'));
        cb();
      },
    });
    // The production logger (createLogger), writing here instead of to stdout.
    const app = createApp({
      knex: ctx.knex,
      databaseKind: ctx.db.kind,
      config: testConfig,
      logger: createLogger('info', sink),
      sessionSecret: await ensureSessionSecret(ctx.knex),
    });
    const link = await workspaceWithWave(ctx, { slug: 'log-link' });
    // Not anonymous: an anonymous invitation wave's answers wait in held_responses, which the check below does not guard.
    const invitation = await workspaceWithWave(ctx, { slug: 'log-invitation', access: 'invitation', anonymous: false });
    const [inv] = (
      await invitation.agent.post(`${invitation.base}/waves/${invitation.wave.id}/invitations`).send({ count: 1 })
    ).body.invitations;
    const secret = `Geheimnis${crypto.randomUUID().replaceAll('-', '')}`;
    // A check the database holds to make the write fail the way a real fault would: PostgreSQL then
    // quotes the failing row, answers included, in the error's detail.
    await ctx.knex.raw(
      `alter table responses add constraint test_refuse_secret check (data->>'jointDetails' is distinct from '${secret}') not valid`,
    );
    try {
      const data = { ...validAnswers, jointDetails: secret };
      // A link wave's answers go through the batched statement, an invitation wave's through knex.
      const viaStatement = await request(app)
        .post(`/api/v1/public/waves/${link.wave.key}/responses`)
        .send({ id: crypto.randomUUID(), status: 'complete', data });
      const viaKnex = await request(app)
        .post(`/api/v1/public/waves/${invitation.wave.key}/responses`)
        .send({ id: crypto.randomUUID(), status: 'complete', data, token: inv.token });
      expect([viaStatement.status, viaKnex.status]).toEqual([500, 500]);
      expect(JSON.stringify([viaStatement.body, viaKnex.body])).not.toContain(secret);
    } finally {
      await ctx.knex.raw('alter table responses drop constraint test_refuse_secret');
    }
    const errors = lines
      .flatMap((l) => l.split('\n').filter(Boolean))
      .map((l) => JSON.parse(l) as { msg: string; err?: Record<string, unknown> })
      .filter((l) => l.err);
    expect(errors).toHaveLength(2);
    for (const line of errors) {
      // What finding the fault needs stays: the code and the constraint.
      expect(line.err).toMatchObject({ code: '23514', constraint: 'test_refuse_secret' });
      expect(line.err).not.toHaveProperty('detail');
      expect(line.err).not.toHaveProperty('where');
      expect(line.err).not.toHaveProperty('params');
    }
    expect(lines.join('')).not.toContain(secret);
  });
});

describe('the web app', () => {
  it('serves index.html for app routes (history fallback)', async () => {
    for (const p of ['/', '/login', '/w/netz/members', '/s/abc']) {
      const res = await request(ctx.app).get(p);
      expect(res.status, p).toBe(200);
      expect(res.text).toContain('Bilanz test shell');
    }
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const res = await request(ctx.app).get('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('compresses its files for browsers that accept it, and leaves API answers alone', async () => {
    const file = fs.readFileSync(path.join(webDir, 'assets', 'big-def456.js'));
    const server = http.createServer(ctx.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Raw bytes as they cross the wire (supertest would undo the compression).
    const raw = (p: string, encoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(
            {
              host: '127.0.0.1',
              port: (server.address() as AddressInfo).port,
              path: p,
              headers: { 'Accept-Encoding': encoding },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            },
          )
          .on('error', reject);
      });
    try {
      const gzipped = await raw('/assets/big-def456.js', 'gzip, deflate, br');
      expect(['gzip', 'br']).toContain(gzipped.headers['content-encoding']);
      expect(gzipped.headers['cache-control']).toContain('immutable');
      expect(gzipped.body.length).toBeLessThan(file.length / 5);
      const unpacked =
        gzipped.headers['content-encoding'] === 'br'
          ? zlib.brotliDecompressSync(gzipped.body)
          : zlib.gunzipSync(gzipped.body);
      expect(Buffer.compare(unpacked, file)).toBe(0);

      const plain = await raw('/assets/big-def456.js', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(Buffer.compare(plain.body, file)).toBe(0);

      const api = await raw('/api/v1/openapi.json', 'gzip');
      expect(api.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(api.body.toString('utf8')).openapi).toMatch(/^3\.1/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('same-origin rule for cookie writes', () => {
  it('refuses a cookie write from another origin and accepts our own', async () => {
    const { agent } = await adminWithWorkspace(ctx, 'origin-ws');
    const foreign = await agent
      .patch('/api/v1/workspaces/origin-ws')
      .set('Origin', 'https://evil.example')
      .send({ name: 'Hacked' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('cross_origin');

    const crossSite = await agent
      .patch('/api/v1/workspaces/origin-ws')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ name: 'Hacked' });
    expect(crossSite.status).toBe(403);

    const ws = await agent.get('/api/v1/workspaces/origin-ws');
    expect(ws.body.workspace.name).toBe('Stadtteilvernetzer');

    const own = await agent
      .patch('/api/v1/workspaces/origin-ws')
      .set('Origin', 'http://bilanz.test')
      .send({ name: 'Renamed' });
    expect(own.status).toBe(200);
    const noHeaders = await agent.patch('/api/v1/workspaces/origin-ws').send({ name: 'Renamed again' });
    expect(noHeaders.status).toBe(200);
  });

  it('refuses a cross-site login so no page can log a visitor into another account', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ email: 'a@b.org', password: 'x' });
    expect(res.status).toBe(403);
  });
});
