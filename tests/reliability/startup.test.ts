import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type ServerProcess } from '../helpers/server-process.js';
import { ENTRY, requireBuild } from './harness.js';

// These start the real server process (the built dist/api/src/main.js) on
// the embedded database, as `npm start` does, whatever DATABASE_URL the
// suite runs with. Here rather than in `npm test`: six server starts with a
// fresh embedded database each, and a 12-second wait for a live lock, took
// over a minute of every `npm test`.
beforeAll(() => requireBuild());
const dirs: string[] = [];
const servers: ServerProcess[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'bilanz-start-'));
  dirs.push(d);
  return d;
};
const start = (env: Record<string, string | undefined>) => {
  const s = startServer({ DATABASE_URL: undefined, BILANZ_EXAMPLE: 'false', ...env }, ENTRY);
  servers.push(s);
  return s;
};

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGKILL')));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the server process', () => {
  it('migrates, prints its URL and a one-time setup link, and refuses a second server on the same data directory', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const first = start({ PORT: String(port), BILANZ_DATA_DIR: dataDir });
    const [, url] = await first.waitFor(/Bilanz is running at (\S+)/);
    expect(url).toBe(`http://localhost:${port}`);
    const [, setupUrl] = await first.waitFor(/Setup link \(one-time\): (\S+)/);
    expect(setupUrl).toMatch(new RegExp(`^http://localhost:${port}/setup#token=[A-Za-z0-9_-]{43}$`));
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'embedded' });
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(true);

    const second = start({ PORT: String(await freePort()), BILANZ_DATA_DIR: dataDir });
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain('is in use by another Bilanz server');

    // The setup link works, and after a restart the data is still there and no link is printed.
    const token = new URL(setupUrl!).hash.replace('#token=', '');
    const setup = await fetch(`http://127.0.0.1:${port}/api/v1/auth/setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, email: 'first@example.org', password: 'a long password' }),
    });
    expect(setup.status).toBe(201);
    expect(await first.stop()).toBe(0);

    const restarted = start({ PORT: String(port), BILANZ_DATA_DIR: dataDir });
    await restarted.waitFor(/Bilanz is running at/);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'first@example.org', password: 'a long password' }),
    });
    expect(login.status).toBe(200);
    expect(restarted.output()).not.toContain('Setup link');
    expect(await restarted.stop()).toBe(0);
    // The second server waits 12 s for a stale lock before it gives up.
  }, 90_000);

  it('creates the first admin from BILANZ_ADMIN_EMAIL and BILANZ_ADMIN_PASSWORD', async () => {
    const port = await freePort();
    const server = start({
      PORT: String(port),
      BILANZ_DATA_DIR: tempDir(),
      BILANZ_ADMIN_EMAIL: 'boss@example.org',
      BILANZ_ADMIN_PASSWORD: 'a long password',
    });
    await server.waitFor(/Bilanz is running at/);
    await server.waitFor(/Created the first admin boss@example.org/);
    expect(server.output()).not.toContain('Setup link');
    expect(server.output()).not.toContain('a long password');
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.org', password: 'a long password' }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()).user.isAdmin).toBe(true);
  });

  it('stops at boot with a message naming a bad variable', async () => {
    const server = start({ PORT: 'not-a-port', BILANZ_DATA_DIR: tempDir() });
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toMatch(/Invalid configuration:\s+PORT:/);
  });
});

describe('the example workspace at the first start', () => {
  it('is there, with the admin from BILANZ_ADMIN_EMAIL as its organiser, unless BILANZ_EXAMPLE=false', async () => {
    const port = await freePort();
    const server = start({
      PORT: String(port),
      BILANZ_DATA_DIR: tempDir(),
      BILANZ_EXAMPLE: 'true',
      BILANZ_ADMIN_EMAIL: 'admin@example.org',
      BILANZ_ADMIN_PASSWORD: 'a long enough password',
    });
    await server.waitFor(/Bilanz is running/);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'a long enough password' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const list = await fetch(`http://127.0.0.1:${port}/api/v1/workspaces`, { headers: { Cookie: cookie } });
    expect((await list.json()).workspaces).toEqual([
      expect.objectContaining({ slug: 'beispiel', role: 'organiser', example: true }),
    ]);
  });
});
