import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { parse, parseBody } from '../../http/validate.js';
import { ActionParams, CreateActionSchema, UpdateActionSchema } from './plans.schemas.js';
import * as service from './plans.service.js';

/** The action plan: organisers keep it, analysts read it. */
export function plansRouter(deps: { knex: Db }): Router {
  const { knex } = deps;
  const r = Router({ mergeParams: true });
  const analyst = [requireUser, requireWorkspace(knex, 'analyst')];
  const organiser = [requireUser, requireWorkspace(knex, 'organiser')];

  r.get('/', ...analyst, async (req, res) => {
    res.json(await service.getPlan(knex, currentWorkspace(req).row));
  });
  r.post('/actions', ...organiser, async (req, res) => {
    res
      .status(201)
      .json(await service.createAction(knex, currentWorkspace(req).row, parseBody(CreateActionSchema, req)));
  });
  r.patch('/actions/:id', ...organiser, async (req, res) => {
    const { id } = parse(ActionParams, req.params);
    res.json(await service.updateAction(knex, currentWorkspace(req).row, id, parseBody(UpdateActionSchema, req)));
  });
  r.delete('/actions/:id', ...organiser, async (req, res) => {
    const { id } = parse(ActionParams, req.params);
    await service.deleteAction(knex, currentWorkspace(req).row, id);
    res.status(204).end();
  });
  return r;
}
