import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import type { Knex } from 'knex';
import { ConnectSessionKnexStore } from 'connect-session-knex';
import { tables } from '../db/tables.js';

export const SESSION_COOKIE = 'bilanz.sid';

/**
 * Sessions live in the database (every API process sees every session). The
 * cookie expires after the idle time and is renewed by each request (rolling);
 * the absolute lifetime is enforced in `authenticate`.
 */
export function sessionMiddleware(knex: Knex, secret: string, idleMs: number): RequestHandler {
  const store = new ConnectSessionKnexStore({ knex, tableName: tables.sessions, createTable: false, cleanupInterval: 10 * 60_000 });
  return session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: idleMs, path: '/' },
  });
}

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

/** Logs the user in under a fresh session id (never the one the browser arrived with). */
export async function startSession(req: Request, userId: string): Promise<void> {
  await promisify((cb) => req.session.regenerate(cb));
  req.session.userId = userId;
  req.session.createdAt = Date.now();
  await promisify((cb) => req.session.save(cb));
}

/** Deletes the session on the server. */
export async function endSession(req: Request): Promise<void> {
  if (req.session) await promisify((cb) => req.session.destroy(cb));
}
