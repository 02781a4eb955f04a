import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db-handle.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { PlanActionRow, WorkspaceRow } from '../../db/tables.js';
import { ConflictError, NotFoundError, text, ValidationError } from '../../http/errors.js';
import { listIndicatorNames } from '../indicators/indicators.service.js';
import { getOption } from '../sessions/sessions.service.js';
import { actionView, type IndicatorNames } from './plans.presenters.js';
import * as repo from './plans.repo.js';
import type { Action, CreateActionReq, Plan, UpdateActionReq } from './plans.schemas.js';

const notFound = () =>
  new NotFoundError(
    text('There is no such action in this workspace.', 'Diese Maßnahme gibt es in diesem Arbeitsbereich nicht.'),
  );

/** Refuses targets on indicators the workspace does not have (422, nothing stored). */
function checkTargets(names: IndicatorNames, targets: Array<{ indicator: string }> | undefined): void {
  const unknown = (targets ?? []).map((t) => t.indicator).filter((k) => !names.has(k));
  if (unknown.length > 0)
    throw new ValidationError(
      'unknown_indicator',
      text(`No such indicator: ${unknown.join(', ')}.`, `Diesen Indikator gibt es nicht: ${unknown.join(', ')}.`),
      { indicators: unknown },
    );
}

/** The action plan; `withOwner: false` for share links. */
export async function getPlan(db: Db, ws: WorkspaceRow, opts: { withOwner?: boolean } = {}): Promise<Plan> {
  const [rows, names] = await Promise.all([repo.listActions(db, ws.id), listIndicatorNames(db, ws)]);
  const funded = rows.filter((r) => r.carrier === 'funding');
  return {
    actions: rows.map((r) => actionView(r, names, opts.withOwner ?? true)),
    totals: {
      volunteers: rows.length - funded.length,
      funding: funded.length,
      cost: funded.reduce((sum, r) => sum + Number(r.cost ?? 0), 0),
    },
  };
}

async function getAction(db: Db, ws: WorkspaceRow, id: string): Promise<PlanActionRow> {
  const row = await repo.findAction(db, ws.id, id);
  if (!row) throw notFound();
  return row;
}

/** Records an action, by hand or adopted from an option of a closed session (one action per option). */
export async function createAction(db: Db, ws: WorkspaceRow, body: CreateActionReq): Promise<Action> {
  const names = await listIndicatorNames(db, ws);
  checkTargets(names, body.targets);
  let source: { session: string; option: string; votes: number; label: string } | undefined;
  if (body.session && body.option) {
    const { session, option, total } = await getOption(db, ws, body.session, body.option);
    if (session.status !== 'closed')
      throw new ConflictError(
        'session_open',
        text('Close the voting before adopting its options.', 'Beende die Abstimmung, bevor du Optionen übernimmst.'),
      );
    source = { session: session.id, option: option.id, votes: total, label: option.label };
  }
  try {
    const row = await repo.insertAction(db, {
      id: randomUUID(),
      workspace_id: ws.id,
      title: body.title ?? source!.label,
      decision: body.decision ?? null,
      carrier: body.carrier,
      cost: body.cost ?? null,
      funding_source: body.fundingSource ?? null,
      owner: body.owner ?? null,
      due_on: body.dueOn ?? null,
      targets: JSON.stringify(body.targets),
      session_id: source?.session ?? null,
      option_id: source?.option ?? null,
      votes: source?.votes ?? null,
    });
    return actionView(row, names);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError(
        'already_adopted',
        text('This option is in the action plan already.', 'Diese Option steht schon im Maßnahmenplan.'),
      );
    throw err;
  }
}

export async function updateAction(db: Db, ws: WorkspaceRow, id: string, body: UpdateActionReq): Promise<Action> {
  const current = await getAction(db, ws, id);
  const names = await listIndicatorNames(db, ws);
  checkTargets(names, body.targets);
  const carrier = body.carrier ?? current.carrier;
  // Volunteers need no money: switching an action to them clears its cost and source.
  const volunteers = carrier === 'volunteers';
  if (volunteers && current.carrier === 'volunteers' && (body.cost != null || body.fundingSource != null))
    throw new ValidationError(
      'no_funding',
      text('An action carried by volunteers has no cost.', 'Eine Maßnahme von Ehrenamtlichen hat keine Kosten.'),
    );
  const row = await repo.updateAction(db, ws.id, id, {
    ...(body.title !== undefined && { title: body.title }),
    ...(body.decision !== undefined && { decision: body.decision }),
    carrier,
    ...(volunteers
      ? { cost: null, funding_source: null }
      : {
          ...(body.cost !== undefined && { cost: body.cost }),
          ...(body.fundingSource !== undefined && { funding_source: body.fundingSource }),
        }),
    ...(body.owner !== undefined && { owner: body.owner }),
    ...(body.dueOn !== undefined && { due_on: body.dueOn }),
    ...(body.targets !== undefined && { targets: JSON.stringify(body.targets) }),
  });
  return actionView(row, names);
}

export async function deleteAction(db: Db, ws: WorkspaceRow, id: string): Promise<void> {
  await getAction(db, ws, id);
  await repo.deleteAction(db, ws.id, id);
}
