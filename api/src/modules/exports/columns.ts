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
 * - anything else shaped (ranking: codes joined with ";", dynamic panels and
 *   matrices: JSON) in one column.
 */
import { itemsOf, labelIn, questionsOf, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import { choiceItems } from '../results/engine/columns.js';
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

export const CODEBOOK_HEADER: Array<keyof CodebookRow> = ['column', 'question', 'type', 'text_de', 'text_en', 'value', 'label_de', 'label_en'];

const SINGLE_TYPES = new Set(['radiogroup', 'dropdown', 'rating', 'boolean']);
const MULTI_TYPES = new Set(['checkbox', 'tagbox']);
/** Types that show something but store nothing. */
const NO_ANSWER_TYPES = new Set(['image']);

const isAnswered = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** A stored value as a cell: booleans as 1/0, shapes as JSON, numbers and text as they are. */
export function cellOf(v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return JSON.stringify(v);
}

const dataOf = (r: ExportedResponse) => r.data as Record<string, unknown>;

const both = (value: Json | undefined, fallback: string) => ({ de: labelIn(value, 'de', fallback), en: labelIn(value, 'en', fallback) });

/** The leading columns: who answered is never known, only which response, which day, which language. */
const LEADING: Array<{ column: ExportColumn; de: string; en: string }> = [
  { column: { key: 'response_id', read: (r) => r.id }, de: 'Antwort-ID (zufällig, sagt nichts über die Person)', en: 'Response id (random, says nothing about the person)' },
  { column: { key: 'completed_on', read: (r) => r.completed_on }, de: 'Abgeschlossen am (nur der Tag)', en: 'Completed on (the day only)' },
  { column: { key: 'locale', read: (r) => r.locale }, de: 'Sprache beim Antworten', en: 'Language used to answer' },
];

/** Names of questions stored inside another question's value (dynamic panels), which get no column of their own. */
function nestedNames(definition: JsonObject): Set<string> {
  const refs = questionsOf(definition);
  const parentOf = new Map(refs.map((r) => [String(r.element.name), r.parent]));
  const dynamic = new Set(refs.filter((r) => r.element.type === 'paneldynamic').map((r) => String(r.element.name)));
  const nested = new Set<string>();
  for (const r of refs) {
    for (let p = r.parent; p !== undefined; p = parentOf.get(p)) {
      if (dynamic.has(p)) nested.add(String(r.element.name));
    }
  }
  return nested;
}

/** The columns and codebook of a response export for one questionnaire version. */
export function exportLayout(definition: JsonObject): { columns: ExportColumn[]; codebook: CodebookRow[] } {
  const columns: ExportColumn[] = LEADING.map((l) => l.column);
  const codebook: CodebookRow[] = LEADING.map((l) => ({ column: l.column.key, question: '', type: '', text_de: l.de, text_en: l.en, value: null, label_de: '', label_en: '' }));
  const nested = nestedNames(definition);

  for (const { element: q } of questionsOf(definition)) {
    const name = String(q.name);
    const type = String(q.type);
    if (nested.has(name) || NO_ANSWER_TYPES.has(type)) continue;
    const title = both(q.title, name);
    const add = (key: string, read: ExportColumn['read'], text: { de: string; en: string }, codes: Array<{ value: CellValue; label: { de: string; en: string } }> = []) => {
      columns.push({ key, read });
      const base = { column: key, question: name, type, text_de: text.de, text_en: text.en };
      if (codes.length === 0) codebook.push({ ...base, value: null, label_de: '', label_en: '' });
      for (const c of codes) codebook.push({ ...base, value: c.value, label_de: c.label.de, label_en: c.label.en });
    };
    const sub = (label: { de: string; en: string }) => ({ de: `${title.de} – ${label.de}`, en: `${title.en} – ${label.en}` });
    const hasOther = q.showOtherItem === true || q.hasOther === true;
    const hasComment = q.showCommentArea === true || q.hasComment === true;
    const otherValue = String(q.otherItemValue ?? 'other');
    const noneItem = q.showNoneItem === true ? [{ value: (q.noneItemValue ?? 'none') as Json, text: (q.noneText ?? { default: 'Keine', en: 'None' }) as Json }] : [];
    const otherItem = hasOther ? [{ value: otherValue as Json, text: (q.otherText ?? { default: 'Sonstiges', en: 'Other' }) as Json }] : [];
    const multi = MULTI_TYPES.has(type) || (type === 'imagepicker' && q.multiSelect === true);

    if (multi) {
      for (const item of [...choiceItems(q, type), ...noneItem]) {
        const label = both(item.text, String(item.value));
        add(
          `${name}.${String(item.value)}`,
          (r) => {
            const v = dataOf(r)[name];
            return Array.isArray(v) && v.length > 0 ? (v.includes(item.value) ? 1 : 0) : null;
          },
          sub(label),
          [
            { value: 1, label },
            { value: 0, label: { de: 'nicht gewählt', en: 'not chosen' } },
          ],
        );
      }
    } else if (SINGLE_TYPES.has(type) || type === 'imagepicker') {
      const items = [...choiceItems(q, type === 'imagepicker' ? 'radiogroup' : type), ...noneItem, ...otherItem];
      add(name, (r) => cellOf(dataOf(r)[name]), title, items.map((i) => ({ value: cellOf(i.value), label: both(i.text, String(i.value)) })));
    } else if (type === 'matrix') {
      const codes = itemsOf(q.columns).map((c) => ({ value: cellOf(c.value), label: both(c.text, String(c.value)) }));
      for (const row of itemsOf(q.rows)) {
        const rowKey = String(row.value);
        add(
          `${name}.${rowKey}`,
          (r) => {
            const v = dataOf(r)[name];
            return v && typeof v === 'object' && !Array.isArray(v) ? cellOf((v as Record<string, unknown>)[rowKey]) : null;
          },
          sub(both(row.text, rowKey)),
          codes,
        );
      }
    } else if (type === 'multipletext') {
      for (const item of Array.isArray(q.items) ? q.items : []) {
        const itemName = String((item as JsonObject).name);
        add(
          `${name}.${itemName}`,
          (r) => {
            const v = dataOf(r)[name];
            return v && typeof v === 'object' && !Array.isArray(v) ? cellOf((v as Record<string, unknown>)[itemName]) : null;
          },
          sub(both((item as JsonObject).title, itemName)),
        );
      }
    } else if (type === 'ranking') {
      add(name, (r) => {
        const v = dataOf(r)[name];
        return Array.isArray(v) && v.length > 0 ? v.map(String).join(';') : cellOf(v);
      }, title, choiceItems(q, 'ranking').map((i) => ({ value: cellOf(i.value), label: both(i.text, String(i.value)) })));
    } else {
      add(name, (r) => cellOf(dataOf(r)[name]), title);
    }

    if (hasOther || hasComment) {
      const key = `${name}.${hasOther ? 'other' : 'comment'}`;
      const text = hasOther ? sub({ de: 'Sonstiges (Text)', en: 'Other (text)' }) : sub({ de: 'Kommentar', en: 'Comment' });
      add(key, (r) => {
        const v = dataOf(r)[`${name}-Comment`];
        return isAnswered(v) ? cellOf(v) : null;
      }, text);
    }
  }
  return { columns, codebook };
}
