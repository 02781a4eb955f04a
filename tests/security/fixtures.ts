import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { insertUser } from '../../api/src/modules/auth/auth.repo.js';
import { loginAgent, PASSWORD, testPasswordHash, uniqueEmail, type TestContext } from '../helpers/test-app.js';
import { smallDefinition, validAnswers } from '../helpers/waves.js';

/**
 * The callers of the authorization matrix, in the order of its columns:
 * - anonymous: no cookie, no token;
 * - invitee: a respondent without an account who exchanged a wave invitation
 *   for the invitation cookie (sent on every request, not only on its wave's path);
 * - analyst / organiser: members of the workspace under test with that role;
 * - otherOrganiser: organiser of another workspace, member of nothing else;
 * - admin: an instance admin who is no member of the workspace under test.
 */
export const ROLES = ['anonymous', 'invitee', 'analyst', 'organiser', 'otherOrganiser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Starts a request as one caller. */
export type Caller = (method: Method, path: string) => request.Test;

/** The ids of the objects of one world that routes' path placeholders and bodies refer to. */
export type WorldIds = {
  waveLink: string;
  /** A wave whose questionnaire has a dynamic panel `kids` (for its long export). */
  wavePanels: string;
  waveInvitation: string;
  waveInvitationKey: string;
  waveExchangeKey: string;
  exchangeToken: string;
  partialResponse: string;
  response: string;
  codeKeep: string;
  codeDelete: string;
  activityKeep: string;
  activityDelete: string;
  measurementDelete: string;
  reportKeep: string;
  reportDelete: string;
  shareToken: string;
  shareDelete: string;
  /** An open prioritisation session, its key and one of its options. */
  session: string;
  sessionKey: string;
  sessionOption: string;
  actionKeep: string;
  actionDelete: string;
  memberChange: string;
  memberRemove: string;
  invitationRevoke: string;
  invitationDescribeToken: string;
  invitationAcceptToken: string;
  /** Who POST /auth/login logs in: the caller themselves (so their session stays theirs), or a spare user for callers without an account. */
  loginEmail: string;
  /** An API token of the caller (or, for callers without an account, of the world's creator). */
  ownToken: string;
  /** An API token of the admin who built the world. */
  creatorToken: string;
};

/**
 * One world per role: its own workspaces and objects, so that the writes and
 * deletes of one role's pass cannot spoil another's. Only the world's `role`
 * calls into it.
 */
export type World = {
  role: Role;
  /** The workspace under test. */
  slug: string;
  /** A workspace flagged as the example (the only kind DELETE /workspaces/{ws} removes), same members. */
  exampleSlug: string;
  /** The other organiser's own workspace. */
  otherSlug: string;
  /** A slug no workspace has yet, for POST /workspaces. */
  newSlug: string;
  ids: WorldIds;
  /** Requests as the role, on its long-lived session. */
  call: Caller;
  /** A new session of the role, for a route that hands its session to someone else. */
  fresh(): Promise<Caller>;
};

/** Fails the setup loudly when a step does not answer as expected. */
async function ok<T = any>(res: Promise<request.Response> | request.Test, status: number, what: string): Promise<T> {
  const r = await res;
  if (r.status !== status)
    throw new Error(`authorization setup, ${what}: expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

/** A user inserted straight into the database, with the cheap test hash (argon2 is slow on purpose; see testPasswordHash). */
async function user(ctx: TestContext, isAdmin = false) {
  return insertUser(ctx.knex, {
    email: uniqueEmail('authz'),
    name: 'Matrix',
    passwordHash: await testPasswordHash(PASSWORD),
    isAdmin,
  });
}

const agentCaller =
  (agent: ReturnType<typeof request.agent>): Caller =>
  (method, path) =>
    agent[method](path);

/** Builds the world in which `role` is checked; `n` keeps slugs apart. */
export async function buildWorld(ctx: TestContext, role: Role, n: number): Promise<World> {
  const slug = `matrix-${n}`;
  const exampleSlug = `example-${n}`;
  const otherSlug = `other-${n}`;
  const base = `/api/v1/workspaces/${slug}`;
  const creator = await user(ctx, true);
  const a = await loginAgent(ctx.app, creator.email);
  for (const s of [slug, exampleSlug, otherSlug])
    await ok(a.post('/api/v1/workspaces').send({ slug: s, name: `Matrix ${s}` }), 201, `workspace ${s}`);
  // The example workspace is loaded once per instance at first start; flagging one per world is the only way to give each its own.
  await ctx.knex('workspaces').where({ slug: exampleSlug }).update({ is_example: true });

  for (const q of ['kurz', 'put-draft', 'del-draft', 'pub']) {
    await ok(
      a.post(`${base}/questionnaires`).send({ slug: q, definition: smallDefinition }),
      201,
      `questionnaire ${q}`,
    );
  }
  await ok(a.post(`${base}/questionnaires/kurz/publish`).send({}), 201, 'publish');
  // Only a published questionnaire's draft can be thrown away.
  await ok(a.post(`${base}/questionnaires/del-draft/publish`).send({}), 201, 'publish del-draft');
  const changed = { ...smallDefinition, title: { default: 'Kurzumfrage 2', en: 'Short survey 2' } };
  await ok(a.put(`${base}/questionnaires/del-draft/draft`).send({ definition: changed }), 200, 'draft of del-draft');
  const wave = (access: 'link' | 'invitation', title: string) =>
    ok<{ id: string; key: string }>(
      a.post(`${base}/waves`).send({ questionnaire: 'kurz', version: 1, title, access }),
      201,
      `wave ${title}`,
    );
  const link = await wave('link', 'Offen');
  const panelsDefinition = {
    pages: [
      {
        name: 'p',
        elements: [{ type: 'paneldynamic', name: 'kids', templateElements: [{ type: 'text', name: 'age' }] }],
      },
    ],
  };
  await ok(
    a.post(`${base}/questionnaires`).send({ slug: 'panels', definition: panelsDefinition }),
    201,
    'questionnaire panels',
  );
  await ok(a.post(`${base}/questionnaires/panels/publish`).send({}), 201, 'publish panels');
  const panels = await ok<{ id: string }>(
    a.post(`${base}/waves`).send({ questionnaire: 'panels', version: 1, title: 'Abschnitte', access: 'link' }),
    201,
    'wave panels',
  );
  const invited = await wave('invitation', 'Persönlich');
  const exchange = await wave('invitation', 'Tausch');
  const tokens = async (id: string, count: number) =>
    (
      await ok<{ invitations: Array<{ token: string }> }>(
        a.post(`${base}/waves/${id}/invitations`).send({ count }),
        201,
        'invitations',
      )
    ).invitations.map((i) => i.token);
  const [holderToken, partialToken] = await tokens(invited.id, 2);
  const [exchangeToken] = await tokens(exchange.id, 1);

  const response = randomUUID();
  await ok(
    request(ctx.app)
      .post(`/api/v1/public/waves/${link.key}/responses`)
      .send({ id: response, status: 'complete', data: validAnswers }),
    201,
    'response',
  );
  const partialResponse = randomUUID();
  await ok(
    request(ctx.app)
      .post(`/api/v1/public/waves/${invited.key}/responses`)
      .send({ id: partialResponse, status: 'partial', data: { sector: 'civic' }, token: partialToken }),
    201,
    'partial response',
  );

  const code = async (label: string) =>
    (await ok<{ id: string }>(a.post(`${base}/questionnaires/kurz/codes`).send({ label }), 201, 'code')).id;
  const activity = async (title: string) =>
    (
      await ok<{ id: string }>(
        a.post(`${base}/activities`).send({ type: 'article', title, date: '2015-05-01' }),
        201,
        'activity',
      )
    ).id;
  const indicator = (key: string) =>
    ok(
      a
        .post(`${base}/indicators`)
        .send({ key, name: `Indikator ${key}`, level: 'output', step: 2, direction: 'up', source: { kind: 'manual' } }),
      201,
      'indicator',
    );
  await indicator('ind');
  await indicator('ind-del');
  const measurement = await ok<{ id: string }>(
    a.post(`${base}/indicators/ind/measurements`).send({ date: '2015-05-01', value: 80 }),
    201,
    'measurement',
  );
  const report = async (title: string) =>
    (await ok<{ id: string }>(a.post(`${base}/reports`).send({ title }), 201, 'report')).id;
  const reportKeep = await report('Bilanz 2015');
  const share = () =>
    ok<{ id: string; token: string }>(a.post(`${base}/shares`).send({ report: reportKeep }), 201, 'share');
  const member = async () => {
    const u = await user(ctx);
    return (
      await ok<{ member: { userId: string } }>(
        a.post(`${base}/members`).send({ email: u.email, role: 'analyst' }),
        201,
        'member',
      )
    ).member.userId;
  };
  const invite = () =>
    ok<{ invitation: { id: string }; inviteToken: string }>(
      a.post(`${base}/members`).send({ email: uniqueEmail('invitee'), role: 'analyst' }),
      201,
      'member invitation',
    );
  const session = await ok<{ id: string; key: string; options: Array<{ id: string }> }>(
    a.post(`${base}/sessions`).send({ title: 'Strategiesitzung', options: ['Website', 'Treffen'] }),
    201,
    'session',
  );
  const action = async (title: string) =>
    (await ok<{ id: string }>(a.post(`${base}/plan/actions`).send({ title, carrier: 'volunteers' }), 201, 'action')).id;
  const creatorToken = (await ok<{ id: string }>(a.post('/api/v1/auth/tokens').send({ name: 'Skript' }), 201, 'token'))
    .id;

  const ids: WorldIds = {
    waveLink: link.id,
    wavePanels: panels.id,
    waveInvitation: invited.id,
    waveInvitationKey: invited.key,
    waveExchangeKey: exchange.key,
    exchangeToken: exchangeToken!,
    partialResponse,
    response,
    codeKeep: await code('Kontakte'),
    codeDelete: await code('Austausch'),
    activityKeep: await activity('Blog'),
    activityDelete: await activity('Rundbrief'),
    measurementDelete: measurement.id,
    reportKeep,
    reportDelete: await report('Entwurf'),
    shareToken: (await share()).token,
    shareDelete: (await share()).id,
    session: session.id,
    sessionKey: session.key,
    sessionOption: session.options[0]!.id,
    actionKeep: await action('Netzwerktreffen'),
    actionDelete: await action('Rundbrief'),
    memberChange: await member(),
    memberRemove: await member(),
    invitationRevoke: (await invite()).invitation.id,
    invitationDescribeToken: (await invite()).inviteToken,
    invitationAcceptToken: (await invite()).inviteToken,
    loginEmail: (await user(ctx)).email,
    ownToken: creatorToken,
    creatorToken,
  };

  const world = { role, slug, exampleSlug, otherSlug, newSlug: `new-${n}`, ids };
  const addTo = (s: string, email: string, r: 'analyst' | 'organiser') =>
    ok(a.post(`/api/v1/workspaces/${s}/members`).send({ email, role: r }), 201, `${r} of ${s}`);

  if (role === 'anonymous') {
    const call: Caller = (method, path) => request(ctx.app)[method](path);
    return { ...world, call, fresh: () => Promise.resolve(call) };
  }
  if (role === 'invitee') {
    const res = await request(ctx.app)
      .post(`/api/v1/public/waves/${invited.key}/invitation`)
      .send({ token: holderToken });
    const raw = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
    const cookie = raw.find((c) => c.startsWith('bilanz.invitation='))?.split(';')[0];
    if (res.status !== 204 || !cookie)
      throw new Error(`authorization setup, invitation exchange: ${res.status} ${JSON.stringify(res.body)}`);
    const call: Caller = (method, path) => request(ctx.app)[method](path).set('Cookie', cookie);
    return { ...world, call, fresh: () => Promise.resolve(call) };
  }

  const me = await user(ctx, role === 'admin');
  if (role === 'organiser' || role === 'analyst') {
    await addTo(slug, me.email, role);
    await addTo(exampleSlug, me.email, role);
  }
  if (role === 'otherOrganiser') await addTo(otherSlug, me.email, 'organiser');
  const agent = await loginAgent(ctx.app, me.email);
  ids.ownToken = (
    await ok<{ id: string }>(agent.post('/api/v1/auth/tokens').send({ name: 'Eigenes' }), 201, 'own token')
  ).id;
  ids.loginEmail = me.email;
  return { ...world, call: agentCaller(agent), fresh: async () => agentCaller(await loginAgent(ctx.app, me.email)) };
}

/** How to call one route: which objects its placeholders name, its query and an example body that the route accepts. */
export type Recipe = {
  params?: Record<string, (w: World) => string>;
  query?: string;
  body?: (w: World) => unknown;
  /** The route replaces the session it runs on with someone else's: it gets a fresh session of the role. */
  session?: 'fresh';
  /** A server-sent event stream: read until its first event, then hung up. */
  stream?: true;
};

/**
 * Per route, where the generic placeholder values below do not do: objects
 * that the route deletes or changes get their own, bodies are valid examples.
 */
export const RECIPES: Record<string, Recipe> = {
  'POST /api/v1/public/waves/{key}/responses': {
    body: () => ({ id: randomUUID(), status: 'complete', data: validAnswers }),
  },
  'POST /api/v1/public/waves/{key}/invitation': {
    params: { key: (w) => w.ids.waveExchangeKey },
    body: (w) => ({ token: w.ids.exchangeToken }),
  },
  'POST /api/v1/auth/invitations/accept': {
    body: (w) => ({ token: w.ids.invitationAcceptToken, password: 'a new member password', name: 'Neu' }),
    session: 'fresh',
  },
  'POST /api/v1/auth/login': { body: (w) => ({ email: w.ids.loginEmail, password: PASSWORD }) },
  'POST /api/v1/auth/logout': { body: () => ({}) },
  // No setup token exists once users do: the route's own 409 already_set_up is the answer for everyone.
  'POST /api/v1/auth/setup': {
    body: () => ({ token: 'no-such-setup-token', email: uniqueEmail('setup'), password: 'a setup password' }),
  },
  'POST /api/v1/auth/password': { body: () => ({ currentPassword: PASSWORD, newPassword: 'a changed password' }) },
  'POST /api/v1/auth/tokens': { body: () => ({ name: 'Matrix' }) },
  'POST /api/v1/workspaces': { body: (w) => ({ slug: w.newSlug, name: 'Neu' }) },
  'DELETE /api/v1/workspaces/{ws}': { params: { ws: (w) => w.exampleSlug } },
  'PATCH /api/v1/workspaces/{ws}': { body: () => ({ name: 'Umbenannt' }) },
  'POST /api/v1/workspaces/{ws}/members': { body: () => ({ email: uniqueEmail('new'), role: 'analyst' }) },
  'PATCH /api/v1/workspaces/{ws}/members/{userId}': {
    params: { userId: (w) => w.ids.memberChange },
    body: () => ({ role: 'organiser' }),
  },
  'DELETE /api/v1/workspaces/{ws}/members/{userId}': { params: { userId: (w) => w.ids.memberRemove } },
  'POST /api/v1/workspaces/{ws}/questionnaires': { body: () => ({ slug: 'neu', definition: smallDefinition }) },
  'PUT /api/v1/workspaces/{ws}/questionnaires/{slug}/draft': {
    params: { slug: () => 'put-draft' },
    body: () => ({ definition: smallDefinition }),
  },
  'DELETE /api/v1/workspaces/{ws}/questionnaires/{slug}/draft': { params: { slug: () => 'del-draft' } },
  'POST /api/v1/workspaces/{ws}/questionnaires/{slug}/publish': {
    params: { slug: () => 'pub' },
    body: () => ({ changeNote: 'Erste Fassung' }),
  },
  'GET /api/v1/workspaces/{ws}/questionnaires/{slug}/diff': { query: 'from=1&to=1' },
  'GET /api/v1/workspaces/{ws}/questionnaires/{slug}/trend': { query: 'question=recommend' },
  'GET /api/v1/workspaces/{ws}/waves/{id}/export': { query: 'format=csv' },
  'GET /api/v1/workspaces/{ws}/waves/{id}/results/export': { query: 'format=csv' },
  'POST /api/v1/workspaces/{ws}/questionnaires/{slug}/codes': { body: () => ({ label: 'Neu' }) },
  'PATCH /api/v1/workspaces/{ws}/questionnaires/{slug}/codes/{id}': { body: () => ({ label: 'Kontakte knüpfen' }) },
  'DELETE /api/v1/workspaces/{ws}/questionnaires/{slug}/codes/{id}': { params: { id: (w) => w.ids.codeDelete } },
  'GET /api/v1/workspaces/{ws}/waves/{id}/export/panels/{question}.csv': {
    params: { id: (w) => w.ids.wavePanels, question: () => 'kids' },
  },
  'PUT /api/v1/workspaces/{ws}/waves/{id}/answers/{question}/{responseId}/codes': {
    body: (w) => ({ codes: [w.ids.codeKeep] }),
  },
  'POST /api/v1/workspaces/{ws}/waves': {
    body: () => ({ questionnaire: 'kurz', version: 1, title: 'Welle 2016', access: 'link' }),
  },
  'PATCH /api/v1/workspaces/{ws}/waves/{id}': { body: () => ({ title: 'Welle 2015 (neu)' }) },
  'GET /api/v1/workspaces/{ws}/waves/{id}/invitations': { params: { id: (w) => w.ids.waveInvitation } },
  'POST /api/v1/workspaces/{ws}/waves/{id}/invitations': {
    params: { id: (w) => w.ids.waveInvitation },
    body: () => ({ count: 1 }),
  },
  'POST /api/v1/workspaces/{ws}/activities': {
    body: () => ({ type: 'district_visit', title: 'Besuch Mitte', date: '2015-03-12', district: 'Mitte' }),
  },
  'POST /api/v1/workspaces/{ws}/activities/import': {
    body: () => ({ csv: 'type;title;date\narticle;Blog;2015-02-01\n' }),
  },
  'PATCH /api/v1/workspaces/{ws}/activities/{id}': { body: () => ({ title: 'Blog (neu)' }) },
  'DELETE /api/v1/workspaces/{ws}/activities/{id}': { params: { id: (w) => w.ids.activityDelete } },
  'POST /api/v1/workspaces/{ws}/indicators': {
    body: () => ({ key: 'neu', name: 'Neu', level: 'input', direction: 'up', source: { kind: 'manual' } }),
  },
  'PATCH /api/v1/workspaces/{ws}/indicators/{key}': { body: () => ({ name: 'Mitglieder' }) },
  'DELETE /api/v1/workspaces/{ws}/indicators/{key}': { params: { key: () => 'ind-del' } },
  'POST /api/v1/workspaces/{ws}/indicators/{key}/measurements': { body: () => ({ date: '2015-06-01', value: 81 }) },
  'POST /api/v1/workspaces/{ws}/reports': { body: () => ({ title: 'Bilanz 2016' }) },
  'PUT /api/v1/workspaces/{ws}/reports/{id}': {
    body: () => ({ title: 'Bilanz 2015 (neu)', sections: [{ kind: 'survey' }] }),
  },
  'DELETE /api/v1/workspaces/{ws}/reports/{id}': { params: { id: (w) => w.ids.reportDelete } },
  'POST /api/v1/workspaces/{ws}/shares': { body: (w) => ({ report: w.ids.reportKeep }) },
  'POST /api/v1/workspaces/{ws}/sessions': { body: () => ({ title: 'Neue Abstimmung', options: ['A', 'B'] }) },
  'PATCH /api/v1/workspaces/{ws}/sessions/{id}': { body: () => ({ title: 'Strategiesitzung (neu)' }) },
  'POST /api/v1/workspaces/{ws}/sessions/{id}/options': { body: () => ({ label: `Option ${randomUUID()}` }) },
  'GET /api/v1/workspaces/{ws}/sessions/{id}/events': { stream: true },
  'PUT /api/v1/public/sessions/{key}/ballots/{ballot}': { body: (w) => ({ votes: { [w.ids.sessionOption]: 1 } }) },
  'POST /api/v1/workspaces/{ws}/plan/actions': { body: () => ({ title: 'Fortbildung', carrier: 'volunteers' }) },
  'PATCH /api/v1/workspaces/{ws}/plan/actions/{id}': {
    body: () => ({ carrier: 'funding', cost: 1200, fundingSource: 'Stiftung' }),
  },
  'DELETE /api/v1/workspaces/{ws}/plan/actions/{id}': { params: { id: (w) => w.ids.actionDelete } },
};

/**
 * Routes that touch the session run after all others, in this order: a new
 * login (as the caller themselves, see loginEmail), accepting an invitation
 * (on a fresh session, which it hands to the invited person), the password
 * change (it needs the old password and ends the caller's other sessions),
 * and logout (it ends the session everything ran on).
 */
export const LATE_ROUTES = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/invitations/accept',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
];

/**
 * The concrete URL of a route in a world: placeholders from the recipe, else
 * by name and the path segment before them. A new placeholder fails loudly.
 */
export function concreteUrl(route: string, w: World, overrides: Record<string, string> = {}): string {
  const path = route.slice(route.indexOf(' ') + 1);
  const recipe = RECIPES[route];
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
    if (overrides[name] !== undefined) return overrides[name];
    const own = recipe?.params?.[name];
    if (own) return own(w);
    const before = path.slice(0, offset);
    const value =
      name === 'ws'
        ? w.slug
        : name === 'slug'
          ? 'kurz'
          : name === 'version'
            ? '1'
            : name === 'question'
              ? 'jointDetails'
              : name === 'responseId'
                ? w.ids.response
                : name === 'token' && before.endsWith('/public/shares/')
                  ? w.ids.shareToken
                  : name === 'token' && before.endsWith('/auth/invitations/')
                    ? w.ids.invitationDescribeToken
                    : name === 'key' && before.endsWith('/public/waves/')
                      ? w.ids.waveInvitationKey
                      : name === 'key' && before.endsWith('/public/sessions/')
                        ? w.ids.sessionKey
                        : name === 'ballot'
                          ? randomUUID()
                          : name === 'id' && before.endsWith('/sessions/')
                            ? w.ids.session
                            : name === 'id' && before.endsWith('/plan/actions/')
                              ? w.ids.actionKeep
                              : name === 'key' && before.endsWith('/indicators/')
                                ? 'ind'
                                : name === 'id' && before.endsWith('/templates/')
                                  ? 'mitgliederumfrage'
                                  : name === 'id' && before.endsWith('/tokens/')
                                    ? w.ids.ownToken
                                    : name === 'id' && before.endsWith('/responses/')
                                      ? w.ids.partialResponse
                                      : name === 'id' && before.endsWith('/waves/')
                                        ? w.ids.waveLink
                                        : name === 'id' && before.endsWith('/codes/')
                                          ? w.ids.codeKeep
                                          : name === 'id' && before.endsWith('/activities/')
                                            ? w.ids.activityKeep
                                            : name === 'id' && before.endsWith('/measurements/')
                                              ? w.ids.measurementDelete
                                              : name === 'id' && before.endsWith('/reports/')
                                                ? w.ids.reportKeep
                                                : name === 'id' && before.endsWith('/shares/')
                                                  ? w.ids.shareDelete
                                                  : name === 'id' && before.endsWith('/members/invitations/')
                                                    ? w.ids.invitationRevoke
                                                    : undefined;
    if (value === undefined)
      throw new Error(
        `authorization matrix: no value for {${name}} in ${route}; add one to concreteUrl or the route's recipe in tests/security/fixtures.ts`,
      );
    return value;
  });
  return recipe?.query ? `${filled}?${recipe.query}` : filled;
}

