import { ConditionRunner, Model } from 'survey-core';
import type { LocalisedText as Message } from '../../http/errors.js';
import { sanitizeHtml } from '../../lib/sanitize-html.js';
import { isObject, itemsOf, valueKey, walkElements, type Json, type JsonObject } from './definition-walk.js';
import { isKnownType, questionType, storesAnswer } from './question-types.js';

/** 512 KB of JSON per definition. */
export const MAX_DEFINITION_BYTES = 512 * 1024;

/** Properties that make the respondent's browser fetch or go to another address (images get a home in a later version). */
export const REMOTE_PROPERTIES: ReadonlySet<string> = new Set([
  'choicesByUrl',
  'imageLink',
  'logo',
  'backgroundImage',
  'navigateToUrl',
  'navigateToUrlOnCondition',
  'imageLinks',
]);
/** Keys that mean prototype tampering, never a SurveyJS property. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Names JavaScript objects already carry (`constructor`, `toString`,
 * `__proto__`, …). survey-core keeps questions and answers in plain objects
 * looked up by name, also by the name in lower case, so such a name breaks the
 * questionnaire for the server and every respondent (surveyjs/survey-library
 * #11858): a question named `constructor` or `valueOf` does not even load.
 */
const OBJECT_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
const isObjectMember = (name: string) => OBJECT_MEMBERS.has(name) || OBJECT_MEMBERS.has(name.toLowerCase());
/** Element types whose `rows` become keys of the answer. */
const KEYED_ROWS = new Set(['matrix', 'matrixdropdown']);
/** Survey-level properties holding HTML. */
const SURVEY_HTML_PROPERTIES = ['completedHtml', 'completedBeforeHtml', 'loadingHtml'];
/** Properties holding a condition expression. */
const CONDITION_PROPERTIES = [
  'visibleIf',
  'enableIf',
  'requiredIf',
  'rowsVisibleIf',
  'columnsVisibleIf',
  'choicesVisibleIf',
  'choicesEnableIf',
  'resetValueIf',
  'setValueIf',
];
/** Names a condition may use besides answers: SurveyJS's own placeholders. */
const CONDITION_CONTEXT_NAMES = new Set([
  'item',
  'choice',
  'row',
  'rowname',
  'rowvalue',
  'rowindex',
  'panel',
  'panelindex',
  'parentpanel',
  'pageno',
  'pagecount',
  'locale',
  '$survey',
]);

export type DefinitionProblem = { question: string | null; path: string; message: Message; code?: string };
/** Something survey-core accepts but Bilanz wants the organiser to know (kept, not refused). */
export type DefinitionWarning = { question: string | null; path: string; message: Message };

const msg = (en: string, de: string): Message => ({ en, de });

export type CheckOptions = {
  /** Sanitise HTML (default true). */
  sanitize?: boolean;
  /** Remove properties that load other addresses instead of refusing them (the organiser confirmed). */
  dropRemoteProperties?: boolean;
};

/**
 * Applies every definition rule. The definition is read as survey-core reads
 * it: page-less definitions and `questions` arrays become pages with
 * `elements`, and unnamed elements get survey-core's own names. Returns that
 * definition with its HTML sanitised, with warnings for what survey-core does
 * not know, or the problems (by question) that make it unusable.
 */
