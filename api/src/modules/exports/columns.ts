/**
 * The columns of a response export and its codebook, from the definition of
 * the version the wave is pinned to. Pure: definition in, columns out.
 *
 * - one column per question, holding the stored value as a code (choice
 *   values, never labels);
 * - checkbox and tagbox: one column per choice (`districts.nord`): 1 ticked,
 *   0 answered without ticking it, empty not answered;
 * - matrix: one column per row (`formatValue.visits`) with the column's code;
 * - multipletext: one column per item;
 * - boolean: 1 / 0 (or the question's own valueTrue / valueFalse);
 * - "other": the code column holds the other value, `<name>.other` the text
 *   (`<name>.comment` for a comment box without "other");
 * - dropdown matrix: one column per row and column (`costs.rent.amount`);
 * - dynamic panels and matrices: their answer as JSON in one column, and a
 *   long sheet of their own with one row per panel (or matrix row): the
 *   response, the panel's number and one column per inner question, laid out
 *   by these same rules (`kids.age`, `kids.hobbies.music`);
 * - anything else shaped (ranking: codes joined with ";", files: JSON) in
 *   one column.
 * Which layout a question gets is the question type registry's `export`.
 * Column names are made safe (safeColumnName); the codebook names the
 * question each column belongs to, exactly as written.
 */
import { itemsOf, labelIn, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import { questionType } from '../questionnaires/question-types.js';
import {
  answerKey,
  answerQuestions,
  cellElement,
  matrixColumns,
  optionsOf,
  otherValueOf,
  panelQuestions,
} from '../questionnaires/question-options.js';
import type { ExportedResponse } from './exports.repo.js';

/** What a cell holds: numbers stay numbers, everything else is text. */
export type CellValue = string | number | null;

export type ExportColumn = {
  /** The header: the question's name, or `name.choice`, `name.row`, `name.other`. */
  key: string;
  read: (r: ExportedResponse) => CellValue;
};

/** One row of the codebook: a column, and one of its codes when it has any. */
export type CodebookRow = {
  column: string;
  question: string;
  type: string;
  text_de: string;
  text_en: string;
  value: CellValue;
  label_de: string;
  label_en: string;
};

export const CODEBOOK_HEADER: Array<keyof CodebookRow> = [
  'column',
  'question',
  'type',
  'text_de',
  'text_en',
  'value',
  'label_de',
  'label_en',
];

const isAnswered = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** A stored value as a cell: booleans as 1/0, shapes as JSON, numbers and text as they are. */
export function cellOf(v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return JSON.stringify(v);
}

const dataOf = (r: ExportedResponse) => r.data;

const both = (value: Json | undefined, fallback: string) => ({
  de: labelIn(value, 'de', fallback),
  en: labelIn(value, 'en', fallback),
});

/** The leading columns: who answered is never known, only which response, which day, which language. */
const LEADING: Array<{ column: ExportColumn; de: string; en: string }> = [
  {
    column: { key: 'response_id', read: (r) => r.id },
    de: 'Antwort-ID (zufällig, sagt nichts über die Person)',
    en: 'Response id (random, says nothing about the person)',
  },
  {
    column: { key: 'completed_on', read: (r) => r.completed_on },
    de: 'Abgeschlossen am (nur der Tag)',
    en: 'Completed on (the day only)',
  },
  { column: { key: 'locale', read: (r) => r.locale }, de: 'Sprache beim Antworten', en: 'Language used to answer' },
];

/**
 * Column names safe for statistics software: letters, digits, _ and the
 * dots Bilanz puts between a question and its part. A question's name stays
 * its key in the data; the codebook maps each column back to it.
 */
export function safeColumnName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(safe) ? safe : `q_${safe}`;
}

const recordOf = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** A long sheet of one dynamic panel or dynamic matrix: a row per panel (matrix row), its columns read from that panel. */
export type PanelSheet = {
  /** The sheet's name in the workbook (at most 31 characters, unique). */
  name: string;
  /** The dynamic question, exactly as written, and the key its answers are stored under (its valueName, else the same). */
  question: string;
  key: string;
  header: string[];
  /** The rows one response contributes: one per panel, in order. */
  rowsOf: (r: ExportedResponse) => CellValue[][];
};

/** Names a workbook already uses, and Excel's limit on a sheet name. */
const RESERVED_SHEETS = ['responses', 'codebook', 'results', 'info'];
const SHEET_NAME_MAX = 31;

