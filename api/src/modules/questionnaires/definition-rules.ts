import { ConditionRunner, Model } from 'survey-core';
import type { LocalisedText as Message } from '../../http/errors.js';
import { sanitizeHtml } from '../../lib/sanitize-html.js';
import { isObject, itemsOf, questionsOf, valueKey, walkElements, type Json, type JsonObject } from './definition-walk.js';

/** 512 KB of JSON per definition. */
export const MAX_DEFINITION_BYTES = 512 * 1024;

/**
 * The question types Bilanz can validate, store and report on. Others (file
 * upload, signature, image picker, dynamic matrices and panels, …) are refused
 * with a clear message until the rest of the platform supports them.
 */
export const SUPPORTED_TYPES = new Set([
  'text', 'comment', 'radiogroup', 'checkbox', 'dropdown', 'tagbox', 'boolean', 'rating', 'matrix', 'ranking', 'expression', 'html', 'panel',
]);
export const SUPPORTED_INPUT_TYPES = new Set(['text', 'number', 'email', 'date', 'tel', 'url']);

/** Properties that make the respondent's browser fetch or go to another address. */
const REMOTE_PROPERTIES = new Set(['choicesByUrl', 'imageLink', 'logo', 'backgroundImage', 'navigateToUrl', 'navigateToUrlOnCondition', 'imageLinks']);
/** Keys that mean prototype tampering, never a SurveyJS property. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Survey-level properties holding HTML. */
const SURVEY_HTML_PROPERTIES = ['completedHtml', 'completedBeforeHtml', 'loadingHtml'];
/** Properties holding a condition expression. */
const CONDITION_PROPERTIES = ['visibleIf', 'enableIf', 'requiredIf', 'rowsVisibleIf', 'columnsVisibleIf', 'choicesVisibleIf', 'choicesEnableIf'];
/** Names a condition may use besides question names: SurveyJS's own placeholders. */
const CONDITION_CONTEXT_NAMES = new Set(['item', 'choice', 'row', 'panel', 'parentpanel', 'pageno', 'pagecount', 'locale']);

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

export type DefinitionProblem = { question: string | null; path: string; message: Message };

const msg = (en: string, de: string): Message => ({ en, de });

/**
 * Applies every definition rule. Returns the definition with its HTML
 * sanitised (unless `sanitize: false`), or the list of problems (by question)
 * when it breaks a rule.
 */
