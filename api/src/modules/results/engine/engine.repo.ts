/**
 * The results engine's SQL: the change feed, the full read of a wave and the
 * saved snapshots. Every value travels as a bind parameter.
 */
import type { Db } from '../../../db/db-handle.js';
import { tables } from '../../../db/tables.js';

/** One complete response as the engine reads it (the transaction id as text: xid8 exceeds a JS number). */
export type ResponseFeedRow = {
  id: string;
  xid: string;
  data: Record<string, unknown>;
  completed_on: string | null;
};

const feedColumns = (db: Db) => [
  'id',
  db.raw('change_xid::text as xid'),
  'data',
  db.raw('completed_on::text as completed_on'),
];

/**
 * Reads every complete response of a wave in one consistent snapshot (a
 * repeatable-read transaction), page by page in the order of their ids
 * (keyset paging on the index `wave_id, status, id`), handing each page to
 * `onPage` with the snapshot's xmin. Returns the snapshot's xmin: every transaction below it had
 * finished, so the change feed goes on from there.
 */
export async function readWaveInPages(
  db: Db,
  waveId: string,
  pageSize: number,
  onPage: (rows: ResponseFeedRow[], xmin: bigint) => void,
): Promise<bigint> {
  return db.transaction(
    async (trx) => {
      const snap = await trx.raw<{
        rows: Array<{ xmin: string }>;
      }>('select pg_snapshot_xmin(pg_current_snapshot())::text as xmin');
      const xmin = BigInt(snap.rows[0]!.xmin);
      let after: string | undefined;
      for (;;) {
        const query = trx(tables.responses)
          .where({ wave_id: waveId, status: 'complete' })
          .select<ResponseFeedRow[]>(feedColumns(trx))
          .orderBy('id')
          .limit(pageSize);
        if (after !== undefined) query.where('id', '>', after);
        const rows = await query;
        onPage(rows, xmin);
        if (rows.length < pageSize) break;
        after = rows[rows.length - 1]!.id;
      }
      return xmin;
    },
    { isolationLevel: 'repeatable read' },
  );
}

/**
 * The change feed: complete responses of the wave written by transactions at
 * or after `sinceXmin`, and the current snapshot's xmin, in one statement.
 */
export async function readChangesSince(
  db: Db,
  waveId: string,
  sinceXmin: bigint,
): Promise<{ xmin: bigint; rows: ResponseFeedRow[] }> {
  const result = await db.raw<{ rows: Array<{ xmin: string } & (ResponseFeedRow | { id: null })> }>(
    `with s as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
     select s.xmin::text as xmin, r.id, r.change_xid::text as xid, r.data, r.completed_on::text as completed_on
     from s left join responses r on r.wave_id = ? and r.status = 'complete' and r.change_xid >= ?::text::xid8`,
    [waveId, sinceXmin.toString()],
  );
  return {
    xmin: BigInt(result.rows[0]!.xmin),
    // A wave without changes still yields the one row carrying xmin, with id null.
    rows: result.rows.filter((r): r is { xmin: string } & ResponseFeedRow => r.id !== null),
  };
}

/** The saved snapshot of a wave at this epoch, if any. */
export async function findSnapshot(db: Db, waveId: string, epoch: number): Promise<Uint8Array | undefined> {
  const row = await db(tables.resultSnapshots)
    .where({ wave_id: waveId, epoch })
    .first<{ payload: Uint8Array } | undefined>('payload');
  return row?.payload;
}

/**
 * Saves a snapshot. Another process may have saved a newer one meanwhile:
 * whichever holds more rows of the current epoch is kept.
 */
export async function saveSnapshot(db: Db, waveId: string, epoch: number, rows: number, payload: Buffer) {
  await db.raw(
    `insert into result_snapshots (wave_id, epoch, rows, payload, created_at) values (?, ?, ?, ?, now())
     on conflict (wave_id) do update set epoch = excluded.epoch, rows = excluded.rows, payload = excluded.payload, created_at = excluded.created_at
     where result_snapshots.epoch < excluded.epoch or (result_snapshots.epoch = excluded.epoch and result_snapshots.rows < excluded.rows)`,
    [waveId, epoch, rows, payload],
  );
}