/** The columns and codebook of a response export for one questionnaire version, and a long sheet per dynamic panel or matrix. */
export function exportLayout(definition: JsonObject): {
  columns: ExportColumn[];
  codebook: CodebookRow[];
  panels: PanelSheet[];
} {
  const columns: ExportColumn[] = LEADING.map((l) => l.column);
  const codebook: CodebookRow[] = LEADING.map((l) => ({
    column: l.column.key,
    question: '',
    type: '',
    text_de: l.de,
    text_en: l.en,
    value: null,
    label_de: '',
    label_en: '',
  }));
  const used = new Set(columns.map((c) => c.key));
  /** A column name not used yet (two names may make the same safe name). */
  const unique = (wanted: string) => {
    let key = wanted;
    for (let i = 2; used.has(key); i++) key = `${wanted}_${i}`;
    used.add(key);
    return key;
  };
  const sheetNames = new Set(RESERVED_SHEETS);
  const panels: PanelSheet[] = [];

  const addQuestions = (
    questions: JsonObject[],
    target: ExportColumn[],
    within?: { question: string; column: string; title: { de: string; en: string } },
  ) => {
    for (const q of questions) {
      const sheet = addQuestion(q, target, within);
      if (sheet) panels.push(sheet);
    }
  };

  /** Adds one question's columns; for a dynamic panel or matrix at the top level, also returns its long sheet. */
  function addQuestion(
    q: JsonObject,
    target: ExportColumn[],
    within?: { question: string; column: string; title: { de: string; en: string } },
  ): PanelSheet | undefined {
    const name = String(q.name);
    const dataKey = answerKey(q);
    const type = String(q.type);
    const kind = questionType(type)?.export ?? 'json';
    if (kind === 'none') return undefined;
    // Inside a dynamic panel a column is named and described after the panel too: `kids.age`, "Kids – Age".
    const column = within ? `${within.column}.${safeColumnName(name)}` : safeColumnName(name);
    const own = both(q.title, name);
    const title = within ? { de: `${within.title.de} – ${own.de}`, en: `${within.title.en} – ${own.en}` } : own;
    const add = (
      key: string,
      read: ExportColumn['read'],
      text: { de: string; en: string },
      codes: Array<{ value: CellValue; label: { de: string; en: string } }> = [],
    ) => {
      const unique_ = unique(key);
      target.push({ key: unique_, read });
      const base = {
        column: unique_,
        question: within ? within.question : name,
        type,
        text_de: text.de,
        text_en: text.en,
      };
      if (codes.length === 0) codebook.push({ ...base, value: null, label_de: '', label_en: '' });
      for (const c of codes) codebook.push({ ...base, value: c.value, label_de: c.label.de, label_en: c.label.en });
    };
    const sub = (label: { de: string; en: string }) => ({
      de: `${title.de} – ${label.de}`,
      en: `${title.en} – ${label.en}`,
    });
    const value = (r: ExportedResponse) => dataOf(r)[dataKey];
    const other = otherValueOf(q);
    const hasComment = q.showCommentArea === true || q.hasComment === true;
    // Option labels in both languages: the definition's texts, else survey-core's built-in ones.
    const options = (el: JsonObject) => {
      const de = optionsOf(el, 'de');
      const en = optionsOf(el, 'en');
      return de.map((o, i) => ({
        value: o.value,
        label: { de: labelIn(o.text, 'de', String(o.value)), en: labelIn(en[i]?.text, 'en', String(o.value)) },
      }));
    };

    let sheet: PanelSheet | undefined;
    switch (kind) {
      case 'ticks':
        for (const item of options(q)) {
          add(
            `${column}.${safeColumnName(String(item.value))}`,
            (r) => {
              const v = value(r);
              return Array.isArray(v) && v.length > 0 ? (v.includes(item.value) ? 1 : 0) : null;
            },
            sub(item.label),
            [
              { value: 1, label: item.label },
              { value: 0, label: { de: 'nicht gewählt', en: 'not chosen' } },
            ],
          );
        }
        break;
      case 'rows': {
        const codes = itemsOf(q.columns).map((c) => ({ value: cellOf(c.value), label: both(c.text, String(c.value)) }));
        for (const row of itemsOf(q.rows)) {
          const rowKey = String(row.value);
          add(
            `${column}.${safeColumnName(rowKey)}`,
            (r) => cellOf(recordOf(value(r))?.[rowKey]),
            sub(both(row.text, rowKey)),
            codes,
          );
        }
        break;
      }
      case 'items':
        for (const item of (Array.isArray(q.items) ? q.items : []).filter(
          (i): i is JsonObject => typeof i === 'object' && i !== null && !Array.isArray(i),
        )) {
          const itemName = String(item.name);
          add(
            `${column}.${safeColumnName(itemName)}`,
            (r) => cellOf(recordOf(value(r))?.[itemName]),
            sub(both(item.title, itemName)),
          );
        }
        break;
      case 'cells':
        if (type === 'matrixdropdown') {
          // One column per row and column of the matrix.
          for (const row of itemsOf(q.rows)) {
            for (const c of (Array.isArray(q.columns) ? q.columns : []).filter(
              (x): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x),
            )) {
              const rowKey = String(row.value);
              const colName = String(c.name);
              add(
                `${column}.${safeColumnName(rowKey)}.${safeColumnName(colName)}`,
                (r) => cellOf(recordOf(recordOf(value(r))?.[rowKey])?.[colName]),
                sub({
                  de: `${both(row.text, rowKey).de} – ${both(c.title, colName).de}`,
                  en: `${both(row.text, rowKey).en} – ${both(c.title, colName).en}`,
                }),
              );
            }
          }
        } else {
          add(column, (r) => cellOf(value(r)), title);
        }
        break;
      case 'panels':
        add(column, (r) => cellOf(value(r)), title);
        if (!within) sheet = panelSheet(q, column, title, value);
        break;
      case 'joined':
        add(
          column,
          (r) => {
            const v = value(r);
            return Array.isArray(v) && v.length > 0 ? v.map(String).join(';') : cellOf(v);
          },
          title,
          options({ ...q, type: 'checkbox' }).map((o) => ({ value: cellOf(o.value), label: o.label })),
        );
        break;
      case 'value':
        add(
          column,
          (r) => cellOf(value(r)),
          title,
          questionType(type)?.hasOptions
            ? [
                ...options(q),
                ...(other !== undefined ? [{ value: other, label: both(q.otherText, 'other') }] : []),
              ].map((o) => ({ value: cellOf(o.value), label: o.label }))
            : [],
        );
        break;
      default:
        add(column, (r) => cellOf(value(r)), title);
    }

    if (other !== undefined || hasComment) {
      const text =
        other !== undefined
          ? sub({ de: 'Sonstiges (Text)', en: 'Other (text)' })
          : sub({ de: 'Kommentar', en: 'Comment' });
      add(
        `${column}.${other !== undefined ? 'other' : 'comment'}`,
        (r) => {
          const v = dataOf(r)[`${dataKey}-Comment`];
          return isAnswered(v) ? cellOf(v) : null;
        },
        text,
      );
    }
    return sheet;
  }

  /** The long sheet of a dynamic panel (its template's questions) or dynamic matrix (its columns as questions). */
  function panelSheet(
    q: JsonObject,
    column: string,
    title: { de: string; en: string },
    value: (r: ExportedResponse) => unknown,
  ): PanelSheet {
    const inner = q.type === 'matrixdynamic' ? matrixColumns(q).map((c) => cellElement(q, c)) : panelQuestions(q);
    const index = unique(`${column}.panel`);
    codebook.push({
      column: index,
      question: String(q.name),
      type: String(q.type),
      text_de: `${title.de} – Nummer des Eintrags (1, 2, …)`,
      text_en: `${title.en} – number of the entry (1, 2, …)`,
      value: null,
      label_de: '',
      label_en: '',
    });
    const read: ExportColumn[] = [];
    addQuestions(inner, read, { question: String(q.name), column, title });
    // Excel allows 31 characters and compares sheet names without case.
    let name = column.slice(0, SHEET_NAME_MAX);
    for (let i = 2; sheetNames.has(name.toLowerCase()); i++)
      name = `${column.slice(0, SHEET_NAME_MAX - String(i).length - 1)}_${i}`;
    sheetNames.add(name.toLowerCase());
    return {
      name,
      question: String(q.name),
      key: answerKey(q),
      header: ['response_id', index, ...read.map((c) => c.key)],
      rowsOf: (r) => {
        const list = value(r);
        if (!Array.isArray(list)) return [];
        return list.map((entry, i) => [r.id, i + 1, ...read.map((c) => c.read({ ...r, data: recordOf(entry) ?? {} }))]);
      },
    };
  }

  addQuestions(answerQuestions(definition), columns);
  return { columns, codebook, panels };
}
