import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import type { Role, UserRow, WorkspaceRow } from '../db/tables.js';
import { findUser, userForApiToken } from '../modules/auth/auth.service.js';
import { findMembership } from '../modules/workspaces/workspaces.service.js';
import { ForbiddenError, NotFoundError, text, UnauthenticatedError } from './errors.js';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    /** Epoch ms of login, for the absolute timeout. */
    createdAt: number;
  }
}

declare global {
  // Express's own typings are a global namespace; augmenting it is the documented way.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The caller, once `authenticate` has run. */
      user?: UserRow;
      /** How the caller proved who they are. */
      authVia?: 'session' | 'token';
      /** The id of the API token the caller sent, when `authVia` is 'token'. */
      apiTokenId?: string;
      /** The workspace of `:ws`, once `requireWorkspace` has run. */
      workspace?: { row: WorkspaceRow; role: Role };
    }
  }
}

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie.
 * Sessions past their absolute lifetime are destroyed here.
 */
export function authenticate(db: Knex, sessionMaxMs: number): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const found = match?.[1] ? await userForApiToken(db, match[1]) : undefined;
      if (!found) {
        throw new UnauthenticatedError(
          'invalid_token',
          text('The API token is not valid.', 'Das API-Token ist ungültig.'),
        );
      }
      req.user = found.user;
      req.authVia = 'token';
      req.apiTokenId = found.tokenId;
      return next();
    }
    const session = req.session;
    if (session?.userId) {
      if (!session.createdAt || Date.now() - session.createdAt > sessionMaxMs) {
        await new Promise<void>((resolve, reject) =>
          session.destroy((err) => (err ? reject(err as Error) : resolve())),
        );
        return next();
      }
      const user = await findUser(db, session.userId);
      if (user) {
        req.user = user;
        req.authVia = 'session';
      }
    }
    next();
  };
}

/** The caller, or 401. */
export function currentUser(req: Request): UserRow {
  if (!req.user) throw new UnauthenticatedError();
  return req.user;
}

export const requireUser: RequestHandler = (req, _res, next) => {
  currentUser(req);
  next();
};

export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!currentUser(req).is_admin) {
    throw new ForbiddenError(
      'admin_required',
      text(
        'Only an instance admin may do this.',
        'Das darf nur eine Instanz-Administratorin oder ein Instanz-Administrator.',
      ),
    );
  }
  next();
};

const roleRank: Record<Role, number> = { analyst: 1, organiser: 2 };

/**
 * Loads the workspace named by `:ws` and checks the caller's role in it. A
 * workspace the caller does not belong to answers 404, so its existence does not leak.
 */
export function requireWorkspace(db: Knex, minimumRole: Role): RequestHandler {
  return async (req, _res, next) => {
    const user = currentUser(req);
    const slug = req.params.ws;
    const found = typeof slug === 'string' ? await findMembership(db, slug, user.id) : undefined;
    if (!found) throw new NotFoundError(text('Workspace not found.', 'Arbeitsbereich nicht gefunden.'));
    if (roleRank[found.role] < roleRank[minimumRole]) {
      throw new ForbiddenError(
        'organiser_required',
        text(
          'Only organisers of this workspace may do this.',
          'Das dürfen nur Organisator*innen dieses Arbeitsbereichs.',
        ),
      );
    }
    req.workspace = { row: found.workspace, role: found.role };
    next();
  };
}

/** The workspace loaded by `requireWorkspace`. */
export function currentWorkspace(req: Request): { row: WorkspaceRow; role: Role } {
  if (!req.workspace) throw new Error('requireWorkspace must run before this handler');
  return req.workspace;
}
