/**
 * Figures of one wave's complete responses, per question, as DESIGN §4
 * "Results" describes them (extended for every built-in type). Pure:
 * definition and answers in, figures out; suppression is applied afterwards
 * (suppression.ts). The results engine gives the same figures faster; this
 * is the reference it is tested against.
 */
import type { JsonObject } from '../questionnaires/definition-walk.js';
import { answerKey, answerQuestions } from '../questionnaires/question-options.js';
import { answerShapeOf, isEmptyAnswer, isSingleOption } from '../questionnaires/question-types.js';
import { defaultLanguage } from '../questionnaires/locales.js';
import { figuresFor, type QuestionFigures } from './figures.js';

export type { Cell, QuestionFigures } from './figures.js';

/** Whether a question's cells add up to its n (one answer per respondent), by its type. */
export const isAdditive = (type: string): boolean => isSingleOption(answerShapeOf({ type }));

/** Counts per question over the given answers (complete responses, already filtered). */
export function aggregate(
  definition: JsonObject,
  answers: Array<Record<string, unknown>>,
  locale: string,
): QuestionFigures[] {
  const language = locale === 'default' ? defaultLanguage(definition) : locale;
  return answerQuestions(definition).map((q) => {
    const k = answerKey(q);
    return figuresFor(
      q,
      answers.map((a) => (isEmptyAnswer(a[k]) ? [] : [a[k]])),
      language,
    );
  });
}
