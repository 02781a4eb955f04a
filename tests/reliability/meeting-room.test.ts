import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryLaterStatus, MAX_COMPLETE_TRIES, parseRetryAfter, retryDelayMs } from '../../web/src/api/retry.js';
import {
  memberSubmissions,
  memberSurveyWorkspace,
  Organiser,
  requireBuild,
  sleep,
  startApi,
  throwawayDatabase,
  type ApiProcess,
  type Submission,
} from './harness.js';

// A strategy session answers the member survey together: 80 members on the
// venue's Wi-Fi, so every request comes from one address, with the public
// rate limits on at their defaults. Each member opens the wave, answers
// question after question (the page autosaves after each answer) and
// completes. Nobody may be refused (no 429, no 5xx) and every completion is
// stored with exactly its answers. Meanwhile one client floods its own
// response id: it, and only it, gets 429.
//
// A real meeting's pace is one answer every 5 to 15 seconds with arrivals
// over the first minute; the test runs at MEETING_PACE times that (4 by
// default, so about a minute), which sends four times the requests a minute
// the limits see at real pace.

const MEMBERS = 80;
const PACE = Number(process.env.MEETING_PACE ?? 4);
const REAL_ARRIVAL_SPREAD_MS = 60_000;
const REAL_ANSWER_GAP_MS = { min: 5_000, max: 15_000 };
const SAVES_PER_MEMBER = 12;
const FLOOD_PER_SECOND = 20;

type Tally = { requests: number; refused: Array<{ status: number; what: string }>; retried: number };

let db: Awaited<ReturnType<typeof throwawayDatabase>>;
let api: ApiProcess;
let wave: { id: string; key: string };

beforeAll(async () => {
  requireBuild();
  db = await throwawayDatabase();
  // BILANZ_RATE_LIMIT on and no limit set: the defaults a network runs with.
  api = await startApi({ DATABASE_URL: db.url, BILANZ_RATE_LIMIT: 'on' });
  const org = new Organiser(api.baseUrl);
  await org.login();
  const { newWave } = await memberSurveyWorkspace(org, 'strategie');
  wave = await newWave('Strategiesitzung');
});
afterAll(async () => {
  await api?.process.stop('SIGKILL');
  await db?.drop();
});

const between = (min: number, max: number) => min + Math.random() * (max - min);

/**
 * One request as the answering page sends it: refused for now (429, 503), it
 * is sent again after Retry-After and the page's back-off (web/src/api/retry.ts).
 * Every refusal is tallied; the test expects none.
 */
async function send(tally: Tally, what: string, url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    tally.requests++;
    const res = await fetch(url, init);
    if (res.ok) return res;
    tally.refused.push({ status: res.status, what });
    if (!isRetryLaterStatus(res.status) || attempt + 1 >= MAX_COMPLETE_TRIES) return res;
    await res.arrayBuffer();
    tally.retried++;
    await sleep(retryDelayMs({ retryAfterSeconds: parseRetryAfter(res.headers.get('Retry-After')), attempt }) / PACE);
  }
}

/** How many answers each autosave holds: about SAVES_PER_MEMBER steps up to all but the last (which the completion sends). */
function saveSteps(sub: Submission): number[] {
  const count = Object.keys(sub.data).length;
  const perSave = Math.max(1, Math.ceil(count / SAVES_PER_MEMBER));
  const steps: number[] = [];
  for (let answered = perSave; answered < count; answered += perSave) steps.push(answered);
  return steps;
}

