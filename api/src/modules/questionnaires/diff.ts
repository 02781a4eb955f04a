/**
 * The semantic diff between two questionnaire definitions: which questions
 * were added, removed or moved, and per question what changed and whether the
 * change breaks comparisons of stored answers. Pure: no I/O, no survey-core.
 */
import {
  itemsOf,
  localesOf,
  questionsOf,
  textIn,
  valueKey,
  type ChoiceItem,
  type Json,
  type JsonObject,
} from './definition-walk.js';

export type QuestionChange =
  | { kind: 'title' | 'description'; locale: string }
  | { kind: 'type'; from: string; to: string }
  | { kind: 'input_type'; from: string; to: string }
  | { kind: 'required'; from: boolean; to: boolean }
  | { kind: 'visible_if'; from: string | null; to: string | null }
  | { kind: 'choice_added'; value: Json }
  | { kind: 'choice_removed'; value: Json }
  | { kind: 'choice_relabelled'; value: Json; locales: string[] }
  | { kind: 'choice_reused'; value: Json; from: string; to: string }
  | { kind: 'other_changed'; from: boolean; to: boolean }
  | { kind: 'rating_scale'; from: Json[]; to: Json[] }
  | { kind: 'matrix_rows'; added: Json[]; removed: Json[]; relabelled: Json[] }
  | { kind: 'matrix_columns'; added: Json[]; removed: Json[]; relabelled: Json[] };

/** A reason in English and German. */
export type Reason = { en: string; de: string };
const r = (en: string, de: string): Reason => ({ en, de });

export type ChangedQuestion = {
  name: string;
  changes: QuestionChange[];
  breaking: boolean;
  /** Why the change breaks comparisons, one entry per reason. */
  reasons: Reason[];
};

export type DefinitionDiff = {
  added: string[];
  removed: string[];
  moved: string[];
  changed: ChangedQuestion[];
  /** True when any changed question is breaking. */
  breaking: boolean;
};

type Question = { name: string; el: JsonObject };

const questionList = (definition: JsonObject): Question[] =>
  questionsOf(definition).flatMap((r) =>
    typeof r.element.name === 'string' ? [{ name: r.element.name, el: r.element }] : [],
  );

/** Computes the diff from `before` to `after`. */
export function diffDefinitions(before: JsonObject, after: JsonObject): DefinitionDiff {
  const a = questionList(before);
  const b = questionList(after);
  const aByName = new Map(a.map((q) => [q.name, q]));
  const bByName = new Map(b.map((q) => [q.name, q]));

  const added = b.filter((q) => !aByName.has(q.name)).map((q) => q.name);
  const removed = a.filter((q) => !bByName.has(q.name)).map((q) => q.name);

  // Moved: common questions outside the longest common subsequence of the two orders.
  const commonA = a.filter((q) => bByName.has(q.name)).map((q) => q.name);
  const commonB = b.filter((q) => aByName.has(q.name)).map((q) => q.name);
  const stay = new Set(longestCommonSubsequence(commonA, commonB));
  const moved = commonB.filter((n) => !stay.has(n));

  const changed: ChangedQuestion[] = [];
  for (const q of b) {
    const old = aByName.get(q.name);
    if (!old) continue;
    const { changes, reasons } = compareQuestion(old.el, q.el);
    if (changes.length > 0) changed.push({ name: q.name, changes, breaking: reasons.length > 0, reasons });
  }
  return { added, removed, moved, changed, breaking: changed.some((c) => c.breaking) };
}

/** True when the diff records no change at all. */
export const isEmptyDiff = (d: DefinitionDiff) =>
  d.added.length + d.removed.length + d.moved.length + d.changed.length === 0;

function compareQuestion(a: JsonObject, b: JsonObject): { changes: QuestionChange[]; reasons: Reason[] } {
  const changes: QuestionChange[] = [];
  const reasons: Reason[] = [];
  const typeA = String(a.type);
  const typeB = String(b.type);

  for (const kind of ['title', 'description'] as const) {
    for (const locale of textChanges(a[kind], b[kind])) changes.push({ kind, locale });
  }
  if (typeA !== typeB) {
    changes.push({ kind: 'type', from: typeA, to: typeB });
    reasons.push(r(`type changed from ${typeA} to ${typeB}`, `Typ von ${typeA} zu ${typeB} geändert`));
  }
  const inputA = typeA === 'text' ? String(a.inputType ?? 'text') : '';
  const inputB = typeB === 'text' ? String(b.inputType ?? 'text') : '';
  if (typeA === typeB && inputA !== inputB) {
    changes.push({ kind: 'input_type', from: inputA, to: inputB });
    reasons.push(r(`input type changed from ${inputA} to ${inputB}`, `Eingabetyp von ${inputA} zu ${inputB} geändert`));
  }
  const reqA = a.isRequired === true;
  const reqB = b.isRequired === true;
  if (reqA !== reqB) changes.push({ kind: 'required', from: reqA, to: reqB });
  const visA = typeof a.visibleIf === 'string' ? a.visibleIf : null;
  const visB = typeof b.visibleIf === 'string' ? b.visibleIf : null;
  if (visA !== visB) changes.push({ kind: 'visible_if', from: visA, to: visB });

  if (typeA === typeB) {
    compareChoices(itemsOf(a.choices), itemsOf(b.choices), changes, reasons);
    const otherA = a.showOtherItem === true || a.hasOther === true;
    const otherB = b.showOtherItem === true || b.hasOther === true;
    if (otherA !== otherB) changes.push({ kind: 'other_changed', from: otherA, to: otherB });
    if (typeA === 'rating') {
      const scaleA = ratingScale(a);
      const scaleB = ratingScale(b);
      if (JSON.stringify(scaleA) !== JSON.stringify(scaleB)) {
        changes.push({ kind: 'rating_scale', from: scaleA, to: scaleB });
        reasons.push(
          r(
            `rating scale changed from ${scaleA.join(',')} to ${scaleB.join(',')}`,
            `Bewertungsskala von ${scaleA.join(',')} zu ${scaleB.join(',')} geändert`,
          ),
        );
      }
    }
    if (typeA === 'matrix') {
      const rows = compareItemSets(itemsOf(a.rows), itemsOf(b.rows));
      if (rows) changes.push({ kind: 'matrix_rows', ...rows });
      const cols = compareItemSets(itemsOf(a.columns), itemsOf(b.columns));
      if (cols) {
        changes.push({ kind: 'matrix_columns', ...cols });
        if (cols.added.length + cols.removed.length > 0)
          reasons.push(r('matrix columns changed', 'Spalten der Matrix geändert'));
      }
    }
  }
  return { changes, reasons };
}

