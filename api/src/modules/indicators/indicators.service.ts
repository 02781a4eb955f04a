/**
 * Indicators on the impact model (DESIGN §2, §4): manual measurements,
 * figures computed from the waves of a questionnaire, and running counts of
 * the activity log. Computed series are worked out when read, so they always
 * follow the responses and activities; every point says where it comes from.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db-handle.js';
import type { ActivityRow, IndicatorRow, IndicatorSource, UserRow, WaveRow, WorkspaceRow } from '../../db/tables.js';
import { isUniqueViolation } from '../../db/errors.js';
import { ConflictError, NotFoundError, text, ValidationError } from '../../http/errors.js';
import { listActivitiesOfType } from '../activities/activities.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { questionsOf, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import { measuresOf } from '../questionnaires/question-types.js';
import { shareOptions } from '../questionnaires/question-options.js';
import * as questionnaires from '../questionnaires/questionnaires.service.js';
import type { ResultsEngine } from '../results/engine/engine.js';
import { listWavesOfQuestionnaire } from '../waves/waves.service.js';
import { measurementView } from './indicators.presenters.js';
import * as repo from './indicators.repo.js';
import type {
  CreateIndicatorReq,
  Indicator,
  IndicatorList,
  Measurement,
  MeasurementReq,
  UpdateIndicatorReq,
} from './indicators.schemas.js';

/** Where a point of a series comes from. */
export type Provenance =
  | { kind: 'manual'; measurementId: string; enteredBy: string | null; note: string | null }
  | { kind: 'survey'; wave: { id: string; title: string }; respondents: number | null; reason?: string }
  | { kind: 'activities'; activities: Array<{ id: string; title: string }> };
export type Point = { date: string; value: number | null; source: Provenance };

/** PHINEO Wirkungstreppe: steps 1–3 are output, 4–6 outcome, 7 impact; inputs stand on no step. */
export function levelOfStep(step: number): 'output' | 'outcome' | 'impact' {
  return step <= 3 ? 'output' : step <= 6 ? 'outcome' : 'impact';
}

const notFound = () =>
  new NotFoundError(
    text(
      'There is no indicator with this key in this workspace.',
      'Einen Indikator mit diesem Schlüssel gibt es in diesem Arbeitsbereich nicht.',
    ),
  );
const invalid = (en: string, de: string, field: string) =>
  new ValidationError('invalid_indicator', text(en, de), [{ field, message: en }]);

