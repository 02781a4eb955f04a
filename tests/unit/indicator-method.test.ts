import { describe, expect, it } from 'vitest';
import * as api from '../../api/src/modules/indicators/indicator-method.js';
import type { IndicatorSource } from '../../api/src/db/tables.js';
import * as web from '../../web/src/pages/indicators/method.js';
import { activityTypes } from '../../web/src/api/choices.js';

// One table of cases for the API's advice on the Wirkungstreppe and the web form's copy of it.

const activities = (activityType: string, measure: 'count' | 'distinct' = 'count'): IndicatorSource =>
  ({
    kind: 'activities',
    activityType,
    measure,
    ...(measure === 'distinct' && { field: 'district' }),
  }) as IndicatorSource;

const cases: Array<[string, { step: number | null; source: IndicatorSource }, string[]]> = [
  ['district visits counted on step 1', { step: 1, source: activities('district_visit') }, []],
  ['articles counted on step 3', { step: 3, source: activities('article') }, []],
  [
    'district visits counted on step 4',
    { step: 4, source: activities('district_visit') },
    ['activity_count_on_outcome_step'],
  ],
  [
    'districts visited (distinct) on step 6',
    { step: 6, source: activities('district_visit', 'distinct') },
    ['activity_count_on_outcome_step'],
  ],
  [
    'thematic exchanges on step 7',
    { step: 7, source: activities('thematic_exchange') },
    ['activity_count_on_outcome_step'],
  ],
  [
    'qualified transfer projects on step 5',
    { step: 5, source: activities('transfer_project_qualified') },
    ['activity_count_on_outcome_step'],
  ],
  ['other activities on step 5', { step: 5, source: activities('other') }, ['activity_count_on_outcome_step']],
  ['won grants on step 5 (members act differently)', { step: 5, source: activities('grant') }, []],
  ['joint projects on step 5', { step: 5, source: activities('joint_project') }, []],
  ['projects adopted elsewhere on step 6', { step: 6, source: activities('transfer_project_adopted') }, []],
  [
    'a survey share on step 4',
    { step: 4, source: { kind: 'survey', questionnaire: 'q', question: 'x', measure: 'share' } },
    [],
  ],
  ['a manual value on step 7', { step: 7, source: { kind: 'manual' } }, []],
  ['an input without step', { step: null, source: activities('district_visit') }, []],
];

describe('method hints (API and web form agree)', () => {
  it.each(cases)('%s', (_, indicator, expected) => {
    expect(api.methodHints(indicator)).toEqual(expected);
    expect(web.methodHints(indicator)).toEqual(expected);
  });

  it('know every activity type, and the same ones count as output', () => {
    expect([...api.OUTPUT_ACTIVITY_TYPES].sort()).toEqual([...web.OUTPUT_ACTIVITY_TYPES].sort());
    for (const type of web.OUTPUT_ACTIVITY_TYPES) expect(activityTypes).toContain(type);
  });
});
