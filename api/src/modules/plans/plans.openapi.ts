import type { ApiModule } from '../../openapi/operation.js';
import { ActionParams, ActionResponse, CreateActionSchema, PlanResponse, UpdateActionSchema } from './plans.schemas.js';

/** OpenAPI description of plans.routes.ts. */
export const plansApi: ApiModule = {
  tags: [
    {
      name: 'Action plan',
      description:
        'The Maßnahmenplan: actions decided in the strategy session, carried by volunteers or needing funding, with owner, due day and indicator targets. The report’s plans chapter (SRS 4.1–4.2) is built from it.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/plan',
      operationId: 'getPlan',
      summary: 'The action plan, due first',
      tag: 'Action plan',
      access: 'analyst',
      responses: [{ status: 200, description: 'The actions and their totals.', schema: PlanResponse }],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/plan/actions',
      operationId: 'createAction',
      summary: 'Record an action by hand, or adopt an option of a closed session',
      tag: 'Action plan',
      access: 'organiser',
      body: CreateActionSchema,
      responses: [{ status: 201, description: 'The action.', schema: ActionResponse }],
      errors: ['404 not_found', '409 session_open', '409 already_adopted', '422 unknown_indicator'],
    },
    {
      method: 'patch',
      path: '/workspaces/{ws}/plan/actions/{id}',
      operationId: 'updateAction',
      summary: 'Change an action; switching it to volunteers clears its cost and funding source',
      tag: 'Action plan',
      access: 'organiser',
      params: ActionParams,
      body: UpdateActionSchema,
      responses: [{ status: 200, description: 'The action.', schema: ActionResponse }],
      errors: ['404 not_found', '422 unknown_indicator', '422 no_funding'],
    },
    {
      method: 'delete',
      path: '/workspaces/{ws}/plan/actions/{id}',
      operationId: 'deleteAction',
      summary: 'Delete an action',
      tag: 'Action plan',
      access: 'organiser',
      params: ActionParams,
      responses: [{ status: 204, description: 'Deleted.' }],
      errors: ['404 not_found'],
    },
  ],
};
