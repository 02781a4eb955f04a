import type { ApiModule } from '../../openapi/operation.js';
import { ResultsQuery, TrendParams, TrendQuery, WaveParams } from './results.schemas.js';

/** OpenAPI description of results.routes.ts. */
export const resultsApi: ApiModule = {
  tags: [
    {
      name: 'Results',
      description: 'Aggregates of complete responses. Any figure over fewer respondents than the workspace’s minimum group size is suppressed (suppressed: true, count: null), with secondary suppression.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/waves/{id}/results',
      operationId: 'getWaveResults',
      summary: 'The results of a wave, per question, optionally filtered',
      description: 'where=<question>:<value> may repeat (AND). Labels come in ?locale, falling back to the definition’s default.',
      tag: 'Results',
      access: 'analyst',
      params: WaveParams,
      query: ResultsQuery,
      responses: [
        {
          status: 200,
          description:
            '{wave: {id, title}, responses: {complete, partial}, perDay, n, minGroupSize, suppressed, filters, questions: [{name, type, title, n, suppressed, choices?, rows?, mean?, other?}]}',
        },
      ],
      errors: ['400 invalid_filter', '404 not_found'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/questionnaires/{slug}/trend',
      operationId: 'getQuestionTrend',
      summary: 'One question across every wave of a questionnaire, oldest first, flagging version breaks',
      tag: 'Results',
      access: 'analyst',
      params: TrendParams,
      query: TrendQuery,
      responses: [{ status: 200, description: '{questionnaire, question, minGroupSize, waves: [{wave, n, breakBefore, …figures as in the wave results}]}' }],
      errors: ['404 not_found'],
    },
  ],
};