export function checkDefinition(
  input: unknown,
  options: CheckOptions = {},
):
  | { ok: true; definition: JsonObject; warnings: DefinitionWarning[]; removed: string[] }
  | { ok: false; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const warnings: DefinitionWarning[] = [];
  const add = (question: string | null, path: string, message: Message, code?: string) =>
    problems.push({ question, path, message, ...(code && { code }) });

  if (!isObject(input)) {
    add(null, '', msg('The definition must be a JSON object.', 'Die Definition muss ein JSON-Objekt sein.'));
    return { ok: false, problems };
  }
  const size = Buffer.byteLength(JSON.stringify(input), 'utf8');
  if (size > MAX_DEFINITION_BYTES) {
    add(
      null,
      '',
      msg(
        `The definition is too large (${Math.round(size / 1024)} KB; 512 KB at most).`,
        `Die Definition ist zu groß (${Math.round(size / 1024)} KB; höchstens 512 KB).`,
      ),
    );
    return { ok: false, problems };
  }

  const removed: string[] = [];
  scanKeys(input, '', add, null, options.dropRemoteProperties === true ? removed : undefined);
  if (input.pages !== undefined && !Array.isArray(input.pages)) {
    add(null, 'pages', msg('"pages" must be a list.', '„pages“ muss eine Liste sein.'));
  }
  if (problems.length > 0) return { ok: false, problems };
  const definition = normaliseDefinition(removed.length > 0 ? stripRemote(input) : input);

  const elements = walkElements(definition);
  for (const { element, path } of elements) {
    const name = typeof element.name === 'string' ? element.name : null;
    const type = element.type;
    if (typeof type !== 'string') {
      add(name, path, msg('Every element needs a "type".', 'Jedes Element braucht einen „type“.'));
      continue;
    }
    if (!isKnownType(type) || !questionType(type)) {
      add(
        name,
        path,
        msg(
          `The question type "${type}" is not a SurveyJS built-in type (a third-party widget?). Bilanz runs survey-core's built-in types only.`,
          `Der Fragetyp „${type}“ gehört nicht zu den eingebauten Typen von SurveyJS (ein Zusatz-Widget?). Bilanz kennt nur die eingebauten Typen von survey-core.`,
        ),
        'unknown_type',
      );
      continue;
    }
    checkElementLists(element, type, name ?? path, path, add);
  }
  checkUniqueNames(definition, add);

  for (const { element, path } of elements) {
    const name = typeof element.name === 'string' ? element.name : null;
    for (const prop of CONDITION_PROPERTIES) {
      const expr = element[prop];
      if (expr === undefined) continue;
      checkCondition(expr, name, `${path}.${prop}`, add);
    }
  }
  const pages = Array.isArray(definition.pages) ? definition.pages : [];
  pages.forEach((p, i) => {
    if (isObject(p) && p.visibleIf !== undefined) checkCondition(p.visibleIf, null, `pages[${i}].visibleIf`, add);
  });

  if (problems.length > 0) return { ok: false, problems };
  // Conditions on names that are no answer, calculated value or variable are likely typos: said, not refused.
  const known = knownVariables(definition, elements);
  for (const { element, path } of elements) {
    for (const prop of CONDITION_PROPERTIES) {
      const expr = element[prop];
      if (typeof expr !== 'string') continue;
      for (const root of unknownConditionVariables(expr, known)) {
        const question = typeof element.name === 'string' ? element.name : null;
        warnings.push({
          question,
          path: `${path}.${prop}`,
          message: msg(
            `The condition refers to {${root}}, which is no question or value of this questionnaire.`,
            `Die Bedingung verweist auf {${root}}, das ist keine Frage und kein Wert dieses Fragebogens.`,
          ),
        });
      }
    }
  }
  // survey-core reads it; what it does not know (custom properties such as a
  // `score` on choices) is kept and reported, not refused.
  const model = new Model(definition);
  try {
    for (const e of model.jsonErrors ?? []) {
      const el = (e as { element?: { name?: unknown } }).element;
      const question = typeof el?.name === 'string' ? el.name : null;
      warnings.push({ question, path: '', message: msg(`survey-core: ${e.message}`, `survey-core: ${e.message}`) });
    }
  } finally {
    model.dispose();
  }
  return {
    ok: true,
    definition: options.sanitize === false ? definition : sanitizeDefinition(definition),
    warnings,
    removed,
  };
}

