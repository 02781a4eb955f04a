import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import type { Knex } from 'knex';
import { ConnectSessionKnexStore } from 'connect-session-knex';
import { tables } from '../db/tables.js';

export const SESSION_COOKIE = 'bilanz.sid';

/**
 * Renews a session's expiry in the database at most once per interval and
 * process. Rolling sessions would otherwise write the session row on every
 * request, and parallel requests of one session (a dashboard loads several
 * at once; 200 under load) would queue on that one row's lock. The idle
 * expiry stays exact to within the interval, a tenth of the idle time at most.
 */
class ThrottledTouchStore extends ConnectSessionKnexStore {
  private readonly lastTouch = new Map<string, number>();
  constructor(
    options: ConstructorParameters<typeof ConnectSessionKnexStore>[0],
    private readonly intervalMs: number,
  ) {
    super(options);
  }

  override async touch(sid: string, sess: session.SessionData, callback?: () => void): Promise<void> {
    const now = Date.now();
    const last = this.lastTouch.get(sid);
    if (last !== undefined && now - last < this.intervalMs) return callback?.();
    this.lastTouch.set(sid, now);
    // Forget sessions not touched for a while, so the map stays as small as the active sessions.
    if (this.lastTouch.size > 1_000)
      for (const [id, at] of this.lastTouch) if (now - at >= this.intervalMs) this.lastTouch.delete(id);
    return super.touch(sid, sess, callback);
  }

  override async destroy(sid: string, callback?: (err?: unknown) => void): Promise<number> {
    this.lastTouch.delete(sid);
    return super.destroy(sid, callback);
  }
}

/**
 * Sessions live in the database (every API process sees every session). The
 * cookie expires after the idle time and is renewed by requests (rolling,
 * written at most once a minute per process); the absolute lifetime is
 * enforced in `authenticate`.
 */
export function sessionMiddleware(knex: Knex, secret: string, idleMs: number): RequestHandler {
  const store = new ThrottledTouchStore(
    { knex, tableName: tables.sessions, createTable: false, cleanupInterval: 10 * 60_000 },
    Math.min(60_000, idleMs / 10),
  );
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

const promisify = (fn: (cb: (err?: Error) => void) => void) =>
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
