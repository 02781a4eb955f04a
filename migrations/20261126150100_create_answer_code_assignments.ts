import type { Knex } from 'knex';

/** Which codes an open answer (one question of one response) carries. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('answer_code_assignments', (t) => {
    t.uuid('response_id').notNullable().references('responses.id').onDelete('CASCADE');
    t.text('question').notNullable();
    t.uuid('code_id').notNullable().references('answer_codes.id').onDelete('CASCADE');
    t.primary(['response_id', 'question', 'code_id']);
    t.index(['code_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('answer_code_assignments');
}