/** Lists inside one element whose values are stored answers: each value once, each a text, number or true/false. */
function checkElementLists(
  element: JsonObject,
  type: string,
  question: string,
  path: string,
  add: (q: string | null, p: string, m: Message) => void,
): void {
  // `rows` means matrix rows here; on a comment question it is the text box height.
  const lists =
    type === 'matrix' || type === 'matrixdropdown'
      ? ['rows', 'columns']
      : type === 'rating'
        ? ['rateValues']
        : ['choices'];
  for (const list of lists) {
    if (type === 'matrixdropdown' && list === 'columns') continue;
    checkItems(element[list], question, `${path}.${list}`, list, add);
  }
  if (type === 'matrixdropdown' || type === 'matrixdynamic') {
    checkItems(element.choices, question, `${path}.choices`, 'choices', add);
    const columns = Array.isArray(element.columns) ? element.columns : [];
    const seen = new Set<string>();
    columns.forEach((c, i) => {
      if (!isObject(c) || typeof c.name !== 'string' || c.name === '') {
        add(
          question,
          `${path}.columns[${i}]`,
          msg('Every matrix column needs a "name".', 'Jede Spalte der Matrix braucht einen „name“.'),
        );
        return;
      }
      if (seen.has(c.name))
        add(
          question,
          `${path}.columns[${i}]`,
          msg(`The column "${c.name}" occurs twice.`, `Die Spalte „${c.name}“ kommt doppelt vor.`),
        );
      seen.add(c.name);
      checkItems(c.choices, question, `${path}.columns[${i}].choices`, 'choices', add);
    });
  }
  if (type === 'multipletext') {
    const seen = new Set<string>();
    (Array.isArray(element.items) ? element.items : []).forEach((item, i) => {
      if (!isObject(item) || typeof item.name !== 'string' || item.name === '') {
        add(question, `${path}.items[${i}]`, msg('Every item needs a "name".', 'Jeder Eintrag braucht einen „name“.'));
        return;
      }
      if (seen.has(item.name))
        add(
          question,
          `${path}.items[${i}]`,
          msg(`The item "${item.name}" occurs twice.`, `Der Eintrag „${item.name}“ kommt doppelt vor.`),
        );
      seen.add(item.name);
    });
  }
}

/**
 * Two questions with one name in one scope (the questionnaire, or one dynamic
 * panel's template) would store their answers under one key.
 */
function checkUniqueNames(definition: JsonObject, add: (q: string | null, p: string, m: Message) => void): void {
  const visit = (elements: Json | undefined, path: string, seen: Map<string, string>) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((el, i) => {
      if (!isObject(el)) return;
      const here = `${path}[${i}]`;
      const type = String(el.type);
      if (typeof el.name === 'string' && storesAnswer(type)) {
        if (seen.has(el.name))
          add(
            el.name,
            here,
            msg(
              `The name "${el.name}" is used twice (also at ${seen.get(el.name)}). Rename one of them.`,
              `Der Name „${el.name}“ kommt doppelt vor (auch bei ${seen.get(el.name)}). Benenne eine der Fragen um.`,
            ),
          );
        else seen.set(el.name, here);
      }
      visit(el.elements, `${here}.elements`, seen);
      if (type === 'paneldynamic') visit(el.templateElements, `${here}.templateElements`, new Map());
    });
  };
  const seen = new Map<string, string>();
  (Array.isArray(definition.pages) ? definition.pages : []).forEach((p, i) => {
    if (isObject(p)) visit(p.elements, `pages[${i}].elements`, seen);
  });
}

/**
 * The definition as survey-core reads it, spelt out: pages with `elements`
 * (a page-less definition and `questions` arrays become that), and every
 * page, panel and question named (survey-core's own names for unnamed ones).
 * Everything else stays as written, unknown properties included.
 */
