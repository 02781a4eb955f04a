import type { ApiModule } from '../../openapi/operation.js';
import {
  ResultsQuery,
  TrendParams,
  TrendQuery,
  TrendResponse,
  WaveParams,
  WaveResultsResponse,
} from './results.schemas.js';

/** OpenAPI description of results.routes.ts. */
export const resultsApi: ApiModule = {
  tags: [
    {
      name: 'Results',
      description:
        'Aggregates of complete responses. Any figure over fewer respondents than the workspace’s minimum group size is suppressed (suppressed: true, count: null), with secondary suppression.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/waves/{id}/results',
      operationId: 'getWaveResults',
      summary: 'The results of a wave, per question, optionally filtered',
      description:
        'where=<question>:<value> may repeat (AND). For a matrix it names a row (<question>:<row>:<column>), for a dropdown matrix a choice cell (<question>:<row>:<column>:<value>), for a dynamic matrix a choice column in any row (<question>:<column>:<value>), for a dynamic panel a choice question in any panel (<question>:<inner question>:<value>); questionTypes[type].filter says which (value, cells or none). Titles and labels come in ?locale (any language tag) when the questionnaire carries that language, else in its default language (the definition’s locale, else English); locale names the language they came in, locales every language the questionnaire carries. Error messages follow Accept-Language.',
      tag: 'Results',
      access: 'analyst',
      params: WaveParams,
      query: ResultsQuery,
      responses: [
        {
          status: 200,
          description:
            'Per-question figures after the filters. By type: choices (with none / refused / don’t-know cells) for choice questions, boolean, rating and image pickers; rows for matrix; items [{value, label, n, mean?}] for multipletext (mean of numbers) and ranking (mean rank, 1 = first); mean (and choices over few steps) for slider; cells [{row, column, type, n, choices?, mean?}] for matrixdropdown (row × column) and matrixdynamic (per column, row null, with panels = rows); panels {n, total, mean} and inner [figures per inner question] for paneldynamic. Inside dynamic panels and matrices a choice counts the respondents who chose it in any panel or row. Every figure is suppressed below the minimum group size.',
          schema: WaveResultsResponse,
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
      responses: [
        {
          status: 200,
          description:
            'Per wave: its n, whether a breaking change lies before it, and the question’s figures as in the wave results (or missing: true).',
          schema: TrendResponse,
        },
      ],
      errors: ['404 not_found'],
    },
  ],
};
