import type { Knex } from 'knex';

/**
 * What the results engine (api/src/modules/results/engine) needs to keep its
 * in-memory columns current in every process:
 * - responses.change_xid: the transaction that last wrote the row. Together
 *   with a snapshot's xmin it gives a change feed that never misses a row
 *   committed late by a slow transaction (docs/results.md explains why).
 * - waves.results_epoch: raised whenever responses are deleted (retention),
 *   so that every process rebuilds instead of counting deleted answers.
 * - result_snapshots: the columns of a wave, packed, so that a restarted
 *   process need not read every response again.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table responses add column change_xid xid8 not null default pg_current_xact_id()');
  await knex.raw('create index responses_wave_change on responses (wave_id, change_xid)');
  await knex.schema.alterTable('waves', (t) => {
    t.integer('results_epoch').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('result_snapshots', (t) => {
    t.uuid('wave_id').primary().references('waves.id').onDelete('CASCADE');
    t.integer('epoch').notNullable();
    t.integer('rows').notNullable();
    t.binary('payload').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // The payload is compressed already: storing it as it is saves PostgreSQL compressing it again on every save.
  await knex.raw('alter table result_snapshots alter column payload set storage external');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('result_snapshots');
  await knex.schema.alterTable('waves', (t) => {
    t.dropColumn('results_epoch');
  });
  await knex.raw('drop index responses_wave_change');
  await knex.raw('alter table responses drop column change_xid');
}
