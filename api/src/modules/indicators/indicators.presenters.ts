import type { MeasurementRow } from '../../db/tables.js';
import type { Measurement } from './indicators.schemas.js';

/** A recorded measurement of a manual indicator; `enteredBy` is the name of who entered it. */
export const measurementView = (m: MeasurementRow, enteredBy: string): Measurement => ({
  id: m.id,
  date: m.date,
  value: Number(m.value),
  note: m.note,
  enteredBy,
});
