import type { Knex } from 'knex';

/**
 * The database handle services pass through to repos: a connection or an open
 * transaction. Services may open a transaction with `db.transaction(...)` but
 * never build a query; only repos (`*.repo.ts`) run SQL.
 */
export type Db = Knex;
