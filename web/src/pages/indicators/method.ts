// The API's advice on where an indicator fits the Wirkungstreppe
// (api/src/modules/indicators/indicator-method.ts), written again because the
// web may import only types from the API; tests/unit/indicator-method.test.ts
// runs one table of cases against both. No imports, so that the unit test can load it as it is.

/** The part of an indicator's source the advice reads. */
type Source = { kind: string; activityType?: string };

/** What the network itself does: counting these measures output (steps 1–3). */
export const OUTPUT_ACTIVITY_TYPES: readonly string[] = [
  'district_visit',
  'thematic_exchange',
  'transfer_project_qualified',
  'article',
  'other',
];

export type MethodHint = 'activity_count_on_outcome_step';

/** Whether an indicator counts the network's own activities (an output measure). */
export function countsActivities(source: Source): boolean {
  return source.kind === 'activities' && OUTPUT_ACTIVITY_TYPES.includes(source.activityType ?? '');
}

/** The advice for an indicator: an activity count on steps 4–7 claims an outcome or impact that it does not measure. */
export function methodHints(ind: { step: number | null; source: Source }): MethodHint[] {
  return ind.step !== null && ind.step >= 4 && countsActivities(ind.source) ? ['activity_count_on_outcome_step'] : [];
}
