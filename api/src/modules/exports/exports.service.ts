import type { Db } from '../../db/db-handle.js';
import type { WaveRow, WorkspaceRow } from '../../db/tables.js';
import { NotFoundError, text } from '../../http/errors.js';
import type { JsonObject } from '../questionnaires/definition-walk.js';
import { appLanguage, definitionIn, labelLanguage } from '../questionnaires/locales.js';
import * as questionnaires from '../questionnaires/questionnaires.service.js';
import type { QuestionFigures } from '../results/aggregate.js';
import type { ResultsEngine } from '../results/engine/engine.js';
import { filterText } from '../results/filters.js';
import { waveResults } from '../results/results.service.js';
import { getWave } from '../waves/waves.service.js';
import { CODEBOOK_HEADER, exportLayout, type CellValue, type CodebookRow, type PanelSheet } from './columns.js';
import type { ExportedResponse } from './exports.repo.js';
import * as repo from './exports.repo.js';
import type { Sheet } from './writers.js';

/** Rows per database read: small enough to keep memory flat, large enough to keep round trips few. */
export const BATCH_SIZE = 1000;

/** A file name part from a title: ASCII letters, digits and dashes (German umlauts spelt out). */
export function slugify(title: string): string {
  const spelt = title.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  const ascii = spelt.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'export';
}

const today = () => new Date().toISOString().slice(0, 10);

/** `<wave title>-<what>-<date>.<ext>`. */
export const exportFileName = (wave: Pick<WaveRow, 'title'>, what: string, ext: string) =>
  `${slugify(wave.title)}${what ? `-${what}` : ''}-${today()}.${ext}`;

async function pinnedDefinition(db: Db, wave: WaveRow): Promise<JsonObject> {
  const v = await questionnaires.findVersion(db, wave.questionnaire_id, wave.version);
  if (!v)
    throw new NotFoundError(
      text("The wave's questionnaire version is missing.", 'Die Fragebogenversion der Welle fehlt.'),
    );
  return v.definition as JsonObject;
}

/**
 * The codebook: question texts and choice labels in German and English
 * (text_de … label_en), and with `?locale=` two more columns, `text` and
 * `label`, in that language (the questionnaire's default language when it
 * does not carry it). Bilanz's own words in them (“not chosen”, “Other
 * (text)”) are German for German and English for any other language.
 */
function codebookSheet(
  definition: JsonObject,
  language: string | undefined,
  rows = exportLayout(definition).codebook,
): Sheet {
  const bilingual = (r: CodebookRow) => CODEBOOK_HEADER.map((k) => r[k]);
  if (language === undefined) return { name: 'codebook', header: CODEBOOK_HEADER, rows: [rows.map(bilingual)] };
  const shown = labelLanguage(definition, language);
  const own = appLanguage(shown);
  // The same layout from a copy whose texts are all in one language: its rows line up with the others.
  const localised = exportLayout(definitionIn(definition, shown)).codebook;
  const pick = (r: CodebookRow | undefined, kind: 'text' | 'label') => (r ? r[`${kind}_${own}`] : '');
  return {
    name: 'codebook',
    header: [...CODEBOOK_HEADER, 'text', 'label'],
    rows: [rows.map((r, i) => [...bilingual(r), pick(localised[i], 'text'), pick(localised[i], 'label')])],
  };
}

/** A wave's complete responses batch by batch (keyset pagination), starting with `first` when it was read already. */
async function* responseBatches(
  db: Db,
  waveId: string,
  first?: ExportedResponse[],
): AsyncGenerator<ExportedResponse[]> {
  let batch = first ?? (await repo.completeResponsesAfter(db, waveId, null, BATCH_SIZE));
  while (batch.length > 0) {
    yield batch;
    if (batch.length < BATCH_SIZE) return;
    batch = await repo.completeResponsesAfter(db, waveId, batch[batch.length - 1]!.id, BATCH_SIZE);
  }
}

