import fc from 'fast-check';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import {
  compileValidator,
  COMMENT_LIMIT,
  JUDGING_WORK_BUDGET_MICROS,
  TEXT_LIMIT,
} from '../../api/src/modules/responses/answer-validator.js';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { referenceVerdict } from '../fixtures/survey-reference.js';

const survey = (...elements: JsonObject[]): JsonObject => ({ pages: [{ name: 'p1', elements }] });
const questionsWithProblems = (def: JsonObject, data: unknown, complete = true) =>
  [
    ...new Set(
      compileValidator(def)
        .validate(data, complete)
        .map((p) => p.question),
    ),
  ].sort();

describe('the validation matrix: each type refuses each kind of bad value', () => {
  const cases: Array<[string, JsonObject, unknown[], unknown[]]> = [
    ['text', { type: 'text', name: 'q' }, ['hello'], [42, true, ['a'], { a: 1 }, 'x'.repeat(TEXT_LIMIT + 1)]],
    [
      'text number',
      { type: 'text', name: 'q', inputType: 'number', min: 0, max: 120 },
      [0, 37, 120],
      ['37', -1, 121, Number.NaN, true],
    ],
    ['text email', { type: 'text', name: 'q', inputType: 'email' }, ['a@b.org'], ['not-an-email', 5]],
    [
      'text date',
      { type: 'text', name: 'q', inputType: 'date' },
      ['2015-05-19', '2024-02-29'],
      ['19.05.2015', 20150519, '2025-02-31', '2025-02-29', '9999-99-99', '2025-13-01', '0000-01-01'],
    ],
    ['text maxLength', { type: 'text', name: 'q', maxLength: 5 }, ['abcde'], ['abcdef']],
    ['comment', { type: 'comment', name: 'q' }, ['Viele Kontakte'], [1, ['x'], 'x'.repeat(COMMENT_LIMIT + 1)]],
    [
      'radiogroup',
      { type: 'radiogroup', name: 'q', choices: ['civic', 'nonprofit'] },
      ['civic'],
      ['city', 1, ['civic'], true],
    ],
    ['radiogroup numbers', { type: 'radiogroup', name: 'q', choices: [2013, 2014] }, [2013], ['2013', 2012]],
    ['radiogroup other', { type: 'radiogroup', name: 'q', choices: ['a'], showOtherItem: true }, ['a'], ['b']],
    ['dropdown', { type: 'dropdown', name: 'q', choices: ['a', 'b'] }, ['b'], ['c', 7]],
    [
      'checkbox',
      { type: 'checkbox', name: 'q', choices: ['a', 'b', 'c'], showNoneItem: true },
      [['a'], ['a', 'c'], ['none']],
      ['a', ['a', 'a'], ['x'], ['none', 'a'], [1]],
    ],
    [
      'checkbox max',
      { type: 'checkbox', name: 'q', choices: ['a', 'b', 'c'], maxSelectedChoices: 2 },
      [['a', 'b']],
      [['a', 'b', 'c']],
    ],
    ['tagbox', { type: 'tagbox', name: 'q', choices: ['a', 'b'] }, [['b']], [['z'], 'b']],
    ['boolean', { type: 'boolean', name: 'q' }, [true, false], ['true', 1, 'yes']],
    ['rating', { type: 'rating', name: 'q', rateMin: 0, rateMax: 10 }, [0, 7, 10], [11, -1, 3.5, '7']],
    ['rating values', { type: 'rating', name: 'q', rateValues: [1, 3, 5] }, [3], [2]],
    [
      'matrix',
      { type: 'matrix', name: 'q', rows: ['visits', 'blog'], columns: [1, 2, 3] },
      [{ visits: 1 }, { visits: 3, blog: 2 }],
      [{ ghost: 1 }, { visits: 4 }, { visits: '1' }, [1], 'visits'],
    ],
    [
      'ranking',
      { type: 'ranking', name: 'q', choices: ['a', 'b', 'c'] },
      [['c', 'a', 'b']],
      [['a', 'b'], ['a', 'a', 'b'], ['a', 'b', 'x'], 'a'],
    ],
    ['expression', { type: 'expression', name: 'q', expression: '1 + 1' }, [2, 'two', true], [{ a: 1 }, [1]]],
  ];
  for (const [label, question, good, bad] of cases) {
    it(`${label}: accepts good values and names the question for bad ones`, () => {
      for (const v of good)
        expect(questionsWithProblems(survey(question), { q: v }), `${label} good ${JSON.stringify(v)}`).toEqual([]);
      for (const v of bad) {
        expect(questionsWithProblems(survey(question), { q: v }), `${label} bad ${JSON.stringify(v)}`).toEqual(['q']);
        // Types are checked on partial responses too; the rules of a complete one
        // (an e-mail's form, a complete ranking) wait until it is complete (DESIGN §4).
        const completeOnly =
          (label === 'text email' && typeof v === 'string') ||
          (label === 'ranking' && JSON.stringify(v) === '["a","b"]');
        expect(
          questionsWithProblems(survey(question), { q: v }, false),
          `${label} bad partial ${JSON.stringify(v)}`,
        ).toEqual(completeOnly ? [] : ['q']);
      }
    });
  }

  it('refuses unknown question names in complete and partial responses', () => {
    const def = survey({ type: 'text', name: 'q' });
    expect(questionsWithProblems(def, { q: 'a', ghost: 1 })).toEqual(['ghost']);
    expect(questionsWithProblems(def, { ghost: 1 }, false)).toEqual(['ghost']);
    expect(questionsWithProblems(survey({ type: 'html', name: 'intro', html: 'x' }), { intro: 'x' })).toEqual([
      'intro',
    ]);
  });

  it('requires the text of an "other" answer and accepts it in <name>-Comment', () => {
    const def = survey({ type: 'radiogroup', name: 'sector', choices: ['civic'], showOtherItem: true });
    expect(questionsWithProblems(def, { sector: 'other' })).toEqual(['sector']);
    expect(questionsWithProblems(def, { sector: 'other', 'sector-Comment': 'Kirche' })).toEqual([]);
    expect(questionsWithProblems(def, { sector: 'other', 'sector-Comment': 5 })).toEqual(['sector']);
    expect(
      questionsWithProblems(survey({ type: 'radiogroup', name: 'x', choices: ['a'] }), {
        x: 'a',
        'x-Comment': 'no other here',
      }),
    ).toEqual(['x-Comment']);
  });

  it('reads the "other" text of a question inside a panel or matrix row from that panel or row, as survey-core stores it', () => {
    const def = survey(
      {
        type: 'paneldynamic',
        name: 'kids',
        templateElements: [{ type: 'checkbox', name: 'hobbies', choices: ['music'], showOtherItem: true }],
      },
      {
        type: 'matrixdropdown',
        name: 'tools',
        rows: ['mail'],
        columns: [{ name: 'use', cellType: 'radiogroup', choices: ['daily'], showOtherItem: true }],
      },
    );
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ kids: [{ hobbies: ['other'], 'hobbies-Comment': 'Schach' }] }, []],
      [{ kids: [{ hobbies: ['other'] }] }, ['kids']],
      [{ tools: { mail: { use: 'other', 'use-Comment': 'monthly' } } }, []],
      [{ tools: { mail: { use: 'other' } } }, ['tools']],
    ];
    for (const [data, expected] of cases) {
      expect(questionsWithProblems(def, data), JSON.stringify(data)).toEqual(expected);
      expect([...referenceVerdict(def, data).questions].sort(), `survey-core on ${JSON.stringify(data)}`).toEqual(
        expected,
      );
    }
  });
});

