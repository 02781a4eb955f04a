import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminWithWorkspace,
  createTestContext,
  createUser,
  loginAgent,
  PASSWORD,
  uniqueEmail,
  type TestContext,
} from '../helpers/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const count = async (table: string) =>
  ((await ctx.knex(table).select(ctx.knex.raw('count(*)::int as n')).first()) as { n: number }).n;

describe('workspaces', () => {
  it('lets an admin create a workspace and makes them its organiser', async () => {
    const { agent, admin } = await adminWithWorkspace(ctx, 'stuttgart');
    const list = await agent.get('/api/v1/workspaces');
    expect(list.body).toEqual({
      workspaces: [{ slug: 'stuttgart', name: 'Stadtteilvernetzer', role: 'organiser', example: false }],
    });
    const ws = await agent.get('/api/v1/workspaces/stuttgart');
    expect(ws.body).toEqual({
      workspace: { slug: 'stuttgart', name: 'Stadtteilvernetzer', minGroupSize: 5, role: 'organiser', example: false },
    });
    const me = await agent.get('/api/v1/auth/me');
    expect(me.body.memberships).toEqual([
      { workspace: { slug: 'stuttgart', name: 'Stadtteilvernetzer' }, role: 'organiser' },
    ]);
    const audit = await agent.get('/api/v1/workspaces/stuttgart/audit');
    expect(audit.body.entries[0]).toMatchObject({
      action: 'workspace.create',
      target: 'stuttgart',
      actor: { id: admin.id, email: admin.email },
    });
  });

  it('refuses workspaces from non-admins, taken slugs and bad slugs, and stores nothing', async () => {
    const { agent } = await adminWithWorkspace(ctx, 'taken');
    const before = await count('workspaces');
    const dup = await agent.post('/api/v1/workspaces').send({ slug: 'taken', name: 'Again' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    for (const slug of ['', 'Upper', 'with space', '-dash', 'dash-', 'ä-umlaut', 'x'.repeat(49)]) {
      const bad = await agent.post('/api/v1/workspaces').send({ slug, name: 'Bad' });
      expect(bad.status, slug).toBe(400);
    }
    expect((await agent.post('/api/v1/workspaces').send({ slug: 'ok-slug' })).status).toBe(400);
    expect((await agent.post('/api/v1/workspaces').send({ slug: 'ok-slug', name: '  ' })).status).toBe(400);
    expect((await agent.post('/api/v1/workspaces').send({ slug: 'ok-slug', name: 'Ok', extra: 1 })).status).toBe(400);

    const member = await createUser(ctx.knex);
    const memberAgent = await loginAgent(ctx.app, member.email);
    const forbidden = await memberAgent.post('/api/v1/workspaces').send({ slug: 'mine', name: 'Mine' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('admin_required');
    expect((await request(ctx.app).post('/api/v1/workspaces').send({ slug: 'anon', name: 'Anon' })).status).toBe(401);
    expect(await count('workspaces')).toBe(before);
  });

  it('answers 404, never 403, for a workspace the caller does not belong to', async () => {
    await adminWithWorkspace(ctx, 'secret-ws');
    const outsider = await createUser(ctx.knex);
    const agent = await loginAgent(ctx.app, outsider.email);
    for (const path of [
      '/api/v1/workspaces/secret-ws',
      '/api/v1/workspaces/secret-ws/members',
      '/api/v1/workspaces/secret-ws/audit',
      '/api/v1/workspaces/does-not-exist',
    ]) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const patch = await agent.patch('/api/v1/workspaces/secret-ws').send({ name: 'Mine now' });
    expect(patch.status).toBe(404);
    const add = await agent
      .post('/api/v1/workspaces/secret-ws/members')
      .send({ email: outsider.email, role: 'organiser' });
    expect(add.status).toBe(404);
    // Even an instance admin sees only the workspaces they belong to.
    const otherAdmin = await createUser(ctx.knex, { isAdmin: true });
    expect((await (await loginAgent(ctx.app, otherAdmin.email)).get('/api/v1/workspaces/secret-ws')).status).toBe(404);
  });

  it('lets organisers rename and set the minimum group size, never below 3', async () => {
    const { agent } = await adminWithWorkspace(ctx, 'settings');
    const ok = await agent.patch('/api/v1/workspaces/settings').send({ name: 'Netzwerk', minGroupSize: 7 });
    expect(ok.status).toBe(200);
    expect(ok.body.workspace).toEqual({
      slug: 'settings',
      name: 'Netzwerk',
      minGroupSize: 7,
      role: 'organiser',
      example: false,
    });
    for (const body of [{ minGroupSize: 2 }, { minGroupSize: 4.5 }, { minGroupSize: '5' }, {}, { slug: 'renamed' }]) {
      const res = await agent.patch('/api/v1/workspaces/settings').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await agent.get('/api/v1/workspaces/settings')).body.workspace.minGroupSize).toBe(7);
  });
});

describe('members and invitations', () => {
  it('invites a new person by e-mail: one-time link, 7 days, the right role', async () => {
    const { agent } = await adminWithWorkspace(ctx, 'invite-ws');
    const email = uniqueEmail('new');
    const res = await agent
      .post('/api/v1/workspaces/invite-ws/members')
      .send({ email: email.toUpperCase(), role: 'analyst' });
    expect(res.status).toBe(201);
    const { inviteToken, inviteUrl, invitation } = res.body;
    expect(inviteUrl).toBe(`http://bilanz.test/invite#token=${inviteToken}`);
    expect(invitation).toMatchObject({ email, role: 'analyst' });
    const days = (new Date(invitation.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const stored = await ctx.knex('member_invitations').where({ id: invitation.id }).first();
    expect(JSON.stringify(stored)).not.toContain(inviteToken);

    const members = await agent.get('/api/v1/workspaces/invite-ws/members');
    expect(members.body.invitations).toEqual([invitation]);

    const info = await request(ctx.app).get(`/api/v1/auth/invitations/${inviteToken}`);
    expect(info.body).toEqual({
      email,
      role: 'analyst',
      workspace: { slug: 'invite-ws', name: 'Stadtteilvernetzer' },
      expiresAt: invitation.expiresAt,
    });

    const weak = await request(ctx.app)
      .post('/api/v1/auth/invitations/accept')
      .send({ token: inviteToken, password: 'short' });
    expect(weak.status).toBe(400);

    const invitee = request.agent(ctx.app);
    const accepted = await invitee
      .post('/api/v1/auth/invitations/accept')
      .send({ token: inviteToken, password: PASSWORD, name: 'Nora' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email, name: 'Nora', isAdmin: false });
    const me = await invitee.get('/api/v1/auth/me');
    expect(me.body.memberships).toEqual([
      { workspace: { slug: 'invite-ws', name: 'Stadtteilvernetzer' }, role: 'analyst' },
    ]);

    const reuse = await request(ctx.app)
      .post('/api/v1/auth/invitations/accept')
      .send({ token: inviteToken, password: PASSWORD });
    expect(reuse.status).toBe(404);
    expect((await request(ctx.app).get(`/api/v1/auth/invitations/${inviteToken}`)).status).toBe(404);
    const after = await agent.get('/api/v1/workspaces/invite-ws/members');
    expect(after.body.invitations).toEqual([]);
    expect(after.body.members.map((m: { email: string }) => m.email)).toContain(email);
  });

  it('refuses expired and unknown invitations without creating an account', async () => {
    const { agent } = await adminWithWorkspace(ctx, 'expiry-ws');
    const email = uniqueEmail('late');
    const res = await agent.post('/api/v1/workspaces/expiry-ws/members').send({ email, role: 'organiser' });
    await ctx
      .knex('member_invitations')
      .where({ id: res.body.invitation.id })
      .update({ expires_at: new Date(Date.now() - 1000) });
    const late = await request(ctx.app)
      .post('/api/v1/auth/invitations/accept')
      .send({ token: res.body.inviteToken, password: PASSWORD });
    expect(late.status).toBe(404);
    const unknown = await request(ctx.app)
      .post('/api/v1/auth/invitations/accept')
      .send({ token: 'made-up', password: PASSWORD });
    expect(unknown.status).toBe(404);
    expect(await ctx.knex('users').where({ email }).first()).toBeUndefined();
  });

  it('adds an existing account directly and refuses duplicates', async () => {
    const { agent } = await adminWithWorkspace(ctx, 'direct-ws');
    const existing = await createUser(ctx.knex, { name: 'Kim' });
    const res = await agent
      .post('/api/v1/workspaces/direct-ws/members')
      .send({ email: existing.email, role: 'organiser' });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({
      userId: existing.id,
      email: existing.email,
      name: 'Kim',
      role: 'organiser',
    });
    expect(res.body.inviteToken).toBeUndefined();
    const dup = await agent
      .post('/api/v1/workspaces/direct-ws/members')
      .send({ email: existing.email, role: 'analyst' });
    expect(dup.status).toBe(409);
    for (const body of [
      { email: 'not-an-email', role: 'analyst' },
      { email: uniqueEmail(), role: 'admin' },
      { email: uniqueEmail() },
    ]) {
      expect((await agent.post('/api/v1/workspaces/direct-ws/members').send(body)).status, JSON.stringify(body)).toBe(
        400,
      );
    }
  });

  it('lets organisers change roles and remove members, but never the last organiser', async () => {
    const { agent, admin } = await adminWithWorkspace(ctx, 'roles-ws');
    const analyst = await createUser(ctx.knex);
    await agent.post('/api/v1/workspaces/roles-ws/members').send({ email: analyst.email, role: 'analyst' });

    const demoteSelf = await agent.patch(`/api/v1/workspaces/roles-ws/members/${admin.id}`).send({ role: 'analyst' });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.error.code).toBe('last_organiser');
    const removeSelf = await agent.delete(`/api/v1/workspaces/roles-ws/members/${admin.id}`);
    expect(removeSelf.status).toBe(409);

    const promote = await agent.patch(`/api/v1/workspaces/roles-ws/members/${analyst.id}`).send({ role: 'organiser' });
    expect(promote.status).toBe(200);
    expect(promote.body.member).toMatchObject({ userId: analyst.id, role: 'organiser' });
    // With two organisers, one may step down.
    expect(
      (await agent.patch(`/api/v1/workspaces/roles-ws/members/${admin.id}`).send({ role: 'analyst' })).status,
    ).toBe(200);
    const nowOrganiser = await loginAgent(ctx.app, analyst.email);
    expect((await nowOrganiser.delete(`/api/v1/workspaces/roles-ws/members/${analyst.id}`)).status).toBe(409);
    expect((await nowOrganiser.delete(`/api/v1/workspaces/roles-ws/members/${admin.id}`)).status).toBe(204);
    expect((await agent.get('/api/v1/workspaces/roles-ws')).status).toBe(404);

    expect(
      (await nowOrganiser.patch(`/api/v1/workspaces/roles-ws/members/${admin.id}`).send({ role: 'analyst' })).status,
    ).toBe(404);
    expect(
      (await nowOrganiser.patch(`/api/v1/workspaces/roles-ws/members/not-a-uuid`).send({ role: 'analyst' })).status,
    ).toBe(400);
    expect(
      (await nowOrganiser.patch(`/api/v1/workspaces/roles-ws/members/${analyst.id}`).send({ role: 'boss' })).status,
    ).toBe(400);

    const actions = (await nowOrganiser.get('/api/v1/workspaces/roles-ws/audit')).body.entries.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(['member.remove', 'member.role', 'member.role', 'member.add', 'workspace.create']);
  });

  it('keeps at least one organiser when two demote each other at the same time', async () => {
    const { agent, admin } = await adminWithWorkspace(ctx, 'race-ws');
    const second = await createUser(ctx.knex);
    await agent.post('/api/v1/workspaces/race-ws/members').send({ email: second.email, role: 'organiser' });
    const secondAgent = await loginAgent(ctx.app, second.email);
    const results = await Promise.all([
      agent.patch(`/api/v1/workspaces/race-ws/members/${second.id}`).send({ role: 'analyst' }),
      secondAgent.patch(`/api/v1/workspaces/race-ws/members/${admin.id}`).send({ role: 'analyst' }),
    ]);
    // One wins; the other is refused, as the last organiser (409) or, if it
    // arrives after its sender was demoted, as no longer an organiser (403).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const organisers = await ctx
      .knex('memberships')
      .join('workspaces', 'workspaces.id', 'memberships.workspace_id')
      .where({ slug: 'race-ws', role: 'organiser' });
    expect(organisers).toHaveLength(1);
  });

  it('gives analysts read access only', async () => {
    const { agent } = await adminWithWorkspace(ctx, 'read-ws');
    const analyst = await createUser(ctx.knex);
    await agent.post('/api/v1/workspaces/read-ws/members').send({ email: analyst.email, role: 'analyst' });
    const a = await loginAgent(ctx.app, analyst.email);
    expect((await a.get('/api/v1/workspaces/read-ws')).body.workspace.role).toBe('analyst');
    expect((await a.get('/api/v1/workspaces/read-ws/members')).status).toBe(200);
    for (const res of [
      await a.patch('/api/v1/workspaces/read-ws').send({ name: 'x' }),
      await a.post('/api/v1/workspaces/read-ws/members').send({ email: uniqueEmail(), role: 'analyst' }),
      await a.patch(`/api/v1/workspaces/read-ws/members/${analyst.id}`).send({ role: 'organiser' }),
      await a.delete(`/api/v1/workspaces/read-ws/members/${analyst.id}`),
      await a.get('/api/v1/workspaces/read-ws/audit'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('organiser_required');
    }
  });

  it('lets organisers revoke a pending invitation', async () => {
    const { agent } = await adminWithWorkspace(ctx, 'revoke-ws');
    const res = await agent
      .post('/api/v1/workspaces/revoke-ws/members')
      .send({ email: uniqueEmail(), role: 'analyst' });
    expect(
      (await agent.delete(`/api/v1/workspaces/revoke-ws/members/invitations/${res.body.invitation.id}`)).status,
    ).toBe(204);
    expect(
      (await agent.delete(`/api/v1/workspaces/revoke-ws/members/invitations/${res.body.invitation.id}`)).status,
    ).toBe(404);
    const accept = await request(ctx.app)
      .post('/api/v1/auth/invitations/accept')
      .send({ token: res.body.inviteToken, password: PASSWORD });
    expect(accept.status).toBe(404);
  });
});
