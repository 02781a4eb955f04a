/**
 * Server-side validation of answers, compiled once per published version.
 *
 * survey-core's Model costs milliseconds to build and to validate and does not
 * check types, choice values, scales, matrix cells, unknown keys or answers to
 * hidden questions. This compiles a definition into plain checks; conditions
 * (visibleIf, enableIf, requiredIf, rowsVisibleIf) are evaluated by
 * survey-core's own expression engine (ConditionRunner), never by a copy of it.
 */
import { ConditionRunner } from 'survey-core';
import type { LocalisedText } from '../../http/errors.js';
import { isObject, itemsOf, textIn, walkElements, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import { ratingScale } from '../questionnaires/diff.js';

export type AnswerProblem = { question: string; message: LocalisedText };
export type AnswerData = Record<string, unknown>;

/** Default length limits when a question sets no maxLength. */
export const TEXT_LIMIT = 1_000;
export const COMMENT_LIMIT = 10_000;

const m = (en: string, de: string): LocalisedText => ({ en, de });

type Condition = { run(values: Record<string, unknown>): boolean };

/** The question names of one definition; conditions on them may be memoised (see memoise). */
type NameSet = ReadonlySet<string>;

/**
 * The variables an expression reads, when its result may be memoised on
 * their values: no function calls (today(), age() … change over time) and
 * every variable an exact question name that no other name matches
 * case-insensitively (survey-core falls back to such matches). `context`
 * names variables the caller supplies itself (e.g. {item}). Undefined: do
 * not memoise.
 */
function memoVariables(runner: ConditionRunner, expr: string, names: NameSet, context: readonly string[] = []): string[] | undefined {
  const vars = [...new Set(runner.getVariables().map((v) => v.split(/[.[]/)[0]!))];
  const lower = new Map<string, number>();
  for (const n of names) lower.set(n.toLowerCase(), (lower.get(n.toLowerCase()) ?? 0) + 1);
  const callsFunction = /[A-Za-z_]\w*\s*\(/.test(expr.replace(/\{[^}]*\}/g, ''));
  const exact = vars.every((v) => context.includes(v) || (names.has(v) && lower.get(v.toLowerCase()) === 1));
  return !callsFunction && exact ? vars.filter((v) => !context.includes(v)) : undefined;
}

/**
 * Memoises `compute` on the values of `vars` (no memo when undefined).
 * Answers to choice questions repeat, so most evaluations become a lookup.
 */
function memoised<T>(vars: string[] | undefined, compute: (values: AnswerData) => T): (values: AnswerData) => T {
  if (!vars) return compute;
  const memo = new Map<string, T>();
  return (values) => {
    let key = '';
    for (const v of vars) key += `${JSON.stringify(values[v]) ?? '-'}\u0001`;
    if (key.length > 1_000) return compute(values);
    const hit = memo.get(key);
    if (hit !== undefined || memo.has(key)) return hit as T;
    const result = compute(values);
    if (memo.size >= 2_000) memo.clear();
    memo.set(key, result);
    return result;
  };
}

const condition = (expr: Json | undefined, names: NameSet): Condition | undefined => {
  if (typeof expr !== 'string' || expr.trim() === '') return undefined;
  const runner = new ConditionRunner(expr);
  return { run: memoised(memoVariables(runner, expr, names), (values) => runner.runValues(values) === true) };
};

type CompiledQuestion = {
  name: string;
  type: string;
  title: Json | undefined;
  /** visibleIf of the question and every panel and page around it. */
  visibility: Condition[];
  hiddenStatically: boolean;
  enableIf?: Condition;
  requiredIf?: Condition;
  isRequired: boolean;
  /** Checks the value's type and content; returns problems. Only called for non-empty values. */
  checkValue(value: unknown, data: AnswerData, complete: boolean): LocalisedText[];
  /** Extra keys this question may store (e.g. `<name>-Comment` for the other text). */
  extraKeys: string[];
  /** Whether an "other" answer needs its text in `<name>-Comment`. */
  otherNeedsText: boolean;
  usesOther(value: unknown): boolean;
  validators: Array<(value: unknown, data: AnswerData) => LocalisedText | undefined>;
};

export type AnswerValidator = {
  /** Problems of a response; complete responses get every rule, partial ones types and unknown names only. */
  validate(data: unknown, complete: boolean): AnswerProblem[];
  questionNames: string[];
};

const isEmptyValue = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v as Json) && Object.keys(v as object).length === 0);

