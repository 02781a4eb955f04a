/**
 * All SQL of the answer path. Values always travel as bind parameters: a
 * group of answers goes in as parallel arrays (ids, waves, statuses, answers
 * as JSON text, locales) that the statement unnests, so one statement text
 * serves every group size. Whether a wave is open is decided in SQL, on the
 * database's clock (db/wave-state.ts).
 */
import { runStatement } from '../../db/database.js';
import type { Db } from '../../db/db-handle.js';
import { tables, type ResponseRow, type WaveRow } from '../../db/tables.js';
import { WAVE_STATE_SQL, type WaveState } from '../../db/wave-state.js';
import type { StoredAnswer } from './answer-outcome.js';

/** An answer on its way to the database. */
export type AnswerToStore = {
  id: string;
  waveId: string;
  status: 'partial' | 'complete';
  /** The answers as JSON text, serialised once. */
  dataJson: string;
  locale: string | null;
};

/** The group as parallel arrays, the bind parameters of the statements below. */
const columnsOf = (items: AnswerToStore[]): [string[], string[], string[], string[], Array<string | null>] => [
  items.map((it) => it.id),
  items.map((it) => it.waveId),
  items.map((it) => it.status),
  items.map((it) => it.dataJson),
  items.map((it) => it.locale),
];

/**
 * Link waves ($1 today, $2–$6 the group): inserts only into waves open at this
 * moment (checked in the statement, so a wave closed by any process takes
 * nothing after its close commits), and replaces only partial answers of the
 * same wave with other content. Returns the ids it wrote.
 */
const STORE_LINK_RESPONSES = `
  insert into responses (id, wave_id, status, data, locale, started_on, updated_on, completed_on)
  select v.id, v.wave_id, v.status, v.data::jsonb, v.locale, $1::date, $1::date, case when v.status = 'complete' then $1::date end
  from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) as v (id, wave_id, status, data, locale)
  join waves on waves.id = v.wave_id and ${WAVE_STATE_SQL} = 'open'
  where not exists (select 1 from held_responses h where h.id = v.id)
  on conflict (id) do update set
    status = excluded.status, data = excluded.data, locale = excluded.locale,
    updated_on = excluded.updated_on, completed_on = excluded.completed_on, change_xid = excluded.change_xid
  where responses.status = 'partial' and responses.wave_id = excluded.wave_id
    and (responses.status, responses.data) is distinct from (excluded.status, excluded.data)
  returning id`;

/**
 * Complete answers of anonymous invitation waves ($1 today, $2–$6 the group),
 * held until released with others. Only into an open wave, and never under an
 * id that holds a complete answer or another wave's. Returns the ids it wrote.
 */
const STORE_HELD_RESPONSES = `
  insert into held_responses (id, wave_id, data, locale, completed_on)
  select v.id, v.wave_id, v.data::jsonb, v.locale, $1::date
  from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) as v (id, wave_id, status, data, locale)
  join waves on waves.id = v.wave_id and ${WAVE_STATE_SQL} = 'open'
  where not exists (select 1 from responses r where r.id = v.id and (r.status = 'complete' or r.wave_id <> v.wave_id))
  on conflict (id) do nothing
  returning id`;

/** One statement, committed on its own; prepared once per connection on PostgreSQL. */
async function storeGroup(db: Db, statement: string, name: string, today: string, items: AnswerToStore[]) {
  const rows = await runStatement<{ id: string }>(db, statement, [today, ...columnsOf(items)], { name });
  return new Set(rows.map((r) => r.id));
}

/** Stores answers to link waves; returns the ids written. */
export const storeLinkResponses = (db: Db, today: string, items: AnswerToStore[]) =>
  storeGroup(db, STORE_LINK_RESPONSES, 'bilanz_store_link_responses', today, items);

/** Stores complete answers to anonymous invitation waves until their release; returns the ids written. */
export const storeHeldResponses = (db: Db, today: string, items: AnswerToStore[]) =>
  storeGroup(db, STORE_HELD_RESPONSES, 'bilanz_store_held_responses', today, items);

/**
 * Answers to invitation waves that are not held, inside the transaction that
 * uses their invitations up. Replaces only partial answers of the same wave.
 * Returns the ids written.
 */
