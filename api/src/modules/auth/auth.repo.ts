import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { tables, type ApiTokenRow, type UserRow } from '../../db/tables.js';

export const findUserByEmail = (db: Knex, email: string) =>
  db(tables.users).where({ email: email.toLowerCase() }).first();

export const findUserById = (db: Knex, id: string) => db(tables.users).where({ id }).first();

export async function countUsers(db: Knex): Promise<number> {
  const row = await db(tables.users).first<{ count: number }>(db.raw('count(*)::int as count'));
  return row.count;
}

/** Serialises account creation at first start: only one transaction at a time can see an empty users table. */
export async function lockUsers(trx: Knex.Transaction): Promise<void> {
  await trx.raw('lock table users in exclusive mode');
}

export async function insertUser(
  db: Knex,
  user: { email: string; name: string; passwordHash: string; isAdmin: boolean },
): Promise<UserRow> {
  const [row] = await db(tables.users)
    .insert({
      id: randomUUID(),
      email: user.email.toLowerCase(),
      name: user.name,
      password_hash: user.passwordHash,
      is_admin: user.isAdmin,
    })
    .returning('*');
  return row!;
}

export async function updatePasswordHash(db: Knex, userId: string, passwordHash: string): Promise<void> {
  await db(tables.users)
    .where({ id: userId })
    .update({ password_hash: passwordHash, password_changed_at: db.fn.now() });
}

/** Ends every session of a user except the one given (after a password change). */
export async function deleteOtherSessions(db: Knex, userId: string, keepSid: string | undefined): Promise<void> {
  const query = db(tables.sessions).whereRaw(`sess->>'userId' = ?`, [userId]);
  if (keepSid) query.whereNot('sid', keepSid);
  await query.del();
}

export const listApiTokens = (db: Knex, userId: string) =>
  db(tables.apiTokens).where({ user_id: userId }).orderBy('created_at', 'desc');

export async function insertApiToken(db: Knex, userId: string, name: string, tokenHash: string): Promise<ApiTokenRow> {
  const [row] = await db(tables.apiTokens)
    .insert({ id: randomUUID(), user_id: userId, name, token_hash: tokenHash })
    .returning('*');
  return row!;
}

export async function deleteApiToken(db: Knex, userId: string, id: string): Promise<boolean> {
  return (await db(tables.apiTokens).where({ id, user_id: userId }).del()) > 0;
}

/** Deletes every API token of a user; returns how many there were. */
export async function deleteApiTokensOfUser(db: Knex, userId: string): Promise<number> {
  return db(tables.apiTokens).where({ user_id: userId }).del();
}

/** The token's owner and the token's id; marks the token used (at day precision, to keep writes rare). */
export async function findUserByApiTokenHash(
  db: Knex,
  tokenHash: string,
): Promise<{ user: UserRow; tokenId: string } | undefined> {
  const token = await db(tables.apiTokens).where({ token_hash: tokenHash }).first();
  if (!token) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  if (!token.last_used_at || token.last_used_at.toISOString().slice(0, 10) !== today) {
    await db(tables.apiTokens).where({ id: token.id }).update({ last_used_at: db.fn.now() });
  }
  const user = await findUserById(db, token.user_id);
  return user && { user, tokenId: token.id };
}

export async function readInstanceState(db: Knex, key: string): Promise<string | undefined> {
  const row = await db(tables.instanceState).where({ key }).first('value');
  return row?.value;
}

export async function writeInstanceState(db: Knex, key: string, value: string): Promise<void> {
  await db(tables.instanceState).insert({ key, value }).onConflict('key').merge({ value, updated_at: db.fn.now() });
}

/** Inserts the value unless the key exists; returns the stored value either way (first writer wins). */
export async function ensureInstanceState(db: Knex, key: string, value: string): Promise<string> {
  await db(tables.instanceState).insert({ key, value }).onConflict('key').ignore();
  return (await readInstanceState(db, key)) as string;
}

export async function deleteInstanceState(db: Knex, key: string): Promise<void> {
  await db(tables.instanceState).where({ key }).del();
}

/**
 * rate-limiter-flexible speaks node-postgres's `query({text, values})`; this
 * adapter runs its statements through knex, so the same limiter works on the
 * embedded database and on PostgreSQL, and its state is shared by every process.
 */
export function knexQueryAdapter(knex: Knex) {
  return {
    async query(q: { text: string; values?: unknown[] }): Promise<unknown> {
      const bindings: unknown[] = [];
      const sql = q.text.replace(/\$(\d+)/g, (_m, n: string) => {
        bindings.push(q.values?.[Number(n) - 1]);
        return '?';
      });
      return knex.raw(sql, bindings as Knex.RawBinding[]);
    },
  };
}

/**
 * Makes the first admin the organiser of every example workspace nobody
 * belongs to (the example is loaded before the first admin exists).
 */
export async function adoptExampleWorkspaces(db: Knex): Promise<void> {
  const admin = await db(tables.users)
    .where({ is_admin: true })
    .orderBy('created_at')
    .first<{ id: string } | undefined>('id');
  if (!admin) return;
  const orphans = await db(tables.workspaces)
    .where({ is_example: true })
    .whereNotExists(db(tables.memberships).whereRaw('memberships.workspace_id = workspaces.id'))
    .select<Array<{ id: string }>>('id');
  if (orphans.length > 0)
    await db(tables.memberships).insert(
      orphans.map((o) => ({ workspace_id: o.id, user_id: admin.id, role: 'organiser' })),
    );
}
