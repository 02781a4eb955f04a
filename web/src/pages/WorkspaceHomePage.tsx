import { useTranslation } from 'react-i18next';
import { useOverview } from '../api/overview';
import { PageError } from '../components/PageError';
import { PageHeading } from '../components/PageHeading';
import { Loading } from '../components/Status';
import { IndicatorSteps } from './home/IndicatorSteps';
import { NextSteps } from './home/NextSteps';
import { OpenWaves } from './home/OpenWaves';
import { RecentActivities } from './home/RecentActivities';
import { ReportCard } from './home/ReportCard';
import { NextActions } from './plan/NextActions';
import { useCurrentWorkspace } from './WorkspaceLayout';

/**
 * `/w/:ws`: the workspace at a glance (one call, GET …/overview): a new
 * workspace's next step, open waves with their progress, the latest indicator
 * values on the impact staircase, recent activities and the report; the
 * action plan's next due actions (the workspace's next steps after the session).
 * The settings are at `/w/:ws/settings`.
 */
export function WorkspaceHomePage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const overview = useOverview(workspace.slug);

  return (
    <>
      <PageHeading title={workspace.name} />
      <p className="muted">
        {t('workspace.yourRole')}: <span>{t(`roles.${workspace.role}`)}</span>
      </p>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <PageError error={overview.error} />
      ) : (
        <div className="home">
          {/* Nothing answered yet: the way there comes first. */}
          {overview.data.setup.responses === 0 && (
            <NextSteps ws={workspace.slug} setup={overview.data.setup} waves={overview.data.waves} />
          )}
          {/* The strategy session's decisions: what is due next in the action plan. */}
          <NextActions ws={workspace.slug} />
          <OpenWaves ws={workspace.slug} waves={overview.data.waves} min={workspace.minGroupSize} />
          <IndicatorSteps ws={workspace.slug} indicators={overview.data.indicators} />
          <RecentActivities ws={workspace.slug} activities={overview.data.activities} />
          <ReportCard ws={workspace.slug} report={overview.data.report} />
        </div>
      )}
    </>
  );
}
