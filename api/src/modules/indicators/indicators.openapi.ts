import type { ApiModule } from '../../openapi/operation.js';
import {
  CreateIndicatorSchema,
  IndicatorListResponse,
  IndicatorParams,
  IndicatorResponse,
  MeasurementParams,
  MeasurementResponse,
  MeasurementSchema,
  UpdateIndicatorSchema,
} from './indicators.schemas.js';

/** OpenAPI description of indicators.routes.ts. */
export const indicatorsApi: ApiModule = {
  tags: [
    {
      name: 'Indicators',
      description:
        'Named figures tracked over time, placed in the impact model (IOOI level, Wirkungstreppe step 1–7), from manual measurements, a survey question or the activity log.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/indicators',
      operationId: 'listIndicators',
      summary: 'The indicators of a workspace with their series',
      tag: 'Indicators',
      access: 'analyst',
      responses: [
        {
          status: 200,
          description: 'The indicators with their series, latest value and progress.',
          schema: IndicatorListResponse,
        },
      ],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/indicators',
      operationId: 'createIndicator',
      summary: 'Define an indicator',
      tag: 'Indicators',
      access: 'organiser',
      body: CreateIndicatorSchema,
      responses: [{ status: 201, description: 'The new indicator with its series.', schema: IndicatorResponse }],
      errors: ['409 conflict', '422 invalid_indicator'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/indicators/{key}',
      operationId: 'getIndicator',
      summary: 'One indicator with its series',
      tag: 'Indicators',
      access: 'analyst',
      params: IndicatorParams,
      responses: [
        {
          status: 200,
          description: 'The indicator with its series (oldest first), latest value and progress (0–1).',
          schema: IndicatorResponse,
        },
      ],
      errors: ['404 not_found'],
    },
    {
      method: 'patch',
      path: '/workspaces/{ws}/indicators/{key}',
      operationId: 'updateIndicator',
      summary: 'Change an indicator',
      tag: 'Indicators',
      access: 'organiser',
      params: IndicatorParams,
      body: UpdateIndicatorSchema,
      responses: [
        {
          status: 200,
          description: 'The indicator with its series (oldest first), latest value and progress (0–1).',
          schema: IndicatorResponse,
        },
      ],
      errors: ['404 not_found', '422 invalid_indicator'],
    },
    {
      method: 'delete',
      path: '/workspaces/{ws}/indicators/{key}',
      operationId: 'deleteIndicator',
      summary: 'Delete an indicator and its measurements',
      tag: 'Indicators',
      access: 'organiser',
      params: IndicatorParams,
      responses: [{ status: 204, description: 'Deleted.' }],
      errors: ['404 not_found'],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/indicators/{key}/measurements',
      operationId: 'addMeasurement',
      summary: 'Record a measurement of a manual indicator',
      tag: 'Indicators',
      access: 'organiser',
      params: IndicatorParams,
      body: MeasurementSchema,
      responses: [{ status: 201, description: 'The recorded measurement.', schema: MeasurementResponse }],
      errors: ['404 not_found', '422 not_manual'],
    },
    {
      method: 'delete',
      path: '/workspaces/{ws}/indicators/{key}/measurements/{id}',
      operationId: 'deleteMeasurement',
      summary: 'Delete a measurement',
      tag: 'Indicators',
      access: 'organiser',
      params: MeasurementParams,
      responses: [{ status: 204, description: 'Deleted.' }],
      errors: ['404 not_found'],
    },
  ],
};
