import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import lockfile from 'proper-lockfile';

export type DatabaseKind = 'embedded' | 'postgres';

export type Database = {
  knex: Knex;
  kind: DatabaseKind;
  /** Closes the pool (and releases the data-directory lock for the embedded database). */
  close(): Promise<void>;
  /** The embedded database's files as one uncompressed tar (a `template` for another one); embedded only. */
  dump?(): Promise<Blob>;
  /**
   * Calls `onPayload` with each NOTIFY on `channel`, from any process on the
   * same database; resolves to a function that stops listening. PostgreSQL:
   * one dedicated connection outside the pool (a pooled one would be handed
   * back and lose its LISTEN); PGlite: its own listen (one process).
   */
  listen: Listen;
};

/** Listens to one NOTIFY channel (see Database.listen); `onPayload('')` after a reconnect, when notifications may have been missed. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolMax?: number }
  /**
   * dataDir undefined = in memory (tests); `template` then starts it from a
   * dump of another embedded database (PGlite's dumpDataDir), which skips
   * initdb: about 1 s instead of 5 s, which adds up over a test suite.
   */
  | { kind: 'embedded'; dataDir?: string; template?: Blob; lockWaitMs?: number };

export class DataDirLockedError extends Error {}

type KnexQueryObject = { method?: string; response?: { affectedRows?: number; rows?: unknown[] } };

/**
 * knex-pglite 0.14 reports results unlike knex's pg client in two places:
 * `del()` resolves to the raw result instead of the number of deleted rows,
 * and raw selects report `rowCount: 0`. This subclass makes both behave as on
 * PostgreSQL, so that code never needs to know which database it runs on.
 */
type PgClientClass = new (config: Knex.Config) => { processResponse(obj: KnexQueryObject, runner: unknown): unknown };

class EmbeddedClient extends (ClientPgLite as unknown as PgClientClass) {
  override processResponse(obj: KnexQueryObject, runner: unknown): unknown {
    if (obj.method === 'del') return super.processResponse({ ...obj, method: 'delete' }, runner);
    if (obj.method === 'raw' && obj.response) {
      const { affectedRows, rows } = obj.response;
      return { ...obj.response, rowCount: affectedRows || rows?.length || 0 };
    }
    return super.processResponse(obj, runner);
  }
}

// pg hands bigint (int8) and numeric back as strings; our counts and sums are
// cast to int in SQL, and these parsers keep the two drivers alike for the rest.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// A `date` is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead
// of a Date at local midnight (which shifts with the server's time zone).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
const pgliteParsers = {
  [pg.types.builtins.INT8]: (v: string) => Number(v),
  [pg.types.builtins.DATE]: (v: string) => v,
};

/** Opens the embedded PGlite database or a PostgreSQL pool behind one knex instance. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const knex = knexFactory({
      client: 'pg',
      connection: options.url,
      pool: { min: 0, max: options.poolMax ?? 10 },
    });
    await knex.raw('select 1');
    const listener = new PgListener(options.url);
    return {
      knex,
      kind: 'postgres',
      listen: (channel, onPayload) => listener.listen(channel, onPayload),
      async close() {
        await listener.close();
        await knex.destroy();
      },
    };
  }

  let release: (() => Promise<void>) | undefined;
  let pglite: PGlite;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    release = await lockDataDir(options.dataDir, options.lockWaitMs ?? 12_000);
    pglite = new PGlite(path.join(options.dataDir, 'pgdata'), { parsers: pgliteParsers });
  } else {
    pglite = new PGlite({ parsers: pgliteParsers, ...(options.template && { loadDataDir: options.template }) });
  }
  try {
    await pglite.waitReady;
  } catch (err) {
    await release?.();
    throw err;
  }
  const knex = knexFactory({
    client: EmbeddedClient as unknown as typeof knexFactory.Client,
    dialect: 'postgres',
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
  });
  return {
    knex,
    kind: 'embedded',
    dump: () => pglite.dumpDataDir('none'),
    listen: async (channel, onPayload) => {
      const stop = await pglite.listen(channel, onPayload);
      return async () => {
        if (!pglite.closed) await stop();
      };
    },
    async close() {
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
      await release?.();
    },
  };
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * The LISTEN side of PostgreSQL's notifications for this process: one
 * connection, opened on the first listen, that listens to every channel
 * asked for. A lost connection is opened again after a second; listeners
 * then get an empty payload, since notifications sent meanwhile are lost.
 */
class PgListener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;

  constructor(private readonly url: string) {}

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(onPayload);
    const client = await this.connect();
    // The name is checked above: LISTEN takes no bind parameters.
    if (first) await client.query(`LISTEN ${channel}`);
    return () => {
      set.delete(onPayload);
      return Promise.resolve();
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on('notification', (n) => {
        for (const h of this.handlers.get(n.channel) ?? []) h(n.payload ?? '');
      });
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      try {
        await client.connect();
        for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
      } finally {
        this.connecting = undefined;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.closed) return;
    const retry = () => {
      if (this.closed) return;
      this.connect().then(
        () => {
          for (const set of this.handlers.values()) for (const h of set) h('');
        },
        () => setTimeout(retry, 1_000).unref(),
      );
    };
    setTimeout(retry, 1_000).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/**
 * PGlite has no lock of its own and two processes on one directory silently
 * lose data, so the server holds a lock file for as long as it runs. The lock
 * is refreshed every few seconds; a crashed server's lock goes stale after 10 s,
 * and a new server waits (12 s by default) for that before it gives up.
 */
async function lockDataDir(dataDir: string, waitMs: number): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'bilanz.lock'),
      stale: 10_000,
      update: 2_000,
      onCompromised: (err) => {
        // Another process took the directory over: stop writing at once.
        process.stderr.write(`Bilanz lost the lock on ${dataDir}: ${err.message}. Stopping to protect the data.\n`);
        process.exit(70);
      },
      // A server that crashed (kill -9, power loss) leaves a lock that goes
      // stale after 10 s: a restart waits that long instead of failing.
      retries: { retries: Math.ceil(waitMs / 1_000), factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataDirLockedError(
        `The data directory ${dataDir} is in use by another Bilanz server. ` +
          'Stop that server first (two servers on one embedded database lose data), ' +
          'or set BILANZ_DATA_DIR to another directory, or DATABASE_URL to share a PostgreSQL server.',
      );
    }
    throw err;
  }
}

type DriverConnection = {
  query(
    textOrConfig: string | { name?: string; text: string; values: unknown[] },
    values?: unknown[],
  ): Promise<{ rows: unknown[] }>;
};
type PooledClient = {
  acquireConnection(): Promise<DriverConnection>;
  releaseConnection(connection: DriverConnection): Promise<unknown>;
};

/**
 * Runs one statement straight on a pooled driver connection, without knex's
 * query building: for the hottest statement only (storing answers), where
 * knex's per-query work showed in the profile. On PostgreSQL the statement is
 * prepared once per connection under `name`. Placeholders are $1, $2, …
 */
export async function runStatement<Row>(
  knex: Knex,
  text: string,
  values: unknown[],
  options: { name?: string } = {},
): Promise<Row[]> {
  const client = knex.client as unknown as PooledClient;
  const connection = await client.acquireConnection();
  try {
    const result =
      connection instanceof PGlite
        ? await connection.query(text, values)
        : await connection.query({ text, values, ...options });
    return result.rows as Row[];
  } finally {
    await client.releaseConnection(connection);
  }
}
