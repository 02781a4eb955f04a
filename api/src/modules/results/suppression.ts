/**
 * Small-group suppression (DESIGN §3). A figure over fewer respondents than
 * the minimum group size is hidden (`count: null`, `suppressed: true`), and
 * within one answer no hidden number may be worked out from the visible ones.
 */
import { isAdditive, type Cell, type QuestionFigures } from './aggregate.js';
import type { CellFigures, ItemFigures } from './figures.js';
import type { DayPeriod } from './results.schemas.js';

/**
 * Hides cells below the minimum (zero is shown: it says nobody, not who).
 * Where cells add up to a visible total (one answer per respondent), a single
 * hidden cell could be computed from the rest, so the next smallest visible
 * cell is hidden too; a hidden cell also hides the mean, which would give it away.
 */
function suppressCells(
  cells: Cell[],
  min: number,
  additive: boolean,
): { cells: Cell[]; hidden: number; hideTotal: boolean } {
  const out = cells.map((c) => ({ ...c, count: c.count !== null && c.count > 0 && c.count < min ? null : c.count }));
  let hidden = out.filter((c) => c.count === null).length;
  if (additive && hidden === 1) {
    const candidates = out
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.count !== null && c.count > 0)
      .sort((a, b) => a.c.count! - b.c.count!);
    const next = candidates[0];
    if (next) {
      out[next.i] = { ...next.c, count: null };
      hidden = 2;
    }
  }
  // No second cell to hide (the others are all zero): the total would give the hidden one away.
  return { cells: out, hidden, hideTotal: additive && hidden === 1 };
}

/** Applies suppression to a whole result: everything hidden when n itself is below the minimum. */
export function suppress(questions: QuestionFigures[], n: number, min: number): QuestionFigures[] {
  return questions.map((q) => suppressQuestion(q, n, min, false));
}

/**
 * One question. `repeated`: its answers come from dynamic panels or rows, so
 * one respondent may count in several cells and the cells do not add up.
 */
function suppressQuestion(q: QuestionFigures, n: number, min: number, repeated: boolean): QuestionFigures {
  if (n < min || (q.n !== null && q.n < min)) return hideAll(q);
  const out: QuestionFigures = { ...q };
  if (q.choices) {
    // "Other" belongs to the same total for single-choice questions.
    const withOther =
      q.other !== undefined ? [...q.choices, { value: '__other__', label: '', count: q.other }] : q.choices;
    const { cells, hidden, hideTotal } = suppressCells(withOther, min, !repeated && isAdditive(q.type));
    out.choices = q.other !== undefined ? cells.slice(0, -1) : cells;
    if (q.other !== undefined) out.other = cells[cells.length - 1]!.count;
    if (hidden > 0 && q.mean !== undefined) out.mean = null;
    if (hideTotal) out.n = null;
  }
  // Codes of open answers count like checkbox ticks: one answer may carry several.
  if (q.codes) out.codes = suppressCells(q.codes, min, false).cells;
  if (q.rows) {
    out.rows = q.rows.map((row) => {
      if (row.n !== null && row.n < min)
        return {
          ...row,
          n: null,
          suppressed: true,
          choices: row.choices.map((c) => ({ ...c, count: null })),
          ...(row.mean !== undefined && { mean: null }),
        };
      const { cells, hidden, hideTotal } = suppressCells(row.choices, min, true);
      return {
        ...row,
        n: hideTotal ? null : row.n,
        choices: cells,
        ...(row.mean !== undefined && { mean: hidden > 0 ? null : row.mean }),
      };
    });
  }
  if (q.items) out.items = q.items.map((item) => suppressItem(item, min));
  if (q.cells) out.cells = q.cells.map((cell) => suppressCell(cell, min, q.type === 'matrixdropdown'));
  if (q.inner) out.inner = q.inner.map((inner) => suppressQuestion(inner, q.n ?? 0, min, true));
  return out;
}

const suppressItem = (item: ItemFigures, min: number): ItemFigures =>
  item.n !== null && item.n > 0 && item.n < min
    ? { ...item, n: null, ...(item.mean !== undefined && { mean: null }) }
    : item;

/** A matrix cell like a question of its cell type; a dropdown matrix has one answer per respondent and row. */
function suppressCell(cell: CellFigures, min: number, onePerRespondent: boolean): CellFigures {
  if (cell.n !== null && cell.n > 0 && cell.n < min) {
    return {
      ...cell,
      n: null,
      suppressed: true,
      ...(cell.choices && { choices: cell.choices.map((c) => ({ ...c, count: null })) }),
      ...(cell.other !== undefined && { other: null }),
      ...(cell.mean !== undefined && { mean: null }),
    };
  }
  if (!cell.choices) return cell;
  const withOther =
    cell.other !== undefined ? [...cell.choices, { value: '__other__', label: '', count: cell.other }] : cell.choices;
  const { cells, hidden, hideTotal } = suppressCells(withOther, min, onePerRespondent && isAdditive(cell.type));
  return {
    ...cell,
    choices: cell.other !== undefined ? cells.slice(0, -1) : cells,
    ...(cell.other !== undefined && { other: cells[cells.length - 1]!.count }),
    ...(cell.mean !== undefined && { mean: hidden > 0 ? null : cell.mean }),
    n: hideTotal ? null : cell.n,
  };
}

function hideAll(q: QuestionFigures): QuestionFigures {
  return {
    ...q,
    n: null,
    suppressed: true,
    ...(q.choices && { choices: q.choices.map((c) => ({ ...c, count: null })) }),
    ...(q.codes && { codes: q.codes.map((c) => ({ ...c, count: null })) }),
    ...(q.other !== undefined && { other: null }),
    ...(q.mean !== undefined && { mean: null }),
    ...(q.rows && {
      rows: q.rows.map((r) => ({
        ...r,
        n: null,
        suppressed: true,
        choices: r.choices.map((c) => ({ ...c, count: null })),
        ...(r.mean !== undefined && { mean: null }),
      })),
    }),
    ...(q.items && { items: q.items.map((i) => ({ ...i, n: null, ...(i.mean !== undefined && { mean: null }) })) }),
    ...(q.cells && {
      cells: q.cells.map((c) => ({
        ...c,
        n: null,
        suppressed: true,
        ...(c.choices && { choices: c.choices.map((x) => ({ ...x, count: null })) }),
        ...(c.other !== undefined && { other: null }),
        ...(c.mean !== undefined && { mean: null }),
      })),
    }),
    ...(q.panels && { panels: { n: null, total: null, mean: null } }),
    ...(q.inner && { inner: q.inner.map(hideAll) }),
  };
}

/**
 * Responses per day of an anonymous wave, with no count below the minimum
 * group size: a day with fewer responses is merged with the days after it
 * until the period holds at least `min`; a short remainder at the end joins
 * the period before it. Every count stays visible, so none can be worked out
 * from the wave's total; a wave with fewer than `min` responses gets none.
 */
export function perDayPeriods(days: Array<{ date: string; count: number }>, min: number): DayPeriod[] {
  const periods: DayPeriod[] = [];
  let open: DayPeriod | undefined;
  for (const day of [...days].filter((d) => d.count > 0).sort((a, b) => a.date.localeCompare(b.date))) {
    open = open ? { date: open.date, until: day.date, count: open.count + day.count } : { ...day };
    if (open.count >= min) {
      periods.push(open);
      open = undefined;
    }
  }
  const last = periods.at(-1);
  if (open && last)
    periods[periods.length - 1] = { date: last.date, until: open.until ?? open.date, count: last.count + open.count };
  return periods;
}
