import { Router, type Response } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { requestLocale } from '../../http/locale.js';
import { parse } from '../../http/validate.js';
import type { ResultsEngine } from '../results/engine/engine.js';
import {
  CodebookExportQuery,
  PanelExportParams,
  parseExportQuery,
  ResponsesExportQuery,
  ResultsExportQuery,
  VersionExportParams,
  WaveExportParams,
  type ExportFormat,
} from './exports.schemas.js';
import * as service from './exports.service.js';
import { writeCsv, writeXlsx, type Sheet } from './writers.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Starts a file download and streams the sheets into it. Everything that can
 * fail with a proper answer has happened before this; a failure from here on
 * ends up in the error handler, which destroys the half-sent response.
 */
async function sendSheets(res: Response, format: ExportFormat, fileName: string, sheets: Sheet[]): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.attachment(fileName);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'csv') await writeCsv(res, sheets[0]!);
  else await writeXlsx(res, sheets);
}

/** Downloads: a wave's responses (organisers), its results table (analysts too), a questionnaire version. */
export function exportsRouter(deps: { knex: Db; engine: ResultsEngine }): Router {
  const { knex, engine } = deps;
  const r = Router({ mergeParams: true });
  // Mounted on /workspaces/:ws beside other routers: guards go on each route.
  const analyst = [requireUser, requireWorkspace(knex, 'analyst')];
  // Raw responses show who answered what, line by line: organisers only (DESIGN §1).
  const organiser = [requireUser, requireWorkspace(knex, 'organiser')];

  r.get('/waves/:id/export', ...organiser, async (req, res) => {
    const { id } = parse(WaveExportParams, req.params);
    const { format, locale } = parseExportQuery(ResponsesExportQuery, req.query);
    const out = await service.responsesExport(knex, currentWorkspace(req).row, id, locale);
    // The codebook stays the second sheet (DESIGN §4); the long sheets of dynamic panels and matrices follow.
    const sheets = format === 'xlsx' ? [out.responses, out.codebook, ...out.panels] : [out.responses];
    await sendSheets(res, format, service.exportFileName(out.wave, '', format), sheets);
  });

  r.get('/waves/:id/export/codebook.csv', ...organiser, async (req, res) => {
    const { id } = parse(WaveExportParams, req.params);
    const { locale } = parseExportQuery(CodebookExportQuery, req.query);
    const out = await service.codebookExport(knex, currentWorkspace(req).row, id, locale);
    await sendSheets(res, 'csv', service.exportFileName(out.wave, 'codebook', 'csv'), [out.codebook]);
  });

  r.get('/waves/:id/export/panels/:question.csv', ...organiser, async (req, res) => {
    const { id, question } = parse(PanelExportParams, req.params);
    const out = await service.panelExport(knex, currentWorkspace(req).row, id, question);
    await sendSheets(res, 'csv', service.exportFileName(out.wave, service.slugify(question), 'csv'), [out.sheet]);
  });

  r.get('/waves/:id/results/export', ...analyst, async (req, res) => {
    const { id } = parse(WaveExportParams, req.params);
    const query = parseExportQuery(ResultsExportQuery, req.query);
    const out = await service.resultsExport(
      knex,
      engine,
      currentWorkspace(req).row,
      id,
      query.where ?? [],
      query.locale ?? requestLocale(req),
    );
    const name = service.exportFileName(out.wave, out.filtered ? 'results-filtered' : 'results', query.format);
    await sendSheets(res, query.format, name, query.format === 'xlsx' ? [out.table, out.info] : [out.table]);
  });

  r.get('/questionnaires/:slug/versions/:version/export', ...analyst, async (req, res) => {
    const { slug, version } = parse(VersionExportParams, req.params);
    const out = await service.versionExport(knex, currentWorkspace(req).row, slug, version);
    res.attachment(out.fileName);
    res.setHeader('Cache-Control', 'no-store');
    res.type('application/json').send(`${JSON.stringify(out.body, null, 2)}\n`);
  });

  return r;
}
