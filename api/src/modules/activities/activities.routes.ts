import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentUser, currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { parse, parseBody } from '../../http/validate.js';
import {
  ActivitiesQuery,
  ActivityParams,
  CreateActivitySchema,
  ImportActivitiesSchema,
  UpdateActivitySchema,
} from './activities.schemas.js';
import { activityView } from './activities.presenters.js';
import * as service from './activities.service.js';

/** The activity log: organisers keep it, analysts read it. */
export function activitiesRouter(deps: { knex: Db }): Router {
  const { knex } = deps;
  const r = Router({ mergeParams: true });
  const analyst = [requireUser, requireWorkspace(knex, 'analyst')];
  const organiser = [requireUser, requireWorkspace(knex, 'organiser')];

  r.get('/', ...analyst, async (req, res) => {
    res.json(await service.listActivities(knex, currentWorkspace(req).row, parse(ActivitiesQuery, req.query)));
  });
  r.post('/', ...organiser, async (req, res) => {
    res
      .status(201)
      .json(
        await service.createActivity(
          knex,
          currentWorkspace(req).row,
          currentUser(req),
          parseBody(CreateActivitySchema, req),
        ),
      );
  });
  r.post('/import', ...organiser, async (req, res) => {
    const { csv } = parseBody(ImportActivitiesSchema, req);
    res.status(201).json(await service.importActivities(knex, currentWorkspace(req).row, currentUser(req), csv));
  });
  r.get('/:id', ...analyst, async (req, res) => {
    const { id } = parse(ActivityParams, req.params);
    res.json(activityView(await service.getActivity(knex, currentWorkspace(req).row, id)));
  });
  r.patch('/:id', ...organiser, async (req, res) => {
    const { id } = parse(ActivityParams, req.params);
    res.json(await service.updateActivity(knex, currentWorkspace(req).row, id, parseBody(UpdateActivitySchema, req)));
  });
  r.delete('/:id', ...organiser, async (req, res) => {
    const { id } = parse(ActivityParams, req.params);
    await service.deleteActivity(knex, currentWorkspace(req).row, currentUser(req), id);
    res.status(204).end();
  });
  return r;
}
