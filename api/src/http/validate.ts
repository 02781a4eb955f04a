import type { Request } from 'express';
import { z } from 'zod';
import { BadRequestError, text } from './errors.js';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * An id in a request: a UUID, in lower case as PostgreSQL writes it back
 * (an id sent in upper case is the same id, and is compared with stored ones
 * as text in places), and never the nil UUID, which is no one's id.
 */
export const Uuid = z
  .uuid()
  .toLowerCase()
  .refine((id) => id !== NIL_UUID, 'The nil UUID is not an id');

function toBadRequest(error: z.ZodError): BadRequestError {
  const unknown = error.issues.filter((i) => i.code === 'unrecognized_keys');
  if (unknown.length > 0) {
    const fields = unknown.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [],
    );
    return new BadRequestError(
      'unknown_field',
      text(`Unknown field(s): ${fields.join(', ')}.`, `Unbekannte(s) Feld(er): ${fields.join(', ')}.`),
      { fields },
    );
  }
  const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const where = details.map((d) => d.path || '(body)').join(', ');
  return new BadRequestError(
    'invalid_request',
    text(`The request is not valid: ${where}.`, `Die Anfrage ist ungültig: ${where}.`),
    details,
  );
}

/**
 * Parses a request part with a zod schema. Body schemas are strict objects,
 * so unknown fields are refused (400) instead of being silently dropped.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw toBadRequest(result.error);
  return result.data;
}

/** The request body, parsed; a write without a body counts as `{}`. */
export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> => parse(schema, req.body ?? {});
