/**
 * Results at scale: 1,000,000 complete member-survey responses generated in
 * PostgreSQL in the app's own schema, then the wave's results through the
 * HTTP endpoint, unfiltered and with one answer filter (median of 7), beside
 * a naive jsonb GROUP BY over the same rows (median of 3: it is slow), and
 * the first call after a restart, and 50 concurrent clients for 10 s. Then
 * the embedded database at 100,000.
 * Goals: ≤ 50 ms unfiltered, ≤ 150 ms filtered at 1M; first call after a
 * restart ≤ 2 s.
 *
 *   npm run bench -- results         (BENCH_RESULTS_ROWS and BENCH_EMBEDDED_ROWS change the sizes)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import knexFactory, { type Knex } from 'knex';
import { openDatabase } from '../api/src/db/database.js';
import type { JsonObject } from '../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../tests/fixtures/answer-generator.js';
import { freePort, startServer, type ServerProcess } from '../tests/helpers/server-process.js';
import { ApiClient, openMemberSurveyWave } from './lib/client.js';
import { createBenchDatabase } from './lib/postgres.js';

const ROWS = Number(process.env.BENCH_RESULTS_ROWS ?? 1_000_000);
const EMBEDDED_ROWS = Number(process.env.BENCH_EMBEDDED_ROWS ?? 100_000);
const ADMIN = { email: 'bench@example.org', password: 'benchmark password' };
const ENTRY = 'dist/api/src/main.js';
const FILTER = 'sector:nonprofit';

const definition = JSON.parse(fs.readFileSync('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

/**
 * Inserts `rows` complete responses into the wave: 2,000 distinct valid
 * answer sets from the test generator, repeated, completed over 30 days.
 */
async function generateResponses(knex: Knex, waveId: string, rows: number): Promise<void> {
  const random = seededRandom(2015);
  const pool = Array.from({ length: 2000 }, () => generateAnswers(definition, random));
  await knex.transaction(async (trx) => {
    await trx.raw('create temporary table bench_pool (i int primary key, data jsonb not null) on commit drop');
    for (let i = 0; i < pool.length; i += 500) {
      await trx('bench_pool').insert(
        pool.slice(i, i + 500).map((data, k) => ({ i: i + k, data: JSON.stringify(data) })),
      );
    }
    await trx.raw(
      `insert into responses (id, wave_id, status, data, locale, started_on, updated_on, completed_on)
       select gen_random_uuid(), ?::uuid, 'complete', p.data, 'de', d, d, d
       from generate_series(1, ?::int) g
       join bench_pool p on p.i = g % 2000
       cross join lateral (select date '2015-05-01' + (g % 30) as d) day`,
      [waveId, rows],
    );
  });
  await knex.raw('analyze responses');
}

type Timings = { first: number; unfiltered: number[]; filtered: number[]; n: number; nFiltered: number };

/** First call, then 7 unfiltered and 7 filtered calls through HTTP. */
async function measure(client: ApiClient, waveId: string): Promise<Timings> {
  const path = `/api/v1/workspaces/bench/waves/${waveId}/results`;
  const [first, body] = await timed(() => client.call<{ n: number }>('GET', path));
  const unfiltered: number[] = [];
  const filtered: number[] = [];
  let nFiltered = 0;
  for (let i = 0; i < 7; i++) {
    unfiltered.push((await timed(() => client.call('GET', path)))[0]);
    const [t, f] = await timed(() => client.call<{ n: number }>('GET', `${path}?where=${FILTER}`));
    filtered.push(t);
    nFiltered = f.n;
  }
  return { first, unfiltered, filtered, n: body.n, nFiltered };
}

/** Waits until the server has saved the wave's snapshot (it does so after a full load, off the request path). */
async function waitForSnapshot(knex: Knex, waveId: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const row = await knex('result_snapshots').where({ wave_id: waveId }).first('rows');
    if (row) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no snapshot was saved');
}

async function startBilanz(env: Record<string, string | undefined>): Promise<{ server: ServerProcess; url: string }> {
  const port = await freePort();
  const server = startServer(
    {
      PORT: String(port),
      BILANZ_RATE_LIMIT: 'off',
      BILANZ_EXAMPLE: 'false',
      BILANZ_ADMIN_EMAIL: ADMIN.email,
      BILANZ_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      ...env,
    },
    ENTRY,
  );
  await server.waitFor(/Bilanz is running/, 120_000);
  return { server, url: `http://127.0.0.1:${port}` };
}

async function loggedIn(url: string): Promise<ApiClient> {
  const client = new ApiClient(url);
  await client.call('POST', '/api/v1/auth/login', ADMIN);
  return client;
}

