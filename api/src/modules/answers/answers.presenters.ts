import type { Code } from './answers.schemas.js';

/** A code of a questionnaire's codebook. */
export const codeView = (c: { id: string; label: string }): Code => ({ id: c.id, label: c.label });