/** The long sheet of one dynamic panel or matrix, read in its own pass over the responses. */
function panelRows(db: Db, waveId: string, sheet: PanelSheet, first?: ExportedResponse[]): Sheet {
  async function* rows(): AsyncGenerator<CellValue[][]> {
    for await (const batch of responseBatches(db, waveId, first)) yield batch.flatMap((r) => sheet.rowsOf(r));
  }
  return { name: sheet.name, header: sheet.header, rows: rows() };
}

/**
 * A wave's complete responses as a sheet whose rows are read batch by batch
 * (keyset pagination) while they are written, and a long sheet per dynamic
 * panel or matrix. The first batch is read here, before anything is sent, so
 * that a failing database still gets a JSON error.
 */
export async function responsesExport(db: Db, ws: WorkspaceRow, waveId: string, language?: string) {
  const wave = await getWave(db, ws, waveId);
  const definition = await pinnedDefinition(db, wave);
  const { columns, codebook, panels } = exportLayout(definition);
  const first = await repo.completeResponsesAfter(db, wave.id, null, BATCH_SIZE);
  async function* rows(): AsyncGenerator<CellValue[][]> {
    for await (const batch of responseBatches(db, wave.id, first))
      yield batch.map((r) => columns.map((c) => c.read(r)));
  }
  return {
    wave,
    responses: { name: 'responses', header: columns.map((c) => c.key), rows: rows() } satisfies Sheet,
    codebook: codebookSheet(definition, language, codebook),
    panels: panels.map((p) => panelRows(db, wave.id, p)),
  };
}

/** The long sheet of one dynamic panel or matrix of a wave, by the question's name (for CSV, one table per file). */
export async function panelExport(db: Db, ws: WorkspaceRow, waveId: string, question: string) {
  const wave = await getWave(db, ws, waveId);
  const { panels } = exportLayout(await pinnedDefinition(db, wave));
  // By its name as written, or by the key its answers are stored under (the name the results use).
  const sheet = panels.find((p) => p.question === question) ?? panels.find((p) => p.key === question);
  if (!sheet) {
    throw new NotFoundError(
      text(
        `The questionnaire of this wave has no dynamic panel or dynamic matrix "${question}".`,
        `Der Fragebogen dieser Welle hat keinen dynamischen Abschnitt und keine dynamische Matrix „${question}“.`,
      ),
    );
  }
  // Read before anything is sent, as for the responses.
  const first = await repo.completeResponsesAfter(db, wave.id, null, BATCH_SIZE);
  return { wave, sheet: panelRows(db, wave.id, sheet, first) };
}

/** The codebook of a wave's response export alone (for CSV, which has one table per file). */
export async function codebookExport(db: Db, ws: WorkspaceRow, waveId: string, language?: string) {
  const wave = await getWave(db, ws, waveId);
  return { wave, codebook: codebookSheet(await pinnedDefinition(db, wave), language) };
}

export const RESULTS_HEADER = [
  'question',
  'title',
  'type',
  'row',
  'row_label',
  'value',
  'label',
  'count',
  'percent',
  'n',
  'mean',
  'suppressed',
];

const percent = (count: number | null, n: number | null) =>
  count === null || n === null || n === 0 ? null : Math.round((count / n) * 1000) / 10;
const flag = (hidden: boolean) => (hidden ? 1 : 0);

/**
 * The figures of a results answer as a long table, one row per cell. A
 * suppressed cell (count null) has empty count and percent and is marked in
 * `suppressed`; a percentage is only given where its base n is shown (it
 * would give the hidden n away). Parts of a question — matrix rows, dropdown
 * matrix cells (`row:column`), dynamic matrix columns, items of a multiple
 * text or ranking — are named in `row`; the inner questions of a dynamic
 * panel are questions of their own named `panel:question`.
 */
