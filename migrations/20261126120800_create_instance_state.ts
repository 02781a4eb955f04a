import type { Knex } from 'knex';

/**
 * Instance-wide state shared by every API process: the session-cookie secret
 * and the hash of the one-time setup token (while no user exists).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('instance_state', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('instance_state');
}
