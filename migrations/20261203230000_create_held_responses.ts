import type { Knex } from 'knex';

/**
 * Complete responses of anonymous invitation waves wait here until they are
 * released into `responses` together with others (response-writer.ts), so
 * that neither the moment an answer becomes visible nor a transaction id or
 * row order pairs it with the invitation that was used at the same time
 * (DESIGN §3). A held row carries the day only, never a time.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('held_responses', (t) => {
    t.uuid('id').primary();
    t.uuid('wave_id').notNullable().references('waves.id').onDelete('CASCADE');
    t.jsonb('data').notNullable();
    t.text('locale');
    t.date('completed_on').notNullable();
    t.index(['wave_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('held_responses');
}