export async function storeInvitationResponses(trx: Db, today: string, items: AnswerToStore[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const written = await trx(tables.responses)
    .insert(
      items.map((it) => ({
        id: it.id,
        wave_id: it.waveId,
        status: it.status,
        data: it.dataJson,
        locale: it.locale,
        started_on: today,
        updated_on: today,
        completed_on: it.status === 'complete' ? today : null,
      })),
    )
    .onConflict('id')
    .merge(['status', 'data', 'locale', 'updated_on', 'completed_on', 'change_xid'])
    .where(`${tables.responses}.status`, 'partial')
    .whereRaw('?? = excluded.wave_id', [`${tables.responses}.wave_id`])
    .returning<Array<{ id: string }>>('id');
  return new Set(written.map((r) => r.id));
}

/**
 * What is stored under each id of the group, and whether it is exactly what
 * was sent; a held answer counts as complete (and wins over the partial one
 * it will replace).
 */
const STORED_UNDER_IDS = `
  select distinct on (s.id) s.id, s.status, s.wave_id = v.wave_id as "sameWave",
    (s.wave_id = v.wave_id and s.status = v.status and s.data = v.data::jsonb) as same
  from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) as v (id, wave_id, status, data)
  join (
    select id, wave_id, 'complete' as status, data, 0 as rank from held_responses
    union all
    select id, wave_id, status, data, 1 as rank from responses
  ) s on s.id = v.id
  order by s.id, s.rank`;

export async function findStoredAnswers(db: Db, items: AnswerToStore[]): Promise<Map<string, StoredAnswer>> {
  const [ids, waveIds, statuses, data] = columnsOf(items);
  const result = await db.raw<{
    rows: Array<StoredAnswer & { id: string }>;
  }>(STORED_UNDER_IDS, [ids, waveIds, statuses, data]);
  return new Map(result.rows.map(({ id, ...stored }) => [id, stored]));
}

/** A wave's state and the dates that explain it (for the 410 message). */
export type WaveOpenness = Pick<WaveRow, 'status' | 'opens_at' | 'closes_at'> & { state: WaveState };

/** The waves' states on the database's clock; a wave that no longer exists is missing from the map. */
export async function findWaveStates(db: Db, waveIds: string[]): Promise<Map<string, WaveOpenness>> {
  const rows = await db(tables.waves)
    .whereIn('id', [...new Set(waveIds)])
    .select<Array<WaveOpenness & { id: string }>>(
      'id',
      'status',
      'opens_at',
      'closes_at',
      db.raw(`${WAVE_STATE_SQL} as state`),
    );
  return new Map(rows.map(({ id, ...wave }) => [id, wave]));
}

/** Of these invitations, the ids used already. */
export async function findUsedInvitations(db: Db, invitationIds: string[]): Promise<Set<string>> {
  if (invitationIds.length === 0) return new Set();
  const rows = await db(tables.waveInvitations)
    .whereIn('id', [...new Set(invitationIds)])
    .whereNotNull('used_on')
    .select<Array<{ id: string }>>('id');
  return new Set(rows.map((r) => r.id));
}

/** Marks unused invitations used on `today`; returns the ids it marked. */
export async function markInvitationsUsed(db: Db, invitationIds: string[], today: string): Promise<Set<string>> {
  if (invitationIds.length === 0) return new Set();
  const marked = await db(tables.waveInvitations)
    .whereIn('id', [...new Set(invitationIds)])
    .whereNull('used_on')
    .update({ used_on: today })
    .returning<Array<{ id: string }>>('id');
  return new Set(marked.map((r) => r.id));
}

/** Non-anonymous waves: the invitation names the response it produced. */
export async function linkInvitationToResponse(trx: Db, invitationId: string, responseId: string): Promise<void> {
  await trx(tables.waveInvitations).where({ id: invitationId }).update({ response_id: responseId });
}

/** Takes held answers back (their invitation could not be marked). */
export async function deleteHeldResponses(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db(tables.heldResponses).whereIn('id', ids).delete();
}

/** A partial response of the wave, unless it was completed and waits to be released. */
export const findPartialResponse = (db: Db, waveId: string, id: string): Promise<ResponseRow | undefined> =>
  db<ResponseRow>(tables.responses)
    .where({ id, wave_id: waveId, status: 'partial' })
    .whereNotExists(db(tables.heldResponses).where({ id }).select(db.raw('1')))
    .first();

/**
 * Locks the wave's row (processes release one at a time) and says how many
 * answers it holds and the workspace's minimum group size. Inside a transaction.
 */
export async function lockWaveForRelease(
  trx: Db,
  waveId: string,
): Promise<{ minGroupSize: number; held: number } | undefined> {
  const result = await trx.raw<{ rows: Array<{ minGroupSize: number; held: number }> }>(
    `select ws.min_group_size as "minGroupSize", (select count(*)::int from held_responses h where h.wave_id = w.id) as held
     from waves w join workspaces ws on ws.id = w.workspace_id where w.id = ? for update of w`,
    [waveId],
  );
  return result.rows[0];
}

/**
 * Moves a wave's held responses into `responses` in one statement: they
 * share its transaction id and land in random order, so neither says which
 * arrived when. A partial response under the same id (autosave) becomes the
 * complete one and keeps the day it was started.
 */
export async function moveHeldResponses(trx: Db, waveId: string): Promise<void> {
  await trx.raw(
    `with moved as (delete from held_responses where wave_id = ? returning id, wave_id, data, locale, completed_on)
     insert into responses (id, wave_id, status, data, locale, started_on, updated_on, completed_on)
     select id, wave_id, 'complete', data, locale, completed_on, completed_on, completed_on from moved order by random()
     on conflict (id) do update set
       status = excluded.status, data = excluded.data, locale = excluded.locale,
       updated_on = excluded.updated_on, completed_on = excluded.completed_on, change_xid = excluded.change_xid
     where responses.status = 'partial' and responses.wave_id = excluded.wave_id`,
    [waveId],
  );
}

/** Waves holding answers that waited since before `today`, or that take no answers any more. */
export async function findWavesWithDueHeld(db: Db, today: string): Promise<string[]> {
  const result = await db.raw<{ rows: Array<{ waveId: string }> }>(
    `select distinct h.wave_id as "waveId" from held_responses h join waves on waves.id = h.wave_id
     where h.completed_on < ?::date or ${WAVE_STATE_SQL} = 'closed'`,
    [today],
  );
  return result.rows.map((r) => r.waveId);
}
