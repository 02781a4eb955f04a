import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { requestLocale } from '../../http/locale.js';
import { parse } from '../../http/validate.js';
import { ResultsQuery, TrendParams, TrendQuery, WaveParams } from './results.schemas.js';
import * as service from './results.service.js';
import type { ResultsEngine } from './engine/engine.js';

/** Results of waves and trends of questions (organisers and analysts). */
export function resultsRouter(deps: { knex: Db; engine: ResultsEngine }): Router {
  const { knex, engine } = deps;
  const r = Router({ mergeParams: true });
  // Mounted on /workspaces/:ws beside other routers: guards go on each route, not on the whole prefix.
  const analyst = [requireUser, requireWorkspace(knex, 'analyst')];

  r.get('/waves/:id/results', ...analyst, async (req, res) => {
    const { id } = parse(WaveParams, req.params);
    const query = parse(ResultsQuery, req.query);
    res.json(
      await service.waveResults(
        knex,
        engine,
        currentWorkspace(req).row,
        id,
        query.where ?? [],
        query.locale ?? requestLocale(req),
      ),
    );
  });

  r.get('/questionnaires/:slug/trend', ...analyst, async (req, res) => {
    const { slug } = parse(TrendParams, req.params);
    const query = parse(TrendQuery, req.query);
    res.json(
      await service.questionTrend(
        knex,
        engine,
        currentWorkspace(req).row,
        slug,
        query.question,
        query.locale ?? requestLocale(req),
      ),
    );
  });

  return r;
}
