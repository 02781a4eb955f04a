import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { requestLocale } from '../../http/locale.js';
import { parse, parseBody } from '../../http/validate.js';
import {
  AnswerParams,
  AnswersParams,
  AnswersQuery,
  CodebookParams,
  CodeParams,
  CreateCodeSchema,
  SetCodesSchema,
  UpdateCodeSchema,
} from './answers.schemas.js';
import * as service from './answers.service.js';

/**
 * Open answers and their coding. Coding is analysis, so analysts may code as
 * well as organisers; the answers themselves never change.
 */
export function answersRouter(deps: { knex: Db }): Router {
  const { knex } = deps;
  const r = Router({ mergeParams: true });
  const analyst = [requireUser, requireWorkspace(knex, 'analyst')];

  r.get('/questionnaires/:slug/codes', ...analyst, async (req, res) => {
    const { slug } = parse(CodebookParams, req.params);
    res.json({ codes: await service.listCodebook(knex, currentWorkspace(req).row, slug) });
  });
  r.post('/questionnaires/:slug/codes', ...analyst, async (req, res) => {
    const { slug } = parse(CodebookParams, req.params);
    const { label } = parseBody(CreateCodeSchema, req);
    res.status(201).json(await service.createCode(knex, currentWorkspace(req).row, slug, label));
  });
  r.patch('/questionnaires/:slug/codes/:id', ...analyst, async (req, res) => {
    const { slug, id } = parse(CodeParams, req.params);
    const { label } = parseBody(UpdateCodeSchema, req);
    res.json(await service.renameCode(knex, currentWorkspace(req).row, slug, id, label));
  });
  r.delete('/questionnaires/:slug/codes/:id', ...analyst, async (req, res) => {
    const { slug, id } = parse(CodeParams, req.params);
    await service.removeCode(knex, currentWorkspace(req).row, slug, id);
    res.status(204).end();
  });

  r.get('/waves/:id/answers/:question', ...analyst, async (req, res) => {
    const { id, question } = parse(AnswersParams, req.params);
    const { search, locale } = parse(AnswersQuery, req.query);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await service.listAnswers(knex, currentWorkspace(req).row, id, question, search, locale ?? requestLocale(req)),
    );
  });
  r.put('/waves/:id/answers/:question/:responseId/codes', ...analyst, async (req, res) => {
    const { id, question, responseId } = parse(AnswerParams, req.params);
    const { codes } = parseBody(SetCodesSchema, req);
    res.json(await service.setCodes(knex, currentWorkspace(req).row, id, question, responseId, codes));
  });
  return r;
}