function report(label: string, t: Timings, restartFirst: number): void {
  console.log(`  ${label}: n = ${t.n}, filtered (${FILTER}) n = ${t.nFiltered}`);
  console.log(`    first call, reading every response:  ${ms(t.first)}`);
  console.log(
    `    unfiltered, median of 7:             ${ms(median(t.unfiltered))}   [${t.unfiltered.map(ms).join(', ')}]   goal ≤ 50 ms`,
  );
  console.log(
    `    one answer filter, median of 7:      ${ms(median(t.filtered))}   [${t.filtered.map(ms).join(', ')}]   goal ≤ 150 ms`,
  );
  console.log(`    first call after a restart:          ${ms(restartFirst)}   goal ≤ 2 s`);
}

async function naive(knex: Knex, waveId: string): Promise<{ unfiltered: number; filtered: number }> {
  const groupBy = (extra: string) =>
    knex.raw(
      `select e.key, e.value, count(*)::int as n
       from responses r, jsonb_each(r.data) e
       where r.wave_id = ? and r.status = 'complete' ${extra}
       group by e.key, e.value`,
      [waveId],
    );
  const unfiltered: number[] = [];
  const filtered: number[] = [];
  for (let i = 0; i < 3; i++) {
    unfiltered.push((await timed(() => groupBy('')))[0]);
    filtered.push((await timed(() => groupBy(`and r.data->>'sector' = 'nonprofit'`)))[0]);
  }
  return { unfiltered: median(unfiltered), filtered: median(filtered) };
}

async function postgres(): Promise<void> {
  const db = await createBenchDatabase('bilanz_bench_results');
  const knex = knexFactory({ client: 'pg', connection: db.url, pool: { min: 0, max: 2 } });
  let bilanz: ServerProcess | undefined;
  try {
    const started = await startBilanz({ DATABASE_URL: db.url });
    bilanz = started.server;
    const { waveId } = await openMemberSurveyWave(started.url, ADMIN);
    const [generation] = await timed(() => generateResponses(knex, waveId, ROWS));
    console.log(
      `PostgreSQL, ${ROWS.toLocaleString('en')} member-survey responses (generated in ${(generation / 1000).toFixed(1)} s)`,
    );
    const organiser = await loggedIn(started.url);
    const timings = await measure(organiser, waveId).catch((err: unknown) => {
      console.error(bilanz?.output());
      throw err;
    });
    const load = await autocannon({
      url: `${started.url}/api/v1/workspaces/bench/waves/${waveId}/results`,
      connections: 50,
      duration: 10,
      headers: { cookie: organiser.cookieHeader },
    });
    await waitForSnapshot(knex, waveId);
    await bilanz.stop();
    const again = await startBilanz({ DATABASE_URL: db.url });
    bilanz = again.server;
    const client = await loggedIn(again.url);
    const [restartFirst] = await timed(() => client.call('GET', `/api/v1/workspaces/bench/waves/${waveId}/results`));
    report('Bilanz', timings, restartFirst);
    console.log(
      `    50 concurrent clients for 10 s:      ${Math.round(load.requests.average)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, errors ${load.errors + load.non2xx}`,
    );
    const plain = await naive(knex, waveId);
    console.log(
      `  naive jsonb_each GROUP BY in PostgreSQL, median of 3: unfiltered ${ms(plain.unfiltered)}, filtered ${ms(plain.filtered)}`,
    );
  } finally {
    await bilanz?.stop();
    await knex.destroy();
    await db.drop();
  }
}

async function embedded(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilanz-bench-results-'));
  let bilanz: ServerProcess | undefined;
  try {
    const started = await startBilanz({ DATABASE_URL: undefined, BILANZ_DATA_DIR: dir });
    bilanz = started.server;
    const { waveId } = await openMemberSurveyWave(started.url, ADMIN);
    await bilanz.stop();
    // The server holds the data directory's lock: the rows go in while it is stopped.
    const database = await openDatabase({ kind: 'embedded', dataDir: dir });
    const [generation] = await timed(() => generateResponses(database.knex, waveId, EMBEDDED_ROWS));
    await database.close();
    console.log(
      `Embedded database (PGlite), ${EMBEDDED_ROWS.toLocaleString('en')} responses (generated in ${(generation / 1000).toFixed(1)} s)`,
    );
    const again = await startBilanz({ DATABASE_URL: undefined, BILANZ_DATA_DIR: dir });
    bilanz = again.server;
    const timings = await measure(await loggedIn(again.url), waveId);
    // The snapshot is saved off the request path; give it time before the restart.
    await new Promise((r) => setTimeout(r, 3000));
    await bilanz.stop();
    const third = await startBilanz({ DATABASE_URL: undefined, BILANZ_DATA_DIR: dir });
    bilanz = third.server;
    const client = await loggedIn(third.url);
    const [restartFirst] = await timed(() => client.call('GET', `/api/v1/workspaces/bench/waves/${waveId}/results`));
    report('Bilanz', timings, restartFirst);
  } finally {
    await bilanz?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (!fs.existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
await postgres();
await embedded();
