import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWithWorkspace, createTestContext, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
let webDir: string;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilanz-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Bilanz test shell</title>');
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(webDir, 'assets', 'big-def456.js'), `const text = ${JSON.stringify('Bilanz ziehen. '.repeat(2000))};`);
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
    const res = await request(ctx.app).post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
  });

  it('refuses a JSON body that is not an object', async () => {
    const res = await request(ctx.app).post('/api/v1/auth/login').set('Content-Type', 'application/json').send('"just a string"');
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
    const res = await request(ctx.app).post('/api/v1/auth/login').send({ email: 'a@b.org', password: 'x', admin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknown_field');
    expect(res.body.error.details.fields).toEqual(['admin']);
  });

  it('refuses wrong types with 400 invalid_request and details', async () => {
    const res = await request(ctx.app).post('/api/v1/auth/login').send({ email: 42, password: ['x'] });
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
          .get({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: p, headers: { 'Accept-Encoding': encoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    try {
      const gzipped = await raw('/assets/big-def456.js', 'gzip, deflate, br');
      expect(['gzip', 'br']).toContain(gzipped.headers['content-encoding']);
      expect(gzipped.headers['cache-control']).toContain('immutable');
      expect(gzipped.body.length).toBeLessThan(file.length / 5);
      const unpacked = gzipped.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(gzipped.body) : zlib.gunzipSync(gzipped.body);
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
    const foreign = await agent.patch('/api/v1/workspaces/origin-ws').set('Origin', 'https://evil.example').send({ name: 'Hacked' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('cross_origin');

    const crossSite = await agent.patch('/api/v1/workspaces/origin-ws').set('Sec-Fetch-Site', 'cross-site').send({ name: 'Hacked' });
    expect(crossSite.status).toBe(403);

    const ws = await agent.get('/api/v1/workspaces/origin-ws');
    expect(ws.body.workspace.name).toBe('Stadtteilvernetzer');

    const own = await agent.patch('/api/v1/workspaces/origin-ws').set('Origin', 'http://bilanz.test').send({ name: 'Renamed' });
    expect(own.status).toBe(200);
    const noHeaders = await agent.patch('/api/v1/workspaces/origin-ws').send({ name: 'Renamed again' });
    expect(noHeaders.status).toBe(200);
  });

  it('refuses a cross-site login so no page can log a visitor into another account', async () => {
    const res = await request(ctx.app).post('/api/v1/auth/login').set('Origin', 'https://evil.example').send({ email: 'a@b.org', password: 'x' });
    expect(res.status).toBe(403);
  });
});