export function checkDefinition(
  input: unknown,
  options: { sanitize?: boolean } = {},
): { ok: true; definition: JsonObject } | { ok: false; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const add = (question: string | null, path: string, message: Message) => problems.push({ question, path, message });

  if (!isObject(input)) {
    add(null, '', msg('The definition must be a JSON object.', 'Die Definition muss ein JSON-Objekt sein.'));
    return { ok: false, problems };
  }
  const size = Buffer.byteLength(JSON.stringify(input), 'utf8');
  if (size > MAX_DEFINITION_BYTES) {
    add(null, '', msg(`The definition is too large (${Math.round(size / 1024)} KB; 512 KB at most).`, `Die Definition ist zu groß (${Math.round(size / 1024)} KB; höchstens 512 KB).`));
    return { ok: false, problems };
  }

  scanKeys(input, '', add);
  if (input.pages !== undefined && !Array.isArray(input.pages)) {
    add(null, 'pages', msg('"pages" must be a list.', '„pages“ muss eine Liste sein.'));
  }

  const elements = walkElements(input);
  const seenNames = new Map<string, string>();
  for (const { element, path } of elements) {
    const name = typeof element.name === 'string' ? element.name : null;
    const type = element.type;
    if (typeof type !== 'string') {
      add(name, path, msg('Every element needs a "type".', 'Jedes Element braucht einen „type“.'));
      continue;
    }
    if (!SUPPORTED_TYPES.has(type)) {
      add(name, path, msg(`The question type "${type}" is not supported. Supported: ${[...SUPPORTED_TYPES].join(', ')}.`, `Der Fragetyp „${type}“ wird nicht unterstützt. Möglich sind: ${[...SUPPORTED_TYPES].join(', ')}.`));
      continue;
    }
    if (name === null) {
      add(null, path, msg('Every question needs a "name".', 'Jede Frage braucht einen „name“.'));
      continue;
    }
    if (!NAME_PATTERN.test(name)) {
      add(name, path, msg(`The name "${name}" may hold only letters, digits and _, starting with a letter.`, `Der Name „${name}“ darf nur Buchstaben, Ziffern und _ enthalten und muss mit einem Buchstaben beginnen.`));
    }
    if (seenNames.has(name)) {
      add(name, path, msg(`The name "${name}" is used twice (also at ${seenNames.get(name)}).`, `Der Name „${name}“ kommt doppelt vor (auch bei ${seenNames.get(name)}).`));
    } else {
      seenNames.set(name, path);
    }
    if (type === 'text' && element.inputType !== undefined && !(typeof element.inputType === 'string' && SUPPORTED_INPUT_TYPES.has(element.inputType))) {
      add(name, path, msg(`The input type ${JSON.stringify(element.inputType)} is not supported. Supported: ${[...SUPPORTED_INPUT_TYPES].join(', ')}.`, `Der Eingabetyp ${JSON.stringify(element.inputType)} wird nicht unterstützt. Möglich sind: ${[...SUPPORTED_INPUT_TYPES].join(', ')}.`));
    }
    // `rows` means matrix rows here; on a comment question it is the text box height.
    const lists = type === 'matrix' ? ['rows', 'columns'] : type === 'rating' ? ['rateValues'] : ['choices'];
    for (const list of lists) checkItems(element[list], name, `${path}.${list}`, list, add);
    if (type === 'rating' && element.rateValues === undefined) {
      const { rateMin = 1, rateMax = 5, rateStep = 1 } = element as { rateMin?: Json; rateMax?: Json; rateStep?: Json };
      if (typeof rateMin !== 'number' || typeof rateMax !== 'number' || typeof rateStep !== 'number' || rateStep <= 0 || rateMax < rateMin || (rateMax - rateMin) / rateStep > 100) {
        add(name, path, msg('The rating scale needs numbers rateMin ≤ rateMax and a positive rateStep (at most 100 steps).', 'Die Bewertungsskala braucht Zahlen rateMin ≤ rateMax und einen positiven rateStep (höchstens 100 Stufen).'));
      }
    }
  }

  const questionNames = new Set(questionsOf(input).map((q) => q.element.name).filter((n): n is string => typeof n === 'string'));
  for (const { element, path } of elements) {
    const name = typeof element.name === 'string' ? element.name : null;
    for (const prop of CONDITION_PROPERTIES) {
      const expr = element[prop];
      if (expr === undefined) continue;
      checkCondition(expr, questionNames, name, `${path}.${prop}`, add);
    }
  }
  const pages = Array.isArray(input.pages) ? input.pages : [];
  pages.forEach((p, i) => {
    if (isObject(p) && p.visibleIf !== undefined) checkCondition(p.visibleIf, questionNames, null, `pages[${i}].visibleIf`, add);
  });

  if (problems.length === 0) {
    // Last, the definition must load in survey-core without complaint (unknown properties, wrong value types).
    const model = new Model(input);
    for (const e of model.jsonErrors ?? []) {
      const el = (e as { element?: { name?: unknown } }).element;
      const question = typeof el?.name === 'string' ? el.name : null;
      add(question, '', msg(`survey-core: ${e.message}`, `survey-core: ${e.message}`));
    }
    model.dispose();
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, definition: options.sanitize === false ? input : sanitizeDefinition(input) };
}

