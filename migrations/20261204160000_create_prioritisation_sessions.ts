import type { Knex } from 'knex';

/**
 * Prioritisation sessions of a strategy meeting (docs/session.md): the
 * options to vote on, and one ballot per participant's phone. A ballot is a
 * random id the phone chose and its votes, nothing else: no time, address or
 * device, so nobody can tell whose ballot it is or when it was cast (DESIGN §3).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('prioritisation_sessions', (t) => {
    t.uuid('id').primary();
    t.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE');
    t.text('key').notNullable().unique();
    t.text('title').notNullable();
    t.text('method').notNullable();
    t.integer('points').notNullable();
    t.uuid('wave_id').references('waves.id').onDelete('SET NULL');
    t.text('question');
    t.text('status').notNullable().defaultTo('open');
    t.timestamp('closed_at', { useTz: true });
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['workspace_id']);
  });
  await knex.schema.createTable('session_options', (t) => {
    t.uuid('id').primary();
    t.uuid('session_id').notNullable().references('prioritisation_sessions.id').onDelete('CASCADE');
    t.text('label').notNullable();
    t.uuid('code_id').references('answer_codes.id').onDelete('SET NULL');
    t.integer('position').notNullable();
  });
  await knex.raw('create unique index session_options_label_unique on session_options (session_id, lower(label))');
  await knex.schema.createTable('session_ballots', (t) => {
    t.uuid('session_id').notNullable().references('prioritisation_sessions.id').onDelete('CASCADE');
    t.uuid('id').notNullable();
    t.jsonb('votes').notNullable();
    t.primary(['session_id', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('session_ballots');
  await knex.schema.dropTable('session_options');
  await knex.schema.dropTable('prioritisation_sessions');
}
