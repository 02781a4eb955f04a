/**
 * Who gets what: the expected answer of every route the app serves, for each
 * kind of caller. tests/security/authorization.test.ts sends each request and
 * compares; it fails when the app serves a route this table does not name, or
 * the table names a route the app does not serve.
 *
 * Columns (see ROLES in fixtures.ts):
 *   anonymous  invitation holder  analyst  organiser  another workspace's organiser  instance admin (no member)
 *
 * A cell is the exact status, or "status error_code" where the error code is
 * asserted too (always so for 401, 403 and 404). Allowed callers send a
 * valid example body (fixtures.ts, RECIPES), so their cell is the route's
 * real success status; the few exceptions say why beside the row.
 */
export type Expected = number | `${number} ${string}`;
export type Row = readonly [
  anonymous: Expected,
  invitee: Expected,
  analyst: Expected,
  organiser: Expected,
  otherOrganiser: Expected,
  admin: Expected,
];

/** Not logged in (an invitation cookie is no login). */
const UNAUTH = '401 unauthenticated';
/** Not a member of the workspace: it answers as if it did not exist (DESIGN §4), admins included. */
const NO_WS = '404 not_found';
/** A member below organiser. */
const ORG = '403 organiser_required';
/** Logged in, not an instance admin. */
const ADMIN = '403 admin_required';
/** The wave takes answers by personal invitation only; a login is no invitation. */
const INVITE = '403 invitation_required';

const all = (e: Expected): Row => [e, e, e, e, e, e];
/** Any logged-in user. */
const user = (ok: Expected): Row => [UNAUTH, UNAUTH, ok, ok, ok, ok];
/** Analysts and organisers of the workspace. */
const analyst = (ok: Expected): Row => [UNAUTH, UNAUTH, ok, ok, NO_WS, NO_WS];
/** Organisers of the workspace. */
const organiser = (ok: Expected): Row => [UNAUTH, UNAUTH, ORG, ok, NO_WS, NO_WS];

