import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../helpers/sse.js';
import { Organiser, requireBuild, startApi, throwawayDatabase, type ApiProcess } from './harness.js';

// A prioritisation session's projector view is connected to one API process
// while the phones' votes reach another: the change travels through
// PostgreSQL's LISTEN/NOTIFY (docs/session.md), so the projector's event
// stream on the first process shows every vote stored by the second.

let db: Awaited<ReturnType<typeof throwawayDatabase>>;
let a: ApiProcess;
let b: ApiProcess;

beforeAll(async () => {
  requireBuild();
  db = await throwawayDatabase();
  a = await startApi({ DATABASE_URL: db.url });
  b = await startApi({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await Promise.all([a?.process.stop('SIGKILL'), b?.process.stop('SIGKILL')]);
  await db?.drop();
});

type Session = {
  id: string;
  key: string;
  status: string;
  participants: number;
  options: Array<{ id: string; total: number | null }>;
};

describe('a session watched on one process and voted on another', () => {
  it('streams the votes stored by the other process, and its closing', async () => {
    const org = new Organiser(a.baseUrl);
    await org.login();
    await org.expect(201, 'POST', '/workspaces', { slug: 'zwei', name: 'Zwei Prozesse' });
    const s = (await org.expect(201, 'POST', '/workspaces/zwei/sessions', {
      title: 'Strategiesitzung',
      options: ['Koordinationsstelle', 'Webseite'],
    })) as Session;
    const stream = await openEventStream(`${a.baseUrl}/api/v1/workspaces/zwei/sessions/${s.id}/events`, {
      Cookie: await org.sessionCookie(),
    });
    try {
      await stream.next<Session>((e) => e.participants === 0);
      const [k, w] = s.options.map((o) => o.id) as [string, string];
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${b.baseUrl}/api/v1/public/sessions/${s.key}/ballots/${randomUUID()}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ votes: i % 2 === 0 ? { [k]: 3 } : { [k]: 1, [w]: 2 } }),
        });
        expect(res.status).toBe(200);
      }
      const live = await stream.next<Session>((e) => e.participants === 6);
      expect(live.options.map((o) => o.total)).toEqual([12, 6]);

      // Closed on the other process too.
      const orgB = new Organiser(b.baseUrl);
      await orgB.login();
      await orgB.expect(200, 'PATCH', `/workspaces/zwei/sessions/${s.id}`, { status: 'closed' });
      const closed = await stream.next<Session>((e) => e.status === 'closed');
      expect(closed.participants).toBe(6);
    } finally {
      stream.close();
    }
  });
});
