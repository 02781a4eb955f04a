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
  where not exists (select 1 from held_responses h where h.id = v.id)
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

/**
 * Stored responses under the ids of a group ($1, as groupJson), and whether
 * each holds exactly what was sent; a held response counts as complete (and
 * wins over the partial one it will replace).
 */
const STORED_UNDER_IDS = `
  select distinct on (s.id) s.id, s.status, s.wave_id = v.wave_id as "sameWave", (s.wave_id = v.wave_id and s.status = v.status and s.data = v.data) as same
  from json_to_recordset($1::json) as v (id uuid, wave_id uuid, status text, data jsonb)
  join (
    select id, wave_id, 'complete' as status, data, 0 as rank from held_responses
    union all
    select id, wave_id, status, data, 1 as rank from responses
  ) s on s.id = v.id
  order by s.id, s.rank`;

/**
 * Stores complete responses of anonymous invitation waves ($2, as groupJson;
 * $1 is today) to be released later. Only into an open wave, and never under
 * an id that holds a complete response or another wave's.
 */
const STORE_HELD_RESPONSES = `
  insert into held_responses (id, wave_id, data, locale, completed_on)
  select v.id, v.wave_id, v.data, v.locale, $1::date
  from json_to_recordset($2::json) as v (id uuid, wave_id uuid, status text, data jsonb, locale text)
  join waves w on w.id = v.wave_id
    and w.status = 'open'
    and (w.opens_at is null or w.opens_at <= now())
    and (w.closes_at is null or w.closes_at > now())
  where not exists (select 1 from responses r where r.id = v.id and (r.status = 'complete' or r.wave_id <> v.wave_id))
  on conflict (id) do nothing
  returning id`;

/**
 * Moves a wave's held responses into \`responses\` in one statement: they
 * share its transaction id and land in random order, so neither says which
 * arrived when. A partial response under the same id (autosave) becomes the
 * complete one and keeps the day it was started.
 */
