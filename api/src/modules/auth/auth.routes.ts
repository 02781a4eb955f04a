import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentUser, requireUser } from '../../http/auth.js';
import { NotFoundError, text } from '../../http/errors.js';
import { endSession, SESSION_COOKIE, startSession } from '../../http/session.js';
import { parse, parseBody } from '../../http/validate.js';
import { ChangePasswordSchema, CreateTokenSchema, LoginSchema, SetupSchema, TokenIdParams } from './auth.schemas.js';
import { meView, toUserView } from './auth.presenters.js';
import * as service from './auth.service.js';
import type { LoginLimiter } from './login-limiter.js';

/** The workspaces a user belongs to, as /me lists them. */
export type WorkspacesOfUser = (
  db: Db,
  userId: string,
) => Promise<Array<{ slug: string; name: string; role: 'organiser' | 'analyst' }>>;

/**
 * /api/v1/auth: login, logout, me, first-run setup, password, API tokens.
 * `listWorkspaces` comes from the workspaces module, passed in by app.ts:
 * workspaces builds on auth (its members are users), so auth must not import it.
 */
export function authRouter(deps: { knex: Db; loginLimiter: LoginLimiter; listWorkspaces: WorkspacesOfUser }): Router {
  const { knex, loginLimiter, listWorkspaces } = deps;
  const r = Router();

  r.post('/login', async (req, res) => {
    const body = parseBody(LoginSchema, req);
    const user = await service.login(knex, loginLimiter, body, req.ip ?? 'unknown');
    await startSession(req, user.id);
    res.json({ user: toUserView(user) });
  });

  r.post('/logout', async (req, res) => {
    // A script logging out with its token ends that token, as a browser's logout ends its session.
    if (req.authVia === 'token' && req.user && req.apiTokenId)
      await service.revokeToken(knex, req.user.id, req.apiTokenId);
    await endSession(req);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  r.get('/me', requireUser, async (req, res) => {
    const user = currentUser(req);
    const workspaces = await listWorkspaces(knex, user.id);
    res.json(meView(user, workspaces));
  });

  r.get('/setup', async (_req, res) => {
    res.json({ needed: await service.isSetupNeeded(knex) });
  });

  r.post('/setup', async (req, res) => {
    const body = parseBody(SetupSchema, req);
    const user = await service.completeSetup(knex, body);
    await startSession(req, user.id);
    res.status(201).json({ user: toUserView(user) });
  });

  r.post('/password', requireUser, async (req, res) => {
    const body = parseBody(ChangePasswordSchema, req);
    await service.changePassword(knex, currentUser(req), body, req.authVia === 'session' ? req.sessionID : undefined);
    res.status(204).end();
  });

  r.get('/tokens', requireUser, async (req, res) => {
    res.json({ tokens: await service.listTokens(knex, currentUser(req).id) });
  });

  r.post('/tokens', requireUser, async (req, res) => {
    const body = parseBody(CreateTokenSchema, req);
    res.status(201).json(await service.createToken(knex, currentUser(req).id, body.name));
  });

  r.delete('/tokens/:id', requireUser, async (req, res) => {
    const { id } = parse(TokenIdParams, req.params);
    if (!(await service.revokeToken(knex, currentUser(req).id, id))) {
      throw new NotFoundError(text('Token not found.', 'Token nicht gefunden.'));
    }
    res.status(204).end();
  });

  return r;
}
