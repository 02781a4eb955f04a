import type { Knex } from 'knex';
import { migrations } from '../../../migrations/index.js';

const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(migrations.map(([name]) => name)),
  getMigrationName: (name) => name,
  getMigration: (name) => {
    const found = migrations.find(([n]) => n === name);
    if (!found) return Promise.reject(new Error(`Unknown migration ${name}`));
    return Promise.resolve(found[1]);
  },
};

/** Brings the schema up to date; safe to run from several processes at once (knex takes a lock). */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}

/** Undoes the most recent batch of migrations. */
export async function migrateRollback(knex: Knex): Promise<string[]> {
  const [, undone] = (await knex.migrate.rollback({ migrationSource })) as [number, string[]];
  return undone;
}
