import type { Knex } from 'knex';

/**
 * Read-only share links to a report. Only the SHA-256 of the token is kept;
 * the last access is recorded as a day, never a time or an address.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('report_shares', (t) => {
    t.uuid('id').primary();
    t.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE');
    t.uuid('report_id').notNullable().references('reports.id').onDelete('CASCADE');
    t.text('token_hash').notNullable().unique();
    t.boolean('include_quotes').notNullable().defaultTo(false);
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.date('last_access_on');
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['workspace_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('report_shares');
}
