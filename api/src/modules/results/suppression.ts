/**
 * Small-group suppression (DESIGN §3). A figure over fewer respondents than
 * the minimum group size is hidden (`count: null`, `suppressed: true`), and
 * within one answer no hidden number may be worked out from the visible ones.
 */
import { SINGLE_CHOICE_TYPES, type Cell, type QuestionFigures } from './aggregate.js';

/**
 * Hides cells below the minimum (zero is shown: it says nobody, not who).
 * Where cells add up to a visible total (one answer per respondent), a single
 * hidden cell could be computed from the rest, so the next smallest visible
 * cell is hidden too; a hidden cell also hides the mean, which would give it away.
 */
function suppressCells(cells: Cell[], min: number, additive: boolean): { cells: Cell[]; hidden: number; hideTotal: boolean } {
  const out = cells.map((c) => ({ ...c, count: c.count !== null && c.count > 0 && c.count < min ? null : c.count }));
  let hidden = out.filter((c) => c.count === null).length;
  if (additive && hidden === 1) {
    const candidates = out.map((c, i) => ({ c, i })).filter(({ c }) => c.count !== null && c.count > 0).sort((a, b) => a.c.count! - b.c.count!);
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
  return questions.map((q) => {
    if (n < min || (q.n !== null && q.n < min)) return hideAll(q);
    const out: QuestionFigures = { ...q };
    if (q.choices) {
      // "Other" belongs to the same total for single-choice questions.
      const withOther = q.other !== undefined ? [...q.choices, { value: '__other__', label: '', count: q.other }] : q.choices;
      const { cells, hidden, hideTotal } = suppressCells(withOther, min, SINGLE_CHOICE_TYPES.has(q.type));
      out.choices = q.other !== undefined ? cells.slice(0, -1) : cells;
      if (q.other !== undefined) out.other = cells[cells.length - 1]!.count;
      if (hidden > 0 && q.mean !== undefined) out.mean = null;
      if (hideTotal) out.n = null;
    }
    // Codes of open answers count like checkbox ticks: one answer may carry several.
    if (q.codes) out.codes = suppressCells(q.codes, min, false).cells;
    if (q.rows) {
      out.rows = q.rows.map((row) => {
        if (row.n !== null && row.n < min) return { ...row, n: null, suppressed: true, choices: row.choices.map((c) => ({ ...c, count: null })), ...(row.mean !== undefined && { mean: null }) };
        const { cells, hidden, hideTotal } = suppressCells(row.choices, min, true);
        return { ...row, n: hideTotal ? null : row.n, choices: cells, ...(row.mean !== undefined && { mean: hidden > 0 ? null : row.mean }) };
      });
    }
    return out;
  });
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
    ...(q.rows && { rows: q.rows.map((r) => ({ ...r, n: null, suppressed: true, choices: r.choices.map((c) => ({ ...c, count: null })), ...(r.mean !== undefined && { mean: null }) })) }),
  };
}
