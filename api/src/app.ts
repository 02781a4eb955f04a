import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { DatabaseKind, Listen } from './db/database.js';
import { authenticate } from './http/auth.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { requestLogger } from './http/logging.js';
import { publicRateLimits } from './http/public-rate-limit.js';
import { checkJsonBody, sameOriginWrites } from './http/request-guards.js';
import { sessionMiddleware } from './http/session.js';
import { authRouter } from './modules/auth/auth.routes.js';
import { createLoginLimiter } from './modules/auth/login-limiter.js';
import { invitationsRouter, workspacesRouter } from './modules/workspaces/workspaces.routes.js';
import { listWorkspaces } from './modules/workspaces/workspaces.service.js';
import { questionnairesRouter, templatesRouter } from './modules/questionnaires/questionnaires.routes.js';
import { loadTemplates, type Template } from './modules/questionnaires/templates.js';
import { ResponseWriter } from './modules/responses/response-writer.js';
import { publicRoutes } from './modules/responses/responses.routes.js';
import { wavesRouter } from './modules/waves/waves.routes.js';
import { resultsRouter } from './modules/results/results.routes.js';
import { ResultsEngine } from './modules/results/engine/engine.js';
import { answersRouter } from './modules/answers/answers.routes.js';
import { activitiesRouter } from './modules/activities/activities.routes.js';
import { indicatorsRouter } from './modules/indicators/indicators.routes.js';
import { publicSharesRouter, reportsRouter, sharesRouter } from './modules/reports/reports.routes.js';
import { exportsRouter } from './modules/exports/exports.routes.js';
import { overviewRouter } from './modules/overview/overview.routes.js';
import { publicSessionsRouter, sessionsRouter } from './modules/sessions/sessions.routes.js';
import { SessionEvents } from './modules/sessions/session-events.js';
import { plansRouter } from './modules/plans/plans.routes.js';
import { projectRoot } from './lib/project-root.js';
import { apiDocsRouter, serveOpenApiDocument } from './openapi/openapi.routes.js';

export type AppDeps = {
  knex: Knex;
  databaseKind: DatabaseKind;
  config: Pick<
    Config,
    | 'publicUrl'
    | 'rateLimit'
    | 'trustProxy'
    | 'sessionIdleMs'
    | 'sessionMaxMs'
    | 'loginMaxFailures'
    | 'loginMaxFailuresPerAddress'
    | 'publicRatePerMinute'
    | 'publicRatePerResponsePerMinute'
    | 'publicRatePerWavePerMinute'
  >;
  logger: Logger;
  /** Signs session cookies; the same for every process (see ensureSessionSecret). */
  sessionSecret: string;
  /** The built web app (dist/web); without it only the API is served. */
  webDir?: string;
  /** The template library; read from surveys/ when not given. */
  templates?: Map<string, Template>;
  /** This process's results columns; one is made when not given (tests pass their own to watch it). */
  resultsEngine?: ResultsEngine;
  /** The database's NOTIFY listener, which carries session changes between processes; without it they stay in this process. */
  listen?: Listen;
};

