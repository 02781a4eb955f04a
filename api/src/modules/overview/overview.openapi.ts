import type { ApiModule } from '../../openapi/operation.js';
import { OverviewResponse } from './overview.schemas.js';

/** OpenAPI description of overview.routes.ts. */
export const overviewApi: ApiModule = {
  tags: [
    {
      name: 'Overview',
      description: 'The workspace home at a glance: open waves, latest indicator values, activities, the report.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/overview',
      operationId: 'getWorkspaceOverview',
      summary: 'The workspace at a glance',
      tag: 'Overview',
      access: 'analyst',
      responses: [
        {
          status: 200,
          description:
            'Open waves with completion and response rates and responses per day (no period below the minimum group size in anonymous waves), indicators with a value, the five newest activities, the report changed last, and counts for the next steps of a new workspace.',
          schema: OverviewResponse,
        },
      ],
    },
  ],
};
