import type { Db } from '../../db/db-handle.js';
import type { WaveRow, WorkspaceRow } from '../../db/tables.js';
import type { WaveState } from '../../db/wave-state.js';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  text,
  ValidationError,
  type Locale,
} from '../../http/errors.js';
import { hashToken } from '../../lib/tokens.js';
import type { JsonObject } from '../questionnaires/definition-walk.js';
import * as questionnaires from '../questionnaires/questionnaires.service.js';
import * as waves from '../waves/waves.service.js';
import * as workspaces from '../workspaces/workspaces.service.js';
import { compileValidator, type AnswerValidator } from './answer-validator.js';
import { releaseDueHeld, type ResponseWriter, type WaveTimes } from './response-writer.js';
import * as repo from './responses.repo.js';
import type { PartialResponse, PublicWave, SubmitResponseReq } from './responses.schemas.js';

type CompiledVersion = { definition: JsonObject; validator: AnswerValidator };

/** What never changes about a wave once created: safe to keep in memory in every process. */
type WaveIdentity = Pick<WaveRow, 'id' | 'questionnaire_id' | 'version' | 'access' | 'anonymous'>;

/**
 * Wave keys to their unchanging parts. Status and dates are not cached: they
 * are checked in the transaction that stores the answers.
 */
export class WaveKeyCache {
  private readonly cache = new Map<string, WaveIdentity>();
  constructor(private readonly db: Db) {}

  /** The cached identity, without waiting (most answers find their wave here). */
  peek(key: string): WaveIdentity | undefined {
    return this.cache.get(key);
  }

  async get(key: string): Promise<WaveIdentity | undefined> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const wave = await waves.findWaveByKey(this.db, key);
    if (!wave) return undefined;
    const identity = {
      id: wave.id,
      questionnaire_id: wave.questionnaire_id,
      version: wave.version,
      access: wave.access,
      anonymous: wave.anonymous,
    };
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, identity);
    return identity;
  }
}

/**
 * Published versions never change, so each is compiled once per process and
 * kept. The cache is bounded by the number of versions in use.
 */
export class VersionCache {
  private readonly cache = new Map<string, Promise<CompiledVersion>>();
  private readonly ready = new Map<string, CompiledVersion>();
  constructor(private readonly db: Db) {}

  /** A version compiled already, without waiting. */
  peek(questionnaireId: string, version: number): CompiledVersion | undefined {
    return this.ready.get(`${questionnaireId}:${version}`);
  }

