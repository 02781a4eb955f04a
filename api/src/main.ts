import path from 'node:path';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DataDirLockedError, openDatabase, type Database } from './db/database.js';
import { migrateLatest } from './db/migrate.js';
import { createLogger } from './http/logging.js';
import { setPasswordHashCost } from './lib/passwords.js';
import { projectRoot } from './lib/project-root.js';
import { ensureSessionSecret, prepareFirstStart } from './modules/auth/auth.service.js';
import { adoptExampleWorkspaces, loadExampleOnce } from './modules/example/example-workspace.js';
import { loadTemplates } from './modules/questionnaires/templates.js';
import { releaseDueResponses } from './modules/responses/responses.service.js';
import { purgeExpiredResponses } from './modules/waves/waves.service.js';

/** Reads the configuration, opens and migrates the database, and serves Bilanz. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 78);
    throw err;
  }
  const logger = createLogger(config.logLevel);
  setPasswordHashCost(config.passwordHashCost);

  let db: Database;
  try {
    db = await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl }
        : { kind: 'embedded', dataDir: config.dataDir },
    );
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(err.message, 75);
    fail(`Cannot open the database: ${(err as Error).message}`, 69);
  }

  // Templates are shipped code: a broken one stops the server before it opens its port.
  const templates = loadTemplates(path.join(projectRoot(), 'surveys'));
  const applied = await migrateLatest(db.knex);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  // The example workspace comes first, so that an admin created now (or by the setup link) becomes its organiser.
  const exampleLoaded = db.kind === 'embedded' && (await loadExampleOnce(db.knex, templates, config.loadExample));
  if (exampleLoaded) logger.info('example workspace "beispiel" loaded');
  const firstStart = await prepareFirstStart(db.knex, config.admin);
  await adoptExampleWorkspaces(db.knex);
  const sessionSecret = await ensureSessionSecret(db.knex);

  const app = createApp({
    knex: db.knex,
    databaseKind: db.kind,
    config,
    logger,
    sessionSecret,
    webDir: path.join(projectRoot(), 'dist', 'web'),
    templates,
    listen: db.listen,
  });
  const server: Server = app.listen(config.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch((err: NodeJS.ErrnoException) => {
    fail(err.code === 'EADDRINUSE' ? `Port ${config.port} is in use. Set PORT to another port.` : err.message, 71);
  });

  const where = db.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  console.log(`Bilanz is running at ${config.publicUrl} (${where}, ready in ${seconds} s)`);
  if (firstStart.createdAdmin)
    console.log(`Created the first admin ${firstStart.createdAdmin.email} from BILANZ_ADMIN_EMAIL.`);
  if (firstStart.setupToken) {
    console.log(`No user exists yet. Open this one-time link to create the first admin:`);
    console.log(`Setup link (one-time): ${config.publicUrl}/setup#token=${firstStart.setupToken}`);
  }

  // Retention: delete answers of waves past their retention period, now and hourly (by default).
  const purge = () =>
    purgeExpiredResponses(db.knex)
      .then((n) => n > 0 && logger.info({ deleted: n }, 'deleted responses past their retention period'))
      .catch((err: unknown) => logger.error({ err }, 'retention purge failed'));
  void purge();
  setInterval(() => void purge(), config.retentionCheckMs).unref();
  // Anonymous invitation waves: answers held since an earlier day, or of a closed wave, are released (DESIGN §3).
  const release = () =>
    releaseDueResponses(db.knex)
      .then((n) => n > 0 && logger.info({ released: n }, 'released held answers of anonymous invitation waves'))
      .catch((err: unknown) => logger.error({ err }, 'releasing held answers failed'));
  void release();
  setInterval(() => void release(), config.retentionCheckMs).unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    server.close();
    server.closeAllConnections();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function fail(message: string, exitCode: number): never {
  console.error(`Bilanz cannot start: ${message}`);
  process.exit(exitCode);
}

main().catch((err: unknown) => {
  console.error('Bilanz failed to start:', err);
  process.exit(1);
});
