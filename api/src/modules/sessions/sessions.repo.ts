import type { Knex } from 'knex';
import {
  tables,
  type PrioritisationSessionRow,
  type SessionBallotRow,
  type SessionOptionRow,
} from '../../db/tables.js';

/** The NOTIFY channel of session changes; the payload is the session's id. */
export const SESSION_CHANNEL = 'bilanz_sessions';

export type NewSession = Omit<PrioritisationSessionRow, 'created_at' | 'closed_at' | 'status'>;

export async function insertSession(db: Knex, row: NewSession): Promise<PrioritisationSessionRow> {
  const [created] = await db(tables.prioritisationSessions).insert(row).returning('*');
  return created!;
}

export const listSessions = (db: Knex, workspaceId: string) =>
  db(`${tables.prioritisationSessions} as s`)
    .where('s.workspace_id', workspaceId)
    .select<Array<PrioritisationSessionRow & { options: number; participants: number }>>(
      's.*',
      db.raw(`(select count(*)::int from ${tables.sessionOptions} o where o.session_id = s.id) as options`),
      db.raw(
        `(select count(*)::int from ${tables.sessionBallots} b where b.session_id = s.id and b.votes <> '{}'::jsonb) as participants`,
      ),
    )
    .orderBy('s.created_at', 'desc');

export const findSession = (db: Knex, workspaceId: string, id: string): Promise<PrioritisationSessionRow | undefined> =>
  db(tables.prioritisationSessions).where({ workspace_id: workspaceId, id }).first();

export const findSessionByKey = (db: Knex, key: string): Promise<PrioritisationSessionRow | undefined> =>
  db(tables.prioritisationSessions).where({ key }).first();

export async function updateSession(
  db: Knex,
  id: string,
  changes: { title?: string; status?: 'open' | 'closed' },
): Promise<void> {
  const closedAt =
    changes.status === 'closed' ? { closed_at: db.fn.now() } : changes.status === 'open' ? { closed_at: null } : {};
  await db(tables.prioritisationSessions)
    .where({ id })
    .update({ ...changes, ...closedAt });
}

export const listOptions = (db: Knex, sessionId: string): Promise<SessionOptionRow[]> =>
  db(tables.sessionOptions).where({ session_id: sessionId }).orderBy('position');

export async function insertOptions(db: Knex, rows: SessionOptionRow[]): Promise<void> {
  if (rows.length > 0) await db(tables.sessionOptions).insert(rows);
}

export const nextOptionPosition = async (db: Knex, sessionId: string): Promise<number> =>
  (
    await db(tables.sessionOptions)
      .where({ session_id: sessionId })
      .first<{ next: number }>(db.raw('coalesce(max(position) + 1, 0)::int as next'))
  ).next;

/** Per option: the sum of its votes and how many ballots gave it any. */
export const optionTotals = (db: Knex, sessionId: string) =>
  db
    .select<Array<{ option: string; total: number; voters: number }>>(
      db.raw('v.key as option'),
      db.raw('sum(v.value::int)::int as total'),
      db.raw('count(*)::int as voters'),
    )
    .from(db.raw(`${tables.sessionBallots} b, jsonb_each_text(b.votes) v`))
    .where('b.session_id', sessionId)
    .andWhereRaw('v.value::int > 0')
    .groupByRaw('v.key');

/** Ballots with at least one vote. */
export const countParticipants = async (db: Knex, sessionId: string): Promise<number> =>
  (
    await db(tables.sessionBallots)
      .where({ session_id: sessionId })
      .andWhereRaw(`votes <> '{}'::jsonb`)
      .first<{ n: number }>(db.raw('count(*)::int as n'))
  ).n;

export const findBallot = (db: Knex, sessionId: string, id: string): Promise<SessionBallotRow | undefined> =>
  db(tables.sessionBallots).where({ session_id: sessionId, id }).first();

/** Stores a ballot's votes, replacing earlier ones; only while the session is open (false when it was closed meanwhile). */
export async function saveBallot(
  db: Knex,
  sessionId: string,
  id: string,
  votes: Record<string, number>,
): Promise<boolean> {
  const result = await db.raw<{ rows: unknown[] }>(
    `insert into ${tables.sessionBallots} (session_id, id, votes)
     select s.id, ?::uuid, ?::jsonb from ${tables.prioritisationSessions} s where s.id = ? and s.status = 'open'
     on conflict (session_id, id) do update set votes = excluded.votes
     returning id`,
    [id, JSON.stringify(votes), sessionId],
  );
  return result.rows.length > 0;
}

/** Tells every process that the session changed (delivered at commit when run in a transaction). */
export async function notifySession(db: Knex, sessionId: string): Promise<void> {
  await db.raw('select pg_notify(?, ?)', [SESSION_CHANNEL, sessionId]);
}