const SPECIAL_ITEMS: Array<[flag: string, legacy: string, value: string]> = [
  ['showNoneItem', 'hasNone', 'none'],
  ['showRefuseItem', '', 'refused'],
  ['showDontKnowItem', '', 'dontknow'],
];

/** Compiles a published definition into a validator (do this once per version and cache it). */
export function compileValidator(definition: JsonObject): AnswerValidator {
  const questions: CompiledQuestion[] = [];
  const containerConditions = new Map<string, { cond?: Condition; hidden: boolean }>();

  const refs = walkElements(definition);
  const names: NameSet = new Set(refs.flatMap((r) => (typeof r.element.name === 'string' ? [r.element.name] : [])));
  // Pages and panels: their visibleIf applies to everything inside.
  const pages = Array.isArray(definition.pages) ? definition.pages : [];
  const pageConditions: Array<{ cond?: Condition; hidden: boolean }> = pages.map((p) => {
    const page = isObject(p) ? p : {};
    const cond = condition(page.visibleIf, names);
    return { ...(cond && { cond }), hidden: page.visible === false };
  });
  for (const ref of refs) {
    if (ref.element.type === 'panel' && typeof ref.element.name === 'string') {
      const cond = condition(ref.element.visibleIf, names);
      containerConditions.set(ref.element.name, { ...(cond && { cond }), hidden: ref.element.visible === false });
    }
  }
  const parentOf = new Map<string, string | undefined>();
  for (const ref of refs) if (typeof ref.element.name === 'string') parentOf.set(ref.element.name, ref.parent);
  const pageIndexOf = (path: string) => Number(/^pages\[(\d+)\]/.exec(path)?.[1] ?? -1);

  for (const ref of refs) {
    const el = ref.element;
    const type = String(el.type);
    if (type === 'panel' || type === 'html' || typeof el.name !== 'string') continue;
    const visibility: Condition[] = [];
    let hiddenStatically = el.visible === false;
    const own = condition(el.visibleIf, names);
    if (own) visibility.push(own);
    for (let p = ref.parent; p !== undefined; p = parentOf.get(p)) {
      const c = containerConditions.get(p);
      if (c?.cond) visibility.push(c.cond);
      if (c?.hidden) hiddenStatically = true;
    }
    const pc = pageConditions[pageIndexOf(ref.path)];
    if (pc?.cond) visibility.push(pc.cond);
    if (pc?.hidden) hiddenStatically = true;
    questions.push(compileQuestion(el, type, visibility, hiddenStatically, names));
  }

  const byName = new Map(questions.map((q) => [q.name, q]));
  const extraKeyOwner = new Map<string, CompiledQuestion>();
  for (const q of questions) for (const k of q.extraKeys) extraKeyOwner.set(k, q);

  return {
    questionNames: questions.map((q) => q.name),
    validate(raw, complete) {
      const problems: AnswerProblem[] = [];
      if (!isObject(raw as Json)) return [{ question: '', message: m('The answers must be an object.', 'Die Antworten müssen ein Objekt sein.') }];
      const data = raw as AnswerData;
      for (const key of Object.keys(data)) {
        if (!byName.has(key) && !extraKeyOwner.has(key)) {
          problems.push({ question: key, message: m(`There is no question "${key}".`, `Es gibt keine Frage „${key}“.`) });
        }
      }
      for (const q of questions) {
        const value = data[q.name];
        const present = !isEmptyValue(value);
        if (present) for (const message of q.checkValue(value, data, complete)) problems.push({ question: q.name, message });
        for (const k of q.extraKeys) {
          const extra = data[k];
          if (extra !== undefined && (typeof extra !== 'string' || extra.length > COMMENT_LIMIT)) {
            problems.push({ question: q.name, message: m('The additional text must be text of at most 10,000 characters.', 'Der Zusatztext muss Text mit höchstens 10.000 Zeichen sein.') });
          }
        }
        if (!complete) continue;
        const visible = !q.hiddenStatically && q.visibility.every((c) => c.run(data));
        if (!visible) {
          if (present || q.extraKeys.some((k) => data[k] !== undefined)) {
            problems.push({ question: q.name, message: m('This question is not shown for the given answers, so it cannot be answered.', 'Diese Frage wird bei den gegebenen Antworten nicht gezeigt und kann daher nicht beantwortet werden.') });
          }
          continue;
        }
        const enabled = !q.enableIf || q.enableIf.run(data);
        const required = enabled && (q.isRequired || (q.requiredIf?.run(data) ?? false));
        if (!present) {
          if (required) problems.push({ question: q.name, message: m('Please answer this question.', 'Bitte beantworte diese Frage.') });
          continue;
        }
        if (q.usesOther(value) && q.otherNeedsText && isEmptyValue(data[`${q.name}-Comment`])) {
          problems.push({ question: q.name, message: m('Please describe your "other" answer.', 'Bitte beschreibe deine Antwort „Sonstiges“.') });
        }
        for (const v of q.validators) {
          const message = v(value, data);
          if (message) problems.push({ question: q.name, message });
        }
      }
      return problems;
    },
  };
}

