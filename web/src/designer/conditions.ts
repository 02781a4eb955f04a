import { choiceTypes, typeOf } from './elements.js';
import { itemsOf, itemValue } from './items.js';
import type { Json, JsonObject } from './json.js';

/**
 * The conditions the builder writes: one earlier question compared with one
 * value. Anything else is kept as a raw SurveyJS expression.
 */
export const conditionOperators = ['equals', 'notEquals', 'contains', 'notEmpty', 'empty'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];
export type ConditionValue = string | number | boolean;

export interface SimpleCondition {
  question: string;
  operator: ConditionOperator;
  /** Absent for notEmpty and empty. */
  value?: ConditionValue;
}

export const operatorNeedsValue = (operator: ConditionOperator) => operator !== 'notEmpty' && operator !== 'empty';

const symbols: Record<ConditionOperator, string> = {
  equals: '=',
  notEquals: '!=',
  contains: 'contains',
  notEmpty: 'notempty',
  empty: 'empty',
};

/** A value as a SurveyJS expression literal: strings in single quotes, with \ and ' escaped. */
export function formatConditionValue(value: ConditionValue): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}

/** The SurveyJS expression for a condition: `{sector} = 'civic'`, `{x} notempty`. */
export function buildCondition(condition: SimpleCondition): string {
  const left = `{${condition.question}} ${symbols[condition.operator]}`;
  if (!operatorNeedsValue(condition.operator)) return left;
  return `${left} ${formatConditionValue(condition.value ?? '')}`;
}

const operatorBySymbol: Record<string, ConditionOperator> = {
  '=': 'equals',
  '==': 'equals',
  '!=': 'notEquals',
  '<>': 'notEquals',
  contains: 'contains',
  '*=': 'contains',
  notempty: 'notEmpty',
  empty: 'empty',
};

const CONDITION = /^\s*\{([A-Za-z][A-Za-z0-9_]*)\}\s*(==|=|!=|<>|\*=|contains|notempty|empty)\s*(.*?)\s*$/i;

/** The builder's reading of an expression, or null when it is more than one simple comparison. */
export function parseCondition(expression: string): SimpleCondition | null {
  const match = CONDITION.exec(expression);
  if (!match) return null;
  const [, question, symbol, rest] = match as unknown as [string, string, string, string];
  const operator = operatorBySymbol[symbol.toLowerCase()];
  if (!operator) return null;
  if (!operatorNeedsValue(operator)) return rest === '' ? { question, operator } : null;
  const value = parseLiteral(rest);
  return value === undefined ? null : { question, operator, value };
}

function parseLiteral(text: string): ConditionValue | undefined {
  const quoted = /^'((?:[^'\\]|\\.)*)'$/.exec(text) ?? /^"((?:[^"\\]|\\.)*)"$/.exec(text);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  return undefined;
}

/** The values a question offers to compare with, or null when any value may be typed. */
export function offeredValues(question: JsonObject): Json[] | null {
  const type = typeOf(question);
  if (choiceTypes.has(type)) {
    const values = itemsOf(question.choices).map(itemValue);
    if (question.showOtherItem === true || question.hasOther === true) values.push('other');
    return values;
  }
  if (type === 'boolean') return [true, false];
  if (type === 'rating') {
    if (Array.isArray(question.rateValues)) return itemsOf(question.rateValues).map(itemValue);
    const min = typeof question.rateMin === 'number' ? question.rateMin : 1;
    const max = typeof question.rateMax === 'number' ? question.rateMax : 5;
    const step = typeof question.rateStep === 'number' && question.rateStep > 0 ? question.rateStep : 1;
    const values: number[] = [];
    for (let v = min; v <= max + 1e-9 && values.length <= 100; v += step) values.push(Math.round(v * 1e6) / 1e6);
    return values;
  }
  return null;
}

/** The operators that make sense for a question: `contains` only for multiple answers. */
export function operatorsFor(question: JsonObject | undefined): readonly ConditionOperator[] {
  const type = question ? typeOf(question) : '';
  const multiple = type === 'checkbox' || type === 'tagbox' || type === 'ranking';
  return multiple ? ['contains', 'notEmpty', 'empty'] : ['equals', 'notEquals', 'notEmpty', 'empty'];
}

/** A typed value in the kind the question stores: numbers for number fields and ratings. */
export function typedConditionValue(question: JsonObject | undefined, text: string): ConditionValue {
  const numeric =
    question && (typeOf(question) === 'rating' || (typeOf(question) === 'text' && question.inputType === 'number'));
  if (numeric && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** A value offered by a question as a condition value, when it is one. */
export const asConditionValue = (value: Json): ConditionValue | undefined =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
