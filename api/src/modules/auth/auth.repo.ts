import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { tables, type ApiTokenRow, type UserRow } from '../../db/tables.js';

export const findUserByEmail = (db: Knex, email: string) =>
  db<UserRow>(tables.users).where({ email: email.toLowerCase() }).first();

export const findUserById = (db: Knex, id: string) => db<UserRow>(tables.users).where({ id }).first();

export async function countUsers(db: Knex): Promise<number> {
  const row = await db(tables.users).select(db.raw('count(*)::int as count')).first();
  return (row as { count: number }).count;
}

export async function insertUser(
  db: Knex,
  user: { email: string; name: string; passwordHash: string; isAdmin: boolean },
): Promise<UserRow> {
  const [row] = await db<UserRow>(tables.users)
    .insert({
      id: randomUUID(),
      email: user.email.toLowerCase(),
      name: user.name,
      password_hash: user.passwordHash,
      is_admin: user.isAdmin,
    })
    .returning('*');
  return row as UserRow;
}

export async function updatePasswordHash(db: Knex, userId: string, passwordHash: string): Promise<void> {
  await db<UserRow>(tables.users)
    .where({ id: userId })
    .update({ password_hash: passwordHash, password_changed_at: db.fn.now() as unknown as Date });
}

/** Ends every session of a user except the one given (after a password change). */
export async function deleteOtherSessions(db: Knex, userId: string, keepSid: string | undefined): Promise<void> {
  const query = db(tables.sessions).whereRaw(`sess->>'userId' = ?`, [userId]);
  if (keepSid) query.whereNot('sid', keepSid);
  await query.del();
}

export const listApiTokens = (db: Knex, userId: string) =>
  db<ApiTokenRow>(tables.apiTokens).where({ user_id: userId }).orderBy('created_at', 'desc');

export async function insertApiToken(db: Knex, userId: string, name: string, tokenHash: string): Promise<ApiTokenRow> {
  const [row] = await db<ApiTokenRow>(tables.apiTokens)
    .insert({ id: randomUUID(), user_id: userId, name, token_hash: tokenHash })
    .returning('*');
  return row as ApiTokenRow;
}

export async function deleteApiToken(db: Knex, userId: string, id: string): Promise<boolean> {
  return (await db<ApiTokenRow>(tables.apiTokens).where({ id, user_id: userId }).del()) > 0;
}

/** Deletes every API token of a user; returns how many there were. */
export async function deleteApiTokensOfUser(db: Knex, userId: string): Promise<number> {
  return db<ApiTokenRow>(tables.apiTokens).where({ user_id: userId }).del();
}

/** The token's owner and the token's id; marks the token used (at day precision, to keep writes rare). */
export async function findUserByApiTokenHash(
  db: Knex,
  tokenHash: string,
): Promise<{ user: UserRow; tokenId: string } | undefined> {
  const token = await db<ApiTokenRow>(tables.apiTokens).where({ token_hash: tokenHash }).first();
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
  return (row as { value: string } | undefined)?.value;
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
