import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import {
  memberSurveyWorkspace,
  Organiser,
  requireBuild,
  startApi,
  throwawayDatabase,
  type ApiProcess,
} from './harness.js';

// Load on loopback against the built server on PostgreSQL (rate limit off):
// 200 connections for 30 s on the answering endpoint, then on the results
// endpoint. No errors, and exactly as many stored responses as 2xx answers.
// The p99 latencies are printed for the record; they are not asserted here
// (speed targets live in bench/). The results run starts cold: its first
// call reads every response the answering run stored, and the requests that
// arrive meanwhile wait for it, which is most of its p99.

const CONNECTIONS = 200;
const DURATION_S = Number(process.env.LOAD_DURATION ?? 30);

let db: Awaited<ReturnType<typeof throwawayDatabase>>;
let api: ApiProcess;
let org: Organiser;
let wave: { id: string; key: string };

beforeAll(async () => {
  requireBuild();
  db = await throwawayDatabase();
  api = await startApi({ DATABASE_URL: db.url });
  org = new Organiser(api.baseUrl);
  await org.login();
  const { newWave } = await memberSurveyWorkspace(org, 'last');
  wave = await newWave('Lasttest');
});
afterAll(async () => {
  await api?.process.stop('SIGKILL');
  await db?.drop();
});

describe(`load: ${CONNECTIONS} connections for ${DURATION_S} s`, () => {
  it('on the answering endpoint: no errors, and every 2xx is one stored response', async () => {
    const definition = JSON.parse(await readFile('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;
    const answers = Array.from({ length: 500 }, (_, i) => generateAnswers(definition, seededRandom(i)));
    let n = 0;
    const sent = new Map<string, string>();
    const acked = new Set<string>();
    const result = await autocannon({
      url: `${api.baseUrl}/api/v1/public/waves/${wave.key}/responses`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => {
            const id = randomUUID();
            const body = JSON.stringify({ id, status: 'complete', data: answers[n++ % answers.length] });
            sent.set(id, body);
            return { ...req, body };
          },
          onResponse: (status, body) => {
            if (status === 201) acked.add((JSON.parse(body) as { id: string }).id);
          },
        },
      ],
    });
    console.log(
      `load, answering: ${result['2xx']} responses stored in ${DURATION_S} s (${Math.round(result.requests.average)} req/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}`,
    );
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(acked.size).toBe(result['2xx']);
    expect(acked.size).toBeGreaterThan(0);

    const storedIds = async () =>
      new Set((await db.knex('responses').where({ wave_id: wave.id }).select('id')).map((r: { id: string }) => r.id));
    const stored = await storedIds();
    // Every acknowledged response is stored; beyond them only the requests
    // still in flight when the run stopped (their answers were cut off).
    for (const id of acked) expect(stored.has(id)).toBe(true);
    const inFlight = [...sent.keys()].filter((id) => !acked.has(id));
    expect(inFlight.length).toBeLessThanOrEqual(CONNECTIONS);
    for (const id of stored) expect(sent.has(id)).toBe(true);
    // Their clients retry the same request: 200 where it was stored (idempotent;
    // the server may still have been finishing it after the count above), 201 where not.
    for (const id of inFlight) {
      const res = await fetch(`${api.baseUrl}/api/v1/public/waves/${wave.key}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: sent.get(id),
      });
      expect(stored.has(id) ? [200] : [200, 201]).toContain(res.status);
      acked.add(id);
    }
    const finalStored = await storedIds();
    expect(finalStored.size).toBe(acked.size);
    for (const id of acked) expect(finalStored.has(id)).toBe(true);
  });

  it('on the results endpoint: no errors, and the figures match the stored responses', async () => {
    const cookie = await org.sessionCookie();
    const url = `${api.baseUrl}/api/v1/workspaces/last/waves/${wave.id}/results`;
    const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie } });
    console.log(
      `load, results: ${result['2xx']} answers in ${DURATION_S} s (${Math.round(result.requests.average)} req/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}`,
    );
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result['2xx']).toBeGreaterThan(0);
    const stored = Number(
      (await db.knex('responses').where({ wave_id: wave.id, status: 'complete' }).count({ n: '*' }))[0]!.n,
    );
    const results = await org.expect(200, 'GET', `/workspaces/last/waves/${wave.id}/results`);
    expect(results.responses.complete).toBe(stored);
  });
});
