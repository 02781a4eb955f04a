import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../api/types';
import { useWorkspace } from '../api/workspaces';
import { PageError } from '../components/PageError';
import { PageHeading } from '../components/PageHeading';
import { Loading } from '../components/Status';

/** Loads the workspace of `/w/:ws` once for all its pages and gives them its navigation. */
export function WorkspaceLayout() {
  const { t } = useTranslation();
  const ws = useParams().ws ?? '';
  const query = useWorkspace(ws);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    // Not a member and does not exist look the same on purpose (the API answers 404 for both).
    return <PageError error={query.error} notFoundStatuses={[404]} notFound={<WorkspaceNotFound />} />;
  }
  const { workspace } = query.data;
  return (
    <>
      <nav aria-label={t('workspace.navigation', { name: workspace.name })} className="sub-nav">
        <ul>
          <li>
            <NavLink to={`/w/${workspace.slug}`} end>
              {t('workspace.overview')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`/w/${workspace.slug}/questionnaires`}>{t('workspace.questionnaires')}</NavLink>
          </li>
          <li>
            <NavLink to={`/w/${workspace.slug}/waves`}>{t('waves.nav')}</NavLink>
          </li>
          <li>
            <NavLink to={`/w/${workspace.slug}/activities`}>{t('activities.nav')}</NavLink>
          </li>
          <li>
            <NavLink to={`/w/${workspace.slug}/indicators`}>{t('indicators.nav')}</NavLink>
          </li>
          <li>
            <NavLink to={`/w/${workspace.slug}/sessions`}>{t('sessions.nav')}</NavLink>
          </li>
          <li>
            <NavLink to={`/w/${workspace.slug}/plan`}>{t('plan.nav')}</NavLink>
          </li>
          <li>
            <NavLink to={`/w/${workspace.slug}/report`}>{t('report.nav')}</NavLink>
          </li>
          <li>
            <NavLink to={`/w/${workspace.slug}/members`}>{t('workspace.members')}</NavLink>
          </li>
          <li>
            <NavLink to={`/w/${workspace.slug}/settings`}>{t('workspace.settings.title')}</NavLink>
          </li>
        </ul>
      </nav>
      {workspace.example && (
        <p className="example-banner" role="note">
          <strong>{t('workspace.example.label')}</strong> {t('workspace.example.text')}
        </p>
      )}
      <Outlet context={workspace} />
    </>
  );
}

/** The workspace loaded by WorkspaceLayout. */
export const useCurrentWorkspace = () => useOutletContext<Workspace>();

function WorkspaceNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('workspace.notFound.title')} />
      <p>{t('workspace.notFound.text')}</p>
      <p>
        <Link to="/workspaces">{t('workspace.notFound.back')}</Link>
      </p>
    </>
  );
}
