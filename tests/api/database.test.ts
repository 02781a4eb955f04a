import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase } from '../../api/src/db/database.js';
import { migrateLatest, migrateRollback } from '../../api/src/db/migrate.js';
import { migrations } from '../../migrations/index.js';
import { countUsers } from '../../api/src/modules/auth/auth.repo.js';
import { createUser, openTestDatabase } from '../helpers/test-app.js';
import type { Database } from '../../api/src/db/database.js';

describe('migrations', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('lists every migration file, in order', () => {
    const files = fs
      .readdirSync(path.resolve('migrations'))
      .filter((f) => /^\d{14}_[a-z_]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(migrations.map(([name]) => name)).toEqual(files.sort());
  });

  it('apply, roll back completely and apply again', async () => {
    expect(await migrateLatest(db.knex)).toHaveLength(migrations.length);
    expect(await migrateLatest(db.knex)).toEqual([]);
    const undone = await migrateRollback(db.knex);
    expect(undone).toHaveLength(migrations.length);
    const left = await db.knex.raw(
      `select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name not like 'knex_%'`,
    );
    expect(left.rows[0].n).toBe(0);
    expect(await migrateLatest(db.knex)).toHaveLength(migrations.length);
  });

  it('counts come back as numbers on both databases', async () => {
    await createUser(db.knex);
    const n = await countUsers(db.knex);
    expect(n).toBe(1);
    expect(typeof n).toBe('number');
  });
});

describe('embedded data directory', () => {
  it('is locked: a second server on the same directory is refused, and may start once the first has stopped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilanz-lock-'));
    try {
      const first = await openDatabase({ kind: 'embedded', dataDir: dir });
      await migrateLatest(first.knex);
      await createUser(first.knex, { email: 'kept@example.org' });
      await expect(openDatabase({ kind: 'embedded', dataDir: dir, lockWaitMs: 0 })).rejects.toThrow(DataDirLockedError);
      // A live server's lock never goes stale: waiting for it ends in the same refusal.
      const waitedFrom = Date.now();
      await expect(openDatabase({ kind: 'embedded', dataDir: dir, lockWaitMs: 2_000 })).rejects.toThrow(
        /in use by another Bilanz server/,
      );
      expect(Date.now() - waitedFrom).toBeGreaterThanOrEqual(1_900);
      await first.close();

      const second = await openDatabase({ kind: 'embedded', dataDir: dir });
      expect(await second.knex('users').where({ email: 'kept@example.org' }).first()).toBeDefined();
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