function scanKeys(value: Json, path: string, add: (q: string | null, p: string, m: Message) => void, question: string | null = null): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => scanKeys(v, `${path}[${i}]`, add, question));
    return;
  }
  if (!isObject(value)) {
    if (typeof value === 'string' && value.includes('\u0000')) add(question, path, msg('Texts may not contain NUL characters.', 'Texte dürfen keine NUL-Zeichen enthalten.'));
    return;
  }
  const here = typeof value.name === 'string' && typeof value.type === 'string' ? value.name : question;
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) add(here, at, msg(`The key "${key}" is not allowed.`, `Der Schlüssel „${key}“ ist nicht erlaubt.`));
    else if (REMOTE_PROPERTIES.has(key)) add(here, at, msg(`"${key}" is not allowed: a questionnaire may not make the respondent's browser load or open other addresses.`, `„${key}“ ist nicht erlaubt: Ein Fragebogen darf den Browser der Antwortenden keine anderen Adressen laden oder öffnen lassen.`));
    else scanKeys(value[key] as Json, at, add, here);
  }
}

function checkItems(list: Json | undefined, question: string, path: string, kind: string, add: (q: string | null, p: string, m: Message) => void): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    add(question, path, msg(`"${kind}" must be a list.`, `„${kind}“ muss eine Liste sein.`));
    return;
  }
  const seen = new Set<string>();
  itemsOf(list).forEach((item, i) => {
    const v = item.value;
    if (!(typeof v === 'string' && v !== '') && typeof v !== 'number' && typeof v !== 'boolean') {
      add(question, `${path}[${i}]`, msg(`Every entry of "${kind}" needs a value (text, number or true/false).`, `Jeder Eintrag in „${kind}“ braucht einen Wert (Text, Zahl oder wahr/falsch).`));
      return;
    }
    const key = valueKey(v);
    if (seen.has(key)) add(question, `${path}[${i}]`, msg(`The value ${key} occurs twice in "${kind}".`, `Der Wert ${key} kommt in „${kind}“ doppelt vor.`));
    seen.add(key);
  });
}

function checkCondition(expr: Json, questionNames: Set<string>, question: string | null, path: string, add: (q: string | null, p: string, m: Message) => void): void {
  if (typeof expr !== 'string') {
    add(question, path, msg('A condition must be text.', 'Eine Bedingung muss Text sein.'));
    return;
  }
  const runner = new ConditionRunner(expr);
  if (!runner.canRun()) {
    add(question, path, msg(`The condition "${expr}" cannot be read.`, `Die Bedingung „${expr}“ ist nicht lesbar.`));
    return;
  }
  for (const variable of runner.getVariables()) {
    const root = variable.split(/[.[]/)[0]!.replace(/-unwrapped$/, '');
    if (!questionNames.has(root) && !CONDITION_CONTEXT_NAMES.has(root.toLowerCase())) {
      add(question, path, msg(`The condition refers to {${root}}, which is no question of this questionnaire.`, `Die Bedingung verweist auf {${root}}, das ist keine Frage dieses Fragebogens.`));
    }
  }
}

/** A copy of the definition with every HTML-bearing text sanitised. */
function sanitizeDefinition(definition: JsonObject): JsonObject {
  const copy = structuredClone(definition);
  const cleanLocalised = (holder: JsonObject, key: string) => {
    const v = holder[key];
    if (typeof v === 'string') holder[key] = sanitizeHtml(v);
    else if (isObject(v)) for (const loc of Object.keys(v)) if (typeof v[loc] === 'string') v[loc] = sanitizeHtml(v[loc]);
  };
  for (const key of SURVEY_HTML_PROPERTIES) cleanLocalised(copy, key);
  if (Array.isArray(copy.completedHtmlOnCondition)) {
    for (const item of copy.completedHtmlOnCondition) if (isObject(item)) cleanLocalised(item, 'html');
  }
  for (const { element } of walkElements(copy)) if (element.type === 'html') cleanLocalised(element, 'html');
  return copy;
}