export function normaliseDefinition(input: JsonObject): JsonObject {
  const def = structuredClone(input);
  const topLevel = def.elements ?? def.questions;
  if (!Array.isArray(def.pages) && Array.isArray(topLevel)) {
    def.pages = [{ name: 'page1', elements: topLevel }];
  }
  if (Array.isArray(def.pages)) {
    delete def.elements;
    delete def.questions;
    for (const page of def.pages) {
      if (isObject(page) && page.elements === undefined && Array.isArray(page.questions)) {
        page.elements = page.questions;
        delete page.questions;
      }
    }
  }
  // survey-core names what is unnamed; take its names, element by element in the same order.
  const named = new Model(def);
  try {
    const shaped = named.toJSON() as JsonObject;
    const copyNames = (mine: Json | undefined, theirs: Json | undefined) => {
      if (!Array.isArray(mine) || !Array.isArray(theirs)) return;
      mine.forEach((el, i) => {
        const other = theirs[i];
        if (!isObject(el) || !isObject(other)) return;
        if ((typeof el.name !== 'string' || el.name === '') && typeof other.name === 'string') el.name = other.name;
        copyNames(el.elements, other.elements);
        copyNames(el.templateElements, other.templateElements);
      });
    };
    copyNames(def.pages, shaped.pages);
  } finally {
    named.dispose();
  }
  return def;
}

function scanKeys(
  value: Json,
  path: string,
  add: (q: string | null, p: string, m: Message, code?: string) => void,
  question: string | null,
  removed: string[] | undefined,
): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => scanKeys(v, `${path}[${i}]`, add, question, removed));
    return;
  }
  if (!isObject(value)) {
    if (typeof value === 'string' && value.includes('\u0000'))
      add(question, path, msg('Texts may not contain NUL characters.', 'Texte dürfen keine NUL-Zeichen enthalten.'));
    return;
  }
  const here = typeof value.name === 'string' && typeof value.type === 'string' ? value.name : question;
  // Names of questions, panels, pages, matrix columns, items and calculated values, and matrix rows: each becomes a key somewhere.
  const reserved = (name: Json | undefined, at: string) => {
    if (typeof name === 'string' && isObjectMember(name)) {
      add(
        here,
        at,
        msg(
          `The name "${name}" cannot be used: JavaScript objects already have a property of that name (in any case), which SurveyJS stumbles on. Choose another name.`,
          `Der Name „${name}“ ist nicht möglich: JavaScript-Objekte haben schon eine Eigenschaft dieses Namens (in beliebiger Schreibung), an der SurveyJS scheitert. Wähle einen anderen Namen.`,
        ),
        'reserved_name',
      );
    }
  };
  for (const key of ['name', 'valueName']) reserved(value[key], path ? `${path}.${key}` : key);
  if (typeof value.type === 'string' && KEYED_ROWS.has(value.type) && Array.isArray(value.rows)) {
    itemsOf(value.rows).forEach((row, i) => reserved(row.value, `${path ? `${path}.` : ''}rows[${i}]`));
  }
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key))
      add(here, at, msg(`The key "${key}" is not allowed.`, `Der Schlüssel „${key}“ ist nicht erlaubt.`));
    else if (REMOTE_PROPERTIES.has(key)) {
      if (removed) removed.push(at);
      else
        add(
          here,
          at,
          msg(
            `"${key}" cannot be used yet: Bilanz does not let a questionnaire load or open other addresses. Save again confirming its removal to keep the rest of the questionnaire.`,
            `„${key}“ ist noch nicht möglich: Bilanz lässt einen Fragebogen keine anderen Adressen laden oder öffnen. Speichere noch einmal und bestätige das Entfernen, um den Rest des Fragebogens zu behalten.`,
          ),
          'remote_property',
        );
    } else scanKeys(value[key] as Json, at, add, here, removed);
  }
}

/** A copy without the properties that load other addresses. */
function stripRemote(value: JsonObject): JsonObject {
  const strip = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(strip);
    if (!isObject(v)) return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !REMOTE_PROPERTIES.has(k))
        .map(([k, x]) => [k, strip(x)]),
    );
  };
  return strip(value) as JsonObject;
}