/** Locales in which a localisable text differs. */
function textChanges(a: Json | undefined, b: Json | undefined): string[] {
  const locales = new Set([...localesOf(a), ...localesOf(b)]);
  return [...locales].filter((l) => textIn(a, l) !== textIn(b, l)).sort();
}

function compareChoices(a: ChoiceItem[], b: ChoiceItem[], changes: QuestionChange[], reasons: Reason[]): void {
  const bByKey = new Map(b.map((c) => [valueKey(c.value), c]));
  const aKeys = new Set(a.map((c) => valueKey(c.value)));
  for (const c of a) {
    const next = bByKey.get(valueKey(c.value));
    if (!next) {
      changes.push({ kind: 'choice_removed', value: c.value });
      reasons.push(r(`choice ${valueKey(c.value)} removed`, `Antwort ${valueKey(c.value)} entfernt`));
      continue;
    }
    const locales = textChanges(labelOf(c), labelOf(next));
    if (locales.length === 0) continue;
    if (isReuse(labelOf(c), labelOf(next))) {
      const from = textIn(labelOf(c), 'default') ?? String(c.value);
      const to = textIn(labelOf(next), 'default') ?? String(next.value);
      changes.push({ kind: 'choice_reused', value: c.value, from, to });
      reasons.push(
        r(
          `choice ${valueKey(c.value)} now means "${to}" instead of "${from}"`,
          `Antwort ${valueKey(c.value)} bedeutet jetzt „${to}“ statt „${from}“`,
        ),
      );
    } else {
      changes.push({ kind: 'choice_relabelled', value: c.value, locales });
    }
  }
  for (const c of b) if (!aKeys.has(valueKey(c.value))) changes.push({ kind: 'choice_added', value: c.value });
}

/** A choice's label; without a text SurveyJS shows the value itself. */
const labelOf = (c: ChoiceItem): Json => c.text ?? String(c.value);

/**
 * A value is re-used (breaking) rather than reworded when its label changed
 * beyond recognition in every locale it is written in: rewording keeps most of
 * the letters, a new meaning does not.
 */
function isReuse(a: Json, b: Json): boolean {
  const locales = [...new Set([...localesOf(a), ...localesOf(b)])];
  return locales.every((l) => {
    const x = textIn(a, l);
    const y = textIn(b, l);
    if (x === undefined || y === undefined) return true;
    return similarity(x, y) < 0.5;
  });
}

/** Dice coefficient of letter pairs, 0 (nothing shared) to 1 (same), ignoring case and punctuation. */
export function similarity(x: string, y: string): number {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const a = norm(x);
  const b = norm(y);
  if (a === b) return 1;
  const pairs = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let shared = 0;
  for (const [k, n] of pa) shared += Math.min(n, pb.get(k) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The values a rating question offers. */
export function ratingScale(q: JsonObject): Json[] {
  if (Array.isArray(q.rateValues)) return itemsOf(q.rateValues).map((i) => i.value);
  const min = typeof q.rateMin === 'number' ? q.rateMin : 1;
  const max = typeof q.rateMax === 'number' ? q.rateMax : 5;
  const step = typeof q.rateStep === 'number' && q.rateStep > 0 ? q.rateStep : 1;
  const out: number[] = [];
  for (let v = min; v <= max + 1e-9 && out.length <= 100; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

function compareItemSets(
  a: ChoiceItem[],
  b: ChoiceItem[],
): { added: Json[]; removed: Json[]; relabelled: Json[] } | undefined {
  const aMap = new Map(a.map((i) => [valueKey(i.value), i]));
  const bMap = new Map(b.map((i) => [valueKey(i.value), i]));
  const added = b.filter((i) => !aMap.has(valueKey(i.value))).map((i) => i.value);
  const removed = a.filter((i) => !bMap.has(valueKey(i.value))).map((i) => i.value);
  const relabelled = b
    .filter((i) => {
      const old = aMap.get(valueKey(i.value));
      return old !== undefined && textChanges(labelOf(old), labelOf(i)).length > 0;
    })
    .map((i) => i.value);
  return added.length + removed.length + relabelled.length > 0 ? { added, removed, relabelled } : undefined;
}

function longestCommonSubsequence(a: string[], b: string[]): string[] {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}
