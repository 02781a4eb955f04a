/**
 * One wave's complete responses as typed columns in memory, for results at a
 * million responses: every answer is dictionary-encoded once when it arrives,
 * unfiltered counts are kept up to date as rows are appended, and a filtered
 * view scans only small integer arrays. The figures are exactly those of
 * aggregate() over the same answers (a property test holds the two together).
 *
 * Layout per question type:
 * - single-value choices (radiogroup, dropdown, boolean, rating): one code per
 *   row (0 = not answered, else 1 + the value's index in the dictionary, which
 *   starts with the question's own choices in order);
 * - multi-value choices (checkbox, tagbox): the ticked codes of all rows in
 *   one array, with each row's start in a second one (compressed rows);
 * - matrix: one single-value column per matrix row;
 * - open answers (text, comment, computed values, files): whether answered;
 * - every other type (dynamic panels and matrices, dropdown matrices,
 *   multiple text, sliders, rankings): the answers themselves, whose figures
 *   figures.ts computes on demand. Waves of such questionnaires are small;
 *   the member survey uses none of these types.
 * Which layout a question gets follows from the question type registry.
 */
import { itemsOf, labelIn, valueKey, type Json, type JsonObject } from '../../questionnaires/definition-walk.js';
import {
  answerShapeOf,
  figureKindOf,
  isEmptyAnswer,
  isSingleOption,
  questionType,
  type TypeDescription,
} from '../../questionnaires/question-types.js';
import type { Cell, QuestionFigures } from '../aggregate.js';
import { matches, targetOf, type Filter } from '../filters.js';
import { defaultLanguage } from '../../questionnaires/locales.js';
import { figuresFor } from '../figures.js';
import { answerKey, answerQuestions, optionsOf, otherValueOf } from '../../questionnaires/question-options.js';

/** An answer in survey-core's sense: not nothing, '', [] or {}. */
const isAnswered = (v: unknown) => !isEmptyAnswer(v);

