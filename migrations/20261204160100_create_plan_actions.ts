import type { Knex } from 'knex';

/**
 * The action plan (Maßnahmenplan): decisions of a workspace, each carried by
 * volunteers or needing funding, with owner, due day and the indicators it
 * should move (`targets`: [{indicator: key, target}]). An action adopted from
 * a prioritisation session keeps the option and its votes at adoption.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('plan_actions', (t) => {
    t.uuid('id').primary();
    t.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE');
    t.text('title').notNullable();
    t.text('decision');
    t.text('carrier').notNullable();
    t.decimal('cost', 12, 2);
    t.text('funding_source');
    t.text('owner');
    t.date('due_on');
    t.jsonb('targets').notNullable().defaultTo('[]');
    t.uuid('session_id').references('prioritisation_sessions.id').onDelete('SET NULL');
    t.uuid('option_id').references('session_options.id').onDelete('SET NULL');
    t.integer('votes');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['workspace_id']);
  });
  await knex.raw('create unique index plan_actions_option_unique on plan_actions (option_id) where option_id is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('plan_actions');
}