function compileQuestion(el: JsonObject, type: string, visibility: Condition[], hiddenStatically: boolean, names: NameSet): CompiledQuestion {
  const name = el.name as string;
  const enableIf = condition(el.enableIf, names);
  const requiredIf = condition(el.requiredIf, names);
  const hasOther = el.showOtherItem === true || el.hasOther === true;
  const hasComment = el.showCommentArea === true || el.hasComment === true;
  const extraKeys = hasOther || hasComment ? [`${name}-Comment`] : [];
  const base = {
    name,
    type,
    title: el.title,
    visibility,
    hiddenStatically,
    ...(enableIf && { enableIf }),
    ...(requiredIf && { requiredIf }),
    isRequired: el.isRequired === true,
    extraKeys,
    otherNeedsText: hasOther,
    usesOther: (_v: unknown) => false,
    validators: compileValidators(el, names),
  };

  const choiceValues = (): Set<string> => {
    const set = new Set(itemsOf(el.choices).map((i) => JSON.stringify(i.value)));
    if (hasOther) set.add(JSON.stringify(String(el.otherItemValue ?? 'other')));
    for (const [flag, legacy, value] of SPECIAL_ITEMS) if (el[flag] === true || (legacy && el[legacy] === true)) set.add(JSON.stringify(value));
    return set;
  };
  const otherValue = String(el.otherItemValue ?? 'other');
  const notAChoice = (v: unknown) => m(`${JSON.stringify(v)} is not one of the choices.`, `${JSON.stringify(v)} ist keine der Antwortmöglichkeiten.`);

  switch (type) {
    case 'text': {
      const inputType = typeof el.inputType === 'string' ? el.inputType : 'text';
      const maxLength = typeof el.maxLength === 'number' && el.maxLength > 0 ? el.maxLength : TEXT_LIMIT;
      return {
        ...base,
        checkValue: (v) => {
          if (inputType === 'number') {
            if (typeof v !== 'number' || !Number.isFinite(v)) return [m('Please enter a number.', 'Bitte gib eine Zahl ein.')];
            const out: LocalisedText[] = [];
            if (typeof el.min === 'number' && v < el.min) out.push(m(`The number must be at least ${el.min}.`, `Die Zahl muss mindestens ${el.min} sein.`));
            if (typeof el.max === 'number' && v > el.max) out.push(m(`The number must be at most ${el.max}.`, `Die Zahl darf höchstens ${el.max} sein.`));
            return out;
          }
          if (typeof v !== 'string') return [m('Please enter text.', 'Bitte gib Text ein.')];
          if (v.length > maxLength) return [m(`At most ${maxLength} characters.`, `Höchstens ${maxLength} Zeichen.`)];
          if (inputType === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return [m('Please enter a date (YYYY-MM-DD).', 'Bitte gib ein Datum ein (JJJJ-MM-TT).')];
          if (inputType === 'email' && !EMAIL.test(v)) return [m('Please enter an e-mail address.', 'Bitte gib eine E-Mail-Adresse ein.')];
          return [];
        },
      };
    }
    case 'comment': {
      const maxLength = typeof el.maxLength === 'number' && el.maxLength > 0 ? el.maxLength : COMMENT_LIMIT;
      return {
        ...base,
        checkValue: (v) =>
          typeof v !== 'string' ? [m('Please enter text.', 'Bitte gib Text ein.')] : v.length > maxLength ? [m(`At most ${maxLength} characters.`, `Höchstens ${maxLength} Zeichen.`)] : [],
      };
    }
    case 'radiogroup':
    case 'dropdown': {
      const allowed = choiceValues();
      return {
        ...base,
        usesOther: (v) => hasOther && v === otherValue,
        checkValue: (v) => (allowed.has(JSON.stringify(v)) ? [] : [notAChoice(v)]),
      };
    }
    case 'checkbox':
    case 'tagbox': {
      const allowed = choiceValues();
      const exclusive = new Set(SPECIAL_ITEMS.map(([, , v]) => JSON.stringify(v)));
      return {
        ...base,
        usesOther: (v) => hasOther && Array.isArray(v) && v.includes(otherValue),
        checkValue: (v) => {
          if (!Array.isArray(v)) return [m('Please choose from the list.', 'Bitte wähle aus der Liste.')];
          const keys = v.map((x) => JSON.stringify(x));
          const out: LocalisedText[] = [];
          const unknown = v.filter((_, i) => !allowed.has(keys[i]!));
          if (unknown.length > 0) out.push(notAChoice(unknown[0]));
          if (new Set(keys).size !== keys.length) out.push(m('A choice is ticked twice.', 'Eine Antwort ist doppelt angekreuzt.'));
          if (keys.length > 1 && keys.some((k) => exclusive.has(k))) out.push(m('"None" cannot be combined with other choices.', '„Keine“ lässt sich nicht mit anderen Antworten verbinden.'));
          if (typeof el.maxSelectedChoices === 'number' && el.maxSelectedChoices > 0 && v.length > el.maxSelectedChoices) out.push(m(`Choose at most ${el.maxSelectedChoices}.`, `Wähle höchstens ${el.maxSelectedChoices}.`));
          if (typeof el.minSelectedChoices === 'number' && el.minSelectedChoices > 0 && v.length < el.minSelectedChoices) out.push(m(`Choose at least ${el.minSelectedChoices}.`, `Wähle mindestens ${el.minSelectedChoices}.`));
          return out;
        },
      };
    }
    case 'boolean': {
      const yes = el.valueTrue ?? true;
      const no = el.valueFalse ?? false;
      return { ...base, checkValue: (v) => (v === yes || v === no ? [] : [m('Please answer yes or no.', 'Bitte antworte mit Ja oder Nein.')]) };
    }
    case 'rating': {
      const scale = new Set(ratingScale(el).map((v) => JSON.stringify(v)));
      return { ...base, checkValue: (v) => (scale.has(JSON.stringify(v)) ? [] : [m(`${JSON.stringify(v)} is not on the rating scale.`, `${JSON.stringify(v)} liegt nicht auf der Bewertungsskala.`)]) };
    }
    case 'matrix': {
      const rows = itemsOf(el.rows).map((r) => r.value);
      const rowKeys = new Set(rows.map((r) => String(r)));
      const columns = new Set(itemsOf(el.columns).map((c) => JSON.stringify(c.value)));
      const rowsVisibleIf = typeof el.rowsVisibleIf === 'string' ? new ConditionRunner(el.rowsVisibleIf) : undefined;
      const allRows = rows.map(String);
      // The visible rows depend only on the answers rowsVisibleIf reads: memoised on those.
      const visibleRows = rowsVisibleIf
        ? memoised(memoVariables(rowsVisibleIf, el.rowsVisibleIf as string, names, ['item']), (data): string[] => {
            const context: AnswerData = { ...data };
            return rows.filter((r) => ((context.item = r), rowsVisibleIf.runValues(context) === true)).map(String);
          })
        : () => allRows;
      return {
        ...base,
        checkValue: (v, data, complete) => {
          if (!isObject(v as Json) || Array.isArray(v)) return [m('Please answer row by row.', 'Bitte antworte Zeile für Zeile.')];
          const out: LocalisedText[] = [];
          const visible = complete ? visibleRows(data) : allRows;
          const shown = complete ? new Set(visible) : rowKeys;
          for (const [row, cell] of Object.entries(v as Record<string, unknown>)) {
            if (!rowKeys.has(row)) out.push(m(`There is no row "${row}".`, `Es gibt keine Zeile „${row}“.`));
            else if (!shown.has(row)) out.push(m(`The row "${row}" is not shown for the given answers.`, `Die Zeile „${row}“ wird bei den gegebenen Antworten nicht gezeigt.`));
            else if (!columns.has(JSON.stringify(cell))) out.push(m(`${JSON.stringify(cell)} is not a column of row "${row}".`, `${JSON.stringify(cell)} ist keine Spalte der Zeile „${row}“.`));
          }
          if (complete && el.isAllRowsRequired === true) {
            const missing = visible.filter((r) => (v as Record<string, unknown>)[r] === undefined);
            if (missing.length > 0) out.push(m('Please answer every row.', 'Bitte beantworte jede Zeile.'));
          }
          return out;
        },
      };
    }
    case 'ranking': {
      const allowed = new Set(itemsOf(el.choices).map((i) => JSON.stringify(i.value)));
      const partialAllowed = el.selectToRankEnabled === true;
      return {
        ...base,
        checkValue: (v) => {
          if (!Array.isArray(v)) return [m('Please put the items in order.', 'Bitte bring die Einträge in eine Reihenfolge.')];
          const keys = v.map((x) => JSON.stringify(x));
          if (keys.some((k) => !allowed.has(k)) || new Set(keys).size !== keys.length) return [m('The order must list each item once.', 'Die Reihenfolge muss jeden Eintrag einmal nennen.')];
          if (!partialAllowed && keys.length !== allowed.size) return [m('Please rank every item.', 'Bitte ordne jeden Eintrag ein.')];
          return [];
        },
      };
    }
    case 'expression':
      // Computed in the browser from other answers; stored as given, never trusted for anything else.
      return {
        ...base,
        checkValue: (v) =>
          typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= TEXT_LIMIT) ? [] : [m('A computed value must be a number, text or true/false.', 'Ein berechneter Wert muss eine Zahl, Text oder wahr/falsch sein.')],
      };
    default:
      return { ...base, checkValue: () => [m(`The question type ${type} cannot be answered.`, `Der Fragetyp ${type} kann nicht beantwortet werden.`)] };
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** SurveyJS `validators` of a question: text, regex, numeric, email, answercount, expression. */
function compileValidators(el: JsonObject, names: NameSet): Array<(value: unknown, data: AnswerData) => LocalisedText | undefined> {
  if (!Array.isArray(el.validators)) return [];
  return el.validators.filter(isObject).map((v) => {
    const custom = (fallback: LocalisedText): LocalisedText => {
      const en = textIn(v.text, 'en') ?? textIn(v.text, 'default');
      const de = textIn(v.text, 'default') ?? textIn(v.text, 'de');
      return en || de ? { en: en ?? de ?? fallback.en, de: de ?? en ?? fallback.de } : fallback;
    };
    switch (v.type) {
      case 'text':
        return (value) => {
          if (typeof value !== 'string') return undefined;
          if (typeof v.minLength === 'number' && v.minLength > 0 && value.length < v.minLength) return custom(m(`Please enter at least ${v.minLength} characters.`, `Bitte gib mindestens ${v.minLength} Zeichen ein.`));
          if (typeof v.maxLength === 'number' && v.maxLength > 0 && value.length > v.maxLength) return custom(m(`Please enter at most ${v.maxLength} characters.`, `Bitte gib höchstens ${v.maxLength} Zeichen ein.`));
          if (v.allowDigits === false && /\d/.test(value)) return custom(m('Digits are not allowed.', 'Ziffern sind nicht erlaubt.'));
          return undefined;
        };
      case 'regex': {
        let re: RegExp | undefined;
        try {
          re = typeof v.regex === 'string' ? new RegExp(v.regex, v.caseInsensitive === true ? 'i' : '') : undefined;
        } catch {
          re = undefined;
        }
        return (value) => (re && typeof value === 'string' && !re.test(value) ? custom(m('The answer does not have the required form.', 'Die Antwort hat nicht die verlangte Form.')) : undefined);
      }
      case 'numeric':
        return (value) => {
          const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
          if (!Number.isFinite(n)) return custom(m('Please enter a number.', 'Bitte gib eine Zahl ein.'));
          if (typeof v.minValue === 'number' && n < v.minValue) return custom(m(`The number must be at least ${v.minValue}.`, `Die Zahl muss mindestens ${v.minValue} sein.`));
          if (typeof v.maxValue === 'number' && n > v.maxValue) return custom(m(`The number must be at most ${v.maxValue}.`, `Die Zahl darf höchstens ${v.maxValue} sein.`));
          return undefined;
        };
      case 'email':
        return (value) => (typeof value === 'string' && !EMAIL.test(value) ? custom(m('Please enter an e-mail address.', 'Bitte gib eine E-Mail-Adresse ein.')) : undefined);
      case 'answercount':
        return (value) => {
          const n = Array.isArray(value) ? value.length : 1;
          if (typeof v.minCount === 'number' && v.minCount > 0 && n < v.minCount) return custom(m(`Please choose at least ${v.minCount}.`, `Bitte wähle mindestens ${v.minCount}.`));
          if (typeof v.maxCount === 'number' && v.maxCount > 0 && n > v.maxCount) return custom(m(`Please choose at most ${v.maxCount}.`, `Bitte wähle höchstens ${v.maxCount}.`));
          return undefined;
        };
      case 'expression': {
        const c = condition(v.expression, names);
        return (_value, data) => (c && !c.run(data) ? custom(m('The answer does not fit the other answers.', 'Die Antwort passt nicht zu den anderen Antworten.')) : undefined);
      }
      default:
        return () => undefined;
    }
  });
}
