import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError, openDatabase } from './db/database.js';
import { migrateLatest, migrateRollback } from './db/migrate.js';

/** `npm run migrate` brings the schema up to date; `npm run migrate -- down` undoes the last batch. */
async function run(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'embedded', dataDir: config.dataDir },
  );
  try {
    const down = process.argv[2] === 'down';
    const names = down ? await migrateRollback(db.knex) : await migrateLatest(db.knex);
    console.log(names.length === 0 ? 'Nothing to do.' : `${down ? 'Rolled back' : 'Applied'}: ${names.join(', ')}`);
  } finally {
    await db.close();
  }
}

run().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof DataDirLockedError ? err.message : err);
  process.exit(1);
});
