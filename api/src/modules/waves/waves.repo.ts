import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { tables, type WaveInvitationRow, type WaveRow } from '../../db/tables.js';
import { WAVE_STATE_SQL, type WaveState } from '../../db/wave-state.js';

/** A wave with whether it takes answers now, on the database's clock. */
export type WaveWithState = WaveRow & { state: WaveState };

const withState = (db: Knex) => [`${tables.waves}.*`, db.raw(`${WAVE_STATE_SQL} as state`)];

export const findWave = (db: Knex, workspaceId: string, id: string): Promise<WaveWithState | undefined> =>
  db(tables.waves).where({ workspace_id: workspaceId, id }).first(withState(db));

export const findWaveByKey = (db: Knex, key: string): Promise<WaveWithState | undefined> =>
  db(tables.waves).where({ key }).first(withState(db));

export const listWaves = (db: Knex, workspaceId: string): Promise<WaveWithState[]> =>
  db(tables.waves).where({ workspace_id: workspaceId }).orderBy('created_at', 'desc').select(withState(db));

export const listWavesOfQuestionnaire = (db: Knex, workspaceId: string, questionnaireId: string) =>
  db(tables.waves).where({ workspace_id: workspaceId, questionnaire_id: questionnaireId }).orderBy('created_at');

export async function insertWave(
  db: Knex,
  row: Omit<WaveRow, 'id' | 'created_at' | 'status' | 'results_epoch'>,
): Promise<WaveRow> {
  const [created] = await db(tables.waves)
    .insert({
      ...row,
      id: randomUUID(),
      privacy_notice: row.privacy_notice === null ? null : JSON.stringify(row.privacy_notice),
    })
    .returning('*');
  return created!;
}

export async function updateWave(db: Knex, id: string, patch: Partial<WaveRow>): Promise<WaveRow> {
  const values: Record<string, unknown> = { ...patch };
  if ('privacy_notice' in patch)
    values.privacy_notice = patch.privacy_notice === null ? null : JSON.stringify(patch.privacy_notice);
  const [row] = await db(tables.waves).where({ id }).update(values).returning('*');
  return row!;
}

/** held: complete answers of an anonymous invitation wave waiting to be released together with others. */
export type WaveCounts = { complete: number; partial: number; held: number; lastResponseOn: string | null };

/** Response counts per wave, in one query. */
export async function countResponses(db: Knex, waveIds: string[]): Promise<Map<string, WaveCounts>> {
  const rows = await db(tables.responses)
    .whereIn('wave_id', waveIds)
    .groupBy('wave_id')
    .select<Array<{ wave_id: string; complete: number; partial: number; last_on: string | null }>>(
      'wave_id',
      db.raw(`count(*) filter (where status = 'complete')::int as complete`),
      db.raw(`count(*) filter (where status = 'partial')::int as partial`),
      db.raw(`max(updated_on)::text as last_on`),
    );
  const held = await db(tables.heldResponses)
    .whereIn('wave_id', waveIds)
    .groupBy('wave_id')
    .select<Array<{ wave_id: string; held: number }>>('wave_id', db.raw('count(*)::int as held'));
  const heldBy = new Map(held.map((h) => [h.wave_id, h.held]));
  const counts = new Map(
    rows.map((r) => [
      r.wave_id,
      { complete: r.complete, partial: r.partial, held: heldBy.get(r.wave_id) ?? 0, lastResponseOn: r.last_on },
    ]),
  );
  for (const [waveId, n] of heldBy)
    if (!counts.has(waveId)) counts.set(waveId, { complete: 0, partial: 0, held: n, lastResponseOn: null });
  return counts;
}

export async function insertInvitations(
  db: Knex,
  waveId: string,
  items: Array<{ tokenHash: string; label: string | null }>,
): Promise<WaveInvitationRow[]> {
  return db(tables.waveInvitations)
    .insert(items.map((i) => ({ id: randomUUID(), wave_id: waveId, token_hash: i.tokenHash, label: i.label })))
    .returning('*');
}

export const listInvitations = (db: Knex, waveId: string) =>
  db(tables.waveInvitations)
    .where({ wave_id: waveId })
    .orderBy(['created_at', 'label'])
    .select('id', 'label', 'used_on', 'created_at');

export async function countInvitations(db: Knex, waveId: string): Promise<{ total: number; used: number }> {
  const row = await db(tables.waveInvitations)
    .where({ wave_id: waveId })
    .first<{ total: number; used: number }>(db.raw('count(*)::int as total'), db.raw('count(used_on)::int as used'));
  return row;
}

export const findInvitationByHash = (db: Knex, waveId: string, tokenHash: string) =>
  db(tables.waveInvitations).where({ wave_id: waveId, token_hash: tokenHash }).first();

/**
 * Deletes responses of waves past their retention period; returns how many.
 * The same statement raises each affected wave's results_epoch, so that every
 * process rebuilds that wave's results instead of counting deleted answers.
 */
export async function deleteExpiredResponses(db: Knex, today: string): Promise<number> {
  const result = await db.raw<{ rows: Array<{ n: number }> }>(
    `with gone as (
       delete from responses r using waves w
       where w.id = r.wave_id and w.retention_days is not null
         and coalesce(r.completed_on, r.updated_on) + w.retention_days <= ?::date
       returning r.wave_id
     ), bumped as (
       update waves set results_epoch = results_epoch + 1 where id in (select distinct wave_id from gone)
     )
     select count(*)::int as n from gone`,
    [today],
  );
  return result.rows[0]!.n;
}