/** Checks what the schema cannot: level against step, and a survey source against the questionnaire it names. */
async function checkIndicator(
  db: Db,
  ws: WorkspaceRow,
  ind: { level: string; step?: number | null; source: IndicatorSource },
): Promise<void> {
  if (ind.level === 'input' && ind.step != null)
    throw invalid(
      'Inputs stand on no step of the impact staircase.',
      'Ressourcen (Input) stehen auf keiner Stufe der Wirkungstreppe.',
      'step',
    );
  if (ind.step != null && levelOfStep(ind.step) !== ind.level) {
    throw invalid(
      `Step ${ind.step} belongs to ${levelOfStep(ind.step)} (steps 1–3 output, 4–6 outcome, 7 impact), not to ${ind.level}.`,
      `Stufe ${ind.step} gehört zu ${levelOfStep(ind.step)} (Stufen 1–3 Output, 4–6 Outcome, 7 Impact), nicht zu ${ind.level}.`,
      'step',
    );
  }
  const source = ind.source;
  if (source.kind === 'activities' && source.measure === 'distinct' && !source.field) {
    throw invalid(
      'Counting distinct values needs the field to count (district or topic).',
      'Verschiedene Werte zu zählen braucht das Feld (Stadtteil oder Thema).',
      'source.field',
    );
  }
  if (source.kind !== 'survey') return;
  const q = await questionnaires.findQuestionnaire(db, ws.id, source.questionnaire);
  const latest = q ? await questionnaires.findLatestVersion(db, q.id) : undefined;
  if (!latest)
    throw invalid(
      `There is no published questionnaire "${source.questionnaire}".`,
      `Einen veröffentlichten Fragebogen „${source.questionnaire}“ gibt es nicht.`,
      'source.questionnaire',
    );
  const question = questionsOf(latest.definition as JsonObject).find(
    (r) => r.element.name === source.question,
  )?.element;
  if (!question)
    throw invalid(
      `The questionnaire has no question "${source.question}".`,
      `Der Fragebogen hat keine Frage „${source.question}“.`,
      'source.question',
    );
  const type = String(question.type);
  // Which measures a question allows is the question type registry's word.
  const measures = measuresOf(question);
  if (source.measure === 'share') {
    if (!measures.includes('share'))
      throw invalid(
        `A share needs a choice question; "${source.question}" is ${type}.`,
        `Ein Anteil braucht eine Auswahlfrage; „${source.question}“ ist ${type}.`,
        'source.question',
      );
    if (!source.values && type !== 'boolean')
      throw invalid(
        'A share needs the values that count.',
        'Ein Anteil braucht die Werte, die zählen.',
        'source.values',
      );
    const known = shareOptions(question).map((o) => JSON.stringify(o.value));
    const unknown = (source.values ?? []).filter((v) => !known.includes(JSON.stringify(v)));
    if (unknown.length > 0)
      throw invalid(
        `Not a choice of "${source.question}": ${unknown.map(String).join(', ')}.`,
        `Keine Auswahl von „${source.question}“: ${unknown.map(String).join(', ')}.`,
        'source.values',
      );
  }
  if (source.measure === 'mean' && !measures.includes('mean')) {
    throw invalid(
      `A mean needs a rating or slider question; "${source.question}" is ${type}.`,
      `Ein Mittelwert braucht eine Bewertungs- oder Schiebereglerfrage; „${source.question}“ ist ${type}.`,
      'source.question',
    );
  }
}

// --- Series ---

async function manualSeries(db: Db, ind: IndicatorRow): Promise<Point[]> {
  const rows = await repo.listMeasurements(db, ind.id);
  return rows.map((m) => ({
    date: m.date,
    value: Number(m.value),
    source: { kind: 'manual', measurementId: m.id, enteredBy: m.entered_by, note: m.note },
  }));
}

/** The day a wave's figure belongs to: its end, else its last completion, else its creation. */
function waveDay(wave: WaveRow, lastCompletion: string | undefined): string {
  if (wave.closes_at && wave.closes_at.getTime() <= Date.now()) return wave.closes_at.toISOString().slice(0, 10);
  return lastCompletion ?? wave.created_at.toISOString().slice(0, 10);
}

async function surveySeries(
  db: Db,
  engine: ResultsEngine,
  ws: WorkspaceRow,
  source: Extract<IndicatorSource, { kind: 'survey' }>,
): Promise<Point[]> {
  const q = await questionnaires.findQuestionnaire(db, ws.id, source.questionnaire);
  if (!q) return [];
  const waves = await listWavesOfQuestionnaire(db, ws.id, q.id);
  const versions = await questionnaires.listVersions(db, q.id);
  const min = ws.min_group_size;
  const points: Point[] = [];
  for (const wave of waves) {
    const definition = versions.find((v) => v.version === wave.version)?.definition as JsonObject | undefined;
    const question = definition && questionsOf(definition).find((r) => r.element.name === source.question)?.element;
    if (!definition || !question) continue;
    const columns = await engine.columns(wave, definition);
    const days = columns.responsesPerDay();
    const date = waveDay(wave, days.at(-1)?.date);
    const where = { id: wave.id, title: wave.title };
    let respondents: number;
    let value: number | null;
    if (source.measure === 'count') {
      respondents = columns.rows;
      value = respondents;
    } else if (source.measure === 'share') {
      const values = source.values ?? [(question.valueTrue ?? true) as Json];
      const { answered, choosing } = columns.answeredAndChoosing(source.question, values);
      respondents = answered;
      value = answered > 0 ? (100 * choosing) / answered : null;
    } else {
      const figures = columns.figures(undefined, 'default').find((f) => f.name === source.question);
      respondents = figures?.n ?? 0;
      value = figures?.mean ?? null;
    }
    // A wave nobody has answered (yet) has no figure, not a withheld one: no point at all.
    if (respondents === 0) continue;
    if (respondents < min) {
      points.push({
        date,
        value: null,
        source: {
          kind: 'survey',
          wave: where,
          respondents: null,
          reason: `Fewer than ${min} respondents answered: no figure is shown (minimum group size).`,
        },
      });
    } else {
      points.push({
        date,
        value: value === null ? null : Math.round(value * 100) / 100,
        source: { kind: 'survey', wave: where, respondents },
      });
    }
  }
  return points;
}

