import type { Knex } from 'knex';
import { tables, type WaveRow } from '../../db/tables.js';
import { waveState } from '../waves/waves.service.js';

export type PendingResponse = {
  id: string;
  waveId: string;
  status: 'partial' | 'complete';
  data: Record<string, unknown>;
  locale: string | null;
  contentHash: string;
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

type Waiting = { item: PendingResponse; resolve: (o: WriteOutcome) => void; reject: (e: unknown) => void };

/**
 * Writes responses in groups: while one group is being committed, new
 * submissions queue up and go together into the next transaction (one
 * multi-row upsert). Nothing is acknowledged before its transaction commits.
 * A lone submission is written at once, without waiting for company.
 */
export class ResponseWriter {
  private queue: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly knex: Knex,
    private readonly maxBatch = 200,
  ) {}

  write(item: PendingResponse): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        // One statement cannot touch the same id twice: later duplicates wait for the next group.
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
        try {
          const outcomes = await this.writeBatch(batch.map((w) => w.item));
          batch.forEach((w, i) => w.resolve(outcomes[i]!));
        } catch (err) {
          batch.forEach((w) => w.reject(err));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async writeBatch(items: PendingResponse[]): Promise<WriteOutcome[]> {
    const today = new Date().toISOString().slice(0, 10);
    return this.knex.transaction(async (trx) => {
      const outcomes: Array<WriteOutcome | undefined> = items.map(() => undefined);
      const existing = await this.existing(trx, items.map((i) => i.id));
      // Whether a wave is open is read here, in the writing transaction, so a
      // wave closed by any process takes no answer after the close commits.
      const waveRows = (await trx(tables.waves)
        .whereIn('id', [...new Set(items.map((i) => i.waveId))])
        .select('id', 'status', 'opens_at', 'closes_at')) as WaveTimes[];
      const waves = new Map(waveRows.map((w) => [w.id, w]));
      items.forEach((item, i) => {
        const row = existing.get(item.id);
        if (row && row.wave_id === item.waveId && row.content_hash === item.contentHash) outcomes[i] = outcome('same');
        else if (row && (row.wave_id !== item.waveId || row.status === 'complete')) outcomes[i] = outcome('conflict');
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
          data: JSON.stringify(it.data),
          locale: it.locale,
          content_hash: it.contentHash,
          started_on: today,
          updated_on: today,
          completed_on: it.status === 'complete' ? today : null,
        }));
        // A partial response may be overwritten by its owner; a complete one never.
        const written = (await trx(tables.responses)
          .insert(rows)
          .onConflict('id')
          .merge(['status', 'data', 'locale', 'content_hash', 'updated_on', 'completed_on'])
          .where(`${tables.responses}.status`, 'partial')
          .whereRaw(`${tables.responses}.wave_id = excluded.wave_id`)
          .returning('id')) as Array<{ id: string }>;
        const writtenIds = new Set(written.map((r) => r.id));
        // Rows not written lost a race with another process: decide from what is stored now.
        const lost = toWrite.filter((it) => !writtenIds.has(it.id));
        const now = lost.length > 0 ? await this.existing(trx, lost.map((l) => l.id)) : new Map();
        items.forEach((it, i) => {
          if (outcomes[i] !== undefined) return;
          if (writtenIds.has(it.id)) outcomes[i] = outcome('written');
          else {
            const row = now.get(it.id);
            outcomes[i] = outcome(row && row.wave_id === it.waveId && row.content_hash === it.contentHash ? 'same' : 'conflict');
          }
        });
      }
      return outcomes as WriteOutcome[];
    });
  }

  private async existing(trx: Knex, ids: string[]) {
    const rows = (await trx(tables.responses).whereIn('id', ids).select('id', 'wave_id', 'status', 'content_hash')) as Array<{ id: string; wave_id: string; status: string; content_hash: string }>;
    return new Map(rows.map((r) => [r.id, r]));
  }
}
