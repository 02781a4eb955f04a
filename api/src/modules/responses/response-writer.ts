import type { Knex } from 'knex';
import { runStatement } from '../../db/database.js';
import { tables, type WaveRow } from '../../db/tables.js';
import { waveState } from '../waves/waves.service.js';

export type PendingResponse = {
  id: string;
  waveId: string;
  status: 'partial' | 'complete';
  /** The answers as JSON text, serialised once. */
  dataJson: string;
  locale: string | null;
  /** Invitation to mark used (complete) or to check unused (partial); null for link waves. */
  invitationId: string | null;
  /** Non-anonymous waves link the invitation to its response. */
  linkInvitation: boolean;
};

/**
 * written: stored (201). same: an identical earlier request (200).
 * conflict / invitation_used: 409. closed: the wave stopped taking answers (410).
 */
export type WriteOutcome =
  | { kind: 'written' | 'same' | 'conflict' | 'invitation_used' }
  | { kind: 'closed'; wave: Pick<WaveRow, 'status' | 'opens_at' | 'closes_at'> };

type WaveTimes = Pick<WaveRow, 'id' | 'status' | 'opens_at' | 'closes_at'>;
const outcome = (kind: 'written' | 'same' | 'conflict' | 'invitation_used'): WriteOutcome => ({ kind });

/**
 * Stores a group of link-wave responses given as one JSON array ($2; $1 is
 * today). Inserts only rows whose wave is open at that moment (checked in the
 * statement, so a wave closed by any process takes nothing after its close
 * commits), and overwrites only partial responses of the same wave with new content.
 */
const STORE_LINK_RESPONSES = `
  insert into responses (id, wave_id, status, data, locale, started_on, updated_on, completed_on)
  select v.id, v.wave_id, v.status, v.data, v.locale, $1::date, $1::date, case when v.status = 'complete' then $1::date end
  from json_to_recordset($2::json) as v (id uuid, wave_id uuid, status text, data jsonb, locale text)
  join waves w on w.id = v.wave_id
    and w.status = 'open'
    and (w.opens_at is null or w.opens_at <= now())
    and (w.closes_at is null or w.closes_at > now())
  on conflict (id) do update set
    status = excluded.status, data = excluded.data, locale = excluded.locale,
    updated_on = excluded.updated_on, completed_on = excluded.completed_on, change_xid = excluded.change_xid
  where responses.status = 'partial' and responses.wave_id = excluded.wave_id
    and (responses.status, responses.data) is distinct from (excluded.status, excluded.data)
  returning id`;

/**
 * A group as one JSON array parameter: the statement text stays the same for
 * every group size, and each answer's JSON (serialised once already) is
 * spliced in as it is, not escaped again.
 */
const groupJson = (items: PendingResponse[]) =>
  `[${items.map((it) => `{"id":${JSON.stringify(it.id)},"wave_id":${JSON.stringify(it.waveId)},"status":${JSON.stringify(it.status)},"locale":${JSON.stringify(it.locale)},"data":${it.dataJson}}`).join(',')}]`;

/** Stored responses under the ids of a group ($1, as groupJson), and whether each holds exactly what was sent. */
const STORED_UNDER_IDS = `
  select r.id, r.status, r.wave_id = v.wave_id as "sameWave", (r.wave_id = v.wave_id and r.status = v.status and r.data = v.data) as same
  from json_to_recordset($1::json) as v (id uuid, wave_id uuid, status text, data jsonb)
  join responses r on r.id = v.id`;

type StoredResponse = { id: string; status: string; sameWave: boolean; same: boolean };

type Waiting = { item: PendingResponse; resolve: (o: WriteOutcome) => void; reject: (e: unknown) => void };

/**
 * Writes responses in groups: while groups are being committed, new
 * submissions queue up and go together into the next statement (one multi-row
 * upsert), so that many respondents share one commit. Nothing is acknowledged
 * before its group has committed. A lone submission is written at once.
 */
export class ResponseWriter {
  private queue: Waiting[] = [];
  private running = 0;
  private scheduled = false;