async function activitySeries(
  db: Db,
  ws: WorkspaceRow,
  source: Extract<IndicatorSource, { kind: 'activities' }>,
): Promise<Point[]> {
  const rows = await listActivitiesOfType(db, ws, source.activityType);
  const points: Point[] = [];
  let count = 0;
  const distinct = new Set<string>();
  for (let i = 0; i < rows.length;) {
    const date = rows[i]!.date;
    const sameDay: ActivityRow[] = [];
    for (; i < rows.length && rows[i]!.date === date; i++) sameDay.push(rows[i]!);
    count += sameDay.length;
    for (const a of sameDay) {
      const v = source.field ? a[source.field] : null;
      if (v) distinct.add(v.trim().toLowerCase());
    }
    points.push({
      date,
      value: source.measure === 'count' ? count : distinct.size,
      source: { kind: 'activities', activities: sameDay.map((a) => ({ id: a.id, title: a.title })) },
    });
  }
  return points;
}

/** How far the latest value has come from the baseline (else the first value) toward the target, 0–1. */
export function progressOf(
  ind: Pick<IndicatorRow, 'baseline' | 'target' | 'direction'>,
  series: Point[],
): number | null {
  const values = series.filter((p) => p.value !== null);
  const latest = values.at(-1)?.value;
  const start = ind.baseline?.value ?? values[0]?.value;
  if (!ind.target || latest == null || start == null) return null;
  const goal = ind.target.value;
  if (goal === start) return (ind.direction === 'up' ? latest >= goal : latest <= goal) ? 1 : 0;
  return Math.min(1, Math.max(0, (latest - start) / (goal - start)));
}

async function view(db: Db, engine: ResultsEngine, ws: WorkspaceRow, ind: IndicatorRow): Promise<Indicator> {
  const series =
    ind.source.kind === 'manual'
      ? await manualSeries(db, ind)
      : ind.source.kind === 'survey'
        ? await surveySeries(db, engine, ws, ind.source)
        : await activitySeries(db, ws, ind.source);
  const latest = series.filter((p) => p.value !== null).at(-1);
  return {
    key: ind.key,
    name: ind.name,
    description: ind.description,
    unit: ind.unit,
    level: ind.level,
    step: ind.step,
    direction: ind.direction,
    baseline: ind.baseline,
    target: ind.target,
    source: ind.source,
    srsChapter: ind.srs_chapter,
    series,
    latest: latest ? { date: latest.date, value: latest.value! } : null,
    progress: progressOf(ind, series),
  };
}

// --- API ---

async function findIndicator(db: Db, ws: WorkspaceRow, key: string): Promise<IndicatorRow> {
  const row = await repo.findIndicator(db, ws.id, key);
  if (!row) throw notFound();
  return row;
}

export async function listIndicators(db: Db, engine: ResultsEngine, ws: WorkspaceRow): Promise<IndicatorList> {
  const rows = await repo.listIndicators(db, ws.id);
  const out = [];
  for (const row of rows) out.push(await view(db, engine, ws, row));
  return { indicators: out };
}

export async function getIndicator(db: Db, engine: ResultsEngine, ws: WorkspaceRow, key: string): Promise<Indicator> {
  return view(db, engine, ws, await findIndicator(db, ws, key));
}

