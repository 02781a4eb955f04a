import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { diffDefinitions, isEmptyDiff, ratingScale, similarity } from '../../api/src/modules/questionnaires/diff.js';

const survey = (...elements: JsonObject[]): JsonObject => ({ pages: [{ name: 'p1', elements }] });
const sector = (extra: JsonObject = {}): JsonObject => ({
  type: 'radiogroup',
  name: 'sector',
  title: { default: 'Aus welchem Bereich kommst du?', en: 'Which sector are you from?' },
  choices: [
    { value: 'civic', text: { default: 'bürgerschaftlich', en: 'civic' } },
    { value: 'nonprofit', text: { default: 'gemeinnützig', en: 'nonprofit' } },
    { value: 'municipal', text: { default: 'städtisch', en: 'municipal' } },
  ],
  ...extra,
});
const text = (name: string, extra: JsonObject = {}): JsonObject => ({ type: 'text', name, title: name, ...extra });

describe('diffDefinitions', () => {
  it('finds added, removed and moved questions', () => {
    const before = survey(text('a'), text('b'), text('c'), text('d'));
    const after = survey(text('b'), text('a'), text('c'), text('e'));
    const d = diffDefinitions(before, after);
    expect(d.added).toEqual(['e']);
    expect(d.removed).toEqual(['d']);
    expect(d.moved).toHaveLength(1);
    expect(['a', 'b']).toContain(d.moved[0]);
    expect(d.changed).toEqual([]);
    expect(d.breaking).toBe(false);
  });

  it('sees questions inside panels and across pages', () => {
    const before: JsonObject = {
      pages: [
        { name: 'p1', elements: [{ type: 'panel', name: 'pan', elements: [text('inner')] }] },
        { name: 'p2', elements: [text('x')] },
      ],
    };
    const after: JsonObject = {
      pages: [
        { name: 'p1', elements: [text('x')] },
        { name: 'p2', elements: [{ type: 'panel', name: 'pan', elements: [text('inner', { isRequired: true })] }] },
      ],
    };
    const d = diffDefinitions(before, after);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.moved).toHaveLength(1);
    expect(d.changed).toEqual([
      { name: 'inner', changes: [{ kind: 'required', from: false, to: true }], breaking: false, reasons: [] },
    ]);
  });

  it('records wording changes per locale without calling them breaking', () => {
    const after = sector({ title: { default: 'In welchem Bereich arbeitest du?', en: 'Which sector are you from?' } });
    const d = diffDefinitions(survey(sector()), survey(after));
    expect(d.changed).toEqual([
      { name: 'sector', changes: [{ kind: 'title', locale: 'default' }], breaking: false, reasons: [] },
    ]);
  });

  it('treats an added choice as compatible and a removed choice as breaking', () => {
    const added = sector();
    (added.choices as JsonObject[]).push({ value: 'business', text: { default: 'Wirtschaft', en: 'business' } });
    expect(diffDefinitions(survey(sector()), survey(added)).changed[0]).toMatchObject({
      changes: [{ kind: 'choice_added', value: 'business' }],
      breaking: false,
    });

    const removed = sector();
    (removed.choices as JsonObject[]).splice(2, 1);
    const d = diffDefinitions(survey(sector()), survey(removed));
    expect(d.changed[0]).toMatchObject({ changes: [{ kind: 'choice_removed', value: 'municipal' }], breaking: true });
    expect(d.changed[0]!.reasons).toEqual([{ en: 'choice "municipal" removed', de: 'Antwort "municipal" entfernt' }]);
    expect(d.breaking).toBe(true);
  });

  it('tells a relabelled choice (wording) from a re-used value (new meaning)', () => {
    const reworded = sector();
    (reworded.choices as JsonObject[])[0] = {
      value: 'civic',
      text: { default: 'bürgerschaftlich engagiert', en: 'civic' },
    };
    const d1 = diffDefinitions(survey(sector()), survey(reworded));
    expect(d1.changed[0]!.changes).toEqual([{ kind: 'choice_relabelled', value: 'civic', locales: ['default'] }]);
    expect(d1.breaking).toBe(false);

    const reused = sector();
    (reused.choices as JsonObject[])[2] = { value: 'municipal', text: { default: 'Wirtschaft', en: 'business' } };
    const d2 = diffDefinitions(survey(sector()), survey(reused));
    expect(d2.changed[0]!.changes).toEqual([
      { kind: 'choice_reused', value: 'municipal', from: 'städtisch', to: 'Wirtschaft' },
    ]);
    expect(d2.breaking).toBe(true);
  });

  it('calls a type change, an input type change and a rating scale change breaking', () => {
    const d1 = diffDefinitions(
      survey(text('age', { inputType: 'number' })),
      survey({ type: 'dropdown', name: 'age', title: 'age', choices: ['<30', '30+'] }),
    );
    expect(d1.changed[0]).toMatchObject({ changes: [{ kind: 'type', from: 'text', to: 'dropdown' }], breaking: true });

    const d2 = diffDefinitions(survey(text('age', { inputType: 'number' })), survey(text('age')));
    expect(d2.changed[0]).toMatchObject({
      changes: [{ kind: 'input_type', from: 'number', to: 'text' }],
      breaking: true,
    });

    const d3 = diffDefinitions(
      survey({ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }),
      survey({ type: 'rating', name: 'nps', rateMin: 1, rateMax: 5 }),
    );
    expect(d3.changed[0]).toMatchObject({
      changes: [{ kind: 'rating_scale', from: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], to: [1, 2, 3, 4, 5] }],
      breaking: true,
    });
  });

  it('records required and visibleIf changes', () => {
    const d = diffDefinitions(
      survey(sector(), text('why')),
      survey(sector({ isRequired: true }), text('why', { visibleIf: "{sector} = 'civic'" })),
    );
    expect(d.changed).toEqual([
      { name: 'sector', changes: [{ kind: 'required', from: false, to: true }], breaking: false, reasons: [] },
      {
        name: 'why',
        changes: [{ kind: 'visible_if', from: null, to: "{sector} = 'civic'" }],
        breaking: false,
        reasons: [],
      },
    ]);
  });

  it('treats matrix rows as compatible and matrix columns as breaking', () => {
    const matrix = (rows: string[], columns: number[]): JsonObject => ({
      type: 'matrix',
      name: 'formats',
      rows,
      columns,
    });
    const rows = diffDefinitions(
      survey(matrix(['visits', 'blog'], [1, 2, 3])),
      survey(matrix(['visits', 'blog', 'exchange'], [1, 2, 3])),
    );
    expect(rows.changed[0]).toMatchObject({
      changes: [{ kind: 'matrix_rows', added: ['exchange'], removed: [], relabelled: [] }],
      breaking: false,
    });
    const cols = diffDefinitions(survey(matrix(['visits'], [1, 2, 3])), survey(matrix(['visits'], [1, 2, 3, 4])));
    expect(cols.changed[0]).toMatchObject({
      changes: [{ kind: 'matrix_columns', added: [4], removed: [], relabelled: [] }],
      breaking: true,
    });
  });

  it('counts the other option', () => {
    const d = diffDefinitions(survey(sector()), survey(sector({ showOtherItem: true })));
    expect(d.changed[0]!.changes).toEqual([{ kind: 'other_changed', from: false, to: true }]);
  });
});

