import { ConditionRunner } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.js';
import {
  buildCondition,
  offeredValues,
  operatorsFor,
  parseCondition,
  typedConditionValue,
  type SimpleCondition,
} from '../../web/src/designer/conditions.js';
import { describeChange, describeChanges } from '../../web/src/designer/diff-text.js';
import { draftReducer, initialDraftState, isDirty, readJson } from '../../web/src/designer/draft-state.js';
import {
  addElement,
  addPage,
  duplicateElement,
  elementsOntoPage,
  findElementPath,
  getElement,
  moveElement,
  moveElementToPage,
  movePage,
  nameProblem,
  questionsBefore,
  removeElement,
  removePage,
  renameElement,
  uniqueName,
} from '../../web/src/designer/elements.js';
import { addItem, moveItem, removeItem, withItemLabel, withItemValue } from '../../web/src/designer/items.js';
import type { JsonObject } from '../../web/src/designer/json.js';
import { asProblems, groupProblems } from '../../web/src/designer/problems.js';
import { shownText, textOf, withText } from '../../web/src/designer/text.js';

const sector: JsonObject = {
  type: 'radiogroup',
  name: 'sector',
  title: { default: 'Aus welchem Bereich kommst du?', en: 'Which sector are you from?' },
  choices: [
    { value: 'civic', text: { default: 'Bürgerschaftlich', en: 'Civic' } },
    'nonprofit',
    { value: 'municipal', text: 'Städtisch', customFlag: true },
  ],
  showOtherItem: true,
  someUnknownProperty: { keep: 'me' },
};
const other: JsonObject = {
  type: 'text',
  name: 'otherSector',
  visibleIf: "{sector} = 'other'",
  enableIf: '{sector} notempty',
};
const survey = (): JsonObject => ({
  title: 'Umfrage',
  showProgressBar: 'top',
  pages: [
    { name: 'p1', elements: [sector, other] },
    {
      name: 'p2',
      title: { default: 'Zwei' },
      elements: [{ type: 'panel', name: 'box', elements: [{ type: 'comment', name: 'note' }] }],
    },
  ],
});

describe('localised texts', () => {
  it('reads German from default or a plain string and English from en, in a German questionnaire', () => {
    expect(textOf('Hallo', 'de', 'de')).toBe('Hallo');
    expect(textOf('Hallo', 'en', 'de')).toBe('');
    expect(textOf({ default: 'Hallo', en: 'Hello' }, 'en', 'de')).toBe('Hello');
    expect(textOf({ de: 'Hallo' }, 'de', 'de')).toBe('Hallo');
    expect(textOf(undefined, 'de', 'de')).toBe('');
  });

  it('reads English from default or a plain string and German from de, in an English questionnaire (no locale)', () => {
    expect(textOf('Hello', 'en', 'en')).toBe('Hello');
    expect(textOf('Hello', 'de', 'en')).toBe('');
    expect(textOf({ default: 'Hello', de: 'Hallo' }, 'de', 'en')).toBe('Hallo');
    expect(textOf({ default: 'Hello', de: 'Hallo' }, 'en', 'en')).toBe('Hello');
    // The language's own entry comes first, as in the results.
    expect(textOf({ default: 'Hello', en: 'Hi' }, 'en', 'en')).toBe('Hi');
  });

  it('writes one language and keeps the others, in a German questionnaire', () => {
    expect(withText(undefined, 'de', 'Hallo', 'de')).toBe('Hallo');
    expect(withText('Hallo', 'en', 'Hello', 'de')).toEqual({ default: 'Hallo', en: 'Hello' });
    expect(withText({ default: 'Hallo', en: 'Hello', fr: 'Salut' }, 'de', 'Moin', 'de')).toEqual({
      default: 'Moin',
      en: 'Hello',
      fr: 'Salut',
    });
    expect(withText({ default: 'Hallo', en: 'Hello' }, 'en', '', 'de')).toEqual({ default: 'Hallo' });
    expect(withText({ en: 'Hello' }, 'en', '', 'de')).toBeUndefined();
    expect(withText('Hallo', 'de', '', 'de')).toBeUndefined();
    expect(withText(undefined, 'en', 'Hello', 'de')).toEqual({ en: 'Hello' });
  });

  it('puts German under de and English under default in an English questionnaire', () => {
    expect(withText(undefined, 'de', 'Hallo', 'en')).toEqual({ de: 'Hallo' });
    expect(withText('Hello', 'de', 'Hallo', 'en')).toEqual({ default: 'Hello', de: 'Hallo' });
    expect(withText('Hello', 'en', 'Hi', 'en')).toBe('Hi');
    expect(withText({ default: 'Hello', de: 'Hallo' }, 'en', 'Hi', 'en')).toEqual({ default: 'Hi', de: 'Hallo' });
    expect(withText({ default: 'Hello', de: 'Hallo' }, 'de', '', 'en')).toEqual({ default: 'Hello' });
    // An English text kept under en would shadow the one written under default.
    expect(withText({ default: 'Hello', en: 'Hi', de: 'Hallo' }, 'en', 'Hey', 'en')).toEqual({
      default: 'Hey',
      de: 'Hallo',
    });
    // A French questionnaire: German and English both get their own keys.
    expect(withText('Bonjour', 'de', 'Hallo', 'fr')).toEqual({ default: 'Bonjour', de: 'Hallo' });
    expect(withText({ default: 'Bonjour', de: 'Hallo' }, 'en', 'Hello', 'fr')).toEqual({
      default: 'Bonjour',
      de: 'Hallo',
      en: 'Hello',
    });
  });

  it('shows a text in the UI language, else in the questionnaire’s own', () => {
    expect(shownText({ default: 'Hello', de: 'Hallo' }, 'de', 'en')).toBe('Hallo');
    expect(shownText('Hello', 'de', 'en')).toBe('Hello');
    expect(shownText({ de: 'Hallo' }, 'en', 'de')).toBe('Hallo');
    expect(shownText(undefined, 'en', 'de')).toBe('');
  });
});

