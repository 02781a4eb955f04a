import type { ActivityTypeValue as ActivityType } from '../../../api/src/modules/activities/activities.schemas.js';
import type { Role } from '../../../api/src/modules/workspaces/workspaces.schemas.js';

// Option lists the forms and filters offer, in their order. They are values,
// which the web may not import from the API (house rule 5: types only), so
// they are written here and checked against the API's types.

export const roles: readonly Role[] = ['organiser', 'analyst'];

export const activityTypes = [
  'district_visit',
  'thematic_exchange',
  'transfer_project_qualified',
  'transfer_project_adopted',
  'article',
  'joint_project',
  'grant',
  'other',
] as const satisfies readonly ActivityType[];
