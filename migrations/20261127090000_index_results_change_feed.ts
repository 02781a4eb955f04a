import type { Knex } from 'knex';

/**
 * The results engine's catch-up reads a wave's complete responses written
 * since its last snapshot (`wave_id = ? and status = 'complete' and
 * change_xid >= ?`). With separate (wave_id, status) and (wave_id, change_xid)
 * indexes, a planner without statistics for a freshly filled table (before
 * autovacuum's first analyze) chose the first and then filtered every
 * response of the wave, about 40 ms at 100,000 responses on every call. One
 * index over all three columns answers it directly whatever the statistics.
 * (wave_id, status) is a prefix of it and of the export index, so it goes:
 * one index fewer to write per response.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index responses_wave_status_change on responses (wave_id, status, change_xid)');
  await knex.raw('drop index responses_wave_change');
  await knex.schema.alterTable('responses', (t) => {
    t.dropIndex(['wave_id', 'status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('responses', (t) => {
    t.index(['wave_id', 'status']);
  });
  await knex.raw('create index responses_wave_change on responses (wave_id, change_xid)');
  await knex.raw('drop index responses_wave_status_change');
}