describe('conditions, required and hidden questions', () => {
  const def = survey(
    { type: 'boolean', name: 'jointProject', isRequired: true },
    { type: 'comment', name: 'details', visibleIf: '{jointProject} = true', isRequired: true },
    { type: 'text', name: 'funding', requiredIf: "{details} contains 'Förder'" },
    {
      type: 'panel',
      name: 'more',
      visibleIf: '{jointProject} = false',
      elements: [{ type: 'text', name: 'why', isRequired: true }],
    },
  );

  it('requires visible required questions only', () => {
    expect(questionsWithProblems(def, {})).toEqual(['jointProject']);
    expect(questionsWithProblems(def, { jointProject: true })).toEqual(['details']);
    expect(questionsWithProblems(def, { jointProject: true, details: 'Ein Projekt' })).toEqual([]);
    expect(questionsWithProblems(def, { jointProject: false })).toEqual(['why']);
  });

  it('evaluates requiredIf with survey-core', () => {
    expect(questionsWithProblems(def, { jointProject: true, details: 'Mit Förderung' })).toEqual(['funding']);
    expect(questionsWithProblems(def, { jointProject: true, details: 'Mit Förderung', funding: 'Stadt' })).toEqual([]);
  });

  it("refuses answers to questions hidden by their own or their panel's condition", () => {
    expect(questionsWithProblems(def, { jointProject: false, why: 'Zeit', details: 'x' })).toEqual(['details']);
    expect(questionsWithProblems(def, { jointProject: true, details: 'x', why: 'y' })).toEqual(['why']);
  });

  it('checks partial responses for types and names only', () => {
    expect(questionsWithProblems(def, {}, false)).toEqual([]);
    expect(questionsWithProblems(def, { jointProject: false, details: 'draft text' }, false)).toEqual([]);
    expect(questionsWithProblems(def, { jointProject: 'ja' }, false)).toEqual(['jointProject']);
  });

  it('hides matrix rows with rowsVisibleIf', () => {
    const m = survey(
      { type: 'checkbox', name: 'options', choices: ['newsletter', 'blog'] },
      {
        type: 'matrix',
        name: 'feasibility',
        rows: ['newsletter', 'blog'],
        columns: ['voluntary', 'funding'],
        rowsVisibleIf: '{options} contains {item}',
      },
    );
    expect(questionsWithProblems(m, { options: ['newsletter'], feasibility: { newsletter: 'voluntary' } })).toEqual([]);
    expect(questionsWithProblems(m, { options: ['newsletter'], feasibility: { blog: 'funding' } })).toEqual([
      'feasibility',
    ]);
  });

  it('applies SurveyJS validators', () => {
    const v = survey(
      { type: 'text', name: 'short', validators: [{ type: 'text', minLength: 3, maxLength: 5 }] },
      { type: 'text', name: 'plz', validators: [{ type: 'regex', regex: '^7\\d{4}$' }] },
      { type: 'text', name: 'count', validators: [{ type: 'numeric', minValue: 1, maxValue: 9 }] },
      { type: 'text', name: 'mail', validators: [{ type: 'email' }] },
      { type: 'checkbox', name: 'picks', choices: ['a', 'b', 'c'], validators: [{ type: 'answercount', minCount: 2 }] },
    );
    expect(
      questionsWithProblems(v, { short: 'abcd', plz: '70173', count: '4', mail: 'x@y.de', picks: ['a', 'b'] }),
    ).toEqual([]);
    expect(questionsWithProblems(v, { short: 'ab', plz: '10115', count: '12', mail: 'nope', picks: ['a'] })).toEqual([
      'count',
      'mail',
      'picks',
      'plz',
      'short',
    ]);
  });

  it('answers in both languages', () => {
    const [problem] = compileValidator(def).validate({}, true);
    expect(problem!.message.en).toBe('Please answer this question.');
    expect(problem!.message.de).toBe('Bitte beantworte diese Frage.');
  });
});

