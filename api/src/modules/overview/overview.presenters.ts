import type { Indicator } from '../indicators/indicators.schemas.js';
import type { DayPeriod } from '../results/results.schemas.js';
import type { Wave } from '../waves/waves.schemas.js';
import type { OverviewIndicator, OverviewWave } from './overview.schemas.js';

/** An open wave as the overview shows it (OverviewWaveResponse). */
export function overviewWaveView(
  wave: Wave,
  invitations: { total: number; used: number } | null,
  perDay: DayPeriod[],
): OverviewWave {
  return {
    id: wave.id,
    title: wave.title,
    questionnaire: wave.questionnaire,
    access: wave.access,
    anonymous: wave.anonymous,
    state: wave.state,
    url: wave.url,
    opensAt: wave.opensAt,
    closesAt: wave.closesAt,
    responses: wave.responses,
    completionRate: wave.completionRate,
    lastResponseOn: wave.lastResponseOn,
    invitations,
    responseRate: invitations && invitations.total > 0 ? invitations.used / invitations.total : null,
    perDay,
  };
}

/** An indicator as the overview shows it: its latest value, not its series (OverviewIndicatorResponse). */
export const overviewIndicatorView = (i: Indicator): OverviewIndicator => ({
  key: i.key,
  name: i.name,
  unit: i.unit,
  level: i.level,
  step: i.step,
  direction: i.direction,
  latest: i.latest,
  target: i.target,
  progress: i.progress,
});
