/**
 * Server-side judging of answers, compiled once per published version.
 *
 * survey-core is the reference: the definition is read through a survey-core
 * Model once (question-specs.ts), and every condition, calculated value,
 * expression question and validator is evaluated by survey-core's own
 * expression runners and validator classes, never by a copy of them. A Model
 * per request would cost milliseconds; the runners cost microseconds.
 *
 * Judging runs in two stages:
 * 1. shape: every answer's type, options, sizes and keys, from the question
 *    type registry. Bounded work per answer (arrays are capped by their
 *    options before they are looked at); when anything is wrong here,
 *    judging stops before any condition or validator runs.
 * 2. rules (complete responses only): visibility (questions, panels, pages,
 *    options, matrix rows and columns), enableIf, required and requiredIf,
 *    validators, min/max and their expressions, "other" texts, panel and row
 *    counts; computed values (expression questions, calculated values with
 *    includeIntoResult) are recomputed and the server's values are stored.
 *
 * Bilanz is stricter than survey-core only about answers that lie outside the
 * definition: unknown keys, wrong types, values that are no option, answers to
 * questions not shown for the given answers.
 */
import {
  ConditionRunner,
  EmailValidator,
  ExpressionRunner,
  JsonObject as SurveyJson,
  RegexValidator,
  Serializer,
  type SurveyValidator,
  type ValidatorResult,
} from 'survey-core';
import { linearPattern, type PatternTester } from '../../lib/patterns.js';
import type { LocalisedText } from '../../http/errors.js';
import { isObject, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import { isEmptyAnswer } from '../questionnaires/question-types.js';
import { surveySpec, type ItemSpec, type QuestionSpec } from '../questionnaires/question-specs.js';

export type AnswerProblem = { question: string; message: LocalisedText };
export type AnswerData = Record<string, unknown>;

/** Default length limits when a question sets no maxLength. */
export const TEXT_LIMIT = 1_000;
export const COMMENT_LIMIT = 10_000;
/** A signature is an image as a data URL; a file list holds at most this many files. */
const SIGNATURE_LIMIT = 512 * 1024;
const FILE_COUNT_LIMIT = 20;
/** Rows of a dynamic matrix or panels of a dynamic panel when the question sets no maximum. */
const DYNAMIC_COUNT_LIMIT = 1_000;

/**
 * The work one response may cost to judge. Every step is bounded already
 * (sizes are capped before any rule runs, patterns run in linear time), but
 * a 1 MB body of long texts under many validators, or a thousand matrix rows
 * under many conditions, still adds up. Judging counts its costly steps in
 * estimated microseconds (a condition or expression run, a pattern matched
 * against a text by its length) and stops past the budget, refusing the
 * response: so no answer holds the event loop much longer than this. The
 * count, unlike a clock, is the same on a busy or a cold machine, so a real
 * response is never refused because the server was busy; the member survey
 * costs about 0.2 ms of it.
 */
export const JUDGING_WORK_BUDGET_MICROS = 30_000;
/** Estimated costs: a condition or expression run by survey-core, and RE2's speed on a text. */
const CONDITION_MICROS = 2;
const PATTERN_CHARS_PER_MICRO = 12;
/**
 * A backstop in time for definitions whose steps the count does not see:
 * past this much of the clock and of CPU time, judging stops too. Reading
 * the CPU time costs a system call (2 µs), so it is read only once the clock
 * has passed the limit (the clock alone would refuse answers on a machine
 * busy with other work).
 */
export const JUDGING_TIME_LIMIT_MS = 250;
class OverBudget extends Error {}
/** Judging is synchronous: one response at a time has a budget (none outside judging). */
let judging = false;
let work = 0;
let clockDeadline = Infinity;
let cpuDeadline = Infinity;
const cpuMicros = () => {
  const used = process.cpuUsage();
  return used.user + used.system;
};
/** Counts estimated work, and looks at the time backstop. */
const spend = (micros = 0) => {
  if (!judging) return;
  work += micros;
  if (work > JUDGING_WORK_BUDGET_MICROS) throw new OverBudget();
  if (performance.now() <= clockDeadline) return;
  if (cpuMicros() > cpuDeadline) throw new OverBudget();
  clockDeadline = performance.now() + 1;
};

const m = (en: string, de: string): LocalisedText => ({ en, de });
/** A cheap identity key of a value (options and memo keys); numbers, texts and booleans never collide. */
const key = (v: unknown): string =>
  typeof v === 'string'
    ? `s${v}`
    : typeof v === 'number'
      ? `n${v}`
      : typeof v === 'boolean'
        ? v
          ? 'T'
          : 'F'
        : `j${JSON.stringify(v) ?? 'undefined'}`;

// --- Expressions -----------------------------------------------------------

type Values = Record<string, unknown>;
type Condition = (values: Values) => boolean;

/**
 * A condition evaluated by survey-core's ConditionRunner. Conditions without
 * function calls are memoised on the values of the variables they read:
 * answers to choice questions repeat, so most evaluations become a lookup.
 */
/**
 * Whether a condition's result may be memoised on the variables it reads: no
 * function calls (today(), age() … change over time) and no paths into
 * objects ({row.x}, {panel.x}), whose values a flat key would not capture.
 */
function memoisable(expr: string, vars: string[]): boolean {
  const callsFunction = /[A-Za-z_]\w*\s*\(/.test(expr.replace(/\{[^}]*\}/g, '').replace(/'[^']*'|"[^"]*"/g, ''));
  return !callsFunction && !vars.some((v) => /[.[]/.test(v));
}

function condition(expr: string | undefined, memo: boolean): Condition | undefined {
  if (expr === undefined) return undefined;
  const runner = new ConditionRunner(expr);
  const run = (values: Values) => {
    spend(CONDITION_MICROS);
    return runner.runValues(values) === true;
  };
  const vars = [...new Set(runner.getVariables())];
  if (!memo || !memoisable(expr, vars)) return run;
  const cache = new Map<string, boolean>();
  return (values) => {
    let k = '';
    for (const v of vars) k += `${key(values[v])}\u0001`;
    if (k.length > 1_000) return run(values);
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const result = run(values);
    if (cache.size >= 2_000) cache.clear();
    cache.set(k, result);
    return result;
  };
}

/** A condition on an option, row or column (`{item}`), given the answers. */
type ItemCondition = (values: Values, item: unknown) => boolean;

/**
 * An option condition (choicesVisibleIf, rowsVisibleIf, an item's visibleIf):
 * `{item}` and `{choice}` are the option; memoised on the option and the
 * answers the condition reads, since the same few answers repeat.
 */
function itemCondition(expr: string | undefined): ItemCondition | undefined {
  if (expr === undefined) return undefined;
  const runner = new ConditionRunner(expr);
  const run: ItemCondition = (values, item) => {
    // The values are the validator's own copy: set the option in place rather than copying them per option.
    const saved = [values.item, values.choice];
    values.item = item;
    values.choice = item;
    spend(CONDITION_MICROS);
    try {
      return runner.runValues(values) === true;
    } finally {
      values.item = saved[0];
      values.choice = saved[1];
    }
  };
  const vars = [...new Set(runner.getVariables())].filter((v) => v !== 'item' && v !== 'choice');
  if (!memoisable(expr, vars)) return run;
  const cache = new Map<string, boolean>();
  return (values, item) => {
    let k = `${key(item)}\u0002`;
    for (const v of vars) k += `${key(values[v])}\u0001`;
    if (k.length > 1_000) return run(values, item);
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const result = run(values, item);
    if (cache.size >= 5_000) cache.clear();
    cache.set(k, result);
    return result;
  };
}

const expression = (expr: string | undefined) => (expr === undefined ? undefined : new ExpressionRunner(expr));

// --- Compiled questions ----------------------------------------------------

type CompiledItem = { value: Json; k: string; visibleIf?: ItemCondition; enableIf?: ItemCondition };

type Compiled = {
  spec: QuestionSpec;
  visibleIf?: Condition;
  containers: Array<{ visibleIf?: Condition; hidden: boolean }>;
  enableIf?: Condition;
  requiredIf?: Condition;
  items: CompiledItem[];
  itemKeys: Set<string>;
  specialKeys: Set<string>;
  choicesVisibleIf?: ItemCondition;
  choicesEnableIf?: ItemCondition;
  /** Whether any option's visibility or enabling depends on the answers. */
  optionConditions: boolean;
  rows: CompiledItem[];
  rowKeys: Set<string>;
  rowsVisibleIf?: ItemCondition;
  columnsVisibleIf?: ItemCondition;
  inner: Compiled[];
  innerByKey: Map<string, Compiled>;
  minValue?: ExpressionRunner;
  maxValue?: ExpressionRunner;
  /** survey-core's validator classes; an expression validator runs as a condition on the answers. */
  validators: Array<{ validator?: SurveyValidator; condition?: Condition; text: Json | undefined; type: string }>;
  expression?: ExpressionRunner;
};

function compileItems(items: ItemSpec[]): CompiledItem[] {
  return items.map((i) => ({
    value: i.value,
    k: key(i.value),
    ...(i.visibleIf && { visibleIf: itemCondition(i.visibleIf)! }),
    ...(i.enableIf && { enableIf: itemCondition(i.enableIf)! }),
  }));
}

function compileQuestion(spec: QuestionSpec, memo: boolean): Compiled {
  const items = compileItems(spec.items);
  const specialKeys = new Set(Object.values(spec.special).map(key));
  const rows = compileItems(spec.rows);
  const inner = spec.inner.map((s) => compileQuestion(s, false));
  const validators = spec.validators.flatMap((json): Compiled['validators'] => {
    const type = typeof json.type === 'string' ? json.type : '';
    const name = type.endsWith('validator') ? type : `${type}validator`;
    if (name === 'expressionvalidator') {
      const expr = typeof json.expression === 'string' && json.expression.trim() !== '' ? json.expression : undefined;
      const runner = expr ? new ConditionRunner(expr) : undefined;
      // survey-core reports no error for an expression it cannot run.
      return runner?.canRun() ? [{ condition: condition(expr, false)!, text: json.text, type: name }] : [];
    }
    const validator = createValidator(name, json);
    return validator ? [{ validator, text: json.text, type: name }] : [];
  });
  return {
    spec,
    ...(spec.visibleIf && { visibleIf: condition(spec.visibleIf, memo)! }),
    containers: spec.containers.map((c) => ({
      ...(c.visibleIf && { visibleIf: condition(c.visibleIf, memo)! }),
      hidden: c.hidden,
    })),
    ...(spec.enableIf && { enableIf: condition(spec.enableIf, memo)! }),
    ...(spec.requiredIf && { requiredIf: condition(spec.requiredIf, memo)! }),
    items,
    itemKeys: new Set(items.map((i) => i.k)),
    specialKeys,
    optionConditions:
      spec.choicesVisibleIf !== undefined ||
      spec.choicesEnableIf !== undefined ||
      items.some((i) => i.visibleIf || i.enableIf),
    ...(spec.choicesVisibleIf && { choicesVisibleIf: itemCondition(spec.choicesVisibleIf)! }),
    ...(spec.choicesEnableIf && { choicesEnableIf: itemCondition(spec.choicesEnableIf)! }),
    rows,
    rowKeys: new Set(rows.map((r) => String(r.value))),
    ...(spec.rowsVisibleIf && { rowsVisibleIf: itemCondition(spec.rowsVisibleIf)! }),
    ...(spec.columnsVisibleIf && { columnsVisibleIf: itemCondition(spec.columnsVisibleIf)! }),
    inner,
    innerByKey: new Map(inner.map((c) => [c.spec.key, c])),
    ...(spec.minValueExpression && { minValue: expression(spec.minValueExpression)! }),
    ...(spec.maxValueExpression && { maxValue: expression(spec.maxValueExpression)! }),
    validators,
    ...((spec.expression ?? spec.valueExpression) && {
      expression: expression(spec.expression ?? spec.valueExpression)!,
    }),
  };
}

// --- Stage 1: shapes -------------------------------------------------------

const notAChoice = (v: unknown) =>
  m(`${truncate(v)} is not one of the choices.`, `${truncate(v)} ist keine der Antwortmöglichkeiten.`);
/** A value for a message, as JSON (at most 60 characters). */
const truncate = (v: unknown) => shorten(JSON.stringify(v) ?? 'undefined');
/** A name for a message (at most 60 characters). */
const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** A day that exists, as a date field sends it: `2025-02-28`, not `2025-02-31` or `9999-99-99`. */
function isCalendarDate(v: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value is an option of the question, a special item, or (other stored as the value) any text. */
function isOption(c: Compiled, v: unknown, extraKeys?: Set<string>): boolean {
  const k = key(v);
  if (c.itemKeys.has(k) || c.specialKeys.has(k) || extraKeys?.has(k)) return true;
  if (c.spec.choicesFrom) return isScalar(v);
  return (
    c.spec.special.other !== undefined &&
    !c.spec.storeOthersAsComment &&
    typeof v === 'string' &&
    v.length <= COMMENT_LIMIT
  );
}

const isScalar = (v: unknown) =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';

/**
 * Type and content of one non-empty answer, bounded work: returns the first
 * problem. `options` are the options a dropdown-matrix cell takes from its
 * column or the matrix.
 */
function checkShape(c: Compiled, v: unknown): LocalisedText | undefined {
  const s = c.spec;
  switch (s.shape) {
    case 'text': {
      if (s.type === 'text' && (s.inputType === 'number' || s.inputType === 'range')) {
        if (typeof v !== 'number' || !Number.isFinite(v))
          return m('Please enter a number.', 'Bitte gib eine Zahl ein.');
        // Fixed bounds belong to the definition; bounds from expressions are rules.
        if (typeof s.min === 'number' && v < s.min)
          return m(`The number must be at least ${s.min}.`, `Die Zahl muss mindestens ${s.min} sein.`);
        if (typeof s.max === 'number' && v > s.max)
          return m(`The number must be at most ${s.max}.`, `Die Zahl darf höchstens ${s.max} sein.`);
        return undefined;
      }
      // survey-core stores numbers from numeric and currency masks, and expressions may put one here.
      if (typeof v === 'number' && s.numbersAllowed)
        return Number.isFinite(v) ? undefined : m('Please enter a number.', 'Bitte gib eine Zahl ein.');
      if (typeof v !== 'string') return m('Please enter text.', 'Bitte gib Text ein.');
      const limit = Math.min(s.maxLength ?? Infinity, s.type === 'comment' ? COMMENT_LIMIT : TEXT_LIMIT);
      if (v.length > limit) return m(`At most ${limit} characters.`, `Höchstens ${limit} Zeichen.`);
      if (s.inputType === 'date' && !isCalendarDate(v))
        return m('Please enter a date (YYYY-MM-DD).', 'Bitte gib ein Datum ein (JJJJ-MM-TT).');
      return undefined;
    }
    case 'single':
    case 'boolean':
    case 'rating':
      if (s.shape === 'boolean')
        return v === s.valueTrue || v === s.valueFalse
          ? undefined
          : m('Please answer yes or no.', 'Bitte antworte mit Ja oder Nein.');
      if (s.shape === 'rating')
        return c.itemKeys.has(key(v))
          ? undefined
          : m(`${truncate(v)} is not on the rating scale.`, `${truncate(v)} liegt nicht auf der Bewertungsskala.`);
      return isScalar(v) && isOption(c, v) ? undefined : notAChoice(v);
    case 'multi': {
      if (!Array.isArray(v)) return m('Please choose from the list.', 'Bitte wähle aus der Liste.');
      // Never more entries than there are options (other stored as text adds one).
      const most = s.choicesFrom
        ? DYNAMIC_COUNT_LIMIT
        : c.items.length + c.specialKeys.size + (s.storeOthersAsComment ? 0 : 1);
      if (v.length > most) return m('More choices than the question has.', 'Mehr Antworten, als die Frage hat.');
      const seen = new Set<string>();
      for (const one of v) {
        const value: unknown = s.valuePropertyName ? (isPlainObject(one) ? one[s.valuePropertyName] : undefined) : one;
        if (!isScalar(value) || !isOption(c, value)) return notAChoice(value ?? one);
        const k = key(value);
        if (seen.has(k)) return m('A choice is ticked twice.', 'Eine Antwort ist doppelt angekreuzt.');
        seen.add(k);
      }
      if (v.length > 1 && [...seen].some((k) => c.specialKeys.has(k) && k !== key(s.special.other))) {
        return m(
          '"None" cannot be combined with other choices.',
          '„Keine“ lässt sich nicht mit anderen Antworten verbinden.',
        );
      }
      if (s.maxSelected !== undefined && v.length > s.maxSelected)
        return m(`Choose at most ${s.maxSelected}.`, `Wähle höchstens ${s.maxSelected}.`);
      return undefined;
    }
    case 'ranking': {
      if (!Array.isArray(v))
        return m('Please put the items in order.', 'Bitte bring die Einträge in eine Reihenfolge.');
      if (v.length > (s.choicesFrom ? DYNAMIC_COUNT_LIMIT : c.items.length))
        return m('The order must list each item once.', 'Die Reihenfolge muss jeden Eintrag einmal nennen.');
      const keys = new Set<string>();
      for (const one of v) {
        if (!isScalar(one) || !isOption(c, one) || keys.has(key(one)))
          return m('The order must list each item once.', 'Die Reihenfolge muss jeden Eintrag einmal nennen.');
        keys.add(key(one));
      }
      return undefined;
    }
    case 'matrix': {
      if (!isPlainObject(v)) return m('Please answer row by row.', 'Bitte antworte Zeile für Zeile.');
      const entries = Object.keys(v);
      if (entries.length > c.rows.length)
        return m('More rows than the matrix has.', 'Mehr Zeilen, als die Matrix hat.');
      for (const row of entries) {
        if (!c.rowKeys.has(row))
          return m(`There is no row "${shorten(row)}".`, `Es gibt keine Zeile „${shorten(row)}“.`);
        if (!c.itemKeys.has(key(v[row])))
          return m(
            `${truncate(v[row])} is not a column of row "${row}".`,
            `${truncate(v[row])} ist keine Spalte der Zeile „${row}“.`,
          );
      }
      return undefined;
    }
    case 'matrixdropdown': {
      if (!isPlainObject(v)) return m('Please answer row by row.', 'Bitte antworte Zeile für Zeile.');
      const entries = Object.keys(v);
      if (entries.length > c.rows.length)
        return m('More rows than the matrix has.', 'Mehr Zeilen, als die Matrix hat.');
      for (const row of entries) {
        if (!c.rowKeys.has(row))
          return m(`There is no row "${shorten(row)}".`, `Es gibt keine Zeile „${shorten(row)}“.`);
        const problem = checkRecord(c, v[row], m(`Row "${row}"`, `Zeile „${row}“`));
        if (problem) return problem;
      }
      return undefined;
    }
    case 'matrixdynamic':
    case 'paneldynamic': {
      if (!Array.isArray(v)) return m('Please answer entry by entry.', 'Bitte antworte Eintrag für Eintrag.');
      const most = Math.min(s.maxCount ?? DYNAMIC_COUNT_LIMIT, DYNAMIC_COUNT_LIMIT);
      if (v.length > most) return m(`At most ${most} entries.`, `Höchstens ${most} Einträge.`);
      for (let i = 0; i < v.length; i++) {
        const problem = checkRecord(c, v[i], m(`Entry ${i + 1}`, `Eintrag ${i + 1}`));
        if (problem) return problem;
      }
      return undefined;
    }
    case 'multipletext':
      return checkRecord(c, v, undefined);
    case 'slider': {
      const min = Number(s.min ?? 0);
      const max = Number(s.max ?? 100);
      const inRange = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max;
      if (s.range)
        return Array.isArray(v) &&
          v.length === 2 &&
          inRange(v[0]) &&
          inRange(v[1]) &&
          (v[0] as number) <= (v[1] as number)
          ? undefined
          : m(
              `Please choose a range between ${min} and ${max}.`,
              `Bitte wähle einen Bereich zwischen ${min} und ${max}.`,
            );
      return inRange(v)
        ? undefined
        : m(`Please choose a number between ${min} and ${max}.`, `Bitte wähle eine Zahl zwischen ${min} und ${max}.`);
    }
    case 'file': {
      const most = s.allowMultiple ? FILE_COUNT_LIMIT : 1;
      if (!Array.isArray(v) || v.length > most) return m('Please attach files.', 'Bitte hänge Dateien an.');
      for (const f of v) {
        if (
          !isPlainObject(f) ||
          typeof f.name !== 'string' ||
          typeof f.content !== 'string' ||
          (f.type !== undefined && typeof f.type !== 'string')
        )
          return m('Please attach files.', 'Bitte hänge Dateien an.');
        if (Object.keys(f).some((k) => !['name', 'type', 'content'].includes(k)))
          return m('Please attach files.', 'Bitte hänge Dateien an.');
      }
      return undefined;
    }
    case 'signature':
      return typeof v === 'string' &&
        v.length <= SIGNATURE_LIMIT &&
        /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]*$/.test(v)
        ? undefined
        : m('Please sign in the field.', 'Bitte unterschreibe im Feld.');
    case 'computed':
      // Recomputed by the server; what the browser sent is replaced.
      return isScalar(v) && (typeof v !== 'string' || v.length <= TEXT_LIMIT)
        ? undefined
        : m(
            'A computed value must be a number, text or true/false.',
            'Ein berechneter Wert muss eine Zahl, Text oder wahr/falsch sein.',
          );
    case 'none':
      return m('This element takes no answer.', 'Dieses Element nimmt keine Antwort an.');
  }
}

/** An object of inner answers (a matrix row, a panel, multiple text): known keys and their shapes. */
function checkRecord(c: Compiled, record: unknown, where: LocalisedText | undefined): LocalisedText | undefined {
  const at = (t: LocalisedText) => (where ? m(`${where.en}: ${t.en}`, `${where.de}: ${t.de}`) : t);
  if (!isPlainObject(record)) return at(m('Please answer each field.', 'Bitte beantworte jedes Feld.'));
  const keys = Object.keys(record);
  if (keys.length > c.inner.length * 2)
    return at(m('More fields than the question has.', 'Mehr Felder, als die Frage hat.'));
  for (const k of keys) {
    const inner = c.innerByKey.get(k) ?? commentOwner(c, k);
    if (!inner) return at(m(`There is no field "${shorten(k)}".`, `Es gibt kein Feld „${shorten(k)}“.`));
    const value = record[k];
    if (inner.spec.commentKey === k && inner.spec.key !== k) {
      if (typeof value !== 'string' || value.length > COMMENT_LIMIT)
        return at(
          m(
            'The additional text must be text of at most 10,000 characters.',
            'Der Zusatztext muss Text mit höchstens 10.000 Zeichen sein.',
          ),
        );
      continue;
    }
    if (isEmptyAnswer(value)) continue;
    const problem = checkShape(inner, value);
    if (problem) return at(m(`${inner.spec.name}: ${problem.en}`, `${inner.spec.name}: ${problem.de}`));
  }
  return undefined;
}

const commentOwner = (c: Compiled, k: string) => c.inner.find((i) => i.spec.commentKey === k);

// --- Stage 2: rules --------------------------------------------------------

const DEFAULT_MESSAGES: Record<string, LocalisedText> = {
  numericvalidator: m('The number is out of the allowed range.', 'Die Zahl liegt außerhalb des erlaubten Bereichs.'),
  textvalidator: m(
    'The text does not have the required length or form.',
    'Der Text hat nicht die verlangte Länge oder Form.',
  ),
  answercountvalidator: m(
    'Please choose a different number of answers.',
    'Bitte wähle eine andere Anzahl von Antworten.',
  ),
  regexvalidator: m('The answer does not have the required form.', 'Die Antwort hat nicht die verlangte Form.'),
  emailvalidator: m('Please enter an e-mail address.', 'Bitte gib eine E-Mail-Adresse ein.'),
  expressionvalidator: m(
    'The answer does not fit the other answers.',
    'Die Antwort passt nicht zu den anderen Antworten.',
  ),
};

/** A validator's own text (any language it carries) or Bilanz's default message. */
function validatorMessage(text: Json | undefined, type: string): LocalisedText {
  const fallback = DEFAULT_MESSAGES[type] ?? m('The answer is not valid.', 'Die Antwort ist nicht gültig.');
  if (typeof text === 'string' && text.trim() !== '') return { en: text, de: text };
  if (isObject(text)) {
    const pick = (l: string) => (typeof text[l] === 'string' ? text[l] : undefined);
    const any = pick('default') ?? Object.values(text).find((t): t is string => typeof t === 'string');
    return { en: pick('en') ?? any ?? fallback.en, de: pick('de') ?? any ?? fallback.de };
  }
  return fallback;
}

const required = () => m('Please answer this question.', 'Bitte beantworte diese Frage.');

type Scope = {
  /** Values conditions see: answers, calculated values, and the row or panel in context. */
  values: Values;
  problems: AnswerProblem[];
  question: string;
  /** For a question inside a matrix row, panel or multiple text: that answer object, which also holds its `-Comment`. */
  record?: Record<string, unknown>;
};

/** Whether the options given the answers are visible and enabled: the subset of options a respondent could pick. */
function visibleOptionKeys(c: Compiled, values: Values, byKey: Map<string, Compiled>): Set<string> | undefined {
  const s = c.spec;
  let items: Array<{ value: unknown; k: string; visibleIf?: ItemCondition; enableIf?: ItemCondition }> = c.items;
  if (s.choicesFrom) {
    const source =
      byKey.get(s.choicesFrom.question) ?? [...byKey.values()].find((q) => q.spec.name === s.choicesFrom!.question);
    if (!source) return undefined;
    let values0: Array<{ value: unknown; k: string }>;
    const sourceValue = values[source.spec.key];
    if (s.choicesFrom.valuesFrom) {
      const rows = Array.isArray(sourceValue)
        ? sourceValue
        : isPlainObject(sourceValue)
          ? Object.values(sourceValue)
          : [];
      values0 = rows.flatMap((r) =>
        isPlainObject(r) && !isEmptyAnswer(r[s.choicesFrom!.valuesFrom!])
          ? [{ value: r[s.choicesFrom!.valuesFrom!], k: key(r[s.choicesFrom!.valuesFrom!]) }]
          : [],
      );
    } else {
      const sourceKeys = visibleOptionKeys(source, values, byKey) ?? source.itemKeys;
      const all = source.items.filter((i) => sourceKeys.has(i.k));
      const chosen = new Set(
        (Array.isArray(sourceValue) ? sourceValue : sourceValue === undefined ? [] : [sourceValue]).map(key),
      );
      values0 =
        s.choicesFrom.mode === 'selected'
          ? all.filter((i) => chosen.has(i.k))
          : s.choicesFrom.mode === 'unselected'
            ? all.filter((i) => !chosen.has(i.k))
            : all;
    }
    items = values0;
  }
  if (!c.optionConditions && !s.choicesFrom) return undefined;
  const out = new Set<string>();
  for (const i of items) {
    if (i.visibleIf && !i.visibleIf(values, i.value)) continue;
    if (i.enableIf && !i.enableIf(values, i.value)) continue;
    if (c.choicesVisibleIf && !c.choicesVisibleIf(values, i.value)) continue;
    if (c.choicesEnableIf && !c.choicesEnableIf(values, i.value)) continue;
    out.add(i.k);
  }
  for (const k of c.specialKeys) out.add(k);
  return out;
}

/**
 * The rules of one visible, non-empty answer given the other answers: options
 * shown, rows shown, inner rules, validators, min and max.
 */
function checkRules(c: Compiled, v: unknown, scope: Scope, byKey: Map<string, Compiled>, data: Values): void {
  spend();
  const s = c.spec;
  const add = (message: LocalisedText) => scope.problems.push({ question: scope.question, message });
  const { values } = scope;
  if (s.shape === 'single' || s.shape === 'multi' || s.shape === 'ranking') {
    const allowed = visibleOptionKeys(c, values, byKey);
    const picked =
      s.shape === 'single'
        ? [v]
        : (v as unknown[]).map((one) => (s.valuePropertyName && isPlainObject(one) ? one[s.valuePropertyName] : one));
    if (allowed) {
      const outside = picked.find(
        (p) =>
          !allowed.has(key(p)) &&
          !(
            s.special.other !== undefined &&
            !s.storeOthersAsComment &&
            typeof p === 'string' &&
            !c.itemKeys.has(key(p))
          ),
      );
      if (outside !== undefined)
        add(
          m(
            `${truncate(outside)} is not offered for the given answers.`,
            `${truncate(outside)} wird bei den gegebenen Antworten nicht angeboten.`,
          ),
        );
    }
    if (s.shape === 'ranking' && !s.selectToRank) {
      const total = allowed ? allowed.size - c.specialKeys.size : c.items.length;
      if (picked.length !== total) add(m('Please rank every item.', 'Bitte ordne jeden Eintrag ein.'));
    }
    if (s.shape === 'multi' && s.minSelected !== undefined && picked.length < s.minSelected)
      add(m(`Choose at least ${s.minSelected}.`, `Wähle mindestens ${s.minSelected}.`));
    const other = s.special.other;
    const ck = s.commentKey;
    if (other !== undefined && s.storeOthersAsComment && ck && picked.some((p) => key(p) === key(other))) {
      // Inside a matrix row or panel, the text is stored in that row or panel.
      const comment = scope.record ? scope.record[ck] : (data[ck] ?? scope.values[ck]);
      if (isEmptyAnswer(comment))
        add(m('Please describe your "other" answer.', 'Bitte beschreibe deine Antwort „Sonstiges“.'));
    }
  }
  if (s.shape === 'matrix') {
    const visibleRows = c.rows.filter((r) => !c.rowsVisibleIf || c.rowsVisibleIf(values, r.value));
    const shown = new Set(visibleRows.map((r) => String(r.value)));
    const record = v as Record<string, unknown>;
    for (const row of Object.keys(record))
      if (!shown.has(row))
        add(
          m(
            `The row "${row}" is not shown for the given answers.`,
            `Die Zeile „${row}“ wird bei den gegebenen Antworten nicht gezeigt.`,
          ),
        );
    if (c.columnsVisibleIf) {
      for (const cell of Object.values(record)) {
        if (!c.columnsVisibleIf(values, cell))
          add(
            m(
              `${truncate(cell)} is not offered for the given answers.`,
              `${truncate(cell)} wird bei den gegebenen Antworten nicht angeboten.`,
            ),
          );
      }
    }
    if (s.eachRowRequired && visibleRows.some((r) => isEmptyAnswer(record[String(r.value)])))
      add(m('Please answer every row.', 'Bitte beantworte jede Zeile.'));
  }
  if (s.shape === 'matrixdropdown' || s.shape === 'matrixdynamic') {
    const record = v as Record<string, unknown> | unknown[];
    const rows: Array<[Json, unknown]> = Array.isArray(record)
      ? record.map((r, i) => [i, r])
      : c.rows.map((r) => [r.value, record[String(r.value)]]);
    if (s.shape === 'matrixdynamic' && s.minCount !== undefined && rows.length < s.minCount)
      add(m(`Please fill in at least ${s.minCount} rows.`, `Bitte fülle mindestens ${s.minCount} Zeilen aus.`));
    if (!Array.isArray(record)) {
      for (const rowKey of Object.keys(record)) {
        const row = c.rows.find((r) => String(r.value) === rowKey);
        if (row && c.rowsVisibleIf && !c.rowsVisibleIf(values, row.value))
          add(
            m(
              `The row "${rowKey}" is not shown for the given answers.`,
              `Die Zeile „${rowKey}“ wird bei den gegebenen Antworten nicht gezeigt.`,
            ),
          );
      }
    }
    for (const [rowValue, cells] of rows) {
      if (!Array.isArray(record) && c.rowsVisibleIf && !c.rowsVisibleIf(values, rowValue)) continue;
      const rowData = isPlainObject(cells) ? cells : {};
      checkInner(
        c,
        rowData,
        {
          ...values,
          row: rowData,
          rowName: rowValue,
          rowValue,
          rowIndex: typeof rowValue === 'number' ? rowValue + 1 : undefined,
        },
        scope,
        byKey,
        data,
      );
    }
  }
  if (s.shape === 'paneldynamic') {
    const panels = v as unknown[];
    if (s.minCount !== undefined && panels.length < s.minCount)
      add(m(`Please fill in at least ${s.minCount} entries.`, `Bitte fülle mindestens ${s.minCount} Einträge aus.`));
    panels.forEach((p, i) => {
      const panel = isPlainObject(p) ? p : {};
      checkInner(c, panel, { ...values, panel, panelIndex: i }, scope, byKey, data);
    });
  }
  if (s.shape === 'multipletext') checkInner(c, v as Record<string, unknown>, values, scope, byKey, data);
  if (s.shape === 'text' && s.type === 'text') {
    if (c.minValue || c.maxValue) spend(CONDITION_MICROS);
    const minExpr = c.minValue?.runValues(values) as unknown;
    const maxExpr = c.maxValue?.runValues(values) as unknown;
    const min = minExpr ?? s.min;
    const max = maxExpr ?? s.max;
    const comparable = (x: unknown) =>
      typeof v === 'number'
        ? typeof x === 'number'
          ? x
          : typeof x === 'string' && x.trim() !== ''
            ? Number(x)
            : undefined
        : toDateText(x);
    const lo = comparable(min);
    const hi = comparable(max);
    if (lo !== undefined && !Number.isNaN(lo) && (v as number | string) < lo)
      add(m(`The value must be at least ${String(lo)}.`, `Der Wert muss mindestens ${String(lo)} sein.`));
    if (hi !== undefined && !Number.isNaN(hi) && (v as number | string) > hi)
      add(m(`The value must be at most ${String(hi)}.`, `Der Wert darf höchstens ${String(hi)} sein.`));
    if (s.inputType === 'email' && !runValidator('emailvalidator', {}, v, s.name))
      add(DEFAULT_MESSAGES.emailvalidator!);
  }
  for (const { validator, condition: holds, text, type } of c.validators) {
    const failed = holds ? !holds(values) : Boolean((validator!.validate(v, s.name) as ValidatorResult | null)?.error);
    if (failed) add(validatorMessage(text, type));
  }
}

/** Date-like bounds as comparable 'YYYY-MM-DD…' texts (a Date from today() or a date text). */
function toDateText(x: unknown): string | undefined {
  if (x instanceof Date)
    return Number.isNaN(x.getTime())
      ? undefined
      : `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
  return typeof x === 'string' && x.trim() !== '' ? x : undefined;
}

/**
 * One of survey-core's validator classes with its properties from the
 * definition. Its patterns (a regex validator's, the e-mail validator's own)
 * run on a linear-time engine with JavaScript's meaning (lib/patterns.ts):
 * survey-core's logic stays, only the engine under `test` changes.
 */
function createValidator(type: string, json: JsonObject): SurveyValidator | undefined {
  if (!Serializer.isDescendantOf(type, 'surveyvalidator')) return undefined;
  const validator = Serializer.createClass(type) as SurveyValidator | undefined;
  if (!validator || typeof validator.validate !== 'function') return undefined;
  const { type: _type, ...props } = json;
  new SurveyJson().toObject(props, validator);
  if (validator instanceof RegexValidator && typeof validator.regex === 'string') {
    const linear = linearPattern(validator.regex, validator.caseInsensitive === true);
    // Patterns RE2 cannot run stay on survey-core's RegExp: publishing let them through only when recheck found them safe.
    if (linear) {
      const counted = countedPattern(linear);
      (validator as unknown as { createRegExp: () => PatternTester }).createRegExp = () => counted;
    }
  }
  if (validator instanceof EmailValidator) {
    const own = (validator as unknown as { re: RegExp }).re;
    const linear = linearPattern(own.source, own.flags.includes('i'));
    if (!linear) throw new Error('survey-core changed its e-mail pattern into one RE2 cannot run');
    (validator as unknown as { re: PatternTester }).re = countedPattern(linear);
  }
  return validator;
}

/** A pattern whose matching counts towards the judging budget, by the length of the text. */
const countedPattern = (tester: PatternTester): PatternTester => ({
  test: (value) => {
    spend(String(value).length / PATTERN_CHARS_PER_MICRO);
    return tester.test(value);
  },
});

const builtInValidators = new Map<string, SurveyValidator>();
function runValidator(type: string, props: JsonObject, v: unknown, name: string): boolean {
  let validator = builtInValidators.get(type);
  if (!validator) {
    validator = createValidator(type, props)!;
    builtInValidators.set(type, validator);
  }
  return !(validator.validate(v, name) as ValidatorResult | null)?.error;
}

/** Visibility, required and rules of the inner questions of one matrix row, panel or multiple-text answer. */
function checkInner(
  c: Compiled,
  record: Record<string, unknown>,
  values: Values,
  scope: Scope,
  byKey: Map<string, Compiled>,
  data: Values,
): void {
  for (const inner of c.inner) {
    spend();
    const v = record[inner.spec.key];
    const present = !isEmptyAnswer(v);
    const visible = !inner.spec.hidden && (!inner.visibleIf || inner.visibleIf(values));
    const where = (t: LocalisedText) => m(`${inner.spec.name}: ${t.en}`, `${inner.spec.name}: ${t.de}`);
    if (!visible) {
      if (present)
        scope.problems.push({
          question: scope.question,
          message: where(
            m(
              'This field is not shown for the given answers.',
              'Dieses Feld wird bei den gegebenen Antworten nicht gezeigt.',
            ),
          ),
        });
      continue;
    }
    if (inner.spec.readOnly || (inner.enableIf && !inner.enableIf(values))) continue;
    if (!present) {
      if (inner.spec.isRequired || inner.requiredIf?.(values))
        scope.problems.push({ question: scope.question, message: where(required()) });
      continue;
    }
    const innerScope: Scope = { values, problems: [], question: scope.question, record };
    checkRules(inner, v, innerScope, byKey, data);
    for (const p of innerScope.problems) scope.problems.push({ question: p.question, message: where(p.message) });
  }
}

// --- The validator ---------------------------------------------------------

export type AnswerValidator = {
  /** Problems of a response; complete responses get every rule, partial ones shapes and unknown keys only. */
  validate(data: unknown, complete: boolean): AnswerProblem[];
  /**
   * Problems, and the answers as Bilanz stores them: computed values
   * (expression questions, calculated values with includeIntoResult) are the
   * server's own.
   */
  judge(data: unknown, complete: boolean): { problems: AnswerProblem[]; data: AnswerData };
  /** The keys of the questions' answers, in document order. */
  questionNames: string[];
};

/** Compiles a published definition into a validator (once per version; cache it). */
export function compileValidator(definition: JsonObject): AnswerValidator {
  const spec = surveySpec(definition);
  const compiled = spec.questions.map((q) => compileQuestion(q, true));
  // Questions sharing a valueName share one answer: the first one checks its shape.
  const byKey = new Map<string, Compiled>();
  for (const c of compiled) if (!byKey.has(c.spec.key)) byKey.set(c.spec.key, c);
  const commentKeys = new Map<string, Compiled>();
  for (const c of compiled) if (c.spec.commentKey) commentKeys.set(c.spec.commentKey, c);
  // Values survey-core computes in the browser; the server recomputes what it stores (matrix totals it leaves out).
  const computedKeys = new Set<string>([
    ...spec.calculatedValues.filter((v) => v.includeIntoResult).map((v) => v.name),
    ...compiled
      .filter((c) => c.spec.shape === 'computed' || c.spec.valueExpression !== undefined)
      .map((c) => c.spec.key),
    ...compiled.flatMap((c) => (c.spec.totalsKey ? [c.spec.totalsKey] : [])),
  ]);
  const triggerTargets = new Set(spec.triggerTargets);
  const calculated = spec.calculatedValues.map((v) => ({ ...v, runner: new ExpressionRunner(v.expression) }));
  const expressions = compiled.filter((c) => c.expression);
  const keepHidden = spec.clearInvisibleValues === 'none';
  // Complete and skip triggers: a respondent never sees the pages after a completing page or jumped over.
  const flow = spec.flow.map((f) => ({ ...f, holds: condition(f.condition, true)! }));
  /** Pages the respondent did not see because a complete or skip trigger held when leaving an earlier page. */
  const pagesNotShown = (values: Values): ((page: number) => boolean) => {
    const rules = flow.filter((f) => f.holds(values));
    if (rules.length === 0) return () => false;
    return (page) =>
      page >= 0 && rules.some((f) => (f.kind === 'complete' ? page > f.from : page > f.from && page < f.to!));
  };
  // Work per response stays bounded by the questionnaire, not by what a client sends.
  const maxKeys = 2 * (byKey.size + commentKeys.size + computedKeys.size + triggerTargets.size) + 100;

  /** Calculated values and expression questions, recomputed from the answers until they settle. */
  function compute(data: AnswerData): { values: Values; stored: AnswerData } {
    // Conditions see a copy (option conditions set {item} in it); nothing to recompute: stored as sent.
    const values: Values = { ...data };
    if (computedKeys.size === 0) return { values, stored: data };
    const stored: AnswerData = { ...data };
    for (const k of computedKeys) {
      delete values[k];
      delete stored[k];
    }
    if (calculated.length === 0 && expressions.length === 0) return { values, stored };
    for (let pass = 0; pass < 3; pass++) {
      spend();
      let changed = false;
      for (const cv of calculated) {
        spend(CONDITION_MICROS);
        const result = cv.runner.runValues(values) as unknown;
        if (key(values[cv.name]) !== key(result)) {
          values[cv.name] = result;
          changed = true;
        }
      }
      for (const c of expressions) {
        spend(CONDITION_MICROS);
        const result = c.expression!.runValues(values) as unknown;
        if (key(values[c.spec.key]) !== key(result)) {
          values[c.spec.key] = result;
          changed = true;
        }
      }
      if (!changed) break;
    }
    for (const cv of calculated)
      if (cv.includeIntoResult && !isEmptyAnswer(values[cv.name]) && isStorable(values[cv.name]))
        stored[cv.name] = values[cv.name];
    for (const c of expressions) {
      const v = values[c.spec.key];
      // A read-only question's value is its type's: what does not fit (a text for a number field) is not stored.
      if (!isEmptyAnswer(v) && isStorable(v) && (c.spec.shape === 'computed' || checkShape(c, v) === undefined))
        stored[c.spec.key] = v;
    }
    return { values, stored };
  }

  function judge(raw: unknown, complete: boolean): { problems: AnswerProblem[]; data: AnswerData } {
    judging = true;
    work = 0;
    clockDeadline = performance.now() + JUDGING_TIME_LIMIT_MS;
    cpuDeadline = cpuMicros() + JUDGING_TIME_LIMIT_MS * 1_000;
    try {
      return judgeWithin(raw, complete);
    } catch (err) {
      if (!(err instanceof OverBudget)) throw err;
      return {
        problems: [
          {
            question: '',
            message: m(
              'These answers take too long to check. Please shorten the longest ones.',
              'Diese Antworten brauchen zu lange zur Prüfung. Bitte kürze die längsten.',
            ),
          },
        ],
        data: {},
      };
    } finally {
      judging = false;
      clockDeadline = Infinity;
      cpuDeadline = Infinity;
    }
  }

  function judgeWithin(raw: unknown, complete: boolean): { problems: AnswerProblem[]; data: AnswerData } {
    if (!isPlainObject(raw))
      return {
        problems: [
          { question: '', message: m('The answers must be an object.', 'Die Antworten müssen ein Objekt sein.') },
        ],
        data: {},
      };
    const data = raw;
    const problems: AnswerProblem[] = [];
    const keys = Object.keys(data);
    if (keys.length > maxKeys)
      return {
        problems: [
          {
            question: '',
            message: m(
              'More answers than the questionnaire has questions.',
              'Mehr Antworten, als der Fragebogen Fragen hat.',
            ),
          },
        ],
        data,
      };
    // Stage 1: keys and shapes.
    for (const k of keys) {
      if (byKey.has(k) || computedKeys.has(k) || triggerTargets.has(k)) continue;
      const owner = commentKeys.get(k);
      if (owner) {
        const extra = data[k];
        if (extra !== undefined && extra !== null && (typeof extra !== 'string' || extra.length > COMMENT_LIMIT)) {
          problems.push({
            question: owner.spec.name,
            message: m(
              'The additional text must be text of at most 10,000 characters.',
              'Der Zusatztext muss Text mit höchstens 10.000 Zeichen sein.',
            ),
          });
        }
        continue;
      }
      problems.push({
        question: k,
        message: m(`There is no question "${shorten(k)}".`, `Es gibt keine Frage „${shorten(k)}“.`),
      });
    }
    for (const c of byKey.values()) {
      spend();
      const v = data[c.spec.key];
      if (isEmptyAnswer(v)) continue;
      const problem = checkShape(c, v);
      if (problem) problems.push({ question: c.spec.name, message: problem });
    }
    if (problems.length > 0 || !complete) return { problems, data };

    // Stage 2: the rules, given every answer.
    const { values, stored } = compute(data);
    const isVisible = (c: Compiled) =>
      !c.spec.hidden &&
      (!c.visibleIf || c.visibleIf(values)) &&
      c.containers.every((p) => !p.hidden && (!p.visibleIf || p.visibleIf(values)));
    const visible = compiled.map(isVisible);
    const notShown = pagesNotShown(values);
    // Questions sharing a valueName share one answer: it may be given when any of them is shown.
    const shownKeys = new Set(compiled.filter((_, i) => visible[i]).map((c) => c.spec.key));
    compiled.forEach((c, i) => {
      const s = c.spec;
      if (s.shape === 'computed') return;
      const v = data[s.key];
      const present = !isEmptyAnswer(v);
      if (!visible[i]) {
        const answered = present || (s.commentKey !== undefined && !isEmptyAnswer(data[s.commentKey]));
        if (answered && !keepHidden && !shownKeys.has(s.key) && byKey.get(s.key) === c) {
          problems.push({
            question: s.name,
            message: m(
              'This question is not shown for the given answers, so it cannot be answered.',
              'Diese Frage wird bei den gegebenen Antworten nicht gezeigt und kann daher nicht beantwortet werden.',
            ),
          });
        }
        return;
      }
      // survey-core collects no errors of a read-only (or disabled) question.
      if (s.readOnly || (c.enableIf && !c.enableIf(values))) return;
      if (!present) {
        // What survey-core never asked for is not missing.
        if (notShown(s.page)) return;
        if (s.isRequired || c.requiredIf?.(values)) problems.push({ question: s.name, message: required() });
        // A matrix shows its rows (a dynamic panel its panels) before anything is entered: their required cells count.
        else if (s.shape === 'matrixdropdown') checkRules(c, {}, { values, problems, question: s.name }, byKey, data);
        else if ((s.shape === 'matrixdynamic' || s.shape === 'paneldynamic') && s.defaultCount > 0) {
          checkRules(
            c,
            Array.from({ length: s.defaultCount }, () => ({})),
            { values, problems, question: s.name },
            byKey,
            data,
          );
        }
        return;
      }
      checkRules(c, v, { values, problems, question: s.name }, byKey, data);
    });
    return { problems, data: stored };
  }

  return {
    questionNames: [...byKey.keys()],
    validate: (data, complete) => judge(data, complete).problems,
    judge,
  };
}

/** Whether a computed value can be stored as an answer (JSON, not a Date or a function). */
const isStorable = (v: unknown): boolean => {
  try {
    return (
      v !== undefined &&
      !(v instanceof Date) &&
      typeof v !== 'function' &&
      JSON.stringify(v) !== undefined &&
      JSON.stringify(v).length <= TEXT_LIMIT * 10
    );
  } catch {
    return false;
  }
};