/** One member: opens the wave, saves after each answer, and completes. */
async function member(sub: Submission, tally: Tally): Promise<void> {
  await sleep(between(0, REAL_ARRIVAL_SPREAD_MS) / PACE);
  // A refusal is tallied by send() and fails the test at the end, with the tally in view.
  const opened = await send(tally, 'open', `${api.baseUrl}/api/v1/public/waves/${wave.key}`);
  await opened.arrayBuffer();

  const post = (data: Record<string, unknown>, status: 'partial' | 'complete') =>
    send(tally, status, `${api.baseUrl}/api/v1/public/waves/${wave.key}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'de' },
      body: JSON.stringify({ id: sub.id, data, status, locale: 'de' }),
    });
  const keys = Object.keys(sub.data);
  for (const answered of saveSteps(sub)) {
    await sleep(between(REAL_ANSWER_GAP_MS.min, REAL_ANSWER_GAP_MS.max) / PACE);
    const partial = Object.fromEntries(keys.slice(0, answered).map((k) => [k, sub.data[k]]));
    const saved = await post(partial, 'partial');
    await saved.arrayBuffer();
  }
  await sleep(between(REAL_ANSWER_GAP_MS.min, REAL_ANSWER_GAP_MS.max) / PACE);
  const completed = await post(sub.data, 'complete');
  if (completed.ok) expect(await completed.json()).toEqual({ id: sub.id, status: 'complete' });
  else await completed.arrayBuffer();
}

/** One client sends its own response id as fast as FLOOD_PER_SECOND allows until `stop` resolves; returns its statuses. */
async function flood(stop: Promise<void>): Promise<number[]> {
  const id = randomUUID();
  const statuses: number[] = [];
  let stopped = false;
  void stop.then(() => (stopped = true));
  while (!stopped) {
    const res = await fetch(`${api.baseUrl}/api/v1/public/waves/${wave.key}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id, data: {}, status: 'partial' }),
    });
    statuses.push(res.status);
    await res.arrayBuffer();
    await sleep(1000 / FLOOD_PER_SECOND);
  }
  return statuses;
}

describe(`a meeting room: ${MEMBERS} members behind one address at ${PACE}× a real meeting's pace, rate limits on`, () => {
  it('refuses nobody, loses nothing, and refuses only the client that floods its own response id', async () => {
    const subs = await memberSubmissions(MEMBERS, 14);
    const tally: Tally = { requests: 0, refused: [], retried: 0 };
    const started = performance.now();
    const room = Promise.all(subs.map((sub) => member(sub, tally)));
    // The flood ends when the room is done, whether it succeeded or not.
    const roomDone = room.then(
      () => undefined,
      () => undefined,
    );
    const flooded = flood(roomDone);
    await roomDone;
    const flooderStatuses = await flooded;
    await room;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `meeting room: ${MEMBERS} members, ${tally.requests} requests in ${seconds.toFixed(0)} s (${Math.round((tally.requests / seconds) * 60)} a minute from one address), ` +
        `${tally.refused.length} refused; the flooder sent ${flooderStatuses.length}, ${flooderStatuses.filter((s) => s === 429).length} got 429`,
    );

    expect(tally.refused, 'no member is refused, neither 429 nor 5xx').toEqual([]);
    // Each member sent exactly what it planned: opening, one save per step, the completion; nothing twice.
    const planned = subs.reduce((n, sub) => n + 2 + saveSteps(sub).length, 0);
    expect(tally.requests).toBe(planned);
    expect(tally.retried).toBe(0);

    // Every completion is stored once, with exactly its answers.
    const rows = await db
      .knex('responses')
      .where({ wave_id: wave.id })
      .select<Array<{ id: string; status: string; data: unknown }>>('id', 'status', 'data');
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const sub of subs) {
      expect(byId.get(sub.id)?.status, sub.id).toBe('complete');
      expect(byId.get(sub.id)?.data, sub.id).toEqual(sub.data);
    }
    expect(rows.filter((r) => r.status === 'complete')).toHaveLength(MEMBERS);

    // The flooder's own id ran into its limit (180 a minute by default) and nothing else did.
    expect(flooderStatuses.length).toBeGreaterThan(200);
    expect(flooderStatuses.slice(0, 150).every((s) => s === 200 || s === 201)).toBe(true);
    expect(flooderStatuses).toContain(429);
    expect(flooderStatuses.every((s) => s === 200 || s === 201 || s === 429)).toBe(true);
  });
});