/** An array that grows by doubling, read through `data` up to `length`. */
class Growable<T extends Uint16Array | Uint32Array | Uint8Array> {
  length = 0;
  constructor(public data: T) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.max(1024, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The filled part (a view, not a copy). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** Values seen for one question (or matrix row), each with a small code; starts with the defined choices. */
class Dictionary {
  readonly keys: string[] = [];
  private readonly codes = new Map<string, number>();

  constructor(initial: Json[]) {
    for (const v of initial) this.code(valueKey(v));
  }

  /** The code of a value key, adding it when new (codes start at 1; 0 means no answer). */
  code(key: string): number {
    let c = this.codes.get(key);
    if (c === undefined) {
      this.keys.push(key);
      c = this.keys.length;
      this.codes.set(key, c);
    }
    return c;
  }

  find(key: string): number | undefined {
    return this.codes.get(key);
  }
}

/** Counts per code, growing with the dictionary. */
const bump = (counts: number[], code: number) => {
  counts[code] = (counts[code] ?? 0) + 1;
};

type SingleColumn = { dict: Dictionary; codes: Growable<Uint16Array>; totals: number[] };

type Field =
  | {
      kind: 'single';
      name: string;
      q: JsonObject;
      items: Array<{ value: Json; text: Json | undefined }>;
      column: SingleColumn;
    }
  | {
      kind: 'multi';
      name: string;
      q: JsonObject;
      items: Array<{ value: Json; text: Json | undefined }>;
      dict: Dictionary;
      starts: Growable<Uint32Array>;
      ticks: Growable<Uint16Array>;
      answered: Growable<Uint8Array>;
      totals: number[];
      answeredTotal: number;
    }
  | {
      kind: 'matrix';
      name: string;
      q: JsonObject;
      rows: Array<{ value: Json; text: Json | undefined; column: SingleColumn }>;
      columns: Array<{ value: Json; text: Json | undefined }>;
      answered: Growable<Uint8Array>;
      total: number;
    }
  | { kind: 'answered'; name: string; q: JsonObject; answered: Growable<Uint8Array>; total: number }
  | { kind: 'raw'; name: string; q: JsonObject; values: unknown[]; total: number };

/** Codes are stored in 16 bits: a question (or matrix row) holds at most this many distinct values. */
export const MAX_CODE = 0xffff;

/**
 * A question gave more distinct values than its column can code. Merging the
 * rest into one code would count different answers as one, so the wave's
 * results fail instead (the engine forgets the wave's columns).
 */
export class CodeRangeError extends Error {
  override readonly name = 'CodeRangeError';
  constructor(readonly question: string) {
    super(
      `results column "${question}" holds more than ${MAX_CODE} distinct values, more than its 16-bit codes can tell apart`,
    );
  }
}

/** The code of a value in a column's dictionary, refusing one past the 16-bit range. */
function codeOf(dict: Dictionary, v: unknown, question: string): number {
  const code = dict.code(valueKey(v as Json));
  if (code > MAX_CODE) throw new CodeRangeError(question);
  return code;
}
const singleColumn = (initial: Json[]): SingleColumn => ({
  dict: new Dictionary(initial),
  codes: new Growable(new Uint16Array(1024)),
  totals: [],
});

/** Day numbers (days since 1970-01-01) of completion, for responses per day. */
const dayNumber = (date: string | null | undefined) =>
  date ? Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000) : 0;
const dayText = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export class WaveColumns {
  private readonly fields: Field[];
  private readonly byName: Map<string, Field>;
  private readonly days = new Growable(new Uint16Array(1024));
  private readonly perDay = new Map<number, number>();
  rows = 0;
  /** The registry's word on the wave's question types, kept by the results service (the definition never changes). */
  questionTypes?: Record<string, TypeDescription>;

  constructor(readonly definition: JsonObject) {
    this.fields = answerQuestions(definition).map((q): Field => {
      // Answers are stored under the question's valueName when it has one.
      const name = answerKey(q);
      const shape = answerShapeOf(q);
      if (isSingleOption(shape)) {
        const items = optionsOf(q);
        return { kind: 'single', name, q, items, column: singleColumn(items.map((i) => i.value)) };
      }
      if (shape === 'multi') {
        const items = optionsOf(q);
        const starts = new Growable(new Uint32Array(1024));
        starts.push(0);
        return {
          kind: 'multi',
          name,
          q,
          items,
          dict: new Dictionary(items.map((i) => i.value)),
          starts,
          ticks: new Growable(new Uint16Array(1024)),
          answered: new Growable(new Uint8Array(1024)),
          totals: [],
          answeredTotal: 0,
        };
      }
      if (shape === 'matrix') {
        const columns = itemsOf(q.columns);
        return {
          kind: 'matrix',
          name,
          q,
          columns,
          rows: itemsOf(q.rows).map((r) => ({ ...r, column: singleColumn(columns.map((c) => c.value)) })),
          answered: new Growable(new Uint8Array(1024)),
          total: 0,
        };
      }
      if (figureKindOf(q) !== 'count') return { kind: 'raw', name, q, values: [], total: 0 };
      return { kind: 'answered', name, q, answered: new Growable(new Uint8Array(1024)), total: 0 };
    });
    this.byName = new Map(this.fields.map((f) => [f.name, f]));
  }

  /**
   * Adds one complete response. Throws CodeRangeError when a value would need
   * a code past MAX_CODE; the columns may then hold part of that row and must
   * be dropped (the engine does).
   */
  append(data: Record<string, unknown>, completedOn: string | null): void {
    for (const f of this.fields) {
      const v = data[f.name];
      switch (f.kind) {
        case 'single':
          appendSingle(f.column, v, f.name);
          break;
        case 'multi': {
          const answered = isAnswered(v);
          f.answered.push(answered ? 1 : 0);
          if (answered) {
            f.answeredTotal++;
            for (const one of Array.isArray(v) ? v : [v]) {
              const code = codeOf(f.dict, one, f.name);
              f.ticks.push(code);
              bump(f.totals, code);
            }
          }
          f.starts.push(f.ticks.length);
          break;
        }
        case 'matrix': {
          const answered = isAnswered(v);
          f.answered.push(answered ? 1 : 0);
          if (answered) f.total++;
          const record = answered && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
          for (const row of f.rows)
            appendSingle(row.column, record?.[String(row.value)], `${f.name}.${String(row.value)}`);
          break;
        }
        case 'answered': {
          const answered = isAnswered(v);
          f.answered.push(answered ? 1 : 0);
          if (answered) f.total++;
          break;
        }
        case 'raw': {
          const answered = !isEmptyAnswer(v);
          f.values.push(answered ? v : null);
          if (answered) f.total++;
          break;
        }
      }
    }
    const day = dayNumber(completedOn);
    this.days.push(day);
    this.perDay.set(day, (this.perDay.get(day) ?? 0) + 1);
    this.rows++;
  }

  /** Complete responses per day of completion, oldest first. */
  responsesPerDay(): Array<{ date: string; count: number }> {
    return [...this.perDay.entries()]
      .filter(([day]) => day > 0)
      .sort((a, b) => a[0] - b[0])
      .map(([day, count]) => ({ date: dayText(day), count }));
  }

  /**
   * Of all rows: how many answered a choice question, and how many of those
   * chose any of `values` (for checkboxes: ticked any of them). For shares of
   * respondents (indicators), where ticks of several values must not add up.
   */
  answeredAndChoosing(question: string, values: Json[]): { answered: number; choosing: number } {
    const f = this.byName.get(question);
    if (f?.kind === 'single') {
      const wanted = new Set(
        values.map((v) => f.column.dict.find(valueKey(v))).filter((c): c is number => c !== undefined),
      );
      let choosing = 0;
      for (const code of wanted) choosing += f.column.totals[code] ?? 0;
      return { answered: answeredOf(f.column.totals), choosing };
    }
    if (f?.kind === 'multi') {
      const wanted = new Set(values.map((v) => f.dict.find(valueKey(v))).filter((c): c is number => c !== undefined));
      const starts = f.starts.data;
      const ticks = f.ticks.data;
      let choosing = 0;
      for (let row = 0; row < this.rows; row++) {
        for (let k = starts[row]!; k < starts[row + 1]!; k++) {
          if (wanted.has(ticks[k]!)) {
            choosing++;
            break;
          }
        }
      }
      return { answered: f.answeredTotal, choosing };
    }
    return { answered: 0, choosing: 0 };
  }

  /**
   * Row numbers passing every filter (AND): a single-value answer equal to the
   * filter's value, a multi-value answer with that value ticked, a matrix row
   * with that column chosen, or (for the types kept as answers) a cell, row or
   * panel holding that value (filters.ts).
   */
  select(filters: Filter[]): Uint32Array {
    let selected: Uint32Array | undefined;
    for (const filter of filters) {
      const f = this.byName.get(filter.question);
      const key = valueKey(filter.value);
      let test: (row: number) => boolean;
      if (f?.kind === 'single') {
        const code = f.column.dict.find(key);
        const codes = f.column.codes.data;
        test = code === undefined ? () => false : (row) => codes[row] === code;
      } else if (f?.kind === 'multi') {
        const code = f.dict.find(key);
        const starts = f.starts.data;
        const ticks = f.ticks.data;
        test =
          code === undefined
            ? () => false
            : (row) => {
                for (let k = starts[row]!; k < starts[row + 1]!; k++) if (ticks[k] === code) return true;
                return false;
              };
      } else if (f?.kind === 'matrix') {
        const row = f.rows.find((r) => filter.row !== undefined && valueKey(r.value) === valueKey(filter.row));
        const code = row?.column.dict.find(key);
        const codes = row?.column.codes.data;
        test = code === undefined || !codes ? () => false : (r) => codes[r] === code;
      } else if (f?.kind === 'raw') {
        const target = targetOf(f.q, filter);
        const values = f.values;
        test = !target ? () => false : (row) => target.pick(values[row]).some((held) => matches(held, filter.value));
      } else {
        test = () => false;
      }
      const out = new Uint32Array(selected ? selected.length : this.rows);
      let n = 0;
      if (selected) {
        for (let i = 0; i < selected.length; i++) if (test(selected[i]!)) out[n++] = selected[i]!;
      } else {
        for (let row = 0; row < this.rows; row++) if (test(row)) out[n++] = row;
      }
      selected = out.subarray(0, n);
    }
    return selected ?? Uint32Array.from({ length: this.rows }, (_, i) => i);
  }

  /**
   * Per-question figures over all rows (from the running totals) or over the
   * selected ones (by scanning their codes), before suppression.
   */
  figures(selection: Uint32Array | undefined, language: string): QuestionFigures[] {
    // 'default' is the definition's own language (its `locale`), for survey-core's built-in texts.
    const locale = language === 'default' ? defaultLanguage(this.definition) : language;
    return this.fields.map((f) => {
      const title = labelIn(f.q.title, locale, f.name);
      const base: QuestionFigures = { name: f.name, type: String(f.q.type), title, n: 0, suppressed: false };
      switch (f.kind) {
        case 'single': {
          const counts = selection ? countSingle(f.column, selection) : f.column.totals;
          return { ...base, ...choiceFigures(f.q, f.items, f.column.dict, counts, answeredOf(counts), locale) };
        }
        case 'multi': {
          let counts = f.totals;
          let answered = f.answeredTotal;
          if (selection) {
            counts = [];
            answered = 0;
            const starts = f.starts.data;
            const ticks = f.ticks.data;
            const flags = f.answered.data;
            for (let i = 0; i < selection.length; i++) {
              const row = selection[i]!;
              answered += flags[row]!;
              for (let k = starts[row]!; k < starts[row + 1]!; k++) counts[ticks[k]!] = (counts[ticks[k]!] ?? 0) + 1;
            }
          }
          return { ...base, ...choiceFigures(f.q, f.items, f.dict, counts, answered, locale) };
        }
        case 'matrix': {
          const numericColumns = f.columns.every((c) => typeof c.value === 'number');
          const rows = f.rows.map((row) => {
            const counts = selection ? countSingle(row.column, selection) : row.column.totals;
            const n = answeredOf(counts);
            return {
              value: row.value,
              label: labelIn(row.text, locale, String(row.value)),
              n,
              suppressed: false,
              choices: f.columns.map((c) => ({
                value: c.value,
                label: labelIn(c.text, locale, String(c.value)),
                count: counts[row.column.dict.find(valueKey(c.value))!] ?? 0,
              })),
              ...(numericColumns && { mean: meanOf(row.column.dict, counts) }),
            };
          });
          return { ...base, n: selection ? countFlags(f.answered.data, selection) : f.total, rows };
        }
        case 'answered':
          return { ...base, n: selection ? countFlags(f.answered.data, selection) : f.total };
        case 'raw': {
          const rows = selection ? Array.from(selection, (row) => f.values[row]) : f.values;
          return {
            ...figuresFor(
              f.q,
              rows.map((v) => (v === null || v === undefined ? [] : [v])),
              locale,
            ),
            name: f.name,
          };
        }
      }
    });
  }

  // --- Packing, for snapshots ---

  /**
   * The columns as one header (JSON-able) and a list of byte arrays. Codes
   * are packed one byte wide when the dictionary allows (it nearly always
   * does), and multi-value answers as ticks per row: about half the size.
   */
  pack(): { header: PackedHeader; buffers: Uint8Array[] } {
    const buffers: Uint8Array[] = [];
    const codes = (a: Uint16Array, max: number): 1 | 2 => {
      if (max < 256) {
        buffers.push(Uint8Array.from(a));
        return 1;
      }
      buffers.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      return 2;
    };
    const bytes = (a: Uint8Array | Uint16Array) => buffers.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    const fields = this.fields.map((f): PackedField => {
      switch (f.kind) {
        case 'single':
          return {
            keys: f.column.dict.keys,
            w: codes(f.column.codes.view(), f.column.dict.keys.length),
            totals: dense(f.column.totals),
          };
        case 'multi': {
          const starts = f.starts.data;
          const perRow = new Uint16Array(this.rows);
          let most = 0;
          for (let r = 0; r < this.rows; r++) most = Math.max(most, (perRow[r] = starts[r + 1]! - starts[r]!));
          const cw = codes(perRow, most);
          const w = codes(f.ticks.view(), f.dict.keys.length);
          bytes(f.answered.view());
          return { keys: f.dict.keys, ticks: f.ticks.length, cw, w, totals: dense(f.totals), total: f.answeredTotal };
        }
        case 'matrix': {
          const rowW = f.rows.map((row) => codes(row.column.codes.view(), row.column.dict.keys.length));
          bytes(f.answered.view());
          return {
            rowKeys: f.rows.map((r) => r.column.dict.keys),
            rowW,
            rowTotals: f.rows.map((r) => dense(r.column.totals)),
            total: f.total,
          };
        }
        case 'answered':
          bytes(f.answered.view());
          return { total: f.total };
        case 'raw': {
          const encoded = new TextEncoder().encode(JSON.stringify(f.values));
          buffers.push(encoded);
          return { total: f.total, bytes: encoded.length };
        }
      }
    });
    bytes(this.days.view());
    return { header: { rows: this.rows, fields, perDay: [...this.perDay] }, buffers };
  }

  /** Rebuilds columns from pack(); the definition must be the same. */
  static unpack(definition: JsonObject, header: PackedHeader, payload: Uint8Array): WaveColumns {
    const c = new WaveColumns(definition);
    if (header.fields.length !== c.fields.length) throw new Error('snapshot does not fit the definition');
    let offset = 0;
    const take = (count: number, width: 1 | 2): Uint16Array => {
      const part = payload.subarray(offset, offset + count * width);
      offset += count * width;
      if (width === 1) {
        const wide = new Uint16Array(count);
        wide.set(part); // converts natively, element by element
        return wide;
      }
      // A copy into a fresh buffer: a Uint16Array needs it aligned, and the payload may be a view into a shared pool.
      const copy = new Uint8Array(count * 2);
      copy.set(part);
      return new Uint16Array(copy.buffer);
    };
    const takeBytes = (count: number): Uint8Array => {
      const copy = payload.slice(offset, offset + count);
      offset += count;
      return new Uint8Array(copy);
    };
    const growable = <T extends Uint8Array | Uint16Array | Uint32Array>(data: T, length: number) =>
      Object.assign(new Growable(data), { length }) as Growable<T>;
    const rows = header.rows;
    // The running totals come with the header: no pass over the rows is needed.
    const fill = (column: SingleColumn, keys: string[], width: 1 | 2, totals: number[]) => {
      for (const k of keys) column.dict.code(k);
      column.codes = growable(take(rows, width), rows);
      column.totals.push(...totals);
    };
    c.fields.forEach((f, i) => {
      const h = header.fields[i]!;
      switch (f.kind) {
        case 'single':
          fill(f.column, h.keys!, h.w!, h.totals!);
          break;
        case 'multi': {
          for (const k of h.keys!) f.dict.code(k);
          const perRow = take(rows, h.cw!);
          const starts = new Uint32Array(rows + 1);
          for (let r = 0; r < rows; r++) starts[r + 1] = starts[r]! + perRow[r]!;
          f.starts = growable(starts, rows + 1);
          f.ticks = growable(take(h.ticks!, h.w!), h.ticks!);
          f.answered = growable(takeBytes(rows), rows);
          f.totals.push(...h.totals!);
          f.answeredTotal = h.total!;
          break;
        }
        case 'matrix':
          f.rows.forEach((row, r) => fill(row.column, h.rowKeys![r]!, h.rowW![r]!, h.rowTotals![r]!));
          f.answered = growable(takeBytes(rows), rows);
          f.total = h.total!;
          break;
        case 'answered':
          f.answered = growable(takeBytes(rows), rows);
          f.total = h.total!;
          break;
        case 'raw':
          f.values = JSON.parse(new TextDecoder().decode(takeBytes(h.bytes!))) as unknown[];
          f.total = h.total!;
          break;
      }
    });
    const days = take(rows, 2);
    (c as unknown as { days: Growable<Uint16Array> }).days = growable(days, rows);
    for (const [day, count] of header.perDay) c.perDay.set(day, count);
    c.rows = rows;
    return c;
  }
}

type PackedField = {
  keys?: string[];
  /** Bytes per code (1 or 2), per tick count of a row (cw), per matrix row (rowW). */
  w?: 1 | 2;
  cw?: 1 | 2;
  rowW?: Array<1 | 2>;
  ticks?: number;
  rowKeys?: string[][];
  /** Running totals per code (also per matrix row), and answered counts. */
  totals?: number[];
  rowTotals?: number[][];
  total?: number;
  /** Length of the JSON-encoded answers of a 'raw' field. */
  bytes?: number;
};

/** Totals without holes (codes nobody gave count 0), so that they survive JSON. */
const dense = (counts: number[]) => Array.from({ length: counts.length }, (_, i) => counts[i] ?? 0);
export type PackedHeader = { rows: number; fields: PackedField[]; perDay: Array<[number, number]> };

function appendSingle(column: SingleColumn, v: unknown, question: string): void {
  if (!isAnswered(v)) {
    column.codes.push(0);
    return;
  }
  const code = codeOf(column.dict, v, question);
  column.codes.push(code);
  bump(column.totals, code);
}

function countSingle(column: SingleColumn, selection: Uint32Array): number[] {
  const counts: number[] = new Array<number>(column.dict.keys.length + 1).fill(0);
  const codes = column.codes.data;
  for (let i = 0; i < selection.length; i++) counts[codes[selection[i]!]!]!++;
  counts[0] = 0;
  return counts;
}

const answeredOf = (counts: number[]) => {
  let n = 0;
  for (let code = 1; code < counts.length; code++) n += counts[code] ?? 0;
  return n;
};

function countFlags(flags: Uint8Array, selection: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < selection.length; i++) n += flags[selection[i]!]!;
  return n;
}

