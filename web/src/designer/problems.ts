import type { DefinitionProblem } from '../api/types.js';

export interface ProblemGroup {
  /** The question the problems belong to; null for the questionnaire as a whole. */
  question: string | null;
  problems: DefinitionProblem[];
}

/** The server's 422 details grouped by question, questionnaire-wide ones first, else in the order given. */
export function groupProblems(details: unknown): ProblemGroup[] {
  const groups = new Map<string | null, DefinitionProblem[]>();
  for (const problem of asProblems(details)) {
    const group = groups.get(problem.question) ?? [];
    group.push(problem);
    groups.set(problem.question, group);
  }
  const general = groups.get(null);
  groups.delete(null);
  const out = [...groups].map(([question, problems]) => ({ question, problems }));
  return general ? [{ question: null, problems: general }, ...out] : out;
}

/** The problems in an error's details, skipping anything of another shape. */
export function asProblems(details: unknown): DefinitionProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { question, path, message, code } = d as Record<string, unknown>;
    if (typeof message !== 'string') return [];
    return [
      {
        question: typeof question === 'string' ? question : null,
        path: typeof path === 'string' ? path : '',
        message,
        ...(typeof code === 'string' && { code }),
      },
    ];
  });
}
