import { Router, type Request, type Response } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentUser, currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { parse, parseBody } from '../../http/validate.js';
import type { SessionEvents } from './session-events.js';
import {
  AddOptionSchema,
  BallotParams,
  BallotSchema,
  CreateSessionSchema,
  SessionKeyParams,
  SessionParams,
  UpdateSessionSchema,
} from './sessions.schemas.js';
import * as service from './sessions.service.js';

type Deps = { knex: Db; events: SessionEvents; publicUrl: string };

/** How long a projector's stream may stay silent before a comment line keeps proxies from closing it. */
const HEARTBEAT_MS = 20_000;
/** Votes arriving together (a room voting at once) are sent as one update. */
const COALESCE_MS = 150;

/** Prioritisation sessions: organisers open and close them, analysts watch. */
export function sessionsRouter(deps: Deps): Router {
  const { knex, events, publicUrl } = deps;
  const r = Router({ mergeParams: true });
  const analyst = [requireUser, requireWorkspace(knex, 'analyst')];
  const organiser = [requireUser, requireWorkspace(knex, 'organiser')];

  r.get('/', ...analyst, async (req, res) => {
    res.json(await service.listSessions(knex, currentWorkspace(req).row));
  });
  r.post('/', ...organiser, async (req, res) => {
    const body = parseBody(CreateSessionSchema, req);
    res
      .status(201)
      .json(await service.createSession(knex, currentWorkspace(req).row, currentUser(req), body, publicUrl));
  });
  r.get('/:id', ...analyst, async (req, res) => {
    const { id } = parse(SessionParams, req.params);
    res.json(await service.describeSession(knex, currentWorkspace(req).row, id, publicUrl));
  });
  r.patch('/:id', ...organiser, async (req, res) => {
    const { id } = parse(SessionParams, req.params);
    const body = parseBody(UpdateSessionSchema, req);
    res.json(await service.updateSession(knex, events, currentWorkspace(req).row, id, body, publicUrl));
  });
  r.post('/:id/options', ...organiser, async (req, res) => {
    const { id } = parse(SessionParams, req.params);
    const { label } = parseBody(AddOptionSchema, req);
    res.status(201).json(await service.addOption(knex, events, currentWorkspace(req).row, id, label, publicUrl));
  });
  r.get('/:id/events', ...analyst, (req, res) => streamSession(deps, req, res));
  return r;
}

/**
 * Server-sent events for a projector view: the session as GET /:id answers
 * it, first at once (so a reconnecting browser starts from the current
 * totals) and then after every change, from whichever process stored it.
 */
async function streamSession({ knex, events, publicUrl }: Deps, req: Request, res: Response): Promise<void> {
  const ws = currentWorkspace(req).row;
  const { id } = parse(SessionParams, req.params);
  const first = await service.describeSession(knex, ws, id, publicUrl);
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  // Tells nginx-style proxies not to buffer the stream.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  const send = (session: unknown) => res.write(`event: session\ndata: ${JSON.stringify(session)}\n\n`);
  res.write('retry: 2000\n\n');
  send(first);

  let pending: NodeJS.Timeout | undefined;
  let closed = false;
  let stop = () => {};
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  res.on('close', () => {
    closed = true;
    clearTimeout(pending);
    clearInterval(heartbeat);
    stop();
  });
  const refresh = () => {
    if (pending || closed) return;
    pending = setTimeout(() => {
      pending = undefined;
      service.describeSession(knex, ws, id, publicUrl).then(
        (s) => !closed && send(s),
        // The session was deleted with its workspace, or the database is gone: end the stream.
        () => res.end(),
      );
    }, COALESCE_MS);
  };
  const unsubscribe = await events.subscribe(id, refresh);
  if (closed) unsubscribe();
  else stop = unsubscribe;
}

/** The phones' side: no account, the session's unguessable key is the credential. */
export function publicSessionsRouter(deps: { knex: Db; events: SessionEvents }): Router {
  const { knex, events } = deps;
  const r = Router({ mergeParams: true });
  r.get('/:key', async (req, res) => {
    const { key } = parse(SessionKeyParams, req.params);
    res.json(await service.publicSession(knex, key));
  });
  r.get('/:key/ballots/:ballot', async (req, res) => {
    const { key, ballot } = parse(BallotParams, req.params);
    res.json(await service.getBallot(knex, key, ballot));
  });
  r.put('/:key/ballots/:ballot', async (req, res) => {
    const { key, ballot } = parse(BallotParams, req.params);
    res.json(await service.castBallot(knex, events, key, ballot, parseBody(BallotSchema, req)));
  });
  return r;
}
