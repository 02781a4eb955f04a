/**
 * Saved reports (issue 7): an organiser's configuration of the strategy
 * session's document. Every reference in it (waves, questions, quotes) is
 * checked when it is saved; nothing invalid is stored.
 */
import type { Db } from '../../db/db-handle.js';
import type { ReportRow, UserRow, WaveRow, WorkspaceRow } from '../../db/tables.js';
import { NotFoundError, text, ValidationError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { questionsOf, type JsonObject } from '../questionnaires/definition-walk.js';
import { isOpenTextQuestion } from '../questionnaires/question-types.js';
import * as questionnaires from '../questionnaires/questionnaires.service.js';
import * as waves from '../waves/waves.service.js';
import { reportSummaryView, reportView } from './reports.presenters.js';
import * as repo from './reports.repo.js';
import {
  OPEN_ROLES,
  ReportSchema,
  type Report,
  type ReportConfig,
  type ReportReq,
  type ReportSummary,
} from './reports.schemas.js';

export const reportNotFound = () =>
  new NotFoundError(
    text('There is no such report in this workspace.', 'Diesen Bericht gibt es in diesem Arbeitsbereich nicht.'),
  );

/** The stored configuration, read back through the schema (so old rows get today's defaults). */
export function configOf(row: ReportRow): ReportConfig {
  const { title: _title, ...config } = ReportSchema.parse({ ...(row.config as object), title: row.title });
  return config;
}

export async function getReport(db: Db, ws: WorkspaceRow, id: string): Promise<ReportRow> {
  const row = await repo.findReport(db, ws.id, id);
  if (!row) throw reportNotFound();
  return row;
}

/** The wave with its version's definition, or undefined when the wave is not this workspace's. */
export async function waveWithDefinition(
  db: Db,
  ws: WorkspaceRow,
  id: string,
): Promise<{ wave: WaveRow; definition: JsonObject } | undefined> {
  const wave = await waves.findWave(db, ws.id, id);
  if (!wave) return undefined;
  const version = await questionnaires.findVersion(db, wave.questionnaire_id, wave.version);
  return { wave, definition: (version?.definition ?? {}) as JsonObject };
}

type Problem = { field: string; message: string };

/** Checks what the schema cannot: the period, the waves, and every question and quote against the main wave. */
async function checkConfig(db: Db, ws: WorkspaceRow, req: ReportReq): Promise<void> {
  const problems: Problem[] = [];
  if (req.period.from && req.period.to && req.period.from > req.period.to)
    problems.push({ field: 'period', message: 'The period must end on or after the day it starts.' });
  const main = req.wave ? await waveWithDefinition(db, ws, req.wave) : undefined;
  if (req.wave && !main) problems.push({ field: 'wave', message: 'There is no such wave in this workspace.' });
  if (req.compareWave) {
    const other = await waveWithDefinition(db, ws, req.compareWave);
    if (!req.wave) problems.push({ field: 'compareWave', message: 'A wave to compare with needs a main wave.' });
    else if (!other) problems.push({ field: 'compareWave', message: 'There is no such wave in this workspace.' });
    else if (req.compareWave === req.wave)
      problems.push({ field: 'compareWave', message: 'A wave cannot be compared with itself.' });
    else if (main && other.wave.questionnaire_id !== main.wave.questionnaire_id)
      problems.push({ field: 'compareWave', message: 'Both waves must belong to the same questionnaire.' });
  }
  const questions = new Map(main ? questionsOf(main.definition).map((r) => [String(r.element.name), r.element]) : []);
  const needsWave =
    req.keyQuestions.length > 0 || OPEN_ROLES.some((r) => req.openQuestions[r]) || req.quotes.length > 0;
  if (needsWave && !req.wave)
    problems.push({ field: 'wave', message: 'Questions and quotes need a wave to come from.' });
  if (main) {
    req.keyQuestions.forEach((name, i) => {
      if (!questions.has(name))
        problems.push({ field: `keyQuestions.${i}`, message: `The wave's questionnaire has no question "${name}".` });
    });
    for (const role of OPEN_ROLES) {
      const name = req.openQuestions[role];
      if (name && !isOpenTextQuestion(questions.get(name) ?? {}))
        problems.push({ field: `openQuestions.${role}`, message: `"${name}" is not an open question of the wave.` });
    }
    const chosen = new Set(OPEN_ROLES.map((r) => req.openQuestions[r]).filter(Boolean));
    const texts = await repo.quoteTexts(db, main.wave.id, req.quotes);
    req.quotes.forEach((q, i) => {
      if (!chosen.has(q.question))
        problems.push({
          field: `quotes.${i}`,
          message: `A quote must come from one of the chosen open questions, not "${q.question}".`,
        });
      else if (!texts.has(`${q.response}/${q.question}`))
        problems.push({ field: `quotes.${i}`, message: 'There is no such answer in the wave.' });
    });
  }
  if (problems.length > 0) {
    throw new ValidationError(
      'invalid_report',
      text(
        `The report cannot be saved: ${problems.map((p) => p.message).join(' ')}`,
        `Der Bericht lässt sich nicht speichern: ${problems.length} Angabe(n) passen nicht zu den Daten (${problems.map((p) => p.field).join(', ')}).`,
      ),
      problems,
    );
  }
}

const configFrom = (req: ReportReq): ReportConfig => {
  const { title: _title, ...config } = req;
  // Quotes are kept only once each.
  const seen = new Set<string>();
  config.quotes = config.quotes.filter((q) =>
    seen.has(`${q.response}/${q.question}`) ? false : (seen.add(`${q.response}/${q.question}`), true),
  );
  return config;
};

export async function listReports(db: Db, ws: WorkspaceRow): Promise<{ reports: ReportSummary[] }> {
  return { reports: (await repo.listReports(db, ws.id)).map(reportSummaryView) };
}

export async function createReport(db: Db, ws: WorkspaceRow, user: UserRow, req: ReportReq): Promise<Report> {
  await checkConfig(db, ws, req);
  const row = await repo.insertReport(db, {
    workspaceId: ws.id,
    title: req.title,
    config: configFrom(req),
    createdBy: user.id,
  });
  return reportView(row, configOf(row));
}

export async function replaceReport(db: Db, ws: WorkspaceRow, id: string, req: ReportReq): Promise<Report> {
  const row = await getReport(db, ws, id);
  await checkConfig(db, ws, req);
  const updated = await repo.updateReport(db, row.id, req.title, configFrom(req));
  return reportView(updated, configOf(updated));
}

export async function deleteReport(db: Db, ws: WorkspaceRow, user: UserRow, id: string): Promise<void> {
  const row = await getReport(db, ws, id);
  await db.transaction(async (trx) => {
    await repo.deleteReport(trx, row.id);
    await recordAudit(trx, { workspaceId: ws.id, actorId: user.id, action: 'report.delete', target: row.title });
  });
}
