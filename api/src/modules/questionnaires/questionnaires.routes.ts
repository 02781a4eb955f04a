import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentUser, currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { localiseTexts, requestLocale } from '../../http/locale.js';
import { parse, parseBody } from '../../http/validate.js';
import {
  CatalogueQuery,
  CreateQuestionnaireSchema,
  DiffQuery,
  PublishSchema,
  SaveDraftSchema,
  SlugParams,
  TemplateParams,
  VersionParams,
} from './questionnaires.schemas.js';
import * as service from './questionnaires.service.js';
import type { Template } from './templates.js';

/** /api/v1/workspaces/:ws/questionnaires: organisers write, analysts read. */
export function questionnairesRouter(deps: { knex: Db; templates: Map<string, Template> }): Router {
  const { knex, templates } = deps;
  const r = Router({ mergeParams: true });
  const analyst = requireWorkspace(knex, 'analyst');
  const organiser = requireWorkspace(knex, 'organiser');
  r.use(requireUser);

  r.get('/', analyst, async (req, res) => {
    res.json({ questionnaires: await service.listQuestionnaires(knex, currentWorkspace(req).row, requestLocale(req)) });
  });

  r.post('/', organiser, async (req, res) => {
    const body = parseBody(CreateQuestionnaireSchema, req);
    res
      .status(201)
      .json(
        await service.createQuestionnaire(
          knex,
          currentUser(req),
          currentWorkspace(req).row,
          body,
          templates,
          requestLocale(req),
        ),
      );
  });

  r.get('/:slug', analyst, async (req, res) => {
    const { slug } = parse(SlugParams, req.params);
    res.json(await service.describeQuestionnaire(knex, currentWorkspace(req).row, slug, requestLocale(req)));
  });

  r.put('/:slug/draft', organiser, async (req, res) => {
    const { slug } = parse(SlugParams, req.params);
    const body = parseBody(SaveDraftSchema, req);
    res.json(
      await service.saveDraft(
        knex,
        currentUser(req),
        currentWorkspace(req).row,
        slug,
        body.definition,
        body.dropRemoteProperties === true,
        requestLocale(req),
      ),
    );
  });

  r.delete('/:slug/draft', organiser, async (req, res) => {
    const { slug } = parse(SlugParams, req.params);
    await service.discardDraft(knex, currentUser(req), currentWorkspace(req).row, slug);
    res.status(204).end();
  });

  r.post('/:slug/publish', organiser, async (req, res) => {
    const { slug } = parse(SlugParams, req.params);
    const body = parseBody(PublishSchema, req);
    res
      .status(201)
      .json(
        localiseTexts(
          await service.publish(knex, currentUser(req), currentWorkspace(req).row, slug, body),
          requestLocale(req),
        ),
      );
  });

  r.get('/:slug/versions/:version', analyst, async (req, res) => {
    const { slug, version } = parse(VersionParams, req.params);
    res.json(
      localiseTexts(await service.getVersion(knex, currentWorkspace(req).row, slug, version), requestLocale(req)),
    );
  });

  r.get('/:slug/versions/:version/questions', analyst, async (req, res) => {
    const { slug, version } = parse(VersionParams, req.params);
    const { locale } = parse(CatalogueQuery, req.query);
    res.json(
      await service.versionQuestions(knex, currentWorkspace(req).row, slug, version, locale ?? requestLocale(req)),
    );
  });

  r.get('/:slug/diff', analyst, async (req, res) => {
    const { slug } = parse(SlugParams, req.params);
    const { from, to } = parse(DiffQuery, req.query);
    res.json(
      localiseTexts(await service.diffVersions(knex, currentWorkspace(req).row, slug, from, to), requestLocale(req)),
    );
  });

  return r;
}

/** /api/v1/templates: the template library, for any logged-in user. */
export function templatesRouter(deps: { templates: Map<string, Template> }): Router {
  const r = Router();
  r.use(requireUser);
  r.get('/', (req, res) => {
    res.json({ templates: service.listTemplates(deps.templates, requestLocale(req)) });
  });
  r.get('/:id', async (req, res) => {
    const { id } = parse(TemplateParams, req.params);
    res.json(await service.getTemplate(deps.templates, id));
  });
  return r;
}