describe('helpers', () => {
  it('expands rating scales', () => {
    expect(ratingScale({ type: 'rating' })).toEqual([1, 2, 3, 4, 5]);
    expect(ratingScale({ type: 'rating', rateMin: 0, rateMax: 1, rateStep: 0.5 })).toEqual([0, 0.5, 1]);
    expect(ratingScale({ type: 'rating', rateValues: [{ value: 'low' }, 'high'] })).toEqual(['low', 'high']);
  });

  it('scores similar wording high and different words low', () => {
    expect(similarity('städtisch', 'Städtisch!')).toBe(1);
    expect(similarity('bürgerschaftlich', 'bürgerschaftlich engagiert')).toBeGreaterThan(0.5);
    expect(similarity('städtisch', 'Wirtschaft')).toBeLessThan(0.5);
  });
});

// Generated definitions: questions of several types with unique names.
const nameArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const labelArb = fc.string({ minLength: 1, maxLength: 12 });
const questionArb = (name: string) =>
  fc.oneof(
    fc.record({ type: fc.constant('text'), name: fc.constant(name), title: labelArb, isRequired: fc.boolean() }),
    fc.record({
      type: fc.constantFrom('radiogroup', 'checkbox', 'dropdown'),
      name: fc.constant(name),
      title: fc.record({ default: labelArb, en: labelArb }),
      choices: fc
        .uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 5 })
        .map((vs) => vs.map((v) => ({ value: v, text: v.toUpperCase() }))),
    }),
    fc.record({
      type: fc.constant('rating'),
      name: fc.constant(name),
      rateMin: fc.integer({ min: 0, max: 1 }),
      rateMax: fc.integer({ min: 2, max: 10 }),
    }),
  );
const definitionArb = fc
  .uniqueArray(nameArb, { minLength: 1, maxLength: 8 })
  .chain((names) => fc.tuple(...names.map((n) => questionArb(n))))
  .map((qs) => survey(...(qs as JsonObject[])));

describe('diff properties', () => {
  it('a definition diffed with itself is empty', () => {
    fc.assert(
      fc.property(definitionArb, (def) => {
        expect(isEmptyDiff(diffDefinitions(def, structuredClone(def)))).toBe(true);
      }),
    );
  });

  it('adding a question and removing it again give mirror-image diffs', () => {
    fc.assert(
      fc.property(definitionArb, fc.nat(), (def, at) => {
        const elements = (def.pages as Array<{ elements: JsonObject[] }>)[0]!.elements;
        const extended = structuredClone(def);
        const list = (extended.pages as Array<{ elements: JsonObject[] }>)[0]!.elements;
        list.splice(at % (elements.length + 1), 0, text('zz_new_question'));
        const forward = diffDefinitions(def, extended);
        const backward = diffDefinitions(extended, def);
        expect(forward).toEqual({ added: ['zz_new_question'], removed: [], moved: [], changed: [], breaking: false });
        expect(backward).toEqual({ added: [], removed: ['zz_new_question'], moved: [], changed: [], breaking: false });
      }),
    );
  });

  it('every breaking question names at least one reason, and only breaking ones do', () => {
    fc.assert(
      fc.property(definitionArb, definitionArb, (a, b) => {
        const d = diffDefinitions(a, b);
        for (const c of d.changed) expect(c.breaking).toBe(c.reasons.length > 0);
        expect(d.breaking).toBe(d.changed.some((c) => c.breaking));
      }),
      { numRuns: 60 },
    );
  });
});
