/**
 * Differential tests: Bilanz against survey-core on real SurveyJS
 * questionnaires (../shared/conformance/surveyjs, read in place).
 *
 * For every questionnaire of the corpus:
 * - checkDefinition accepts it, unless it uses a question type survey-core
 *   does not register (then it refuses it and names the type);
 * - on answer sets generated as a respondent would produce them on
 *   survey-core, Bilanz's validator finds no problem exactly when survey-core
 *   judges the set valid, and names at least the questions survey-core names;
 * - mutations of such sets (a value outside the choices, a wrong JSON type,
 *   a required answer removed, an answer to a hidden question, a value that
 *   breaks a validator) are refused, naming the mutated question;
 * - every subset of a valid set passes as a partial response.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../api/src/modules/questionnaires/definition-rules.js';
import { compileValidator, type AnswerProblem } from '../../api/src/modules/responses/answer-validator.js';
import { seededRandom } from '../fixtures/answer-generator.js';
import {
  answerSets,
  baseAnswerSets,
  brokenValidatorMutations,
  freshVerdict,
  hiddenAnswerMutations,
  outOfChoiceMutations,
  questionNamesByKey,
  readCorpus,
  referenceModel,
  referenceVerdict,
  requiredRemovedMutations,
  unregisteredTypes,
  wrongTypeMutations,
  type AnswerSet,
  type BaseSet,
  type JsonObject,
  type Mutation,
  type Verdict,
} from '../fixtures/survey-reference.js';

/**
 * One seed for the whole file: a failure is replayed by running the file
 * again. BILANZ_CONFORMANCE_SEED tries other answer sets, and
 * BILANZ_CONFORMANCE_RUNS=n generates n times as many (for a deeper run by
 * hand; the default keeps the file under 20 s).
 */
const SEED = Number(process.env.BILANZ_CONFORMANCE_SEED ?? 20_151_119);
const RUNS = Math.max(1, Number(process.env.BILANZ_CONFORMANCE_RUNS ?? 1));

const corpus = readCorpus();

/**
 * How much to try per questionnaire, by its number of questions (nested ones
 * included): an answer set on melinda's 48 pages or the CMS-1500 claim costs
 * 0.3–0.7 s to build, one on a small questionnaire 20–60 ms; the whole file
 * stays under 20 s.
 */
const effortFor = (definition: JsonObject) => {
  const questions = referenceModel(definition).getAllQuestions(false, false, true).length;
  if (questions >= 80) return { heavy: true, runs: 1 * RUNS, bases: 1, extraSeeds: 1, mutations: 2 * RUNS };
  if (questions >= 30) return { heavy: false, runs: 2 * RUNS, bases: 2, extraSeeds: 2, mutations: 3 * RUNS };
  return { heavy: false, runs: 3 * RUNS, bases: 2, extraSeeds: 3, mutations: 4 * RUNS };
};

const show = (v: unknown, max = 600) => {
  const s = JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
};
const showProblems = (problems: AnswerProblem[]) =>
  problems.map((p) => `${p.question}: ${p.message.en}`).join(' | ') || 'none';
const showVerdict = (v: Verdict) =>
  v.valid
    ? 'valid'
    : Object.entries(v.errors)
        .map(([q, e]) => `${q}: ${e.join('; ')}`)
        .join(' | ');

describe('the conformance corpus', () => {
  it('is there, with every questionnaire SOURCES.md lists', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(28);
  });
});

