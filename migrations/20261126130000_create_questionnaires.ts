import type { Knex } from 'knex';

/** A questionnaire: a stable slug per workspace and at most one draft definition. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('questionnaires', (t) => {
    t.uuid('id').primary();
    t.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE');
    t.text('slug').notNullable();
    // json, not jsonb: the definition keeps its key order as the organiser wrote it.
    t.json('draft');
    t.timestamp('draft_updated_at', { useTz: true });
    t.uuid('draft_updated_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['workspace_id', 'slug']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('questionnaires');
}
