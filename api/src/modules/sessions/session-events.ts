import { EventEmitter } from 'node:events';
import type { Listen } from '../../db/database.js';
import type { Db } from '../../db/db-handle.js';
import { notifySession, SESSION_CHANNEL } from './sessions.repo.js';

/**
 * Who is watching which session, in this process, and how a change reaches
 * them from any process: a vote stored by one API process is announced with
 * NOTIFY on the database, and every process listening (PostgreSQL: one
 * dedicated connection per process; PGlite: its own listen) passes it on to
 * its projector views (docs/session.md). Without a listen function (a bare
 * app in a unit test) changes stay within the process.
 */
export class SessionEvents {
  private readonly local = new EventEmitter();
  private listening: Promise<unknown> | undefined;

  constructor(private readonly listen?: Listen) {
    // Every projector view of every session is one listener.
    this.local.setMaxListeners(0);
  }

  /** Calls `onChange` whenever the session changes; '' for "anything may have changed" (after a reconnect). */
  async subscribe(sessionId: string, onChange: () => void): Promise<() => void> {
    if (this.listen) {
      this.listening ??= this.listen(SESSION_CHANNEL, (payload) => this.local.emit(payload || '*'));
      await this.listening;
    }
    this.local.on(sessionId, onChange);
    this.local.on('*', onChange);
    return () => {
      this.local.off(sessionId, onChange);
      this.local.off('*', onChange);
    };
  }

  /** Announces a change; call it after the change is committed. */
  async publish(db: Db, sessionId: string): Promise<void> {
    if (this.listen) await notifySession(db, sessionId);
    else this.local.emit(sessionId);
  }
}
