/**
 * Ingestion: complete, valid member-survey responses posted over HTTP to
 * Bilanz (full validation, idempotency, durable before 201) and to a bare
 * Express endpoint (parse + one single-row INSERT) on the same PostgreSQL, at
 * 10 and 50 concurrent connections, alternating, in one run. Prints rates,
 * p99 latencies and the ratio Bilanz / bare (goal ≥ 1.0). Then the embedded
 * database (PGlite) on its own.
 *
 *   npm run bench -- ingest        (PostgreSQL from BENCH_DATABASE_URL or DATABASE_URL, else 127.0.0.1:5432/test)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import knexFactory from 'knex';
import { freePort, startServer, type ServerProcess } from '../tests/helpers/server-process.js';
import { generateAnswers, seededRandom } from '../tests/fixtures/answer-generator.js';
import type { JsonObject } from '../api/src/modules/questionnaires/definition-walk.js';
import { openMemberSurveyWave } from './lib/client.js';
import { createBenchDatabase } from './lib/postgres.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ADMIN = { email: 'bench@example.org', password: 'benchmark password' };
const ENTRY = 'dist/api/src/main.js';

const definition = JSON.parse(fs.readFileSync('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;
const random = seededRandom(7);
const answerPool = Array.from({ length: 2000 }, () => generateAnswers(definition, random));
let next = 0;
/** A fresh, valid, complete response body (new id each time). */
const nextBody = () =>
  JSON.stringify({
    id: crypto.randomUUID(),
    status: 'complete',
    locale: 'de',
    data: answerPool[next++ % answerPool.length],
  });

type Run = { rate: number; p99: number; ok: number; errors: number };

async function load(url: string, connections: number, duration = DURATION_S): Promise<Run> {
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: nextBody() }),
      },
    ],
  });
  return {
    rate: result.requests.average,
    p99: result.latency.p99,
    ok: result['2xx'],
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

function startBare(databaseUrl: string, port: number): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}

const fmt = (r: Run) =>
  `${r.rate.toFixed(0).padStart(6)} req/s  p99 ${String(r.p99).padStart(4)} ms  (${r.ok} ok, ${r.errors} errors)`;

async function postgres(): Promise<void> {
  const db = await createBenchDatabase('bilanz_bench_ingest');
  let bilanz: ServerProcess | undefined;
  let bare: ReturnType<typeof spawn> | undefined;
  try {
    const port = await freePort();
    bilanz = startServer(
      {
        DATABASE_URL: db.url,
        PORT: String(port),
        BILANZ_RATE_LIMIT: 'off',
        BILANZ_EXAMPLE: 'false',
        BILANZ_ADMIN_EMAIL: ADMIN.email,
        BILANZ_ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'warn',
      },
      ENTRY,
    );
    await bilanz.waitFor(/Bilanz is running/);
    const { key, waveId } = await openMemberSurveyWave(`http://127.0.0.1:${port}`, ADMIN);
    const barePort = await freePort();
    bare = await startBare(db.url, barePort);
    const bilanzUrl = `http://127.0.0.1:${port}/api/v1/public/waves/${key}/responses`;
    const bareUrl = `http://127.0.0.1:${barePort}/api/v1/public/waves/${key}/responses`;

    // Warm both up (JIT, caches, connection pools).
    await load(bareUrl, 10, 2);
    await load(bilanzUrl, 10, 2);

    console.log(
      `PostgreSQL, member survey (${Object.keys(answerPool[0]!).length}+ answers per response), ${DURATION_S} s per run, ${ROUNDS} alternating rounds`,
    );
    let bilanzOk = 0;
    for (const connections of [10, 50]) {
      const bareRuns: Run[] = [];
      const bilanzRuns: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        bareRuns.push(await load(bareUrl, connections));
        const b = await load(bilanzUrl, connections);
        bilanzRuns.push(b);
      }
      const mean = (rs: Run[]): Run => ({
        rate: rs.reduce((s, r) => s + r.rate, 0) / rs.length,
        p99: Math.max(...rs.map((r) => r.p99)),
        ok: rs.reduce((s, r) => s + r.ok, 0),
        errors: rs.reduce((s, r) => s + r.errors, 0),
      });
      const bareMean = mean(bareRuns);
      const bilanzMean = mean(bilanzRuns);
      console.log(`  ${String(connections).padStart(2)} connections  bare:   ${fmt(bareMean)}`);
      console.log(`                  Bilanz: ${fmt(bilanzMean)}`);
      console.log(`                  ratio Bilanz/bare: ${(bilanzMean.rate / bareMean.rate).toFixed(2)}`);
    }
    // Every acknowledged response must be stored exactly once.
    const knex = knexFactory({ client: 'pg', connection: db.url });
    const stored = (
      await knex('responses').where({ wave_id: waveId, status: 'complete' }).count<{ n: number }[]>({ n: '*' })
    )[0]!;
    bilanzOk = Number(stored.n);
    await knex.destroy();
    console.log(`  stored complete responses: ${bilanzOk}`);
  } finally {
    await bilanz?.stop();
    bare?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await db.drop();
  }
}

async function embedded(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilanz-bench-ingest-'));
  const port = await freePort();
  const server = startServer(
    {
      DATABASE_URL: undefined,
      BILANZ_DATA_DIR: dir,
      PORT: String(port),
      BILANZ_RATE_LIMIT: 'off',
      BILANZ_EXAMPLE: 'false',
      BILANZ_ADMIN_EMAIL: ADMIN.email,
      BILANZ_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    },
    ENTRY,
  );
  try {
    await server.waitFor(/Bilanz is running/);
    const { key } = await openMemberSurveyWave(`http://127.0.0.1:${port}`, ADMIN);
    const url = `http://127.0.0.1:${port}/api/v1/public/waves/${key}/responses`;
    await load(url, 10, 2);
    console.log('Embedded database (PGlite)');
    for (const connections of [10, 50])
      console.log(`  ${String(connections).padStart(2)} connections  Bilanz: ${fmt(await load(url, connections))}`);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (!fs.existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
await postgres();
await embedded();
