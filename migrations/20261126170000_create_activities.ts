import type { Knex } from 'knex';

/** The network's logged work (DESIGN §2 Activity): what output indicators count. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('activities', (t) => {
    t.uuid('id').primary();
    t.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE');
    t.text('type')
      .notNullable()
      .checkIn(['district_visit', 'thematic_exchange', 'transfer_project_qualified', 'transfer_project_adopted', 'article', 'joint_project', 'grant', 'other']);
    t.text('title').notNullable();
    t.date('date').notNullable();
    t.text('district');
    t.text('topic');
    t.text('note');
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['workspace_id', 'type', 'date']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('activities');
}
