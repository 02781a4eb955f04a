import type { ApiModule } from '../../openapi/operation.js';
import {
  InvitationExchangeSchema,
  KeyParams,
  PartialResponseResponse,
  PublicWaveResponse,
  ResponseParams,
  SubmitResponseSchema,
  SubmittedResponse,
} from './responses.schemas.js';

/** OpenAPI description of responses.routes.ts: answering, for anyone with a wave's link (no account). */
export const responsesApi: ApiModule = {
  tags: [
    {
      name: 'Answering',
      description:
        'Public routes for respondents, who have no account. {key} is the unguessable key in the wave link. No session, no same-origin rule.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/public/waves/{key}',
      operationId: 'getPublicWave',
      summary: 'The questionnaire of an open wave, with its privacy notice',
      tag: 'Answering',
      access: 'public',
      params: KeyParams,
      responses: [{ status: 200, description: 'What the answering page needs.', schema: PublicWaveResponse }],
      errors: ['404 not_found', '410 wave_closed', '410 wave_not_open'],
    },
    {
      method: 'post',
      path: '/public/waves/{key}/invitation',
      operationId: 'exchangeInvitationToken',
      summary: "Exchange a personal invitation token for an HttpOnly cookie scoped to the wave's path",
      tag: 'Answering',
      access: 'public',
      params: KeyParams,
      body: InvitationExchangeSchema,
      responses: [{ status: 204, description: 'The cookie is set; later submissions need not carry the token.' }],
      errors: ['403 invalid_token', '404 not_found', '409 conflict', '410 wave_closed', '410 wave_not_open'],
    },
    {
      method: 'post',
      path: '/public/waves/{key}/responses',
      operationId: 'submitResponse',
      summary: 'Submit or save a response; idempotent by its client-generated id',
      description:
        'A complete response is checked against the version’s rules (required, visibleIf, choices, types, validators, unknown names); a partial one for types and unknown names only. The same request again answers 200 with the same body and stores nothing twice.',
      tag: 'Answering',
      access: 'public',
      params: KeyParams,
      body: SubmitResponseSchema,
      bodyDescription:
        'data holds the answers keyed by question name; locale the language the respondent answered in (any language tag, stored with the response). The messages of a 422 come in that language when it is German or English, else by Accept-Language.',
      responses: [
        { status: 201, description: 'Stored.', schema: SubmittedResponse },
        { status: 200, description: 'The same request was stored before.', schema: SubmittedResponse },
      ],
      errors: [
        '403 invitation_required',
        '403 invalid_token',
        '404 not_found',
        '409 conflict',
        '410 wave_closed',
        '410 wave_not_open',
        '422 validation_failed',
      ],
    },
    {
      method: 'get',
      path: '/public/waves/{key}/responses/{id}',
      operationId: 'getPartialResponse',
      summary: 'A partial response, to resume on another device (complete ones are not given out)',
      tag: 'Answering',
      access: 'public',
      params: ResponseParams,
      responses: [
        { status: 200, description: 'The partial response, for resuming it.', schema: PartialResponseResponse },
      ],
      errors: ['404 not_found'],
    },
  ],
};
