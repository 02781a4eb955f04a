import type { Knex } from 'knex';

/** A collection wave: one period of collecting answers to one published version. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('waves', (t) => {
    t.uuid('id').primary();
    t.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE');
    t.uuid('questionnaire_id').notNullable();
    t.integer('version').notNullable();
    t.text('title').notNullable();
    // The public key in the wave's link: random, at least 128 bits.
    t.text('key').notNullable().unique();
    t.text('access').notNullable().checkIn(['link', 'invitation']);
    t.boolean('anonymous').notNullable().defaultTo(true);
    t.text('status').notNullable().defaultTo('open').checkIn(['open', 'closed']);
    t.timestamp('opens_at', { useTz: true });
    t.timestamp('closes_at', { useTz: true });
    // null = the default notice; otherwise {de, en}.
    t.jsonb('privacy_notice');
    t.integer('retention_days');
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.foreign(['questionnaire_id', 'version']).references(['questionnaire_id', 'version']).inTable('questionnaire_versions').onDelete('CASCADE');
    t.index(['workspace_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('waves');
}
