import type { Knex } from 'knex';

/**
 * Saved strategy-session reports: a title and the organiser's configuration
 * (period, waves, chosen and ordered sections, questions, picked quotes as
 * references to responses, the decisions text). The figures themselves are
 * never stored: they are assembled from the live data when the report is read.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reports', (t) => {
    t.uuid('id').primary();
    t.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE');
    t.text('title').notNullable();
    t.jsonb('config').notNullable();
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['workspace_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reports');
}