describe('editing elements', () => {
  it('adds questions with fresh names and the starting properties of their type', () => {
    const { definition, path, name } = addElement(survey(), [0], 'rating');
    expect(name).toBe('question1');
    expect(path).toEqual([0, 2]);
    expect(getElement(definition, path)).toEqual({ type: 'rating', name: 'question1', rateMin: 1, rateMax: 5 });
    const again = addElement(definition, [1, 0], 'checkbox');
    expect(again.name).toBe('question2');
    expect(getElement(again.definition, [1, 0, 1])).toEqual({ type: 'checkbox', name: 'question2', choices: [] });
  });

  it('moves questions within a page and to another page without touching the input', () => {
    const input = survey();
    const frozen = JSON.stringify(input);
    const down = moveElement(input, [0, 0], 1);
    expect(down.path).toEqual([0, 1]);
    expect(getElement(down.definition, [0, 1])?.name).toBe('sector');
    expect(moveElement(input, [0, 0], -1).definition).toBe(input);
    const moved = moveElementToPage(input, [0, 1], 1);
    expect(moved.path).toEqual([1, 1]);
    expect(getElement(moved.definition, [1, 1])).toEqual(other);
    expect(getElement(moved.definition, [0, 1])).toBeUndefined();
    expect(JSON.stringify(input)).toBe(frozen);
  });

  it('duplicates with fresh unique names, also inside panels, and keeps everything else', () => {
    const copy = duplicateElement(survey(), [0, 0]);
    expect(copy?.name).toBe('sector2');
    expect(copy?.path).toEqual([0, 1]);
    expect(getElement(copy!.definition, [0, 1])).toEqual({ ...sector, name: 'sector2' });
    const panel = duplicateElement(survey(), [1, 0]);
    expect(getElement(panel!.definition, [1, 1])).toEqual({
      type: 'panel',
      name: 'box2',
      elements: [{ type: 'comment', name: 'note2' }],
    });
  });

  it('removes elements and finds them by name', () => {
    expect(findElementPath(survey(), 'note')).toEqual([1, 0, 0]);
    const without = removeElement(survey(), [0, 0]);
    expect(findElementPath(without, 'sector')).toBeUndefined();
    expect(findElementPath(without, 'otherSector')).toEqual([0, 0]);
  });

  it('renames a question and the conditions that refer to it', () => {
    const renamed = renameElement(survey(), [0, 0], 'field');
    expect(getElement(renamed, [0, 0])?.name).toBe('field');
    expect(getElement(renamed, [0, 1])).toMatchObject({ visibleIf: "{field} = 'other'", enableIf: '{field} notempty' });
    // Only whole names: {sectorX} is another question.
    const similar = renameElement(
      { pages: [{ elements: [sector, { type: 'text', name: 'x', visibleIf: '{sectorX} empty' }] }] },
      [0, 0],
      'a',
    );
    expect(getElement(similar, [0, 1])?.visibleIf).toBe('{sectorX} empty');
  });

  it('offers only earlier questions for conditions', () => {
    expect(questionsBefore(survey(), [0, 1]).map((q) => q.name)).toEqual(['sector']);
    expect(questionsBefore(survey(), [1, 0, 0]).map((q) => q.name)).toEqual(['sector', 'otherSector']);
    expect(questionsBefore(survey(), [0, 0])).toEqual([]);
  });

  it('checks and invents names', () => {
    expect(uniqueName('sector', new Set(['sector', 'sector2']))).toBe('sector3');
    expect(uniqueName('question4', new Set(['question4']))).toBe('question5');
    expect(uniqueName('free', new Set())).toBe('free');
    expect(nameProblem('9lives', new Set())).toBe('pattern');
    expect(nameProblem('sector', new Set(['sector']))).toBe('taken');
    expect(nameProblem('ok_1', new Set())).toBeNull();
  });

  it('adds, moves and removes pages', () => {
    const added = addPage(survey());
    expect(added.index).toBe(2);
    expect((added.definition.pages as JsonObject[])[2]).toEqual({ name: 'page3', elements: [] });
    const moved = movePage(added.definition, 2, -1);
    expect(moved.index).toBe(1);
    expect((moved.definition.pages as JsonObject[]).map((p) => p.name)).toEqual(['p1', 'page3', 'p2']);
    expect((removePage(moved.definition, 0).pages as JsonObject[]).map((p) => p.name)).toEqual(['page3', 'p2']);
    expect(elementsOntoPage({ title: 'x', elements: [other] })).toEqual({
      title: 'x',
      pages: [{ name: 'page1', elements: [other] }],
    });
  });
});