for (const { file, definition: raw } of corpus) {
  describe(file, () => {
    const unknownTypes = unregisteredTypes(raw);

    if (unknownTypes.length > 0) {
      it(`checkDefinition refuses it and names the type survey-core does not know (${unknownTypes.join(', ')})`, () => {
        const result = checkDefinition(raw);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        for (const type of unknownTypes) {
          expect(
            result.problems.some((p) => p.message.en.includes(type) && p.message.de.includes(type)),
            `a problem naming "${type}" in: ${result.problems.map((p) => p.message.en).join(' | ')}`,
          ).toBe(true);
        }
      });
      return;
    }

    // The definition as Bilanz stores it (checkDefinition may name unnamed
    // elements and sanitises HTML). When it is refused (that failure is
    // reported by the first test), the answers are still compared with
    // survey-core: on the definition stored after confirming the removal of
    // properties that load other addresses, else on the raw one.
    let checked: ReturnType<typeof checkDefinition> | { ok: 'threw'; error: unknown };
    let stored: JsonObject = raw;
    try {
      checked = checkDefinition(raw);
      const retry = checked.ok ? checked : checkDefinition(raw, { dropRemoteProperties: true });
      if (retry.ok) stored = retry.definition;
    } catch (error) {
      checked = { ok: 'threw', error };
    }
    const definition = stored;
    let validatorCache: ReturnType<typeof compileValidator> | undefined;
    const validator = () => (validatorCache ??= compileValidator(definition));
    const namesByKey = questionNamesByKey(definition);
    /** The questions Bilanz names, by question name (Bilanz may use the data key, i.e. valueName). */
    const named = (problems: AnswerProblem[]) => new Set(problems.map((p) => namesByKey.get(p.question) ?? p.question));
    const effort = effortFor(definition);
    /** The generated sets with survey-core's verdicts, kept for the mutation tests. */
    const pool: BaseSet[] = [];
    let basesCache: BaseSet[] | undefined;
    const bases = () => (basesCache ??= baseAnswerSets(definition, effort.bases, SEED % 1000, effort.extraSeeds, pool));

    it('checkDefinition accepts it (survey-core knows every type in it), properties that load other addresses only once their removal is confirmed', () => {
      if (checked.ok === 'threw') throw checked.error;
      if (!checked.ok) {
        // Issue 13: images and remote addresses stay out until a later version gives them a home;
        // only those properties are refused, and saving with their removal confirmed keeps the rest.
        const others = checked.problems.filter((p) => p.code !== 'remote_property');
        expect(
          others,
          `problems: ${others.map((p) => `${p.question ?? '-'} @ ${p.path}: ${p.message.en}`).join(' | ')}`,
        ).toEqual([]);
        const confirmed = checkDefinition(raw, { dropRemoteProperties: true });
        expect(confirmed.ok).toBe(true);
        if (confirmed.ok) expect(confirmed.removed.length).toBe(checked.problems.length);
      }
    });

    it('generated answer sets: Bilanz finds no problem exactly when survey-core finds none, and names at least its questions', () => {
      referenceModel(definition);
      fc.assert(
        fc.property(answerSets(definition, { strictOnly: effort.heavy }), ({ seed, strict, data }) => {
          const verdict = referenceVerdict(definition, data);
          pool.push({ seed, strict, data, verdict });
          const problems = validator().validate(data, true);
          const context = `seed ${seed}${strict ? ' (strict)' : ''}\nanswers: ${show(data)}\nsurvey-core: ${showVerdict(verdict)}\nBilanz: ${showProblems(problems)}`;
          if (verdict.valid) {
            expect(problems, `Bilanz refuses a set survey-core accepts\n${context}`).toEqual([]);
          } else {
            expect(problems.length, `Bilanz accepts a set survey-core refuses\n${context}`).toBeGreaterThan(0);
            const ours = named(problems);
            expect(
              [...verdict.questions].filter((q) => !ours.has(q)),
              `questions survey-core refuses that Bilanz does not name\n${context}`,
            ).toEqual([]);
          }
        }),
        { numRuns: effort.runs, seed: SEED, endOnFailure: true },
      );
    });

    it('the reference is sound: the reused survey-core Model judges like a new one', ({ skip }) => {
      // The verdicts come from one Model per questionnaire, reused (see loadAnswers); a new Model is the truth.
      if (effort.heavy) skip('too slow here (a new Model costs 0.3 s); checked when the fixture was written');
      // After other answer sets (survey-core's questions react to the change from
      // the last set): an answer set without its first required answer, and the
      // empty set (where row and panel counts fall back to the definition's).
      const sets = [...bases(), ...pool].slice(0, 1);
      expect(sets.length).toBeGreaterThan(0);
      const sequence = sets.map(({ data }) => requiredRemovedMutations(definition, data)[0]?.data ?? data);
      for (const d of [...sequence, {}]) {
        const reused = referenceVerdict(definition, d);
        const fresh = freshVerdict(definition, d);
        expect({ valid: reused.valid, questions: [...reused.questions].sort() }, show(d)).toEqual({
          valid: fresh.valid,
          questions: [...fresh.questions].sort(),
        });
      }
    });

    /** Runs mutations of the base sets; every one must be refused by Bilanz naming the mutated question. */
    const checkMutations = (
      skip: (note: string) => never,
      make: (base: BaseSet) => Mutation[],
      alsoSurveyCore: boolean,
    ) => {
      const all: Array<{ base: BaseSet; m: Mutation }> = [];
      for (const base of bases()) for (const m of make(base)) all.push({ base, m });
      if (all.length === 0) skip('no question of this questionnaire fits this mutation in the generated answer sets');
      // A deterministic spread over questions and base sets.
      const random = seededRandom(SEED);
      const picked = all
        .map((x) => ({ x, k: random() }))
        .sort((a, b) => a.k - b.k)
        .slice(0, effort.mutations)
        .map(({ x }) => x);
      const failures: string[] = [];
      for (const { base, m } of picked) {
        const baseProblems = validator().validate(base.data, true);
        if (base.verdict.valid && baseProblems.length > 0) {
          failures.push(
            `${m.note}: Bilanz already refuses the unmutated set (seed ${base.seed}) survey-core accepts: ${showProblems(baseProblems)}`,
          );
          continue;
        }
        if (alsoSurveyCore) {
          const verdict = referenceVerdict(definition, m.data);
          if (!verdict.questions.has(m.question)) {
            const fresh = freshVerdict(definition, m.data);
            expect.fail(
              `survey-core must refuse ${m.note} (seed ${base.seed}): ${showVerdict(verdict)} (a new Model: ${showVerdict(fresh)})\nanswers: ${show(m.data)}\nunmutated: ${show(base.data)}`,
            );
          }
        }
        const problems = validator().validate(m.data, true);
        if (!named(problems).has(m.question)) {
          failures.push(
            `${m.note} (seed ${base.seed}): Bilanz ${problems.length === 0 ? 'accepts it' : `names only ${showProblems(problems)}`}`,
          );
        }
      }
      expect(
        failures,
        `${failures.length} of ${picked.length} mutations not refused as they should be:\n${failures.join('\n')}`,
      ).toEqual([]);
    };

    it('refuses a value outside the choices of a choice question', ({ skip }) => {
      checkMutations(skip, (b) => outOfChoiceMutations(definition, b.data), false);
    });

    it('refuses a value of the wrong JSON type', ({ skip }) => {
      checkMutations(skip, (b) => wrongTypeMutations(definition, b.data), false);
    });

    it('refuses a set without the answer to a shown required question (as survey-core does)', ({ skip }) => {
      checkMutations(skip, (b) => requiredRemovedMutations(definition, b.data), true);
    });

    it('refuses an answer to a question hidden for the other answers', ({ skip }) => {
      if (referenceModel(definition).clearInvisibleValues === 'none')
        skip('the survey keeps values of hidden questions (clearInvisibleValues "none")');
      checkMutations(
        skip,
        (b) =>
          hiddenAnswerMutations(definition, b.data, seededRandom(b.seed), Math.ceil(effort.mutations / bases().length)),
        false,
      );
    });

    it('refuses a value that breaks a validator survey-core checks (as survey-core does)', ({ skip }) => {
      checkMutations(
        skip,
        (b) =>
          brokenValidatorMutations(
            definition,
            b.data,
            b.verdict,
            seededRandom(b.seed),
            Math.ceil(effort.mutations / bases().length),
          ),
        true,
      );
    });

    it('accepts every subset of a valid answer set as a partial response', ({ skip }) => {
      // From sets survey-core cannot accept as a whole, only the answers it has nothing against.
      const sources: AnswerSet[] = bases().map((b) => {
        if (b.verdict.valid) return b.data;
        const refused = [...b.verdict.questions].flatMap((q) =>
          [...namesByKey].filter(([, n]) => n === q).map(([k]) => k),
        );
        return Object.fromEntries(
          Object.entries(b.data).filter(([k]) => !refused.includes(k) && !refused.includes(k.replace(/-Comment$/, ''))),
        );
      });
      if (sources.every((s) => Object.keys(s).length === 0)) skip('no answers to take subsets of');
      for (const source of [...sources, {}]) {
        const problems = validator().validate(source, false);
        expect(problems, `partial ${show(source)}\nBilanz: ${showProblems(problems)}`).toEqual([]);
      }
      fc.assert(
        fc.property(fc.nat({ max: sources.length - 1 }), fc.infiniteStream(fc.boolean()), (i, keep) => {
          const source = sources[i]!;
          const keys = Object.keys(source);
          const flags = [...keep.take(keys.length)];
          const subset = Object.fromEntries(keys.filter((_, j) => flags[j]).map((k) => [k, source[k]]));
          const problems = validator().validate(subset, false);
          expect(problems, `partial ${show(subset)}\nBilanz: ${showProblems(problems)}`).toEqual([]);
        }),
        { numRuns: 25, seed: SEED, endOnFailure: true },
      );
    });
  });
}
