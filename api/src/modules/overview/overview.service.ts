import type { Db } from '../../db/db-handle.js';
import type { WorkspaceRow } from '../../db/tables.js';
import { listActivities } from '../activities/activities.service.js';
import { listIndicators } from '../indicators/indicators.service.js';
import { listQuestionnaires } from '../questionnaires/questionnaires.service.js';
import { listReports } from '../reports/reports.service.js';
import type { ResultsEngine } from '../results/engine/engine.js';
import { wavePerDay } from '../results/results.service.js';
import { describeWave, listWaves } from '../waves/waves.service.js';
import { overviewIndicatorView, overviewWaveView } from './overview.presenters.js';
import type { Overview } from './overview.schemas.js';

/** How many of the newest activities the overview lists. */
const RECENT_ACTIVITIES = 5;

/**
 * The workspace at a glance, in one call: its open waves with their progress,
 * the latest indicator values, recent activities, the report, and what it has
 * so far (from which a new workspace's next step follows). Everything comes
 * from the other modules' services, with their privacy rules applied.
 */
export async function workspaceOverview(
  db: Db,
  engine: ResultsEngine,
  ws: WorkspaceRow,
  publicUrl: string,
): Promise<Overview> {
  const waves = await listWaves(db, ws, publicUrl);
  const open = waves.filter((w) => w.state === 'open');
  const openViews = [];
  for (const wave of open) {
    const invitations =
      wave.access === 'invitation' ? (await describeWave(db, ws, wave.id, publicUrl)).invitations : null;
    openViews.push(overviewWaveView(wave, invitations, await wavePerDay(db, engine, ws, wave.id)));
  }
  const questionnaires = await listQuestionnaires(db, ws, 'en');
  const { indicators } = await listIndicators(db, engine, ws);
  const activities = await listActivities(db, ws, { limit: RECENT_ACTIVITIES });
  const { reports } = await listReports(db, ws);
  return {
    setup: {
      questionnaires: questionnaires.length,
      published: questionnaires.filter((q) => q.latestVersion !== null).length,
      waves: waves.length,
      openWaves: open.length,
      responses: waves.reduce((sum, w) => sum + w.responses.complete, 0),
    },
    waves: openViews,
    indicators: indicators
      .filter((i) => i.latest !== null)
      .sort((a, b) => (a.step ?? 8) - (b.step ?? 8) || a.name.localeCompare(b.name, 'de'))
      .map(overviewIndicatorView),
    activities: { total: activities.total, recent: activities.activities },
    // Newest change first (reports.repo orders so).
    report: reports[0] ?? null,
  };
}
