import type { PlanActionRow } from '../../db/tables.js';
import { iso } from '../../lib/response-fields.js';
import type { Action } from './plans.schemas.js';

export type IndicatorNames = Map<string, { name: string; unit: string | null }>;

/** An action as the API shows it; `owner` is left out for share links (a person's name). */
export const actionView = (a: PlanActionRow, names: IndicatorNames, withOwner = true): Action => ({
  id: a.id,
  title: a.title,
  decision: a.decision,
  carrier: a.carrier,
  cost: a.cost === null ? null : Number(a.cost),
  fundingSource: a.funding_source,
  owner: withOwner ? a.owner : null,
  dueOn: a.due_on,
  targets: a.targets.map((t) => ({
    indicator: t.indicator,
    name: names.get(t.indicator)?.name ?? null,
    unit: names.get(t.indicator)?.unit ?? null,
    target: t.target,
  })),
  source: a.option_id ? { session: a.session_id, option: a.option_id, votes: a.votes } : null,
  updatedAt: iso(a.updated_at),
});
