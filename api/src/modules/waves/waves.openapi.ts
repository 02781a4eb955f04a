import type { ApiModule } from '../../openapi/operation.js';
import {
  CreatedWaveResponse,
  CreateInvitationsSchema,
  CreateWaveSchema,
  InvitationsFormat,
  IssuedInvitationListResponse,
  UpdateWaveSchema,
  WaveDetailEnvelopeResponse,
  WaveInvitationListResponse,
  WaveListResponse,
  WaveParams,
} from './waves.schemas.js';

/** OpenAPI description of waves.routes.ts. */
export const wavesApi: ApiModule = {
  tags: [
    {
      name: 'Waves',
      description:
        'A wave (Erhebungswelle) is one collection period of one published questionnaire version, open to anyone with its link or by personal invitation.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/waves',
      operationId: 'listWaves',
      summary: 'The waves of a workspace with their response counts',
      tag: 'Waves',
      access: 'analyst',
      responses: [{ status: 200, description: 'The waves of the workspace.', schema: WaveListResponse }],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/waves',
      operationId: 'createWave',
      summary: 'Open a wave of a published questionnaire version',
      tag: 'Waves',
      access: 'organiser',
      body: CreateWaveSchema,
      responses: [{ status: 201, description: 'The url is the public answering link.', schema: CreatedWaveResponse }],
      errors: ['404 not_found', '422 version_not_published'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/waves/{id}',
      operationId: 'getWave',
      summary: 'One wave',
      tag: 'Waves',
      access: 'analyst',
      params: WaveParams,
      responses: [
        {
          status: 200,
          description: 'The wave with its response and invitation counts.',
          schema: WaveDetailEnvelopeResponse,
        },
      ],
      errors: ['404 not_found'],
    },
    {
      method: 'patch',
      path: '/workspaces/{ws}/waves/{id}',
      operationId: 'updateWave',
      summary: 'Open or close a wave, change its dates, title, privacy notice or retention',
      tag: 'Waves',
      access: 'organiser',
      params: WaveParams,
      body: UpdateWaveSchema,
      responses: [{ status: 200, description: '{wave}, as GET answers.', schema: WaveDetailEnvelopeResponse }],
      errors: ['404 not_found', '422 invalid_dates'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/waves/{id}/invitations',
      operationId: 'listWaveInvitations',
      summary: "A wave's personal invitations (whether used, never the tokens)",
      tag: 'Waves',
      access: 'organiser',
      params: WaveParams,
      responses: [
        {
          status: 200,
          description: 'The wave’s invitations (never their tokens).',
          schema: WaveInvitationListResponse,
        },
      ],
      errors: ['404 not_found'],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/waves/{id}/invitations',
      operationId: 'createWaveInvitations',
      summary: 'Create personal invitation links; the tokens are shown once and stored hashed',
      description: 'With ?format=csv the answer is a CSV file (label, url) for a mail merge instead of JSON.',
      tag: 'Waves',
      access: 'organiser',
      params: WaveParams,
      query: InvitationsFormat,
      body: CreateInvitationsSchema,
      responses: [
        {
          status: 201,
          description:
            'The new invitations with their tokens (shown once), or with ?format=csv a file of labels and links.',
          schema: IssuedInvitationListResponse,
          contentTypes: ['application/json', 'text/csv'],
        },
      ],
      errors: ['404 not_found', '409 not_invitation_wave'],
    },
  ],
};
