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
      description:
        'where=<question>:<value> may repeat (AND). Titles and labels come in ?locale (any language tag) when the questionnaire carries that language, else in its default language (the definition’s locale, else English); locale names the language they came in, locales every language the questionnaire carries. Error messages follow Accept-Language.',
      tag: 'Results',
      access: 'analyst',
      params: WaveParams,
      query: ResultsQuery,
      responses: [
        {
          status: 200,
          description:
            '{wave: {id, title}, responses: {complete, partial}, perDay, n, minGroupSize, suppressed, filters, questions: [{name, type, title, n, suppressed, choices?, rows?, mean?, other?}], locale, locales}',
        },
      ],
      errors: ['400 invalid_filter', '404 not_found'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/questionnaires/{slug}/trend',
      operationId: 'getQuestionTrend',
      summary: 'One question across every wave of a questionnaire, oldest first, flagging version breaks',
      description: 'Titles and labels come in ?locale as in the wave results, each wave’s from its own version.',
      tag: 'Results',
      access: 'analyst',
      params: TrendParams,
      query: TrendQuery,
      responses: [{ status: 200, description: '{questionnaire, question, minGroupSize, waves: [{wave, n, breakBefore, …figures as in the wave results}]}' }],
      errors: ['404 not_found'],
    },
  ],
};
