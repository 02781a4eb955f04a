import { Router } from 'express';
import type { Db } from '../../db/db-handle.js';
import { currentUser, currentWorkspace, requireAdmin, requireUser, requireWorkspace } from '../../http/auth.js';
import { startSession } from '../../http/session.js';
import { parse, parseBody } from '../../http/validate.js';
import {
  AcceptInvitationSchema,
  AddMemberSchema,
  AuditQuery,
  CreateWorkspaceSchema,
  InvitationParams,
  MemberParams,
  UpdateMemberSchema,
  UpdateWorkspaceSchema,
} from './workspaces.schemas.js';
import { auditEntryView, workspaceView } from './workspaces.presenters.js';
import * as service from './workspaces.service.js';

/** /api/v1/workspaces: workspaces, members, invitations, audit log. */
export function workspacesRouter(deps: { knex: Db; publicUrl: string }): Router {
  const { knex, publicUrl } = deps;
  const r = Router();
  const analyst = requireWorkspace(knex, 'analyst');
  const organiser = requireWorkspace(knex, 'organiser');

  r.get('/', requireUser, async (req, res) => {
    res.json({ workspaces: await service.listWorkspaces(knex, currentUser(req).id) });
  });

  r.post('/', requireAdmin, async (req, res) => {
    const body = parseBody(CreateWorkspaceSchema, req);
    const ws = await service.createWorkspace(knex, currentUser(req), body);
    res.status(201).json({ workspace: workspaceView(ws, 'organiser') });
  });

  r.get('/:ws', requireUser, analyst, (req, res) => {
    const { row, role } = currentWorkspace(req);
    res.json({ workspace: workspaceView(row, role) });
  });

  r.delete('/:ws', requireUser, organiser, async (req, res) => {
    await service.deleteExampleWorkspace(knex, currentUser(req), currentWorkspace(req).row);
    res.status(204).end();
  });

  r.patch('/:ws', requireUser, organiser, async (req, res) => {
    const body = parseBody(UpdateWorkspaceSchema, req);
    const { row, role } = currentWorkspace(req);
    const updated = await service.updateWorkspace(knex, currentUser(req), row, body);
    res.json({ workspace: workspaceView(updated, role) });
  });

  r.get('/:ws/members', requireUser, analyst, async (req, res) => {
    res.json(await service.listMembersAndInvitations(knex, currentWorkspace(req).row));
  });

  r.post('/:ws/members', requireUser, organiser, async (req, res) => {
    const body = parseBody(AddMemberSchema, req);
    res.status(201).json(await service.addMember(knex, currentUser(req), currentWorkspace(req).row, body, publicUrl));
  });

  // Declared before /members/:userId so that "invitations" is never read as a user id.
  r.delete('/:ws/members/invitations/:id', requireUser, organiser, async (req, res) => {
    const { id } = parse(InvitationParams, req.params);
    await service.revokeInvitation(knex, currentUser(req), currentWorkspace(req).row, id);
    res.status(204).end();
  });

  r.patch('/:ws/members/:userId', requireUser, organiser, async (req, res) => {
    const { userId } = parse(MemberParams, req.params);
    const body = parseBody(UpdateMemberSchema, req);
    res.json(await service.changeRole(knex, currentUser(req), currentWorkspace(req).row, userId, body.role));
  });

  r.delete('/:ws/members/:userId', requireUser, organiser, async (req, res) => {
    const { userId } = parse(MemberParams, req.params);
    await service.removeMember(knex, currentUser(req), currentWorkspace(req).row, userId);
    res.status(204).end();
  });

  r.get('/:ws/audit', requireUser, organiser, async (req, res) => {
    const { limit } = parse(AuditQuery, req.query);
    res.json({ entries: (await service.listAudit(knex, currentWorkspace(req).row.id, limit)).map(auditEntryView) });
  });

  return r;
}

/** /api/v1/auth/invitations: public, the token is the credential. */
export function invitationsRouter(deps: { knex: Db }): Router {
  const { knex } = deps;
  const r = Router();

  r.get('/:token', async (req, res) => {
    res.json(await service.describeInvitation(knex, String(req.params.token)));
  });

  r.post('/accept', async (req, res) => {
    const body = parseBody(AcceptInvitationSchema, req);
    const { user } = await service.acceptInvitation(knex, body);
    await startSession(req, user.id);
    res.json({ user: service.toUserView(user) });
  });

  return r;
}
