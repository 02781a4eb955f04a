/**
 * Plain-JSON view of a SurveyJS definition. The designer edits definitions as
 * data and never builds a survey-core Model for it, so that everything it does
 * not know stays exactly as it was.
 */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `object` with `key` set, or removed when `value` is undefined. Key order is kept. */
export function withProp(object: JsonObject, key: string, value: Json | undefined): JsonObject {
  if (value === undefined) {
    if (!(key in object)) return object;
    const { [key]: _removed, ...rest } = object;
    return rest;
  }
  return { ...object, [key]: value };
}

/** The definition as the JSON view shows and the export writes it. */
export const prettyJson = (value: Json): string => JSON.stringify(value, null, 2);
