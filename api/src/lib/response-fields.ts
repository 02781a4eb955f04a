import { z } from 'zod';

/**
 * Field types shared by the response schemas (`<m>.schemas.ts`). They say
 * what the JSON holds: a timestamp is the ISO 8601 text that JSON.stringify
 * makes of a Date (UTC, with milliseconds), a day is YYYY-MM-DD.
 */
export const Timestamp = z.iso.datetime({ offset: false }).describe('ISO 8601 date and time in UTC');
export const NullableTimestamp = Timestamp.nullable();
export const CalendarDay = z.iso.date().describe('A calendar day, YYYY-MM-DD');

/** A SurveyJS definition or other client-owned JSON object, passed through as stored. */
export const JsonObject = z.record(z.string(), z.unknown());

/** A Date as its JSON text (presenters call this so that their output is exactly what clients read). */
export const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : d);
export const isoOrNull = (d: Date | string | null | undefined): string | null => (d == null ? null : iso(d));