  get(questionnaireId: string, version: number): Promise<CompiledVersion> {
    const key = `${questionnaireId}:${version}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = (async () => {
        const row = await questionnaires.findVersion(this.db, questionnaireId, version);
        if (!row) throw new Error(`version ${key} missing`);
        const definition = row.definition as JsonObject;
        const compiled = { definition, validator: compileValidator(definition) };
        this.ready.set(key, compiled);
        return compiled;
      })();
      hit.catch(() => this.cache.delete(key));
      if (this.cache.size > 500) {
        const oldest = this.cache.keys().next().value!;
        this.cache.delete(oldest);
        this.ready.delete(oldest);
      }
      this.cache.set(key, hit);
    }
    return hit;
  }
}

const unknownWave = () =>
  new NotFoundError(
    text(
      'There is no survey at this address. Please check the link.',
      'Unter dieser Adresse gibt es keine Befragung. Bitte prüfe den Link.',
    ),
  );

const formatDay = (d: Date, locale: Locale) =>
  d.toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  });

/**
 * 410 for a wave that takes no answers now, saying since or until when. The
 * state comes from the database's clock (db/wave-state.ts), never from this
 * process's: the message only reads the dates.
 */
function waveClosedError(state: Exclude<WaveState, 'open'>, wave: WaveTimes): AppError {
  if (state === 'not_open')
    return new AppError(
      410,
      'wave_not_open',
      wave.opens_at
        ? text(
            `This survey opens on ${formatDay(wave.opens_at, 'en')}.`,
            `Diese Befragung beginnt am ${formatDay(wave.opens_at, 'de')}.`,
          )
        : text('This survey has not opened yet.', 'Diese Befragung hat noch nicht begonnen.'),
      { opensAt: wave.opens_at },
    );
  const when = wave.closes_at && wave.status !== 'closed' ? wave.closes_at : null;
  return new AppError(
    410,
    'wave_closed',
    when
      ? text(
          `This survey closed on ${formatDay(when, 'en')}.`,
          `Diese Befragung ist am ${formatDay(when, 'de')} zu Ende gegangen.`,
        )
      : text('This survey is closed.', 'Diese Befragung ist beendet.'),
    { closesAt: wave.closes_at },
  );
}

function assertOpen(wave: WaveTimes & { state: WaveState }): void {
  if (wave.state !== 'open') throw waveClosedError(wave.state, wave);
}

type AnsweringWave = NonNullable<Awaited<ReturnType<typeof waves.findWaveByKey>>>;

async function loadWave(db: Db, key: string): Promise<{ wave: AnsweringWave; ws: WorkspaceRow }> {
  const wave = await waves.findWaveByKey(db, key);
  if (!wave) throw unknownWave();
  const ws = (await workspaces.findWorkspaceById(db, wave.workspace_id))!;
  return { wave, ws };
}

/** What the answering page needs. */
export async function publicWave(db: Db, cache: VersionCache, key: string): Promise<PublicWave> {
  const { wave, ws } = await loadWave(db, key);
  assertOpen(wave);
  const { definition } = await cache.get(wave.questionnaire_id, wave.version);
  return {
    title: wave.title,
    definition,
    anonymous: wave.anonymous,
    access: wave.access,
    privacyNotice: waves.effectivePrivacyNotice(wave, ws),
    status: wave.state,
  };
}

/** Checks an invitation token for this wave before it is exchanged for a cookie: valid and not yet used. */
export async function checkInvitation(db: Db, key: string, token: string): Promise<void> {
  const { wave } = await loadWave(db, key);
  assertOpen(wave);
  const inv = await waves.findInvitationByHash(db, wave.id, hashToken(token));
  if (!inv)
    throw new ForbiddenError(
      'invalid_token',
      text(
        'This invitation link is not valid for this survey.',
        'Dieser Einladungslink gilt nicht für diese Befragung.',
      ),
    );
  if (inv.used_on)
    throw new ConflictError(
      'conflict',
      text('This invitation has already been used to answer.', 'Mit dieser Einladung wurde schon geantwortet.'),
    );
}

async function resolveInvitation(db: Db, wave: Pick<WaveRow, 'id'>, token: string | undefined): Promise<string> {
  if (!token)
    throw new ForbiddenError(
      'invitation_required',
      text(
        'This survey needs your personal invitation link.',
        'Für diese Befragung brauchst du deinen persönlichen Einladungslink.',
      ),
    );
  const inv = await waves.findInvitationByHash(db, wave.id, hashToken(token));
  if (!inv)
    throw new ForbiddenError(
      'invalid_token',
      text(
        'This invitation link is not valid for this survey.',
        'Dieser Einladungslink gilt nicht für diese Befragung.',
      ),
    );
  return inv.id;
}

/**
 * Validates and stores a response. Complete responses get every rule; partial
 * ones (autosave) types and unknown names only. Idempotent by the client's id.
 */
export async function submitResponse(
  db: Db,
  cache: VersionCache,
  keys: WaveKeyCache,
  writer: ResponseWriter,
  key: string,
  req: SubmitResponseReq,
  cookieToken: string | undefined,
  locale: Locale,
): Promise<{ created: boolean; body: { id: string; status: string } }> {
  const wave = keys.peek(key) ?? (await keys.get(key));
  if (!wave) throw unknownWave();
  const invitationId =
    wave.access === 'invitation' ? await resolveInvitation(db, wave, req.token ?? cookieToken) : null;
  const { validator } =
    cache.peek(wave.questionnaire_id, wave.version) ?? (await cache.get(wave.questionnaire_id, wave.version));
  // The stored answers are the server's: computed values are recomputed, never taken from the browser.
  const { problems, data } = validator.judge(req.data, req.status === 'complete');
  if (problems.length > 0) {
    throw new ValidationError(
      'validation_failed',
      text(
        `${problems.length} answer(s) need attention.`,
        `${problems.length} Antwort(en) brauchen noch Aufmerksamkeit.`,
      ),
      problems.map((p) => ({ question: p.question, message: p.message[locale] })),
    );
  }
  // NUL characters, which PostgreSQL cannot store, never get this far (checkJsonBody).
  const dataJson = JSON.stringify(data);
  const outcome = await writer.write({
    id: req.id,
    waveId: wave.id,
    status: req.status,
    dataJson,
    locale: req.locale ?? null,
    invitationId,
    linkInvitation: !wave.anonymous,
  });
  const body = { id: req.id, status: req.status };
  switch (outcome.kind) {
    case 'closed':
    case 'not_open':
      throw waveClosedError(outcome.kind, outcome.wave);
    case 'written':
      return { created: true, body };
    case 'same':
      return { created: false, body };
    case 'invitation_used':
      throw new ConflictError(
        'conflict',
        text('This invitation has already been used to answer.', 'Mit dieser Einladung wurde schon geantwortet.'),
      );
    case 'conflict':
      throw new ConflictError(
        'conflict',
        text(
          'This response was already submitted with other answers.',
          'Diese Antwort wurde schon mit anderen Angaben abgeschickt.',
        ),
      );
  }
}

/** A partial response, to resume on another device. Complete ones are never handed out. */
export async function getPartialResponse(db: Db, key: string, id: string): Promise<PartialResponse> {
  const { wave } = await loadWave(db, key);
  // A response completed and waiting to be released (anonymous invitation waves) is no longer unfinished.
  const row = await repo.findPartialResponse(db, wave.id, id);
  if (!row)
    throw new NotFoundError(
      text('There is no unfinished response with this link.', 'Unter diesem Link gibt es keine unfertige Antwort.'),
    );
  return { id: row.id, status: row.status, data: row.data, locale: row.locale };
}

/**
 * Releases held answers of anonymous invitation waves that waited since an
 * earlier day or whose wave has closed (hourly, beside the retention purge).
 */
export const releaseDueResponses = (db: Db, today = new Date().toISOString().slice(0, 10)) => releaseDueHeld(db, today);
