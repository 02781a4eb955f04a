/**
 * A large wave's response export, streamed: moved out of `npm test` into the
 * reliability suite (run once, on PostgreSQL, after the build) because it
 * writes 100,000 responses and takes a minute on each database.
 */
import fs from 'node:fs';
import http from 'node:http';
import v8 from 'node:v8';
import { setTimeout as sleep } from 'node:timers/promises';
import { runInNewContext } from 'node:vm';
import type { AddressInfo } from 'node:net';
import { parse as parseCsvStream } from 'csv-parse';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app.js';
import { workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const memberSurvey = JSON.parse(fs.readFileSync('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;

describe('streaming a large wave', () => {
  // 100,000 on PostgreSQL; the embedded PGlite (in this process, one connection) gets 50,000 to keep the run short.
  // Each response carries a long free-text answer, so that the file is large against what a batch or two in flight take.
  const ROWS = process.env.DATABASE_URL ? 100_000 : 50_000;

  /** Memory the export keeps alive, not garbage awaiting collection: a full collection before each sample. */
  function liveMemorySampler() {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      const m = process.memoryUsage();
      if (process.env.EXPORT_MEMORY_DEBUG)
        console.log(`heap ${(m.heapUsed / 1e6).toFixed(1)} MB, array buffers ${(m.arrayBuffers / 1e6).toFixed(1)} MB`);
      return m.heapUsed + m.arrayBuffers;
    };
    const before = live();
    let peak = before;
    // A full collection costs (it slows the export down a lot); every 2 s is enough to see a build-up.
    const timer = setInterval(() => (peak = Math.max(peak, live())), 2000);
    return () => {
      clearInterval(timer);
      return Math.max(peak, live()) - before;
    };
  }

  /** GETs a path on the running server, handing each chunk to `onData`; resolves when the body has ended. */
  function download(port: number, path: string, cookie: string, onData: (res: http.IncomingMessage) => Promise<void>) {
    return new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers: { cookie } }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
          onData(res).then(resolve, reject);
        })
        .on('error', reject);
    });
  }

  /** Counts the export's batch reads (keyset pages of a wave's complete responses) while it runs. */
  function batchReads() {
    let reads = 0;
    const onQuery = (q: { sql: string }) => {
      if (/order by "id" asc limit/i.test(q.sql) && q.sql.includes('"completed_on"')) reads++;
    };
    ctx.knex.on('query', onQuery);
    return { count: () => reads, stop: () => ctx.knex.off('query', onQuery) };
  }

  /**
   * Starts a download, takes its first chunk and then stops reading; once the
   * server has stopped reading too (no new batch for a second), reads the
   * rest. Returns the batches read while stalled, all batches, and the bytes.
   */
  async function stalledDownload(port: number, path: string, cookie: string) {
    const reads = batchReads();
    let readWhileStalled = 0;
    let bytes = 0;
    try {
      await download(port, path, cookie, async (res) => {
        // Paused inside the listener, so that no second chunk flows past unread.
        const first = await new Promise<Buffer>((resolve) =>
          res.once('data', (c: Buffer) => {
            res.pause();
            resolve(c);
          }),
        );
        bytes += first.length;
        for (let last = -1; reads.count() !== last;) {
          last = reads.count();
          await sleep(1000);
        }
        readWhileStalled = reads.count();
        for await (const c of res) bytes += (c as Buffer).length;
      });
      return { readWhileStalled, total: reads.count(), bytes };
    } finally {
      reads.stop();
    }
  }

  it(`exports ${ROWS.toLocaleString('en')} responses as CSV and XLSX streamed: the exact row count, reads that wait for the client, bounded memory`, async () => {
    const { wave, admin } = await workspaceWithWave(ctx, { slug: 'ex8', definition: memberSurvey });
    const random = seededRandom(2015);
    const pool = Array.from({ length: 500 }, (_, i) => ({
      ...generateAnswers(memberSurvey, random),
      finalComments: `${i}: ${'Mehr Austausch zwischen den Stadtteilen, bitte. '.repeat(12)}`,
    }));
    const inserting = performance.now();
    await ctx.knex.transaction(async (trx) => {
      await trx.raw('create temporary table export_pool (i int primary key, data jsonb not null) on commit drop');
      await trx('export_pool').insert(pool.map((data, i) => ({ i, data: JSON.stringify(data) })));
      await trx.raw(
        `insert into responses (id, wave_id, status, data, locale, started_on, updated_on, completed_on)
         select gen_random_uuid(), ?::uuid, 'complete', p.data, 'de', d, d, d
         from generate_series(1, ?::int) g
         join export_pool p on p.i = g % 500
         cross join lateral (select date '2015-05-01' + (g % 30) as d) day`,
        [wave.id, ROWS],
      );
      // A partial response in between must not be exported.
      await trx('responses').insert({
        id: crypto.randomUUID(),
        wave_id: wave.id,
        status: 'partial',
        data: JSON.stringify({ sector: 'civic' }),
        started_on: '2015-05-02',
        updated_on: '2015-05-02',
      });
    });

    console.log(`${ROWS} responses inserted in ${((performance.now() - inserting) / 1000).toFixed(1)} s`);
    const server = http.createServer(ctx.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const login = await request(server).post('/api/v1/auth/login').send({ email: admin.email, password: PASSWORD });
      const cookie = (login.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
      const path = `/api/v1/workspaces/ex8/waves/${wave.id}/export`;

      let stop = liveMemorySampler();
      let bytes = 0;
      let records = 0;
      let started = performance.now();
      await download(port, `${path}?format=csv`, cookie, async (res) => {
        res.on('data', (c: Buffer) => (bytes += c.length));
        // Parsed as it arrives and counted, nothing kept.
        for await (const _record of res.pipe(parseCsvStream({ bom: true })) as AsyncIterable<string[]>) records++;
      });
      let growth = stop();
      console.log(
        `CSV of ${ROWS} responses: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s; live memory grew by at most ${(growth / 1e6).toFixed(1)} MB`,
      );
      expect(records).toBe(ROWS + 1);
      // Holding the wave would take more than the file's size (rows as objects, several times it); streamed,
      // what stays alive is a batch or two in flight, whatever the wave's size.
      expect(bytes).toBeGreaterThan(ROWS * 800);
      // Memory is a fair measure only where the database lives in another process: the embedded
      // database of the tests keeps its files (and the WAL its reads may write) in this process's memory.
      if (ctx.db.kind === 'postgres') expect(growth).toBeLessThan(bytes / 4);

      // XLSX streams too (its round trip is checked above on a small wave; here only size and memory).
      stop = liveMemorySampler();
      let xlsxBytes = 0;
      started = performance.now();
      await download(port, `${path}?format=xlsx`, cookie, async (res) => {
        for await (const c of res) xlsxBytes += (c as Buffer).length;
      });
      growth = stop();
      console.log(
        `XLSX: ${(xlsxBytes / 1e6).toFixed(1)} MB (zipped) in ${((performance.now() - started) / 1000).toFixed(1)} s; live memory grew by at most ${(growth / 1e6).toFixed(1)} MB`,
      );
      expect(xlsxBytes).toBeGreaterThan(ROWS * 100);
      // The sheet's XML (about twice the CSV's bytes, 170 MB at 100,000 responses) passes through exceljs's
      // and the zip's buffers before it is compressed; what they hold at a time varies with the timing
      // (measured 10–57 MB on PostgreSQL at 100,000), always well below the sheet. The reads that wait for
      // the client (below) are the deterministic proof of streaming.
      if (ctx.db.kind === 'postgres') expect(growth).toBeLessThan(bytes);

      // Streaming, shown on both databases without measuring memory: a client that stops reading stops the
      // server reading the wave (after what the sockets' buffers hold), and the export then completes.
      const batches = Math.ceil(ROWS / 1000);
      for (const format of ['csv', 'xlsx']) {
        const stalled = await stalledDownload(port, `${path}?format=${format}`, cookie);
        console.log(
          `${format} with a client that stops reading: ${stalled.readWhileStalled} of ${stalled.total} batches read meanwhile`,
        );
        // Loopback sockets buffer a few megabytes (about 20 batches of XLSX here); a server that read
        // ahead regardless would have read every batch.
        expect(stalled.readWhileStalled).toBeLessThan(batches * 0.8);
        expect(stalled.total).toBe(batches + (ROWS % 1000 === 0 ? 1 : 0));
        if (format === 'csv') expect(stalled.bytes).toBe(bytes);
        else expect(stalled.bytes).toBeGreaterThan(ROWS * 100);
      }

      // A client that goes away mid-file ends the export; the server carries on serving.
      for (const format of ['csv', 'xlsx']) {
        await new Promise<void>((resolve, reject) => {
          const req = http.get(
            { host: '127.0.0.1', port, path: `${path}?format=${format}`, headers: { cookie } },
            (res) => {
              res.once('data', () => {
                req.destroy();
                resolve();
              });
            },
          );
          req.on('error', () => {});
          setTimeout(() => reject(new Error('no data')), 30_000);
        });
      }
      await new Promise((r) => setTimeout(r, 300));
      expect((await request(server).get('/healthz')).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 240_000);
});
