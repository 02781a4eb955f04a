import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/db-handle.js';
import type { UserRow, WaveRow, WorkspaceRow } from '../../db/tables.js';
import { ConflictError, NotFoundError, text, ValidationError } from '../../http/errors.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import { recordAudit } from '../audit/audit.service.js';
import * as questionnaires from '../questionnaires/questionnaires.service.js';
import { defaultPrivacyNotice } from './privacy-notice.js';
import { waveInvitationView, waveView } from './waves.presenters.js';
import * as repo from './waves.repo.js';
import type {
  CreatedWave,
  CreateInvitationsReq,
  CreateWaveReq,
  IssuedInvitation,
  UpdateWaveReq,
  Wave,
  WaveDetail,
  WaveInvitation,
} from './waves.schemas.js';

/** 192 random bits, URL-safe: the wave's public key. */
export const newWaveKey = () => randomBytes(24).toString('base64url');

export const waveUrl = (publicUrl: string, key: string) => `${publicUrl}/s/${key}`;

const notFound = () => new NotFoundError(text('Wave not found.', 'Erhebungswelle nicht gefunden.'));

/** The wave of this workspace with this id, if any (no 404: the caller decides). */
export const findWave = (db: Db, workspaceId: string, id: string) => repo.findWave(db, workspaceId, id);

/** The wave behind a public key, if any. */
export const findWaveByKey = (db: Db, key: string) => repo.findWaveByKey(db, key);

/** The personal invitation of a wave with this token hash, if any. */
export const findInvitationByHash = (db: Db, waveId: string, tokenHash: string) =>
  repo.findInvitationByHash(db, waveId, tokenHash);

/** The waves of a questionnaire, oldest first. */
export const listWavesOfQuestionnaire = (db: Db, workspaceId: string, questionnaireId: string) =>
  repo.listWavesOfQuestionnaire(db, workspaceId, questionnaireId);

export async function getWave(db: Db, ws: WorkspaceRow, id: string): Promise<repo.WaveWithState> {
  const wave = await repo.findWave(db, ws.id, id);
  if (!wave) throw notFound();
  return wave;
}

const defaultNoticeFor = (wave: WaveRow, ws: WorkspaceRow) =>
  defaultPrivacyNotice({
    anonymous: wave.anonymous,
    minGroupSize: ws.min_group_size,
    retentionDays: wave.retention_days,
    workspaceName: ws.name,
  });

/** The notice respondents see: the organiser's text, or the default for this wave's settings. */
export function effectivePrivacyNotice(wave: WaveRow, ws: WorkspaceRow) {
  return wave.privacy_notice ?? defaultNoticeFor(wave, ws);
}

function view(
  wave: repo.WaveWithState,
  ws: WorkspaceRow,
  counts: repo.WaveCounts | undefined,
  publicUrl: string,
  slug: string,
): Wave {
  return waveView(wave, {
    questionnaire: slug,
    // Whether it takes answers now, decided by the database's clock (db/wave-state.ts).
    state: wave.state,
    url: waveUrl(publicUrl, wave.key),
    counts,
    privacyNotice: effectivePrivacyNotice(wave, ws),
    defaultPrivacyNotice: defaultNoticeFor(wave, ws),
  });
}

async function slugsOf(db: Db, ws: WorkspaceRow): Promise<Map<string, string>> {
  return questionnaires.questionnaireSlugs(db, ws.id);
}

export async function listWaves(db: Db, ws: WorkspaceRow, publicUrl: string): Promise<Wave[]> {
  const waves = await repo.listWaves(db, ws.id);
  const [counts, slugs] = await Promise.all([
    repo.countResponses(
      db,
      waves.map((w) => w.id),
    ),
    slugsOf(db, ws),
  ]);
  return waves.map((w) => view(w, ws, counts.get(w.id), publicUrl, slugs.get(w.questionnaire_id) ?? ''));
}

export async function describeWave(db: Db, ws: WorkspaceRow, id: string, publicUrl: string): Promise<WaveDetail> {
  const wave = await getWave(db, ws, id);
  const [counts, slugs, invitations] = await Promise.all([
    repo.countResponses(db, [wave.id]),
    slugsOf(db, ws),
    repo.countInvitations(db, wave.id),
  ]);
  return { ...view(wave, ws, counts.get(wave.id), publicUrl, slugs.get(wave.questionnaire_id) ?? ''), invitations };
}