describe('choice lists', () => {
  const choices = sector.choices as JsonObject[];

  it('edits values and labels and keeps unknown keys of an entry', () => {
    expect(withItemValue(choices, 2, 'city')[2]).toEqual({ value: 'city', text: 'Städtisch', customFlag: true });
    expect(withItemValue([1, 2], 0, '7')).toEqual([7, 2]);
    expect(withItemLabel(choices, 1, 'en', 'Nonprofit', 'de')[1]).toEqual({
      value: 'nonprofit',
      text: { en: 'Nonprofit' },
    });
    expect(withItemLabel(choices, 0, 'en', '', 'de')[0]).toEqual({
      value: 'civic',
      text: { default: 'Bürgerschaftlich' },
    });
    // In an English questionnaire, the German label goes under de.
    expect(withItemLabel(['civic'], 0, 'de', 'Bürgerschaftlich', 'en')).toEqual([
      { value: 'civic', text: { de: 'Bürgerschaftlich' } },
    ]);
    // A label removed again leaves the bare value.
    expect(withItemLabel(['a'], 0, 'de', '', 'de')).toEqual(['a']);
    expect(withItemLabel([{ value: 'a', text: 'A' }], 0, 'de', '', 'de')).toEqual(['a']);
  });

  it('adds fresh values, moves and removes entries', () => {
    expect(addItem(['item1', { value: 'item3' }])).toEqual(['item1', { value: 'item3' }, { value: 'item4' }]);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});

describe('conditions', () => {
  const cases: [SimpleCondition, string][] = [
    [{ question: 'sector', operator: 'equals', value: 'civic' }, "{sector} = 'civic'"],
    [
      { question: 'developmentOptions', operator: 'contains', value: 'newsletter' },
      "{developmentOptions} contains 'newsletter'",
    ],
    [{ question: 'jointProject', operator: 'equals', value: true }, '{jointProject} = true'],
    [{ question: 'x', operator: 'notEmpty' }, '{x} notempty'],
    [{ question: 'x', operator: 'empty' }, '{x} empty'],
    [{ question: 'rating', operator: 'notEquals', value: 3 }, '{rating} != 3'],
    [{ question: 'quote', operator: 'equals', value: "it's a \\ test" }, "{quote} = 'it\\'s a \\\\ test'"],
  ];

  it.each(cases)('builds %j as %s and reads it back', (condition, expression) => {
    expect(buildCondition(condition)).toBe(expression);
    expect(parseCondition(expression)).toEqual(condition);
  });

  it('builds expressions that survey-core runs as meant', () => {
    const run = (condition: SimpleCondition, values: Record<string, unknown>) =>
      new ConditionRunner(buildCondition(condition)).runValues(values);
    expect(run({ question: 'quote', operator: 'equals', value: "it's" }, { quote: "it's" })).toBe(true);
    expect(run({ question: 'm', operator: 'contains', value: 'b' }, { m: ['a', 'b'] })).toBe(true);
    expect(run({ question: 'j', operator: 'equals', value: true }, { j: true })).toBe(true);
    expect(run({ question: 'x', operator: 'notEmpty' }, {})).toBe(false);
  });

  it('reads other spellings and gives up on anything more complex', () => {
    expect(parseCondition('{a} <> "b"')).toEqual({ question: 'a', operator: 'notEquals', value: 'b' });
    expect(parseCondition('{a} == 2')).toEqual({ question: 'a', operator: 'equals', value: 2 });
    expect(parseCondition('{a} NotEmpty')).toEqual({ question: 'a', operator: 'notEmpty' });
    expect(parseCondition("{a} = 'x' and {b} = 'y'")).toBeNull();
    expect(parseCondition('{a} = b')).toBeNull();
    expect(parseCondition('{a.b} = 1')).toBeNull();
    expect(parseCondition('')).toBeNull();
  });

  it('offers the values and operators that fit the question', () => {
    expect(offeredValues(sector)).toEqual(['civic', 'nonprofit', 'municipal', 'other']);
    expect(offeredValues({ type: 'boolean', name: 'b' })).toEqual([true, false]);
    expect(offeredValues({ type: 'rating', name: 'r', rateMin: 0, rateMax: 10, rateStep: 5 })).toEqual([0, 5, 10]);
    expect(offeredValues({ type: 'text', name: 't' })).toBeNull();
    expect(operatorsFor({ type: 'checkbox', name: 'c' })).toContain('contains');
    expect(operatorsFor(sector)).not.toContain('contains');
    expect(typedConditionValue({ type: 'text', name: 'n', inputType: 'number' }, '4')).toBe(4);
    expect(typedConditionValue({ type: 'text', name: 't' }, '4')).toBe('4');
  });
});

describe('diff sentences', () => {
  const languageName = (locale: string) => (locale === 'default' ? 'German' : locale === 'en' ? 'English' : locale);
  /** Renders a sentence with the English texts, as the page does. */
  const render = (key: string, values: Record<string, string | undefined>) => {
    const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);
    expect(typeof template).toBe('string');
    return (template as string).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `??${name}`);
  };

  it('says what changed, in words, for every kind of change', () => {
    const sentences = describeChanges(
      [
        { kind: 'title', locale: 'default' },
        { kind: 'description', locale: 'en' },
        { kind: 'type', from: 'radiogroup', to: 'checkbox' },
        { kind: 'input_type', from: 'text', to: 'number' },
        { kind: 'required', from: false, to: true },
        { kind: 'required', from: true, to: false },
        { kind: 'visible_if', from: null, to: '{a} notempty' },
        { kind: 'visible_if', from: '{a} notempty', to: null },
        { kind: 'visible_if', from: '{a} notempty', to: '{a} empty' },
        { kind: 'choice_added', value: 'newsletter' },
        { kind: 'choice_removed', value: 'fax' },
        { kind: 'choice_relabelled', value: 'civic', locales: ['default', 'en'] },
        { kind: 'choice_reused', value: 2, from: 'Gut', to: 'Schlecht' },
        { kind: 'other_changed', from: false, to: true },
        { kind: 'other_changed', from: true, to: false },
        { kind: 'rating_scale', from: [1, 2, 3], to: [1, 2, 3, 4] },
        { kind: 'matrix_rows', added: ['r3'], removed: ['r1'], relabelled: ['r2'] },
        { kind: 'matrix_columns', added: [], removed: ['c1'], relabelled: ['c2'] },
      ],
      languageName,
    );
    const texts = sentences.map((s) => render(s.key, s.values));
    expect(texts.every((t) => !t.includes('??'))).toBe(true);
    expect(texts).toContain('The question text changed (German).');
    expect(texts).toContain('Choice “fax” was removed.');
    expect(texts).toContain('The label of choice “civic” was reworded (German, English).');
    // Breaking parts come first.
    const breaking = sentences.filter((s) => s.breaking).length;
    expect(breaking).toBe(6);
    expect(sentences.slice(0, breaking).every((s) => s.breaking)).toBe(true);
  });

  it('splits matrix changes into their parts', () => {
    const parts = describeChange({ kind: 'matrix_rows', added: ['a', 'b'], removed: [], relabelled: [] }, languageName);
    expect(parts).toEqual([{ key: 'designer.diff.change.rowsAdded', values: { values: 'a, b' }, breaking: false }]);
  });
});

