import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/db-handle.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { PrioritisationSessionRow, SessionOptionRow, UserRow, WorkspaceRow } from '../../db/tables.js';
import { AppError, ConflictError, NotFoundError, text, ValidationError } from '../../http/errors.js';
import { listAnswers } from '../answers/answers.service.js';
import { findWave, getWave } from '../waves/waves.service.js';
import type { SessionEvents } from './session-events.js';
import { publicSessionView, sessionView } from './sessions.presenters.js';
import * as repo from './sessions.repo.js';
import {
  MAX_OPTIONS,
  RATING_MAX,
  type Ballot,
  type BallotReq,
  type CreateSessionReq,
  type PublicSession,
  type Session,
  type SessionList,
  type UpdateSessionReq,
} from './sessions.schemas.js';

const notFound = () =>
  new NotFoundError(
    text('There is no such session in this workspace.', 'Diese Abstimmung gibt es in diesem Arbeitsbereich nicht.'),
  );
const closed = () =>
  new AppError(410, 'session_closed', text('Voting in this session has closed.', 'Die Abstimmung ist beendet.'));
const tooManyOptions = () =>
  new ValidationError(
    'too_many_options',
    text(`A session holds at most ${MAX_OPTIONS} options.`, `Eine Abstimmung hat höchstens ${MAX_OPTIONS} Optionen.`),
  );
const optionTaken = (label: string) =>
  new ConflictError('conflict', text(`The option "${label}" exists already.`, `Die Option „${label}“ gibt es schon.`));

export const newSessionKey = () => randomBytes(24).toString('base64url');

export async function getSession(db: Db, ws: WorkspaceRow, id: string): Promise<PrioritisationSessionRow> {
  const row = await repo.findSession(db, ws.id, id);
  if (!row) throw notFound();
  return row;
}

/** One option of a session, for adopting it into the action plan; 404 when the session has none such. */
export async function getOption(
  db: Db,
  ws: WorkspaceRow,
  sessionId: string,
  optionId: string,
): Promise<{ session: PrioritisationSessionRow; option: SessionOptionRow; total: number }> {
  const session = await getSession(db, ws, sessionId);
  const option = (await repo.listOptions(db, session.id)).find((o) => o.id === optionId);
  if (!option)
    throw new NotFoundError(text('This session has no such option.', 'Diese Abstimmung hat keine solche Option.'));
  const totals = await repo.optionTotals(db, session.id);
  return { session, option, total: totals.find((t) => t.option === option.id)?.total ?? 0 };
}

