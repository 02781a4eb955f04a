/**
 * Keeps each wave's complete responses as typed columns (columns.ts) in this
 * process, current with the database before every results call:
 *
 * - Change feed: every response row carries the transaction that last wrote
 *   it (change_xid). Each call reads the rows written by transactions at or
 *   after the previous snapshot's xmin, and that xmin in the same statement.
 *   Every transaction below a snapshot's xmin has finished, so a row is never
 *   missed, even when a slow transaction commits after a faster one; rows
 *   read twice in that overlap are recognised by their id. Any process sees
 *   an answer in its next call once the answer's transaction has committed.
 * - Deletions (retention) raise waves.results_epoch; a process that sees a
 *   new epoch rebuilds the wave.
 * - Snapshots: the packed columns are saved (compressed) in result_snapshots
 *   after a full load and again as the wave grows, so that a restarted
 *   process reads one row instead of every response.
 * - Bounded: at most `maxWaves` waves are kept; the one asked for least
 *   recently is forgotten (and read again from its snapshot when asked for).
 *
 * docs/results.md records why this design was chosen, with measurements.
 */
import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import type { Db } from '../../../db/db-handle.js';
import type { WaveRow } from '../../../db/tables.js';
import type { JsonObject } from '../../questionnaires/definition-walk.js';
import { WaveColumns, type PackedHeader } from './columns.js';
import * as repo from './engine.repo.js';
import { LruMap } from './lru.js';

const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

/** Bumped when the packed layout changes: older snapshots are then ignored. */
const PACK_FORMAT = 3;

type WaveState = {
  columns: WaveColumns;
  /** The version the columns were built for. */
  layout: string;
  epoch: number;
  /** xmin of the last snapshot read: rows of transactions from here on are read again. */
  xmin: bigint;
  /** Ids already counted whose transaction is at or after xmin (may be read again). */
  recent: Map<string, bigint>;
  rowsAtSnapshot: number;
  /** The wave's catch-ups run one after another, so that rows are appended once. */
  queue: Promise<unknown>;
  /** A catch-up queued behind the running one and not started yet: callers arriving now share it. */
  waiting?: Promise<void>;
  savingSnapshot: boolean;
};

export type EngineOptions = {
  /** Save a snapshot once this many rows were added since the last one (and at least a quarter more). */
  snapshotAfterRows?: number;
  /** Rows per fetch when a wave is read in full. */
  fetchSize?: number;
  /** Waves kept in memory at once (least recently used are forgotten). */
  maxWaves?: number;
};