/** Builds the Express application: middleware, module routers, error handler last. */
export function createApp(deps: AppDeps): Express {
  const { knex, config } = deps;
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers (they are not cached, and hashing each body costs
  // every request); the web app's files get theirs from express.static.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  // Module routers are mounted under prefixes; matching stays exact.
  app.set('strict routing', false);

  app.use(requestLogger(app, deps.logger));
  // JSON answers need only a few security headers; the full set (with the
  // strict CSP) goes on the web app's pages and files below.
  const apiHeaders = Object.entries({
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  app.use(['/api', '/healthz'], (_req, res, next) => {
    for (const [name, value] of apiHeaders) res.setHeader(name, value);
    next();
  });

  app.get('/healthz', async (_req, res) => {
    await knex.raw('select 1');
    res.json({ status: 'ok', database: deps.databaseKind });
  });
  // The API's own description, public (docs/api.md); the page sets a CSP of its own.
  app.get('/api/v1/openapi.json', serveOpenApiDocument);
  app.use('/api/docs', apiDocsRouter());

  const parseJson = [express.json({ limit: '1mb' }), checkJsonBody];
  // Respondents have no account: the public routes have their own short path,
  // without the same-origin rule for session cookies, sessions and
  // authentication, which they never use (and which would cost every answer).
  // One group in flight at a time: measured faster than overlapping groups on
  // PostgreSQL (bigger groups, fewer statements), and PGlite has one connection.
  const writer = new ResponseWriter(knex);
  const answering = publicRoutes({ knex, writer });
  // Limits per response id and per wave, and only a high ceiling per address:
  // a room answering together shares one address (docs/reliability.md).
  const limits = publicRateLimits({
    enabled: config.rateLimit,
    perAddressPerMinute: config.publicRatePerMinute,
    perResponsePerMinute: config.publicRatePerResponsePerMinute,
    perWavePerMinute: config.publicRatePerWavePerMinute,
  });
  app.post('/api/v1/public/waves/:key/responses', limits.byAddress, ...parseJson, limits.byAnswer, answering.submit);
  // One results engine (its columns cache) for the whole process.
  const resultsEngine = deps.resultsEngine ?? new ResultsEngine(knex);
  // Share links are read by partners without an account: no session or cookie here either, and only GET.
  app.use('/api/v1/public/shares', limits.byAddress, publicSharesRouter({ knex, engine: resultsEngine }));
  // Phones voting in a prioritisation session (docs/session.md); changes reach projector views through the database.
  const sessionEvents = new SessionEvents(deps.listen);
  app.use(
    '/api/v1/public/sessions',
    limits.byAddress,
    ...parseJson,
    limits.byBallot,
    publicSessionsRouter({ knex, events: sessionEvents }),
  );
  app.use('/api/v1/public', limits.byAddress, ...parseJson, limits.byAnswer, answering.router);

  const api = express.Router();
  api.use(...parseJson);
  api.use(sameOriginWrites(config.publicUrl));
  api.use(sessionMiddleware(knex, deps.sessionSecret, config.sessionIdleMs));
  api.use(authenticate(knex, config.sessionMaxMs));
  const loginLimiter = createLoginLimiter(knex, {
    enabled: config.rateLimit,
    failuresBeforeWait: config.loginMaxFailures,
    addressFailures: config.loginMaxFailuresPerAddress,
  });
  api.use('/auth/invitations', invitationsRouter({ knex }));
  api.use('/auth', authRouter({ knex, loginLimiter, listWorkspaces }));
  const templates = deps.templates ?? loadTemplates(path.join(projectRoot(), 'surveys'));
  api.use('/templates', templatesRouter({ templates }));
  api.use('/workspaces/:ws/questionnaires', questionnairesRouter({ knex, templates }));
  api.use('/workspaces/:ws', resultsRouter({ knex, engine: resultsEngine }));
  api.use('/workspaces/:ws', exportsRouter({ knex, engine: resultsEngine }));
  api.use('/workspaces/:ws', answersRouter({ knex }));
  api.use('/workspaces/:ws/waves', wavesRouter({ knex, publicUrl: config.publicUrl }));
  api.use('/workspaces/:ws/activities', activitiesRouter({ knex }));
  api.use('/workspaces/:ws/indicators', indicatorsRouter({ knex, engine: resultsEngine }));
  api.use('/workspaces/:ws/reports', reportsRouter({ knex, engine: resultsEngine }));
  api.use('/workspaces/:ws/overview', overviewRouter({ knex, engine: resultsEngine, publicUrl: config.publicUrl }));
  api.use('/workspaces/:ws/sessions', sessionsRouter({ knex, events: sessionEvents, publicUrl: config.publicUrl }));
  api.use('/workspaces/:ws/plan', plansRouter({ knex }));
  api.use('/workspaces/:ws/shares', sharesRouter({ knex, publicUrl: config.publicUrl }));
  api.use('/workspaces', workspacesRouter({ knex, publicUrl: config.publicUrl }));
  api.use(apiNotFound);
  app.use('/api/v1', api);
  app.use('/api', apiNotFound);

  // The web app's pages and files: a strict CSP (scripts and styles only from here, no inline script).
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  if (deps.webDir && fs.existsSync(path.join(deps.webDir, 'index.html'))) {
    app.use(pageHeaders);
    // The web app's files compressed for the wire (gzip or brotli, as the browser asks): the
    // answering page is about 2.9 MB of JavaScript and CSS, 0.7 MB compressed, for members on phones.
    // Only here, after the API: API answers stay uncompressed (small JSON, streamed exports).
    app.use(compression());
    const indexHtml = path.join(deps.webDir, 'index.html');
    app.use(
      express.static(deps.webDir, {
        index: false,
        setHeaders: (res, file) => {
          // Vite puts a content hash in every asset name, so assets never change.
          if (file.includes(`${path.sep}assets${path.sep}`))
            res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    // History fallback: every other GET is a page of the single-page app.
    app.get('/{*splat}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  }

  app.use(errorHandler(deps.logger));
  return app;
}