/** Reads an event stream up to its first event and hangs up; any other answer (an error) whole, as JSON. */
const firstEventOrJson = (res: request.Response, done: (err: Error | null, body: unknown) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream & { destroy(): void };
  const isStream = String(res.headers['content-type']).startsWith('text/event-stream');
  let text = '';
  let finished = false;
  const finish = (body: unknown) => {
    if (finished) return;
    finished = true;
    done(null, body);
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text += chunk;
    if (isStream && /event: session\ndata: .*\n\n/.test(text)) {
      finish(text);
      stream.destroy();
    }
  });
  stream.on('end', () => finish(isStream ? text : text ? JSON.parse(text) : {}));
};

/** Sends one route's request as the world's role; writes carry the recipe's body (or `{}`). `overrides` replace placeholder values. */
export async function callRoute(
  route: string,
  w: World,
  overrides: Record<string, string> = {},
): Promise<request.Response> {
  const method = route.slice(0, route.indexOf(' ')).toLowerCase() as Method;
  const recipe = RECIPES[route];
  const caller = recipe?.session === 'fresh' ? await w.fresh() : w.call;
  const req = caller(method, concreteUrl(route, w, overrides));
  if (method === 'post' || method === 'put' || method === 'patch') return req.send(recipe?.body?.(w) ?? {});
  if (recipe?.stream) return req.buffer(true).parse(firstEventOrJson);
  return req;
}
