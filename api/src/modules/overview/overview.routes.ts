import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import type { ResultsEngine } from '../results/engine/engine.js';
import * as service from './overview.service.js';

/** /api/v1/workspaces/:ws/overview: the workspace home's figures in one call (analysts and organisers). */
export function overviewRouter(deps: { knex: Db; engine: ResultsEngine; publicUrl: string }): Router {
  const { knex, engine, publicUrl } = deps;
  const r = Router({ mergeParams: true });
  r.get('/', requireUser, requireWorkspace(knex, 'analyst'), async (req, res) => {
    res.json(await service.workspaceOverview(knex, engine, currentWorkspace(req).row, publicUrl));
  });
  return r;
}