export async function listSessions(db: Db, ws: WorkspaceRow): Promise<SessionList> {
  const rows = await repo.listSessions(db, ws.id);
  return {
    sessions: rows.map((r) => ({
      id: r.id,
      title: r.title,
      method: r.method,
      status: r.status,
      participants: r.participants,
      options: r.options,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/** A session with its options and (unless suppressed) totals. */
export async function describeSession(db: Db, ws: WorkspaceRow, id: string, publicUrl: string): Promise<Session> {
  const s = await getSession(db, ws, id);
  const [options, totals, participants] = await Promise.all([
    repo.listOptions(db, s.id),
    repo.optionTotals(db, s.id),
    repo.countParticipants(db, s.id),
  ]);
  const wave = s.wave_id ? await findWave(db, ws.id, s.wave_id) : undefined;
  return sessionView(s, options, new Map(totals.map((t) => [t.option, t])), participants, {
    publicUrl,
    minGroupSize: ws.min_group_size,
    wave: wave ? { id: wave.id, title: wave.title } : null,
  });
}

/**
 * Opens a session. Its options are the codes given to the open question's
 * answers in the wave (most often given first), then those added by hand.
 */
export async function createSession(
  db: Db,
  ws: WorkspaceRow,
  user: UserRow,
  body: CreateSessionReq,
  publicUrl: string,
): Promise<Session> {
  const coded: Array<{ label: string; codeId: string | null }> = [];
  if (body.wave && body.question) {
    const wave = await getWave(db, ws, body.wave);
    const answers = await listAnswers(db, ws, wave.id, body.question, undefined, 'de');
    for (const c of [...answers.codes].filter((c) => c.count > 0).sort((a, b) => b.count - a.count))
      coded.push({ label: c.label, codeId: c.id });
  }
  const seen = new Set(coded.map((c) => c.label.toLocaleLowerCase()));
  const labels = [
    ...coded,
    ...body.options
      .filter((l) => {
        const k = l.toLocaleLowerCase();
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .map((label) => ({ label, codeId: null })),
  ];
  if (labels.length === 0)
    throw new ValidationError(
      'no_options',
      text(
        'A session needs options: choose a question with coded answers or add options.',
        'Eine Abstimmung braucht Optionen: Wähle eine Frage mit codierten Antworten oder füge Optionen hinzu.',
      ),
    );
  if (labels.length > MAX_OPTIONS) throw tooManyOptions();
  const id = randomUUID();
  await db.transaction(async (trx) => {
    await repo.insertSession(trx, {
      id,
      workspace_id: ws.id,
      key: newSessionKey(),
      title: body.title,
      method: body.method,
      points: body.method === 'rating' ? RATING_MAX : body.points,
      wave_id: body.wave ?? null,
      question: body.question ?? null,
      created_by: user.id,
    });
    await repo.insertOptions(
      trx,
      labels.map((o, position) => ({ id: randomUUID(), session_id: id, label: o.label, code_id: o.codeId, position })),
    );
  });
  return describeSession(db, ws, id, publicUrl);
}

export async function updateSession(
  db: Db,
  events: SessionEvents,
  ws: WorkspaceRow,
  id: string,
  body: UpdateSessionReq,
  publicUrl: string,
): Promise<Session> {
  const s = await getSession(db, ws, id);
  await repo.updateSession(db, s.id, body);
  await events.publish(db, s.id);
  return describeSession(db, ws, id, publicUrl);
}

export async function addOption(
  db: Db,
  events: SessionEvents,
  ws: WorkspaceRow,
  id: string,
  label: string,
  publicUrl: string,
): Promise<Session> {
  const s = await getSession(db, ws, id);
  if (s.status === 'closed') throw closed();
  const position = await repo.nextOptionPosition(db, s.id);
  if (position >= MAX_OPTIONS) throw tooManyOptions();
  try {
    await repo.insertOptions(db, [{ id: randomUUID(), session_id: s.id, label, code_id: null, position }]);
  } catch (err) {
    if (isUniqueViolation(err)) throw optionTaken(label);
    throw err;
  }
  await events.publish(db, s.id);
  return describeSession(db, ws, id, publicUrl);
}

// ── Phones (public, by the session's key) ─────────────────────────────────────────────────

async function sessionByKey(db: Db, key: string): Promise<PrioritisationSessionRow> {
  const s = await repo.findSessionByKey(db, key);
  if (!s) throw new NotFoundError(text('There is no such vote.', 'Diese Abstimmung gibt es nicht.'));
  return s;
}

export async function publicSession(db: Db, key: string): Promise<PublicSession> {
  const s = await sessionByKey(db, key);
  return publicSessionView(s, await repo.listOptions(db, s.id));
}

/** A phone's own votes, to change them; an unknown ballot has none yet. */
export async function getBallot(db: Db, key: string, ballotId: string): Promise<Ballot> {
  const s = await sessionByKey(db, key);
  return { votes: (await repo.findBallot(db, s.id, ballotId))?.votes ?? {} };
}

/** Checks a ballot against the session's method and options; options given 0 are left out. */
function checkedVotes(
  s: PrioritisationSessionRow,
  options: SessionOptionRow[],
  body: BallotReq,
): Record<string, number> {
  const known = new Set(options.map((o) => o.id));
  const unknown = Object.keys(body.votes).filter((o) => !known.has(o));
  if (unknown.length > 0)
    throw new ValidationError(
      'unknown_option',
      text(
        'The vote names an option this session does not have.',
        'Die Stimme nennt eine Option, die es hier nicht gibt.',
      ),
      { options: unknown },
    );
  const votes = Object.fromEntries(Object.entries(body.votes).filter(([, v]) => v > 0));
  if (s.method === 'dots') {
    const used = Object.values(votes).reduce((a, b) => a + b, 0);
    if (used > s.points)
      throw new ValidationError(
        'too_many_points',
        text(
          `Each participant has ${s.points} points; this vote uses ${used}.`,
          `Jede Person hat ${s.points} Punkte; diese Stimme verteilt ${used}.`,
        ),
        { points: s.points, used },
      );
  } else if (Object.values(votes).some((v) => v > RATING_MAX)) {
    throw new ValidationError(
      'invalid_rating',
      text(`Rate each option from 1 to ${RATING_MAX}.`, `Bewerte jede Option von 1 bis ${RATING_MAX}.`),
    );
  }
  return votes;
}

/** Stores a phone's votes (replacing its earlier ones) while voting is open; 410 once it is closed. */
export async function castBallot(
  db: Db,
  events: SessionEvents,
  key: string,
  ballotId: string,
  body: BallotReq,
): Promise<Ballot> {
  const s = await sessionByKey(db, key);
  if (s.status === 'closed') throw closed();
  const votes = checkedVotes(s, await repo.listOptions(db, s.id), body);
  // The session may close between the check above and the write: the write checks again.
  if (!(await repo.saveBallot(db, s.id, ballotId, votes))) throw closed();
  await events.publish(db, s.id);
  return { votes };
}