describe('draft state', () => {
  it('follows edits from both views and knows what is unsaved', () => {
    let state = initialDraftState(survey());
    expect(isDirty(state)).toBe(false);
    state = draftReducer(state, { type: 'json', text: '{"pages": [' });
    expect(state.jsonError?.kind).toBe('syntax');
    expect(state.definition).toEqual(survey());
    expect(isDirty(state)).toBe(true);
    state = draftReducer(state, { type: 'json', text: '[]' });
    expect(state.jsonError).toEqual({ kind: 'notObject' });
    state = draftReducer(state, { type: 'json', text: '{"title": "Neu"}' });
    expect(state.definition).toEqual({ title: 'Neu' });
    expect(state.jsonError).toBeNull();
    state = draftReducer(state, { type: 'edit', definition: survey() });
    expect(isDirty(state)).toBe(false);
    expect(JSON.parse(state.jsonText)).toEqual(survey());
  });

  it('takes the sanitised answer of a save, but keeps edits made meanwhile', () => {
    const sent: JsonObject = { title: 'A', completedHtml: '<b onclick="x()">Danke</b>' };
    const stored: JsonObject = { title: 'A', completedHtml: '<b>Danke</b>' };
    const saved = draftReducer(draftReducer(initialDraftState({}), { type: 'edit', definition: sent }), {
      type: 'saved',
      sent,
      stored,
    });
    expect(saved.definition).toEqual(stored);
    expect(isDirty(saved)).toBe(false);
    const meanwhile = draftReducer(initialDraftState({ title: 'B' }), { type: 'saved', sent, stored });
    expect(meanwhile.definition).toEqual({ title: 'B' });
    expect(isDirty(meanwhile)).toBe(true);
  });

  it('reads files only as JSON objects', () => {
    expect(readJson('{"a": 1}')).toEqual({ definition: { a: 1 } });
    expect(readJson('1')).toEqual({ error: { kind: 'notObject' } });
    expect('error' in readJson('nope')).toBe(true);
  });
});

describe('validation problems', () => {
  it('groups the server details by question, questionnaire-wide first', () => {
    const groups = groupProblems([
      { question: 'a', path: 'pages[0].elements[0]', message: 'one' },
      { question: null, path: '', message: 'general' },
      { question: 'a', path: 'pages[0].elements[0].choices[1]', message: 'two' },
      { question: 'b', path: 'x', message: 'three' },
      'nonsense',
    ]);
    expect(groups.map((g) => [g.question, g.problems.map((p) => p.message)])).toEqual([
      [null, ['general']],
      ['a', ['one', 'two']],
      ['b', ['three']],
    ]);
    expect(groupProblems(undefined)).toEqual([]);
  });

  it('keeps the code that tells a property loading another address (the designer then offers to remove it)', () => {
    expect(
      asProblems([
        { question: null, path: 'logo', message: 'no', code: 'remote_property' },
        { question: 'q', path: 'x', message: 'other' },
      ]),
    ).toEqual([
      { question: null, path: 'logo', message: 'no', code: 'remote_property' },
      { question: 'q', path: 'x', message: 'other' },
    ]);
  });
});
