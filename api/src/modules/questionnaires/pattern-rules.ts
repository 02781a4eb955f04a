import type { LocalisedText } from '../../http/errors.js';
import { patternSafety, type PatternVerdict } from '../../lib/patterns.js';
import { isObject, type Json } from './definition-walk.js';
import type { DefinitionProblem } from './definition-rules.js';

type PatternUse = { question: string | null; path: string; regex: string; caseInsensitive: boolean };

/** Every regex validator in a definition (questions, matrix columns, panel templates, text items), with where it sits. */
function patternUses(node: Json, path: string, question: string | null, out: PatternUse[]): PatternUse[] {
  if (Array.isArray(node)) {
    node.forEach((child, i) => patternUses(child, `${path}[${i}]`, question, out));
  } else if (isObject(node)) {
    const owner = typeof node.name === 'string' ? node.name : question;
    if (
      (node.type === 'regex' || node.type === 'regexvalidator') &&
      typeof node.regex === 'string' &&
      node.regex !== ''
    ) {
      out.push({
        question,
        path,
        regex: node.regex,
        caseInsensitive: node.caseInsensitive === true || node.insensitive === true,
      });
    }
    for (const [k, child] of Object.entries(node)) {
      if (typeof child === 'object' && child !== null) patternUses(child, path ? `${path}.${k}` : k, owner, out);
    }
  }
  return out;
}

/** Verdicts by pattern: saving a draft checks its patterns, so publishing it later finds them here. */
const verdicts = new Map<string, Promise<PatternVerdict>>();

function verdictOf(regex: string, caseInsensitive: boolean): Promise<PatternVerdict> {
  const key = `${caseInsensitive ? 'i' : '-'}${regex}`;
  let verdict = verdicts.get(key);
  if (!verdict) {
    verdict = patternSafety(regex, caseInsensitive);
    verdict.catch(() => verdicts.delete(key));
    if (verdicts.size >= 1_000) verdicts.delete(verdicts.keys().next().value!);
    verdicts.set(key, verdict);
  }
  return verdict;
}

const MESSAGES: Record<'invalid' | 'unsafe', (regex: string) => LocalisedText> = {
  invalid: (regex) => ({
    en: `The pattern ${regex} is not a valid regular expression.`,
    de: `Das Muster ${regex} ist kein gültiger regulärer Ausdruck.`,
  }),
  unsafe: (regex) => ({
    en: `The pattern ${regex} could take the server minutes on some answers (nested repetition such as (a+)+ combined with a lookaround or backreference). Write it without the nested repetition, e.g. (a+)+ as a+, or without the lookaround.`,
    de: `Das Muster ${regex} könnte den Server bei manchen Antworten minutenlang beschäftigen (verschachtelte Wiederholung wie (a+)+ zusammen mit einem Lookaround oder Rückverweis). Schreibe es ohne die verschachtelte Wiederholung, z. B. (a+)+ als a+, oder ohne den Lookaround.`,
  }),
};

/**
 * The regex validators that may not be published: invalid ones, and those
 * only JavaScript's backtracking engine can run (lookarounds,
 * backreferences) when the ReDoS checker does not find them safe. Patterns
 * RE2 runs are linear in the answer whatever they look like (lib/patterns.ts).
 */
export async function patternProblems(definition: Json): Promise<DefinitionProblem[]> {
  const uses = patternUses(definition, '', null, []);
  const found = await Promise.all(uses.map((u) => verdictOf(u.regex, u.caseInsensitive)));
  return uses.flatMap((u, i): DefinitionProblem[] => {
    const verdict = found[i]!;
    return verdict === 'invalid' || verdict === 'unsafe'
      ? [
          {
            question: u.question,
            path: `${u.path}.regex`,
            message: MESSAGES[verdict](u.regex),
            code: `${verdict}_pattern`,
          },
        ]
      : [];
  });
}
