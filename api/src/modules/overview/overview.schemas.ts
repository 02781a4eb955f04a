import { z } from 'zod';
import { ActivityResponse } from '../activities/activities.schemas.js';
import { IndicatorResponse } from '../indicators/indicators.schemas.js';
import { ReportSummaryResponse } from '../reports/reports.schemas.js';
import { DayPeriodResponse } from '../results/results.schemas.js';
import { WaveResponse } from '../waves/waves.schemas.js';

// ── Responses ───────────────────────────────────────────────────────────────────────────

/** An open wave at a glance: its counts, rates and responses per day. */
export const OverviewWaveResponse = WaveResponse.pick({
  id: true,
  title: true,
  questionnaire: true,
  access: true,
  anonymous: true,
  state: true,
  url: true,
  opensAt: true,
  closesAt: true,
  responses: true,
  completionRate: true,
  lastResponseOn: true,
}).extend({
  invitations: z
    .object({ total: z.number().int(), used: z.number().int() })
    .nullable()
    .describe('Invitation waves only: how many invitations were issued and how many were used.'),
  responseRate: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe('Invitation waves only: used invitations over issued ones; null without invitations.'),
  perDay: z
    .array(DayPeriodResponse)
    .describe('As in the wave’s results: an anonymous wave shows no period below the minimum group size.'),
});
export type OverviewWave = z.infer<typeof OverviewWaveResponse>;

/** An indicator's latest value and where it stands on the impact staircase. */
export const OverviewIndicatorResponse = IndicatorResponse.pick({
  key: true,
  name: true,
  unit: true,
  level: true,
  step: true,
  direction: true,
  latest: true,
  target: true,
  progress: true,
});
export type OverviewIndicator = z.infer<typeof OverviewIndicatorResponse>;

export const OverviewResponse = z.object({
  setup: z
    .object({
      questionnaires: z.number().int(),
      published: z.number().int().describe('Questionnaires with at least one published version.'),
      waves: z.number().int(),
      openWaves: z.number().int(),
      responses: z.number().int().describe('Complete responses over all waves.'),
    })
    .describe('What the workspace has so far: the next step for a new workspace follows from it.'),
  waves: z.array(OverviewWaveResponse).describe('The open waves, newest first.'),
  indicators: z.array(OverviewIndicatorResponse).describe('Indicators with a value, by staircase step.'),
  activities: z.object({
    total: z.number().int(),
    recent: z.array(ActivityResponse).describe('The five newest activities.'),
  }),
  report: ReportSummaryResponse.nullable().describe('The report changed last, if there is one.'),
});
export type Overview = z.infer<typeof OverviewResponse>;
