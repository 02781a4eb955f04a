import type { ApiTokenRow, Role, UserRow } from '../../db/tables.js';
import { iso, isoOrNull } from '../../lib/response-fields.js';
import type { ApiToken, CreatedApiToken, Me, UserView } from './auth.schemas.js';

/** What the API says about a user: never the hash. */
export const toUserView = (u: UserRow): UserView => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.is_admin });

/** GET /auth/me: the user and the workspaces they belong to. */
export const meView = (u: UserRow, workspaces: Array<{ slug: string; name: string; role: Role }>): Me => ({
  user: toUserView(u),
  memberships: workspaces.map((w) => ({ workspace: { slug: w.slug, name: w.name }, role: w.role })),
});

/** An API token without its secret. */
export const apiTokenView = (t: Pick<ApiTokenRow, 'id' | 'name' | 'created_at' | 'last_used_at'>): ApiToken => ({
  id: t.id,
  name: t.name,
  createdAt: iso(t.created_at),
  lastUsedAt: isoOrNull(t.last_used_at),
});

/** A new API token with its secret, shown this once. */
export const createdApiTokenView = (t: Pick<ApiTokenRow, 'id' | 'name'>, token: string): CreatedApiToken => ({
  id: t.id,
  name: t.name,
  token,
});
