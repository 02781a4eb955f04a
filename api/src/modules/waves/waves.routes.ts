import { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/db-handle.js';
import { currentUser, currentWorkspace, requireUser, requireWorkspace } from '../../http/auth.js';
import { parse, parseBody } from '../../http/validate.js';
import { CSV_OPTIONS } from '../../lib/csv.js';
import {
  CreateInvitationsSchema,
  CreateWaveSchema,
  InvitationsFormat,
  UpdateWaveSchema,
  WaveParams,
} from './waves.schemas.js';
import * as service from './waves.service.js';

/** /api/v1/workspaces/:ws/waves: organisers write, analysts read. */
export function wavesRouter(deps: { knex: Db; publicUrl: string }): Router {
  const { knex, publicUrl } = deps;
  const r = Router({ mergeParams: true });
  const analyst = requireWorkspace(knex, 'analyst');
  const organiser = requireWorkspace(knex, 'organiser');
  r.use(requireUser);

  r.get('/', analyst, async (req, res) => {
    res.json({ waves: await service.listWaves(knex, currentWorkspace(req).row, publicUrl) });
  });

  r.post('/', organiser, async (req, res) => {
    const body = parseBody(CreateWaveSchema, req);
    res.status(201).json(await service.createWave(knex, currentUser(req), currentWorkspace(req).row, body, publicUrl));
  });

  r.get('/:id', analyst, async (req, res) => {
    const { id } = parse(WaveParams, req.params);
    res.json({ wave: await service.describeWave(knex, currentWorkspace(req).row, id, publicUrl) });
  });

  r.patch('/:id', organiser, async (req, res) => {
    const { id } = parse(WaveParams, req.params);
    const body = parseBody(UpdateWaveSchema, req);
    res.json({
      wave: await service.updateWave(knex, currentUser(req), currentWorkspace(req).row, id, body, publicUrl),
    });
  });

  r.get('/:id/invitations', organiser, async (req, res) => {
    const { id } = parse(WaveParams, req.params);
    res.json({ invitations: await service.listInvitations(knex, currentWorkspace(req).row, id) });
  });

  // Tokens are shown once: `?format=csv` returns them as a file of links for a mail merge,
  // written like every CSV export (labels are trimmed by the schema, then guarded against formulas here).
  r.post('/:id/invitations', organiser, async (req, res) => {
    const { id } = parse(WaveParams, req.params);
    const { format } = parse(InvitationsFormat, req.query);
    const body = parseBody(CreateInvitationsSchema, req);
    const invitations = await service.createInvitations(
      knex,
      currentUser(req),
      currentWorkspace(req).row,
      id,
      body,
      publicUrl,
    );
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') {
      res.status(201).type('text/csv; charset=utf-8').attachment('invitations.csv');
      res.send(
        stringify(
          invitations.map((i) => ({ label: i.label ?? '', url: i.url })),
          { ...CSV_OPTIONS, header: true, columns: ['label', 'url'] },
        ),
      );
      return;
    }
    res.status(201).json({ invitations });
  });

  return r;
}
