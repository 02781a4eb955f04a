import type { Knex } from 'knex';
import { tables, type ResponseRow } from '../../db/tables.js';

export type ExportedResponse = Pick<ResponseRow, 'id' | 'data' | 'locale' | 'completed_on'>;

/**
 * One batch of a wave's complete responses after `after` (keyset pagination
 * on the primary key): every batch costs the same however deep the export
 * is, and it behaves alike on PGlite and PostgreSQL (no server-side cursor).
 */
export async function completeResponsesAfter(
  db: Knex,
  waveId: string,
  after: string | null,
  limit: number,
): Promise<ExportedResponse[]> {
  const query = db(tables.responses)
    .where({ wave_id: waveId, status: 'complete' })
    .orderBy('id', 'asc')
    .limit(limit)
    .select('id', 'data', 'locale', 'completed_on');
  if (after !== null) query.andWhere('id', '>', after);
  return await query;
}
