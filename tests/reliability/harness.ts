import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import { freePort, startServer, type ServerProcess } from '../helpers/server-process.js';

// Plumbing for the reliability tests: the built server as a child process
// (so it can be killed with SIGKILL), a throwaway PostgreSQL database, and a
// member-survey wave to answer.

export const ENTRY = 'dist/api/src/main.js';
export const ADMIN = { email: 'durability@example.org', password: 'ein-langes-passwort' };

/** Where the PostgreSQL server is: the suite's DATABASE_URL, or the local one CI provides. */
export const adminDatabaseUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function requireBuild(): void {
  if (!existsSync(path.resolve(ENTRY)))
    throw new Error(`${ENTRY} is missing: run \`npm run build\` before the reliability tests`);
}

/** A new, empty database on the PostgreSQL server, dropped by `drop()`. */
export async function throwawayDatabase(): Promise<{ url: string; knex: Knex; drop(): Promise<void> }> {
  const name = `bilanz_rel_${randomBytes(5).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: adminDatabaseUrl(), pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [name]);
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 2 } });
  return {
    url: url.toString(),
    knex,
    async drop() {
      await knex.destroy();
      await admin.raw('drop database if exists ?? with (force)', [name]);
      await admin.destroy();
    },
  };
}

export type ApiProcess = { baseUrl: string; port: number; process: ServerProcess };

/** Starts the built server on `port` and waits until /healthz answers. */
export async function startApi(env: Record<string, string | undefined>, port?: number): Promise<ApiProcess> {
  const p = port ?? (await freePort());
  const proc = startServer(
    {
      PORT: String(p),
      BILANZ_EXAMPLE: 'false',
      BILANZ_ADMIN_EMAIL: ADMIN.email,
      BILANZ_ADMIN_PASSWORD: ADMIN.password,
      BILANZ_RATE_LIMIT: 'off',
      DATABASE_URL: undefined,
      ...env,
    },
    ENTRY,
  );
  const baseUrl = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`server exited (${proc.child.exitCode}):\n${proc.output()}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return { baseUrl, port: p, process: proc };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await proc.stop('SIGKILL');
      throw new Error(`server did not become healthy:\n${proc.output()}`);
    }
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Logs in as the configured admin and keeps the session cookie. */
export class Organiser {
  private cookie = '';
  constructor(public baseUrl: string) {}

  async call(method: string, apiPath: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.baseUrl}/api/v1${apiPath}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(this.cookie && { Cookie: this.cookie }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async expect(status: number, method: string, apiPath: string, body?: unknown): Promise<any> {
    const res = await this.call(method, apiPath, body);
    if (res.status !== status)
      throw new Error(`${method} ${apiPath}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** The session cookie (`name=value`) for other clients, e.g. autocannon. */
  async sessionCookie(): Promise<string> {
    if (!this.cookie) await this.login();
    return this.cookie;
  }

  async login(): Promise<void> {
    await this.expect(200, 'POST', '/auth/login', ADMIN);
  }
}

/** A workspace with the member survey published; returns a function that opens a new link wave. */
export async function memberSurveyWorkspace(
  org: Organiser,
  ws: string,
): Promise<{ newWave: (title: string) => Promise<{ id: string; key: string }> }> {
  await org.expect(201, 'POST', '/workspaces', { slug: ws, name: 'Zuverlässigkeit' });
  await org.expect(201, 'POST', `/workspaces/${ws}/questionnaires`, {
    slug: 'mitglieder',
    template: 'mitgliederumfrage',
  });
  await org.expect(201, 'POST', `/workspaces/${ws}/questionnaires/mitglieder/publish`, {});
  return {
    newWave: (title) =>
      org.expect(201, 'POST', `/workspaces/${ws}/waves`, {
        questionnaire: 'mitglieder',
        version: 1,
        title,
        access: 'link',
      }),
  };
}

export type Submission = { id: string; data: Record<string, unknown> };

/** `count` valid complete responses of the member survey, each with its own id. */
export async function memberSubmissions(count: number, seed: number): Promise<Submission[]> {
  const definition = JSON.parse(await readFile('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    data: generateAnswers(definition, seededRandom(seed * 100_000 + i)),
  }));
}