export class ResultsEngine {
  private readonly waves: LruMap<string, Promise<WaveState>>;
  private readonly snapshotAfterRows: number;
  private readonly fetchSize: number;
  /** Snapshot writes still running (tests and shutdown wait for them). */
  private readonly saving = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    options: EngineOptions = {},
  ) {
    this.snapshotAfterRows = options.snapshotAfterRows ?? 20_000;
    this.fetchSize = options.fetchSize ?? 5_000;
    this.waves = new LruMap(options.maxWaves ?? 100);
  }

  /** Ids of the waves held in memory, least recently used first (for tests). */
  heldWaves(): string[] {
    return this.waves.keys();
  }

  /** The wave's columns, with every response committed before this call. */
  async columns(
    wave: Pick<WaveRow, 'id' | 'questionnaire_id' | 'version' | 'results_epoch'>,
    definition: JsonObject,
  ): Promise<WaveColumns> {
    const layout = `${PACK_FORMAT}:${wave.questionnaire_id}:${wave.version}`;
    let pending = this.waves.get(wave.id);
    let state = pending ? await pending.catch(() => undefined) : undefined;
    if (!state || state.epoch !== wave.results_epoch || state.layout !== layout) {
      if (pending && this.waves.peek(wave.id) === pending) this.waves.delete(wave.id);
      pending = this.waves.get(wave.id) ?? this.start(wave.id, wave.results_epoch, layout, definition);
      state = await pending;
    }
    try {
      await this.caughtUp(wave.id, state);
    } catch (err) {
      // A catch-up that failed may have appended part of a row: never count from those columns again.
      if (this.waves.peek(wave.id) === pending) this.waves.delete(wave.id);
      throw err;
    }
    this.maybeSaveSnapshot(wave.id, state);
    return state.columns;
  }

  /**
   * Resolves once a catch-up that started after this call has finished, so
   * that every response committed before the call is in the columns. Many
   * concurrent callers share one catch-up that has not started yet instead
   * of queueing one each: under load a wave runs at most one catch-up and
   * has one more waiting, whatever the number of callers.
   */
  private caughtUp(waveId: string, state: WaveState): Promise<void> {
    if (state.waiting) return state.waiting;
    const run = state.queue.then(() => {
      state.waiting = undefined; // it starts now: later callers need the next one
      return this.catchUp(waveId, state);
    });
    state.waiting = run;
    state.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for snapshot writes in flight. */
  async idle(): Promise<void> {
    await Promise.all([...this.saving]);
  }

  private start(waveId: string, epoch: number, layout: string, definition: JsonObject): Promise<WaveState> {
    const loading = (async () =>
      (await this.fromSnapshot(waveId, epoch, layout, definition)) ??
      (await this.fullLoad(waveId, epoch, layout, definition)))();
    this.waves.set(waveId, loading);
    loading.catch(() => {
      if (this.waves.peek(waveId) === loading) this.waves.delete(waveId);
    });
    return loading;
  }

  /** Reads every complete response of the wave, in one consistent snapshot. */
  private async fullLoad(waveId: string, epoch: number, layout: string, definition: JsonObject): Promise<WaveState> {
    const columns = new WaveColumns(definition);
    const recent = new Map<string, bigint>();
    const xmin = await repo.readWaveInPages(this.db, waveId, this.fetchSize, (rows, snapshotXmin) => {
      for (const row of rows) {
        columns.append(row.data, row.completed_on);
        const xid = BigInt(row.xid);
        if (xid >= snapshotXmin) recent.set(row.id, xid);
      }
    });
    // rowsAtSnapshot 0: a wave read in full is saved at once (when big enough), so the next process need not read it again.
    return { columns, layout, epoch, xmin, recent, rowsAtSnapshot: 0, queue: Promise.resolve(), savingSnapshot: false };
  }

  /** Applies the rows written since the last call. */
  private async catchUp(waveId: string, state: WaveState): Promise<void> {
    const feed = await repo.readChangesSince(this.db, waveId, state.xmin);
    for (const row of feed.rows) {
      if (state.recent.has(row.id)) continue;
      state.columns.append(row.data, row.completed_on);
      state.recent.set(row.id, BigInt(row.xid));
    }
    if (feed.xmin > state.xmin) {
      state.xmin = feed.xmin;
      for (const [id, xid] of state.recent) if (xid < feed.xmin) state.recent.delete(id);
    }
  }

  private async fromSnapshot(
    waveId: string,
    epoch: number,
    layout: string,
    definition: JsonObject,
  ): Promise<WaveState | undefined> {
    const payload = await repo.findSnapshot(this.db, waveId, epoch);
    if (!payload) return undefined;
    const raw = await unpackChunks(payload);
    const headerLength = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as SnapshotHeader;
    if (header.layout !== layout) return undefined;
    const columns = WaveColumns.unpack(definition, header.columns, raw.subarray(4 + headerLength));
    const recent = new Map(header.recent.map(([id, xid]) => [id, BigInt(xid)]));
    return {
      columns,
      layout,
      epoch,
      xmin: BigInt(header.xmin),
      recent,
      rowsAtSnapshot: columns.rows,
      queue: Promise.resolve(),
      savingSnapshot: false,
    };
  }

  private maybeSaveSnapshot(waveId: string, state: WaveState): void {
    const added = state.columns.rows - state.rowsAtSnapshot;
    if (state.savingSnapshot || added < this.snapshotAfterRows || added < state.rowsAtSnapshot / 4) return;
    state.savingSnapshot = true;
    const saving = this.saveSnapshot(waveId, state)
      .catch((err: unknown) => process.emitWarning(`results snapshot of wave ${waveId} not saved: ${String(err)}`))
      .finally(() => {
        state.savingSnapshot = false;
        this.saving.delete(saving);
      });
    this.saving.add(saving);
  }

  /**
   * Packs the columns as they are now (synchronously, so that no row is
   * appended half-way) and stores them, compressed, off the event loop.
   */
  private async saveSnapshot(waveId: string, state: WaveState): Promise<void> {
    const { header: columns, buffers } = state.columns.pack();
    const header: SnapshotHeader = {
      layout: state.layout,
      xmin: state.xmin.toString(),
      recent: [...state.recent].map(([id, xid]) => [id, xid.toString()]),
      columns,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length, 0);
    const packed = Buffer.concat([
      length,
      headerBytes,
      ...buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
    ]);
    const rows = state.columns.rows;
    const payload = await packChunks(packed);
    await repo.saveSnapshot(this.db, waveId, state.epoch, rows, payload);
    state.rowsAtSnapshot = rows;
  }
}

/**
 * Compression in independent chunks: they are compressed and decompressed in
 * parallel on libuv's thread pool, which roughly halves the time a restarted
 * process waits for a big wave. Layout: chunk count, each chunk's length, chunks.
 */
const CHUNK = 4 * 1024 * 1024;

async function packChunks(raw: Buffer): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let at = 0; at < raw.length; at += CHUNK) parts.push(raw.subarray(at, at + CHUNK));
  const compressed = await Promise.all(parts.map((p) => deflateAsync(p, { level: 1 })));
  const index = Buffer.alloc(4 + 4 * compressed.length);
  index.writeUInt32LE(compressed.length, 0);
  compressed.forEach((c, i) => index.writeUInt32LE(c.length, 4 + 4 * i));
  return Buffer.concat([index, ...compressed]);
}

async function unpackChunks(payload: Uint8Array): Promise<Buffer> {
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const count = buf.readUInt32LE(0);
  const parts: Buffer[] = [];
  let at = 4 + 4 * count;
  for (let i = 0; i < count; i++) {
    const length = buf.readUInt32LE(4 + 4 * i);
    parts.push(buf.subarray(at, at + length));
    at += length;
  }
  return Buffer.concat(await Promise.all(parts.map((p) => inflateAsync(p))));
}

type SnapshotHeader = { layout: string; xmin: string; recent: Array<[string, string]>; columns: PackedHeader };
