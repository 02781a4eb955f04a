import type { QuestionResult, WaveResults } from '../../api/types.js';

/**
 * One thing the filter bar offers to filter on: a choice question, or one
 * choice cell of a matrix or dynamic panel, with the `where` prefix the API
 * reads (`question`, `question:row`, `question:row:column`,
 * `question:column`) and the choices it may take.
 */
export type FilterSubject = {
  key: string;
  /** The whole name, for chips: "Question – row – column". */
  label: string;
  /** For a cell: its question's title (the select groups cells under it) and the cell's own name. */
  group?: string;
  cell?: string;
  choices: Array<{ value: string; label: string }>;
};

const choicesOf = (list: QuestionResult['choices']) =>
  (list ?? []).map((c) => ({ value: String(c.value), label: c.label }));

/**
 * The filter subjects of a wave's results, in question order. The server's
 * registry (`questionTypes[type].filter`) says what a filter may name: the
 * answer itself (`value`), its cells (`cells`) or nothing; the figures give
 * the rows, columns and choices.
 */
export function filterSubjects(data: Pick<WaveResults, 'questions' | 'questionTypes'>): FilterSubject[] {
  const filter = (type: string) => data.questionTypes[type]?.filter ?? 'none';
  const out: FilterSubject[] = [];
  const add = (key: string, title: string, cell: string | undefined, list: QuestionResult['choices']) => {
    const choices = choicesOf(list);
    if (choices.length === 0) return;
    out.push(
      cell === undefined
        ? { key, label: title, choices }
        : { key, label: `${title} – ${cell}`, group: title, cell, choices },
    );
  };
  for (const q of data.questions) {
    const kind = filter(q.type);
    if (kind === 'value') add(q.name, q.title, undefined, q.choices);
    if (kind !== 'cells') continue;
    for (const row of q.rows ?? []) add(`${q.name}:${String(row.value)}`, q.title, row.label, row.choices);
    for (const cell of q.cells ?? []) {
      if (filter(cell.type) !== 'value') continue;
      const key = cell.row === null ? `${q.name}:${cell.column}` : `${q.name}:${String(cell.row)}:${cell.column}`;
      add(key, q.title, cell.row === null ? cell.columnLabel : `${cell.rowLabel} – ${cell.columnLabel}`, cell.choices);
    }
    for (const inner of q.inner ?? [])
      if (filter(inner.type) === 'value') add(`${q.name}:${inner.name}`, q.title, inner.title, inner.choices);
  }
  return out;
}

/** The subject and choice a `where` filter names (the longest matching prefix), for its chip. */
export function describeFilter(subjects: FilterSubject[], where: string): { subject: string; value: string } {
  const subject = subjects.filter((s) => where.startsWith(`${s.key}:`)).sort((a, b) => b.key.length - a.key.length)[0];
  if (!subject) {
    const at = where.indexOf(':');
    return { subject: at > 0 ? where.slice(0, at) : where, value: at > 0 ? where.slice(at + 1) : '' };
  }
  const value = where.slice(subject.key.length + 1);
  return { subject: subject.label, value: subject.choices.find((c) => c.value === value)?.label ?? value };
}

/** Subjects as the question select shows them: questions alone, cells grouped under their question. */
export function subjectGroups(subjects: FilterSubject[]): Array<{ group?: string; subjects: FilterSubject[] }> {
  const out: Array<{ group?: string; subjects: FilterSubject[] }> = [];
  for (const s of subjects) {
    const last = out.at(-1);
    if (s.group !== undefined && last?.group === s.group) last.subjects.push(s);
    else out.push({ ...(s.group !== undefined && { group: s.group }), subjects: [s] });
  }
  return out;
}