export const MATRIX: Record<string, Row> = {
  // ── Site and API description: public ────────────────────────────────────────────────────
  'GET /healthz': all(200),
  'GET /api/v1/openapi.json': all(200),
  'GET /api/docs': all(200),
  'GET /api/docs/docs.css': all(200),

  // ── Answering: public; the wave under test takes invitations only ───────────────────────
  //                                                         anonymous  invitee  analyst  organiser  other-org  admin
  'POST /api/v1/public/waves/{key}/responses': [INVITE, 201, INVITE, INVITE, INVITE, INVITE],
  'GET /api/v1/public/waves/{key}': all(200),
  // The token in the body is the credential (a spare invitation of another wave, so no caller's later answers change).
  'POST /api/v1/public/waves/{key}/invitation': all(204),
  // A partial response's random id is the credential for resuming it.
  'GET /api/v1/public/waves/{key}/responses/{id}': all(200),
  // A session's key is the credential of a phone; its random ballot id keeps its votes apart.
  'GET /api/v1/public/sessions/{key}': all(200),
  'GET /api/v1/public/sessions/{key}/ballots/{ballot}': all(200),
  'PUT /api/v1/public/sessions/{key}/ballots/{ballot}': all(200),
  // A share link's token is the credential.
  'GET /api/v1/public/shares/{token}': all(200),

  // ── Accounts ────────────────────────────────────────────────────────────────────────────
  'POST /api/v1/auth/login': all(200),
  'POST /api/v1/auth/logout': all(204),
  'GET /api/v1/auth/setup': all(200),
  // Users exist, so no setup token is valid any more: the route's own 409 proves nobody was turned away before it.
  'POST /api/v1/auth/setup': all('409 already_set_up'),
  // A member invitation's token is the credential (accepting logs the caller in as the invited person).
  'GET /api/v1/auth/invitations/{token}': all(200),
  'POST /api/v1/auth/invitations/accept': all(200),
  'GET /api/v1/auth/me': user(200),
  'POST /api/v1/auth/password': user(204),
  'GET /api/v1/auth/tokens': user(200),
  'POST /api/v1/auth/tokens': user(201),
  'DELETE /api/v1/auth/tokens/{id}': user(204),
  'GET /api/v1/templates': user(200),
  'GET /api/v1/templates/{id}': user(200),

  // ── Workspaces and members ──────────────────────────────────────────────────────────────
  //                                                         anonymous  invitee  analyst  organiser  other-org  admin
  'GET /api/v1/workspaces': user(200),
  'POST /api/v1/workspaces': [UNAUTH, UNAUTH, ADMIN, ADMIN, ADMIN, 201],
  'GET /api/v1/workspaces/{ws}': analyst(200),
  'PATCH /api/v1/workspaces/{ws}': organiser(200),
  // Only the example workspace can be deleted: {ws} is one, with the same members.
  'DELETE /api/v1/workspaces/{ws}': organiser(204),
  'GET /api/v1/workspaces/{ws}/members': analyst(200),
  'POST /api/v1/workspaces/{ws}/members': organiser(201),
  'PATCH /api/v1/workspaces/{ws}/members/{userId}': organiser(200),
  'DELETE /api/v1/workspaces/{ws}/members/{userId}': organiser(204),
  'DELETE /api/v1/workspaces/{ws}/members/invitations/{id}': organiser(204),
  'GET /api/v1/workspaces/{ws}/audit': organiser(200),
  'GET /api/v1/workspaces/{ws}/overview': analyst(200),

  // ── Questionnaires: organisers write, analysts read ─────────────────────────────────────
  'GET /api/v1/workspaces/{ws}/questionnaires': analyst(200),
  'POST /api/v1/workspaces/{ws}/questionnaires': organiser(201),
  'GET /api/v1/workspaces/{ws}/questionnaires/{slug}': analyst(200),
  'PUT /api/v1/workspaces/{ws}/questionnaires/{slug}/draft': organiser(200),
  'DELETE /api/v1/workspaces/{ws}/questionnaires/{slug}/draft': organiser(204),
  'POST /api/v1/workspaces/{ws}/questionnaires/{slug}/publish': organiser(201),
  'GET /api/v1/workspaces/{ws}/questionnaires/{slug}/versions/{version}': analyst(200),
  'GET /api/v1/workspaces/{ws}/questionnaires/{slug}/versions/{version}/questions': analyst(200),
  'GET /api/v1/workspaces/{ws}/questionnaires/{slug}/diff': analyst(200),
  'GET /api/v1/workspaces/{ws}/questionnaires/{slug}/trend': analyst(200),

  // ── Waves ───────────────────────────────────────────────────────────────────────────────
  'GET /api/v1/workspaces/{ws}/waves': analyst(200),
  'POST /api/v1/workspaces/{ws}/waves': organiser(201),
  'GET /api/v1/workspaces/{ws}/waves/{id}': analyst(200),
  'PATCH /api/v1/workspaces/{ws}/waves/{id}': organiser(200),
  'GET /api/v1/workspaces/{ws}/waves/{id}/invitations': organiser(200),
  'POST /api/v1/workspaces/{ws}/waves/{id}/invitations': organiser(201),

  // ── Results, open answers and their codes: analysts too (they code answers) ─────────────
  'GET /api/v1/workspaces/{ws}/waves/{id}/results': analyst(200),
  'GET /api/v1/workspaces/{ws}/waves/{id}/answers/{question}': analyst(200),
  'PUT /api/v1/workspaces/{ws}/waves/{id}/answers/{question}/{responseId}/codes': analyst(200),
  'GET /api/v1/workspaces/{ws}/questionnaires/{slug}/codes': analyst(200),
  'POST /api/v1/workspaces/{ws}/questionnaires/{slug}/codes': analyst(201),
  'PATCH /api/v1/workspaces/{ws}/questionnaires/{slug}/codes/{id}': analyst(200),
  'DELETE /api/v1/workspaces/{ws}/questionnaires/{slug}/codes/{id}': analyst(204),

  // ── Exports: raw responses for organisers only, aggregates and definitions for analysts ─
  'GET /api/v1/workspaces/{ws}/waves/{id}/export': organiser(200),
  'GET /api/v1/workspaces/{ws}/waves/{id}/export/codebook.csv': organiser(200),
  'GET /api/v1/workspaces/{ws}/waves/{id}/export/panels/{question}.csv': organiser(200),
  'GET /api/v1/workspaces/{ws}/waves/{id}/results/export': analyst(200),
  'GET /api/v1/workspaces/{ws}/questionnaires/{slug}/versions/{version}/export': analyst(200),

  // ── Activities and indicators ───────────────────────────────────────────────────────────
  'GET /api/v1/workspaces/{ws}/activities': analyst(200),
  'POST /api/v1/workspaces/{ws}/activities': organiser(201),
  'POST /api/v1/workspaces/{ws}/activities/import': organiser(201),
  'GET /api/v1/workspaces/{ws}/activities/{id}': analyst(200),
  'PATCH /api/v1/workspaces/{ws}/activities/{id}': organiser(200),
  'DELETE /api/v1/workspaces/{ws}/activities/{id}': organiser(204),
  'GET /api/v1/workspaces/{ws}/indicators': analyst(200),
  'POST /api/v1/workspaces/{ws}/indicators': organiser(201),
  'GET /api/v1/workspaces/{ws}/indicators/{key}': analyst(200),
  'PATCH /api/v1/workspaces/{ws}/indicators/{key}': organiser(200),
  'DELETE /api/v1/workspaces/{ws}/indicators/{key}': organiser(204),
  'POST /api/v1/workspaces/{ws}/indicators/{key}/measurements': organiser(201),
  'DELETE /api/v1/workspaces/{ws}/indicators/{key}/measurements/{id}': organiser(204),

  // ── Prioritisation sessions and the action plan: organisers run them, analysts watch ────
  'GET /api/v1/workspaces/{ws}/sessions': analyst(200),
  'POST /api/v1/workspaces/{ws}/sessions': organiser(201),
  'GET /api/v1/workspaces/{ws}/sessions/{id}': analyst(200),
  'PATCH /api/v1/workspaces/{ws}/sessions/{id}': organiser(200),
  'POST /api/v1/workspaces/{ws}/sessions/{id}/options': organiser(201),
  'GET /api/v1/workspaces/{ws}/sessions/{id}/events': analyst(200),
  'GET /api/v1/workspaces/{ws}/plan': analyst(200),
  'POST /api/v1/workspaces/{ws}/plan/actions': organiser(201),
  'PATCH /api/v1/workspaces/{ws}/plan/actions/{id}': organiser(200),
  'DELETE /api/v1/workspaces/{ws}/plan/actions/{id}': organiser(204),

  // ── Reports and share links (a link hands figures out of the workspace: organisers) ─────
  'GET /api/v1/workspaces/{ws}/reports': analyst(200),
  'POST /api/v1/workspaces/{ws}/reports': organiser(201),
  'GET /api/v1/workspaces/{ws}/reports/{id}': analyst(200),
  'PUT /api/v1/workspaces/{ws}/reports/{id}': organiser(200),
  'DELETE /api/v1/workspaces/{ws}/reports/{id}': organiser(204),
  'GET /api/v1/workspaces/{ws}/reports/{id}/content': analyst(200),
  'GET /api/v1/workspaces/{ws}/shares': organiser(200),
  'POST /api/v1/workspaces/{ws}/shares': organiser(201),
  'DELETE /api/v1/workspaces/{ws}/shares/{id}': organiser(204),
};
