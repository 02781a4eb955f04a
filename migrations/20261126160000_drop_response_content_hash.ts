import type { Knex } from 'knex';

/**
 * Identical retries are recognised by comparing the stored answers (jsonb
 * equality in the statement that writes them) instead of a hash computed for
 * every submission: one less cost on the hottest path.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('responses', (t) => {
    t.dropColumn('content_hash');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('responses', (t) => {
    t.text('content_hash').notNullable().defaultTo('');
  });
}
