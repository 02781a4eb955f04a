import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentUser, currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { parse, parseBody } from '../../http/validate.js';
import type { ResultsEngine } from '../results/engine/engine.js';
import {
  CreateIndicatorSchema,
  IndicatorParams,
  MeasurementParams,
  MeasurementSchema,
  UpdateIndicatorSchema,
} from './indicators.schemas.js';
import * as service from './indicators.service.js';

/** Indicators and their measurements: organisers define them, analysts read them. */
export function indicatorsRouter(deps: { knex: Db; engine: ResultsEngine }): Router {
  const { knex, engine } = deps;
  const r = Router({ mergeParams: true });
  const analyst = [requireUser, requireWorkspace(knex, 'analyst')];
  const organiser = [requireUser, requireWorkspace(knex, 'organiser')];

  r.get('/', ...analyst, async (req, res) => {
    res.json(await service.listIndicators(knex, engine, currentWorkspace(req).row));
  });
  r.post('/', ...organiser, async (req, res) => {
    res
      .status(201)
      .json(
        await service.createIndicator(
          knex,
          engine,
          currentWorkspace(req).row,
          currentUser(req),
          parseBody(CreateIndicatorSchema, req),
        ),
      );
  });
  r.get('/:key', ...analyst, async (req, res) => {
    const { key } = parse(IndicatorParams, req.params);
    res.json(await service.getIndicator(knex, engine, currentWorkspace(req).row, key));
  });
  r.patch('/:key', ...organiser, async (req, res) => {
    const { key } = parse(IndicatorParams, req.params);
    res.json(
      await service.updateIndicator(
        knex,
        engine,
        currentWorkspace(req).row,
        key,
        parseBody(UpdateIndicatorSchema, req),
      ),
    );
  });
  r.delete('/:key', ...organiser, async (req, res) => {
    const { key } = parse(IndicatorParams, req.params);
    await service.deleteIndicator(knex, currentWorkspace(req).row, currentUser(req), key);
    res.status(204).end();
  });
  r.post('/:key/measurements', ...organiser, async (req, res) => {
    const { key } = parse(IndicatorParams, req.params);
    res
      .status(201)
      .json(
        await service.addMeasurement(
          knex,
          currentWorkspace(req).row,
          currentUser(req),
          key,
          parseBody(MeasurementSchema, req),
        ),
      );
  });
  r.delete('/:key/measurements/:id', ...organiser, async (req, res) => {
    const { key, id } = parse(MeasurementParams, req.params);
    await service.deleteMeasurement(knex, currentWorkspace(req).row, key, id);
    res.status(204).end();
  });
  return r;
}