describe('agrees with survey-core on the rules survey-core checks', () => {
  // A definition exercising required, visibleIf, requiredIf and validators.
  const def: JsonObject = survey(
    { type: 'radiogroup', name: 'sector', choices: ['civic', 'nonprofit', 'municipal'], isRequired: true },
    {
      type: 'checkbox',
      name: 'districts',
      choices: ['mitte', 'sued', 'west'],
      isRequired: true,
      validators: [{ type: 'answercount', maxCount: 2 }],
    },
    { type: 'boolean', name: 'joint' },
    { type: 'comment', name: 'jointDetails', visibleIf: '{joint} = true', isRequired: true },
    {
      type: 'text',
      name: 'years',
      inputType: 'number',
      requiredIf: "{sector} = 'nonprofit'",
      validators: [{ type: 'numeric', minValue: 0, maxValue: 50 }],
    },
    { type: 'rating', name: 'recommend', rateMin: 0, rateMax: 10, isRequired: true },
    { type: 'text', name: 'contact', validators: [{ type: 'text', minLength: 3 }] },
  );
  const validator = compileValidator(def);
  const model = new Model(def);

  // Answers of the right types (so that only survey-core's own rules decide), each maybe missing.
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const answersArb = fc.record({
    sector: maybe(fc.constantFrom('civic', 'nonprofit', 'municipal')),
    districts: maybe(fc.subarray(['mitte', 'sued', 'west'], { minLength: 1 })),
    joint: maybe(fc.boolean()),
    jointDetails: maybe(fc.constantFrom('Repair-Café', 'x')),
    years: maybe(fc.integer({ min: -5, max: 60 })),
    recommend: maybe(fc.integer({ min: 0, max: 10 })),
    contact: maybe(fc.constantFrom('ab', 'abc', 'Stadtteil')),
  });

  it('gives the same verdict per question as model.validate', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const data = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
        // survey-core never sees answers to hidden questions: we refuse those separately.
        if (data.joint !== true) delete data.jointDetails;
        model.clear(true, true);
        model.data = data;
        model.validate(true, false);
        const theirs = model
          .getAllQuestions(true)
          .filter((q) => q.errors.length > 0)
          .map((q) => q.name)
          .sort();
        const ours = [...new Set(validator.validate(data, true).map((p) => p.question))].sort();
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * survey-core as a respondent meets it: on each page the answers given for
 * it, then Next (or Complete on the last), until it completes or stops on a
 * page it finds incomplete. Complete and skip triggers act on the way.
 */
function answeredInTheBrowser(def: JsonObject, data: Record<string, unknown>): boolean {
  const model = new Model(def);
  for (let step = 0; step < 50 && model.state === 'running'; step++) {
    // A skip trigger jumps as soon as its answer is given: then the answers of the page it jumped to.
    for (let page = model.currentPage, jumps = 0; jumps < 50; jumps++, page = model.currentPage) {
      for (const q of page.questions) if (data[q.getValueName()] !== undefined) q.value = data[q.getValueName()];
      if (model.currentPage === page) break;
    }
    const moved = model.isLastPage ? model.completeLastPage() : model.nextPage();
    if (!moved && model.state === 'running') return false;
  }
  return model.state === 'completed';
}

describe('complete and skip triggers', () => {
  const pages = (...names: string[]) =>
    names.map((n) => ({ name: `page-${n}`, elements: [{ type: 'text', name: n, isRequired: true }] }));
  const cases: Array<[string, JsonObject, Array<Record<string, unknown>>]> = [
    [
      'complete',
      {
        pages: [
          { name: 'p1', elements: [{ type: 'radiogroup', name: 'go', choices: ['on', 'stop'], isRequired: true }] },
          ...pages('a', 'b'),
        ],
        triggers: [{ type: 'complete', expression: "{go} = 'stop'" }],
      },
      [{ go: 'stop' }, { go: 'on' }, { go: 'on', a: 'x', b: 'y' }, { go: 'stop', a: 'x' }],
    ],
    [
      'complete in the legacy form (name, operator, value)',
      {
        pages: [
          { name: 'p1', elements: [{ type: 'radiogroup', name: 'exit', choices: ['Yes', 'No'] }] },
          ...pages('a'),
        ],
        triggers: [{ type: 'complete', name: 'exit', operator: 'equal', value: 'Yes' }],
      },
      [{ exit: 'Yes' }, { exit: 'No' }, {}],
    ],
    [
      'skip',
      {
        pages: [
          { name: 'p1', elements: [{ type: 'radiogroup', name: 'go', choices: ['on', 'jump'], isRequired: true }] },
          ...pages('a', 'b', 'c'),
        ],
        triggers: [{ type: 'skip', expression: "{go} = 'jump'", gotoName: 'c' }],
      },
      [{ go: 'jump', c: 'z' }, { go: 'jump' }, { go: 'on', c: 'z' }, { go: 'on', a: 'x', b: 'y', c: 'z' }],
    ],
  ];
  for (const [label, def, answerSets] of cases) {
    it(`${label}: Bilanz takes exactly what a respondent can send from survey-core`, () => {
      for (const data of answerSets) {
        const accepted = compileValidator(def).validate(data, true).length === 0;
        expect(accepted, JSON.stringify(data)).toBe(answeredInTheBrowser(def, data));
      }
    });
  }
});

describe('read-only values that follow an expression', () => {
  const def = survey(
    { type: 'text', name: 'a', inputType: 'number' },
    { type: 'text', name: 'double', inputType: 'number', readOnly: true, setValueExpression: '{a} * 2' },
    { type: 'text', name: 'next', inputType: 'number', readOnly: true, defaultValueExpression: '{a} + 1' },
    { type: 'text', name: 'label', readOnly: true, setValueExpression: "iif({a} > 5, 'big', 'small')" },
    {
      type: 'text',
      name: 'guarded',
      inputType: 'number',
      readOnly: true,
      setValueIf: '{a} > 100',
      setValueExpression: '{a}',
    },
    { type: 'text', name: 'editable', inputType: 'number', setValueExpression: '{a} * 3' },
  );

  it("are the server's, as survey-core computes them in the browser; editable or guarded ones stay as sent", () => {
    const browser = new Model(def);
    browser.setValue('a', 7);
    const computed = browser.data as Record<string, unknown>;
    expect(computed).toMatchObject({ double: 14, next: 8, label: 'big' });
    const { problems, data } = compileValidator(def).judge(
      { a: 7, double: 1, next: 2, label: 'forged', guarded: 3, editable: 4 },
      true,
    );
    expect(problems).toEqual([]);
    expect(data).toEqual({
      a: 7,
      double: computed.double,
      next: computed.next,
      label: computed.label,
      guarded: 3,
      editable: 4,
    });
  });
});

describe('the CPU budget of one response', () => {
  const stories = {
    pages: [
      {
        name: 'p',
        elements: [
          {
            type: 'paneldynamic',
            name: 'entries',
            templateElements: [
              {
                type: 'comment',
                name: 'story',
                validators: Array.from({ length: 8 }, () => ({ type: 'regex', regex: '^([a-z]+ ?)*$' })),
              },
            ],
          },
        ],
      },
    ],
  };

  it(`stops judging past ${JUDGING_WORK_BUDGET_MICROS / 1_000} ms of estimated work and refuses the response instead of holding the server`, () => {
    // 100 panels (survey-core's most) of 10,000 characters under 8 patterns: far more matching than the budget allows.
    const heavy = { entries: Array.from({ length: 100 }, () => ({ story: `${'abcd '.repeat(1_999)}!` })) };
    const { problems, data } = compileValidator(stories).judge(heavy, true);
    expect(problems).toEqual([
      {
        question: '',
        message: { en: expect.stringMatching(/take too long to check/), de: expect.stringMatching(/zu lange/) },
      },
    ]);
    expect(data).toEqual({});
  });

  it('counts work, not time: a response just under the budget is judged in full however busy the machine, one just over is refused', () => {
    // Each story costs its length / 12 µs per pattern: 8 patterns × 4,000 characters ≈ 2.7 ms; 10 stories fit, 12 do not.
    const story = `${'abcd '.repeat(799)}!`;
    const judge = (n: number) =>
      compileValidator(stories).judge({ entries: Array.from({ length: n }, () => ({ story })) }, true).problems;
    expect(judge(10)).toHaveLength(80);
    expect(judge(12)).toEqual([
      { question: '', message: expect.objectContaining({ en: expect.stringMatching(/take too long/) }) },
    ]);
  });

  it('judges real responses in full: the budget is far above what they need', () => {
    const light = { entries: Array.from({ length: 20 }, () => ({ story: 'viele gute kontakte' })) };
    expect(compileValidator(stories).validate(light, true)).toEqual([]);
    expect(compileValidator(stories).validate({ entries: [{ story: 'Viele!' }] }, true)).toHaveLength(8);
  });
});
