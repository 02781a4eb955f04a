import type { Knex } from 'knex';

/**
 * Share links no longer carry quotes: free-text answers are never shown on a
 * public link (DESIGN §3), so the organiser's choice to include them is gone.
 * `down` brings the column back as false for every link: what was chosen
 * before is not kept, and false is what every link now shows anyway.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('report_shares', (t) => {
    t.dropColumn('include_quotes');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('report_shares', (t) => {
    t.boolean('include_quotes').notNullable().defaultTo(false);
  });
}
