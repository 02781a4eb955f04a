import fc from 'fast-check';
import { EmailValidator, RegexValidator } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { linearPattern, patternSafety, toRe2Syntax } from '../../api/src/lib/patterns.js';
import { compileValidator } from '../../api/src/modules/responses/answer-validator.js';

/** Patterns as organisers write them: postcodes, phone numbers, names, codes, and JavaScript's corners. */
const PATTERNS = [
  '^[0-9]{5}$',
  '^\\d{4}$',
  '^[A-La-l]{1,4}$',
  '^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$',
  '^\\+?[0-9 ()/-]{6,20}$',
  '^[A-ZÄÖÜ][a-zäöüß]+(-[A-ZÄÖÜ][a-zäöüß]+)?$',
  '^\\S+@\\S+\\.\\S+$',
  '^\\s*$',
  '\\bStuttgart\\b',
  '^.{3,10}$',
  '^[^\\s]+$',
  '^[\\w.-]+$',
  '^DE\\d{2}\\s?(\\d{4}\\s?){4}\\d{2}$',
  '^(ja|nein|vielleicht)$',
  '^\\u00c4.$',
  '^[\\u0041-\\u005a]+$',
  '^\\x41\\-[\\]\\\\]$',
  '^a{2,}b?$',
  '^(?:ab)+$',
  '^(?<code>[a-z]{2})-\\d$',
  'a$',
  '^\\p\\e$',
  '^[.]$',
  '^\\/$',
  '^[\\b]$',
  '^\\t\\v\\f$',
  '^😀$',
  '^..$',
  '^[^a]$',
  '^\\W\\D$',
  '^x}{$',
  '^a{,2}$',
];

/** Characters that tell the two engines apart if they differ: spaces of every kind, line ends, umlauts, an emoji, punctuation. */
const ALPHABET = [
  'a',
  'b',
  'A',
  'Z',
  'z',
  'ä',
  'Ä',
  'ß',
  'ſ',
  '0',
  '5',
  '9',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\v',
  '\f',
  '\b',
  '.',
  '-',
  '+',
  '@',
  '/',
  '\\',
  ']',
  '(',
  '😀',
  '\ud83d',
  '{',
  '1',
  'S',
  't',
  'u',
  'g',
  'r',
  'e',
  'p',
  'D',
  'E',
  'j',
  'n',
  'i',
  '_',
];
const answers = fc.oneof(
  fc.array(fc.constantFrom(...ALPHABET), { maxLength: 25 }).map((a) => a.join('')),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '12345',
    '70173',
    'Stuttgart',
    'ABcd',
    'x@y.de',
    'DE89 3704 0044 0532 0130 00',
    'ja',
    'Ä1',
    'ab-1',
    'aa',
    '😀',
  ),
);

describe('patterns on RE2 agree with JavaScript', () => {
  for (const source of PATTERNS) {
    for (const caseInsensitive of [false, true]) {
      it(`${source}${caseInsensitive ? ' (i)' : ''}`, () => {
        const linear = linearPattern(source, caseInsensitive);
        expect(linear, 'runs on RE2').toBeDefined();
        const js = new RegExp(source, caseInsensitive ? 'i' : '');
        fc.assert(
          fc.property(answers, (answer) => {
            // ſ folds to s in RE2 but not in JavaScript without the u flag (documented in lib/patterns.ts).
            fc.pre(!(caseInsensitive && answer.includes('ſ')));
            expect(linear!.test(answer), JSON.stringify(answer)).toBe(js.test(answer));
          }),
          { numRuns: 300 },
        );
      });
    }
  }

  it('leaves what RE2 cannot run to JavaScript: lookarounds, backreferences, huge repeats, [^] and \\S in a class', () => {
    for (const source of [
      '(?=\\d{9})',
      '(?!a)b',
      '(?<=a)b',
      '(a)\\1',
      '(?<x>a)\\k<x>',
      'a{2000}',
      '[^]',
      '[\\S]',
      '\\012',
    ]) {
      expect(linearPattern(source, false), source).toBeUndefined();
    }
    expect(toRe2Syntax('[abc')).toBeUndefined();
  });

  it('matches a catastrophic pattern against a crafted answer (survey-core would backtrack for seconds)', () => {
    const linear = linearPattern('^(a+)+$', false)!;
    expect(linear.test(`${'a'.repeat(5_000)}!`)).toBe(false);
    expect(linear.test('a'.repeat(5_000))).toBe(true);
  });

  it('tests non-text values as RegExp does, through their text', () => {
    const linear = linearPattern('^1,2$', false)!;
    expect(linear.test([1, 2])).toBe(/^1,2$/.test(String([1, 2])));
    expect(linearPattern('^5$', false)!.test(5)).toBe(true);
  });

  it("gives the same verdict as survey-core's own regex and e-mail validators", () => {
    const emails = fc.oneof(
      answers,
      fc.emailAddress(),
      fc.constantFrom('a b@c.de', 'a@b.c', '"x y"@z.org', 'a@b\u00a0c.de', 'ä@ö.de'),
    );
    const email = compileValidator({
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'q', inputType: 'email' }] }],
    });
    const reference = new EmailValidator();
    fc.assert(
      fc.property(emails, (answer) => {
        fc.pre(answer !== '');
        const ours = email.validate({ q: answer }, true).length === 0;
        expect(ours, JSON.stringify(answer)).toBe(!reference.validate(answer, 'q')?.error);
      }),
      { numRuns: 1_000 },
    );
    for (const source of PATTERNS.slice(0, 8)) {
      const ours = compileValidator({
        pages: [{ name: 'p', elements: [{ type: 'text', name: 'q', validators: [{ type: 'regex', regex: source }] }] }],
      });
      const theirs = new RegexValidator(source);
      fc.assert(
        fc.property(answers, (answer) => {
          fc.pre(answer !== '' && answer.length <= 1_000);
          expect(ours.validate({ q: answer }, true).length === 0, `${source} ${JSON.stringify(answer)}`).toBe(
            !theirs.validate(answer, 'q')?.error,
          );
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('publishing checks the patterns RE2 cannot run', () => {
  it('finds patterns safe, checked, unsafe or invalid', async () => {
    expect(await patternSafety('^[0-9]{5}$', false)).toBe('linear');
    expect(await patternSafety('^(a+)+$', false)).toBe('linear');
    expect(await patternSafety('(?=\\d{9})', false)).toBe('checked');
    expect(await patternSafety('^(?=(a+)+$)', false)).toBe('unsafe');
    expect(await patternSafety('^(\\w+)\\1+$', false)).toBe('unsafe');
    expect(await patternSafety('(', false)).toBe('invalid');
  }, 60_000);
});
