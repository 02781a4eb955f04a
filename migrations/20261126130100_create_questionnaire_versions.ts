import type { Knex } from 'knex';

/**
 * Published versions: immutable once written (no code path updates them).
 * `breaks` lists the breaking changes an organiser accepted when publishing,
 * so that comparisons across this version can be flagged.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('questionnaire_versions', (t) => {
    t.uuid('questionnaire_id').notNullable().references('questionnaires.id').onDelete('CASCADE');
    t.integer('version').notNullable();
    // json, not jsonb: the definition keeps its key order as the organiser wrote it.
    t.json('definition').notNullable();
    t.text('change_note');
    t.jsonb('diff');
    t.jsonb('breaks');
    t.uuid('published_by').references('users.id').onDelete('SET NULL');
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['questionnaire_id', 'version']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('questionnaire_versions');
}
