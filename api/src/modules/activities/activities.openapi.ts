import type { ApiModule } from '../../openapi/operation.js';
import {
  ActivitiesQuery,
  ActivityImportResponse,
  ActivityListResponse,
  ActivityParams,
  ActivityResponse,
  CreateActivitySchema,
  ImportActivitiesSchema,
  UpdateActivitySchema,
} from './activities.schemas.js';

/** OpenAPI description of activities.routes.ts. */
export const activitiesApi: ApiModule = {
  tags: [
    {
      name: 'Activities',
      description:
        'The activity log of the network’s work (district visits, exchanges, transfer projects, articles, …); output indicators count it.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/activities',
      operationId: 'listActivities',
      summary: 'The activity log, newest first, optionally filtered and paged (limit, offset)',
      tag: 'Activities',
      access: 'analyst',
      query: ActivitiesQuery,
      responses: [
        {
          status: 200,
          description: 'The activities; districts and years span the whole log, for filters.',
          schema: ActivityListResponse,
        },
      ],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/activities',
      operationId: 'createActivity',
      summary: 'Record an activity',
      tag: 'Activities',
      access: 'organiser',
      body: CreateActivitySchema,
      responses: [{ status: 201, description: 'The recorded activity.', schema: ActivityResponse }],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/activities/import',
      operationId: 'importActivities',
      summary: 'Import activities from CSV text; one bad row refuses the whole file',
      tag: 'Activities',
      access: 'organiser',
      body: ImportActivitiesSchema,
      bodyDescription: 'csv has a header row: type, title, date, district, topic, note (comma or semicolon separated).',
      responses: [{ status: 201, description: 'How many rows were imported.', schema: ActivityImportResponse }],
      errors: ['422 invalid_csv'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/activities/{id}',
      operationId: 'getActivity',
      summary: 'One activity',
      tag: 'Activities',
      access: 'analyst',
      params: ActivityParams,
      responses: [{ status: 200, description: 'The activity.', schema: ActivityResponse }],
      errors: ['404 not_found'],
    },
    {
      method: 'patch',
      path: '/workspaces/{ws}/activities/{id}',
      operationId: 'updateActivity',
      summary: 'Change an activity',
      tag: 'Activities',
      access: 'organiser',
      params: ActivityParams,
      body: UpdateActivitySchema,
      responses: [{ status: 200, description: 'The activity.', schema: ActivityResponse }],
      errors: ['404 not_found'],
    },
    {
      method: 'delete',
      path: '/workspaces/{ws}/activities/{id}',
      operationId: 'deleteActivity',
      summary: 'Delete an activity',
      tag: 'Activities',
      access: 'organiser',
      params: ActivityParams,
      responses: [{ status: 204, description: 'Deleted.' }],
      errors: ['404 not_found'],
    },
  ],
};
