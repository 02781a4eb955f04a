import type { Db } from '../../db/db-handle.js';
import type { UserRow } from '../../db/tables.js';
import { ConflictError, ForbiddenError, text, UnauthenticatedError } from '../../http/errors.js';
import { hashPassword, verifyPassword } from '../../lib/passwords.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import * as repo from './auth.repo.js';
import { apiTokenView, createdApiTokenView } from './auth.presenters.js';
import type { ApiToken, ChangePasswordReq, CreatedApiToken, LoginReq, SetupReq } from './auth.schemas.js';
import type { LoginLimiter } from './login-limiter.js';

const SETUP_TOKEN_KEY = 'setup_token_hash';
const SESSION_SECRET_KEY = 'session_secret';

const invalidCredentials = () =>
  new UnauthenticatedError(
    'invalid_credentials',
    text('E-mail or password is wrong.', 'E-Mail-Adresse oder Passwort ist falsch.'),
  );

/** Checks e-mail and password under the login rate limit; the same answer for unknown account and wrong password. */
export async function login(db: Db, limiter: LoginLimiter, req: LoginReq, clientIp: string): Promise<UserRow> {
  await limiter.assertAllowed(req.email, clientIp);
  const user = await repo.findUserByEmail(db, req.email);
  const ok = await verifyPassword(user?.password_hash, req.password);
  if (!user || !ok) {
    await limiter.recordFailure(req.email, clientIp);
    throw invalidCredentials();
  }
  await limiter.recordSuccess(req.email, clientIp);
  return user;
}

/**
 * The secret that signs session cookies. Generated once and kept in the
 * database so that every API process accepts every other's cookies.
 */
export const ensureSessionSecret = (db: Db): Promise<string> =>
  repo.ensureInstanceState(db, SESSION_SECRET_KEY, newSecretToken());

/**
 * First start: with no user yet, either creates the admin from the configured
 * credentials or issues a one-time setup token (returned for printing).
 */
export async function prepareFirstStart(
  db: Db,
  admin: { email: string; password: string } | undefined,
): Promise<{ setupToken?: string; createdAdmin?: UserRow }> {
  if ((await repo.countUsers(db)) > 0) {
    await repo.deleteInstanceState(db, SETUP_TOKEN_KEY);
    return {};
  }
  if (admin) {
    const passwordHash = await hashPassword(admin.password);
    return db.transaction(async (trx) => {
      await repo.lockUsers(trx);
      if ((await repo.countUsers(trx)) > 0) return {};
      const createdAdmin = await repo.insertUser(trx, { email: admin.email, name: '', passwordHash, isAdmin: true });
      await repo.adoptExampleWorkspaces(trx);
      return { createdAdmin };
    });
  }
  const setupToken = newSecretToken();
  await repo.writeInstanceState(db, SETUP_TOKEN_KEY, hashToken(setupToken));
  return { setupToken };
}

export const isSetupNeeded = async (db: Db): Promise<boolean> => (await repo.countUsers(db)) === 0;

/** Creates the first admin with the one-time setup token. */
async function assertSetupAllowed(db: Db, token: string): Promise<void> {
  if ((await repo.countUsers(db)) > 0) {
    throw new ConflictError(
      'already_set_up',
      text('Bilanz is already set up. Please log in.', 'Bilanz ist schon eingerichtet. Bitte melde dich an.'),
    );
  }
  const stored = await repo.readInstanceState(db, SETUP_TOKEN_KEY);
  if (!stored || stored !== hashToken(token)) {
    throw new ForbiddenError(
      'invalid_token',
      text(
        'This setup link is not valid. Use the link the server printed at its last start.',
        'Dieser Einrichtungslink ist ungültig. Nutze den Link, den der Server beim letzten Start ausgegeben hat.',
      ),
    );
  }
}

export async function completeSetup(db: Db, req: SetupReq): Promise<UserRow> {
  // Checked before the (deliberately slow) password hash, so that calls after
  // setup or with a wrong token cost nothing; checked again under the lock.
  await assertSetupAllowed(db, req.token);
  const passwordHash = await hashPassword(req.password);
  return db.transaction(async (trx) => {
    // Serialises concurrent setup attempts: only one can see an empty table.
    await repo.lockUsers(trx);
    await assertSetupAllowed(trx, req.token);
    const user = await repo.insertUser(trx, { email: req.email, name: req.name ?? '', passwordHash, isAdmin: true });
    await repo.deleteInstanceState(trx, SETUP_TOKEN_KEY);
    await repo.adoptExampleWorkspaces(trx);
    return user;
  });
}

/**
 * Changes the password after checking the current one. Whoever learnt the old
 * one may have made API tokens or kept a session with it, so every API token
 * of the user is revoked and every other session ends; only the session the
 * change was made in stays (none, when it was made with a token).
 */
export async function changePassword(
  db: Db,
  user: UserRow,
  req: ChangePasswordReq,
  currentSid: string | undefined,
): Promise<void> {
  if (!(await verifyPassword(user.password_hash, req.currentPassword))) throw invalidCredentials();
  const hash = await hashPassword(req.newPassword);
  await db.transaction(async (trx) => {
    await repo.updatePasswordHash(trx, user.id, hash);
    await repo.deleteOtherSessions(trx, user.id, currentSid);
    await repo.deleteApiTokensOfUser(trx, user.id);
  });
}

export const listTokens = async (db: Db, userId: string): Promise<ApiToken[]> =>
  (await repo.listApiTokens(db, userId)).map(apiTokenView);

/** Creates an API token; the secret is returned once and only its hash is stored. */
export async function createToken(db: Db, userId: string, name: string): Promise<CreatedApiToken> {
  const token = `blz_${newSecretToken()}`;
  const row = await repo.insertApiToken(db, userId, name, hashToken(token));
  return createdApiTokenView(row, token);
}

export const revokeToken = (db: Db, userId: string, id: string) => repo.deleteApiToken(db, userId, id);

/** The user behind a bearer token and the token's id, if any. */
export const userForApiToken = (db: Db, token: string) => repo.findUserByApiTokenHash(db, hashToken(token));

export const findUser = (db: Db, id: string) => repo.findUserById(db, id);

/** Makes the first admin the organiser of an example workspace that has none (after setup, or at start). */
export const adoptExampleWorkspaces = (db: Db): Promise<void> => repo.adoptExampleWorkspaces(db);

// --- For other modules (workspaces: members and invitations) ---

export const findUserByEmail = (db: Db, email: string) => repo.findUserByEmail(db, email);

/** Creates an account; the caller has hashed the password. */
export const insertUser = (
  db: Db,
  user: { email: string; name: string; passwordHash: string; isAdmin: boolean },
): Promise<UserRow> => repo.insertUser(db, user);

/** A user as the API shows them (for other modules; modules meet through services). */
export { toUserView } from './auth.presenters.js';
