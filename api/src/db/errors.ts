/** PostgreSQL's code for a unique-constraint violation (house rule 7: match by code, never by message). */
const UNIQUE_VIOLATION = '23505';

/** Whether a database error is a unique-constraint violation (the caller answers 409). */
export const isUniqueViolation = (err: unknown): boolean =>
  (err as { code?: string } | null)?.code === UNIQUE_VIOLATION;
