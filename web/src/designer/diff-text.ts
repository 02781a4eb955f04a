import type { QuestionChange } from '../api/types.js';

/**
 * Readable sentences for the API's version diff. Pure: each change becomes
 * translation keys with values, which the page renders in the UI language.
 */
type SentenceName =
  | 'title'
  | 'description'
  | 'type'
  | 'inputType'
  | 'requiredOn'
  | 'requiredOff'
  | 'conditionAdded'
  | 'conditionRemoved'
  | 'conditionChanged'
  | 'choiceAdded'
  | 'choiceRemoved'
  | 'choiceRelabelled'
  | 'choiceReused'
  | 'otherOn'
  | 'otherOff'
  | 'ratingScale'
  | 'rowsAdded'
  | 'rowsRemoved'
  | 'rowsRelabelled'
  | 'columnsAdded'
  | 'columnsRemoved'
  | 'columnsRelabelled';

export type DiffSentenceKey = `designer.diff.change.${SentenceName}`;

/** What the sentences put in: named fields only (an open record would look like a plural `count` to i18next). */
export type SentenceValues = {
  language?: string;
  languages?: string;
  from?: string;
  to?: string;
  value?: string;
  values?: string;
};

export interface DiffSentence {
  key: DiffSentenceKey;
  values: SentenceValues;
  /** This part of the change stops answers from being compared with earlier ones. */
  breaking: boolean;
}

/** How to name a language of a text (`default` is the definition's own language). */
export type LanguageName = (locale: string) => string;

/** Values are texts, numbers or booleans in valid definitions; anything else is shown as JSON. */
const show = (value: unknown): string =>
  value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
const list = (values: unknown[]): string => values.map(show).join(', ');
const sentence = (name: SentenceName, values: SentenceValues = {}, breaking = false): DiffSentence => ({
  key: `designer.diff.change.${name}`,
  values,
  breaking,
});

/** One change as one or more sentences. */
export function describeChange(change: QuestionChange, languageName: LanguageName): DiffSentence[] {
  switch (change.kind) {
    case 'title':
    case 'description':
      return [sentence(change.kind, { language: languageName(change.locale) })];
    case 'type':
      return [sentence('type', { from: change.from, to: change.to }, true)];
    case 'input_type':
      return [sentence('inputType', { from: change.from, to: change.to }, true)];
    case 'required':
      return [sentence(change.to ? 'requiredOn' : 'requiredOff')];
    case 'visible_if':
      if (change.from === null) return [sentence('conditionAdded', { to: change.to ?? '' })];
      if (change.to === null) return [sentence('conditionRemoved', { from: change.from })];
      return [sentence('conditionChanged', { from: change.from, to: change.to })];
    case 'choice_added':
      return [sentence('choiceAdded', { value: show(change.value) })];
    case 'choice_removed':
      return [sentence('choiceRemoved', { value: show(change.value) }, true)];
    case 'choice_relabelled':
      return [
        sentence('choiceRelabelled', {
          value: show(change.value),
          languages: change.locales.map(languageName).join(', '),
        }),
      ];
    case 'choice_reused':
      return [sentence('choiceReused', { value: show(change.value), from: change.from, to: change.to }, true)];
    case 'other_changed':
      return [sentence(change.to ? 'otherOn' : 'otherOff')];
    case 'rating_scale':
      return [sentence('ratingScale', { from: list(change.from), to: list(change.to) }, true)];
    case 'matrix_rows':
    case 'matrix_columns': {
      const part = change.kind === 'matrix_rows' ? 'rows' : 'columns';
      // New or dropped columns change what a row's answer means; rows are separate answers.
      const breaking = part === 'columns';
      const out: DiffSentence[] = [];
      if (change.added.length > 0) out.push(sentence(`${part}Added`, { values: list(change.added) }, breaking));
      if (change.removed.length > 0) out.push(sentence(`${part}Removed`, { values: list(change.removed) }, breaking));
      if (change.relabelled.length > 0) out.push(sentence(`${part}Relabelled`, { values: list(change.relabelled) }));
      return out;
    }
  }
}

/** All sentences for a changed question, breaking ones first. */
export function describeChanges(changes: QuestionChange[], languageName: LanguageName): DiffSentence[] {
  const sentences = changes.flatMap((change) => describeChange(change, languageName));
  return [...sentences.filter((s) => s.breaking), ...sentences.filter((s) => !s.breaking)];
}
