import type { Knex } from 'knex';
import { tables } from '../../db/tables.js';

/** Partial responses are not in the engine's columns (they have no figures): counted here. */
export async function countPartial(db: Knex, waveId: string): Promise<number> {
  const row = await db(tables.responses)
    .where({ wave_id: waveId, status: 'partial' })
    .first<{ n: number }>(db.raw('count(*)::int as n'));
  return row.n;
}

/**
 * Open answers carrying each code, among the complete responses whose answers
 * contain every one of `containments` (a filter as a jsonb containment test).
 * Coded answers are few (people code them), so this reads only those rows.
 */
export async function codeCounts(
  db: Knex,
  waveId: string,
  containments: unknown[],
): Promise<Array<{ question: string; code_id: string; count: number }>> {
  const query = db(`${tables.answerCodeAssignments} as a`)
    .join(`${tables.responses} as r`, 'r.id', 'a.response_id')
    .where({ 'r.wave_id': waveId, 'r.status': 'complete' })
    .groupBy('a.question', 'a.code_id')
    .select('a.question', 'a.code_id', db.raw('count(*)::int as count'));
  for (const c of containments) query.whereRaw('r.data @> ?::jsonb', [JSON.stringify(c)]);
  return (await query) as Array<{ question: string; code_id: string; count: number }>;
}
