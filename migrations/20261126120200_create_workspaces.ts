import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('workspaces', (t) => {
    t.uuid('id').primary();
    t.text('slug').notNullable().unique();
    t.text('name').notNullable();
    t.integer('min_group_size').notNullable().defaultTo(5);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('alter table workspaces add constraint workspaces_min_group_size_check check (min_group_size >= 3)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('workspaces');
}