function checkItems(
  list: Json | undefined,
  question: string,
  path: string,
  kind: string,
  add: (q: string | null, p: string, m: Message) => void,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    add(question, path, msg(`"${kind}" must be a list.`, `„${kind}“ muss eine Liste sein.`));
    return;
  }
  const seen = new Set<string>();
  itemsOf(list).forEach((item, i) => {
    const v = item.value;
    if (!(typeof v === 'string' && v !== '') && typeof v !== 'number' && typeof v !== 'boolean') {
      add(
        question,
        `${path}[${i}]`,
        msg(
          `Every entry of "${kind}" needs a value (text, number or true/false).`,
          `Jeder Eintrag in „${kind}“ braucht einen Wert (Text, Zahl oder wahr/falsch).`,
        ),
      );
      return;
    }
    const key = valueKey(v);
    if (seen.has(key))
      add(
        question,
        `${path}[${i}]`,
        msg(`The value ${key} occurs twice in "${kind}".`, `Der Wert ${key} kommt in „${kind}“ doppelt vor.`),
      );
    seen.add(key);
  });
}

/** A condition survey-core cannot parse would silently never hold: refused. */
function checkCondition(
  expr: Json,
  question: string | null,
  path: string,
  add: (q: string | null, p: string, m: Message) => void,
): void {
  if (typeof expr !== 'string') {
    add(question, path, msg('A condition must be text.', 'Eine Bedingung muss Text sein.'));
    return;
  }
  if (expr.trim() === '') return;
  if (!new ConditionRunner(expr).canRun())
    add(question, path, msg(`The condition "${expr}" cannot be read.`, `Die Bedingung „${expr}“ ist nicht lesbar.`));
}

/** Names a condition may read: answers (names and valueNames), calculated values, trigger targets and variables. */
function knownVariables(definition: JsonObject, elements: Array<{ element: JsonObject }>): Set<string> {
  const known = new Set<string>();
  for (const { element } of elements) {
    if (typeof element.name === 'string') known.add(element.name);
    if (typeof element.valueName === 'string') known.add(element.valueName);
  }
  for (const list of [definition.calculatedValues, definition.triggers]) {
    for (const item of Array.isArray(list) ? list : []) {
      if (!isObject(item)) continue;
      for (const k of ['name', 'setToName']) if (typeof item[k] === 'string') known.add(item[k]);
    }
  }
  return known;
}

/** Variables a condition reads that are no answer, calculated value or SurveyJS placeholder: likely typos, reported as warnings. */
export function unknownConditionVariables(expr: string, known: ReadonlySet<string>): string[] {
  const runner = new ConditionRunner(expr);
  if (!runner.canRun()) return [];
  const lowerKnown = new Set([...known].map((k) => k.toLowerCase()));
  return [...new Set(runner.getVariables().map((v) => v.split(/[.[]/)[0]!.replace(/-unwrapped$/, '')))].filter(
    (root) => !lowerKnown.has(root.toLowerCase()) && !CONDITION_CONTEXT_NAMES.has(root.toLowerCase()),
  );
}

/** A copy of the definition with every HTML-bearing text sanitised. */
function sanitizeDefinition(definition: JsonObject): JsonObject {
  const copy = structuredClone(definition);
  const cleanLocalised = (holder: JsonObject, key: string) => {
    const v = holder[key];
    if (typeof v === 'string') holder[key] = sanitizeHtml(v);
    else if (isObject(v))
      for (const loc of Object.keys(v)) if (typeof v[loc] === 'string') v[loc] = sanitizeHtml(v[loc]);
  };
  for (const key of SURVEY_HTML_PROPERTIES) cleanLocalised(copy, key);
  if (Array.isArray(copy.completedHtmlOnCondition)) {
    for (const item of copy.completedHtmlOnCondition) if (isObject(item)) cleanLocalised(item, 'html');
  }
  for (const { element } of walkElements(copy)) if (element.type === 'html') cleanLocalised(element, 'html');
  return copy;
}
