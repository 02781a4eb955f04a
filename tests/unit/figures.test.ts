import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { aggregate } from '../../api/src/modules/results/aggregate.js';
import { WaveColumns } from '../../api/src/modules/results/engine/columns.js';
import { suppress } from '../../api/src/modules/results/suppression.js';

const definition: JsonObject = {
  locale: 'de',
  pages: [
    {
      name: 'p',
      elements: [
        {
          type: 'checkbox',
          name: 'help',
          choices: ['a', 'b'],
          showNoneItem: true,
          showRefuseItem: true,
          showDontKnowItem: true,
        },
        { type: 'multipletext', name: 'contact', items: [{ name: 'people', inputType: 'number' }, { name: 'note' }] },
        { type: 'ranking', name: 'order', choices: ['x', 'y', 'z'] },
        { type: 'slider', name: 'hours', min: 0, max: 10, step: 5 },
        {
          type: 'matrixdropdown',
          name: 'costs',
          rows: ['rent', 'food'],
          columns: [
            { name: 'amount', cellType: 'text', inputType: 'number' },
            { name: 'paid', cellType: 'boolean' },
          ],
        },
        {
          type: 'matrixdynamic',
          name: 'events',
          columns: [{ name: 'kind', cellType: 'dropdown', choices: ['talk', 'walk'] }],
        },
        {
          type: 'paneldynamic',
          name: 'kids',
          templateElements: [{ type: 'radiogroup', name: 'school', choices: ['yes', 'no'] }],
        },
      ],
    },
  ],
};

const answers: Array<Record<string, unknown>> = [
  {
    help: ['none'],
    contact: { people: 3, note: 'hi' },
    order: ['x', 'y', 'z'],
    hours: 5,
    costs: { rent: { amount: 500, paid: true } },
    events: [{ kind: 'talk' }, { kind: 'talk' }],
    kids: [{ school: 'yes' }, { school: 'no' }],
  },
  {
    help: ['a', 'b'],
    contact: { people: 5 },
    order: ['y', 'x', 'z'],
    hours: 10,
    costs: { rent: { amount: 700, paid: false }, food: { paid: true } },
    events: [{ kind: 'walk' }],
    kids: [{ school: 'yes' }],
  },
  { help: ['dontknow'], order: ['x', 'z', 'y'], hours: 0 },
];

describe('figures of every built-in type', () => {
  const [help, contact, order, hours, costs, events, kids] = aggregate(definition, answers, 'de');

  it("counts none, refused and don't know as cells with survey-core's labels in the language", () => {
    expect(help!.n).toBe(3);
    expect(help!.choices).toEqual([
      { value: 'a', label: 'a', count: 1 },
      { value: 'b', label: 'b', count: 1 },
      { value: 'none', label: 'Nichts trifft zu', count: 1 },
      { value: 'refused', label: 'Antwort verweigern', count: 0 },
      { value: 'dontknow', label: 'Weiß ich nicht', count: 1 },
    ]);
    expect(aggregate(definition, answers, 'en')[0]!.choices![2]!.label).toBe('None');
  });

  it('gives n per item of a multiple text and the mean of numbers', () => {
    expect(contact!.items).toEqual([
      { value: 'people', label: 'people', n: 2, mean: 4 },
      { value: 'note', label: 'note', n: 1 },
    ]);
  });

  it('gives the mean rank of each ranked item', () => {
    expect(order!.items!.map((i) => [i.value, i.n, i.mean])).toEqual([
      ['x', 3, 4 / 3],
      ['y', 3, 2],
      ['z', 3, 8 / 3],
    ]);
  });

  it('gives a slider its mean and its steps', () => {
    expect(hours!.mean).toBe(5);
    expect(hours!.choices!.map((c) => [c.value, c.count])).toEqual([
      [0, 1],
      [5, 1],
      [10, 1],
    ]);
  });

  it('gives dropdown matrices figures per cell by the cell type', () => {
    const rentAmount = costs!.cells!.find((c) => c.row === 'rent' && c.column === 'amount')!;
    expect(rentAmount).toMatchObject({ n: 2, mean: 600, type: 'text' });
    const foodPaid = costs!.cells!.find((c) => c.row === 'food' && c.column === 'paid')!;
    expect(foodPaid.choices!.map((c) => c.count)).toEqual([1, 0]);
  });

  it('counts respondents, not rows, in dynamic matrices and panels', () => {
    const kind = events!.cells![0]!;
    expect(kind).toMatchObject({ row: null, column: 'kind', n: 2 });
    expect(kind.choices!.map((c) => c.count)).toEqual([1, 1]);
    expect(events!.panels).toEqual({ n: 2, total: 3, mean: 1.5 });
    expect(kids!.panels).toEqual({ n: 2, total: 3, mean: 1.5 });
    expect(kids!.inner![0]).toMatchObject({
      name: 'school',
      n: 2,
      choices: [
        { value: 'yes', count: 2 },
        { value: 'no', count: 1 },
      ],
    });
  });

  it('the results engine gives the same figures, also after packing into a snapshot', () => {
    const columns = new WaveColumns(definition);
    for (const a of answers) columns.append(a, '2026-12-01');
    expect(columns.figures(undefined, 'de')).toEqual(aggregate(definition, answers, 'de'));
    const { header, buffers } = columns.pack();
    const payload = new Uint8Array(buffers.reduce((s, b) => s + b.length, 0));
    let at = 0;
    for (const b of buffers) {
      payload.set(b, at);
      at += b.length;
    }
    expect(WaveColumns.unpack(definition, header, payload).figures(undefined, 'en')).toEqual(
      aggregate(definition, answers, 'en'),
    );
    const selection = columns.select([{ question: 'help', value: 'a' }]);
    expect(columns.figures(selection, 'de')).toEqual(aggregate(definition, [answers[1]!], 'de'));
  });

  it('suppresses every new figure below the minimum group size', () => {
    const hidden = suppress(aggregate(definition, answers, 'de'), 3, 3);
    const [, c, , , m, e, k] = hidden;
    // Two respondents answered these: below 3, all hidden, no number left.
    expect(c!.items).toEqual([
      { value: 'people', label: 'people', n: null, mean: null },
      { value: 'note', label: 'note', n: null },
    ]);
    expect(
      m!.cells!.every(
        (cell) =>
          cell.n === null && (cell.mean ?? null) === null && (cell.choices ?? []).every((x) => x.count === null),
      ),
    ).toBe(true);
    expect(e).toMatchObject({ n: null, suppressed: true, panels: { n: null, total: null, mean: null } });
    expect(k!.inner![0]!.choices!.every((x) => x.count === null)).toBe(true);
    const whole = suppress(aggregate(definition, answers, 'de'), 3, 4);
    expect(JSON.stringify(whole)).not.toMatch(/"(count|n|mean|total)":\d/);
  });
});