const columnsOf = (b: Partial<CreateIndicatorReq>) => {
  const out: Record<string, unknown> = {};
  if (b.name !== undefined) out.name = b.name;
  if (b.description !== undefined) out.description = b.description;
  if (b.unit !== undefined) out.unit = b.unit;
  if (b.level !== undefined) out.level = b.level;
  if (b.step !== undefined) out.step = b.step;
  if (b.direction !== undefined) out.direction = b.direction;
  if (b.baseline !== undefined) out.baseline = b.baseline === null ? null : JSON.stringify(b.baseline);
  if (b.target !== undefined) out.target = b.target === null ? null : JSON.stringify(b.target);
  if (b.source !== undefined) out.source = JSON.stringify(b.source);
  if (b.srsChapter !== undefined) out.srs_chapter = b.srsChapter;
  return out;
};

export async function createIndicator(
  db: Db,
  engine: ResultsEngine,
  ws: WorkspaceRow,
  user: UserRow,
  body: CreateIndicatorReq,
) {
  await checkIndicator(db, ws, body);
  try {
    const row = await repo.insertIndicator(db, {
      id: randomUUID(),
      workspace_id: ws.id,
      key: body.key,
      created_by: user.id,
      ...columnsOf(body),
    });
    return view(db, engine, ws, row);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError(
        'conflict',
        text(`An indicator "${body.key}" exists already.`, `Einen Indikator „${body.key}“ gibt es schon.`),
      );
    throw err;
  }
}

export async function updateIndicator(
  db: Db,
  engine: ResultsEngine,
  ws: WorkspaceRow,
  key: string,
  body: UpdateIndicatorReq,
) {
  const current = await findIndicator(db, ws, key);
  const merged = {
    level: body.level ?? current.level,
    step: body.step !== undefined ? body.step : current.step,
    source: body.source ?? current.source,
  };
  await checkIndicator(db, ws, merged);
  const row = await repo.updateIndicator(db, current.id, columnsOf(body));
  return view(db, engine, ws, row);
}

export async function deleteIndicator(db: Db, ws: WorkspaceRow, user: UserRow, key: string): Promise<void> {
  const row = await findIndicator(db, ws, key);
  await db.transaction(async (trx) => {
    await repo.deleteIndicator(trx, row.id);
    await recordAudit(trx, { workspaceId: ws.id, actorId: user.id, action: 'indicator.delete', target: row.key });
  });
}

export async function addMeasurement(
  db: Db,
  ws: WorkspaceRow,
  user: UserRow,
  key: string,
  body: MeasurementReq,
): Promise<Measurement> {
  const ind = await findIndicator(db, ws, key);
  if (ind.source.kind !== 'manual') {
    throw new ValidationError(
      'not_manual',
      text(
        'This indicator is computed from its source; measurements are recorded for manual indicators only.',
        'Dieser Indikator wird aus seiner Quelle berechnet; Messwerte gibt es nur für manuelle Indikatoren.',
      ),
    );
  }
  const row = await repo.insertMeasurement(db, {
    id: randomUUID(),
    indicator_id: ind.id,
    date: body.date,
    value: body.value,
    note: body.note ?? null,
    entered_by: user.id,
  });
  return measurementView(row, user.name);
}

export async function deleteMeasurement(db: Db, ws: WorkspaceRow, key: string, id: string): Promise<void> {
  const ind = await findIndicator(db, ws, key);
  if (!(await repo.deleteMeasurement(db, ind.id, id)))
    throw new NotFoundError(text('There is no such measurement.', 'Diesen Messwert gibt es nicht.'));
}

/** A workspace's indicators by key with name and unit, without their series (for the action plan's targets). */
export async function listIndicatorNames(
  db: Db,
  ws: WorkspaceRow,
): Promise<Map<string, { name: string; unit: string | null }>> {
  return new Map((await repo.listIndicators(db, ws.id)).map((i) => [i.key, { name: i.name, unit: i.unit }]));
}