const RELEASE_HELD_RESPONSES = `
  with moved as (delete from held_responses where wave_id = ? returning id, wave_id, data, locale, completed_on)
  insert into responses (id, wave_id, status, data, locale, started_on, updated_on, completed_on)
  select id, wave_id, 'complete', data, locale, completed_on, completed_on, completed_on from moved order by random()
  on conflict (id) do update set
    status = excluded.status, data = excluded.data, locale = excluded.locale,
    updated_on = excluded.updated_on, completed_on = excluded.completed_on, change_xid = excluded.change_xid
  where responses.status = 'partial' and responses.wave_id = excluded.wave_id`;

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
          if (batch.length === 1) batch[0]!.reject(err);
          // One bad answer must not fail the others of its group: each is tried again on its own.
          else for (const w of batch) await this.writeBatch([w.item]).then((o) => w.resolve(o[0]!), w.reject);
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

  private async writeBatch(items: PendingResponse[]): Promise<WriteOutcome[]> {
    const held = items.filter(isHeld);
    if (held.length === 0) return this.writeOthers(items);
    const others = items.filter((i) => !isHeld(i));
    const [heldOutcomes, otherOutcomes] = [
      await this.writeHeld(held),
      others.length > 0 ? await this.writeOthers(others) : [],
    ];
    let h = 0;
    let o = 0;
    return items.map((i) => (isHeld(i) ? heldOutcomes[h++]! : otherOutcomes[o++]!));
  }

  private writeOthers(items: PendingResponse[]): Promise<WriteOutcome[]> {
    return items.some((i) => i.invitationId) ? this.writeWithInvitations(items) : this.writeLinkResponses(items);
  }

  /**
   * Complete responses of anonymous invitation waves. The answers are stored
   * (held) in one transaction and the invitations marked used in another, so
   * no transaction holds both; answers become visible only when released
   * together with others (releaseHeld). Stored first, marked second: should
   * marking fail, the held answers are taken back, and a crash in between
   * leaves an unused invitation whose retry (same id, same answers) marks it.
   */
  private async writeHeld(items: PendingResponse[]): Promise<WriteOutcome[]> {
    const today = new Date().toISOString().slice(0, 10);
    const rows = await runStatement<{ id: string }>(this.knex, STORE_HELD_RESPONSES, [today, groupJson(items)], {
      name: 'bilanz_store_held_responses',
    });
    const stored = new Set(rows.map((r) => r.id));
    const outcomes: Array<WriteOutcome | undefined> = items.map((it) =>
      stored.has(it.id) ? outcome('written') : undefined,
    );
    if (stored.size < items.length) await this.classifyUnwritten(this.knex, items, outcomes);
    // Mark the invitations of stored answers and of identical retries (which marked theirs already, unless a crash came between).
    const claiming = items.filter((_, i) => outcomes[i]!.kind === 'written' || outcomes[i]!.kind === 'same');
    let marked: Set<string>;
    try {
      marked = new Set(
        await markInvitationsUsed(
          this.knex,
          claiming.map((c) => c.invitationId!),
          today,
        ),
      );
    } catch (err) {
      await this.knex(tables.heldResponses)
        .whereIn('id', [...stored])
        .delete();
      throw err;
    }
    const claimed = new Set<string>();
    const takeBack: string[] = [];
    items.forEach((it, i) => {
      if (outcomes[i]!.kind !== 'written') return;
      // Two answers in one group with the same invitation: only the first gets it.
      if (!marked.has(it.invitationId!) || claimed.has(it.invitationId!)) {
        outcomes[i] = outcome('invitation_used');
        takeBack.push(it.id);
      }
      claimed.add(it.invitationId!);
    });
    if (takeBack.length > 0) await this.knex(tables.heldResponses).whereIn('id', takeBack).delete();
    const waves = [...new Set(items.filter((_, i) => outcomes[i]!.kind === 'written').map((it) => it.waveId))];
    for (const waveId of waves) await releaseHeld(this.knex, waveId, 'when_enough');
    return outcomes as WriteOutcome[];
  }

  /**
   * Link waves: one statement, committed on its own. It inserts only rows
   * whose wave is open at that moment (checked in the statement, so a wave
   * closed by any process takes nothing after its close commits), and
   * overwrites only partial responses of the same wave with new content.
   */
  private async writeLinkResponses(items: PendingResponse[]): Promise<WriteOutcome[]> {
    const today = new Date().toISOString().slice(0, 10);
    const rows = await runStatement<{ id: string }>(this.knex, STORE_LINK_RESPONSES, [today, groupJson(items)], {
      name: 'bilanz_store_link_responses',
    });
    const written = new Set(rows.map((r) => r.id));
    const outcomes: Array<WriteOutcome | undefined> = items.map((it) =>
      written.has(it.id) ? outcome('written') : undefined,
    );
    if (written.size < items.length) await this.classifyUnwritten(this.knex, items, outcomes);
    return outcomes as WriteOutcome[];
  }

  /** Why a row was not written: an identical earlier request, other content under a used id, or a closed wave. */
  private async classifyUnwritten(
    db: Knex,
    items: PendingResponse[],
    outcomes: Array<WriteOutcome | undefined>,
  ): Promise<void> {
    const pending = items.filter((_, i) => outcomes[i] === undefined);
    const existing = await this.existing(db, pending);
    const waves = await this.waveTimes(
      db,
      pending.map((p) => p.waveId),
    );
    items.forEach((it, i) => {
      if (outcomes[i] !== undefined) return;
      const row = existing.get(it.id);
      if (row) outcomes[i] = outcome(row.same ? 'same' : 'conflict');
      else
        outcomes[i] = {
          kind: 'closed',
          wave: waves.get(it.waveId) ?? { status: 'closed', opens_at: null, closes_at: null },
        };
    });
  }

  private async waveTimes(db: Knex, waveIds: string[]): Promise<Map<string, WaveTimes>> {
    const rows = (await db(tables.waves)
      .whereIn('id', [...new Set(waveIds)])
      .select('id', 'status', 'opens_at', 'closes_at')) as WaveTimes[];
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
      const waves = await this.waveTimes(
        trx,
        items.map((i) => i.waveId),
      );
      items.forEach((item, i) => {
        const row = existing.get(item.id);
        if (row?.same) outcomes[i] = outcome('same');
        else if (row && (row.status === 'complete' || !row.sameWave)) outcomes[i] = outcome('conflict');
        else {
          const wave = waves.get(item.waveId);
          if (!wave || waveState(wave as WaveRow) !== 'open')
            outcomes[i] = { kind: 'closed', wave: wave ?? { status: 'closed', opens_at: null, closes_at: null } };
        }
      });
      // Invitations: a complete response uses its token up; a partial one needs an unused token.
      const completing = items.filter(
        (it, i) => outcomes[i] === undefined && it.invitationId && it.status === 'complete',
      );
      if (completing.length > 0) {
        const marked = await trx(tables.waveInvitations)
          .whereIn(
            'id',
            completing.map((c) => c.invitationId!),
          )
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
        const linked = items.filter(
          (it, i) => outcomes[i] === undefined && it.invitationId && it.status === 'complete' && it.linkInvitation,
        );
        for (const it of linked)
          await trx(tables.waveInvitations).where({ id: it.invitationId! }).update({ response_id: it.id });
      }
      const partialWithToken = items.filter(
        (it, i) => outcomes[i] === undefined && it.invitationId && it.status === 'partial',
      );
      if (partialWithToken.length > 0) {
        const used = await trx(tables.waveInvitations)
          .whereIn(
            'id',
            partialWithToken.map((p) => p.invitationId!),
          )
          .whereNotNull('used_on')
          .select('id');
        const usedIds = new Set((used as Array<{ id: string }>).map((r) => r.id));
        items.forEach((it, i) => {
          if (outcomes[i] === undefined && it.invitationId && it.status === 'partial' && usedIds.has(it.invitationId))
            outcomes[i] = outcome('invitation_used');
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
    const result = (await db.raw(STORED_UNDER_IDS.replace('$1', '?'), [groupJson(items)])) as {
      rows: StoredResponse[];
    };
    return new Map(result.rows.map((r) => [r.id, r]));
  }
}

/** Complete answers to anonymous invitation waves wait to be released together (DESIGN §3). */
const isHeld = (i: PendingResponse) => i.invitationId !== null && !i.linkInvitation && i.status === 'complete';

/** Marks unused invitations used (a transaction of its own); returns the ids it marked. */
async function markInvitationsUsed(db: Knex, invitationIds: string[], today: string): Promise<string[]> {
  if (invitationIds.length === 0) return [];
  const marked = (await db(tables.waveInvitations)
    .whereIn('id', [...new Set(invitationIds)])
    .whereNull('used_on')
    .update({ used_on: today })
    .returning('id')) as Array<{ id: string }>;
  return marked.map((r) => r.id);
}

/**
 * Releases a wave's held responses into \`responses\`, all at once:
 * - 'when_enough': when at least the workspace's minimum group size wait, so
 *   that each release pairs as many answers with as many used invitations;
 * - 'any': whatever waits (once a day, and when the wave has closed).
 * The wave's row is locked meanwhile, so processes release one at a time.
 * Returns how many were released.
 */
export async function releaseHeld(db: Knex, waveId: string, when: 'when_enough' | 'any'): Promise<number> {
  return db.transaction(async (trx) => {
    const wave = (await trx.raw(
      `select ws.min_group_size as "minGroupSize", (select count(*)::int from held_responses h where h.wave_id = w.id) as held
       from waves w join workspaces ws on ws.id = w.workspace_id where w.id = ? for update of w`,
      [waveId],
    )) as { rows: Array<{ minGroupSize: number; held: number }> };
    const row = wave.rows[0];
    if (!row || row.held === 0 || (when === 'when_enough' && row.held < row.minGroupSize)) return 0;
    await trx.raw(RELEASE_HELD_RESPONSES, [waveId]);
    return row.held;
  });
}

/**
 * Releases what waited since an earlier day, and everything held by waves
 * that have closed (run hourly beside the retention purge). Returns how many.
 */
export async function releaseDueHeld(db: Knex, today: string): Promise<number> {
  const due = (await db.raw(
    `select distinct h.wave_id as "waveId" from held_responses h join waves w on w.id = h.wave_id
     where h.completed_on < ?::date or w.status = 'closed' or (w.closes_at is not null and w.closes_at <= now())`,
    [today],
  )) as { rows: Array<{ waveId: string }> };
  let released = 0;
  for (const { waveId } of due.rows) released += await releaseHeld(db, waveId, 'any');
  return released;
}
