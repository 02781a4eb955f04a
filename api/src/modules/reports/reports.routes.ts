import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentUser, currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { requestLocale } from '../../http/locale.js';
import { parse, parseBody } from '../../http/validate.js';
import type { ResultsEngine } from '../results/engine/engine.js';
import { reportContent } from './report-content.js';
import {
  ContentQuery,
  CreateShareSchema,
  PublicShareParams,
  ReportParams,
  ReportSchema,
  ShareParams,
} from './reports.schemas.js';
import { reportView } from './reports.presenters.js';
import * as service from './reports.service.js';
import * as shares from './shares.service.js';

/** Saved reports: organisers compose them, analysts read them. */
export function reportsRouter(deps: { knex: Db; engine: ResultsEngine }): Router {
  const { knex, engine } = deps;
  const r = Router({ mergeParams: true });
  const analyst = [requireUser, requireWorkspace(knex, 'analyst')];
  const organiser = [requireUser, requireWorkspace(knex, 'organiser')];

  r.get('/', ...analyst, async (req, res) => {
    res.json(await service.listReports(knex, currentWorkspace(req).row));
  });
  r.post('/', ...organiser, async (req, res) => {
    res
      .status(201)
      .json(
        await service.createReport(knex, currentWorkspace(req).row, currentUser(req), parseBody(ReportSchema, req)),
      );
  });
  r.get('/:id', ...analyst, async (req, res) => {
    const { id } = parse(ReportParams, req.params);
    const row = await service.getReport(knex, currentWorkspace(req).row, id);
    res.json(reportView(row, service.configOf(row)));
  });
  r.put('/:id', ...organiser, async (req, res) => {
    const { id } = parse(ReportParams, req.params);
    res.json(await service.replaceReport(knex, currentWorkspace(req).row, id, parseBody(ReportSchema, req)));
  });
  r.delete('/:id', ...organiser, async (req, res) => {
    const { id } = parse(ReportParams, req.params);
    await service.deleteReport(knex, currentWorkspace(req).row, currentUser(req), id);
    res.status(204).end();
  });
  r.get('/:id/content', ...analyst, async (req, res) => {
    const { id } = parse(ReportParams, req.params);
    const { locale } = parse(ContentQuery, req.query);
    const ws = currentWorkspace(req).row;
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await reportContent(knex, engine, ws, await service.getReport(knex, ws, id), locale ?? requestLocale(req), {
        kind: 'workspace',
      }),
    );
  });
  return r;
}

/** Share links of a workspace's reports (organisers only: a link hands figures out of the workspace). */
export function sharesRouter(deps: { knex: Db; publicUrl: string }): Router {
  const { knex, publicUrl } = deps;
  const r = Router({ mergeParams: true });
  const organiser = [requireUser, requireWorkspace(knex, 'organiser')];
  r.get('/', ...organiser, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await shares.listShares(knex, currentWorkspace(req).row));
  });
  r.post('/', ...organiser, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res
      .status(201)
      .json(
        await shares.createShare(
          knex,
          currentWorkspace(req).row,
          currentUser(req),
          parseBody(CreateShareSchema, req),
          publicUrl,
        ),
      );
  });
  r.delete('/:id', ...organiser, async (req, res) => {
    const { id } = parse(ShareParams, req.params);
    await shares.revokeShare(knex, currentWorkspace(req).row, currentUser(req), id);
    res.status(204).end();
  });
  return r;
}

/**
 * GET /api/v1/public/shares/:token: the shared report, for anyone with the
 * link. No session, no cookie, no account: the token is the only key.
 */
export function publicSharesRouter(deps: { knex: Db; engine: ResultsEngine }): Router {
  const { knex, engine } = deps;
  const r = Router();
  r.get('/:token', async (req, res) => {
    const { token } = parse(PublicShareParams, req.params);
    const { locale } = parse(ContentQuery, req.query);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await shares.publicShare(knex, engine, token, locale ?? requestLocale(req)));
  });
  return r;
}
