import type { Knex } from 'knex';

/**
 * Exports read a wave's complete responses in id order, a batch at a time
 * (`id > last … limit 1000`). With this index every batch is a short range
 * scan; without it each batch sorted all the wave's remaining responses.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('responses', (t) => {
    t.index(['wave_id', 'status', 'id'], 'responses_wave_status_id');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('responses', (t) => {
    t.dropIndex(['wave_id', 'status', 'id'], 'responses_wave_status_id');
  });
}
