import type { ActivityRow } from '../../db/tables.js';
import { iso } from '../../lib/response-fields.js';
import type { Activity } from './activities.schemas.js';

/** An activity as the API shows it (ActivityResponse). */
export const activityView = (a: ActivityRow): Activity => ({
  id: a.id,
  type: a.type,
  title: a.title,
  date: a.date,
  district: a.district,
  topic: a.topic,
  note: a.note,
  updatedAt: iso(a.updated_at),
});
