import type { Knex } from 'knex';

/**
 * Personal invitation tokens (stored hashed). In anonymous waves an
 * invitation records only the day it was used, never which response it
 * produced; `response_id` is filled in non-anonymous waves only.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('wave_invitations', (t) => {
    t.uuid('id').primary();
    t.uuid('wave_id').notNullable().references('waves.id').onDelete('CASCADE');
    t.text('token_hash').notNullable().unique();
    t.text('label');
    t.date('used_on');
    t.uuid('response_id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['wave_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('wave_invitations');
}