export function resultsRows(questions: QuestionFigures[], labels: { other: string }): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const q of questions) {
    const base = [q.name, q.title, q.type];
    const cell = (
      row: CellValue,
      rowLabel: CellValue,
      value: CellValue,
      label: CellValue,
      count: number | null,
      n: number | null,
      mean: number | null | undefined,
      suppressed: boolean,
    ) =>
      rows.push([
        ...base,
        row,
        rowLabel,
        value,
        label,
        count,
        percent(count, n),
        n,
        mean ?? null,
        flag(suppressed || count === null),
      ]);
    /** A part without counts per value (a number field, an item): its n and mean. */
    const part = (
      row: CellValue,
      rowLabel: CellValue,
      n: number | null,
      mean: number | null | undefined,
      suppressed: boolean,
    ) => rows.push([...base, row, rowLabel, null, null, null, null, n, mean ?? null, flag(suppressed || n === null)]);
    if (q.rows) {
      for (const r of q.rows) {
        for (const c of r.choices)
          cell(valueCell(r.value), r.label, valueCell(c.value), c.label, c.count, r.n, r.mean, r.suppressed);
      }
    } else if (q.cells) {
      for (const c of q.cells) {
        const row = c.row === null ? c.column : `${String(c.row)}:${c.column}`;
        const rowLabel = c.row === null ? c.columnLabel : `${c.rowLabel} – ${c.columnLabel}`;
        if (c.choices) {
          for (const choice of c.choices)
            cell(row, rowLabel, valueCell(choice.value), choice.label, choice.count, c.n, c.mean, c.suppressed);
          if (c.other !== undefined) cell(row, rowLabel, 'other', labels.other, c.other, c.n, c.mean, c.suppressed);
        } else {
          part(row, rowLabel, c.n, c.mean, c.suppressed);
        }
      }
    } else if (q.inner) {
      rows.push(
        ...resultsRows(
          q.inner.map((inner) => ({ ...inner, name: `${q.name}:${inner.name}`, title: `${q.title} – ${inner.title}` })),
          labels,
        ),
      );
    } else if (q.items) {
      for (const item of q.items) part(valueCell(item.value), item.label, item.n, item.mean, q.suppressed);
    } else if (q.choices || q.codes) {
      for (const c of q.choices ?? [])
        cell(null, null, valueCell(c.value), c.label, c.count, q.n, q.mean, q.suppressed);
      if (q.other !== undefined) cell(null, null, 'other', labels.other, q.other, q.n, q.mean, q.suppressed);
      for (const c of q.codes ?? []) cell(null, null, valueCell(c.value), c.label, c.count, q.n, null, q.suppressed);
    } else {
      // Open questions: how many answered, nothing of what they wrote (a number field: also its mean).
      part(null, null, q.n, q.mean, q.suppressed);
    }
  }
  return rows;
}

const valueCell = (v: unknown): CellValue =>
  typeof v === 'number' || typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);

/**
 * A wave's results table (the results API's figures, suppression applied),
 * with the filters it was made under; labels as in the results API.
 */
export async function resultsExport(
  db: Db,
  engine: ResultsEngine,
  ws: WorkspaceRow,
  waveId: string,
  where: string[],
  language: string,
) {
  const results = await waveResults(db, engine, ws, waveId, where, language);
  const other = appLanguage(results.locale) === 'de' ? 'Sonstiges' : 'Other';
  const info: CellValue[][] = [
    ['wave', results.wave.title],
    ['filters', results.filters.map(filterText).join(' AND ')],
    ['n', results.n],
    ['suppressed', flag(results.suppressed)],
    ['min_group_size', results.minGroupSize],
    ['locale', results.locale],
    ['exported_on', today()],
  ];
  return {
    wave: results.wave,
    filtered: results.filters.length > 0,
    table: {
      name: 'results',
      header: RESULTS_HEADER,
      rows: [resultsRows(results.questions, { other })],
    } satisfies Sheet,
    info: { name: 'info', header: ['key', 'value'], rows: [info] } satisfies Sheet,
  };
}

/** A published version as a file: the definition with what identifies it. */
export async function versionExport(db: Db, ws: WorkspaceRow, slug: string, version: number) {
  const v = await questionnaires.getVersion(db, ws, slug, version);
  return {
    fileName: `${slugify(slug)}-v${v.version}.json`,
    body: { slug, version: v.version, publishedAt: v.publishedAt, changeNote: v.changeNote, definition: v.definition },
  };
}