function meanOf(dict: Dictionary, counts: number[]): number | null {
  let sum = 0;
  let n = 0;
  dict.keys.forEach((key, i) => {
    const value = JSON.parse(key) as Json;
    const count = counts[i + 1] ?? 0;
    if (typeof value === 'number' && count > 0) {
      sum += value * count;
      n += count;
    }
  });
  return n > 0 ? sum / n : null;
}

function choiceFigures(
  q: JsonObject,
  items: Array<{ value: Json; text: Json | undefined }>,
  dict: Dictionary,
  counts: number[],
  answered: number,
  locale: string,
): Pick<QuestionFigures, 'n' | 'choices' | 'other' | 'mean'> {
  const labelled = optionsOf(q, locale);
  const choices: Cell[] = items.map((i, at) => ({
    value: i.value,
    label: labelIn(labelled[at]?.text ?? i.text, locale, String(i.value)),
    count: counts[dict.find(valueKey(i.value))!] ?? 0,
  }));
  const out: Pick<QuestionFigures, 'n' | 'choices' | 'other' | 'mean'> = { n: answered, choices };
  const other = otherValueOf(q);
  if (other !== undefined) {
    // Everything answered that is no option counts as "other" (its value, or the text itself when stored as the value).
    const known = new Set(items.map((i) => valueKey(i.value)));
    let count = 0;
    dict.keys.forEach((k, i) => {
      if (!known.has(k)) count += counts[i + 1] ?? 0;
    });
    out.other = count;
  }
  if (questionType(String(q.type))?.figures === 'scale') out.mean = meanOf(dict, counts);
  return out;
}
