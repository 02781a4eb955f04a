import type { ApiModule } from '../../openapi/operation.js';
import {
  AnswerParams,
  AnswersParams,
  AnswersQuery,
  CodebookParams,
  CodeParams,
  CreateCodeSchema,
  SetCodesSchema,
  UpdateCodeSchema,
} from './answers.schemas.js';

/** OpenAPI description of answers.routes.ts: open answers and their coding (analysts may code). */
export const answersApi: ApiModule = {
  tags: [
    {
      name: 'Open answers',
      description:
        'Free-text answers of a wave and the codebook of a questionnaire used to code them. Shown to organisers and analysts only.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/questionnaires/{slug}/codes',
      operationId: 'listCodes',
      summary: 'The codebook of a questionnaire',
      tag: 'Open answers',
      access: 'analyst',
      params: CodebookParams,
      responses: [{ status: 200, description: '{codes: [{id, label}]}' }],
      errors: ['404 not_found'],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/questionnaires/{slug}/codes',
      operationId: 'createCode',
      summary: 'Add a code to the codebook',
      tag: 'Open answers',
      access: 'analyst',
      params: CodebookParams,
      body: CreateCodeSchema,
      responses: [{ status: 201, description: '{id, label}' }],
      errors: ['404 not_found', '409 conflict'],
    },
    {
      method: 'patch',
      path: '/workspaces/{ws}/questionnaires/{slug}/codes/{id}',
      operationId: 'renameCode',
      summary: 'Rename a code',
      tag: 'Open answers',
      access: 'analyst',
      params: CodeParams,
      body: UpdateCodeSchema,
      responses: [{ status: 200, description: '{id, label}' }],
      errors: ['404 not_found', '409 conflict'],
    },
    {
      method: 'delete',
      path: '/workspaces/{ws}/questionnaires/{slug}/codes/{id}',
      operationId: 'deleteCode',
      summary: 'Remove a code (and its assignments)',
      tag: 'Open answers',
      access: 'analyst',
      params: CodeParams,
      responses: [{ status: 204, description: 'Removed.' }],
      errors: ['404 not_found'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/waves/{id}/answers/{question}',
      operationId: 'listOpenAnswers',
      summary: 'The answers of a wave to one open question, with their codes',
      tag: 'Open answers',
      access: 'analyst',
      params: AnswersParams,
      query: AnswersQuery,
      responses: [
        {
          status: 200,
          description: '{question: {name, title}, total, answers: [{id, text, codes}], codes: [{id, label, count}]}',
        },
      ],
      errors: ['400 not_open_question', '404 not_found'],
    },
    {
      method: 'put',
      path: '/workspaces/{ws}/waves/{id}/answers/{question}/{responseId}/codes',
      operationId: 'setAnswerCodes',
      summary: 'Replace the codes of one answer',
      tag: 'Open answers',
      access: 'analyst',
      params: AnswerParams,
      body: SetCodesSchema,
      responses: [{ status: 200, description: '{id, codes}' }],
      errors: ['400 not_open_question', '400 unknown_code', '404 not_found'],
    },
  ],
};