/** Opens a wave on a published version. */
export async function createWave(
  db: Db,
  actor: UserRow,
  ws: WorkspaceRow,
  req: CreateWaveReq,
  publicUrl: string,
): Promise<CreatedWave> {
  const q = await questionnaires.findQuestionnaire(db, ws.id, req.questionnaire);
  if (!q) throw new NotFoundError(text('Questionnaire not found.', 'Fragebogen nicht gefunden.'));
  if (!(await questionnaires.findVersion(db, q.id, req.version))) {
    throw new ValidationError(
      'version_not_published',
      text(
        `Version ${req.version} of "${req.questionnaire}" is not published.`,
        `Version ${req.version} von „${req.questionnaire}“ ist nicht veröffentlicht.`,
      ),
    );
  }
  return db.transaction(async (trx) => {
    const wave = await repo.insertWave(trx, {
      workspace_id: ws.id,
      questionnaire_id: q.id,
      version: req.version,
      title: req.title,
      key: newWaveKey(),
      access: req.access,
      anonymous: req.anonymous ?? true,
      opens_at: req.opensAt ?? null,
      closes_at: req.closesAt ?? null,
      privacy_notice: req.privacyNotice ?? null,
      retention_days: req.retentionDays ?? null,
      created_by: actor.id,
    });
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: actor.id,
      action: 'wave.create',
      target: wave.title,
      details: { id: wave.id, questionnaire: req.questionnaire, version: req.version },
    });
    return { id: wave.id, key: wave.key, url: waveUrl(publicUrl, wave.key) };
  });
}

export async function updateWave(
  db: Db,
  actor: UserRow,
  ws: WorkspaceRow,
  id: string,
  req: UpdateWaveReq,
  publicUrl: string,
): Promise<WaveDetail> {
  const wave = await getWave(db, ws, id);
  const opens = req.opensAt === undefined ? wave.opens_at : req.opensAt;
  const closes = req.closesAt === undefined ? wave.closes_at : req.closesAt;
  if (opens && closes && opens >= closes) {
    throw new ValidationError(
      'invalid_dates',
      text('The wave must close after it opens.', 'Die Welle muss nach ihrem Beginn enden.'),
    );
  }
  await db.transaction(async (trx) => {
    await repo.updateWave(trx, wave.id, {
      ...(req.title !== undefined && { title: req.title }),
      ...(req.status !== undefined && { status: req.status }),
      ...(req.opensAt !== undefined && { opens_at: req.opensAt }),
      ...(req.closesAt !== undefined && { closes_at: req.closesAt }),
      ...(req.privacyNotice !== undefined && { privacy_notice: req.privacyNotice }),
      ...(req.retentionDays !== undefined && { retention_days: req.retentionDays }),
    });
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: actor.id,
      action: 'wave.update',
      target: wave.title,
      details: { id: wave.id, fields: Object.keys(req) },
    });
  });
  return describeWave(db, ws, id, publicUrl);
}

/** Creates personal invitation tokens; they are returned once and stored only as hashes. */
export async function createInvitations(
  db: Db,
  actor: UserRow,
  ws: WorkspaceRow,
  id: string,
  req: CreateInvitationsReq,
  publicUrl: string,
): Promise<IssuedInvitation[]> {
  const wave = await getWave(db, ws, id);
  if (wave.access !== 'invitation') {
    throw new ConflictError(
      'not_invitation_wave',
      text(
        'This wave is open to anyone with its link; it has no invitations.',
        'Diese Welle ist für alle mit dem Link offen; sie hat keine Einladungen.',
      ),
    );
  }
  const labels = 'count' in req ? Array.from({ length: req.count }, () => null) : req.recipients.map((r) => r.label);
  const tokens = labels.map(() => newSecretToken());
  await db.transaction(async (trx) => {
    await repo.insertInvitations(
      trx,
      wave.id,
      tokens.map((t, i) => ({ tokenHash: hashToken(t), label: labels[i] ?? null })),
    );
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: actor.id,
      action: 'wave.invite',
      target: wave.title,
      details: { id: wave.id, count: tokens.length },
    });
  });
  // The token travels in the fragment, which never reaches a server log.
  return tokens.map((token, i) => ({
    label: labels[i] ?? null,
    token,
    url: `${waveUrl(publicUrl, wave.key)}#invitation=${token}`,
  }));
}

export async function listInvitations(db: Db, ws: WorkspaceRow, id: string): Promise<WaveInvitation[]> {
  const wave = await getWave(db, ws, id);
  return (await repo.listInvitations(db, wave.id)).map(waveInvitationView);
}

/** Deletes the responses of waves whose retention period has passed (run periodically). */
export const purgeExpiredResponses = (db: Db, today = new Date().toISOString().slice(0, 10)) =>
  repo.deleteExpiredResponses(db, today);
