import type { Knex } from 'knex';

/**
 * Indicators on the impact model (DESIGN §2 Indicator) and the measurements
 * of manual ones. Survey and activity indicators store no values: they are
 * computed from the responses and the activity log when read.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('indicators', (t) => {
    t.uuid('id').primary();
    t.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE');
    t.text('key').notNullable();
    t.text('name').notNullable();
    t.text('description');
    t.text('unit');
    t.text('level').notNullable().checkIn(['input', 'output', 'outcome', 'impact']);
    t.integer('step');
    t.text('direction').notNullable().checkIn(['up', 'down']);
    t.jsonb('baseline');
    t.jsonb('target');
    t.jsonb('source').notNullable();
    // Chapter of the Social Reporting Standard the indicator belongs to (free text, optional).
    t.text('srs_chapter');
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['workspace_id', 'key']);
  });
  await knex.raw('alter table indicators add constraint indicators_step_range check (step is null or step between 1 and 7)');
  await knex.schema.createTable('indicator_measurements', (t) => {
    t.uuid('id').primary();
    t.uuid('indicator_id').notNullable().references('indicators.id').onDelete('CASCADE');
    t.date('date').notNullable();
    t.double('value').notNullable();
    t.text('note');
    t.uuid('entered_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['indicator_id', 'date']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('indicator_measurements');
  await knex.schema.dropTable('indicators');
}
