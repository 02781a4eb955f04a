import type { ActivityType, IndicatorSource } from '../../db/tables.js';

// How indicators fit PHINEO's Wirkungstreppe beyond what is enforced (level
// against step): advice for the organiser, never a refusal. The web app's
// indicator form gives the same advice (web/src/pages/indicators/method.ts;
// tests/unit/indicator-method.test.ts runs one table against both).

/**
 * What the network itself does: counting these measures output (steps 1–3:
 * activities take place, target groups are reached). A joint project, a won
 * grant or a project adopted elsewhere is something members or others did
 * differently because of the network, so counting those can show an outcome.
 */
export const OUTPUT_ACTIVITY_TYPES: readonly ActivityType[] = [
  'district_visit',
  'thematic_exchange',
  'transfer_project_qualified',
  'article',
  'other',
];

export type MethodHint = 'activity_count_on_outcome_step';

/** Whether an indicator counts the network's own activities (an output measure). */
export function countsActivities(source: IndicatorSource): boolean {
  return source.kind === 'activities' && OUTPUT_ACTIVITY_TYPES.includes(source.activityType);
}

/** The advice for an indicator: an activity count on steps 4–7 claims an outcome or impact that it does not measure. */
export function methodHints(ind: { step: number | null; source: IndicatorSource }): MethodHint[] {
  return ind.step !== null && ind.step >= 4 && countsActivities(ind.source) ? ['activity_count_on_outcome_step'] : [];
}
