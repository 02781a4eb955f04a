import type { Knex } from 'knex';

/** The codebook of a questionnaire: labels for coding open answers (e.g. "contacts", "visibility"). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('answer_codes', (t) => {
    t.uuid('id').primary();
    t.uuid('questionnaire_id').notNullable().references('questionnaires.id').onDelete('CASCADE');
    t.text('label').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index answer_codes_label_unique on answer_codes (questionnaire_id, lower(label))');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('answer_codes');
}
