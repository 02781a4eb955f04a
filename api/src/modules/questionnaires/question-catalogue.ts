/**
 * A questionnaire version's questions as the question type registry reads
 * them, for clients that must offer questions by what they are (the open
 * answers board, indicator sources, the report's quotes): what a question
 * can be counted and filtered by, whether its answers are free text, and the
 * values it offers, titled in one language. Clients keep no list of types.
 */
import { labelIn, type Json, type JsonObject } from './definition-walk.js';
import { labelLanguage, languagesOf } from './locales.js';
import { answerKey, answerQuestions, shareOptions } from './question-options.js';
import {
  filterKindOf,
  isOpenTextQuestion,
  measuresOf,
  type FilterKind,
  type IndicatorMeasure,
} from './question-types.js';

export type CatalogueQuestion = {
  /** The question's name as written, and the key its answers are stored under (its valueName, else the name). */
  name: string;
  key: string;
  type: string;
  title: string;
  /** Free text to read and code: a comment box, or a text field holding no number or date. */
  openText: boolean;
  /** The indicator measures that apply (share, mean, count). */
  measures: IndicatorMeasure[];
  /** What a results filter may name in it (see results/filters.ts). */
  filter: FilterKind;
  /** The values a share may count, "other" included, with labels. */
  choices: Array<{ value: Json; label: string }>;
};

/** The answer-holding questions of a definition (not those inside dynamic panels), in the language asked for. */
export function questionCatalogue(
  definition: JsonObject,
  requested: string | undefined,
): { locale: string; locales: string[]; questions: CatalogueQuestion[] } {
  const locale = labelLanguage(definition, requested);
  const questions = answerQuestions(definition).map((q): CatalogueQuestion => {
    const name = String(q.name);
    const measures = measuresOf(q);
    const choices = measures.includes('share')
      ? shareOptions(q, locale).map((o) => ({ value: o.value, label: labelIn(o.text, locale, String(o.value)) }))
      : [];
    return {
      name,
      key: answerKey(q),
      type: String(q.type),
      title: labelIn(q.title, locale, name),
      openText: isOpenTextQuestion(q),
      measures,
      filter: filterKindOf(q),
      choices,
    };
  });
  return { locale, locales: languagesOf(definition), questions };
}