  /**
   * @param concurrency groups in flight at once: several on PostgreSQL (its
   *   commits overlap), one on the embedded database (one connection).
   */
  constructor(
    private readonly knex: Knex,
    private readonly concurrency = 1,
    private readonly maxBatch = 200,
  ) {}

  write(item: PendingResponse): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Start on the next turn of the event loop, so that submissions arriving together share a group.
      if (this.running < this.concurrency && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          void this.drain();
        });
      }
    });
  }

  private async drain(): Promise<void> {
    this.running++;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          const outcomes = await this.writeBatch(batch.map((w) => w.item));
          batch.forEach((w, i) => w.resolve(outcomes[i]!));
        } catch (err) {
          batch.forEach((w) => w.reject(err));
        }
      }
    } finally {
      this.running--;
    }
  }

  /** Up to maxBatch queued items; a statement cannot touch one id twice, so later duplicates wait. */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const ids = new Set<string>();
    for (const w of this.queue) {
      if (batch.length < this.maxBatch && !ids.has(w.item.id)) {
        ids.add(w.item.id);
        batch.push(w);
      } else rest.push(w);
    }
    this.queue = rest;
    return batch;
  }

  private writeBatch(items: PendingResponse[]): Promise<WriteOutcome[]> {
    return items.some((i) => i.invitationId) ? this.writeWithInvitations(items) : this.writeLinkResponses(items);
  }

  /**
   * Link waves: one statement, committed on its own. It inserts only rows
   * whose wave is open at that moment (checked in the statement, so a wave
   * closed by any process takes nothing after its close commits), and
   * overwrites only partial responses of the same wave with new content.
   */
  private async writeLinkResponses(items: PendingResponse[]): Promise<WriteOutcome[]> {
    const today = new Date().toISOString().slice(0, 10);
    const rows = await runStatement<{ id: string }>(this.knex, STORE_LINK_RESPONSES, [today, groupJson(items)], { name: 'bilanz_store_link_responses' });
    const written = new Set(rows.map((r) => r.id));
    const outcomes: Array<WriteOutcome | undefined> = items.map((it) => (written.has(it.id) ? outcome('written') : undefined));
    if (written.size < items.length) await this.classifyUnwritten(this.knex, items, outcomes);
    return outcomes as WriteOutcome[];
  }

  /** Why a row was not written: an identical earlier request, other content under a used id, or a closed wave. */
  private async classifyUnwritten(db: Knex, items: PendingResponse[], outcomes: Array<WriteOutcome | undefined>): Promise<void> {
    const pending = items.filter((_, i) => outcomes[i] === undefined);
    const existing = await this.existing(db, pending);
    const waves = await this.waveTimes(db, pending.map((p) => p.waveId));
    items.forEach((it, i) => {
      if (outcomes[i] !== undefined) return;
      const row = existing.get(it.id);
      if (row) outcomes[i] = outcome(row.same ? 'same' : 'conflict');
      else outcomes[i] = { kind: 'closed', wave: waves.get(it.waveId) ?? { status: 'closed', opens_at: null, closes_at: null } };
    });
  }

  private async waveTimes(db: Knex, waveIds: string[]): Promise<Map<string, WaveTimes>> {
    const rows = (await db(tables.waves).whereIn('id', [...new Set(waveIds)]).select('id', 'status', 'opens_at', 'closes_at')) as WaveTimes[];
    return new Map(rows.map((w) => [w.id, w]));
  }

  /** Invitation waves: the token is used up in the same transaction as the answers are stored. */
  private async writeWithInvitations(items: PendingResponse[]): Promise<WriteOutcome[]> {
    const today = new Date().toISOString().slice(0, 10);
    return this.knex.transaction(async (trx) => {
      const outcomes: Array<WriteOutcome | undefined> = items.map(() => undefined);
      const existing = await this.existing(trx, items);
      // Whether a wave is open is read in the writing transaction, so a wave
      // closed by any process takes no answer after the close commits.
      const waves = await this.waveTimes(trx, items.map((i) => i.waveId));
      items.forEach((item, i) => {
        const row = existing.get(item.id);
        if (row?.same) outcomes[i] = outcome('same');
        else if (row && (row.status === 'complete' || !row.sameWave)) outcomes[i] = outcome('conflict');
        else {
          const wave = waves.get(item.waveId);
          if (!wave || waveState(wave as WaveRow) !== 'open') outcomes[i] = { kind: 'closed', wave: wave ?? { status: 'closed', opens_at: null, closes_at: null } };
        }
      });
      // Invitations: a complete response uses its token up; a partial one needs an unused token.
      const completing = items.filter((it, i) => outcomes[i] === undefined && it.invitationId && it.status === 'complete');
      if (completing.length > 0) {
        const marked = await trx(tables.waveInvitations)
          .whereIn('id', completing.map((c) => c.invitationId!))
          .whereNull('used_on')
          .update({ used_on: today })
          .returning('id');
        const ok = new Set((marked as Array<{ id: string }>).map((r) => r.id));
        const claimed = new Set<string>();
        items.forEach((it, i) => {
          if (outcomes[i] !== undefined || !it.invitationId || it.status !== 'complete') return;
          // Two responses in one group with the same token: only the first gets it.
          if (!ok.has(it.invitationId) || claimed.has(it.invitationId)) outcomes[i] = outcome('invitation_used');
          claimed.add(it.invitationId);
        });
        const linked = items.filter((it, i) => outcomes[i] === undefined && it.invitationId && it.status === 'complete' && it.linkInvitation);
        for (const it of linked) await trx(tables.waveInvitations).where({ id: it.invitationId! }).update({ response_id: it.id });
      }
      const partialWithToken = items.filter((it, i) => outcomes[i] === undefined && it.invitationId && it.status === 'partial');
      if (partialWithToken.length > 0) {
        const used = await trx(tables.waveInvitations).whereIn('id', partialWithToken.map((p) => p.invitationId!)).whereNotNull('used_on').select('id');
        const usedIds = new Set((used as Array<{ id: string }>).map((r) => r.id));
        items.forEach((it, i) => {
          if (outcomes[i] === undefined && it.invitationId && it.status === 'partial' && usedIds.has(it.invitationId)) outcomes[i] = outcome('invitation_used');
        });
      }

      const toWrite = items.filter((_, i) => outcomes[i] === undefined);
      if (toWrite.length > 0) {
        const rows = toWrite.map((it) => ({
          id: it.id,
          wave_id: it.waveId,
          status: it.status,
          data: it.dataJson,
          locale: it.locale,
          started_on: today,
          updated_on: today,
          completed_on: it.status === 'complete' ? today : null,
        }));
        // A partial response may be overwritten by its owner; a complete one never.
        const written = (await trx(tables.responses)
          .insert(rows)
          .onConflict('id')
          .merge(['status', 'data', 'locale', 'updated_on', 'completed_on', 'change_xid'])
          .where(`${tables.responses}.status`, 'partial')
          .whereRaw(`${tables.responses}.wave_id = excluded.wave_id`)
          .returning('id')) as Array<{ id: string }>;
        const writtenIds = new Set(written.map((r) => r.id));
        // Rows not written lost a race with another process: decide from what is stored now.
        const lost = toWrite.filter((it) => !writtenIds.has(it.id));
        const now = lost.length > 0 ? await this.existing(trx, lost) : new Map<string, StoredResponse>();
        items.forEach((it, i) => {
          if (outcomes[i] !== undefined) return;
          if (writtenIds.has(it.id)) outcomes[i] = outcome('written');
          else outcomes[i] = outcome(now.get(it.id)?.same ? 'same' : 'conflict');
        });
      }
      return outcomes as WriteOutcome[];
    });
  }

  private async existing(db: Knex, items: PendingResponse[]): Promise<Map<string, StoredResponse>> {
    const result = (await db.raw(STORED_UNDER_IDS.replace('$1', '?'), [groupJson(items)])) as { rows: StoredResponse[] };
    return new Map(result.rows.map((r) => [r.id, r]));
  }
}
